package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
)

// Coreference inside one article: pronouns (he, she, him, his, her; it, its,
// they, their for organisations) and nominal mentions ("the aide", "the
// former senator") are linked to the person or organisation they most
// likely refer to. Surnames are linked to full names by the recogniser.
//
// The model is deliberately simple and explainable: a pronoun refers to a
// gender-compatible person mentioned in the last few sentences, preferring
// the one who spoke or was the subject most recently; a nominal mention
// refers to the latest person whose roles contain its head noun.

const corefWindow = 4 // sentences back that a pronoun may reach

// prepositions before a mention make it a poor antecedent for a subject pronoun.
func isPreposition(l string) bool { return prepositions[l] }

// corefCand is one mention of a person or organisation that a later
// pronoun or description may refer to.
type corefCand struct {
	entity  int
	sent    int
	speaker bool // spoke: a speech verb follows or precedes it
	first   bool // the first such mention of its sentence: likely its subject
	prep    bool // after a preposition: unlikely the subject
	coord   bool // after "and", "or": one of several, not what a "they" means alone
}

// coref is the state of one article's resolution.
type coref struct {
	r       *Recognizer
	d       *parley.Doc
	res     *result
	inQuote []bool
	cands   []corefCand
	count   []int // mentions so far of each entity: its salience
	added   []ref
	// how far each sentence was analysed (see tag and parse)
	analysed []uint8
	parser   *syntax.Parser
	words    []syntax.Word
}

// resolve links pronouns and nominal mentions in d to persons and
// organisations of res.
func (r *Recognizer) resolve(d *parley.Doc, res *result, inQuote []bool) {
	c := &coref{r: r, d: d, res: res, inQuote: inQuote, count: make([]int, len(res.Entities))}
	refAt := 0
	for si, s := range d.Sentences {
		first := true
		for i := s.First; i < s.Last; i++ {
			for refAt < len(res.Refs) && res.Refs[refAt].First < i {
				refAt++
			}
			if refAt < len(res.Refs) && res.Refs[refAt].First == i {
				if c.register(refAt, si, s, first) {
					first = false
				}
				continue
			}
			if t := d.Tokens[i]; t.Kind != parley.Word || inQuote[i] || res.At[i] >= 0 {
				continue
			}
			if p, ok := r.roles.Pronoun(d.Lower(i)); ok {
				c.pronoun(i, si, s, p, first)
				continue
			}
			if d.Lower(i) == "the" && i+1 < s.Last {
				c.description(i, si, s)
			} else if r.roles.IsCopula(d.Lower(i)) {
				c.predicateRole(i, si, s)
			}
		}
	}
	c.release()
	c.merge()
}

// register records the mention res.Refs[ri] as a candidate antecedent when
// it names a person or organisation outside quotation marks, and reports
// whether it did.
func (c *coref) register(ri, si int, s parley.Sentence, first bool) bool {
	ref := c.res.Refs[ri]
	i := ref.First
	typ := c.res.Entities[ref.Entity].Type
	if typ != parley.Person && typ != parley.Organization || c.inQuote[i] {
		return false
	}
	c.count[ref.Entity]++
	k := corefCand{entity: ref.Entity, sent: si, first: first, prep: i > s.First && isPreposition(c.d.Lower(i-1))}
	b := i - 1
	if b > s.First && c.d.Lower(b) == "the" {
		b--
	}
	if b >= s.First {
		k.coord = c.d.Lower(b) == "and" || c.d.Lower(b) == "or"
	}
	if ref.Last < s.Last {
		if v, ok := c.r.speech.Lookup(c.d.Lower(ref.Last)); ok && v.Frames != 0 {
			k.speaker = true
		}
	}
	if i >= 2 && i-1 >= s.First {
		if v, ok := c.r.speech.Lookup(c.d.Lower(i - 1)); ok && v.Frames&lexicon.FrameInverted != 0 {
			k.speaker = true
		}
	}
	// "the success of a classmate, Ana Ruiz, who …": set off by commas,
	// the name is an apposition, not the sentence's subject
	if i-1 > s.First && c.d.Tok(i-1) == "," && ref.Last < s.Last && (c.d.Tok(ref.Last) == "," || c.d.Lower(ref.Last) == "who") && !k.speaker {
		k.first, k.prep = false, true
		c.cands = append(c.cands, k)
		return false
	}
	c.cands = append(c.cands, k)
	return true
}

// pronoun links the pronoun at token i to the person or organisation it
// most likely refers to.
func (c *coref) pronoun(i, si int, s parley.Sentence, p lexicon.Pronoun, first bool) {
	cases := p.Cases
	if cases == lexicon.Object|lexicon.Possessive { // "her"
		cases = lexicon.Object
		if c.possessiveAt(i, s) {
			cases = lexicon.Possessive
		}
	}
	var ent int
	switch {
	case p.Neuter:
		ent = c.organisationFor(si, false)
	case p.Plural:
		// "they" stands for people as often as for an organisation: only
		// the subject "they" after an organisation that was a subject
		if cases&lexicon.Subject == 0 {
			return
		}
		ent = c.organisationFor(si, true)
	default:
		// a prepositional phrase put before its clause ("After Smetana,
		// he"), not a clause with its own subject ("While it did not
		// appeal to Graham, she", "After Putin became president, he")
		fronted := cases&lexicon.Subject != 0 && i-1 > s.First && c.d.Tok(i-1) == "," && isPreposition(c.d.Lower(s.First)) &&
			c.verbless(si, s.First, i-1)
		ent = c.personFor(si, p.Gender, cases, fronted)
	}
	if ent < 0 {
		return
	}
	t := c.d.Tokens[i]
	c.added = append(c.added, ref{Span: parley.Span{Start: int(t.Start), End: int(t.End)}, First: i, Last: i + 1,
		Entity: ent, Kind: parley.PronounMention})
	c.count[ent]++
	// a subject pronoun that found its person keeps that person salient
	if cases&lexicon.Subject != 0 && !p.Neuter && !p.Plural {
		c.cands = append(c.cands, corefCand{entity: ent, sent: si, first: first, speaker: true})
	}
}

// possessiveAt reports whether "her" at token i is a determiner ("her
// book"), not an object ("told her that").
func (c *coref) possessiveAt(i int, s parley.Sentence) bool {
	return i+1 < s.Last && c.d.Tokens[i+1].Kind == parley.Word && !isPreposition(c.d.Lower(i+1)) && c.d.Lower(i+1) != "that"
}

// personFor returns the person a he/she pronoun of sentence si most likely
// refers to, or -1: a gender-compatible person of the last sentences, by
// recency, salience and role in its sentence.
//
// fronted says the pronoun is a subject right after a comma that ends a
// phrase put before its clause.
func (c *coref) personFor(si int, g lexicon.Gender, cases lexicon.PronounCase, fronted bool) int {
	best, bestScore := -1, 1<<30
	for k := len(c.cands) - 1; k >= 0; k-- {
		cd := c.cands[k]
		if si-cd.sent > corefWindow {
			break
		}
		if c.res.Entities[cd.entity].Type != parley.Person {
			continue
		}
		if eg := c.res.Gender[cd.entity]; g != lexicon.UnknownGender && eg != lexicon.UnknownGender && eg != g {
			continue
		}
		// object pronouns do not refer to the subject of their own clause
		if cases&lexicon.Object != 0 && cd.sent == si && !cd.prep {
			continue
		}
		// nor a subject pronoun right after a fronted prepositional phrase
		// to a name of that phrase ("After Smetana, he was …")
		if fronted && cd.sent == si && cd.prep {
			continue
		}
		if score := candScore(cd, si) - min(c.count[cd.entity], maxSalience); score < bestScore {
			best, bestScore = cd.entity, score
		}
	}
	return best
}

// maxSalience caps what being mentioned often adds to a person's chance of
// being a pronoun's antecedent: the article's main person wins over one
// named once nearby, not over one who is plainly the subject now.
const maxSalience = 6

// candScore ranks a candidate antecedent for a pronoun of sentence si:
// lower is better.
func candScore(cd corefCand, si int) int {
	score := (si - cd.sent) * 10
	if cd.speaker {
		score -= 6
	}
	if cd.first {
		score -= 3
	}
	if cd.prep {
		score += 5
	}
	if cd.sent == si {
		score -= 2
	}
	return score
}

// organisationFor returns the organisation an "it" or "they" of sentence si
// refers to, or -1: one named in this or the previous sentence, preferably
// its subject (only a subject when subject is set). Further back "it" is as
// likely a thing.
func (c *coref) organisationFor(si int, subject bool) int {
	best, bestScore := -1, 1<<30
	for k := len(c.cands) - 1; k >= 0; k-- {
		cd := c.cands[k]
		if si-cd.sent > 1 {
			break
		}
		if c.res.Entities[cd.entity].Type != parley.Organization || subject && (!cd.first || cd.prep || cd.coord) {
			continue
		}
		if score := candScore(cd, si); score < bestScore {
			best, bestScore = cd.entity, score
		}
	}
	return best
}

// description links a definite description at token i ("the" …): a
// complement of a copula to the subject ("she was the first woman"), a role
// to the person who holds it ("the minister"), an organisation noun to the
// organisation ("the company", "the ministry").
func (c *coref) description(i, si int, s parley.Sentence) {
	if c.afterCopula(i, s) {
		c.copular(i, si, s)
		return
	}
	if c.asPredicate(i, si, s) || c.subjectApposition(i, si, s) || c.frontedApposition(i, si, s) {
		return
	}
	if end := c.ageDescription(i, s); end > 0 {
		// "the 34-year-old" stands for the person in focus, as "he" does
		if ent := c.personFor(si, lexicon.UnknownGender, lexicon.Subject, false); ent >= 0 {
			c.addNominal(i, end, ent)
		}
		return
	}
	d, roles := c.d, c.r.roles
	j := i + 1
	for j < s.Last && c.isModifier(j, s) {
		j++
	}
	if j >= s.Last || d.Tokens[j].Kind != parley.Word || c.res.At[j] >= 0 {
		return
	}
	if j+1 < s.Last && (d.Tokens[j+1].Is(parley.Cap) && d.Tokens[j+1].Kind == parley.Word || d.Lower(j+1) == "of") {
		return // "the minister Sergey Lavrov", "the head of …"
	}
	// "the newspaper chain", "the oil company": an organisation noun before
	// another is its modifier; the last one is the head
	for j+1 < s.Last && roles.Is(d.Lower(j), lexicon.OrgNoun|lexicon.OrgWord) && d.Tokens[j+1].Kind == parley.Word &&
		!d.Tokens[j+1].Is(parley.Cap) && roles.Is(d.Lower(j+1), lexicon.OrgNoun) && c.res.At[j+1] < 0 {
		j++
	}
	if j+1 < s.Last && (d.Tokens[j+1].Is(parley.Cap) && d.Tokens[j+1].Kind == parley.Word || d.Lower(j+1) == "of") {
		return // "the newspaper chain Gannett": an apposition names it
	}
	// "the chief executive", "the police officer": the last role noun heads
	for j+1 < s.Last && d.Tokens[j+1].Kind == parley.Word && !d.Tokens[j+1].Is(parley.Cap) &&
		roles.Is(d.Lower(j), lexicon.RoleNoun) && roles.Is(d.Lower(j+1), lexicon.RoleNoun) && c.res.At[j+1] < 0 {
		j++
	}
	head := d.Lower(j)
	ent := -1
	switch {
	case roles.Is(head, lexicon.RoleNoun):
		ent = c.roleHolder(si, head)
	case roles.Is(head, lexicon.OrgNoun|lexicon.OrgWord):
		ent = c.organisationNamed(si, head)
		// the modifier's kind is the narrower one: "the newspaper chain" is a media group
		if k, ok := roles.OrgKind(d.Lower(j - 1)); ok && ent < 0 && j-1 > i && roles.Is(d.Lower(j-1), lexicon.OrgNoun) {
			ent = c.organisationOfKind(si, k)
		}
		if k, ok := roles.OrgKind(head); ok && ent < 0 {
			ent = c.organisationOfKind(si, k)
		}
	}
	if ent >= 0 {
		c.addNominal(i, j+1, ent)
	}
}

// ageDescription returns the end of "the 34-year-old" (a number, a hyphen
// and "year-old" or "month-old", written as one word) starting at the
// determiner i, or 0.
func (c *coref) ageDescription(i int, s parley.Sentence) int {
	if i+3 >= s.Last {
		return 0
	}
	t := c.d.Tokens
	if t[i+1].Kind != parley.Number || t[i+2].Kind != parley.Dash || t[i+3].Kind != parley.Word ||
		t[i+1].Is(parley.SpaceAfter) || t[i+2].Is(parley.SpaceAfter) {
		return 0
	}
	switch c.d.Lower(i + 3) {
	case "year-old", "month-old":
		return i + 4
	}
	return 0
}

// isModifier reports whether token j modifies a role noun after it ("the
// former senator", "the company spokesman"); an organisation noun that ends
// the phrase ("the company said") does not.
func (c *coref) isModifier(j int, s parley.Sentence) bool {
	roles := c.r.roles
	l := c.d.Lower(j)
	if c.d.Tokens[j].Kind != parley.Word || !roles.Is(l, lexicon.RoleMod) || roles.Is(l, lexicon.RoleNoun) {
		return false
	}
	if roles.Is(l, lexicon.OrgNoun|lexicon.OrgWord) {
		return j+1 < s.Last && roles.Is(c.d.Lower(j+1), lexicon.RoleNoun|lexicon.RoleMod)
	}
	return true
}

// roleHolder returns the latest person of the last sentences whose roles
// contain the role noun head, or -1.
func (c *coref) roleHolder(si int, head string) int {
	for k := len(c.cands) - 1; k >= 0; k-- {
		cd := c.cands[k]
		if si-cd.sent > corefWindow*2 {
			break
		}
		if c.res.Entities[cd.entity].Type == parley.Person && hasRoleWord(c.res.Entities[cd.entity].Roles, head) {
			return cd.entity
		}
	}
	return -1
}

// organisationNamed returns the latest organisation of the last sentences
// whose name has the word head ("the ministry" → "Foreign Ministry"), or
// -1. A noun alone ("the group") does not say which organisation: the most
// mentioned one is as often wrong.
func (c *coref) organisationNamed(si int, head string) int {
	for k := len(c.cands) - 1; k >= 0; k-- {
		cd := c.cands[k]
		if si-cd.sent > corefWindow*2 {
			break
		}
		if e := c.res.Entities[cd.entity]; e.Type == parley.Organization && hasRoleWord([]string{e.Name}, head) {
			return cd.entity
		}
	}
	return -1
}

// organisationOfKind returns the latest organisation of the last sentences
// of kind k ("the company" → "Korvex Industries", a COMPANY), or -1. A noun
// that names a kind says which organisation when one of that kind is in
// view, where "the group" does not.
//
// For a company, an organisation whose kind the recogniser could not tell
// (OTHER) is the fallback: "AOL … The company said" names a company the
// lexicon does not know. A platform is a company too; a media group is
// not taken, since outlets are mostly named as the reporters of a story.
func (c *coref) organisationOfKind(si int, k parley.OrgKind) int {
	var others map[int]int // fallback candidates → their mentions so far
	for n := len(c.cands) - 1; n >= 0; n-- {
		cd := c.cands[n]
		if si-cd.sent > corefWindow*2 {
			break
		}
		e := c.res.Entities[cd.entity]
		if e.Type != parley.Organization {
			continue
		}
		switch ek := parley.OrgKind(e.Kind); {
		case ek == k, k == parley.Company && ek == parley.Platform:
			return c.subjectOfSentence(n, func(e *parley.Entity) bool {
				ek := parley.OrgKind(e.Kind)
				return e.Type == parley.Organization && (ek == k || k == parley.Company && ek == parley.Platform)
			})
		case k == parley.Company && ek == parley.OtherOrg:
			if others == nil {
				others = map[int]int{}
			}
			others[cd.entity] = 0
		}
	}
	return c.mostMentioned(others)
}

// subjectOfSentence returns the entity of candidate n, or, when n follows a
// preposition, of an earlier candidate of its sentence that does not and
// that ok accepts: "Gannett agreed to merge with GateHouse Media. The
// newspaper chain said …" means the subject, not the prepositional object.
func (c *coref) subjectOfSentence(n int, ok func(*parley.Entity) bool) int {
	cd := c.cands[n]
	if !cd.prep {
		return cd.entity
	}
	for m := n - 1; m >= 0 && c.cands[m].sent == cd.sent; m-- {
		if o := c.cands[m]; !o.prep && o.entity != cd.entity && ok(&c.res.Entities[o.entity]) {
			return o.entity
		}
	}
	return cd.entity
}

// mostMentioned returns the entity of cands mentioned most often so far,
// the latest on a tie, or -1 for none: the article's own subject
// ("Renault … Nissan … the firm said") over a company named in passing.
func (c *coref) mostMentioned(cands map[int]int) int {
	if len(cands) == 0 {
		return -1
	}
	best, bestN, bestLast := -1, 0, -1
	for n, cd := range c.cands {
		if _, ok := cands[cd.entity]; ok {
			cands[cd.entity]++
			if cands[cd.entity] > bestN || cands[cd.entity] == bestN && n > bestLast {
				best, bestN, bestLast = cd.entity, cands[cd.entity], n
			}
		}
	}
	return best
}

// copular links "the …" after a copula at token i to the subject of its
// clause: the latest person or organisation of the sentence before it
// that is not inside a prepositional phrase.
func (c *coref) copular(i, si int, s parley.Sentence) {
	subj := -1
	for k := len(c.cands) - 1; k >= 0 && c.cands[k].sent == si; k-- {
		if !c.cands[k].prep {
			subj = c.cands[k].entity
			break
		}
	}
	if subj < 0 {
		return
	}
	if j := c.descriptionSpan(i, si, s); j > i+1 {
		c.addNominal(i, j, subj)
	}
}

// descriptionSpan returns the end of the description "the …" at token i of
// sentence si: as descriptionEnd finds it, or past its head noun when the
// sentence can be tagged and that is further ("the first and only woman to
// …"); i+1 when the description is a possessive ("the company's chief").
func (c *coref) descriptionSpan(i, si int, s parley.Sentence) int {
	j := c.descriptionEnd(i, s)
	if j == i+1 || !c.tag(si) {
		return j
	}
	if h := c.headNoun(i, s); h >= 0 {
		if h+1 < s.Last && (c.d.Lower(h+1) == "'s" || c.d.Tok(h+1) == "’s") {
			return i + 1
		}
		return max(j, h+1) // the tagger may end the phrase too soon ("the first chief executive")
	}
	return j
}

// afterCopula reports whether "the" at token i follows a copula, maybe
// with an adverb between ("was also the").
func (c *coref) afterCopula(i int, s parley.Sentence) bool {
	k := i - 1
	if k > s.First && c.r.roles.IsCopulaAdverb(c.d.Lower(k)) {
		k--
	}
	return k >= s.First && c.r.roles.IsCopula(c.d.Lower(k))
}

// descriptionEnd returns the end of the description "the …" at token i:
// it runs to its head noun, up to a preposition, a relative, a
// conjunction, punctuation or a mention other than an adjective ("the
// next Czech composer"); i+1 when there is none ("the company's chief":
// the head is further on).
func (c *coref) descriptionEnd(i int, s parley.Sentence) int {
	j := i + 1
	for j < s.Last && j-i <= 6 && c.d.Tokens[j].Kind == parley.Word && !c.descriptionStop(c.d.Lower(j)) {
		if ref := c.res.RefAt(j); ref != nil && (ref.Kind != parley.AdjMention || ref.First != j || ref.Last != j+1) {
			break
		}
		j++
	}
	if j < s.Last && (c.d.Lower(j) == "'s" || c.d.Tok(j) == "’s") {
		return i + 1
	}
	return j
}

func (c *coref) descriptionStop(l string) bool {
	if _, ok := c.r.roles.Pronoun(l); ok {
		return true // "the one he loved": a relative clause begins
	}
	return isPreposition(l) || c.r.roles.IsCopula(l) || l == "who" || l == "which" || l == "that" || l == "and" || l == "or"
}

// addNominal records tokens [a, b) as a nominal mention of entity ent.
func (c *coref) addNominal(a, b, ent int) {
	c.added = append(c.added, ref{Span: parley.Span{Start: int(c.d.Tokens[a].Start), End: int(c.d.Tokens[b-1].End)}, First: a, Last: b,
		Entity: ent, Kind: parley.NominalMention})
	c.count[ent]++
}

// merge adds the resolved mentions to res.
func (c *coref) merge() {
	if len(c.added) == 0 {
		return
	}
	res := c.res
	res.Refs = mergeRefs(res.Refs, c.added)
	for i := range res.At {
		res.At[i] = -1
	}
	for ri, ref := range res.Refs {
		for k := ref.First; k < ref.Last; k++ {
			res.At[k] = int32(ri)
		}
	}
}

func hasRoleWord(roles []string, head string) bool {
	forms := lexicon.RoleSynonyms(head)
	if forms == nil {
		forms = []string{head}
	}
	for _, r := range roles {
		for _, w := range splitWords(r) {
			for _, f := range forms {
				if equalFoldASCII(w, f) {
					return true
				}
			}
		}
	}
	return false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == ',' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if ca >= 'A' && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if cb >= 'A' && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}

func mergeRefs(a, b []ref) []ref {
	out := make([]ref, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && a[i].First <= b[j].First) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}
