package event

import (
	"context"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// TestOccurringProtestNoun: a protest noun that is the subject of a verb
// of its going on ("the protests spread") reports a protest even when no
// protester is named: its protesters are the citizens of the country the
// sentence names, its target their government or the party "against" it
// names, and it is kept beside the sentence's main act. The actor before
// the noun in another clause is not its protester; a protest noun with no
// verb of going on stays prose.
func TestOccurringProtestNoun(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		src, tgt   string // "" src: no protest coded
	}{
		{"a place of the protest", "The demonstrations in Ecuador have since spread to the coast.", "ECUCVL", "ECUGOV"},
		{"the party it is against", "Although the decree was shelved, the protests had broadened into a movement against the Ecuadorian government.", "ECUCVL", "ECUGOV"},
		{"beside the main act, not by its subject", "Police in Bolivia fired tear gas on Friday as anti-government protests escalated.", "BOLCVL", "BOLGOV"},
		{"the first word of the class", "The rallies in Peru began on Monday.", "PERCVL", "PERGOV"},
		{"no verb of going on", "The protests in Peru were small.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range c.CodeText(tt.text, pub) {
				if e.PLOVER == "PROTEST" {
					got = append(got, e.SourceCode+"→"+e.TargetCode)
				}
			}
			want := tt.src + "→" + tt.tgt
			switch {
			case tt.src == "" && len(got) > 0:
				t.Errorf("%q: protests %v, want none", tt.text, got)
			case tt.src != "" && (len(got) != 1 || got[0] != want):
				t.Errorf("%q: protests %v, want %s", tt.text, got, want)
			}
		})
	}
}

// TestStoryCountryProtest: an occurring protest noun whose sentence names
// no country takes the country of the place the story has just named
// (an entity of the entity layer), whether or not its sentence names an
// actor; with no place named before, it stays prose.
func TestStoryCountryProtest(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text, place string
		want              string // source→target, "" for no protest
	}{
		{"a sentence with no actor", "Riot police surrounded a campus in Sucre on Sunday. The protests began peacefully in June.", "Sucre", "BOLCVL→BOLGOV"},
		{"a sentence with a role only", "Riot police surrounded a campus in Sucre on Sunday. The protests began in June as criminal gangs looted shops.", "Sucre", "BOLCVL→BOLGOV"},
		{"no place before", "The weather was mild on Sunday. The protests began peacefully in June.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			if tt.place != "" {
				d.Entities = []parley.Entity{{Type: parley.Place, Kind: "city", Name: tt.place, Country: "BO"}}
				d.AddMentions(mentionOf(d, tt.text, tt.place, parley.EntityAt(0)))
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				if e.PLOVER == "PROTEST" {
					got = append(got, e.SourceCode+"→"+e.TargetCode)
				}
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("protests %v, want %q", got, tt.want)
			}
		})
	}
}
