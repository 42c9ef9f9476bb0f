package text

import (
	"strings"
	"testing"
)

func TestReadClasses(t *testing.T) {
	for _, tc := range []struct {
		name, data  string
		class, word string
		want        bool
		err         string
	}{
		{"word of its class", "class\tword\nabbreviation\tMr\n", "abbreviation", "Mr", true, ""},
		{"case matters", "class\tword\nabbreviation\tMr\n", "abbreviation", "mr", false, ""},
		{"comment skipped", "# abbreviation\tEtc\nclass\tword\nabbreviation\tMr\n", "abbreviation", "Etc", false, ""},
		{"one column", "class\tword\nabbreviation\n", "", "", false, "x.tsv:2"},
		{"three columns", "class\tword\na\tb\tc\n", "", "", false, "x.tsv:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := readClasses("x.tsv", tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := m[tc.class][tc.word]; got != tc.want {
				t.Errorf("%s %q = %v, want %v", tc.class, tc.word, got, tc.want)
			}
		})
	}
}

func TestEmbeddedWordLists(t *testing.T) {
	if !abbreviations["Sept"] || !abbreviations["etc"] || abbreviations["The"] {
		t.Error(`abbreviations: want "Sept" and "etc", not "The"`)
	}
	if !sentenceStarters["However"] || sentenceStarters["however"] {
		t.Error(`sentenceStarters: want "However", not "however"`)
	}
	if joinedWords["cannot"] != 3 || joinedWords["gonna"] != 3 || joinedWords["can"] != 0 {
		t.Errorf("joinedWords = %v", joinedWords)
	}
}
