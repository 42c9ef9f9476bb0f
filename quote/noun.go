package quote

import "github.com/parley-news/parley"

// nounCue handles a noun of saying before its that-clause: "his vow that
// Britain would leave the EU", "the minister's claim that …" (the
// possessor is the source) and "many have voiced concerns that …",
// "repeated his warning that …" (the subject of the voicing verb is). The
// noun at k is the cue. A noun with no source ("the claim that …") is no
// attribution. It reports whether it added a quote.
func (r *run) nounCue(si, k int) bool {
	s := r.d.Sentences[si]
	l := r.low(k)
	if k+2 >= s.Last || r.low(k+1) != "that" || !speechNouns[l] && !voicedNouns[l] || r.ents.InQuote[k] {
		return false
	}
	if r.posAt(s, k) != parley.NOUN && r.posAt(s, k) != parley.NoPOS {
		return false // "his lawyers claim that …": a verb
	}
	// a concern or a hope is speech only when voiced
	sp, ok := speaker{}, false
	if speechNouns[l] {
		sp, ok = r.possessor(s, k)
	}
	v, voiced := r.voicingVerb(s, k)
	if voiced {
		// "many have voiced concerns": someone, not a thing ("his
		// appointment raised hopes") or a place
		if sub := r.subject(s, v); sub.ok && (sub.entity >= 0 && r.ents.Entities[sub.entity].Type != parley.Place || sub.entity < 0 && sub.label != "" && !speechNouns[l]) {
			sp, ok = sub, true
		}
	}
	if !ok {
		return false
	}
	end := r.contentEnd(s, k+2, false)
	if !voiced {
		// the noun phrase may be the sentence's subject: its clause ends
		// before the sentence's verb
		end = r.clauseEnd(s, k, end)
	}
	if end-(k+2) < 3 {
		return false
	}
	q := found{sp: sp, cue: k, cueEnd: k + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	r.setContent(&q, k+2, end)
	if voiced {
		r.dropNounContent(s, v, k, end)
	}
	r.cueUsed[k] = true
	r.add(q)
	return true
}

// possessor returns the source a possessive before the noun at k names,
// past adjectives ("his often-repeated vow", "the minister's stark
// warning"): a resolved possessive pronoun or a name or noun phrase with
// "'s".
func (r *run) possessor(s parley.Sentence, k int) (speaker, bool) {
	p := k - 1
	for p > s.First && k-p <= 3 && r.isWord(p) && r.ents.RefAt(p) == nil && r.posAt(s, p) == parley.ADJ {
		p-- // adjectives: "often-repeated", "stark"
	}
	if p < s.First {
		return speaker{}, false
	}
	if ref := r.ents.RefAt(p); ref != nil && possessivePronouns[r.low(p)] && ref.Kind == parley.PronounMention {
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
	}
	if r.kind(p) == parley.Possessive {
		if ref := r.ents.RefAt(p - 1); ref != nil && ref.Last == p && r.ents.Entities[ref.Entity].Type != parley.Place {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
		}
	}
	return speaker{}, false
}

// voicingVerb returns the verb that voices the noun at k ("voiced
// concerns", "repeated his claim", "made the argument"): a voicing verb at
// most four words before it, with only words and possessives between.
func (r *run) voicingVerb(s parley.Sentence, k int) (int, bool) {
	for v := k - 1; v >= s.First && k-v <= 4; v-- {
		if voicingVerbs[r.low(v)] {
			return v, true
		}
		if !r.isWord(v) && r.kind(v) != parley.Possessive {
			return 0, false
		}
	}
	return 0, false
}

// dropNounContent drops the quote found at the voicing verb v of the noun
// at k whose content is the noun phrase and its clause ("repeated his
// claim that …"): the noun's own quote says it exactly.
func (r *run) dropNounContent(s parley.Sentence, v, k, end int) {
	for _, j := range r.byPara[s.Para] {
		o := &r.out[j]
		if o.cue == v && o.cFirst <= k && o.cLast >= end {
			o.cLast = o.cFirst // dropped in emit
		}
	}
}

// clauseEnd is where the that-clause of the noun at k ends: the end of the
// clause's subtree on the parse, when that is before end ("Stephen King's
// argument that the award should help sell books is not shared": the
// clause ends before the sentence's verb).
func (r *run) clauseEnd(s parley.Sentence, k, end int) int {
	if !r.parsed(s) {
		return end
	}
	h := r.d.Head(k + 1) // the clause's head, which "that" marks
	if h <= k+1 || h >= s.Last || r.d.Head(h) != k {
		return end
	}
	// a predicate heads a clause: "that up to 300 jobs would be moved"
	// headed by "jobs" is a parse gone wrong
	switch r.d.Tokens[h].POS {
	case parley.VERB, parley.AUX, parley.ADJ:
	default:
		return end
	}
	e := r.subtreeEnd(s, h)
	for e > k+2 && r.kind(e-1) == parley.Punct {
		e--
	}
	if e >= end || !r.finiteIn(k+2, e) {
		return end
	}
	return e
}

// finiteIn reports whether [a, b) holds a finite verb or a modal, as the
// tagger reads them: a clause, not a phrase the parse cut short.
func (r *run) finiteIn(a, b int) bool { return r.firstFinite(a, b) < b }

// firstFinite returns the first finite verb or modal in [a, b) as the
// tagger reads them, or b.
func (r *run) firstFinite(a, b int) int {
	for i := a; i < b; i++ {
		switch r.d.XPOS(i) {
		case "VBD", "VBZ", "VBP", "MD":
			return i
		}
	}
	return b
}
