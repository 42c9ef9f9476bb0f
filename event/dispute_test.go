package event

import (
	"testing"
	"time"
)

// TestDisputingAPropositionIsADenial: contesting a claim or a notion is a
// denial, which the claims layer takes as a stance, not a disapproval.
func TestDisputingAPropositionIsADenial(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"The Kenyan minister disputed the notion that the deal was illegal.",
		"Uganda contested the claims by Kenya.",
	} {
		for _, e := range c.CodeText(text, pub) {
			t.Errorf("%q: want no event, got %s", text, e.CAMEO)
		}
	}
}
