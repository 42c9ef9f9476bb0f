package quote

import (
	"strings"

	"github.com/parley-news/parley"
)

// headlineColon reads "Trump: My immigration plans aren't set in stone.",
// "Gerald F. Seib, The Wall Street Journal: “…”", "Jeremy Lott, author:
// “…”" — a source named at the start of a paragraph, a colon, and what the
// source said — and the turns of a transcript ("WALLACE: Let's start …",
// "MS. CLINTON: …"), which in a document with turns of two speakers or
// more may open any sentence and run on to the next turn.
func (r *run) headlineColon(si int) {
	s := r.d.Sentences[si]
	from := s.First
	if r.kind(from) == parley.OpenQuote || r.kind(from) == parley.StraightQuote {
		from++ // a transcript quoted whole: “WALLACE: …
	}
	colon := r.labelColon(s, from)
	if colon < 0 || labelWord[r.low(from)] {
		return // "Photo:", "Editor's Note:", "Update:"
	}
	turn := r.capsLabel(from, colon) && r.transcript()
	if !turn && si > 0 && r.d.Sentences[si-1].Para == s.Para {
		return // only at the start of a paragraph
	}
	sp, ok := r.labelSpeaker(s, from, colon, turn)
	if !ok {
		return
	}
	q := found{sp: sp, cue: colon, cueEnd: colon + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	a, b := colon+1, r.labelContentEnd(si, colon, turn)
	if p := r.pairAt(a); p != nil && p.close > a && !turn {
		a, b = p.first, p.last // “…” over as many sentences as it runs
	} else {
		for b > a+1 && r.kind(b-1) == parley.Punct && r.isFinalPunct(b-1) {
			b--
		}
	}
	r.setContent(&q, a, b)
	if q.cLast-q.cFirst < 3 || r.listItem(si, q.cFirst, q.cLast) || !r.verbIn(s, q.cFirst, min(q.cLast, s.Last)) {
		return // "Replacements: Fortey, Murphy, Daly.": a list, nobody's words
	}
	r.cueUsed[colon] = true
	r.add(q)
}

// labelColon returns the colon that ends a short label opening sentence s
// at from, or -1: the label holds words, commas, periods, possessives and a
// parenthesis ("Rep. Jo Roe (R-S.C.):"), no finite speech verb, and at
// least three tokens follow the colon.
func (r *run) labelColon(s parley.Sentence, from int) int {
	paren := false
	for k := from; k < s.Last && k-from < 12; k++ {
		l := r.low(k)
		switch {
		case l == ":":
			if k <= from || k+3 > s.Last {
				return -1
			}
			return k
		case l == "(" || l == ")":
			paren = l == "("
		case paren:
		case !(r.isWord(k) || l == "," || l == "." || r.kind(k) == parley.Possessive),
			r.isFiniteSpeechVerb(k) && !r.d.Tokens[k].Is(parley.Cap):
			return -1
		}
	}
	return -1
}

// transcript reports whether the document holds turns of at least two
// speakers in capitals ("WALLACE: …", "PENCE: …"): a dateline ("NEW DELHI:")
// or a heading ("GDP:") alone makes no transcript. Computed once per run.
func (r *run) transcript() bool {
	if r.turns == 0 {
		r.turns = -1
		labels := map[string]bool{}
		for _, s := range r.d.Sentences {
			from := s.First
			if r.kind(from) == parley.OpenQuote || r.kind(from) == parley.StraightQuote {
				from++
			}
			if c := r.labelColon(s, from); c > 0 && r.capsLabel(from, c) && !r.placeOrOrg(from, c) {
				labels[strings.ToLower(r.spanText(from, c))] = true
			}
		}
		if len(labels) >= 2 {
			r.turns = 1
		}
	}
	return r.turns > 0
}

// placeOrOrg reports whether [a, b) is the mention of a place or an
// organisation.
func (r *run) placeOrOrg(a, b int) bool {
	ref := r.ents.RefAt(b - 1)
	return ref != nil && ref.First <= a && r.ents.Entities[ref.Entity].Type != parley.Person
}

// capsLabel reports a transcript's speaker label: words in capitals only
// ("PENCE", "MS. CLINTON", "SECRETARY CLINTON").
func (r *run) capsLabel(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if r.low(k) == "." {
			continue
		}
		t := r.d.Tok(k)
		if !r.isWord(k) || len(t) < 2 || strings.ToUpper(t) != t || strings.ToLower(t) == t {
			return false
		}
		n++
	}
	return n > 0 && n <= 3
}

// labelSpeaker is the source a label [from, colon) names: a person or
// organisation that ends it or ends its first part before a comma
// ("Windsor Mann, editor of …:"), or the label itself when all its words
// are capitalised.
func (r *run) labelSpeaker(s parley.Sentence, from, colon int, turn bool) (speaker, bool) {
	end := colon
	if c := r.indexOf(from, colon, ","); c > 0 {
		ref := r.ents.RefAt(c - 1)
		switch {
		case ref != nil && ref.First == from && ref.Last == c && r.ents.Entities[ref.Entity].Type == parley.Person && !r.verbIn(s, c, colon) && r.quotationAt(colon+1):
			// "Jeremy Lott, author: “…”" — not "Jo Roe, goalkeeper: Made three saves."
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
		case r.endsInOutlet(c, colon):
			end = c // "Gerald F. Seib, The Wall Street Journal:" — but not "Then, later that month on CNN:"
		default:
			return speaker{}, false
		}
	}
	if p := r.indexOf(from, end, "("); p > from {
		if !r.quotationAt(colon + 1) {
			return speaker{}, false // "Jo Roe (Labour): Voted against the bill.": a roll call
		}
		end = p // "Rep. Trey Gowdy (R-S.C.): “…”"
	}
	if ref := r.ents.RefAt(end - 1); ref != nil && ref.Last == end && r.ents.Entities[ref.Entity].Type != parley.Place {
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
	}
	for k := from; k < end; k++ {
		if r.isWord(k) && !r.d.Tokens[k].Is(parley.Cap) {
			return speaker{}, false // a sentence with a colon, not a label
		}
	}
	return speaker{first: from, last: end, entity: -1, label: r.spanText(from, end), ok: true}, true
}

// quotationAt reports whether a quotation opens at token a.
func (r *run) quotationAt(a int) bool {
	p := r.pairAt(a)
	return p != nil && p.close > a
}

// verbIn reports whether the tagger reads a verb in [a, b) of sentence s
// ("Jo Roe, from Leeds, won two awards:" is a clause, not a label).
func (r *run) verbIn(s parley.Sentence, a, b int) bool {
	for k := a; k < b; k++ {
		if p := r.posAt(s, k); p == parley.VERB || p == parley.AUX || p == parley.NoPOS {
			return true
		}
	}
	return false
}

// endsInOutlet reports whether the part of a label after the comma at c
// is a name that ends at the colon: "…, The Wall Street Journal:".
func (r *run) endsInOutlet(c, colon int) bool {
	ref := r.ents.RefAt(colon - 1)
	return ref != nil && (ref.First == c+1 || ref.First == c+2 && r.low(c+1) == "the")
}

// labelContentEnd is where the words after a label's colon end: the
// sentence's end, or for a transcript turn the start of the next turn or
// the paragraph's end.
func (r *run) labelContentEnd(si, colon int, turn bool) int {
	s := r.d.Sentences[si]
	if !turn {
		return s.Last
	}
	end := s.Last
	for sj := si + 1; sj < len(r.d.Sentences) && r.d.Sentences[sj].Para == s.Para; sj++ {
		n := r.d.Sentences[sj]
		from := n.First
		if r.kind(from) == parley.OpenQuote || r.kind(from) == parley.StraightQuote {
			from++
		}
		if c := r.labelColon(n, from); c >= 0 && r.capsLabel(from, c) {
			break
		}
		end = n.Last
	}
	return end
}

// listItem reports a "Name: details" paragraph of a list that a colon
// introduces ("the following charges:" then "A. Burton: Possession of …"):
// an entry, not a transcript line, when its text is no clause (no pronoun
// subject, no auxiliary). The entries that follow are items too.
func (r *run) listItem(si, a, b int) bool {
	for k := a; k < b; k++ {
		if isSubjectPronoun(r.low(k)) || isAuxiliary(r.low(k)) || r.kind(k) == parley.OpenQuote || r.kind(k) == parley.StraightQuote {
			return false
		}
	}
	if si == 0 {
		return false
	}
	prev := r.d.Sentences[si-1]
	if r.low(prev.Last-1) == ":" || r.listParas[prev.Para] {
		r.listParas[r.d.Sentences[si].Para] = true
		return true
	}
	return false
}
