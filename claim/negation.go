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
	ok, _ := n.negated(d, sp)
	return ok
}

// parse parses sentence s of d unless it is parsed, with the parser
// taken from the pool at the first sentence.
func (n *negations) parse(d *parley.Doc, s parley.Sentence) {
	if d.Parsed(s) {
		return
	}
	if n.parser == nil {
		n.parser = n.pool.Get().(*syntax.Parser)
	}
	n.words = n.parser.Annotate(d, s, true, n.words)
}

// negated is mainNegated with the content words of what the negation
// denies: the clause of the negated predicate inside sp ("we have no
// intention of abolishing the mandatory life sentence"). Without a parser
// every negation counts and the words are nil: unknown.
func (n *negations) negated(d *parley.Doc, sp parley.Span) (bool, map[string]bool) {
	if n == nil || len(d.Tokens) == 0 {
		return true, nil
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	si := d.SentenceOf(first)
	for k := 0; k < maxNegatedSentences && si < len(d.Sentences) && d.Sentences[si].First < last; k, si = k+1, si+1 {
		s := d.Sentences[si]
		n.parse(d, s)
		a, b := max(first, s.First), min(last, s.Last)
		if p := negatedIn(d, a, b); p >= 0 {
			return true, clauseWords(d, p, a, b)
		}
	}
	return false, nil
}

// clauseWords are the content words of the tokens in [first, last) whose
// heads lead to predicate p within that stretch, p's own included; nil
// when there are none.
func clauseWords(d *parley.Doc, p, first, last int) map[string]bool {
	var toks []string
	for i := first; i < last; i++ {
		for h, k := i, 0; h >= first && h < last && k <= last-first; h, k = d.Head(h), k+1 {
			if h == p {
				toks = append(toks, d.Lower(i))
				break
			}
		}
	}
	if ws := contentWords(toks); len(ws) > 0 {
		return ws
	}
	return nil // a clause of no content word: unknown, as without a parse
}

// maxNegatedSentences bounds the sentences of a long direct quote that
// are read for a negation.
const maxNegatedSentences = 4

// negatedIn is the predicate of tokens [first, last) of one parsed
// sentence that a plain negation there bears on, or -1: one of its
// words whose head lies outside it, or a clause such a word reports or is
// coordinated with ("concluded that … was not …", "… and we have no
// intention"). The negation depends on the predicate, on an adverb of it
// ("no longer needs"), or is or determines its subject or object ("there
// is no need", "nothing has changed"). A negation before a word of
// data/words.tsv class negation_idiom negates nothing: "not only", "no
// doubt", "not without risks".
func negatedIn(d *parley.Doc, first, last int) int {
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
		if !plainNegations[d.Lower(i)] || i+1 < last && negationIdioms[d.Lower(i+1)] {
			continue
		}
		h := d.Head(i)
		switch {
		case preds[h] && inside(h):
			return h
		case preds[i] || preds[h]:
			return i
		case inside(h) && preds[d.Head(h)] && (argument(d.Tokens[h].Rel) || d.Tokens[h].Rel.Main() == parley.RelAdvmod):
			return d.Head(h)
		}
	}
	return -1
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

// negatesClaim reports whether stance s, whose only mark of dispute is a
// plain negation, denies what the other sources of its group assert: the
// negation bears on its main predicate, and the clause it denies shares a
// word with an assertion of another source ("we have no intention of
// abolishing the mandatory life sentence" against "support for an end to
// the mandatory life sentence"), or s refers back to a report ("the media
// reports were not well informed"). "Liverpool played very well and we
// just could not break them down" denies nothing "He played very well"
// says. A group that no other source asserts is judged by the parse
// alone, as before.
func negatesClaim(d *parley.Doc, negs *negations, s *stance, group []*stance) bool {
	ok, ws := negs.negated(d, s.content)
	if !ok || ws == nil || s.anaphor {
		return ok
	}
	asserted := false
	for _, t := range group {
		if t == s || sourceKey(t) == sourceKey(s) || t.negation || !(t.Stance == parley.Asserts || t.Stance == parley.Confirms) {
			continue
		}
		asserted = true
		for w := range ws {
			if t.words[w] {
				return true
			}
		}
	}
	// With no assertion of another source to deny, the negation's own
	// proposition is what the group is about.
	return !asserted
}

// verdictHeld reports whether a verdict word of content sp ("false",
// "lie") is, in the parse, a verdict on it and not a verb ("the matter
// should be left to lie", "he used to lie to board members"). Attributive
// verdicts ("the wrong signals", "sham marriages") still count: they
// carry the real disputes about as often as not. Without a parser every
// verdict word counts. Like a negation, it is looked for in the first
// sentences of a long quote only.
func (n *negations) verdictHeld(d *parley.Doc, sp parley.Span) bool {
	if n == nil || len(d.Tokens) == 0 {
		return true
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	si := d.SentenceOf(first)
	for k := 0; k < maxNegatedSentences && si < len(d.Sentences) && d.Sentences[si].First < last; k, si = k+1, si+1 {
		s := d.Sentences[si]
		n.parse(d, s)
		for i := max(first, s.First); i < min(last, s.Last); i++ {
			if !verdictWords[d.Lower(i)] {
				continue
			}
			t := d.Tokens[i]
			if t.POS != parley.VERB {
				return true
			}
		}
	}
	return false
}
