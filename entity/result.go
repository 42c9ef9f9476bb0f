// Package entity finds the people, organisations, places and groups an
// article names, with their titles, roles and affiliations, and resolves
// references to them inside the article (coreference).
package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// ref is one mention found in the text, tied to an entity.
type ref struct {
	Span        parley.Span
	First, Last int // token range [First, Last)
	Entity      int // index into result.Entities
	Kind        parley.MentionKind
}

// result is the entity layer of a document while it is recognised; it is
// written to the Doc at the end (see Recognizer.Recognize).
type result struct {
	Entities []parley.Entity
	Refs     []ref // in text order
	// At maps a token index to the index in Refs of the mention covering it, or -1.
	At []int32
	// Gender of each entity, where the text tells it (titles, gendered role words).
	Gender []lexicon.Gender
	// InQuote marks the tokens inside quotation marks.
	InQuote []bool
}

// RefAt returns the mention covering token i, or nil.
func (r *result) RefAt(i int) *ref {
	if i < 0 || i >= len(r.At) || r.At[i] < 0 {
		return nil
	}
	return &r.Refs[r.At[i]]
}
