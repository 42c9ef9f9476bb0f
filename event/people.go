package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// assaultCode is the CAMEO code of a physical assault on a person (182);
// killedCode, of one that kills ("stabbed to death", 1823).
const (
	assaultCode = "182"
	killedCode  = "1823"
)

// bodilyHarm adds the physical assaults of one person on another that the
// dictionaries miss because neither party has an actor code: "Garrett hit
// Rudolph in the head", "punched an egg-throwing protester", "was stabbed
// by a fan". A verb of bodily harm (`bodily_verb` in data/words.tsv, by
// lemma or form) counts only when the parse gives it a person as the one
// harmed: its object, or its subject in the passive, a mention of a person
// or a noun for one ("a man", "the referee"). "Hit" needs a place or means
// of the blow ("in the head", "with a helmet") and "beat" the particle
// "up": hitting a fairway or beating a rival is sport. Negated, supposed,
// conditional and asked harm is none; sentences the discards cover are
// skipped, and a sentence already coded as an assault there adds nothing.
func (c *Coder) bodilyHarm(in *input, skip []bool) []parley.Event {
	d := in.Doc
	var add []parley.Event
	for _, s := range d.Sentences {
		if s.Para < len(skip) && skip[s.Para] {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if !bodilyVerbs[d.Lower(i)] || !c.harmPossible(d, s, i) {
				continue
			}
			if c.discarded(d, skip, int(d.Tokens[i].Start)) || !in.parseSentence(s) {
				break
			}
			if e, ok := c.harmAt(in, s, i); ok && !codedNear(d.Events, d.Tokens[i], e.CAMEO) {
				add = append(add, e)
			}
		}
	}
	return add
}

// harmAt is the assault whose verb is token v of the parsed sentence s, if
// the parse makes it one.
func (c *Coder) harmAt(in *input, s parley.Sentence, v int) (parley.Event, bool) {
	d := in.Doc
	if d.Tokens[v].POS != parley.VERB || d.Tok(s.Last-1) == "?" {
		return parley.Event{}, false
	}
	lemma := d.Lemma(v)
	deps := dependents(d, s, v)
	var agent, patient = -1, -1
	means, up, death := false, false, false
	for _, k := range deps {
		w := d.Lower(k)
		switch r := d.Tokens[k].Rel; {
		case r == parley.RelObj, r == parley.RelNsubjPass:
			patient = k
		case r == parley.RelNsubj, r == parley.RelOblAgent:
			agent = k
		case r == parley.RelCompoundPrt && w == "up":
			up = true
		case r.Main() == parley.RelObl:
			// the place or means of a blow: "in the head", "with a helmet"
			means = means || caseIs(d, s, k, "WITH") || bodyParts[d.Lemma(k)]
			death = death || strings.EqualFold(d.Tok(k), "death")
		case negations[w], r == parley.RelMark && conditionals[w], r.Main() == parley.RelAux && hypotheticalAux[w]:
			return parley.Event{}, false
		}
	}
	if patient < 0 || !c.personIn(d, s, patient) || lemma == "hit" && !means || lemma == "beat" && !up {
		return parley.Event{}, false
	}
	// "was hit in the head by a firework": a thing's blow is an accident.
	if agent >= 0 && d.Tokens[agent].Rel == parley.RelOblAgent && !c.personIn(d, s, agent) {
		return parley.Event{}, false
	}
	code := assaultCode
	if death {
		code = killedCode
	}
	k := c.codes[code]
	first, last := min(v, patient), max(v, patient)
	if agent >= 0 {
		first, last = min(first, agent), max(last, agent)
	}
	e := parley.Event{
		PLOVER: k.PLOVER, PLOVERMode: k.PLOVERMode, CAMEO: k.Code, CAMEORoot: k.Root,
		QuadClass: k.QuadClass, Goldstein: k.Goldstein,
		Evidence:   d.TokenSpan(first, last+1),
		ReportedIn: reportedIn(d.Quotes, d.TokenSpan(first, last+1)),
		Trigger:    strings.ToLower(d.Tok(v)), TriggerToken: int32(v + 1),
	}
	if r := c.personRef(d, s, patient); r != 0 {
		e.Target, e.TargetCode = r, c.refCode(d, r)
	}
	if agent >= 0 {
		if r := c.personRef(d, s, agent); r != 0 && r != e.Target {
			e.Source, e.SourceCode = r, c.refCode(d, r)
		}
	}
	return e, true
}

// personIn reports whether the noun phrase headed by token k names or
// stands for a person: a mention of a person entity on its head or its
// name words ("Pittsburgh quarterback Mason Rudolph"), or a noun for one
// ("a man", "the referee").
func (c *Coder) personIn(d *parley.Doc, s parley.Sentence, k int) bool {
	return c.personRef(d, s, k) != 0 || personNouns[d.Lemma(k)]
}

// personRef is the person entity the noun phrase headed by token k
// mentions on its head or its name words, or 0.
func (c *Coder) personRef(d *parley.Doc, s parley.Sentence, k int) parley.EntityRef {
	for _, j := range append([]int{k}, dependents(d, s, k)...) {
		if j != k {
			switch d.Tokens[j].Rel.Main() {
			case parley.RelFlat, parley.RelAppos, parley.RelCompound:
			default:
				continue
			}
		}
		if m := d.MentionAt(j); m != nil {
			if e := d.Entity(m.Entity); e != nil && e.Type == parley.Person {
				return m.Entity
			}
		}
	}
	return 0
}

// caseIs reports whether token k of sentence s has the case marker w.
func caseIs(d *parley.Doc, s parley.Sentence, k int, w string) bool {
	for _, j := range dependents(d, s, k) {
		if d.Tokens[j].Rel == parley.RelCase && strings.EqualFold(d.Tok(j), w) {
			return true
		}
	}
	return false
}

// penaltyCode is the CAMEO code of a penalty imposed on a person (172,
// impose administrative sanctions).
const penaltyCode = "172"

// penalties adds the penalties a noun names on a person who has no actor
// code: "suspensions for Myles Garrett and Maurkice Pouncey", "Garrett's
// ban". A noun of penalty (`penalty_noun` in data/words.tsv, every form)
// counts when the parse gives it a person as the one penalised: a "for" or
// "on" dependent, or its possessor. The authority that imposes it is left
// to the text around; a sentence already coded as a sanction there adds
// nothing, and discarded sentences are skipped.
func (c *Coder) penalties(in *input, skip []bool) []parley.Event {
	d := in.Doc
	var add []parley.Event
	for _, s := range d.Sentences {
		if s.Para < len(skip) && skip[s.Para] {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if !penaltyNouns[d.Lower(i)] || !c.personNear(d, s, i-4, i+8) {
				continue
			}
			if c.discarded(d, skip, int(d.Tokens[i].Start)) || !in.parseSentence(s) {
				break
			}
			if d.Tokens[i].POS != parley.NOUN || codedNear(d.Events, d.Tokens[i], penaltyCode) {
				continue
			}
			if r, last := c.penalised(d, s, i); r != 0 {
				k := c.codes[penaltyCode]
				ev := d.TokenSpan(min(i, last), max(i, last)+1)
				add = append(add, parley.Event{
					PLOVER: k.PLOVER, PLOVERMode: k.PLOVERMode, CAMEO: k.Code, CAMEORoot: k.Root,
					QuadClass: k.QuadClass, Goldstein: k.Goldstein,
					Target: r, TargetCode: c.refCode(d, r),
					Evidence: ev, ReportedIn: reportedIn(d.Quotes, ev),
					Trigger: strings.ToLower(d.Tok(i)), TriggerToken: int32(i + 1),
				})
			}
		}
	}
	return add
}

// penalised is the person a penalty noun at token n is imposed on, and the
// last token of the phrase that names them, or 0.
func (c *Coder) penalised(d *parley.Doc, s parley.Sentence, n int) (parley.EntityRef, int) {
	for _, k := range dependents(d, s, n) {
		r := d.Tokens[k].Rel
		if r == parley.RelNmodPoss || r.Main() == parley.RelNmod && (caseIs(d, s, k, "for") || caseIs(d, s, k, "on")) {
			if p := c.personRef(d, s, k); p != 0 {
				last := k
				for _, j := range dependents(d, s, k) {
					last = max(last, j)
				}
				return p, last
			}
		}
	}
	return 0, 0
}

// harmPossible is the cheap test before the parse: a person may be harmed
// (a person's mention, a noun for a person or an object pronoun near the
// verb at token v), and "hit" has a body part or "with", "beat" an "up",
// after it.
func (c *Coder) harmPossible(d *parley.Doc, s parley.Sentence, v int) bool {
	if !c.personNear(d, s, v-8, v+8) {
		return false
	}
	w := d.Lower(v)
	hit, beat := strings.HasPrefix(w, "hit"), strings.HasPrefix(w, "beat")
	if !hit && !beat {
		return true
	}
	for k := v + 1; k < s.Last && k <= v+8; k++ {
		n := d.Lower(k)
		if hit && (n == "with" || bodyParts[n]) || beat && n == "up" {
			return true
		}
	}
	return false
}

// personNear reports whether tokens [a, b] of sentence s hold a person's
// mention, a noun for a person (singular or plural) or an object or
// possessive pronoun.
func (c *Coder) personNear(d *parley.Doc, s parley.Sentence, a, b int) bool {
	for k := max(a, s.First); k < s.Last && k <= b; k++ {
		w := d.Lower(k)
		if personNouns[w] || personNouns[strings.TrimSuffix(w, "s")] || objectPronouns[w] || possessivePronouns[w] {
			return true
		}
		if m := d.MentionAt(k); m != nil {
			if e := d.Entity(m.Entity); e != nil && e.Type == parley.Person {
				return true
			}
		}
	}
	return false
}
