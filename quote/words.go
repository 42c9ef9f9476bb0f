package quote

// Small closed classes of words the patterns test.

import "strings"

// isInterposed reports adverbs that may stand between a subject and its speech verb.
func isInterposed(l string) bool {
	switch l {
	case "also", "later", "previously", "has", "have", "had", "reportedly", "then", "again", "further",
		"recently", "publicly", "privately", "separately", "earlier", "once", "himself", "herself",
		"themselves", "itself", "too", "first", "subsequently", "now", "still", "already", "specifically",
		"directly", "even", "just", "simply", "repeatedly", "flatly", "initially", "originally", "last", "ultimately":
		return true
	}
	return strings.HasSuffix(l, "ly") && len(l) > 4
}

// labelWord are the words that open captions and editorial labels rather than sources.
var labelWord = map[string]bool{
	"photo": true, "photos": true, "video": true, "update": true, "updated": true, "editor": true, "editors": true,
	"note": true, "related": true, "advertisement": true, "correction": true, "source": true, "sources": true,
	"credit": true, "warning": true, "watch": true, "listen": true, "read": true, "caption": true, "transcript": true,
	"background": true, "q": true, "a": true, "the": true, "in": true, "on": true, "at": true, "for": true,
	"by": true, "from": true, "when": true, "where": true, "what": true, "why": true, "how": true, "who": true,
	"tags": true, "topics": true, "see": true, "also": true, "more": true, "breaking": true, "exclusive": true,
	"analysis": true, "opinion": true, "live": true, "latest": true, "here": true, "there": true, "this": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "but": true, "and": true,
	"then": true, "now": true, "later": true, "earlier": true, "meanwhile": true, "still": true, "yet": true,
}

// isPluralNounToo reports third-person verb forms that are as often plural
// nouns ("claims", "reports", "notes").
func isPluralNounToo(l string) bool {
	switch l {
	case "claims", "reports", "notes", "states", "posts", "comments", "answers", "counters", "tweets", "requests",
		"questions", "demands", "pledges", "promises", "vows", "estimates", "forecasts", "charges", "statements",
		"replies", "responses", "remarks", "denies", "details", "outlines", "concerns", "appeals", "orders", "calls":
		return true
	}
	return false
}

// isPrepositionalIng reports -ing words that work as prepositions and keep
// a clause going: ", including calling for a debate".
func isPrepositionalIng(l string) bool {
	switch l {
	case "including", "according", "regarding", "concerning", "following", "during", "notwithstanding",
		"excluding", "involving", "considering", "pending", "barring", "nothing", "something", "anything", "everything":
		return true
	}
	return false
}

// isSubordinator reports words that make a gerund part of the speaker's own
// clause: "responded before adding that …", "by interjecting, “…”".
func isSubordinator(l string) bool {
	switch l {
	case "before", "after", "by", "while", "when", "without":
		return true
	}
	return false
}

func isPreposition(l string) bool {
	switch l {
	case "of", "to", "for", "with", "by", "from", "about", "against", "on", "in", "at", "into", "under", "over":
		return true
	}
	return false
}

func isPostModifier(l string) bool {
	if len(l) > 5 && strings.HasSuffix(l, "ing") && l != "during" {
		return true // "Protesters marching through the streets"
	}
	switch l {
	case "familiar", "close", "with", "who", "briefed", "involved", "knowledgeable", "in", "at", "from", "of",
		"for", "speaking", "on", "told", "aware", "inside", "near", "within", "working", "based", "to":
		return true
	}
	return false
}

func isDeterminer(l string) bool {
	switch l {
	case "the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "that":
		return true
	}
	return false
}

func isFunction(l string) bool {
	switch l {
	case "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "as", "that",
		"this", "it", "is", "was", "if", "when", "while", "after", "before", "so", "then", "there", "here":
		return true
	}
	return false
}

// isAuxiliary reports the auxiliaries and modals that mark a finite clause:
// a content clause without "that" is recognised by one of them soon after it opens.
func isAuxiliary(l string) bool {
	switch l {
	case "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must", "has",
		"have", "had", "do", "does", "did":
		return true
	}
	return false
}

// isThirdPersonSubject reports the subject pronouns that can stand for the
// speaker in the narrator's words ("…, but he gave no details").
func isThirdPersonSubject(l string) bool { return l == "he" || l == "she" || l == "they" }

// isClauseConjunction reports a conjunction that opens an adverbial clause.
func isClauseConjunction(l string) bool {
	switch l {
	case "as", "while", "when", "after", "before", "because", "since", "amid", "despite", "although", "though":
		return true
	}
	return false
}
