package quote

// Who an attribution names: the mention before or after the cue, unnamed
// sources, coordinated speakers, and the antecedents of "it", "they", "who".

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// namedSubject reports whether a speaker is a name, a pronoun or a short
// noun phrase with a determiner, the subjects a verb reading needs.
func (r *run) namedSubject(sp speaker) bool {
	if sp.entity >= 0 || sp.last-sp.first == 1 && isSubjectPronoun(r.low(sp.first)) {
		return true
	}
	return isDeterminer(r.low(sp.first)) && sp.last-sp.first <= 4 && !strings.Contains(sp.label, " of ")
}

// rolePhraseToken reports whether token k may belong to a role phrase in
// front of a name ("senior aide to Vladimir Putin and member of the delegation").
func (r *run) rolePhraseToken(k int) bool {
	if r.kind(k) == parley.Possessive {
		return true
	}
	if !r.isWord(k) {
		return false
	}
	l := r.low(k)
	if roleJoiners[l] {
		return true
	}
	return r.f.roles.Is(l, lexicon.RoleNoun|lexicon.RoleMod|lexicon.Body|lexicon.Title) || r.d.Tokens[k].Is(parley.Cap) || r.ents.RefAt(k) != nil
}

// withBefore reports whether the phrase at k is the subject of an absolute
// construction: "with Jordanian Foreign Minister Ayman Safadi warning of …".
func (r *run) withBefore(s parley.Sentence, k int) bool {
	for j := k - 1; j >= s.First && k-j < 8; j-- {
		if r.low(j) == "with" {
			return true
		}
		if !r.isWord(j) || !(r.d.Tokens[j].Is(parley.Cap) || r.f.roles.Is(r.low(j), lexicon.RoleMod|lexicon.RoleNoun)) {
			return false
		}
	}
	return false
}

// previousSpeaker returns the speaker of the last attribution before v in
// the same sentence.
func (r *run) previousSpeaker(s parley.Sentence, v int) speaker {
	ix := r.byPara[s.Para]
	for _, k := range slices.Backward(ix) {
		q := r.out[k]
		if q.cue < s.First || q.cue >= v {
			continue
		}
		// the outermost attribution: "X said Washington had concluded …, saying" continues X
		nested := false
		for _, o := range ix {
			if o != k && r.out[o].cFirst <= q.cue && q.cue < r.out[o].cLast && r.out[o].cue < q.cue {
				nested = true
				break
			}
		}
		if !nested {
			return q.sp
		}
	}
	return speaker{}
}

// sentenceSubject reads the noun phrase that opens the sentence, when a
// verb follows it before v.
func (r *run) sentenceSubject(s parley.Sentence, v int) speaker {
	a := s.First
	// a dateline: "WASHINGTON — …", "MOSCOW (Reuters) -"
	for k := a; k < v && k-a < 6; k++ {
		if r.kind(k) == parley.Dash {
			if r.d.Tokens[a].Is(parley.AllCaps) {
				a = k + 1
			}
			break
		}
	}
	for a < v && r.isWord(a) && (r.low(a) == "but" || r.low(a) == "and" || r.low(a) == "meanwhile") {
		a++
	}
	if a < v && r.low(a) == "," {
		a++
	}
	// "In October, Rep. David McKinley …": an opening phrase set off by a comma
	if a < v && isPreposition(r.low(a)) {
		for b := a; b < v && b-a < 8; b++ {
			if r.low(b) == "," {
				a = b + 1
				break
			}
		}
	}
	sp := r.nounPhraseAt(s, a)
	if !sp.ok || sp.last >= v {
		return speaker{}
	}
	return sp
}

func (r *run) firstPersonRef(a, b int) *mention {
	for k := a; k < b; k++ {
		if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			return ref
		}
	}
	return nil
}

// phraseUpTo reads a plain noun phrase from a to the next comma or the end of
// the sentence (at most 12 tokens), for sources such as "the 2009 paper".
func (r *run) phraseUpTo(s parley.Sentence, a int) speaker {
	b := a
	for b < s.Last && b-a < 12 && (r.isWord(b) || r.kind(b) == parley.Number || r.kind(b) == parley.Possessive || r.low(b) == "-") {
		b++
	}
	if b == a || b < s.Last && r.low(b) != "," && r.kind(b) != parley.Punct && r.kind(b) != parley.Dash {
		return speaker{}
	}
	sp := speaker{first: a, last: b, entity: -1, label: r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End], ok: true}
	for k := a; k < b; k++ {
		if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type != parley.Place {
			sp.entity = ref.Entity
			break
		}
	}
	return sp
}

// subject finds the speaker mention before the verb at v.
func (r *run) subject(s parley.Sentence, v int) speaker {
	k := v - 1
	// not the sentence's first word: "Both said …" names its subject
	for k > s.First && r.isWord(k) && isInterposed(r.low(k)) && r.ents.RefAt(k) == nil {
		k--
	}
	// "X on Tuesday said", "the court last week ruled"
	if k-1 >= s.First && isTimeWord(r.low(k)) {
		if speakerTimeOpeners[r.low(k-1)] {
			k -= 2
			if k >= s.First && (r.low(k) == "earlier" || r.low(k) == "later") {
				k--
			}
		}
	}
	if k < s.First {
		return speaker{}
	}
	// "The justice -- who has been … -- said", "Sen. Lindsey Graham (R-S.C.) told"
	if r.kind(k) == parley.Dash || r.low(k) == ")" {
		open := "("
		for j := k - 1; j > s.First && k-j < 30; j-- {
			if r.kind(k) == parley.Dash && r.kind(j) == parley.Dash || r.low(k) == ")" && r.low(j) == open {
				k = j - 1
				break
			}
		}
		if r.kind(k) == parley.Dash || r.low(k) == ")" {
			return speaker{}
		}
	}
	// appositive or relative clause: "Kirill Dmitriev, another member of …, said"
	if r.low(k) == "," && k-1 >= s.First {
		j := k - 1
		for j >= s.First && r.low(j) != "," && k-j < 25 {
			j--
		}
		// "Sanders, meanwhile, who sits at zero endorsements, said": pass over more set-off phrases
		for hops := 0; hops < 2 && j-1 >= s.First && r.low(j) == "," && r.ents.RefAt(j-1) == nil && k-j < 30; hops++ {
			j2 := j - 1
			for j2 >= s.First && r.low(j2) != "," && j-j2 < 8 {
				j2--
			}
			if j2 < s.First || r.low(j2) != "," || j2-1 < s.First || r.ents.RefAt(j2-1) == nil {
				break
			}
			j = j2
		}
		// "Another member of the delegation, Kirill Dmitriev, said": the name between the commas
		if ref := r.ents.RefAt(k - 1); ref != nil && ref.Last == k && (ref.First == j+1 || ref.First == j+2 && r.low(j+1) == "the") && r.ents.Entities[ref.Entity].Type != parley.Place {
			return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
		}
		if j >= s.First && r.low(j) == "," && j-1 >= s.First {
			ref := r.ents.RefAt(j - 1)
			if ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
				return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
			}
			// "Tom Fitton, the president of Judicial Watch, a conservative group …, said":
			// a person further back names the speaker the organisation only describes
			if p := r.personBeforeCommas(s, j, k); p.ok {
				return p
			}
			if ref != nil && r.ents.Entities[ref.Entity].Type != parley.Place {
				return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
			}
			if sp := r.nounPhraseEndingAt(s, j-1); sp.ok {
				return sp
			}
		}
		return speaker{}
	}
	if r.low(k) == "who" {
		// "X, who …": the mention is "who", the speaker its antecedent
		sp := speaker{first: k, last: k + 1, entity: -1, label: "who", ok: true}
		if k-2 >= s.First && r.low(k-1) == "," {
			if ref := r.ents.RefAt(k - 2); ref != nil {
				sp.entity = ref.Entity
			}
		}
		return sp
	}
	if (r.low(k) == "that" || r.low(k) == "which") && k-1 >= s.First && r.isWord(k-1) {
		// "a message that said, “…”": the relative pronoun's antecedent speaks
		if sp := r.nounPhraseEndingAt(s, k-1); sp.ok {
			return sp
		}
	}
	if r.kind(k) == parley.CloseQuote || r.kind(k) == parley.StraightQuote || r.kind(k) == parley.Punct {
		return speaker{}
	}
	if ref := r.ents.RefAt(k); ref != nil {
		e := r.ents.Entities[ref.Entity]
		if e.Type == parley.Place && (ref.Kind == parley.AdjMention || ref.First > s.First && isPreposition(r.low(ref.First-1))) {
			// "Russian officials said", "China’s ambassador to Britain said"
			if sp := r.nounPhraseEndingAt(s, k); sp.ok {
				return sp
			}
		}
		sp := speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		if e.Type != parley.Person && ref.First > s.First && isPreposition(r.low(ref.First-1)) {
			// "a spokesman for Disney said": the organisation speaks, through the
			// phrase that opens the subject
			np := r.nounPhraseEndingAt(s, k)
			if np.ok && np.entity >= 0 && r.ents.Entities[np.entity].Type == parley.Person {
				return r.withCoordination(s, np) // "Jo Lee, director of Acme - its owner - said"
			}
			if np.ok && np.first < ref.First && (np.first == s.First || r.low(np.first-1) != ",") {
				sp.first = np.first // not an apposition to a name the entity layer missed
			}
		}
		return r.withCoordination(s, sp)
	}
	return r.nounPhraseEndingAt(s, k)
}

// personBeforeCommas looks back from the comma at j over up to three more
// set-off phrases for a person's name that ends right before a comma.
func (r *run) personBeforeCommas(s parley.Sentence, j, k int) speaker {
	for hops := 0; hops < 3 && j > s.First && k-j < 45; hops++ {
		j2 := j - 1
		for j2 >= s.First && r.low(j2) != "," {
			j2--
		}
		if j2 < s.First+1 {
			return speaker{}
		}
		if ref := r.ents.RefAt(j2 - 1); ref != nil && ref.Last == j2 && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
		j = j2
	}
	return speaker{}
}

// withCoordination extends a person speaker over "A and B": "Rubio and
// Waltz told him" has two speakers.
func (r *run) withCoordination(s parley.Sentence, sp speaker) speaker {
	// "Sens. Tom Carper, Dianne Feinstein, Patrick Leahy and Ben Cardin said": walk back
	// over the list, each name with the role words and known names before it
	for {
		k := sp.first - 1
		for k >= s.First && r.isWord(k) && (r.d.Tokens[k].Is(parley.Cap) || r.f.roles.Is(r.low(k), lexicon.RoleNoun|lexicon.RoleMod)) && r.low(k) != "and" {
			if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
				break
			}
			k--
		}
		// a comma joins names only inside a list that ends in "and": "A, B and C"
		if k-1 < s.First || r.low(k) != "and" && !(r.low(k) == "," && len(sp.entities) > 0) {
			return sp
		}
		ref := r.ents.RefAt(k - 1)
		if ref == nil || r.ents.Entities[ref.Entity].Type != parley.Person || ref.Entity == sp.entity || slices.Contains(sp.entities, ref.Entity) {
			return sp
		}
		if len(sp.entities) == 0 {
			sp.entities = []int{sp.entity}
		}
		sp.entities = append([]int{ref.Entity}, sp.entities...)
		sp.first = ref.First
	}
}

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
	a, b := r.subtreeStart(s, n), r.subtreeEnd(s, n)
	for a < b && r.kind(a) == parley.Punct {
		a++ // ", 40% said": the comma of the clause before
	}
	if b != k+1 || b-a == 1 && !proportionNouns[r.low(a)] {
		return speaker{} // a bare number is a count, not a share
	}
	for a-1 >= s.First && shareOpeners[r.low(a-1)] {
		a--
	}
	return speaker{first: a, last: b, entity: -1, label: r.spanText(a, b), ok: true}
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

// pronouns that can be the subject of a speech verb.
func isSubjectPronoun(l string) bool { return subjectPronouns[l] }

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
		if r.f.roles.Is(lj, lexicon.SourceNoun|lexicon.RoleNoun) || proportionNouns[lj] {
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

func (r *run) isDocumentNoun(l string) bool { return r.f.roles.Is(l, lexicon.Document) }

// issuerOf returns the speaker of the last attribution before token i,
// within n sentences, whose sentence names the document noun outside the
// content ("X said in a statement …. The statement added"): a lawsuit
// someone filed, or a report a minister spoke of, is not theirs to speak.
func (r *run) issuerOf(noun string, i, n int) speaker {
	k := r.lastQuoteBefore(i, n)
	if k < 0 {
		return speaker{}
	}
	q := r.out[k]
	s := r.d.Sentences[r.d.SentenceOf(q.cue)]
	for j := s.First; j < s.Last; j++ {
		if (j < q.cFirst || j >= q.cLast) && r.low(j) == noun {
			return q.sp
		}
	}
	return speaker{}
}

// lastQuoteBefore returns the index in r.out of the last attribution that
// ends before token i, within n sentences, whose speaker is not itself a
// document; -1 if none.
func (r *run) lastQuoteBefore(i, n int) int {
	si := r.d.SentenceOf(i)
	p := r.d.Sentences[si].Para
	for _, k := range slices.Backward(r.near(p, min(p, 2))) {
		q := r.out[k]
		if q.cLast <= i && si-r.d.SentenceOf(q.cFirst) <= n && (q.sp.entity >= 0 || q.sp.label != "") {
			if q.sp.entity >= 0 || !r.isDocumentNoun(r.low(q.sp.last-1)) {
				return k
			}
		}
	}
	return -1
}

// personWithRole finds the single person whose roles share the head noun and
// the other content words of label.
func (r *run) personWithRole(label string, head int) (int, bool) {
	hw := r.low(head)
	found := -1
	for i, e := range r.ents.Entities {
		if e.Type != parley.Person {
			continue
		}
		for _, role := range e.Roles {
			if roleMatches(role, label, hw) {
				if found >= 0 && found != i {
					return 0, false
				}
				found = i
			}
		}
	}
	return found, found >= 0
}

// roleMatches reports whether role contains the head word and every
// capitalised word of label ("China’s ambassador to Britain" ~ "China’s ambassador to Britain").
func roleMatches(role, label, head string) bool {
	rl := strings.ToLower(role)
	if !strings.Contains(" "+rl+" ", " "+head+" ") {
		return false
	}
	for _, w := range strings.Fields(label) {
		w = strings.TrimRight(w, ",.’'s")
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		if !strings.Contains(rl, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// collectiveAntecedent resolves "it" and "they" as a speaker: the
// organisation or group that opens the sentence, or the last such speaker,
// or, with anyMention, the last organisation mentioned.
func (r *run) collectiveAntecedent(s parley.Sentence, k int, anyMention bool) int {
	if sp := r.sentenceSubject(s, k); sp.ok && sp.entity >= 0 && r.ents.Entities[sp.entity].Type == parley.Organization {
		return sp.entity
	}
	p := s.Para
	for _, j := range slices.Backward(r.near(p, min(p, 2))) {
		q := r.out[j]
		if q.cue >= k || r.d.SentenceOf(max(q.cue, q.cFirst)) < r.d.SentenceOf(k)-3 {
			continue
		}
		if q.sp.entity >= 0 && r.ents.Entities[q.sp.entity].Type == parley.Organization {
			return q.sp.entity
		}
	}
	for j := k - 1; anyMention && j >= 0 && k-j < 120; j-- {
		if ref := r.ents.RefAt(j); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Organization {
			return ref.Entity
		}
	}
	return -1
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
	for b < s.Last && b-a < 6 && r.isWord(b) && !isFunction(r.low(b)) && (!r.isSpeechWord(b) || r.posAt(s, b) == parley.NOUN) {
		b++
	}
	if b == a+1 {
		return a
	}
	return b
}

// nounPhraseAt reads the speaker or addressee noun phrase that starts at a:
// an entity mention, a pronoun, or a source noun phrase ("the minister",
// "reporters", "a senior official who …").
func (r *run) nounPhraseAt(s parley.Sentence, a int) speaker {
	if a >= s.Last || !r.isWord(a) {
		return speaker{}
	}
	if ref := r.ents.RefAt(a); ref != nil && r.ents.Entities[ref.Entity].Type != parley.Person {
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
	if ref := r.ents.RefAt(a); ref != nil {
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
	if objectSpeakers[l] {
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
	for b := a; b < s.Last && b-a < 6; b++ {
		if ref := r.ents.RefAt(b); ref != nil && b > a {
			if r.ents.Entities[ref.Entity].Type == parley.Person {
				return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
			}
			continue
		}
		if !r.isWord(b) || isFunction(r.low(b)) && b > a || r.isSpeechWord(b) {
			break
		}
	}
	// determiner + modifiers + head, then the entity inside if any
	b := a
	head := -1
	for b < s.Last && b-a < 8 {
		if r.kind(b) == parley.Possessive {
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
			if r.ents.Entities[ref.Entity].Type == parley.Organization && head < 0 && (ref.Last >= s.Last || !r.isWord(ref.Last) || !r.f.roles.Is(r.low(ref.Last), lexicon.RoleNoun|lexicon.SourceNoun)) {
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
			if ref := r.ents.RefAt(b - 1); ref != nil && ref.Last == b && r.ents.Entities[ref.Entity].Type != parley.Person {
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

func (r *run) channelOf(sp speaker) string {
	if sp.entity >= 0 {
		e := r.ents.Entities[sp.entity]
		if e.Type == parley.Organization && (e.Kind == string(parley.Media) || e.Kind == string(parley.Platform)) {
			return e.Name
		}
		return ""
	}
	switch strings.ToLower(sp.label) {
	case "reporters", "journalists":
		return "reporters"
	}
	return ""
}

// pairAntecedent finds the last two people named together ("Kevin King and
// Timothy Weeks", "American Kevin King and Australian Timothy Weeks") in the
// few sentences before token a.
func (r *run) pairAntecedent(a int) (int, int, bool) {
	si := r.d.SentenceOf(a)
	from := r.d.Sentences[max(0, si-40)].First
	for k := a - 1; k > from; k-- {
		if r.low(k) != "and" {
			continue
		}
		left := r.ents.RefAt(k - 1)
		j := k + 1
		for j < a && j-k < 5 && r.ents.RefAt(j) == nil && r.isWord(j) && r.d.Tokens[j].Is(parley.Cap) {
			j++ // a nationality or title before the second name
		}
		right := r.ents.RefAt(j)
		for j2 := j; right != nil && j2 < a && j2-j < 4 && r.ents.Entities[right.Entity].Type != parley.Person; j2++ {
			right = r.ents.RefAt(j2 + 1)
		}
		if left != nil && right != nil && left.Entity != right.Entity &&
			r.ents.Entities[left.Entity].Type == parley.Person && r.ents.Entities[right.Entity].Type == parley.Person {
			return left.Entity, right.Entity, true
		}
	}
	return 0, 0, false
}

// isPeopleNoun reports plural nouns for people, which "both" and "the two"
// turn into a pair of named persons ("Both men", not "Both sides").
func isPeopleNoun(l string) bool { return peopleNouns[l] }
