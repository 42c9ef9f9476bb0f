package quote

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Checks of a speaker read back over words against the parse: the head of
// the subject, the antecedent of a relative "who", a role set off before
// the name.

// subjectHeadOnParse checks a speaker read back from the cue at v against
// the parse: a place or an unnamed phrase that ends the subject but sits in
// a modifier of its head ("Dale Morrow of Dayton, Ohio, said", "a report
// by the National Academies of Sciences, Engineering and Medicine found")
// gives way to the head. Only such speakers are checked, so that only
// their sentences are parsed.
func (r *run) subjectHeadOnParse(s parley.Sentence, v int, sp speaker) speaker {
	var typ parley.EntityType // "" for an unnamed phrase
	if sp.entity >= 0 {
		typ = r.ents.Entities[sp.entity].Type
	}
	person := typ == parley.Person
	if typ != "" && typ != parley.Place && !person || sp.first <= s.First || len(sp.entities) > 0 {
		return sp
	}
	b := sp.first - 1
	for b > s.First && (isDeterminer(r.low(b)) || isGroupPronoun(r.low(b))) {
		b-- // "officials in both parties said": the preposition before the determiners
	}
	l := r.low(b)
	if !isPreposition(l) && l != "," && l != "and" {
		return sp
	}
	// a person after a comma or "and" is checked only where a document
	// could head the subject ("a report by …, Jo Roe …"): most "…, Jo Roe
	// said" are not parsed; after a preposition always ("economist at
	// Global Insight said", the organisation mistyped as a person)
	if person && !isPreposition(l) && !r.documentBefore(s, sp.first, 12) || !r.parsed(s) {
		return sp
	}
	h := r.subjectOf(s, v)
	if h < 0 || h >= sp.first || r.hasCase(s, h) || !r.dominates(s, h, sp.last-1) || !r.throughModifier(s, h, sp.last-1) {
		return sp
	}
	pos := r.posAt(s, h)
	switch pos {
	case parley.NOUN, parley.PROPN, parley.PRON, parley.NUM, parley.DET, parley.ADJ:
	default:
		return sp // "Asked about …, Christie said" misparsed
	}
	if !person && (r.shareWord(s, h) || pos != parley.NOUN && pos != parley.PROPN || strings.Contains(r.low(h), "-")) {
		// "72 percent of voters said", "many of the delegates said",
		// "two-thirds of insiders said": the whole phrase
		return r.phraseOfHead(s, h, sp.last)
	}
	if isTimeWord(r.low(h)) {
		return sp
	}
	if r.isDocumentNoun(r.low(h)) && (person || typ == "" && r.d.Tokens[sp.first].Is(parley.Cap)) {
		return sp // "a survey by Gartner found": the author speaks
	}
	if ref := r.ents.RefAt(h); ref != nil && ref.Last <= sp.first {
		// an organisation's mention may cover a description of its
		// people ("Google's chief executive, Jo Roe,")
		if t := r.ents.Entities[ref.Entity].Type; t == parley.Person || t == parley.Organization && !person {
			return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
		}
		return sp
	}
	if r.d.Tokens[h].Is(parley.Cap) && h > s.First && r.ents.RefAt(h) == nil && !person {
		// a name the entity layer split: "the Bank of Mexico said"
		a := r.subtreeStart(s, h)
		return speaker{first: a, last: sp.last, entity: -1, label: r.spanText(a, sp.last), ok: true}
	}
	if !r.sourceNoun(s, h) {
		return sp // "the relationship … has said to us"
	}
	// a person in a modifier yields only to a document ("a report by …");
	// "the lawyer for Jo Roe said" keeps Jo Roe, as the rules before did
	if np := r.nounPhraseEndingAt(s, h); np.ok && np.last == h+1 && (!person || r.isDocumentNoun(r.low(h))) {
		return np
	}
	return sp
}

// phraseOfHead is the unnamed source phrase from the start of h's subtree,
// its punctuation passed over, to last.
func (r *run) phraseOfHead(s parley.Sentence, h, last int) speaker {
	a := r.subtreeStart(s, h)
	for a < h && r.kind(a) == parley.Punct {
		a++
	}
	return speaker{first: a, last: last, entity: -1, label: r.spanText(a, last), ok: true}
}

// documentBefore reports a document noun among the n tokens before i.
func (r *run) documentBefore(s parley.Sentence, i, n int) bool {
	for k := i - 1; k >= s.First && k >= i-n; k-- {
		if r.isDocumentNoun(r.low(k)) {
			return true
		}
	}
	return false
}

// sourceNoun reports whether common noun h can name a source: a role,
// a group of people, a document.
func (r *run) sourceNoun(s parley.Sentence, h int) bool {
	l := r.low(h)
	return r.f.roles.Is(l, lexicon.RoleNoun|lexicon.SourceNoun|lexicon.Document) || isPeopleNoun(l) || r.agentPlural(s, h)
}

// hasCase reports whether h heads a prepositional phrase on the parse
// ("In December, a woman … asked" misparsed with December as the subject).
func (r *run) hasCase(s parley.Sentence, h int) bool {
	for k := max(s.First, h-4); k < h; k++ {
		if r.d.Head(k) == h && r.d.Tokens[k].Rel == parley.RelCase {
			return true
		}
	}
	return false
}

// throughModifier reports whether the path from i up to its head h on
// the parse passes through a prepositional or clausal modifier.
func (r *run) throughModifier(s parley.Sentence, h, i int) bool {
	for a := i; a != h && a >= s.First; a = r.d.Head(a) {
		switch r.d.Tokens[a].Rel {
		case parley.RelNmod, parley.RelObl, parley.RelAcl, parley.RelAclRelcl:
			return true
		}
	}
	return false
}

// relativeAntecedent resolves the "who" of a relative clause whose verb
// is the cue at v to the noun the clause modifies on the parse, through an
// apposition to the name it describes: "R. Gil Kerlikowske, the border
// protection commissioner, who conceded", "a campaign surrogate who said",
// "Mr. Rubio's campaign manager, who argued". Only sentences with such a
// "who" are parsed.
func (r *run) relativeAntecedent(s parley.Sentence, v int, sp speaker) speaker {
	if v >= s.Last || !r.parsed(s) || r.d.Tokens[v].Rel != parley.RelAclRelcl {
		return sp
	}
	h := r.d.Head(v)
	for n := 0; h >= s.First && r.d.Tokens[h].Rel == parley.RelAppos && n < 3; n++ {
		h = r.d.Head(h)
	}
	if h < s.First || h >= sp.first {
		return sp
	}
	if ref := r.ents.RefAt(h); ref != nil {
		if r.ents.Entities[ref.Entity].Type != parley.Place {
			sp.entity = ref.Entity
		}
		return sp
	}
	if !r.sourceNoun(s, h) {
		return sp // "the past year, who …": a misparse
	}
	if np := r.nounPhraseEndingAt(s, h); np.ok && np.last == h+1 {
		sp.entity, sp.label = np.entity, np.label
	}
	return sp
}

// roleBeforeComma returns where a role phrase that ends at the comma j
// begins ("Clinton's campaign chairman," before a name), or j+1 when the
// words before the comma are no role phrase.
func (r *run) roleBeforeComma(s parley.Sentence, j int) int {
	a, role := j, false
	for a-1 >= s.First && j-a < 10 {
		p := a - 1
		if r.kind(p) != parley.Possessive && !r.isWord(p) || r.low(p) == "," {
			break
		}
		if r.kind(p) == parley.Possessive {
			a = p // "the state's campaign chairman,"
			continue
		}
		if isFunction(r.low(p)) && !isDeterminer(r.low(p)) && r.low(p) != "of" || r.isSpeechWord(p) && r.kind(p+1) != parley.Possessive || isTimeWord(r.low(p)) {
			break // "Earlier this week the company's chief executive,": the time is no part of the role
		}
		role = role || r.f.roles.Is(r.low(p), lexicon.RoleNoun)
		a = p
	}
	if !role || a > s.First && r.isWord(a-1) && !isTimeWord(r.low(a-1)) {
		return j + 1 // "said the bank's chief, Jo Roe," is no role phrase of its own
	}
	return a
}

// relativeHost is the person a relative clause left open before the cue
// at v describes, when the phrase at a lies inside it: in "Jo Roe, who
// won damages from the Daily Telegraph said …" the comma that would close
// the clause is missing, and Jo Roe, not the newspaper, speaks.
func (r *run) relativeHost(s parley.Sentence, a, v int) (speaker, bool) {
	for j := a - 1; j > s.First && a-j < 20; j-- {
		if r.low(j) == "," {
			return speaker{}, false // a clause closed, or none
		}
		if !isRelativeWho(r.low(j)) {
			continue
		}
		// "who" is the clause's subject, with a verb of its own before the
		// phrase: not "Ms Hassan, who he described as …", whose "he" speaks
		if r.low(j-1) != "," || r.indexOf(j, v, ",") >= 0 || a == j+1 || !r.hasVerb(s, j+1, a) {
			return speaker{}, false
		}
		ref := r.ents.RefAt(j - 2)
		if ref == nil || ref.Last != j-1 || r.ents.Entities[ref.Entity].Type != parley.Person {
			return speaker{}, false
		}
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
	}
	return speaker{}, false
}

// groupSubject reads, on the parse, a subject headed by a pronoun of
// people with a modifier after it, which ends right before the cue at v:
// "Those in favor of punishment have said", "Some of those who attended
// said". The words give no head noun to read back to.
func (r *run) groupSubject(s parley.Sentence, v int) speaker {
	k := s.First
	for k < v && !isGroupPronoun(r.low(k)) {
		k++
	}
	if k == v-2 && r.posAt(s, v-1) == parley.VERB && r.d.XPOS(v-1) == "VBN" {
		// "those polled said", "Again, those surveyed said": the pronoun and its participle, however the parse joins them
		return speaker{first: k, last: v, entity: -1, label: r.spanText(k, v), ok: true}
	}
	if k == v || !r.parsed(s) {
		return speaker{} // only sentences with such a pronoun are parsed
	}
	h := r.subjectOf(s, v)
	if h < 0 || !isGroupPronoun(r.low(h)) {
		return speaker{}
	}
	end := r.subtreeEnd(s, h)
	if end <= h+1 || end > v || r.subtreeStart(s, h) != h || !r.isWord(end-1) {
		return speaker{} // the pronoun opens the phrase: not "Worst offenders will be those …, suggests"
	}
	for k := end; k < v; k++ {
		if !r.isWord(k) || !isInterposed(r.low(k)) {
			return speaker{} // "Those who came, the mayor said": another subject between
		}
	}
	return r.phraseOfHead(s, h, end)
}
