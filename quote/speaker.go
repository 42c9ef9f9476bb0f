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
		if !r.isWord(j) || !(r.d.Tokens[j].Is(parley.Cap) || isDeterminer(r.low(j)) || r.f.roles.Is(r.low(j), lexicon.RoleMod|lexicon.RoleNoun)) {
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
	if r.titleEndsApposition(s, k) {
		k-- // "X, author of ''Unwritten Rules,'' put it": the title's comma ends the apposition
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
			sp := r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
			if len(sp.entities) == 0 {
				sp.lead = sp.first - r.roleBeforeComma(s, j)
			}
			return sp
		}
		if j >= s.First && r.low(j) == "," && j-1 >= s.First {
			// "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": the
			// party and state in brackets stand after the name
			j = r.parenthesisBefore(s, j)
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
	if sp, ok := r.relativeSubject(s, v, k); ok {
		return sp
	}
	if r.kind(k) == parley.CloseQuote || r.kind(k) == parley.StraightQuote || r.kind(k) == parley.Punct {
		return speaker{}
	}
	if ref := r.ents.RefAt(k); ref != nil {
		e := r.ents.Entities[ref.Entity]
		if e.Type == parley.Place && (ref.Kind == parley.AdjMention || ref.First > s.First && r.prepositionBefore(s, ref.First)) {
			// "Russian officials said", "China’s ambassador to Britain said", "observers in the UK say"
			if sp := r.nounPhraseEndingAt(s, k); sp.ok {
				return sp
			}
		}
		sp := speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		if e.Type != parley.Person && r.prepositionBefore(s, ref.First) {
			// "a spokesman for Disney said": the organisation speaks, through the
			// phrase that opens the subject
			np := r.nounPhraseEndingAt(s, k)
			if np.ok && np.entity >= 0 && r.ents.Entities[np.entity].Type == parley.Person {
				return r.withCoordination(s, np) // "Jo Lee, director of Acme - its owner - said"
			}
			if p := r.personBeforeOpenApposition(s, ref.First); p.ok {
				return r.withCoordination(s, p)
			}
			if np.ok && np.first < ref.First && !r.appositionToName(s, np.first) {
				sp.first = np.first // "But, the former CEO of Acme added, …"
				if r.personalRole(s, np.first, ref.First-1) {
					// one person holds the office: the description, for coreference
					sp.entity, sp.label = -1, r.spanText(np.first, ref.Last)
				}
			}
		}
		return r.withCoordination(s, sp)
	}
	return r.nounPhraseEndingAt(s, k)
}

// personBeforeOpenApposition reads "Jo Lee, spokeswoman for Acme said":
// an apposition whose closing comma is missing, a role and a preposition
// before the organisation at a, describes the person before its comma.
func (r *run) personBeforeOpenApposition(s parley.Sentence, a int) speaker {
	j := a - 1
	if j > s.First && r.low(j) == "the" {
		j--
	}
	if j <= s.First || !isPreposition(r.low(j)) {
		return speaker{}
	}
	role := false
	for j--; j > s.First && r.isWord(j) && r.f.roles.Is(r.low(j), lexicon.RoleNoun|lexicon.RoleMod|lexicon.Title); j-- {
		role = true
	}
	if !role || r.low(j) != "," {
		return speaker{}
	}
	p := r.ents.RefAt(j - 1)
	if p == nil || p.Last != j || r.ents.Entities[p.Entity].Type != parley.Person {
		return speaker{}
	}
	return speaker{first: p.First, last: p.Last, entity: p.Entity, ok: true}
}

// prepositionBefore reports a preposition right before token a, or before
// the article that opens it ("for Disney", "for the Disaster Emergency
// Committee").
func (r *run) prepositionBefore(s parley.Sentence, a int) bool {
	j := a - 1
	if j > s.First && r.low(j) == "the" {
		j--
	}
	return j >= s.First && isPreposition(r.low(j))
}

// parenthesisBefore returns the index of the opening bracket when the
// tokens before j close a short bracketed phrase ("(D-Mo.)"), and j
// otherwise, so that j-1 is the word before the brackets.
func (r *run) parenthesisBefore(s parley.Sentence, j int) int {
	if j-1 < s.First || r.low(j-1) != ")" {
		return j
	}
	for k := j - 2; k > s.First && j-k < 8; k-- {
		if r.low(k) == "(" {
			return k
		}
	}
	return j
}

// personalRole reports a definite description of one office holder in
// [a, p), p the preposition before the organisation: "the former CEO of",
// not "a spokesman for" (a voice of the organisation) or "officials at".
func (r *run) personalRole(s parley.Sentence, a, p int) bool {
	h := p - 1
	if h <= a || !isPreposition(r.low(p)) || r.low(a) != "the" {
		return false
	}
	l := r.low(h)
	return r.f.roles.Is(l, lexicon.RoleNoun) && !r.f.roles.Is(l, lexicon.SourceNoun)
}

// appositionToName reports a phrase at a set off by a comma after a
// capitalised word that is no function word: an apposition to a name the
// entity layer may have missed ("Jo Roe, director of Acme"), not a phrase
// after "But," or "Meanwhile,".
func (r *run) appositionToName(s parley.Sentence, a int) bool {
	if a-2 < s.First || r.low(a-1) != "," {
		return false
	}
	n := a - 2
	return r.isWord(n) && r.d.Tokens[n].Is(parley.Cap) && !r.isFunctionCap(n) && !(n == s.First && isInterposed(r.low(n)))
}

// titleEndsApposition reports a closing mark at k after a comma that
// closes a short quoted title inside a noun phrase: in "Amar, author of
// ”Unwritten Rules,” put it" the comma is the apposition's.
func (r *run) titleEndsApposition(s parley.Sentence, k int) bool {
	if k-1 < s.First || r.low(k-1) != "," || r.kind(k) != parley.CloseQuote && r.kind(k) != parley.StraightQuote {
		return false
	}
	p := r.pairClosingAt(k)
	if p == nil || p.open-1 <= s.First || !r.isWord(p.open-1) || r.wordsIn(p.first, p.last) > 8 {
		return false
	}
	// the title follows a preposition or names a noun ("author of ''…''",
	// "his book ''…''"), not a verb's object ("called it ''…,'' said X")
	b := p.open - 1
	return isPreposition(r.low(b)) || r.posAt(s, b) == parley.NOUN
}

// relativeSubject reads a relative pronoun at k as the subject of the cue
// at v: "X, who said …" (the mention is "who", the speaker its antecedent),
// "a message that said, “…”" (the antecedent speaks).
func (r *run) relativeSubject(s parley.Sentence, v, k int) (speaker, bool) {
	if r.low(k) == "who" {
		sp := speaker{first: k, last: k + 1, entity: -1, label: "who", ok: true}
		if k-2 >= s.First && r.low(k-1) == "," {
			if ref := r.ents.RefAt(k - 2); ref != nil && r.ents.Entities[ref.Entity].Type != parley.Place {
				sp.entity = ref.Entity
				return sp, true
			}
			// "Tom Reyes, the county's fire commissioner, who said": the name before the apposition
			if p := r.personBeforeCommas(s, k-1, k); p.ok {
				sp.entity = p.entity
				return sp, true
			}
		}
		sp = r.relativeAntecedent(s, v, sp)
		if sp.entity < 0 && sp.label == "who" && k-2 >= s.First && r.low(k-1) == "," && r.sourceNoun(s, k-2) {
			// "Critics, who said …": the noun before the comma, where the parse
			// did not make the clause its relative
			if np := r.nounPhraseEndingAt(s, k-2); np.ok && np.last == k-1 && !r.hasVerb(s, np.first, np.last) {
				sp.entity, sp.label = np.entity, np.label
			}
		}
		return sp, true
	}
	if (r.low(k) == "that" || r.low(k) == "which") && k-1 >= s.First && r.isWord(k-1) {
		if sp := r.nounPhraseEndingAt(s, k-1); sp.ok {
			return sp, true
		}
	}
	return speaker{}, false
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

// pronouns that can be the subject of a speech verb.
func isSubjectPronoun(l string) bool { return subjectPronouns[l] }

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

func isGroupPronoun(l string) bool { return groupPronouns[l] }
