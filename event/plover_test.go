package event

import (
	"testing"
	"time"
)

// TestPLOVERTypeOfParent: a code of codes.tsv's plover_of_parent class takes
// its parent's PLOVER type, on sentences coded end to end.
func TestPLOVERTypeOfParent(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		text, cameo, plover string
	}{
		{"The army lifted the curfew in the capital on Friday.", "0813", "CONCEDE"},
		{"Soldiers burned down the offices of the opposition party.", "1712", "COERCE"},
		// Occupation keeps CAMEO2PLOVER's type.
		{"Government troops seized the town from the rebels.", "192", "COERCE"},
	}
	for _, tt := range tests {
		evs := c.CodeText(tt.text, time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC))
		found := false
		for _, e := range evs {
			if e.CAMEO == tt.cameo {
				found = true
				if e.PLOVER != tt.plover {
					t.Errorf("%q: %s is %s, want %s", tt.text, e.CAMEO, e.PLOVER, tt.plover)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s event in %+v", tt.text, tt.cameo, evs)
		}
	}
	if got := c.codes["0814"].PLOVER; got != "CONCEDE" {
		t.Errorf("0814 → %s, want CONCEDE", got)
	}
}
