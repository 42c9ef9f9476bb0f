package lexicon

import (
	_ "embed"
	"maps"
)

//go:embed data/negation.tsv
var negationTSV string

var negationWords = MustReadWordSets("negation.tsv", negationTSV)

// Negations returns the negation words of the given classes of
// data/negation.tsv ("particle", "determiner", "modal", "pronoun") as one
// new set, lower case. It panics on an unknown class, so that a misspelt
// class fails at start.
func Negations(classes ...string) map[string]bool {
	out := map[string]bool{}
	for _, c := range classes {
		maps.Copy(out, negationWords.Set(c))
	}
	return out
}
