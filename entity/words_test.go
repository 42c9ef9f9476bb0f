package entity

import "testing"

// TestWordClasses checks that data/words.tsv loads into the tests the
// recogniser uses, with the calendar words that come from the lexicon.
func TestWordClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		is   func(string) bool
		word string
		want bool
	}{
		{"relative pronoun", relativeWord, "whom", true},
		{"relative adverb", relativeWord, "where", true},
		{"relative pronoun only", isRelativePronoun, "where", false},
		{"relative not that", relativeWord, "that", false},
		{"stop cap from the list", isStopCap, "meanwhile", true},
		{"stop cap weekday from the lexicon", isStopCap, "tuesday", true},
		{"stop cap month abbreviation from the lexicon", isStopCap, "sept", true},
		{"stop cap not a title", isStopCap, "mr", false},
		{"courtesy title", isCourtesyTitle, "dame", true},
		{"stop verb", isStopVerb, "told", true},
		{"function word", isFunctionWord, "an", true},
		{"connector", func(l string) bool { return connectors[l] }, "for", true},
		{"name connector not for", func(l string) bool { return nameConnectors[l] }, "for", false},
		{"header is no word", func(l string) bool { return words.Has("class", l) }, "word", false},
	} {
		if got := tc.is(tc.word); got != tc.want {
			t.Errorf("%s: %q = %v, want %v", tc.name, tc.word, got, tc.want)
		}
	}
}
