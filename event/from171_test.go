package event

import (
	"testing"
	"time"
)

// TestSeizedFromAndReporterConjunct: what is seized "from" someone is
// seized from them, and a report's source after a comma does not join the
// list of targets before it.
func TestSeizedFromAndReporterConjunct(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		tgts []string
	}{
		{"Kenyan police confiscated weapons from Somali militants.", []string{"SOMUAF"}},
		{"Kenyan police confiscated weapons from Somali militants, the Ugandan army said.", []string{"SOMUAF"}},
		{"Rebels ambushed Kenyan soldiers, the Ugandan army said.", []string{"KENMIL"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range c.CodeText(tt.text, pub) {
			got = append(got, e.TargetCode)
		}
		if len(got) != len(tt.tgts) || len(got) > 0 && got[0] != tt.tgts[0] {
			t.Errorf("%q: targets %v, want %v", tt.text, got, tt.tgts)
		}
	}
}
