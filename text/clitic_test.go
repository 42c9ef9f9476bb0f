package text

import (
	"slices"
	"testing"

	"github.com/parley-news/parley"
)

func TestSegmentWritesUniversalDependenciesWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"They don't know.", "They|do|n't|know|."},
		{"He can't and won't go.", "He|ca|n't|and|wo|n't|go|."},
		{"I’m sure they’re right and we'll see; she'd've", "I|’m|sure|they|’re|right|and|we|'ll|see|;|she|'d|'ve"},
		{"You cannot be serious, I'm gonna say.", "You|can|not|be|serious|,|I|'m|gon|na|say|."},
		{"Putin’s aide said it's O'Neill's.", "Putin|’s|aide|said|it|'s|O'Neill|'s|."},
		{"the U.S. rock 'n' roll Cannot", "the|U.S.|rock|'|n|'|roll|Can|not"},
		{"Dont do Ma'am's cant", "Dont|do|Ma'am|'s|cant"},
		{"S&P and AT&T, not Marks & Spencer or rock&roll.", "S&P|and|AT&T|,|not|Marks|&|Spencer|or|rock|&|roll|."},
	}
	for _, tt := range tests {
		d := SegmentString(tt.in)
		var got []string
		for i := range d.Tokens {
			got = append(got, d.Tok(i))
		}
		if want := splitBar(tt.want); !slices.Equal(got, want) {
			t.Errorf("Segment(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func splitBar(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func TestContractedWordsAreClitics(t *testing.T) {
	d := SegmentString("They don’t know it's what we're doing.")
	for i, want := range []parley.TokenKind{parley.Word, parley.Word, parley.Clitic, parley.Word, parley.Word, parley.Possessive, parley.Word, parley.Word, parley.Clitic} {
		if d.Tokens[i].Kind != want {
			t.Errorf("token %q is kind %d, want %d", d.Tok(i), d.Tokens[i].Kind, want)
		}
	}
}
