package event

import (
	"testing"
	"time"
)

// TestHeldInCustody: holding people in custody, in jail or without charge
// is detaining them (173), in the passive with no agent named as an act
// of the authorities; holding a meeting or an award is no event, nor is
// holding things in custody or in a cell.
func TestHeldInCustody(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want string // CAMEO code, "" for no event
	}{
		{"Two Peruvian activists have been held without charge since March.", "173"},
		{"The Chilean police said the three suspects were being held in custody.", "173"},
		{"The guards said the two smugglers were being held in a cell at the border post.", "173"},
		{"Chilean police held them without charge for a week.", "173"},
		{"Four fishermen are reportedly held in prison near Arica.", "173"},
		{"The talks between Peru and Chile were held in Lima.", ""},
		{"The bank holds the silver in custody at a depot in Lima.", ""},
		{"The library holds the diaries in a cell of the old fort in Santiago.", ""},
	}
	for _, tt := range tests {
		got := ""
		for _, e := range c.CodeText(tt.text, pub) {
			if e.CAMEO == "173" || tt.want == "" && e.Trigger == "held" {
				got = e.CAMEO
			}
		}
		if got != tt.want {
			t.Errorf("%q: held coded %q, want %q", tt.text, got, tt.want)
		}
	}
}
