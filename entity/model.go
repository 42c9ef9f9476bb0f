package entity

// The statistical recogniser's view of a document: which tokens it tags as
// the name of a person, an organisation, a place or something else. The
// rules read it to decide what a capitalised chunk names; the gazetteers
// stay what gives a known name its canonical form and kind.

import (
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ner"
)

// Option configures a Recognizer.
type Option func(*Recognizer)

// WithModel makes the statistical recogniser decide what is a name and of
// which type; without it the rules decide alone.
func WithModel(m *ner.Model) Option {
	return func(r *Recognizer) {
		r.model = m
		r.taggers = &sync.Pool{New: func() any { return m.NewTagger() }}
	}
}

// modelTags is the model's labels of a document's tokens.
type modelTags struct {
	typ   []ner.Type // per token: the type of the model's span over it, None outside
	begin []bool     // per token: a model span starts here
}

// tagDoc runs the model over the sentences of d.
func (r *Recognizer) tagDoc(d *parley.Doc, texts []string, common map[string]bool) *modelTags {
	if r.model == nil {
		return nil
	}
	t := r.taggers.Get().(*ner.Tagger)
	defer r.taggers.Put(t)
	sents := make([]ner.Sentence, len(d.Sentences))
	for i, s := range d.Sentences {
		sents[i] = ner.Sentence{Words: texts[s.First:s.Last]}
	}
	mt := &modelTags{typ: make([]ner.Type, len(texts)), begin: make([]bool, len(texts))}
	for _, m := range t.TagSome(sents, func(i int) bool { return mayName(d, d.Sentences[i], common) }) {
		base := d.Sentences[m.Sent].First
		mt.begin[base+m.Start] = true
		for k := base + m.Start; k < base+m.End; k++ {
			mt.typ[k] = m.Type
		}
	}
	return mt
}

// mayName reports whether sentence s has a capitalised word the rules could
// read as a name: one inside the sentence, or a first word that the
// document does not also write in lower case. Other sentences are not
// tagged (a fifth of news prose), which the model's evidence permits.
func mayName(d *parley.Doc, s parley.Sentence, common map[string]bool) bool {
	for i := s.First; i < s.Last; i++ {
		t := d.Tokens[i]
		if t.Kind != parley.Word || !t.Is(parley.Cap) && !t.Is(parley.AllCaps) {
			continue
		}
		if i > s.First || !common[d.Lower(i)] {
			return true
		}
	}
	return false
}

// modelView returns the type the model gives most of the words of tokens
// [a, b) (None when it tags most of them as no name), and the first token
// and end of the words of that type inside [a, b).
func (w *work) modelView(a, b int) (t ner.Type, first, last int) {
	var votes [ner.NumTypes]int
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind == parley.Word {
			votes[w.mt.typ[k]]++
		}
	}
	best := ner.None
	for ty := ner.Person; ty < ner.NumTypes; ty++ {
		if votes[ty] > votes[best] {
			best = ty
		}
	}
	first, last = -1, -1
	for k := a; k < b; k++ {
		if w.mt.typ[k] == best {
			if first < 0 {
				first = k
			}
			last = k + 1
		}
	}
	return best, first, last
}

// modelSpanIs reports whether the model tags tokens [a, b) as one span of
// type t: its words all of t, a span starting at a and none inside.
func (w *work) modelSpanIs(a, b int, t ner.Type) bool {
	if !w.mt.begin[a] {
		return false
	}
	for k := a; k < b; k++ {
		if w.mt.typ[k] != t || k > a && w.mt.begin[k] {
			return false
		}
	}
	return b >= len(w.mt.typ) || w.mt.typ[b] != t || w.mt.begin[b]
}
