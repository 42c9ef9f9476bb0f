package syntax

import (
	"slices"
	"strings"
	"testing"
)

// TestFormCacheKeepsScores guards the tagger's form cache: the scores
// tagScores gives, the cached word features' included, are those of all of
// tagFeatures looked up in the table, for a cache of two entries (forms
// evict each other) and one of the usual size, and repeated words.
func TestFormCacheKeepsScores(t *testing.T) {
	m := mustLoad(t)
	sents := []string{
		"The committee approved the budget on Monday .",
		"the The THE tHe the committee , the committee .",
		"Ushakov told reporters that Ushakov had told reporters nothing .",
		"Internationalisation-related counterrevolutionaries met antidisestablishmentarianism head-on",
		"Köln and Zürich ; köln and zürich ; 12,000 1,000 3.5 U.S. e-mail",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f",
		"“ We will not accept this , ” she said .",
	}
	for _, bits := range []int{1, formCacheBits} {
		p := m.NewParser()
		p.tagged.init(len(m.tags), bits)
		for round := range 2 { // the second finds the first's forms cached
			for _, s := range sents {
				words := strings.Fields(s)
				p.prepare(words)
				p1, p2 := uint16(padTag), uint16(padTag)
				for i := range words {
					got := make([]int32, len(m.tags))
					p.tagScores(i, p1, p2, got)
					want := plainTagScores(m, p.ws, i, p1, p2)
					if !slices.Equal(got, want) {
						t.Fatalf("cache of %d entries, round %d, %q word %d: scores differ", 1<<bits, round, s, i+1)
					}
					p2, p1 = p1, uint16(argmax(want))
				}
			}
		}
	}
}

// plainTagScores is the scores of word i's classes from its tagFeatures.
func plainTagScores(m *Model, ws []word, i int, p1, p2 uint16) []int32 {
	sc := make([]int32, len(m.tags))
	for _, k := range tagFeatures(ws, i, p1, p2, nil) {
		if s := m.tagger.find(k); s != nil {
			m.tagger.addSparse(s, sc)
		}
	}
	return sc
}
