package event

import (
	"testing"
	"time"
)

// TestConcessiveAndCircumstancePhrasesHoldNoTarget: an actor after
// "despite" or "amid" is in a circumstance of the act, not its target.
func TestConcessiveAndCircumstancePhrasesHoldNoTarget(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"The Kenyan government rejected the plan amid tensions with Uganda.",
		"The Kenyan government rejected the plan despite pressure from Uganda.",
	} {
		found := false
		for _, e := range c.CodeText(text, pub) {
			if e.PLOVER != "REJECT" {
				continue
			}
			found = true
			if e.TargetCode != "" {
				t.Errorf("%q: target %s", text, e.TargetCode)
			}
		}
		if !found {
			t.Errorf("%q: no rejection", text)
		}
	}
}
