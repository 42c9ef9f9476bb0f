package event

import (
	"testing"
	"time"
)

// A reassurance or a promise to the general public is a statement, not an
// intent to cooperate (03); a promise to a party stays one, and a name
// holding "Public" is no public.
func TestPromiseToThePublic(t *testing.T) {
	tests := []struct {
		name, text string
		intent     bool
	}{
		{"assured the public", "The health ministry assured the public that the risk was low.", false},
		{"would allow people", "The government would allow people to swap their payments for discounts.", false},
		{"promised a country", "The United States promised Vietnam more help with its coast guard.", true},
		{"consult a body named Public", "The minister would consult the Director of Public Prosecutions and the police in the near future.", true},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				got = got || e.CAMEORoot == "03"
			}
			if got != tt.intent {
				t.Errorf("intent %v, want %v", got, tt.intent)
			}
		})
	}
}
