// Package resolve holds the rules by which a store links what different
// articles say to one cross-article record: which stored entity an
// article's entity is (by full name, surname and context, alias or country
// code), how names are normalised for that, and what status a claim has
// once several articles took a stance on it. The stores (sqlite, postgres)
// share them, so that both resolve a corpus the same way.
package resolve

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/fold.tsv
var foldTSV string

//go:embed data/role_stopwords.txt
var roleStopTxt string

// folds maps the accented Latin letters of data/fold.tsv to ASCII.
var folds = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	for _, line := range dataLines(foldTSV) {
		from, to, ok := strings.Cut(line, "\t")
		f, _ := utf8.DecodeRuneInString(from)
		t, _ := utf8.DecodeRuneInString(to)
		if !ok || f == utf8.RuneError || t == utf8.RuneError {
			panic("resolve: malformed line in data/fold.tsv: " + line)
		}
		m[f] = t
	}
	return m
})

// roleStop are the words of data/role_stopwords.txt.
var roleStop = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range dataLines(roleStopTxt) {
		m[w] = true
	}
	return m
})

// dataLines returns the non-blank lines of an embedded list that are not
// # comments.
func dataLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// Norm folds a name for matching: lower case, letters and digits only, one
// space between words, common Latin diacritics removed. Stores keep the
// normalised keys they computed, so this must not change meaning between
// releases without a migration.
func Norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		r = Fold(r)
		switch {
		case r == '\'' || r == '’' || r == '.':
			// "O'Brien" = "OBrien", "U.S." = "US"
		case IsWordRune(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// IsWordRune reports whether r (lower case, folded) is part of a word for
// Norm: ASCII letters and digits and any letter outside ASCII except
// general punctuation.
func IsWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && (r < 0x2000 || r > 0x206f)
}

// Fold maps a lower-case accented Latin letter to its ASCII letter.
func Fold(r rune) rune {
	if r < 0xc0 || r > 0x17f {
		return r
	}
	if f, ok := folds()[r]; ok {
		return f
	}
	return r
}
