package event

import (
	"context"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// TestOccurringProtestNoun: a protest noun that is the subject of a verb
// of its going on ("the marches spread") reports a protest even when no
// protester is named: its protesters are the citizens of the country the
// sentence names, its target the party "against" it names, or their
// government with a stance modifier ("anti-government"), else none; it is
// kept beside the sentence's main act. The actor before the noun in
// another clause is not its protester; a protest noun with no verb of
// going on, or in a sentence of sport or business, stays prose.
func TestOccurringProtestNoun(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		src, tgt   string // "" src: no protest coded
	}{
		{"a place of the protest, no stance: no target", "The demonstrations in Ecuador later spread to the highlands.", "ECUCVL", ""},
		{"the party it is against", "By Friday the rallies in Quito had spread into a campaign against the Ecuadorian government.", "ECUCVL", "ECUGOV"},
		{"beside the main act, not by its subject", "Soldiers in Bolivia closed the bridge at dawn while anti-government rallies intensified.", "BOLCVL", "BOLGOV"},
		{"the first word of the class", "The rallies in Peru began on Monday.", "PERCVL", ""},
		{"a sit-in names no one it is against", "The sit-in in Lima continued despite the snow.", "PERCVL", ""},
		{"no verb of going on", "The protests in Peru were small.", "", ""},
		{"a rally of a game", "The rally in Lima began in the eighth inning after a walk.", "", ""},
		{"a rally of a market", "The rally in Lima continued as shares of miners rose.", "", ""},
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
// actor, when the story has named protesters; its target is their
// government only with a stance modifier. With no place or no protesters
// named before, or in a story of sport, it stays prose.
func TestStoryCountryProtest(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text, place string
		want              string // source→target, "" for no protest
	}{
		{"a sentence with no actor", "Guards turned back a column of miners and activists near Sucre on Sunday. The demonstrations resumed on Tuesday.", "Sucre", "BOLCVL→"},
		{"a stance modifier", "Guards turned back a column of miners and activists near Sucre on Sunday. The anti-mining demonstrations resumed on Tuesday.", "Sucre", "BOLCVL→BOLGOV"},
		{"a sentence with a role only", "Guards turned back a column of miners and activists near Sucre on Sunday. The demonstrations resumed on Tuesday as criminal gangs looted shops.", "Sucre", "BOLCVL→"},
		{"no place before", "The weather was mild on Sunday for the activists. The demonstrations resumed on Tuesday.", "", ""},
		{"no protesters before", "A phone maker opened a shop in Sucre on Sunday. The demonstration began with a short film.", "Sucre", ""},
		{"a story of sport", "Supporters in Sucre jeered the visiting team on Sunday. The protests grew louder after the break.", "Sucre", ""},
		{"a game's rally", "The Condors beat a side from Sucre on Sunday. The rally began in the ninth inning.", "Sucre", ""},
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
