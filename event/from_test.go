package event

import (
	"testing"
	"time"
)

// TestFromPartyIsTargetOfRequestAndRejection: what is asked "from" someone
// is asked of them, and an offer rejected "from" someone rejects them.
func TestFromPartyIsTargetOfRequestAndRejection(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, plover, src, tgt string
	}{
		{"The Iraqi government rejected a new offer from Turkey.", "REJECT", "IRQGOV", "TUR"},
		{"Iran asked for help from Russia.", "REQUEST", "IRN", "RUS"},
		// a place after "from" stays a circumstance of other acts
		{"Russian troops attacked the town from Belarus.", "ASSAULT", "RUSMIL", ""},
	}
	for _, tt := range tests {
		found := false
		for _, e := range c.CodeText(tt.text, pub) {
			if e.PLOVER != tt.plover {
				continue
			}
			found = true
			if e.SourceCode != tt.src || e.TargetCode != tt.tgt {
				t.Errorf("%q: %s→%s, want %s→%s", tt.text, e.SourceCode, e.TargetCode, tt.src, tt.tgt)
			}
		}
		if !found {
			t.Errorf("%q: no %s", tt.text, tt.plover)
		}
	}
}
