package event

import "github.com/parley-news/parley"

// demandCode is the CAMEO code of a demand made by saying what someone
// should undergo or do: "Ferguson should be punished", "he must resign"
// (100, demand).
const demandCode = "100"

// demandIn returns the token of the first verb in q's content that the
// parse makes a demand: a verb of sanction or amends (`demand_verb` in
// data/words.tsv, by lemma) under a deontic auxiliary ("should", "must"),
// whose subject is not the speaker's own side, not negated, not asked and
// not under a condition.
func (c *Coder) demandIn(in *input, q parley.Quote) (int, bool) {
	d := in.Doc
	first, last := d.TokenAt(q.Content.Start), d.TokenAt(q.Content.End-1)+1
	for i := first; i < last && i < len(d.Tokens); i++ {
		if !demandVerbs[d.Lemma(i)] && !demandVerbs[d.Lower(i)] || !deonticBefore(d, i) {
			continue
		}
		si := d.SentenceOf(i)
		if si >= len(d.Sentences) || !in.parseSentence(d.Sentences[si]) {
			return 0, false
		}
		if demand(d, d.Sentences[si], i, q.Speaker) {
			return i, true
		}
	}
	return 0, false
}

// demand reports whether verb v of the parsed sentence s is a demand on a
// third party.
func demand(d *parley.Doc, s parley.Sentence, v int, speaker parley.EntityRef) bool {
	if d.Tok(s.Last-1) == "?" || d.Tokens[v].POS != parley.VERB {
		return false
	}
	deps := dependents(d, s, v)
	if conditionalClause(d, s, deps) {
		return false // "should quit if he is found to have …"
	}
	deontic := false
	for _, k := range deps {
		w := d.Lower(k)
		switch r := d.Tokens[k].Rel; {
		case r.Main() == parley.RelAux && deonticAux[w]:
			deontic = true
		case r == parley.RelMark && conditionals[w], negations[w], restrictiveAdverbs[w]:
			// not a demand: conditional, negated, or a principle ("should
			// only be punished after a fair trial")
			return false
		case r.Subject() && ownSide[w]:
			return false
		case r.Subject():
			if m := d.MentionAt(k); m != nil && m.Entity != 0 && m.Entity == speaker {
				return false
			}
		}
	}
	return deontic
}

// deonticBefore reports whether a deontic auxiliary stands close before
// token i ("should be punished", "must now resign"): without one there is
// no demand, and no need to parse.
func deonticBefore(d *parley.Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if deonticAux[d.Lower(k)] {
			return true
		}
	}
	return false
}
