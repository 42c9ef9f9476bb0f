package quote

import "testing"

// TestWordClasses checks that data/words.tsv and data/channels.tsv load
// into the tests the patterns use, with the weekdays and months that come
// from the lexicon.
func TestWordClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		is   func(string) bool
		word string
		want bool
	}{
		{"interposed from the list", isInterposed, "also", true},
		{"interposed by its -ly", isInterposed, "angrily", true},
		{"interposed short -ly", isInterposed, "fly", false},
		{"auxiliary", isAuxiliary, "would", true},
		{"auxiliary not a noun", isAuxiliary, "statement", false},
		{"third-person subject", isThirdPersonSubject, "they", true},
		{"third-person subject not we", isThirdPersonSubject, "we", false},
		{"post-modifier by its -ing", isPostModifier, "marching", true},
		{"post-modifier not during", isPostModifier, "during", false},
		{"time noun", isTimeWord, "weekend", true},
		{"time weekday from the lexicon", isTimeWord, "tuesday", true},
		{"time month from the lexicon", isTimeWord, "march", true},
		{"time possessive weekday", isTimeWord, "friday's", true},
		{"time not an adverb", isTimeWord, "publicly", false},
		{"label", func(l string) bool { return labelWord[l] }, "caption", true},
		{"header is no word", func(l string) bool { return words.Has("class", l) }, "word", false},
	} {
		if got := tc.is(tc.word); got != tc.want {
			t.Errorf("%s: %q = %v, want %v", tc.name, tc.word, got, tc.want)
		}
	}
	for noun, want := range map[string]string{"release": "a statement", "e-mail": "email", "tweet": "tweet"} {
		if got := channelNouns[noun]; got != want {
			t.Errorf("channelNouns[%q] = %q, want %q", noun, got, want)
		}
	}
}
