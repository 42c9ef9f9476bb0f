package event

import (
	"testing"
	"time"
)

// TestOverlayVerbSenses: verbs.txt entries for swapping captives,
// returning territory and dispatching.
func TestOverlayVerbSenses(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, cameo string // "" cameo: no event
	}{
		{"The rebels swapped two foreign hostages for three of their commanders held by the army.", "0841"},
		{"Britain handed back the territory to China in 1997.", "0842"},
		{"Portugal returned sovereignty over Macau to China.", "0842"},
		{"The United Nations dispatched inspectors to Iran.", "0862"},
		{"The Russian president returned to Moscow on Friday.", ""},
	}
	for _, tt := range tests {
		evs := c.CodeText(tt.text, pub)
		if tt.cameo == "" {
			for _, e := range evs {
				t.Errorf("%q: want no event, got %s", tt.text, e.CAMEO)
			}
			continue
		}
		found := false
		for _, e := range evs {
			found = found || e.CAMEO == tt.cameo
		}
		if !found {
			t.Errorf("%q: no %s in %+v", tt.text, tt.cameo, evs)
		}
	}
}

// TestRaisingConcernsIsNoConsultation: raising concerns voices a worry.
func TestRaisingConcernsIsNoConsultation(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"The mayor of Nairobi has raised concerns that the move could cost Kenyan jobs.",
		"Kenyan officials raised concerns about the Ugandan envoy.",
	} {
		for _, e := range c.CodeText(text, pub) {
			t.Errorf("%q: want no event, got %s", text, e.CAMEO)
		}
	}
}
