package quote

// Reading a source noun phrase: where it starts and ends, its head, its
// modifiers and appositions, and which entity it names.

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// shareSubject is a share of those polled that is the subject of the cue
// at v on the parse: "Two in three said", "A mere 9 percent say", "26%
// say". Polls report what their respondents say; the share is the source.
// Only "say" reports a poll: with other verbs a number is an object or a
// count ("1,280 pledged delegates", "25 recommended").
func (r *run) shareSubject(s parley.Sentence, v int) speaker {
	// a share takes a plural verb: "3 says" is the operator 3
	if verb, ok := r.f.speech.Lookup(r.low(v)); !ok || verb.Lemma != "say" || verb.Form == lexicon.ThirdSingular {
		return speaker{}
	}
	k := v - 1
	for k > s.First && r.isWord(k) && isInterposed(r.low(k)) {
		k--
	}
	// tagging and parsing only where the word before the cue can end a share
	if k < s.First || !r.shareWord(s, k) || !r.parsed(s) {
		return speaker{}
	}
	n := r.subjectOf(s, v)
	if n < 0 || !r.shareWord(s, n) {
		return speaker{}
	}
	a, b, ok := r.sharePhrase(s, n)
	if !ok || b != k+1 {
		return speaker{}
	}
	for a-1 >= s.First && shareOpeners[r.low(a-1)] {
		a--
	}
	return speaker{first: a, last: b, entity: -1, label: r.spanText(a, b), ok: true}
}

// sharePhrase is the phrase of the share headed by n on the parse, without
// the punctuation before it (", 40% said": the comma of the clause
// before); not ok for a bare number, which is a count, not a share.
func (r *run) sharePhrase(s parley.Sentence, n int) (a, b int, ok bool) {
	a, b = r.subtreeStart(s, n), r.subtreeEnd(s, n)
	for a < b && r.kind(a) == parley.Punct {
		a++
	}
	return a, b, b-a > 1 || proportionNouns[r.low(a)]
}

// shareWord reports whether token k can head a share of people: a number
// ("two in three", "26") or a proportion ("half", "percent", "%").
func (r *run) shareWord(s parley.Sentence, k int) bool {
	return r.kind(k) == parley.Number || proportionNouns[r.low(k)] || r.isWord(k) && r.posAt(s, k) == parley.NUM
}

// agentPlural reports whether token k is a plural common noun for people
// by what they do, as the tagger reads it: "strategists", "regulators".
// Without a determiner such a noun is a source of its own; the roles table
// cannot list every one.
func (r *run) agentPlural(s parley.Sentence, k int) bool {
	if r.d.Tokens[k].Is(parley.Cap) && k != s.First || !r.f.roles.AgentPlural(r.low(k)) {
		return false
	}
	return r.posAt(s, k) == parley.NOUN && r.d.XPOS(k) == "NNS"
}

// nounPhraseEndingAt reads a source noun phrase that ends at token k:
// "he", "officials", "a senior official", "sources familiar with the talks",
// "the ministry", "Russian officials".
func (r *run) nounPhraseEndingAt(s parley.Sentence, k int) speaker {
	if k < s.First || !r.isWord(k) && r.kind(k) != parley.Number {
		return speaker{}
	}
	l := r.low(k)
	if isSubjectPronoun(l) {
		sp := speaker{first: k, last: k + 1, entity: -1, label: r.d.Tok(k), ok: true}
		if l == "it" || l == "they" {
			sp.entity = r.collectiveAntecedent(s, k, true)
		}
		return sp
	}
	head := r.sourceHead(s, k)
	if head < 0 {
		return r.headlessSource(s, k)
	}
	return r.sourceOfHead(s, r.modifiersBefore(s, head, k), head, k)
}

// sourceHead is the head noun of a source phrase ending at k, possibly
// followed by a post-modifier ("people familiar with the matter", "a
// spokesman for the Senate Democratic campaign effort"), or -1.
func (r *run) sourceHead(s parley.Sentence, k int) int {
	for j := k; j >= s.First && k-j < 12; j-- {
		if !r.isWord(j) && r.kind(j) != parley.Possessive && r.kind(j) != parley.Number {
			break
		}
		lj := r.low(j)
		if r.f.roles.Is(lj, lexicon.SourceNoun|lexicon.RoleNoun) || proportionNouns[lj] || isPeopleNoun(lj) {
			if j == k || isPostModifier(r.low(j+1)) {
				return j
			}
		}
		if _, ok := r.f.speech.Lookup(lj); ok && j != k {
			break
		}
	}
	if r.agentPlural(s, k) {
		return k // "regulators say", "Leading Democratic strategists say"
	}
	return -1
}

// headlessSource reads a source phrase ending at k that has no source or
// role noun for a head: any noun after a determiner, a plural after a
// name, "Article 33", an unknown capitalised name.
func (r *run) headlessSource(s parley.Sentence, k int) speaker {
	l := r.low(k)
	// "the announcer said", "The billionaire real estate magnate says": any noun after a determiner
	for j := k; j >= s.First && k-j < 6; j-- {
		if r.joinedCompound(j) {
			j -= 2 // "the 34-year-old": the number and hyphen are part of the noun
			continue
		}
		if r.kind(j) == parley.Possessive && j < k {
			if !r.agentNoun(s, k) {
				break // "the government's future plans"
			}
			continue // "the paper's editorial board wrote", "the UK's biggest lender said"
		}
		lj := r.low(j)
		if !r.isWord(j) || isFunction(lj) && !isDeterminer(lj) || r.isSpeechWord(j) && j != k {
			break
		}
		if isDeterminer(lj) && j < k && !r.d.Tokens[k].Is(parley.Cap) {
			return speaker{first: j, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[j].Start:r.d.Tokens[k].End], ok: true}
		}
	}
	// "Israeli settlers": a plural noun after a name or nationality
	if k-1 >= s.First && strings.HasSuffix(l, "s") && !r.d.Tokens[k].Is(parley.Cap) && r.ents.RefAt(k-1) != nil {
		ref := r.ents.RefAt(k - 1)
		return speaker{first: ref.First, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[ref.First].Start:r.d.Tokens[k].End], ok: true}
	}
	// "Article 33 affirms"
	if r.kind(k) == parley.Number && k-1 >= s.First && r.d.Tokens[k-1].Is(parley.Cap) && r.isWord(k-1) {
		return speaker{first: k - 1, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[k-1].Start:r.d.Tokens[k].End], ok: true}
	}
	// an unknown capitalised name: "Google said"
	if r.d.Tokens[k].Is(parley.Cap) && !isFunction(l) {
		a := k
		for a-1 >= s.First && r.isWord(a-1) && r.d.Tokens[a-1].Is(parley.Cap) {
			a--
		}
		if a == s.First && a == k && r.isFunctionCap(k) {
			return speaker{}
		}
		return speaker{first: a, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[k].End], ok: true}
	}
	return speaker{}
}

// agentNoun reports whether the noun at k names who acts: a role, a
// body, a source, a group of people, or a word built for doers ("lender",
// "regulator", "economist").
func (r *run) agentNoun(s parley.Sentence, k int) bool {
	l := r.low(k)
	if r.f.roles.Is(l, lexicon.RoleNoun|lexicon.SourceNoun|lexicon.Body) || isPeopleNoun(l) || r.agentPlural(s, k) {
		return true
	}
	// roles.tsv's agent endings are plural: "lender" is an agent as "lenders" is
	return r.posAt(s, k) == parley.NOUN && (r.f.roles.AgentPlural(l) || r.f.roles.AgentPlural(l+"s"))
}

// modifiersBefore returns where the determiners and modifiers before the
// head of a source phrase ending at k begin.
func (r *run) modifiersBefore(s parley.Sentence, head, k int) int {
	a := head
	for a-1 >= s.First && k-a < 14 {
		p := a - 1
		lp := r.low(p)
		if r.kind(p) == parley.Possessive {
			a = p
			continue
		}
		if !r.isWord(p) && r.kind(p) != parley.Number {
			break
		}
		if sourceDeterminers[lp] {
			a = p
			if centralDeterminers[lp] && (p-1 < s.First || !predeterminers[r.low(p-1)] && !zeroRelativeHeads[r.low(p-1)] && !r.capitalisedInside(s, p-1)) {
				// "Later the minister said": the phrase opens at "the" (not in "Oxfam's
				// Paying the Price report", nor "Nothing the mayor said", a zero relative)
				break
			}
			continue
		}
		if r.f.roles.Is(lp, lexicon.RoleMod|lexicon.RoleNoun|lexicon.Body) || r.d.Tokens[p].Is(parley.Cap) || r.ents.RefAt(p) != nil || r.kind(p) == parley.Number {
			if _, ok := r.f.speech.Lookup(lp); ok {
				break
			}
			if isFunction(lp) {
				break
			}
			a = p
			continue
		}
		if strings.HasSuffix(lp, "-level") || strings.HasSuffix(lp, "-ranking") {
			a = p
			continue
		}
		if p-1 >= s.First && (r.low(p-1) == "a" || r.low(p-1) == "an" || r.low(p-1) == "the") && !isFunction(lp) && !r.isSpeechWord(p) {
			a = p // "an insurgent source": any modifier right after the article
			continue
		}
		break
	}
	return a
}

// capitalisedInside reports a capitalised word at k that does not open its
// sentence and names no day or month: part of a name or a title.
func (r *run) capitalisedInside(s parley.Sentence, k int) bool {
	return k > s.First && r.isWord(k) && r.d.Tokens[k].Is(parley.Cap) && !isTimeWord(r.low(k))
}

// sourceOfHead is the source phrase [a, k] with its head noun at head,
// resolved where it can be: a role after a person, a nominal mention, two
// people named together, a document's issuer, "a spokesman for …".
func (r *run) sourceOfHead(s parley.Sentence, a, head, k int) speaker {
	sp := speaker{first: a, last: k + 1, entity: -1, ok: true}
	sp.label = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[k].End]
	// "Anthony Anton, president and CEO of the association, stated": the role describes the person before it
	if a-2 >= s.First && r.low(a-1) == "," && r.f.roles.Is(r.low(head), lexicon.RoleNoun) {
		if ref := r.ents.RefAt(a - 2); ref != nil && ref.Last == a-1 && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	// "the aide", "the minister": a nominal mention resolved by coreference
	if ref := r.ents.RefAt(head); ref != nil && ref.Kind == parley.NominalMention {
		sp.entity = ref.Entity
	} else if r.f.roles.Is(r.low(head), lexicon.RoleNoun) && !r.f.roles.Is(r.low(head), lexicon.SourceNoun) || slices.Contains(lexicon.RoleSynonyms("spokesperson"), r.low(head)) {
		// "China’s ambassador to Britain": the one person the article gives that role
		if e, ok := r.personWithRole(sp.label, head); ok {
			sp.entity = e
		}
	}
	// "Both men claimed", "the two leaders said": the last two people named together
	if l0 := r.low(a); (l0 == "both" || l0 == "the" && r.low(a+1) == "two") && isPeopleNoun(r.low(head)) {
		if x, y, ok := r.pairAntecedent(a); ok {
			sp.entity, sp.entities = x, []int{x, y}
			return sp
		}
	}
	// "the statement said": a document told of before speaks for whoever
	// issued it; "a letter said" is a source of its own
	if r.isDocumentNoun(r.low(head)) && head == k && (r.low(a) == "the" || r.low(a) == "this") {
		if prev := r.issuerOf(r.low(head), a, 3); prev.ok {
			prev.first, prev.last = sp.first, sp.last
			return prev
		}
	}
	// "a spokesman for the company": the subject opens with the role noun the
	// organisation speaks through
	if a-2 >= s.First && isPreposition(r.low(a-1)) && isPostModifier(r.low(a-1)) && r.f.roles.Is(r.low(a-2), lexicon.RoleNoun) {
		if outer := r.nounPhraseEndingAt(s, a-2); outer.ok && outer.entity < 0 {
			sp.first = outer.first
			if sp.entity < 0 {
				sp.label = r.d.Text[r.d.Tokens[sp.first].Start:r.d.Tokens[k].End]
			}
		}
	}
	// "the Pentagon spokesman": the organisation speaks through the spokesperson
	return sp
}

// joinedCompound reports whether the word at j ends a compound the
// segmenter split after a number: "34" "-" "year-old", written without
// spaces.
func (r *run) joinedCompound(j int) bool {
	if j-2 < 0 || !r.isWord(j) || r.kind(j-1) != parley.Dash || r.kind(j-2) != parley.Number {
		return false
	}
	t := r.d.Tokens
	return !t[j-2].Is(parley.SpaceAfter) && !t[j-1].Is(parley.SpaceAfter)
}

// genericNP returns the end of a plain noun phrase at a ("the cheering
// crowd", "a packed college gym in Jacksonville"), or a when there is none.
func (r *run) genericNP(s parley.Sentence, a int) int {
	if a >= s.Last || !r.isWord(a) {
		return a
	}
	if !isDeterminer(r.low(a)) {
		// a bare plural: "told donors", "told settler leaders on Tuesday"
		b := a
		for b < s.Last && b-a < 4 && r.isWord(b) && !isFunction(r.low(b)) && !isPreposition(r.low(b)) && !r.isSpeechWord(b) && !r.d.Tokens[b].Is(parley.Cap) {
			b++
			if strings.HasSuffix(r.low(b-1), "s") && (b >= s.Last || !r.isWord(b) || isPreposition(r.low(b)) || r.low(b) == "that") {
				return b
			}
		}
		return a
	}
	b := a + 1
	// "told a briefing that": after a determiner a speech word the tagger
	// reads as a noun belongs to the phrase.
	// A subject pronoun opens the clause: "told his audience he would …".
	for b < s.Last && b-a < 6 && r.isWord(b) && !isFunction(r.low(b)) && !isSubjectPronoun(r.low(b)) && (!r.isSpeechWord(b) || r.posAt(s, b) == parley.NOUN) {
		b++
	}
	if b == a+1 {
		return a
	}
	return b
}

// describedPerson reads descriptive words from a, then the person they
// describe: "undecided Republican voter Stephanie Hooton", "9/11 widow
// Terry Strada".
func (r *run) describedPerson(s parley.Sentence, a int) speaker {
	for b := a; b < s.Last && b-a < 6; b++ {
		if ref := r.ents.RefAt(b); ref != nil && b > a {
			if ref.Kind == parley.PronounMention {
				break // "his audience he …": a pronoun is described by nothing
			}
			if r.ents.Entities[ref.Entity].Type == parley.Person {
				return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
			}
			continue
		}
		if !r.isWord(b) && !(b == a && r.kind(b) == parley.Number) || isFunction(r.low(b)) && b > a || r.isSpeechWord(b) {
			break
		}
	}
	return speaker{}
}

// rolesThenName reads a role phrase, with its abbreviated titles and its
// coordinated roles, that runs into the person it describes: "said former
// Pennsylvania Gov. and party Chairman Ed Rendell".
func (r *run) rolesThenName(s parley.Sentence, a int) speaker {
	if !r.isWord(a) || !r.f.roles.Is(r.low(a), lexicon.RoleNoun|lexicon.RoleMod|lexicon.Title) {
		return speaker{}
	}
	role := false
	for b := a; b < s.Last && b-a < 16; b++ {
		if ref := r.ents.RefAt(b); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			if !role || ref.First < b {
				return speaker{}
			}
			return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
		}
		if r.low(b) == "." && b > a && r.f.roles.Is(r.low(b-1), lexicon.Title) {
			continue // "Gov."
		}
		if !r.rolePhraseToken(b) || r.isSpeechWord(b) {
			return speaker{}
		}
		role = role || r.f.roles.Is(r.low(b), lexicon.RoleNoun|lexicon.Title)
	}
	return speaker{}
}

// nounPhraseAt reads the speaker or addressee noun phrase that starts at a:
// an entity mention, a pronoun, or a source noun phrase ("the minister",
// "reporters", "a senior official who …").
func (r *run) nounPhraseAt(s parley.Sentence, a int) speaker {
	if a < s.Last && r.kind(a) == parley.Number {
		// "said 9/11 widow Terry Strada": a number opens the description of a person
		if sp := r.describedPerson(s, a); sp.ok {
			return sp
		}
	}
	if a >= s.Last || !r.isWord(a) {
		return speaker{}
	}
	det := r.possessiveDeterminer(s, a)
	if ref := r.ents.RefAt(a); ref != nil && !det && r.ents.Entities[ref.Entity].Type != parley.Person {
		// "White House Press Secretary Stephanie Grisham": the person the role phrase names
		for b := ref.Last; b < s.Last && b-ref.Last < 6; b++ {
			if p := r.ents.RefAt(b); p != nil && r.ents.Entities[p.Entity].Type == parley.Person {
				return speaker{first: p.First, last: p.Last, entity: p.Entity, ok: true}
			}
			if !r.isWord(b) || !(r.d.Tokens[b].Is(parley.Cap) || r.f.roles.Is(r.low(b), lexicon.RoleNoun|lexicon.RoleMod)) {
				break
			}
		}
	}
	if ref := r.ents.RefAt(a); ref != nil && !det {
		// "US media", "Hong Kong police": a place in front of a noun is a modifier
		if !(r.ents.Entities[ref.Entity].Type == parley.Place && ref.Last < s.Last && r.isWord(ref.Last) && r.f.roles.Is(r.low(ref.Last), lexicon.SourceNoun|lexicon.RoleNoun|lexicon.Body|lexicon.RoleMod)) && !(ref.Last < s.Last && r.low(ref.Last) == "media") {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	l := r.low(a)
	// "said Mr. Schmidt", "said Sen. Sanders": a title before the name
	if r.f.roles.Is(l, lexicon.Title|lexicon.RoleNoun) && a+1 < s.Last {
		b := a + 1
		if r.low(b) == "." {
			b++
		}
		if ref := r.ents.RefAt(b); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	if objectSpeakers[l] && !det {
		sp := speaker{first: a, last: a + 1, entity: -1, label: r.d.Tok(a), ok: true}
		if (l == "it" || l == "they") && !r.resolving {
			// "It did not reveal the location and said …": the organisation
			// that spoke last, as for a pronoun right before the cue
			r.resolving = true // collectiveAntecedent reads the sentence's subject, this pronoun
			sp.entity = r.collectiveAntecedent(s, a, false)
			r.resolving = false
		}
		return sp
	}
	// "undecided Republican voter Stephanie Hooton": descriptive words, then the person
	if sp := r.describedPerson(s, a); sp.ok {
		return sp
	}
	if sp := r.rolesThenName(s, a); sp.ok {
		return sp
	}
	// determiner + modifiers + head, then the entity inside if any
	b := a
	head := -1
	for b < s.Last && b-a < 8 {
		if r.kind(b) == parley.Possessive || b == a && det {
			b++
			continue
		}
		if !r.isWord(b) {
			break
		}
		lb := r.low(b)
		if ref := r.ents.RefAt(b); ref != nil {
			if r.ents.Entities[ref.Entity].Type == parley.Person {
				return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
			}
			if r.ents.Entities[ref.Entity].Type == parley.Organization && head < 0 && (ref.Last >= s.Last || !r.isWord(ref.Last) || !r.f.roles.Is(r.low(ref.Last), lexicon.RoleNoun|lexicon.SourceNoun)) && !r.modifiesNoun(s, ref.Last) {
				return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
			}
			b = ref.Last
			continue
		}
		if r.f.roles.Is(lb, lexicon.SourceNoun|lexicon.RoleNoun) {
			head = b
			b++
			// a name right after the role: "the minister Sergey Lavrov"
			continue
		}
		if sourceOpeners[lb] || r.f.roles.Is(lb, lexicon.RoleMod|lexicon.Body) || r.d.Tokens[b].Is(parley.Cap) {
			if head >= 0 {
				break
			}
			b++
			continue
		}
		break
	}
	if head < 0 {
		// "The US welcomed …": a determiner and a name stand for the name
		if b > a {
			// (not an adjective: "one Russian broker", "a London-based firm")
			if ref := r.ents.RefAt(b - 1); ref != nil && ref.Last == b && r.ents.Entities[ref.Entity].Type != parley.Person && ref.Kind != parley.AdjMention {
				return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
			}
		}
		return speaker{}
	}
	end := head + 1
	// post-modifiers: "familiar with the talks", "who spoke on condition of anonymity"
	if end < s.Last {
		if sourcePostMods[r.low(end)] {
			for end < s.Last && r.kind(end) != parley.Punct && r.kind(end) != parley.Dash && r.low(end) != "that" && end-head < 14 {
				if _, ok := r.f.speech.Lookup(r.low(end)); ok && r.low(end) != "spoke" && r.low(end-1) != "who" {
					break
				}
				end++
			}
		}
	}
	sp := speaker{first: a, last: end, entity: -1, ok: true}
	sp.label = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[end-1].End]
	return sp
}

// modifiesNoun reports a common noun at k after a name, which the name
// then modifies: "his Democratic audience", not "the BBC said".
func (r *run) modifiesNoun(s parley.Sentence, k int) bool {
	return k < s.Last && r.isWord(k) && !r.d.Tokens[k].Is(parley.Cap) && r.posAt(s, k) == parley.NOUN
}

// possessiveDeterminer reports a possessive pronoun at a that determines
// the noun after it ("told his audience he would …", "urged their members
// to"): the phrase is the noun's, not the pronoun's. "her" is an object too
// ("told her the plan had failed"), so it determines only a noun or an
// adjective.
func (r *run) possessiveDeterminer(s parley.Sentence, a int) bool {
	if !possessivePronouns[r.low(a)] || a+1 >= s.Last || !r.isWord(a+1) {
		return false
	}
	if r.low(a) != "her" {
		return true
	}
	switch r.posAt(s, a+1) {
	case parley.NOUN, parley.ADJ:
		return true
	}
	return false
}

// skipAppositive passes ", the former governor of Minnesota," after a speaker.
func (r *run) skipAppositive(s parley.Sentence, a int) int {
	for n := 0; n < 4 && a+1 < s.Last && r.low(a) == ","; n++ {
		switch {
		case appositiveStarts[r.low(a+1)]:
			for b := a + 1; b < s.Last && b-a < 25; b++ {
				if r.low(b) == "," {
					return b
				}
			}
			return s.Last
		case r.kind(a+1) == parley.Number && (a+2 >= s.Last || r.low(a+2) == "," || r.low(a+2) == "."):
			a += 2 // "scoffed Arianna Gil, 22, who helped found the group": an age
		case r.isWord(a + 1):
			// "said Anil Aggarwal, Peoplesoft's director of database markets":
			// noun phrases with no verb up to the next comma or the end
			// ("…, director of X, a Brussels-based think-tank").
			b := r.nextComma(s, a+1, 25)
			if !r.appositionOnly(s, a+1, b) {
				return a
			}
			a = b
		default:
			return a
		}
	}
	return a
}

// nextComma returns the first comma in [a, a+n) of s, or the sentence end.
func (r *run) nextComma(s parley.Sentence, a, n int) int {
	for b := a; b < s.Last && b-a < n; b++ {
		if r.low(b) == "," {
			return b
		}
	}
	return s.Last
}

// appositionOnly reports whether [a, b) reads as a noun phrase and nothing
// more: a noun, and no verb the tagger sees. Without a syntax model it
// cannot tell, and says no.
func (r *run) appositionOnly(s parley.Sentence, a, b int) bool {
	if r.f.parsers == nil || b-a < 2 || r.hasVerb(s, a, b) {
		return false
	}
	for k := a; k < b; k++ {
		if p := r.posAt(s, k); p == parley.NOUN || p == parley.PROPN {
			return true
		}
	}
	return false
}
