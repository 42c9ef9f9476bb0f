package event

import (
	"testing"
	"time"
)

// TestPossessedEventNounBesideMainAct: an event noun whose possessor is a
// political actor is an act of its own beside the sentence's finite act,
// also behind one modifier.
func TestPossessedEventNounBesideMainAct(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text  string
		codes []string
	}{
		{"Protesters in Nairobi rallied against the Kenyan government's crackdown on Monday.", []string{"141", "175"}},
		{"Uganda denounced the Kenyan government's new curfew ban at the summit.", []string{"111", "172"}},
		// a possessor that is no political actor adds nothing
		{"Kenyan students rallied against the company's takeover bid on Monday.", []string{"141"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range c.CodeText(tt.text, pub) {
			got = append(got, e.CAMEO)
		}
		if len(got) != len(tt.codes) {
			t.Errorf("%q: codes %v, want %v", tt.text, got, tt.codes)
			continue
		}
		for i := range got {
			if got[i] != tt.codes[i] {
				t.Errorf("%q: codes %v, want %v", tt.text, got, tt.codes)
				break
			}
		}
	}
}
