package ner

import (
	"math/rand/v2"
	"strings"

	"github.com/parley-news/parley/lexicon"
)

// swapper replaces organisation and place names of training sentences by
// names of the same type from the lexicon (data augmentation).
type swapper struct {
	share  float64
	orgs   [][]string // the words of each unambiguous organisation name
	places [][]string // the words of each country name and capital
}

func newSwapper(lex *lexicon.Lexicon, share float64) *swapper {
	sw := &swapper{share: share}
	if share <= 0 {
		return sw
	}
	for _, o := range lex.Orgs() {
		if !o.IsAmbiguous(o.Name) {
			sw.orgs = append(sw.orgs, strings.Fields(o.Name))
		}
	}
	for _, c := range lex.Countries() {
		sw.places = append(sw.places, strings.Fields(c.Name))
		if c.Capital != "" {
			sw.places = append(sw.places, strings.Fields(c.Capital))
		}
	}
	return sw
}

// sentence returns l with some of its ORG and PLACE spans replaced; l
// itself is not changed.
func (sw *swapper) sentence(l Labeled, rng *rand.Rand) Labeled {
	if sw.share <= 0 || len(sw.orgs) == 0 || !hasSwappable(l.Spans) {
		return l
	}
	out := Labeled{}
	at := 0 // next word of l to copy
	for _, sp := range l.Spans {
		var pool [][]string
		switch sp.Type {
		case Org:
			pool = sw.orgs
		case Place:
			pool = sw.places
		}
		if pool == nil || rng.Float64() >= sw.share {
			continue
		}
		out.copyWords(l, at, sp.Start)
		name := pool[rng.IntN(len(pool))]
		start := len(out.Words)
		out.Words = append(out.Words, name...)
		if l.POS != nil {
			for range name {
				out.POS = append(out.POS, "PROPN")
			}
		}
		out.Spans = append(out.Spans, Span{Start: start, End: len(out.Words), Type: sp.Type})
		at = sp.End
	}
	if at == 0 {
		return l
	}
	out.copyWords(l, at, len(l.Words))
	return out
}

func hasSwappable(spans []Span) bool {
	for _, s := range spans {
		if s.Type == Org || s.Type == Place {
			return true
		}
	}
	return false
}

// copyWords appends words [a, b) of l, with their POS and the spans and
// ignored regions that lie inside them, shifted.
func (out *Labeled) copyWords(l Labeled, a, b int) {
	if a >= b {
		return
	}
	d := len(out.Words) - a
	out.Words = append(out.Words, l.Words[a:b]...)
	if l.POS != nil {
		out.POS = append(out.POS, l.POS[a:b]...)
	}
	for _, s := range l.Spans {
		if s.Start >= a && s.End <= b {
			out.Spans = append(out.Spans, Span{Start: s.Start + d, End: s.End + d, Type: s.Type})
		}
	}
	for _, s := range l.Ignore {
		if s.Start >= a && s.End <= b {
			out.Ignore = append(out.Ignore, Span{Start: s.Start + d, End: s.End + d, Type: s.Type})
		}
	}
}
