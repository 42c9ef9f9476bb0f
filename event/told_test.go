package event

import (
	"testing"
	"time"
)

// A gerund that tells an act done is that act: after a temporal
// subordinator ("arrested them after stopping their van") it is kept
// beside the main act, and after "claimed responsibility for" it is the
// act claimed. A gerund of a condition ("before allowing") or after
// another preposition ("praised for ending") is not.
func TestToldGerunds(t *testing.T) {
	tests := []struct {
		name, text string
		root       string // CAMEO root
		want       int    // events of that root
	}{
		{"after, beside the main act", "Ugandan police arrested two men on Friday after stopping their van near the lake.", "17", 2},
		{"after a main clause not yet done", "Ugandan police will arrest two men after stopping their van near the lake.", "17", 0},
		{"responsibility for", "Rebels in Chad claimed responsibility for shooting down a government jet on Sunday.", "19", 1},
		{"credit for", "The militia claimed credit for attacking the Nigerian army convoy.", "19", 1},
		{"before is no act told", "Bosnian Serbs demanded a truce before allowing aid convoys into the town.", "07", 0},
		{"another preposition", "The Iranian government criticised Egypt for supporting the rebels.", "05", 0},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.CAMEORoot == tt.root {
					n++
				}
			}
			if n != tt.want {
				t.Errorf("root %s coded %d times, want %d", tt.root, n, tt.want)
			}
		})
	}
}
