package entity

import (
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/syntax"
)

// WithSyntax makes coreference tag and parse, with m, each sentence where a
// definite description needs its head noun and its relation to the clause
// ("described her as the most outstanding pupil", "born in Paris, the
// daughter of …"); the tags are written into the Doc, where later stages
// find them.
func WithSyntax(m *syntax.Model) Option {
	return func(r *Recognizer) {
		if m == nil {
			return
		}
		r.parsers = &sync.Pool{New: func() any { return m.NewParser() }}
	}
}

// parse tags and parses sentence si the first time it is asked, and
// reports whether the sentence is parsed: false without a syntax model.
func (c *coref) parse(si int) bool {
	if c.r.parsers == nil {
		return false
	}
	if c.parsed == nil {
		c.parsed = make([]bool, len(c.d.Sentences))
	}
	if !c.parsed[si] {
		if c.parser == nil {
			c.parser = c.r.parsers.Get().(*syntax.Parser)
		}
		c.words = c.parser.Annotate(c.d, c.d.Sentences[si], true, c.words)
		c.parsed[si] = true
	}
	return true
}

// release returns the parser to the recogniser's pool.
func (c *coref) release() {
	if c.parser != nil {
		c.r.parsers.Put(c.parser)
		c.parser = nil
	}
}

// headNoun returns the head noun of the description that starts with the
// determiner at token i of the parsed sentence s, or -1: the last noun of
// the run of modifiers and nouns after it ("the first ever YouTube star",
// "the first and only woman"); a name inside is a modifier.
func (c *coref) headNoun(i int, s parley.Sentence) int {
	t := c.d.Tokens
	head := -1
	for j := i + 1; j < s.Last && j-i <= 8; j++ {
		if t[j].Kind != parley.Word && t[j].Kind != parley.Number && t[j].Kind != parley.Dash {
			break
		}
		if ref := c.res.RefAt(j); ref != nil && c.res.Entities[ref.Entity].Type == parley.Person {
			break
		}
		switch t[j].POS {
		case parley.NOUN:
			head = j
			continue
		case parley.ADJ, parley.ADV, parley.NUM, parley.PROPN:
			if head >= 0 {
				return head // "the star Jeanne", "the composer later"
			}
			continue
		case parley.SYM, parley.PUNCT:
			if t[j].Kind == parley.Dash && head < 0 {
				continue // "the 22-year-old poet"
			}
		case parley.CCONJ:
			// "the first and only woman": modifiers joined before the noun
			if head < 0 && j+1 < s.Last && (t[j+1].POS == parley.ADJ || t[j+1].POS == parley.ADV) {
				continue
			}
		}
		break
	}
	return head
}
