package entity

import (
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
)

// WithSyntax makes coreference tag and parse, with m, each sentence where a
// definite description needs its head noun and its relation to the clause
// ("described her as the most outstanding pupil", "born in Paris, the
// daughter of …"); the tags are written into the Doc, where later stages
// find them.
func WithSyntax(m *syntax.Model) Option {
	return func(r *Recognizer) {
		if m == nil {
			return
		}
		r.parsers = &sync.Pool{New: func() any { return m.NewParser() }}
	}
}

// tag tags sentence si the first time it is asked, and reports whether
// the sentence is tagged: false without a syntax model.
func (c *coref) tag(si int) bool { return c.annotate(si, false) }

// parse tags and parses sentence si the first time it is asked, and
// reports whether the sentence is parsed: false without a syntax model.
func (c *coref) parse(si int) bool { return c.annotate(si, true) }

// Levels of analysis of a sentence (coref.analysed).
const (
	unanalysed = iota
	tagged
	parsed
)

func (c *coref) annotate(si int, parse bool) bool {
	if c.r.parsers == nil {
		return false
	}
	if c.analysed == nil {
		c.analysed = make([]uint8, len(c.d.Sentences))
	}
	want := uint8(tagged)
	if parse {
		want = parsed
	}
	if c.analysed[si] < want {
		if c.parser == nil {
			c.parser = c.r.parsers.Get().(*syntax.Parser)
		}
		c.words = c.parser.Annotate(c.d, c.d.Sentences[si], parse, c.words)
		c.analysed[si] = want
	}
	return true
}

// release returns the parser to the recogniser's pool.
func (c *coref) release() {
	if c.parser != nil {
		c.r.parsers.Put(c.parser)
		c.parser = nil
	}
}

// headNoun returns the head noun of the description that starts with the
// determiner at token i of the parsed sentence s, or -1: the last noun of
// the run of modifiers and nouns after it ("the first ever YouTube star",
// "the first and only woman", "the number one priority"); a name inside
// is a modifier, a person's name ends the run.
func (c *coref) headNoun(i int, s parley.Sentence) int {
	head := -1
	for j := i + 1; j < s.Last && j-i <= 8; j++ {
		switch c.nounPart(j, s, head < 0) {
		case partNoun:
			head = j
		case partMod:
			if head >= 0 && !c.nounFollows(j, s) {
				return head // "the star Jeanne", "the composer later"
			}
		default:
			return head
		}
	}
	return head
}

// What a token is to the noun phrase it may be part of (see nounPart).
const (
	partStop = iota
	partNoun
	partMod
)

// nounPart says whether token j of the parsed sentence s is a noun, a
// modifier of a noun to come or neither; beforeHead says no noun came
// yet.
func (c *coref) nounPart(j int, s parley.Sentence, beforeHead bool) int {
	t := c.d.Tokens
	if t[j].Kind != parley.Word && t[j].Kind != parley.Number && t[j].Kind != parley.Dash {
		return partStop
	}
	if ref := c.res.RefAt(j); ref != nil && c.res.Entities[ref.Entity].Type == parley.Person {
		return partStop
	}
	switch t[j].POS {
	case parley.NOUN:
		return partNoun
	case parley.ADJ, parley.ADV, parley.NUM, parley.PROPN:
		return partMod
	case parley.VERB:
		// "the most gifted student"; a tagged sentence has no relations
		if t[j].Rel == parley.RelAmod || t[j].Rel == parley.NoRel && beforeHead && (c.d.XPOS(j) == "VBN" || c.d.XPOS(j) == "VBG") {
			return partMod
		}
	case parley.SYM, parley.PUNCT:
		if t[j].Kind == parley.Dash && beforeHead {
			return partMod // "the 22-year-old poet"
		}
	case parley.CCONJ:
		// "the first and only woman": modifiers joined before the noun
		if beforeHead && j+1 < s.Last && (t[j+1].POS == parley.ADJ || t[j+1].POS == parley.ADV) {
			return partMod
		}
	}
	return partStop
}

// nounFollows reports whether a noun follows the modifiers from token j
// on ("the number one priority", "the hip hop tainted thing").
func (c *coref) nounFollows(j int, s parley.Sentence) bool {
	for k := j; k < s.Last && k-j < 4; k++ {
		switch c.nounPart(k, s, false) {
		case partNoun:
			return true
		case partStop:
			return false
		}
	}
	return false
}

// asPredicate links "the …" after a preposition "as" to the person it
// says what is: the object right before "as" ("described her as the
// most outstanding pupil"), else, when the head noun is a role or a person,
// the subject of the clause ("she achieved prominence as the star of …").
// "as" as a conjunction ("as the president spoke") and "such as" are no
// predicate, nor is "as the …" after a word of acting ("starring Burt
// Lancaster as the airport manager"): that is the part played; nor a
// comparison ("the same spotlight as the likes of …", "as good as"). It reports whether it linked the description.
func (c *coref) asPredicate(i, si int, s parley.Sentence) bool {
	k := i - 1
	if k <= s.First || c.d.Lower(k) != "as" || !c.parse(si) {
		return false
	}
	t := c.d.Tokens
	if t[k].Rel != parley.RelCase {
		return false
	}
	switch t[k-1].POS {
	case parley.VERB, parley.PRON, parley.NOUN, parley.PROPN:
	default:
		return false // "such as", "as well as"
	}
	h := c.headNoun(i, s)
	if h < 0 || h+1 < s.Last && (c.d.Lower(h+1) == "'s" || c.d.Tok(h+1) == "’s") {
		return false
	}
	if h+1 < s.Last && (t[h+1].POS == parley.VERB || t[h+1].POS == parley.AUX) {
		return false // "as the minister began": a clause the parser took for a phrase
	}
	for j := s.First; j < k; j++ {
		if l := c.d.Lower(j); c.r.roles.IsActing(l) {
			return false // "starring Burt Lancaster as the airport manager": the part, not the actor
		} else if c.r.roles.IsComparison(l) || l == "as" {
			return false // "the same spotlight thrust upon him as the likes of …"
		}
	}
	ent := c.entityEndingAt(k)
	if ent < 0 {
		if !c.personNoun(c.d.Lower(h)) || t[k-1].POS == parley.PROPN {
			return false // "mocked Bono as the man who …": the object's, not known as a person
		}
		ent = c.clauseSubject(si)
	}
	if ent < 0 || c.res.Entities[ent].Type != parley.Person {
		return false
	}
	c.addNominal(i, h+1, ent)
	return true
}

// entityEndingAt returns the entity of the name or resolved pronoun that
// ends right before token k, or -1.
func (c *coref) entityEndingAt(k int) int {
	if ref := c.res.RefAt(k - 1); ref != nil && ref.Last == k {
		return ref.Entity
	}
	for n := len(c.added) - 1; n >= 0 && c.added[n].Last >= k; n-- {
		if c.added[n].Last == k && c.added[n].Kind == parley.PronounMention {
			return c.added[n].Entity
		}
	}
	return -1
}

// clauseSubject returns the person or organisation that is most likely the
// subject of sentence si so far: its latest candidate outside a
// prepositional phrase, or -1.
func (c *coref) clauseSubject(si int) int {
	for k := len(c.cands) - 1; k >= 0 && c.cands[k].sent == si; k-- {
		if !c.cands[k].prep {
			return c.cands[k].entity
		}
	}
	return -1
}

// subjectApposition links ", the …" set off after a place or a year to
// the person that is the subject of the clause ("Moreau was born in Paris,
// the daughter of …"): its head must name a person of the subject's
// gender, and it must not begin a clause ("…, the minister said"). After
// a person's name the apposition is that person's, which the recogniser
// reads as a role. It reports whether it linked the description.
func (c *coref) subjectApposition(i, si int, s parley.Sentence) bool {
	if i-2 < s.First || c.d.Tok(i-1) != "," {
		return false
	}
	t := c.d.Tokens
	if ref := c.res.RefAt(i - 2); t[i-2].Kind != parley.Number && (ref == nil || c.res.Entities[ref.Entity].Type != parley.Place) {
		return false // "his friend, the producer Quincy Jones"
	}
	if ent := c.clauseSubject(si); ent < 0 || c.res.Entities[ent].Type != parley.Person || !c.parse(si) {
		return false
	}
	h := c.headNoun(i, s)
	if h < 0 || !c.personNoun(c.d.Lower(h)) || t[h].Rel == parley.RelNsubj || t[h].Rel == parley.RelNsubjPass {
		return false // "… out of London, the mayor of Frankfurt has raised concerns"
	}
	if h+1 < s.Last && (t[h+1].POS == parley.VERB || t[h+1].POS == parley.AUX || c.d.Lower(h+1) == "'s" || c.d.Tok(h+1) == "’s" ||
		t[h+1].Kind == parley.Word && t[h+1].Is(parley.Cap)) {
		return false
	}
	ent := c.clauseSubject(si)
	if ent < 0 || c.res.Entities[ent].Type != parley.Person || !c.cands[c.lastCand(si, ent)].first {
		return false
	}
	if g, eg := c.nounGender(c.d.Lower(h)), c.res.Gender[ent]; g != lexicon.UnknownGender && eg != lexicon.UnknownGender && g != eg {
		return false
	}
	c.addNominal(i, h+1, ent)
	return true
}

// frontedApposition links a description that opens its sentence and is
// set off by a comma before the person's name that is the subject ("The
// protégé of a pope, who died in 384, Jerome was known for …"): the name
// follows a comma and a verb follows the name, and no verb stands between
// the description and that comma but in a relative clause. The name is
// not a speaker ("The minister, Hale said, …"). It reports whether it
// linked the description.
func (c *coref) frontedApposition(i, si int, s parley.Sentence) bool {
	if i != s.First || !c.personAfterComma(i, s) || !c.tag(si) {
		return false
	}
	h := c.headNoun(i, s)
	if h < 0 {
		return false
	}
	t := c.d.Tokens
	relative := false
	for j := h + 1; j+1 < s.Last; j++ {
		switch l := c.d.Lower(j); {
		case isRelativePronoun(l):
			relative = true
		case t[j].POS == parley.VERB || t[j].POS == parley.AUX:
			if !relative {
				return false
			}
		case l == ",":
			ref := c.res.RefAt(j + 1)
			if ref == nil || ref.First != j+1 || ref.Last >= s.Last || c.res.Entities[ref.Entity].Type != parley.Person {
				continue
			}
			v := ref.Last
			if t[v].POS != parley.VERB && t[v].POS != parley.AUX {
				continue
			}
			if sv, ok := c.r.speech.Lookup(c.d.Lower(v)); ok && sv.Frames != 0 {
				return false
			}
			c.addNominal(i, h+1, ref.Entity)
			return true
		}
	}
	return false
}

// verbless reports whether tokens [a, b) of sentence si hold no verb,
// by the tagger; false without a syntax model.
func (c *coref) verbless(si, a, b int) bool {
	if !c.tag(si) {
		return false
	}
	for j := a; j < b; j++ {
		if p := c.d.Tokens[j].POS; p == parley.VERB || p == parley.AUX {
			return false
		}
	}
	return true
}

// personAfterComma reports whether a person's name follows a comma after
// token i in sentence s: a cheap test before the parse.
func (c *coref) personAfterComma(i int, s parley.Sentence) bool {
	for j := i + 1; j+1 < s.Last; j++ {
		if c.d.Tok(j) != "," {
			continue
		}
		if ref := c.res.RefAt(j + 1); ref != nil && ref.First == j+1 && c.res.Entities[ref.Entity].Type == parley.Person {
			return true
		}
	}
	return false
}

// lastCand returns the index in c.cands of the latest candidate of entity
// ent in sentence si (which must exist).
func (c *coref) lastCand(si, ent int) int {
	for k := len(c.cands) - 1; k >= 0 && c.cands[k].sent == si; k-- {
		if c.cands[k].entity == ent {
			return k
		}
	}
	return -1
}

// nounGender is the gender a person noun or role says ("daughter": female).
func (c *coref) nounGender(l string) lexicon.Gender {
	if g, ok := c.r.roles.PersonNoun(l); ok {
		return g
	}
	return c.r.roles.Lookup(l).Gender
}

// personNoun reports whether the lower-case noun names a person: a role
// ("minister", "daughter") or a person noun ("man", "child").
func (c *coref) personNoun(l string) bool {
	if c.r.roles.Is(l, lexicon.RoleNoun) {
		return true
	}
	_, ok := c.r.roles.PersonNoun(l)
	return ok
}
