package entity

// What the statistical recogniser decides in the rules' place: whether a
// capitalised chunk is a name and of which type. The rules keep the
// structure around the name (titles, roles, affiliations, canonical forms).

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/text"
)

// WithStructure makes the recogniser tell document structure (headings,
// bylines, captions, labels) from prose: a person named only there is not
// kept.
func WithStructure(s *text.Structure) Option {
	return func(r *Recognizer) { r.structure = s }
}

// modelChunk handles a chunk [i, j) that the model tags as one organisation
// or place name the gazetteer does not know whole, or as a name of
// something else ("World Cup", "iPhone"). It reports whether it did.
func (w *work) modelChunk(i, j int, pieces []piece) bool {
	if len(pieces) == 1 && pieces[0].kind == pKnown {
		return false // the gazetteer's canonical name and kind
	}
	if w.wordsIn(i, j) == 1 {
		return false // a lone word is decided with the whole document (readSingle): it may be a surname
	}
	for k, p := range pieces {
		if p.kind == pRole && p.role.Kind&lexicon.Title != 0 {
			return false // "Mr", "Gen": a person's title
		}
		if p.kind == pName && k > 0 && pieces[k-1].kind == pKnown && k+1 < len(pieces) && pieces[k+1].kind == pName && w.r.roles.GivenNameGender(w.tok(p.first)) != lexicon.UnknownGender {
			return false // "European Union Gordon Sondland": a known name, then a person's
		}
	}
	switch {
	case w.modelSpanIs(i, j, ner.Org), w.modelSpanIs(i, j, ner.Place) && w.orgHeaded(j):
		w.addOrg(i, j, pieces)
	case w.modelSpanIs(i, j, ner.Place):
		w.addPlace(i, j, pieces)
	case w.modelSpanIs(i, j, ner.Misc) && !hasKnown(pieces):
		// a product, an event, a work: no entity
	default:
		return false
	}
	return true
}

// orgHeaded reports a name [.., j) that ends in an organisation word which
// names no place: "Shares in Zentrix Group" is a company whatever the
// model makes of the "in" before it.
func (w *work) orgHeaded(j int) bool {
	l := w.low(j - 1)
	return w.r.roles.Is(l, lexicon.OrgWord) && !placeHeads[l]
}

func hasKnown(ps []piece) bool {
	for _, p := range ps {
		if p.kind == pKnown {
			return true
		}
	}
	return false
}

// addPlace adds a place the gazetteer does not know whole ("Kowloon West"),
// with the country of a known place inside it.
func (w *work) addPlace(i, j int, pieces []piece) {
	e := parley.Entity{Type: parley.Place, Name: w.span(i, j)}
	for _, p := range pieces {
		if p.kind == pKnown && p.known.Country != "" {
			e.Country = p.known.Country
			break
		}
	}
	w.addMention(e, i, j, parley.NameMention)
	w.addKnownPieces(pieces)
}

// personVerdict is what the model says of the name words [a, b) that the
// rules would make a person: keep (with the model's narrower bounds), or
// not, after adding what the model makes of them instead. Titled says the
// chunk holds a title or role ("Mr", "Foreign Minister"), described that a
// role phrase comes before or after it ("the commander of …"): that
// evidence outweighs the model's "no name", a title also its other types.
func (w *work) personVerdict(draft *personDraft, titled, described bool) bool {
	t, a, b := w.modelView(draft.first, draft.last)
	switch {
	case t == ner.Person:
		// the model's name inside the rules' ("Questioning Smith" →
		// "Smith", "Anna Berg Wins Again" → "Anna Berg"), but the rules
		// keep initials and suffixes ("Laurence H. Tribe", "Harris Jr.")
		if a > draft.first && w.d.Tokens[a-1].Kind == parley.Word {
			if draft.mention == draft.first {
				draft.mention = a
			}
			draft.first = a
		}
		if b < draft.last && w.plainWords(b, draft.last) {
			draft.last = b
		}
		return true
	case titled:
		return true // the rules' evidence holds
	case w.orgDescribed(draft.first):
		w.addOrg(draft.first, draft.last, w.pieces(draft.first, draft.last))
		return false
	case t == ner.None && (described || w.speaks(w.lowLast(draft)) || w.givenFirst(draft)):
		// the model missed an unfamiliar or sentence-initial name that a role
		// phrase describes, whose surname speaks elsewhere ("Rowling said") or
		// that opens with a given name ("Vladimir Putin’s aide …")
		return true
	case (t == ner.Org || t == ner.Place) && w.glued(draft.first) && w.r.roles.GivenNameGender(w.tok(draft.first)) != lexicon.UnknownGender:
		return true // "European Union Gordon Sondland": the model ran a known name into a person's
	case t == ner.Org:
		w.addOrg(draft.first, draft.last, w.pieces(draft.first, draft.last))
	case t == ner.Place:
		w.addPlace(draft.first, draft.last, w.pieces(draft.first, draft.last))
	}
	return false
}

// plainWords reports whether tokens [a, b) are words of two letters or
// more, none a suffix of names ("Jr"): words the model may cut off a name.
func (w *work) plainWords(a, b int) bool {
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind != parley.Word || utf8.RuneCountInString(w.tok(k)) < 2 || w.isNameSuffix(w.low(k)) {
			return false
		}
	}
	return true
}

// glued reports whether the model's span over token k starts before it,
// inside what the rules read as another name.
func (w *work) glued(k int) bool {
	return k > 0 && !w.mt.begin[k] && w.mt.typ[k-1] == w.mt.typ[k]
}

// orgDescribed reports a name right after a lower-case noun that describes
// an organisation: "oil giant Yukos", "the rights group Amnesty".
func (w *work) orgDescribed(a int) bool {
	return a > 0 && w.d.Tokens[a-1].Kind == parley.Word && !w.d.Tokens[a-1].Is(parley.Cap) && w.r.roles.Is(w.low(a-1), lexicon.OrgNoun)
}

// givenFirst reports a name of two words or more whose first is a given name.
func (w *work) givenFirst(p *personDraft) bool {
	return w.wordsIn(p.first, p.last) >= 2 && w.r.roles.GivenNameGender(w.tok(p.first)) != lexicon.UnknownGender
}

// lowLast returns the lower-case last word of a draft's name.
func (w *work) lowLast(p *personDraft) string {
	for k := p.last - 1; k >= p.first; k-- {
		if w.d.Tokens[k].Kind == parley.Word {
			return w.low(k)
		}
	}
	return ""
}

// speaks reports whether the capitalised word l (lower case) is somewhere
// in the document the speaker of a speech verb: "Rowling said", "…, said
// Rowling".
func (w *work) speaks(l string) bool {
	if w.speakers == nil {
		w.speakers = map[string]bool{}
		for i, t := range w.d.Tokens {
			if t.Kind != parley.Word || !t.Is(parley.Cap) {
				continue
			}
			if w.speechAfter(i+1) || i >= 2 && w.invertedBefore(i) {
				w.speakers[w.low(i)] = true
			}
		}
	}
	return w.speakers[l]
}

// speechAfter reports a speech verb at token k that takes a speaker before
// it ("said", "told").
func (w *work) speechAfter(k int) bool {
	if k >= len(w.d.Tokens) {
		return false
	}
	v, ok := w.r.speech.Lookup(w.low(k))
	return ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular) && v.Frames&(lexicon.FrameThat|lexicon.FrameObject) != 0
}

// invertedBefore reports ", said" before token a.
func (w *work) invertedBefore(a int) bool {
	if w.d.Tokens[a-1].Kind != parley.Word || w.d.Tokens[a-1].Is(parley.Cap) || w.tok(a-2) != "," {
		return false
	}
	v, ok := w.r.speech.Lookup(w.low(a - 1))
	return ok && v.Frames&lexicon.FrameInverted != 0
}

// singleVerdict decides a lone capitalised word [a, b) by what the
// document says of all its lone occurrences (one entity per referent: "oil
// giant Yukos" once, then "Yukos said" is the company): the model's types,
// and an organisation noun before one of them, which decides. It adds the
// organisation or place and reports whether it decided (Misc: no entity).
func (w *work) singleVerdict(a, b int) bool {
	if w.knownCompound(a) {
		return false // "US-Russian": the gazetteer's names, joined
	}
	switch w.loneTypes[w.low(a)] {
	case ner.Org:
		w.addOrg(a, b, w.pieces(a, b))
	case ner.Place:
		w.addPlace(a, b, w.pieces(a, b))
	case ner.Misc:
	default:
		return false
	}
	return true
}

// orgNounVotes is what "oil giant Yukos" counts for: the text's own word
// for what the name is outweighs the model's reading of the other mentions.
const orgNounVotes = 1000

// knownCompound reports a hyphenated word whose first part the gazetteer
// knows ("US-Russian", "Saudi-led").
func (w *work) knownCompound(k int) bool {
	word := w.tok(k)
	h := strings.IndexByte(word, '-')
	if h <= 0 {
		return false
	}
	_, ok := w.r.gaz.Known([]string{word[:h]})
	return ok
}

// voteLoneTypes fills w.loneTypes from the lone words still undecided.
func (w *work) voteLoneTypes(singles [][2]int) {
	votes := map[string]*[ner.NumTypes]int{}
	for _, p := range singles {
		l := w.low(p[0])
		v := votes[l]
		if v == nil {
			v = new([ner.NumTypes]int)
			votes[l] = v
		}
		v[w.mt.typ[p[0]]]++
		if w.orgDescribed(p[0]) {
			v[ner.Org] += orgNounVotes
		}
	}
	w.loneTypes = make(map[string]ner.Type, len(votes))
	w.lonePersons = map[string]bool{}
	for l, v := range votes {
		best := ner.None
		for t := ner.Person; t < ner.NumTypes; t++ {
			if v[t] > v[best] || best == ner.None && v[t] > 0 {
				best = t
			}
		}
		if best == ner.Misc && v[ner.Misc] <= v[ner.None] {
			best = ner.None // a thing's name only where most occurrences say so
		}
		w.loneTypes[l] = best
		// a surname the article repeats alone, which the model reads as a
		// person, is one even where no speech verb says so ("Byron fell in
		// love …"): an article that never gives the full name
		if best == ner.Person && v[ner.Person] >= lonePersonVotes {
			w.lonePersons[l] = true
		}
	}
}

// lonePersonVotes is how many of a lone word's occurrences the model must
// read as a person for the word to be one without a speech verb. Two made
// people of teams and firms an article names three times ("the Steelers");
// from three to five, GUM's pronouns resolve alike, and four kept the
// examples' people as precise as without the rule.
const lonePersonVotes = 4

// addModelSpans adds the organisations and places the model finds where
// the rules found nothing: names the gazetteers do not know and chunks the
// rules left aside.
func (w *work) addModelSpans() {
	n := len(w.mt.typ)
	for a := 0; a < n; {
		t := w.mt.typ[a]
		if t != ner.Org && t != ner.Place || !w.mt.begin[a] {
			a++
			continue
		}
		b := a + 1
		for b < n && w.mt.typ[b] == t && !w.mt.begin[b] {
			b++
		}
		if w.free(a, b) && w.isCapWord(a) && w.isCapWord(b-1) && !(b == a+1 && w.knownCompound(a)) {
			if t == ner.Org || w.orgHeaded(b) {
				w.addOrg(a, b, w.pieces(a, b))
			} else {
				w.addPlace(a, b, w.pieces(a, b))
			}
		}
		a = b
	}
}

// free reports whether no mention covers a token of [a, b).
func (w *work) free(a, b int) bool {
	for k := a; k < b; k++ {
		if w.res.At[k] >= 0 {
			return false
		}
	}
	return true
}

// dropUnconfirmed removes the mentions of people named only in document
// structure (a heading, a caption, a byline): the body never names them.
func (w *work) dropUnconfirmed() {
	if w.r.structure == nil {
		return
	}
	confirmed := make([]bool, len(w.res.Entities))
	for _, rf := range w.res.Refs {
		if rf.Kind == parley.NameMention && !w.d.Paragraphs[w.d.Sentences[w.sentIdx[rf.First]].Para].Structure {
			confirmed[rf.Entity] = true
		}
	}
	refs := w.res.Refs[:0]
	for _, rf := range w.res.Refs {
		if w.res.Entities[rf.Entity].Type == parley.Person && !confirmed[rf.Entity] {
			continue
		}
		refs = append(refs, rf)
	}
	w.res.Refs = refs
}

// compact removes the people left without a mention and renumbers the
// mentions' entities.
func (res *result) compact() {
	used := make([]bool, len(res.Entities))
	for _, rf := range res.Refs {
		used[rf.Entity] = true
	}
	newIdx := make([]int, len(res.Entities))
	ents, genders := res.Entities[:0], res.Gender[:0]
	for i, e := range res.Entities {
		if !used[i] && e.Type == parley.Person {
			newIdx[i] = -1
			continue
		}
		newIdx[i] = len(ents)
		ents = append(ents, e)
		genders = append(genders, res.Gender[i])
	}
	res.Entities, res.Gender = ents, genders
	for k := range res.Refs {
		res.Refs[k].Entity = newIdx[res.Refs[k].Entity]
	}
}

// mergeVariants makes one entity of a person named by a single word and the
// one person named in full whose surname it is or spells differently
// ("Mr Nadal" before "Rafael Nadal"; "Zelenskyy" beside "Volodymyr
// Zelensky"): the single word was read before the full name was known, or
// transliterated otherwise.
func (w *work) mergeVariants() {
	into := make([]int, len(w.res.Entities))
	for i := range into {
		into[i] = -1
	}
	merged := false
	for i, e := range w.res.Entities {
		if e.Type != parley.Person || strings.IndexByte(e.Name, ' ') >= 0 {
			continue
		}
		target := -1
		for j, f := range w.res.Entities {
			if j == i || f.Type != parley.Person || !surnameVariant(e.Name, f.Name) {
				continue
			}
			if target >= 0 {
				target = -2 // two people could be meant: leave it
				break
			}
			target = j
		}
		if target >= 0 {
			into[i], merged = target, true
			t := &w.res.Entities[target]
			for _, r := range e.Roles {
				if !contains(t.Roles, r) {
					t.Roles = append(t.Roles, r)
				}
			}
			if !contains(t.Aliases, e.Name) {
				t.Aliases = append(t.Aliases, e.Name)
			}
			if t.Affiliation == "" {
				t.Affiliation, t.Country = e.Affiliation, e.Country
			}
			w.setGender(target, w.res.Gender[i])
		}
	}
	if !merged {
		return
	}
	for k := range w.res.Refs {
		if t := into[w.res.Refs[k].Entity]; t >= 0 {
			w.res.Refs[k].Entity = t
		}
	}
}

// surnameVariant reports whether the single word name is the surname of the
// multiword person name full, or the same surname spelled with at most one
// letter more, less or other ("Zelenskyy", "Zelensky") when both are long.
func surnameVariant(name, full string) bool {
	sp := strings.LastIndexByte(full, ' ')
	if sp < 0 {
		return false
	}
	last := full[sp+1:]
	if strings.EqualFold(name, last) {
		return true
	}
	if len(name) < 6 || len(last) < 6 || name[0] != last[0] {
		return false
	}
	return editDistance1(strings.ToLower(name), strings.ToLower(last))
}

// editDistance1 reports whether a and b differ by at most one inserted,
// deleted or replaced byte.
func editDistance1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
