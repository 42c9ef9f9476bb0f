package claim

import (
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/syntax"
)

// Grouper finds the claims of a Doc. With a syntax model it reads from the
// parse whether a content's negation denies its main predicate ("the
// reports do not indicate enemy fire") or only something inside it
// ("although fraud was falling, the EU still had no common definition"):
// only the first takes the other side of a claim.
type Grouper struct {
	parsers *sync.Pool
}

// WithSyntax returns a copy of g that parses, with m, the sentences of the
// contents whose only mark of dispute is a plain negation.
func (g *Grouper) WithSyntax(m *syntax.Model) *Grouper {
	gg := *g
	gg.parsers = &sync.Pool{New: func() any { return m.NewParser() }}
	return &gg
}

// Find groups the stances of d's quotes into claims and sets d.Claims; see
// the package function Find.
func (g *Grouper) Find(d *parley.Doc) {
	var neg *negations
	if g != nil && g.parsers != nil {
		neg = &negations{pool: g.parsers}
		defer neg.release()
	}
	findClaims(d, neg)
}

// negations answers, for one Doc, whether a content's plain negation is
// on its main predicate, parsing sentences into the Doc as it goes.
type negations struct {
	pool   *sync.Pool
	parser *syntax.Parser
	words  []syntax.Word
}

func (n *negations) release() {
	if n.parser != nil {
		n.pool.Put(n.parser)
		n.parser = nil
	}
}

// mainNegated reports whether a plain negation ("not", "no", "never" …) in
// content sp bears on a predicate of the content, in any of its first
// sentences; without a parser every negation counts.
func (n *negations) mainNegated(d *parley.Doc, sp parley.Span) bool {
	if n == nil || len(d.Tokens) == 0 {
		return true
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	si := d.SentenceOf(first)
	for k := 0; k < maxNegatedSentences && si < len(d.Sentences) && d.Sentences[si].First < last; k, si = k+1, si+1 {
		s := d.Sentences[si]
		if !d.Parsed(s) {
			if n.parser == nil {
				n.parser = n.pool.Get().(*syntax.Parser)
			}
			n.words = n.parser.Annotate(d, s, true, n.words)
		}
		if negatedIn(d, max(first, s.First), min(last, s.Last)) {
			return true
		}
	}
	return false
}

// maxNegatedSentences bounds the sentences of a long direct quote that
// are read for a negation.
const maxNegatedSentences = 4

// negatedIn reports whether a plain negation in tokens [first, last) of
// one parsed sentence bears on a predicate of that stretch: one of its
// words whose head lies outside it, or a clause such a word reports or is
// coordinated with ("concluded that … was not …", "… and we have no
// intention"). The negation depends on the predicate, on an adverb of it
// ("no longer needs"), or is or determines its subject or object ("there
// is no need", "nothing has changed"). "Not only" negates nothing.
func negatedIn(d *parley.Doc, first, last int) bool {
	inside := func(i int) bool { return i >= first && i < last }
	preds := map[int]bool{}
	for i := first; i < last; i++ {
		if !inside(d.Head(i)) && d.Tokens[i].Kind == parley.Word {
			preds[i] = true
		}
	}
	for i := first; i < last; i++ {
		for h, k := i, 0; inside(h) && k < last-first; h, k = d.Head(h), k+1 {
			if preds[h] && h != i {
				preds[i] = true
				break
			}
			if !clausal(d.Tokens[h].Rel) {
				break
			}
		}
	}
	for i := first; i < last; i++ {
		if !plainNegations[d.Lower(i)] || i+1 < last && d.Lower(i+1) == "only" {
			continue
		}
		h := d.Head(i)
		if preds[h] || preds[i] {
			return true
		}
		if inside(h) && preds[d.Head(h)] && (argument(d.Tokens[h].Rel) || d.Tokens[h].Rel.Main() == parley.RelAdvmod) {
			return true
		}
	}
	return false
}

// clausal reports whether rel attaches a reported, complement or
// coordinated clause.
func clausal(rel parley.DepRel) bool {
	switch rel.Main() {
	case parley.RelCcomp, parley.RelXcomp, parley.RelConj:
		return true
	}
	return false
}

// argument reports whether rel attaches a subject or an object.
func argument(rel parley.DepRel) bool {
	switch rel.Main() {
	case parley.RelNsubj, parley.RelObj, parley.RelExpl, parley.RelIobj:
		return true
	}
	return rel == parley.RelNsubjPass
}
