package event

import (
	"testing"
	"time"
)

// TestSharedConjunctRole: "Dutch and Belgian troops" share the agent noun
// of the second conjunct, a capitalised one too ("French Army units");
// a named group after "and" ("Morocco and Hamas") gives the country
// before it nothing of its own code.
func TestSharedConjunctRole(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string // source codes
	}{
		{"Dutch and Belgian troops attacked the rebel base.", []string{"NLDMIL", "BELMIL"}},
		{"Morocco and Hamas met in Rabat on Tuesday.", []string{"MAR", "PSEREBHMS"}},
		{"US and French Army units shelled the depot near Mosul.", []string{"USAMIL", "FRAMIL"}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, e := range c.CodeText(tt.text, pub) {
			got[e.SourceCode] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: sources %v, want %v", tt.text, got, tt.want)
				break
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: sources %v, want exactly %v", tt.text, got, tt.want)
		}
	}
}
