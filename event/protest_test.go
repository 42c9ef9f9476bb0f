package event

import (
	"testing"
	"time"
)

// TestNominalProtestAddressesOwnGovernment: a protest that a noun names and
// that names no target is addressed to the protesters' own government, as
// a verb of protest is; an organ of the state protests no one by default.
func TestNominalProtestAddressesOwnGovernment(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, src, tgt string
	}{
		{"Kenyan opposition parties have organised a general strike that shut down Nairobi.", "KENOPP", "KENGOV"},
		{"Kenyan police officers staged a protest outside the ministry.", "KENCOP", ""},
	}
	for _, tt := range tests {
		found := false
		for _, e := range c.CodeText(tt.text, pub) {
			if e.PLOVER != "PROTEST" {
				continue
			}
			found = true
			if e.SourceCode != tt.src || e.TargetCode != tt.tgt {
				t.Errorf("%q: %s→%s, want %s→%s", tt.text, e.SourceCode, e.TargetCode, tt.src, tt.tgt)
			}
		}
		if !found {
			t.Errorf("%q: no protest", tt.text)
		}
	}
}
