package event

import (
	"testing"
	"time"
)

// TestHeldInCustody: holding people in custody, in jail or without charge
// is detaining them (173), in the passive with no agent named as an act
// of the authorities; holding a meeting or an award is no event.
func TestHeldInCustody(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want string // CAMEO code, "" for no event
	}{
		{"Two Peruvian activists have been held without charge since March.", "173"},
		{"The Chilean police said the three suspects were being held in custody.", "173"},
		{"The men were taken to the county jail, where they were being held on 72 hour holds.", "173"},
		{"The talks between Peru and Chile were held in Lima.", ""},
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
