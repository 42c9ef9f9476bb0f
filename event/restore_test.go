package event

import (
	"testing"
	"time"
)

// Restoring or improving is diplomatic cooperation (05x) only when what is
// restored or improved is relations, ties or a mission; other objects make
// no event.
func TestRestoreNeedsRelations(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // CAMEO root of the event, "" for none
	}{
		{"restored relations", "Egypt restored diplomatic relations with Iran on Monday.", "05"},
		{"improve ties", "The Indian government moved to improve ties with Pakistan.", "05"},
		{"reopened an embassy", "Britain reopened its embassy in Tehran.", "05"},
		{"a logo restored", "The ministry restored the old logo to its website.", ""},
		{"a capacity improved", "China improved its capacity to test for infectious diseases.", ""},
		{"a case reopened", "The French police reopened the case last week.", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.CAMEORoot == "05" || tt.want == "" {
					got = e.CAMEORoot
				}
			}
			if got != tt.want {
				t.Errorf("root %q, want %q", got, tt.want)
			}
		})
	}
}
