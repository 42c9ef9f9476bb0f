package quote

import (
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
)

// WithSyntax returns a copy of f that tags, with m, each sentence where a
// present-tense or base form of a speech verb could be a cue, and takes it
// for a cue only when the tagger reads a verb: "the four early states",
// "the Super Tuesday contests" and "his remarks" are nouns.
func (f *Finder) WithSyntax(m *syntax.Model) *Finder {
	ff := *f
	ff.parsers = &sync.Pool{New: func() any { return m.NewParser() }}
	return &ff
}

// taggedVerb reports whether the tagger reads token v of sentence si as a
// verb, tagging the sentence into the Doc the first time; true without a
// syntax model.
func (r *run) taggedVerb(si, v int) bool {
	if r.f.parsers == nil || r.subjectBefore(v) {
		return true
	}
	switch r.posAt(r.d.Sentences[si], v) {
	case parley.VERB, parley.AUX:
		return true
	}
	return false
}

// posAt returns the tagger's class of token i of sentence s, tagging the
// sentence into the Doc the first time; NoPOS without a syntax model.
func (r *run) posAt(s parley.Sentence, i int) parley.POS {
	if r.f.parsers == nil {
		return parley.NoPOS
	}
	if r.d.Tokens[i].POS == parley.NoPOS {
		if r.parser == nil {
			r.parser = r.f.parsers.Get().(*syntax.Parser)
		}
		r.words = r.parser.Annotate(r.d, s, false, r.words)
	}
	return r.d.Tokens[i].POS
}

// parsed parses sentence s into the Doc the first time a decision needs
// its tree, and reports whether it is parsed (false without a syntax
// model).
func (r *run) parsed(s parley.Sentence) bool {
	if r.d.Parsed(s) {
		return true
	}
	if r.f.parsers == nil {
		return false
	}
	if r.parser == nil {
		r.parser = r.f.parsers.Get().(*syntax.Parser)
	}
	r.words = r.parser.Annotate(r.d, s, true, r.words)
	return true
}

// subtreeEnd returns one past the last token of sentence s that word h
// dominates on the parse.
func (r *run) subtreeEnd(s parley.Sentence, h int) int {
	end := h + 1
	for i := h + 1; i < s.Last; i++ {
		if r.dominates(s, h, i) {
			end = i + 1
		}
	}
	return end
}

// subtreeStart is the first token of the subtree of h on the parse.
func (r *run) subtreeStart(s parley.Sentence, h int) int {
	for i := s.First; i < h; i++ {
		if r.dominates(s, h, i) {
			return i
		}
	}
	return h
}

// dominates reports whether h is i or one of its heads on the parse.
func (r *run) dominates(s parley.Sentence, h, i int) bool { return r.d.Dominates(s, h, i) }

// release returns the run's parser to the Finder's pool.
func (r *run) release() {
	if r.parser != nil {
		r.f.parsers.Put(r.parser)
		r.parser = nil
	}
}

// subjectBefore reports whether the word before v can only be followed by
// a verb here: a person's name, a subject pronoun, the head noun of a
// source ("spokesman", "officials", "the report"), or "and"/"but" joining
// a second predicate. The tagger, trained on web text,
// misreads "Viguerie notes that" as a noun compound.
func (r *run) subjectBefore(v int) bool {
	if v == 0 {
		return false
	}
	if ref := r.ents.RefAt(v - 1); ref != nil && ref.Last == v {
		return r.ents.Entities[ref.Entity].Type == parley.Person // "Arab League states" is a compound
	}
	l := r.low(v - 1)
	return isSubjectPronoun(l) || l == "and" || l == "but" ||
		r.f.roles.Is(l, lexicon.RoleNoun|lexicon.SourceNoun|lexicon.Document) // "the lawsuit alleges"
}
