package event

import (
	"testing"
	"time"
)

// TestInquiryOfTheSentencesInvestigator guards that an investigation noun
// whose phrase names no investigator is the act of the organ of the state
// its sentence names (a court, a legislature, the police), beside the
// sentence's main act, and that a phrase ending in its participant's
// preposition ("cases against") needs no determiner.
func TestInquiryOfTheSentencesInvestigator(t *testing.T) {
	tests := []struct {
		name, text, src string
	}{
		{"a committee heard evidence about an inquiry", "The aide spoke before the Senate on Monday about the budget inquiry.", "LEG"},
		{"police acted during an investigation", "Police detained four men on Friday during a fraud investigation at a warehouse.", "COP"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.CAMEORoot == "09" {
					got = append(got, e.SourceCode)
				}
			}
			for _, g := range got {
				if hasRole(g, map[string]bool{tt.src: true}) {
					return
				}
			}
			t.Errorf("investigation sources %q, want one with role %s", got, tt.src)
		})
	}
}
