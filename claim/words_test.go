package claim

import (
	"strings"
	"testing"
)

// TestWordClasses checks that data/words.tsv loads into the sets and the
// ordered lists the grouper uses.
func TestWordClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  map[string]bool
		word string
		want bool
	}{
		{"deny cue", denyCues, "denied", true},
		{"deny cue of two words", denyCues, "ruled out", true},
		{"confirm cue", confirmCues, "conceded", true},
		{"dispute", disputeWords, "n't", true},
		{"stop word", stopWords, "it's", true},
		{"stop word not content", stopWords, "ceasefire", false},
		{"role-only code", roleOnly, "GOV", true},
		{"role-only code not a country", roleOnly, "RUS", false},
	} {
		if got := tc.set[tc.word]; got != tc.want {
			t.Errorf("%s: %q = %v, want %v", tc.name, tc.word, got, tc.want)
		}
	}
	// order matters: "ments" must be tried before "ment" and "s"
	if got := strings.Join(stemSuffixes, " "); got != "ments ment ings ing ed es s" {
		t.Errorf("stemSuffixes = %q", got)
	}
	if stem("agreements") != "agree" || stem("proposing") != "propos" {
		t.Errorf("stem: agreements → %q, proposing → %q", stem("agreements"), stem("proposing"))
	}
}
