package event

import "github.com/parley-news/parley"

// parse parses the sentence the first time a decision needs its
// dependency tree (the coreference stage may have parsed it already), and
// reports whether it is parsed: false when the coder has no syntax model.
func (s *sentence) parse() bool {
	in := s.in
	if !in.Doc.Parsed(s.ts) {
		if in.parser == nil {
			return false
		}
		in.words = in.parser.Annotate(in.Doc, s.ts, true, in.words)
	}
	s.tagged = true
	return true
}

// head returns the sentence index of word i's head, or -1 for the root
// and for a head outside the sentence.
func (s *sentence) head(i int) int {
	h := s.in.Doc.Head(s.first + i)
	if h < s.first || h >= s.first+len(s.words) {
		return -1
	}
	return h - s.first
}

func (s *sentence) rel(i int) parley.DepRel { return s.in.Doc.Tokens[s.first+i].Rel }

// nounArgs is what a nominal trigger's own dependents say of its parties:
// "the merger of Gannett and GateHouse", "suspensions for Garrett and
// Pouncey", "a search of the vehicle by officers", "Israel's attack on
// Gaza". Actors reached through a clause of their own ("the merger, which
// Gannett's board approved") are not the noun's.
type nounArgs struct {
	srcs, tgts []*actorSpan
}

// parsedNounRoles reads the parties of the noun trigger t from the parse:
// its nmod dependents by their preposition and its possessor. It returns
// nothing when the sentence cannot be parsed.
func (c *Coder) parsedNounRoles(s *sentence, t trig) nounArgs {
	if !mayHaveParties(s, t) || !s.parse() {
		return nounArgs{}
	}
	h := nounHead(s, t)
	var a nounArgs
	var poss []*actorSpan
	hasOf := false
	for j := range s.words {
		if s.head(j) != h || j >= t.first && j < t.last && s.words[j] != "OF" {
			continue
		}
		var prep string
		switch s.rel(j) {
		case parley.RelNmodPoss:
			poss = append(poss, s.actorsUnder(j)...)
			continue
		case parley.RelNmod:
			prep = s.caseWord(j)
		default:
			continue
		}
		as := s.actorsUnder(j)
		if len(as) == 0 {
			continue
		}
		switch {
		case nounSourcePreps[prep]:
			a.srcs = append(a.srcs, as...)
		case nounPartyPreps[prep] || nounOfPreps[prep] && ofParties(t, len(as)):
			// "talks between X and Y", "the merger of X and Y": the first
			// named is the source, the others its counterparts; a
			// mediation's parties are all its targets.
			if mediation(t.code) {
				a.tgts = append(a.tgts, as...)
			} else {
				a.srcs, a.tgts = append(a.srcs, as[0]), append(a.tgts, as[1:]...)
			}
			hasOf = hasOf || nounOfPreps[prep]
		case nounOfPreps[prep]:
			// "the arrest of X", "chairing a meeting of the commission".
			hasOf = true
			a.tgts = append(a.tgts, as...)
		case nounTargetPreps[prep]:
			a.tgts = append(a.tgts, as...)
		}
	}
	// "the men's arrest", "Garrett's suspension": the possessor of a
	// penalty undergoes it when it is a person or civilians and the noun
	// names no one else it falls on; "China's crackdown on protesters",
	// "the EU's ban" are acts of the possessor.
	for _, p := range poss {
		if authorityAct(t.code) && !hasOf && len(a.tgts) == 0 && s.patient(p) {
			a.tgts = append(a.tgts, p)
		} else {
			a.srcs = append(a.srcs, p)
		}
	}
	return a
}

// patient reports whether the actor a is one that undergoes authorities'
// acts rather than does them: a person of the entity layer, or people and
// civilians (patient_role: "PPL", "CVL").
func (s *sentence) patient(a *actorSpan) bool {
	if i := a.entity.Index(); i >= 0 && i < len(s.in.Doc.Entities) && s.in.Doc.Entities[i].Type == parley.Person {
		return true
	}
	return len(a.code) >= 3 && patientRoles[a.code[len(a.code)-3:]]
}

// mayHaveParties reports whether the noun trigger t can have a party the
// parse would find: an actor after it, or a possessive before it. Most
// nouns have neither, and their sentences need no parse.
func mayHaveParties(s *sentence, t trig) bool {
	if k := s.actorBefore(t.last) + 1; k < len(s.actors) {
		return true
	}
	return t.first > 0 && (s.kinds[t.first-1] == parley.Possessive || s.inActor(t.first-1))
}

// ofParties reports whether an "of" phrase of n actors names the parties
// of the noun t rather than its object: a merger or a meeting of two.
func ofParties(t trig, n int) bool {
	if n < 2 {
		return false
	}
	switch t.code[:2] {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// mediation reports whether code is a mediation, whose parties are both
// targets.
func mediation(code string) bool {
	return len(code) >= 3 && (code[:3] == "045" || code[:3] == "039")
}

// nounHead is the token of the trigger phrase t that heads it on the
// parse: the one whose head lies outside the phrase ("search" of "search
// of", "talks" of "peace talks").
func nounHead(s *sentence, t trig) int {
	for i := t.first; i < t.last; i++ {
		if h := s.head(i); h < t.first || h >= t.last {
			if s.words[i] != "OF" {
				return i
			}
		}
	}
	return t.last - 1
}

// caseWord is the preposition that marks the nmod dependent j: its case
// child, upper case ("OF"); in "search of" it is the trigger phrase's own
// last word.
func (s *sentence) caseWord(j int) string {
	for k := range s.words {
		if s.head(k) == j && s.rel(k) == parley.RelCase {
			return s.words[k]
		}
	}
	return ""
}

// actorsUnder returns the actor spans inside the subtree of word j, in
// text order, not descending into clauses (acl, relcl, advcl, ccomp,
// parataxis): "the merger of Gannett and GateHouse Media" gives both
// companies. Each is the head of its noun phrase (phraseHead): "the
// newspaper chains Gannett", "Palestinian leader Yasser Arafat" are one
// party each, even where the parse cuts the phrase.
func (s *sentence) actorsUnder(j int) []*actorSpan {
	var out []*actorSpan
	for k := range s.actors {
		a := &s.actors[k]
		if a.first >= len(s.words) || !s.dominates(j, a.first) {
			continue
		}
		h := &s.actors[s.phraseHead(k)]
		if n := len(out); n > 0 && (out[n-1] == h || s.samePhrase(out[n-1], a) && !s.headOver(out[n-1], a)) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// headOver reports whether actor b, in one phrase after a, is the
// phrase's head and party: the later one is, unless only the earlier
// names a country ("Iranian shipping firms" keeps Iran).
func (s *sentence) headOver(a, b *actorSpan) bool {
	return hasCountry(b.code) || !hasCountry(a.code)
}

// phraseHead returns the index of the actor that heads the noun phrase
// of actor k: the last of the actors next to it in the phrase (samePhrase,
// headOver).
func (s *sentence) phraseHead(k int) int {
	for k+1 < len(s.actors) && s.samePhrase(&s.actors[k], &s.actors[k+1]) && s.headOver(&s.actors[k], &s.actors[k+1]) {
		k++
	}
	return k
}

// samePhrase reports whether actor a stands right before actor b in one
// noun phrase: at most one word between them, and no coordination,
// preposition or punctuation.
func (s *sentence) samePhrase(a, b *actorSpan) bool {
	if b.first-a.last > 1 {
		return false
	}
	for k := a.last; k < b.first; k++ {
		if s.kinds[k] != parley.Word || coordinators[s.words[k]] || prepositions[s.words[k]] {
			return false
		}
	}
	return true
}

// dominates reports whether word j dominates word i through the
// relations of one noun phrase: not through a clause (acl, relcl, advcl,
// ccomp, parataxis), a phrase of its own ("by Russia of Crimea": Crimea
// is not the "by" party) or a conjunct with no conjunction ("a search of
// the garage, investigators located" is no coordination).
func (s *sentence) dominates(j, i int) bool {
	for n := 0; i >= 0 && n < len(s.words); n++ {
		if i == j {
			return true
		}
		switch s.rel(i) {
		case parley.RelAcl, parley.RelAclRelcl, parley.RelAdvcl, parley.RelAdvclRelcl, parley.RelCcomp, parley.RelParataxis, parley.RelNmod:
			return false
		case parley.RelConj:
			if !s.coordinated(s.head(i)) {
				return false
			}
		}
		i = s.head(i)
	}
	return false
}

// coordinated reports whether some conjunct of word h has a coordinating
// conjunction ("and", "or").
func (s *sentence) coordinated(h int) bool {
	for k := range s.words {
		if s.head(k) == h && s.rel(k) == parley.RelConj {
			for m := range s.words {
				if s.head(m) == k && s.rel(m) == parley.RelCc {
					return true
				}
			}
		}
	}
	return false
}
