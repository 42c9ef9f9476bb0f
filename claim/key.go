package claim

import "strings"

// SameKey reports whether two claim keys (see Key) name the same
// proposition: they share at least three content words, and at least half of
// the shorter key's. Stores use it to group claims across articles.
func SameKey(a, b string) bool { return sameKey(keyWords(a), keyWords(b)) }

func keyWords(k string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(k) {
		m[w] = true
	}
	return m
}

func sameKey(a, b map[string]bool) bool {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n >= 3 && 2*n >= min(len(a), len(b))
}
