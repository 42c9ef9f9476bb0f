package event

import (
	"testing"
	"time"
)

// TestReporterAfterCommaIsNoTarget: the source of a report appended after a
// comma is not the act's target, whatever words stand between it and the
// verb of reporting.
func TestReporterAfterCommaIsNoTarget(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, root, notTarget string
	}{
		{"Rebels ambushed a convoy near the capital, Kenyan police sources said.", "19", "KEN"},
		{"Rebels ambushed a convoy near the capital, the Kenyan army said.", "19", "KENMIL"},
		{"Guerrillas shelled the northern suburbs overnight, Thai military officials here reported on Monday.", "19", "THA"},
	}
	for _, tt := range tests {
		found := false
		for _, e := range c.CodeText(tt.text, pub) {
			if e.CAMEORoot != tt.root {
				continue
			}
			found = true
			if e.TargetCode != "" && e.TargetCode[:min(3, len(e.TargetCode))] == tt.notTarget[:3] {
				t.Errorf("%q: target %s is the report's source", tt.text, e.TargetCode)
			}
		}
		if !found {
			t.Errorf("%q: no event of root %s", tt.text, tt.root)
		}
	}
}
