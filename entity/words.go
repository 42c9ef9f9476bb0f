package entity

import (
	_ "embed"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/words.tsv
var wordsTSV string

// The word classes of data/words.tsv, read once at start and never written.
var (
	words = lexicon.MustReadWordSets("words.tsv", wordsTSV)

	connectors      = words.Set("connector")      // may join the words of one name ("Bank of England", "Abu al-Baghdadi")
	nameConnectors  = words.Set("name_connector") // may sit inside a person's name
	stopCapWords    = words.Set("stop_cap")
	prepositions    = words.Set("preposition")
	outletBefore    = words.Set("outlet_before")
	roleJoiners     = words.Set("role_joiner")
	determinerWords = words.Set("determiner")
	courtesyTitles  = words.Set("courtesy_title")
	stopVerbs       = words.Set("stop_verb")
	functionWords   = words.Set("function")
	relPronouns     = words.Set("relative_pronoun")
	relAdverbs      = words.Set("relative_adverb")
	placeHeads      = words.Set("place_head")
	placeCompounds  = words.Set("place_compound")
	addressForms    = words.Set("address_form")
	negations       = lexicon.Negations("particle") // "was not named minister" (predrole.go)
)

// isStopCap reports capitalised words that never start a name: the
// function words and news furniture of data/words.tsv and the weekday and
// month names and abbreviations of the lexicon.
func isStopCap(l string) bool {
	return stopCapWords[l] || lexicon.IsWeekday(l) || lexicon.IsMonth(l) || lexicon.IsCalendarAbbreviation(l)
}

// isRelativePronoun reports "who", "whom", "whose", "which".
func isRelativePronoun(l string) bool { return relPronouns[l] }
