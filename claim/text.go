package claim

import (
	"strings"
	"unicode"

	"github.com/parley-news/parley"
)

// words splits a text into lower-case word tokens, keeping inner hyphens
// and apostrophes ("three-stage", "n't").
func words(s string) []string {
	var out []string
	f := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	for _, w := range f {
		w = strings.Trim(w, "-'")
		if strings.HasSuffix(w, "n't") {
			out = append(out, strings.TrimSuffix(w, "n't"), "n't")
			continue
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// stem is a crude English stemmer: enough to match "agreed"/"agreement",
// "proposing"/"proposal".
func stem(w string) string {
	for _, suf := range stemSuffixes {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func contentWords(toks []string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range toks {
		if stopWords[w] || disputeWords[w] || len(w) < 3 {
			continue
		}
		m[stem(w)] = true
	}
	return m
}

func hasAny(toks []string, set map[string]bool) bool {
	for _, w := range toks {
		if set[w] {
			return true
		}
	}
	return false
}

// refersBack reports whether a content is about an earlier report rather
// than a proposition of its own: "the reports were fake".
func refersBack(toks []string) bool {
	for i, w := range toks {
		if reportNouns[w] && i > 0 {
			// "the reports", "the latest claims", "the media reports": a
			// modifier that dates or places the report may come between.
			if reportDeterminers[toks[i-1]] || i > 1 && reportDeterminers[toks[i-2]] && reportModifiers[toks[i-1]] {
				if len(toks) <= 12 {
					return true
				}
				// "… told him on Tuesday that the reports were fake": a
				// verdict on the reports close after them.
				for _, x := range toks[i+1 : min(len(toks), i+6)] {
					if disputeWords[x] {
						return true
					}
				}
			}
		}
	}
	return false
}

// names returns the stems of the content words that are written
// capitalised away from the start of the content: names, which two
// statements share without being about the same thing ("Hong Kong").
func names(content string, _ int, _ *parley.Doc) map[string]bool {
	m := map[string]bool{}
	for i, w := range strings.Fields(content) {
		w = strings.Trim(w, ".,;:!?\"“”‘’'()")
		if i == 0 || w == "" {
			continue
		}
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			m[stem(strings.ToLower(w))] = true
		}
	}
	return m
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// hasWord reports whether text contains w as a whole word.
func hasWord(text, w string) bool {
	if w == "" {
		return false
	}
	for _, f := range strings.Fields(text) {
		if strings.Trim(f, ".,;:!?\"“”‘’'()") == w {
			return true
		}
	}
	return false
}
