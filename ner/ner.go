// Package ner is parley's statistical named-entity recogniser: a first-order
// averaged-perceptron tagger over BIO labels, decoded with Viterbi, that
// finds the people, organisations and places a text names, and the names
// that are none of these (products, events and competitions, works,
// trophies, nationalities: Misc).
//
// Its features are the word and its neighbours (±2), shapes, affixes,
// capitalisation, position in the sentence, membership of the lexicon's
// gazetteers, role and title words and given names (as evidence, not as
// decisions), and document-level evidence: the same word written in lower
// case or capitalised mid-sentence elsewhere in the document, and the type
// it was tagged with earlier. A second pass tags each capitalised word again
// knowing the types its other occurrences in the whole document got in the
// first (global.go). A part-of-speech tag per word can be supplied
// (Sentence.POS); a model trained with tags uses them, one trained without
// ignores them.
//
// The model expects words tokenised as text.Segment and the usual CoNLL
// corpora do: punctuation and quotation marks separate, a possessive ’s
// separate, "U.S." and hyphenated words whole.
//
// Features are hashed into a fixed table of quantised weights, so tagging
// allocates nothing per word. A Model is read-only and safe for concurrent
// use; a Tagger holds the scratch buffers of one goroutine.
package ner

import "fmt"

// Type is the class of an entity span.
type Type uint8

const (
	None   Type = iota // not an entity
	Person             // PERSON
	Org                // ORG
	Place              // PLACE
	Misc               // a name that is none of the three: products, events, works, nationalities
)

// NumTypes is the number of types, None included.
const NumTypes = 5

var typeNames = [NumTypes]string{"O", "PERSON", "ORG", "PLACE", "MISC"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", t)
}

// ParseType returns the type named s (as String writes it).
func ParseType(s string) (Type, bool) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), true
		}
	}
	return None, false
}

// Span is an entity: words [Start, End) of one sentence and its type.
type Span struct {
	Start, End int
	Type       Type
}

// Sentence is the input of the tagger: the words of one sentence and,
// optionally, a universal part-of-speech tag per word ("PROPN", "NOUN"; nil
// when no tagger ran).
type Sentence struct {
	Words []string
	POS   []string
}

// Labeled is a sentence with its gold entity spans, in order and not
// overlapping. Ignore holds the words of gold annotations that are not names
// (re3d's "the town", "he"; see NameRule): a prediction inside them is
// neither right nor wrong, and training leaves out sentences where they hold
// a capitalised word, whose label nobody knows.
type Labeled struct {
	Words  []string
	POS    []string
	Spans  []Span
	Ignore []Span
}

// Document is a run of sentences that share document-level evidence (the
// same name in several sentences). ID names it in error messages and in
// cross-validation folds.
type Document struct {
	ID        string
	Sentences []Labeled
}

// Mention is a span found by the tagger in a document: sentence Sent, words
// [Start, End).
type Mention struct {
	Sent int
	Span
}

// labels are BIO: O, then B and I for each type but None.
const numLabels = 1 + 2*(NumTypes-1)

func labelB(t Type) uint8 { return uint8(2*t - 1) }

// labelType returns the type of label y and whether y begins a span.
func labelType(y uint8) (Type, bool) {
	if y == 0 {
		return None, false
	}
	return Type((y + 1) / 2), y%2 == 1
}

// encode writes the BIO labels of spans over n words into out.
func encode(spans []Span, out []uint8) {
	clear(out)
	for _, s := range spans {
		if s.Type == None || s.Start < 0 || s.End > len(out) || s.Start >= s.End {
			continue
		}
		b := labelB(s.Type)
		out[s.Start] = b
		for i := s.Start + 1; i < s.End; i++ {
			out[i] = b + 1
		}
	}
}

// decodeSpans appends the spans of the BIO labels ys to dst. An I label that
// does not continue a span of its type opens one.
func decodeSpans(dst []Span, ys []uint8) []Span {
	open := -1
	var typ Type
	for i, y := range ys {
		t, begin := labelType(y)
		if open >= 0 && (t != typ || begin) {
			dst = append(dst, Span{Start: open, End: i, Type: typ})
			open = -1
		}
		if t != None && open < 0 {
			open, typ = i, t
		}
	}
	if open >= 0 {
		dst = append(dst, Span{Start: open, End: len(ys), Type: typ})
	}
	return dst
}
