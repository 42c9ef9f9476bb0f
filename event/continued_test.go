package event

import (
	"strings"
	"testing"
	"time"
)

// An event noun in a sentence that names no actor continues the story: it
// is the act of the source of an event of the same family coded in the
// sentences just before ("A search of the car" after police stopped
// it). With no such event, or one of another kind, it is prose.
func TestContinuedNounEvent(t *testing.T) {
	tests := []struct {
		name, story, text string
		want              string // PLOVER type of the noun's event, "" for none
		src               string // its source code
	}{
		{"a search after a stop", "Officers stopped a car on Monday.", "A search of the car turned up two pistols.", "COERCE", "COP"},
		{"an investigation after an arrest", "Police arrested four men on Monday.", "The investigation could take months.", "ACCUSE", "COP"},
		{"a protest after a protest", "Protesters rallied against the government in Minsk on Sunday.", "The demonstrations grew over the summer.", "PROTEST", "*"},
		{"no story before it", "", "A search of the car turned up two pistols.", "", ""},
		{"a story of another kind", "Police arrested four men on Monday.", "The talks began in June.", "", ""},
		{"too far back", "Police arrested four men on Monday. The men were from Leeds. They had driven all night. The weather was bad.", "A search of the car turned up two pistols.", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.CodeText(strings.TrimSpace(tt.story+" "+tt.text), time.Time{})
			got := false
			for _, e := range evs {
				if e.Evidence.Start < len(tt.story) {
					continue // the story's own event
				}
				if tt.want == "" {
					t.Errorf("coded %s %s (%q) in the last sentence, want none", e.PLOVER, e.CAMEO, e.Trigger)
					continue
				}
				if e.PLOVER == tt.want && (tt.src == "*" || e.SourceCode == tt.src) {
					got = true
				}
			}
			if tt.want != "" && !got {
				t.Errorf("want a %s event by %s, got %+v", tt.want, tt.src, evs)
			}
		})
	}
}
