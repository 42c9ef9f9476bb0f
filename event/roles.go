package event

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// stopWords end the search for a target: another clause begins.
func stopTarget(w string) bool { return w == ";" || stopTargets[w] }

func (s *sentence) prevWord(i int) string {
	if i <= 0 {
		return ""
	}
	// Skip a determiner and a number: "against 28 officials", "the two".
	k := i - 1
	for n := 0; n < 2 && k > 0 && (s.words[k] == "THE" || s.words[k] == "A" || s.words[k] == "AN" || s.kinds[k] == parley.Number); n++ {
		k--
	}
	return s.words[k]
}

// roles picks the source and target actors of a trigger.
func (c *Coder) roles(s *sentence, t trig) (srcs, tgts []*actorSpan) {
	if t.demand {
		if t.src >= 0 {
			srcs = coordinated(s, t.src, -1)
		}
		return srcs, coordinated(s, t.tgt, -1)
	}
	before := func() []*actorSpan { return c.subjectOf(s, t) }
	after := func(from int) []*actorSpan {
		for k := s.actorBefore(from) + 1; k < len(s.actors); k++ {
			a := &s.actors[k]
			if a.first < from {
				continue
			}
			stop := false
			for j := from; j < a.first; j++ {
				if stopTarget(s.words[j]) {
					stop = true
					break
				}
			}
			if stop || a.first-from > max(12, t.consumed-from+6) {
				return nil
			}
			// a preposition of place or agency puts the actor in a circumstance,
			// unless the trigger or its pattern holds it ("hit out at Ukraine")
			// what is asked "from" someone is asked of them
			if (locPreps[s.prevWord(a.first)] || s.prevWord(a.first) == "BY") && a.first-1 >= max(t.last, t.consumed) &&
				!(s.prevWord(a.first) == "FROM" && (fromTargetRoots[t.code[:min(2, len(t.code))]] || fromTargetRoots[t.code[:min(3, len(t.code))]])) {
				continue
			}
			// ", the Israeli army said": the reporter, not the target.
			if s.prevWord(a.first) == "," && (a.last < len(s.words) && isVerbBoundary(s.words[a.last]) || reporterAfterComma(s, a.last)) {
				return nil
			}
			// "withdraw its troops from Lebanon": the source's own forces
			// are not the target.
			if p := s.prevWord(a.first); (p == "ITS" || p == "THEIR" || p == "HIS" || p == "HER") && roleOnlyCode[a.code[:min(3, len(a.code))]] {
				continue
			}
			return coordinated(s, k, +1)
		}
		return nil
	}
	if t.noun && t.reversed {
		// "X came under fire from Y", "the backlash X has faced": the
		// clause's subject undergoes the act; its doers follow "from"/"by".
		t.consumed = max(t.consumed, t.last)
		return c.reversedSources(s, t), before()
	}
	if t.noun {
		return c.nounRoles(s, t, before)
	}
	if t.passive {
		// "X was attacked by Y": Y is the source.
		for k := s.actorBefore(t.last) + 1; k < len(s.actors) && s.actors[k].first-t.last <= 6; k++ {
			a := &s.actors[k]
			if a.first >= t.last && s.prevWord(a.first) == "BY" {
				return coordinated(s, k, +1), before()
			}
		}
		return nil, before()
	}
	from := t.last
	if t.thatClause > 0 {
		from = t.thatClause
	}
	srcs, tgts = before(), after(from)
	// "met with hoots of laughter from the audience … Corbyn": whom a
	// meeting or a visit is with stands next to the verb; a negotiation's
	// topic may come first (topic_verb: "negotiating a takeover of the
	// plan by X").
	if strings.HasPrefix(t.code, "04") && len(tgts) > 0 && tgts[0].first-max(t.last, t.consumed) > 6 && c.classes.at("topic_verb", s.words, t.first) == 0 {
		tgts = nil
	}
	// "complained to the United Nations over Israeli raids": disapproval
	// is of what it is about, not of whom it is told to.
	if strings.HasPrefix(t.code, "11") && len(tgts) > 0 && s.prevWord(tgts[0].first) == "TO" {
		if about := aboutActor(s, tgts[len(tgts)-1].last); about != nil {
			tgts = about
		}
	}
	if t.reversed {
		// "The United States faced stiff international and Palestinian
		// criticism": the critics are the source; with none named, the
		// act still has its target.
		srcs, tgts = c.reversedSources(s, t), srcs
		return srcs, tgts
	}
	if len(tgts) == 0 && !strings.HasPrefix(t.code, "04") {
		tgts = placeTarget(s, t)
	}
	return srcs, ownGovernment(t, srcs, tgts)
}

// reporterAfterComma: the actor that ends before word j, after a comma, is
// a report's source when a verb of reporting follows it within its noun
// phrase (", the Israeli army said", ", Thai military sources said", ",
// Kenyan police here said"): at most four more words, none of them
// punctuation (report_verb in data/words.tsv).
func reporterAfterComma(s *sentence, j int) bool {
	for k := j; k < len(s.words) && k <= j+4; k++ {
		if reportVerbs[s.words[k]] {
			return true
		}
		if s.kinds[k] != parley.Word || stopTarget(s.words[k]) {
			return false
		}
	}
	return false
}

// subjectOf is the actor before trigger t that is its subject: the
// nearest one that no preposition governs and no relative clause holds,
// within 25 words. A subject the window cannot reach (farther, inside what
// it takes for a relative clause) or that follows a subordinator it reads
// as a preposition ("after the US lifted a ban") is the parse's.
func (c *Coder) subjectOf(s *sentence, t trig) []*actorSpan {
	if a := pronounSubject(s, t.first); a != nil {
		return a
	}
	// "arrested two men after stopping their van": a told gerund's
	// subject is its main clause's, not the object before it.
	if toldAt(s, t) && s.parse() && s.rel(t.first).Main() == parley.RelAdvcl {
		if a := s.parsedSubject(s.head(t.first)); a != nil {
			return a
		}
	}
	hidden := false
	for k := s.actorBefore(t.first); k >= 0; k-- {
		a := &s.actors[k]
		if t.first-a.last > 25 {
			hidden = true
			break
		}
		if srcBlock[s.prevWord(a.first)] && !quantityOf(s, a.first) {
			// "after the US lifted": a subordinator, not a preposition
			hidden = hidden || c.classes.at("subordinator", []string{s.prevWord(a.first)}, 0) > 0
			continue
		}
		if inRelative(s, a.first, t.first) {
			hidden = true
			continue
		}
		return coordinated(s, k, -1)
	}
	if hidden {
		return s.parsedSubject(t.first)
	}
	return nil
}

// placeTarget is the fallback target of an act without one: the country or
// region it takes place in ("eased emergency measures in Montenegro",
// "a curfew in Algiers"). Meetings are not coded this way: "met in Geneva"
// says where, not with whom.
func placeTarget(s *sentence, t trig) []*actorSpan {
	// Violence and coercion are done to a place as much as in it: "blew up
	// power lines leading into Kabul", "shelling near Gorazde".
	force := t.code >= "14"
	for k := s.actorBefore(t.last) + 1; k < len(s.actors); k++ {
		a := &s.actors[k]
		if a.first-t.last > 14 {
			return nil
		}
		for j := t.last; j < a.first; j++ {
			if stopTarget(s.words[j]) {
				return nil
			}
		}
		switch s.prevWord(a.first) {
		case "IN":
		case "INTO", "NEAR", "AT", "ON":
			if !force {
				continue
			}
		default:
			continue
		}
		if a.place {
			return []*actorSpan{a}
		}
	}
	return nil
}

// coordinated returns the actor k and the actors coordinated with it ("X and
// Y", "X, Y and Z") in direction dir.
func coordinated(s *sentence, k, dir int) []*actorSpan {
	out := []*actorSpan{&s.actors[k]}
	for j := k + dir; j >= 0 && j < len(s.actors); j += dir {
		a, b := &s.actors[j-dir], &s.actors[j]
		if dir < 0 {
			a, b = b, a
		}
		if !coordinatedPair(s, a, b) {
			break
		}
		// "from armed groups, the Israeli army said": the reporter
		if s.words[a.last] == "," && reporterAfterComma(s, b.last) {
			break
		}
		if apposition(s, a, b) {
			// "Kofi Annan, the UN secretary-general, said": one actor,
			// the one the description codes unless it names no
			// country and no political actor.
			keep := a
			if hasCountry(b.code) || political(b.actorCode()) {
				keep = b
			}
			out[len(out)-1] = keep
			break
		}
		out = append(out, &s.actors[j])
	}
	return out
}

// apposition reports whether actor b, after a and a comma, describes a
// rather than joins it in a list: "A, the B, …" or "A, the B chief, …",
// b's phrase closed within five words by a comma that no "and", "or" or
// actor follows, with no "and"/"or" between them.
func apposition(s *sentence, a, b *actorSpan) bool {
	if a.last >= len(s.words) || s.words[a.last] != "," || a.first > 0 && s.words[a.first-1] == "," {
		return false // "Britain, France, Germany, …": a list
	}
	for m := a.last; m < b.first; m++ {
		if s.words[m] == "AND" || s.words[m] == "OR" {
			return false
		}
	}
	for m := b.last; m < len(s.words) && m <= b.last+5; m++ {
		switch {
		case s.words[m] == ",":
			return m+1 < len(s.words) && s.words[m+1] != "AND" && s.words[m+1] != "OR" && s.actorAt[m+1] < 0
		case s.kinds[m] != parley.Word || s.words[m] == "AND" || s.words[m] == "OR" || s.actorAt[m] >= 0:
			return false
		}
	}
	return false
}

func coordinatedPair(s *sentence, a, b *actorSpan) bool {
	lo, hi := a.last, b.first
	if hi-lo < 1 || hi-lo > 2 {
		return false
	}
	for m := lo; m < hi; m++ {
		switch s.words[m] {
		case "AND", ",", "THE", "OR":
		default:
			return false
		}
	}
	return true
}

// coordinatedHeads is coordinated forward over noun phrases: each party is
// the head of its phrase (phraseHead), so "the chains Gannett and
// GateHouse" and "Syria and Palestinian leader Yasser Arafat" give the
// names.
func coordinatedHeads(s *sentence, k int) []*actorSpan {
	k = s.phraseHead(k)
	out := []*actorSpan{&s.actors[k]}
	for k+1 < len(s.actors) && coordinatedPair(s, &s.actors[k], &s.actors[k+1]) {
		k = s.phraseHead(k + 1)
		out = append(out, &s.actors[k])
	}
	return out
}

// parsedOver lays the parse's reading of a noun trigger's dependents
// (parsedNounRoles) over the parties the words around it gave: the parse
// decides each side it fills, the window the side it leaves empty.
func (c *Coder) parsedOver(s *sentence, t trig, srcs, tgts []*actorSpan) ([]*actorSpan, []*actorSpan) {
	p := c.parsedNounRoles(s, t)
	// "Trump's call with his counterpart": "his" is Trump, not the other
	// side.
	both := slices.Concat(p.srcs, srcs)
	p.tgts = slices.DeleteFunc(p.tgts, func(b *actorSpan) bool {
		return b.entity != 0 && slices.ContainsFunc(both, func(a *actorSpan) bool { return a.entity == b.entity })
	})
	if len(p.srcs) > 0 {
		srcs, tgts = longer(p.srcs, srcs), without(tgts, p.srcs)
	}
	if len(p.tgts) > 0 {
		tgts, srcs = longer(p.tgts, tgts), without(srcs, p.tgts)
	}
	return srcs, tgts
}

// longer returns the window's list of actors when it begins with the
// parse's first and coordinates more: the parse may attach a conjunct
// elsewhere ("the purchase of The Times and the San Diego Union-Tribune").
func longer(parsed, window []*actorSpan) []*actorSpan {
	if len(window) > len(parsed) && window[0] == parsed[0] {
		return window
	}
	return parsed
}

// without returns the spans of as that are not in bs.
func without(as, bs []*actorSpan) []*actorSpan {
	var out []*actorSpan
	for _, a := range as {
		if !slices.Contains(bs, a) {
			out = append(out, a)
		}
	}
	return out
}

// windowNounRoles reads a noun's parties from the words around it: "talks
// between X and Y", "X's visit to Y", "the X attack on Y".
func (c *Coder) windowNounRoles(s *sentence, t trig) (srcs, tgts []*actorSpan) {
	for k := max(s.actorBefore(t.first)-2, 0); k < len(s.actors) && s.actors[k].first <= t.last+4; k++ {
		a := &s.actors[k]
		if a.first >= t.last && a.first-t.last <= 4 {
			switch s.prevWord(a.first) {
			case "BETWEEN":
				cs := coordinatedHeads(s, k)
				// "mediation between Syria and the PLO": the parties are
				// the mediator's targets.
				if strings.HasPrefix(t.code, "045") || strings.HasPrefix(t.code, "039") {
					return nil, cs
				}
				if len(cs) > 1 {
					return cs[:1], cs[1:]
				}
				return cs, nil
			case "BY":
				srcs = coordinated(s, k, +1)
			case "WITH", "TO", "AGAINST", "ON", "OF", "FOR":
				if tgts != nil {
					break
				}
				tgts = coordinatedHeads(s, k)
				// "the merger of X and Y": the parties, not an object.
				if s.prevWord(a.first) == "OF" && srcs == nil && ofParties(t, len(tgts)) {
					srcs, tgts = tgts[:1], tgts[1:]
				}
			}
		}
		if a.last <= t.first && t.first-a.last <= 3 {
			srcs = coordinated(s, k, -1) // the nearest wins: "Israel and Lebanon renewed"
		}
	}
	return srcs, tgts
}

// actorBefore returns the index of the last actor span that ends at or
// before token i, or -1. Spans are in text order.
func (s *sentence) actorBefore(i int) int {
	lo, hi := 0, len(s.actors)
	for lo < hi {
		m := (lo + hi) / 2
		if s.actors[m].last <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// reversedSources finds the doers of an act the subject undergoes: an actor
// inside the pattern's object ("Palestinian criticism") or after "from" or
// "by".
func (c *Coder) reversedSources(s *sentence, t trig) []*actorSpan {
	if k := s.actorBefore(t.last) + 1; k < len(s.actors) && s.actors[k].first < t.consumed+4 {
		return coordinated(s, k, +1)
	}
	return nil
}

// inRelative reports whether token i lies in a relative clause that closes
// before token v: ", which has rejected the Trump administration, called".
func inRelative(s *sentence, i, v int) bool {
	closed := false
	for j := i; j < v; j++ {
		if isDelim(s.words[j]) {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	return relativeOpen(s, i)
}

// relativeOpen reports whether word i lies inside a relative clause opened
// by ", which", ", who" or ", whose" before it. A relative clause may hold a
// list ("which owns the Register, the Post and 90 other papers"): a comma
// ends the search only where a verb follows it (", said France"), as does
// a semicolon.
func relativeOpen(s *sentence, i int) bool {
	for j := i - 1; j > 0; j-- {
		switch w := s.words[j]; {
		case relativePronouns[w]:
			return isDelim(s.words[j-1])
		case w == ";":
			return false
		case isDelim(w) && j+1 < len(s.words) && verbAfterComma(s, j+1):
			return false
		}
	}
	return false
}

// verbAfterComma reports whether word k, right after a comma, begins a
// clause's verb: a dictionary verb, an auxiliary, a modal or a verb of
// saying (", said France", ", has rejected").
func verbAfterComma(s *sentence, k int) bool {
	w := s.words[k]
	return s.flags[k]&keyVerb != 0 || auxWords[w] || modalWords[w] || declareVerbs[w]
}

// quantityOf reports whether the actor at i follows "thousands of",
// "members of", "some of": the actor is the subject, not a prepositional
// object.
func quantityOf(s *sentence, i int) bool {
	k := i - 1
	if k >= 0 && s.words[k] == "THE" {
		k--
	}
	if k < 1 || s.words[k] != "OF" {
		return false
	}
	return quantityNouns[s.words[k-1]]
}

// pronounSubject resolves "it" or "they" as the subject of a verb in a
// clause reported by its own subject: "Iraq's government announced that it
// is prepared to…" → Iraq's government.
func pronounSubject(s *sentence, v int) []*actorSpan {
	k := v - 1
	for k >= 0 && (auxWords[s.words[k]] || futureWords[s.words[k]] || modalWords[s.words[k]]) && s.words[k] != "TO" {
		k--
	}
	if k < 1 || s.inActor(k) {
		return nil
	}
	switch s.words[k] {
	case "IT", "THEY", "WE":
	default:
		return nil
	}
	j := k - 1
	if s.words[j] == "THAT" && j > 0 {
		j--
	}
	for j > 0 && timeWords[s.words[j]] {
		j-- // "announced Thursday that it…"
	}
	if !declareVerbs[s.words[j]] {
		return nil
	}
	a := s.actorBefore(j)
	if a < 0 || j-s.actors[a].last > 4 {
		return nil
	}
	return coordinated(s, a, -1)
}

// aboutActor returns the actor that follows "over", "about" or "against"
// shortly after token i.
func aboutActor(s *sentence, i int) []*actorSpan {
	for k := s.actorBefore(i) + 1; k < len(s.actors) && s.actors[k].first-i <= 8; k++ {
		for j := i; j < s.actors[k].first; j++ {
			switch s.words[j] {
			case "OVER", "ABOUT", "AGAINST":
				return coordinated(s, k, +1)
			}
		}
	}
	return nil
}

// pairs returns the source × target pairs of an event. Coordinated sources
// of a reciprocal act with no target are each other's targets, so that a
// CONSULT carries both sides.
func pairs(srcs, tgts []*actorSpan, root string) [][2]*actorSpan {
	var out [][2]*actorSpan
	if len(srcs) > 1 && len(tgts) == 1 && tgts[0] == nil && reciprocalRoots[root] {
		for _, a := range srcs {
			for _, b := range srcs {
				// "Ushakov and Lavrov arrive": one side, not two.
				if a != b && a != nil && b != nil && a.code[:min(3, len(a.code))] != b.code[:min(3, len(b.code))] {
					out = append(out, [2]*actorSpan{a, b})
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, a := range srcs {
		for _, b := range tgts {
			out = append(out, [2]*actorSpan{a, b})
		}
	}
	return out
}

// parsedSubject returns the actors that head the parse's subject of the
// verb at word v, or of the verb it is coordinated with or complements
// ("X, which owns …, has attracted ire", "X … decided to attack"): the
// subject's head word, its name parts (flat, compound, apposition, a name
// hung on it without a preposition) and its conjuncts ("Russia and China
// … have rejected"), not the actors of a relative clause inside it.
func (s *sentence) parsedSubject(v int) []*actorSpan {
	if s.actorBefore(v) < 0 || !s.parse() {
		return nil
	}
	for hop := 0; hop < 2 && v >= 0; hop++ {
		for j := 0; j < v; j++ {
			if s.head(j) == v && s.rel(j).Subject() {
				return s.actorsOnHead(j)
			}
		}
		switch s.rel(v).Main() {
		case parley.RelConj, parley.RelXcomp:
			v = s.head(v)
		default:
			return nil
		}
	}
	return nil
}

// actorsOnHead returns the actors that cover word j, its name parts or its
// conjuncts.
func (s *sentence) actorsOnHead(j int) []*actorSpan {
	core := []int{j}
	for k := range s.words {
		if s.head(k) != j {
			continue
		}
		switch s.rel(k).Main() {
		case parley.RelFlat, parley.RelCompound, parley.RelAppos:
			core = append(core, k)
		case parley.RelNmod:
			// a name the parser hangs on the noun without a preposition:
			// "the firm Alden Capital"
			if s.caseWord(k) == "" {
				core = append(core, k)
			}
		case parley.RelConj:
			core = append(core, k)
		}
	}
	var out []*actorSpan
	named := false
	for k := range s.actors {
		a := &s.actors[k]
		// "In the US, the patenting … is permitted": a name with a
		// preposition of its own is no subject, whatever the parse's label.
		if slices.ContainsFunc(core, func(w int) bool { return w >= a.first && w < a.last && s.caseWord(w) == "" }) {
			out = append(out, a)
			named = named || a.entity != 0
		}
	}
	// "the private equity firm Alden Capital": the name, not the noun
	// that describes it.
	if named {
		out = slices.DeleteFunc(out, func(a *actorSpan) bool { return a.entity == 0 })
	}
	return out
}
