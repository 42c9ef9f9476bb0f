package event

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// An organisation of the entity layer is an actor even when it is no state
// organ: its kind gives the role code, and its act is an event.
func TestEntityKindActors(t *testing.T) {
	tests := []struct {
		name, text, source, target string
		kind                       parley.OrgKind
		want                       string // source code, "" for no event
	}{
		{"company suing a company", "Acme Widgets sued Globex Tools over the patent.", "Acme Widgets", "Globex Tools", parley.Company, "BUS"},
		{"party accusing a company", "The Blue Party accused Globex Tools of fraud.", "The Blue Party", "Globex Tools", parley.Party, "PTY"},
		{"company's participle is no event", "Acme Widgets, suing Globex Tools over the patent, lost money.", "Acme Widgets", "Globex Tools", parley.Company, ""},
		{"company's act in a conditional clause is no event", "The shares will fall if Acme Widgets sues Globex Tools.", "Acme Widgets", "Globex Tools", parley.Company, ""},
		{"company's act in a causal clause is an event", "The shares fell because Acme Widgets sued Globex Tools.", "Acme Widgets", "Globex Tools", parley.Company, "BUS"},
		{"organisation of unknown kind gets no code", "Acme Widgets sued Globex Tools over the patent.", "Acme Widgets", "Globex Tools", parley.OtherOrg, ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{
				{Type: parley.Organization, Kind: string(tt.kind), Name: tt.source},
				{Type: parley.Organization, Kind: string(tt.kind), Name: tt.target},
			}
			d.AddMentions(mentionOf(d, tt.text, tt.source, parley.EntityAt(0)), mentionOf(d, tt.text, tt.target, parley.EntityAt(1)))
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(d.Events) != 0 {
					t.Fatalf("got %+v, want no event", d.Events)
				}
				return
			}
			if len(d.Events) == 0 {
				t.Fatalf("no event, want one with source %s", tt.want)
			}
			if e := d.Events[0]; e.SourceCode != tt.want || e.Source != parley.EntityAt(0) {
				t.Errorf("source %s (%v), want %s (E1)", e.SourceCode, e.Source, tt.want)
			}
		})
	}
}

// mentionOf is the mention of entity ref at the first occurrence of sub.
func mentionOf(d *parley.Doc, s, sub string, ref parley.EntityRef) parley.Mention {
	sp := spanOf(s, sub)
	m := parley.Mention{Span: sp, Entity: ref, First: -1}
	for i, tok := range d.Tokens {
		if int(tok.Start) >= sp.Start && int(tok.End) <= sp.End {
			if m.First < 0 {
				m.First = int32(i)
			}
			m.Last = int32(i + 1)
		}
	}
	return m
}

// The table decides both the role and whether the entity acts alone; a
// kind without a row takes its type's default.
func TestKindRolesLookup(t *testing.T) {
	m, err := parseKindRoles("x.tsv", "ORG\tCOMPANY\tBUS\tyes\nORG\tMEDIA\tMED\tno\nORG\t*\t-\tyes\n")
	if err != nil {
		t.Fatal(err)
	}
	d := &parley.Doc{Entities: []parley.Entity{
		{Type: parley.Organization, Kind: string(parley.Company)},
		{Type: parley.Organization, Kind: string(parley.Media)},
		{Type: parley.Organization, Kind: string(parley.OtherOrg)},
		{Type: parley.Person},
	}}
	tests := []struct {
		ref  parley.EntityRef
		role string
		acts bool
	}{
		{parley.EntityAt(0), "BUS", true},
		{parley.EntityAt(1), "MED", false},
		{parley.EntityAt(2), "", true},
		{parley.EntityAt(3), "", false},
		{0, "", false},
	}
	for _, tt := range tests {
		if e := d.Entity(tt.ref); e != nil && m.role(e) != tt.role {
			t.Errorf("%v: role %q, want %q", tt.ref, m.role(e), tt.role)
		}
		if got := m.acts(d, tt.ref); got != tt.acts {
			t.Errorf("%v: acts %v, want %v", tt.ref, got, tt.acts)
		}
	}
}

func TestParseKindRolesErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"two fields", "ORG\tCOMPANY\n", "want TYPE"},
		{"long role", "ORG\tCOMPANY\tBUSINESS\tyes\n", "three-letter"},
		{"acts neither yes nor no", "ORG\tCOMPANY\tBUS\tmaybe\n", "yes|no"},
		{"duplicate", "ORG\tCOMPANY\tBUS\tyes\nORG\tCOMPANY\tMNC\tno\n", "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseKindRoles("x.tsv", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
