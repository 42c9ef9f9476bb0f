package event

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// TestNounPartiesFromParse guards that a nominal trigger's parties come
// from its own dependents on the parse: the head of each conjunct is the
// party ("Palestinian leader Yasser Arafat" is one party, not two), a
// country before a bare role keeps it ("Iranian shipping firms"), the
// possessor of an act is its doer, and the possessor of a penalty on
// people undergoes it.
func TestNounPartiesFromParse(t *testing.T) {
	tests := []struct {
		name, text, plover string
		srcs, tgts         []string // actor codes wanted on the events, in any order
		notTgt             string   // a code no event may have as target
	}{
		{"the head of a conjunct is the party", "Arab League Secretary General Chadli Klibi undertook a mediation mission between Syria and Palestinian leader Yasser Arafat.",
			"CONSULT", []string{"IGOMEAARL"}, []string{"SYR", "PSEGOV"}, "PSE"},
		{"a country before a bare role is kept", "Britain announced fines for Iranian shipping firms.", "COERCE", []string{"GBR"}, []string{"IRN"}, "BUS"},
		{"the possessor of an act is its doer", "China's crackdown on protesters in Tiananmen Square in 1989.", "ASSAULT", []string{"CHN"}, []string{"CHNOPP"}, "CHN"},
		{"the possessor of a penalty on people undergoes it", "The men's arrest by Egyptian police.", "COERCE", []string{"EGYCOP"}, []string{"EGYPPL"}, ""},
		{"coordinated objects and a by-agent", "The arrest of Ukrainian and Georgian officials by Russian police.", "COERCE", []string{"RUSCOP"}, []string{"UKRGOV", "GEOGOV"}, "RUSCOP"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var srcs, tgts []string
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.PLOVER != tt.plover {
					continue
				}
				srcs, tgts = append(srcs, e.SourceCode), append(tgts, e.TargetCode)
			}
			if srcs == nil {
				t.Fatalf("no %s event", tt.plover)
			}
			for _, w := range tt.srcs {
				if !slices.Contains(srcs, w) {
					t.Errorf("sources %q, want %s among them", srcs, w)
				}
			}
			for _, w := range tt.tgts {
				if !slices.Contains(tgts, w) {
					t.Errorf("targets %q, want %s among them", tgts, w)
				}
			}
			if tt.notTgt != "" && slices.Contains(tgts, tt.notTgt) {
				t.Errorf("targets %q hold %s", tgts, tt.notTgt)
			}
		})
	}
}

// TestBusinessNounNamesBothParties guards that a company's nominal act is
// an event when the noun names both its parties, and stays business prose
// when it names one.
func TestBusinessNounNamesBothParties(t *testing.T) {
	tests := []struct {
		name, text string
		orgs       []string
		want       string // PLOVER, "" for no event
		src, tgt   string // entity names wanted
	}{
		{"a merger of two named companies", "The merger of the newspaper chains Gannett and GateHouse Media became final on Tuesday.",
			[]string{"Gannett", "GateHouse Media"}, "COOPERATE", "Gannett", "GateHouse Media"},
		{"talks with a named company", "Mitsubishi Motors is in talks with the carmaker Peugeot about an alliance.",
			[]string{"Mitsubishi Motors", "Peugeot"}, "CONSULT", "Mitsubishi Motors", "Peugeot"},
		{"a merger with one party is prose", "The merger left Gannett with less debt than before.",
			[]string{"Gannett"}, "", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []parley.Entity
			for _, o := range tt.orgs {
				ents = append(ents, parley.Entity{Type: parley.Organization, Kind: string(parley.Company), Name: o, Affiliation: "American"})
			}
			d, name := codeWithEntities(t, c, tt.text, ents)
			for _, e := range d.Events {
				if tt.want == "" {
					t.Fatalf("want no event, got %s (%q)", e.PLOVER, e.Trigger)
				}
				if e.PLOVER == tt.want && name(e.Source) == tt.src && name(e.Target) == tt.tgt {
					return
				}
			}
			if tt.want != "" {
				t.Errorf("no %s %s → %s in %+v", tt.want, tt.src, tt.tgt, d.Events)
			}
		})
	}
}

// TestAdverbAfterAuxiliaryIsFinite guards that "have long refused" is a
// finite verb, the sentence's act, and not lost to a noun before it.
func TestAdverbAfterAuxiliaryIsFinite(t *testing.T) {
	c := testCoder(t)
	s := "Ghani hoped for talks between his government and the Taliban, who have long refused to negotiate with Kabul."
	for _, e := range c.CodeText(s, time.Time{}) {
		if e.PLOVER == "REJECT" {
			return
		}
	}
	t.Errorf("no REJECT in %+v", c.CodeText(s, time.Time{}))
}

// TestActorEntityIsThePossessedName guards two actor choices that the
// claims layer builds on: the entity of "Britain's Conservative Party" is
// the party, not its possessor, and the subject of "is under fire" is the
// target of the criticism, not its source.
func TestActorEntityIsThePossessedName(t *testing.T) {
	type ent struct {
		name string
		typ  parley.EntityType
	}
	tests := []struct {
		name, text string
		ents       []ent
		want       string // PLOVER
		src, tgt   string // entity names wanted ("" for none)
	}{
		{"the possessed name is the actor", "Britain's Conservative Party was accused on Wednesday of trying to deceive voters.",
			[]ent{{"Britain", parley.Place}, {"Conservative Party", parley.Organization}}, "ACCUSE", "", "Conservative Party"},
		{"the subject of under fire is its target", "Prime Minister Boris Johnson is under fire for failing to deliver on his vow.",
			[]ent{{"Boris Johnson", parley.Person}}, "ACCUSE", "", "Boris Johnson"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []parley.Entity
			for _, o := range tt.ents {
				e := parley.Entity{Type: o.typ, Name: o.name, Affiliation: "British"}
				if o.typ == parley.Organization {
					e.Kind = string(parley.Party)
				}
				ents = append(ents, e)
			}
			d, name := codeWithEntities(t, c, tt.text, ents)
			for _, e := range d.Events {
				if e.PLOVER == tt.want && name(e.Source) == tt.src && name(e.Target) == tt.tgt {
					return
				}
			}
			t.Errorf("no %s %q → %q in %+v", tt.want, tt.src, tt.tgt, d.Events)
		})
	}
}

// codeWithEntities segments s, gives it the entities ents each with a
// mention at its name's first occurrence, codes it, and returns the Doc
// and a function naming an event's entity.
func codeWithEntities(t *testing.T, c *Coder, s string, ents []parley.Entity) (*parley.Doc, func(parley.EntityRef) string) {
	t.Helper()
	d := text.SegmentString(s)
	for _, e := range ents {
		ref := d.AddEntity(e)
		sp := spanOf(s, e.Name)
		d.AddMentions(parley.Mention{Span: sp, First: int32(d.TokenAt(sp.Start)), Last: int32(d.TokenAt(sp.End-1) + 1), Entity: ref, Kind: parley.NameMention})
	}
	if err := c.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d, func(r parley.EntityRef) string {
		if i := r.Index(); i >= 0 && i < len(d.Entities) {
			return d.Entities[i].Name
		}
		return ""
	}
}
