package claim

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

// Merge groups the claims of several analysed documents: two claims are the
// same proposition when their keys share most of their words (at least
// three, and half of the shorter key) and, when both name who asserts them,
// share a source or a named word of their text. Stances keep their quote
// and evidence; their Source becomes "DOCID/ENTITYID" so that ids from
// different documents do not collide. The status is recomputed over all
// stances, so a claim single-sourced in each article can be corroborated, or
// disputed, across them. The result is ordered by first appearance.
func Merge(analyses []*parley.Analysis) []parley.Claim {
	type item struct {
		c     parley.Claim
		words map[string]bool
	}
	var groups []item
	for _, a := range analyses {
		if a == nil {
			continue
		}
		for _, c := range a.Claims {
			cc := parley.Claim{Text: c.Text, Key: c.Key}
			if cc.Key == "" {
				cc.Key = Key(c.Text)
			}
			for _, s := range c.Stances {
				if s.Source != "" {
					s.Source = a.Document.ID + "/" + s.Source
				}
				cc.Stances = append(cc.Stances, s)
			}
			w := keyWords(cc.Key)
			merged := false
			for gi := range groups {
				if sameKey(groups[gi].words, w) {
					groups[gi].c.Stances = append(groups[gi].c.Stances, cc.Stances...)
					merged = true
					break
				}
			}
			if !merged {
				groups = append(groups, item{c: cc, words: w})
			}
		}
	}
	out := make([]parley.Claim, len(groups))
	for i, g := range groups {
		g.c.ID = fmt.Sprintf("C%d", i+1)
		g.c.Status = Status(crossSources(g.c.Stances))
		out[i] = g.c
	}
	return out
}

// crossSources identifies sources by name across documents: the same person
// quoted in two articles is one source.
func crossSources(ss []parley.ClaimStance) []parley.ClaimStance {
	out := make([]parley.ClaimStance, len(ss))
	for i, s := range ss {
		if s.SourceName != "" {
			s.Source = strings.ToLower(s.SourceName)
		}
		out[i] = s
	}
	return out
}

func keyWords(k string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(k) {
		m[w] = true
	}
	return m
}

// SameKey reports whether two claim keys (see Key) name the same
// proposition: they share at least three content words, and at least half of
// the shorter key's. Stores use it to group claims across articles.
func SameKey(a, b string) bool { return sameKey(keyWords(a), keyWords(b)) }

func sameKey(a, b map[string]bool) bool {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n >= 3 && 2*n >= min(len(a), len(b))
}
