package html

import "testing"

func TestReadWordLines(t *testing.T) {
	m := readWordLines("# a comment\npublished\n\n  posted \n#updated\n")
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"published", true},
		{"posted", true}, // trimmed
		{"updated", false},
		{"# a comment", false},
		{"", false},
	} {
		if m[tc.word] != tc.want {
			t.Errorf("%q: %v, want %v", tc.word, m[tc.word], tc.want)
		}
	}
	if !bylineNoise["sept"] || bylineNoise["may"] {
		t.Error(`bylineNoise: want "sept", not "may" ("Theresa May")`)
	}
}
