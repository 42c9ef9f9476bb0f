package event

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// A plan is an event only as far as what is planned is one: a plan to
// meet no one is no intention to meet (036), and a business's or a media
// group's plan to end or cut its own services is no threat (13x); a plan
// with someone to meet, an agreement to meet and a planned coercion from
// or against a political actor stay. A media group is given as the
// entity layer would give it.
func TestPlansThatAreNoEvents(t *testing.T) {
	tests := []struct {
		name, text string
		org        string // a media group's name in text, "" for none
		drop, keep string // CAMEO root that must not / must be coded ("" for none)
	}{
		{"a plan to travel with no one to meet", "The ministry plans to fly to the moon in 2022.", "", "03", ""},
		{"a future visit with no one visited", "The Danish royal family will attend.", "", "03", ""},
		{"a plan to visit someone stays", "The foreign minister plans to visit China next week.", "", "", "03"},
		{"an agreement to meet stays", "The two governments agreed to reopen talks.", "", "", "03"},
		{"a media group's plan to end a service", "Tribune is planning to end Saturday publication of all its newspapers.", "Tribune", "13", ""},
		{"a media group's planned sanction on a country stays a threat", "Tribune is planning to impose sanctions on Iran.", "Tribune", "", "13"},
		{"a government's planned coercion stays a threat", "The government is planning to ban smoking in pubs.", "", "", "13"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			if tt.org != "" {
				d.Entities = []parley.Entity{{Type: parley.Organization, Name: tt.org, Kind: "MEDIA"}}
				d.Mentions = []parley.Mention{kindMention(d, tt.text, tt.org, parley.EntityAt(0), parley.NameMention)}
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := false
			for _, e := range d.Events {
				if tt.drop != "" && e.CAMEORoot == tt.drop {
					t.Errorf("coded %s %s (%q) %s→%s, want none", e.PLOVER, e.CAMEO, e.Trigger, e.SourceCode, e.TargetCode)
				}
				got = got || e.CAMEORoot == tt.keep
			}
			if tt.keep != "" && !got {
				t.Errorf("want a root %s event, got %+v", tt.keep, d.Events)
			}
		})
	}
}
