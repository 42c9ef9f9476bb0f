package event

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// A verb of bodily harm with a person harmed is a physical assault by the
// person who did it, whatever their codes; sport, accidents, negated and
// supposed harm are not.
func TestBodilyHarm(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // CAMEO code, "" for none
		src, tgt   string // the people named as source and target, "" for none
	}{
		{"a blow in the head", "Garrett hit Rudolph in the head with a helmet.", assaultCode, "Garrett", "Rudolph"},
		{"a person named with a title", "Garrett shoved quarterback Rudolph to the ground.", assaultCode, "Garrett", "Rudolph"},
		{"a noun for a person", "Garrett punched a man outside the club.", assaultCode, "Garrett", ""},
		{"killed by stabbing", "Rudolph was stabbed to death by Garrett.", killedCode, "Garrett", "Rudolph"},
		{"hitting a thing is sport", "Garrett hit the fairway with his drive.", "", "", ""},
		{"beating a rival is sport", "Garrett beat Rudolph in the final.", "", "", ""},
		{"a thing's blow is an accident", "Rudolph was hit in the head by a firework.", "", "", ""},
		{"negated", "Garrett did not punch Rudolph.", "", "", ""},
		{"supposed", "Garrett would punch Rudolph.", "", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Person, Name: "Garrett"}, {Type: parley.Person, Name: "Rudolph"}}
			for i, n := range []string{"Garrett", "Rudolph"} {
				if strings.Contains(tt.text, n) {
					d.Mentions = append(d.Mentions, kindMention(d, tt.text, n, parley.EntityAt(i), parley.NameMention))
				}
			}
			if len(d.Mentions) == 2 && d.Mentions[0].Span.Start > d.Mentions[1].Span.Start {
				d.Mentions[0], d.Mentions[1] = d.Mentions[1], d.Mentions[0]
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got *parley.Event
			for i := range d.Events {
				if d.Events[i].CAMEORoot == "18" {
					got = &d.Events[i]
				}
			}
			if tt.want == "" {
				if got != nil {
					t.Fatalf("assault %+v, want none", *got)
				}
				return
			}
			if got == nil || got.CAMEO != tt.want {
				t.Fatalf("events %+v, want %s", d.Events, tt.want)
			}
			name := func(r parley.EntityRef) string {
				if e := d.Entity(r); e != nil {
					return e.Name
				}
				return ""
			}
			if name(got.Source) != tt.src || name(got.Target) != tt.tgt {
				t.Errorf("source %q target %q, want %q %q", name(got.Source), name(got.Target), tt.src, tt.tgt)
			}
		})
	}
}

// A noun of penalty on a person, through "for", "on" or a possessor, is a
// sanction of that person; one on a thing or an organisation is not (the
// dictionaries code those).
func TestPenaltiesOnPeople(t *testing.T) {
	tests := []struct {
		name, text, person string
		kind               parley.MentionKind
		want               bool
	}{
		{"for a person", "The league announced suspensions for Garrett after the game.", "Garrett", parley.NameMention, true},
		{"a person's penalty", "The league confirmed his suspension on Monday.", "his", parley.PronounMention, true},
		{"on a thing", "The council announced a ban on smoking.", "", parley.NameMention, false},
		{"on an organisation", "The league announced a fine for the Steelers.", "", parley.NameMention, false},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Person, Name: "Garrett"}, {Type: parley.Organization, Name: "Steelers"}}
			if tt.person != "" {
				d.Mentions = []parley.Mention{kindMention(d, tt.text, tt.person, parley.EntityAt(0), tt.kind)}
			} else if strings.Contains(tt.text, "Steelers") {
				d.Mentions = []parley.Mention{kindMention(d, tt.text, "the Steelers", parley.EntityAt(1), parley.NameMention)}
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := false
			for _, e := range d.Events {
				if e.CAMEO == penaltyCode && e.Target == parley.EntityAt(0) {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("penalty on the person %v, want %v (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}
