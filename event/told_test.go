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
		root       string // CAMEO root wanted
		want       bool
	}{
		{"after, beside the main act", "Kenyan police arrested two men on Monday after stopping their van near the border.", "17", true},
		{"responsibility for", "The rebel group claimed responsibility for shooting down the army helicopter in Kandahar.", "19", true},
		{"credit for", "The militia claimed credit for attacking the Nigerian army convoy.", "19", true},
		{"before is no act told", "Bosnian Serbs demanded a truce before allowing aid convoys into the town.", "07", false},
		{"another preposition", "The Iranian government criticised Egypt for supporting the rebels.", "05", false},
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
			got := n > 0
			if tt.root == "17" {
				got = n > 1 // the arrest and the stop
			}
			if got != tt.want {
				t.Errorf("root %s coded %d times, want %v", tt.root, n, tt.want)
			}
		})
	}
}
