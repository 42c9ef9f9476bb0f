package lexicon

import (
	_ "embed"
	"maps"
)

//go:embed data/be.tsv
var beTSV string

var beWords = MustReadWordSets("be.tsv", beTSV)

// BeForms returns the forms of "be" of data/be.tsv ("is", "were", "been")
// as a new set, lower case.
func BeForms() map[string]bool { return maps.Clone(beWords.Set("be")) }
