package event

import (
	"testing"
	"time"
)

// TestAppositionIsOneActor: a name and the description after it between
// commas are one actor, coded by the description when it names a country
// or a political actor; a list keeps every member.
func TestAppositionIsOneActor(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		srcs []string
	}{
		{"Kofi Annan, the United Nations Secretary-General, demanded that Sudan allow aid workers into Darfur.", []string{"IGOUNO"}},
		{"Louise Arbour, the UN human rights chief, condemned the killings in Darfur.", []string{"IGOUNO"}},
		{"Britain, France, and Germany urged Iran to stop enrichment.", []string{"DEU", "FRA", "GBR"}},
		{"Israel, Egypt, Jordan and Syria condemned the attack.", []string{"EGY", "ISR", "JOR", "SYR"}},
	}
	for _, tt := range tests {
		seen := map[string]bool{}
		for _, e := range c.CodeText(tt.text, pub) {
			seen[e.SourceCode] = true
		}
		if len(seen) != len(tt.srcs) {
			t.Errorf("%q: sources %v, want %v", tt.text, seen, tt.srcs)
			continue
		}
		for _, s := range tt.srcs {
			if !seen[s] {
				t.Errorf("%q: sources %v, want %v", tt.text, seen, tt.srcs)
			}
		}
	}
}
