// Package entity finds the people, organisations, places and groups an
// article names, with their titles, roles and affiliations, and resolves
// references to them inside the article (coreference).
package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/text"
)

// Ref is one mention found in the text, tied to an entity.
type Ref struct {
	Span        parley.Span
	First, Last int // token range [First, Last)
	Entity      int // index into Result.Entities
	Kind        parley.MentionKind
}

// Result is the entity layer of a document.
type Result struct {
	Entities []parley.Entity
	Refs     []Ref // in text order
	// At maps a token index to the index in Refs of the mention covering it, or -1.
	At []int32
	// Gender of each entity, where the text tells it (titles, gendered role words).
	Gender []lexicon.Gender
	// Quotes are the paired quotation marks; InQuote marks the tokens inside them.
	Quotes  []text.QuotePair
	InQuote []bool
}

// RefAt returns the mention covering token i, or nil.
func (r *Result) RefAt(i int) *Ref {
	if i < 0 || i >= len(r.At) || r.At[i] < 0 {
		return nil
	}
	return &r.Refs[r.At[i]]
}
