package entity

import (
	"sync"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/text"
)

// Known is a name the gazetteer knows: a country, a nationality adjective,
// a place or an organisation.
type Known struct {
	Words       int               // tokens the name spans
	Type        parley.EntityType // Place or Organization
	Kind        string            // "country", "city", "region"; or an org kind ("MEDIA"…)
	Name        string            // canonical name ("United States" for "U.S.")
	Country     string            // ISO2 of the country the name belongs to
	CountryName string            // canonical name of that country
	Demonym     bool              // "Russian": an adjective that stands for the country
	Ambiguous   bool              // short names that need context ("X", "AP")
	Population  int               // for places: people living there (0 when unknown)
}

// Gazetteer finds the longest known name at the start of words.
type Gazetteer interface {
	Known(words []string) (Known, bool)
}

// Recognizer finds entities in segmented text. It is safe for concurrent use.
type Recognizer struct {
	gaz     Gazetteer
	roles   *lexicon.Roles
	speech  *lexicon.Speech
	model   *ner.Model
	taggers *sync.Pool // of *ner.Tagger, one per goroutine at a time
	parsers *sync.Pool // of *syntax.Parser for coreference; nil without a syntax model
	// structure tells headings, bylines and captions from prose
	structure *text.Structure
}

// NewRecognizer returns a recogniser that uses the given lexicons.
func NewRecognizer(gaz Gazetteer, roles *lexicon.Roles, speech *lexicon.Speech, opts ...Option) *Recognizer {
	r := &Recognizer{gaz: gaz, roles: roles, speech: speech}
	for _, o := range opts {
		o(r)
	}
	return r
}

// pieceKind is how one part of a capitalised chunk reads.
type pieceKind uint8

const (
	pName pieceKind = iota
	pKnown
	pRole
	pConn
)

type piece struct {
	kind        pieceKind
	first, last int // token range [first, last)
	known       Known
	role        lexicon.RoleWord
}

// person under construction.
type personDraft struct {
	first, last int // name tokens
	mention     int // first token of the mention: the title when one is attached ("Mr. Rubio")
	roles       []string
	gender      lexicon.Gender
	affiliation string
	country     string
}

// work is the state of one recognition.
type work struct {
	r     *Recognizer
	d     *parley.Doc
	res   *result
	texts []string // token text
	byKey map[string]int
	// persons by surname and by full-name key
	surnames map[string][]int
	// firstWords indexes multiword persons by the first word of their name
	firstWords map[string][]int
	// orgFirst indexes organisations of several words by their first word
	// (-1 where two share it), built before the lone words are read
	orgFirst  map[string]int
	sentIdx   []int32 // token → sentence
	mt        *modelTags
	speakers  map[string]bool     // capitalised words a speech verb follows somewhere (see speaks), built on first use
	loneTypes map[string]ner.Type // the document's type of each lone capitalised word (see singleVerdict)
	// lone capitalised words the model reads as a person in most and at
	// least lonePersonVotes of their occurrences
	lonePersons map[string]bool
}

// tok and low return the text of token i, "" outside the text.
func (w *work) tok(i int) string {
	if i < 0 || i >= len(w.d.Tokens) {
		return ""
	}
	return w.d.Tok(i)
}

func (w *work) low(i int) string { return w.d.Lower(i) }

// Recognize finds the entities of d and their mentions, and resolves
// pronouns and nominal mentions to them: it sets d.Entities and d.Mentions.
func (r *Recognizer) Recognize(d *parley.Doc) {
	res := r.recognize(d)
	d.Entities = res.Entities
	for i := range d.Entities {
		d.Entities[i].Gender = res.Gender[i]
	}
	d.Mentions = make([]parley.Mention, len(res.Refs))
	for i, rf := range res.Refs {
		d.Mentions[i] = parley.Mention{Span: rf.Span, First: int32(rf.First), Last: int32(rf.Last),
			Entity: parley.EntityAt(rf.Entity), Kind: rf.Kind}
	}
}

func (r *Recognizer) recognize(d *parley.Doc) *result {
	n := len(d.Tokens)
	texts := make([]string, n) // token texts, sliced for gazetteer lookups without allocating
	for i := range texts {
		texts[i] = d.Tok(i)
	}
	w := &work{r: r, d: d, res: &result{At: make([]int32, n)}, texts: texts,
		byKey: map[string]int{}, surnames: map[string][]int{}, firstWords: map[string][]int{}, sentIdx: make([]int32, n)}
	for i := range w.res.At {
		w.res.At[i] = -1
	}
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			w.sentIdx[i] = int32(si)
		}
	}
	if r.structure != nil {
		for i, st := range r.structure.Paragraphs(d) {
			d.Paragraphs[i].Structure = st
		}
	}
	common := w.commonWords()
	w.mt = r.tagDoc(d, texts, common)
	// Pass 1: capitalised chunks → full names, known names, roles.
	var singles [][2]int
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.First; i < s.Last; {
			if !w.chunkStart(i, s, common) && !w.particleStart(i, s) {
				i++
				continue
			}
			j := w.chunkEnd(i, s.Last)
			if rest := w.readChunk(i, j); rest != nil {
				singles = append(singles, [2]int{rest[0], rest[1]})
			}
			i = j
		}
	}
	// Pass 2: single capitalised words that are the surname (or alias) of a
	// person named in full somewhere in the article; others become
	// persons when a speech verb or a title says so.
	if w.mt != nil {
		w.voteLoneTypes(singles)
	}
	w.compoundPlaces()
	w.indexOrgFirstWords()
	for _, p := range singles {
		w.readSingle(p[0], p[1])
	}
	if w.mt != nil {
		w.addModelSpans()
	}
	w.mergeVariants()
	w.dropUnconfirmed()
	w.sortRefs()
	w.res.InQuote = make([]bool, n)
	for i, t := range d.Tokens {
		w.res.InQuote[i] = t.Is(parley.InQuote)
	}
	r.resolve(d, w.res, w.res.InQuote)
	w.res.compact()
	return w.res
}

// commonWords returns the lower-case forms of words that the article also
// writes in lower case: such a word capitalised at the start of a sentence
// is not a name.
func (w *work) commonWords() map[string]bool {
	m := make(map[string]bool, 256)
	for i, t := range w.d.Tokens {
		if t.Kind == parley.Word && !t.Is(parley.Cap) {
			m[w.low(i)] = true
		}
	}
	return m
}

func (w *work) isCapWord(i int) bool {
	t := w.d.Tokens[i]
	return t.Kind == parley.Word && (t.Is(parley.Cap) || t.Is(parley.AllCaps))
}

func (w *work) chunkStart(i int, s parley.Sentence, common map[string]bool) bool {
	if !w.isCapWord(i) {
		return false
	}
	l := w.low(i)
	if isStopCap(l) {
		// "May" and "Sun" can be names; only sentence starts and stop words are dropped
		return false
	}
	sentenceStart := i == s.First || w.d.Tokens[i-1].Kind == parley.OpenQuote || w.d.Tokens[i-1].Kind == parley.StraightQuote ||
		(i > s.First && (w.tok(i-1) == ":" || w.tok(i-1) == "("))
	if sentenceStart && common[l] && !w.r.roles.Is(l, lexicon.Title|lexicon.RoleNoun|lexicon.RoleMod) {
		// "Another member…", "New teams…": a common word that starts the sentence
		if _, ok := w.r.gaz.Known(w.words(i, min(i+4, s.Last))); !ok {
			return false
		}
	}
	// "Stated Stone:", "Added Smith, …": a past-tense verb of saying that
	// opens the sentence before its source is an inverted cue
	if v, ok := w.r.speech.Lookup(l); ok && sentenceStart && (common[l] || v.Form == lexicon.Past && v.Frames&lexicon.FrameInverted != 0) {
		return false
	}
	return true
}

// isHeadlineCue reports a capitalised speech verb inside a title-case line:
// "Says", "Warns", "Tells".
func (w *work) isHeadlineCue(j int) bool {
	if !w.d.Tokens[j].Is(parley.Cap) || w.d.Tokens[j].Is(parley.AllCaps) {
		return false
	}
	v, ok := w.r.speech.Lookup(w.low(j))
	return ok && (v.Form == lexicon.ThirdSingular || v.Form == lexicon.Past) && v.Frames&lexicon.FrameThat != 0 && w.low(j) != "post" && w.low(j) != "report" && w.low(j) != "reports"
}

// particleStart reports a lower-case name particle that opens a surname:
// "said de Vries", "met van der Berg".
func (w *work) particleStart(i int, s parley.Sentence) bool {
	if !nameConnectors[w.tok(i)] || i+1 >= s.Last || !w.isCapWord(i+1) || i > s.First && w.isCapWord(i-1) {
		return false
	}
	j := i + 1
	for j < s.Last && nameConnectors[w.tok(j)] {
		j++
	}
	_, known := w.r.gaz.Known(w.words(j, min(j+3, s.Last)))
	return !known
}

// words returns the token texts of [a, b).
func (w *work) words(a, b int) []string {
	a, b = max(a, 0), min(b, len(w.texts))
	if a >= b {
		return nil
	}
	return w.texts[a:b]
}

// chunkEnd extends a chunk that starts at i over capitalised words, initials
// and the connectors inside names.
func (w *work) chunkEnd(i, last int) int {
	j := i + 1
	// a known name may run over a possessive or lower-case word ("People’s Liberation Army")
	if kn, ok := w.r.gaz.Known(w.words(i, min(i+6, last))); ok && kn.Words > 1 {
		j = i + kn.Words
	}
	for j < last {
		t := w.d.Tokens[j]
		prev := w.d.Tokens[j-1]
		switch {
		case w.isHeadlineCue(j):
			return j // "Rubio Says Abandoning Reform Was A Sign": the verb of a title-case headline
		case w.isCapWord(j) && (!isStopCap(w.low(j)) || w.surnameAfterGiven(j, last)):
			j++
		case t.Kind == parley.Punct && w.tok(j) == "." && prev.Kind == parley.Word && (w.r.roles.Is(w.low(j-1), lexicon.Title) || (utf8.RuneCountInString(w.tok(j-1)) == 1 && prev.Is(parley.Cap))) && j+1 < last && w.isCapWord(j+1):
			j++ // "Mr. Rubio", "Donald J. Trump"
		case t.Kind == parley.Word && connectors[w.tok(j)] && j+1 < last && w.isCapWord(j+1) && !isStopCap(w.low(j+1)):
			j++ // "Bank of England", "Secretary of State"
		case t.Kind == parley.Word && w.tok(j) == "and" && w.joinedByAnd(i, j, last):
			j++ // "Centers for Disease Control and Prevention"
		case t.Kind == parley.Word && w.tok(j) == "al" && j+1 < last && w.d.Tokens[j+1].Kind == parley.Dash:
			j += 2
		default:
			return j
		}
	}
	return j
}

// surnameAfterGiven reports a capitalised stop word that follows a given name
// and so continues the name ("Theresa May said"): mid-sentence the modal or
// month would be lower case. In a title-case line ("Theresa May Says") the
// next word is capitalised too and the word is left a stop word.
func (w *work) surnameAfterGiven(j, last int) bool {
	t := w.d.Tokens[j]
	if !t.Is(parley.Cap) || t.Is(parley.AllCaps) || w.r.roles.GivenNameGender(w.tok(j-1)) == lexicon.UnknownGender {
		return false
	}
	return j+1 >= last || !w.isCapWord(j+1)
}

// readChunk interprets the capitalised chunk [i, j). It returns the token
// range of an unresolved single name word to revisit in pass 2, or nil.
func (w *work) readChunk(i, j int) []int {
	// trailing connectors are not part of the chunk
	for j > i+1 && w.d.Tokens[j-1].Kind == parley.Word && connectors[w.tok(j-1)] {
		j--
	}
	pieces := w.pieces(i, j)
	if w.address(i, j, pieces) {
		return nil
	}
	// A lone city or region name may be a surname ("Rubio", "Washington"): decide in pass 2.
	if len(pieces) == 1 && pieces[0].kind == pKnown && pieces[0].known.Type == parley.Place && pieces[0].known.Kind != "country" && !pieces[0].known.Demonym && pieces[0].last-pieces[0].first == 1 {
		return []int{i, j}
	}
	if w.mt != nil && w.modelChunk(i, j, pieces) {
		return nil
	}
	// "Department of Health and Human Services": only an institution's
	// name joins words with "and" (joinedByAnd).
	if w.andInName(i, j) {
		w.addOrg(i, j, pieces)
		return nil
	}
	// An organisation name ends in an organisation word ("Foreign Ministry", "Human Rights Watch").
	if lastP := pieces[len(pieces)-1]; lastP.kind != pKnown && w.r.roles.Is(w.low(j-1), lexicon.OrgWord) && w.isCapWord(j-1) && !(lastP.kind == pName && lastP.last-lastP.first >= 2 && w.looksLikePersonName(lastP)) {
		org := w.afterRoleOf(pieces)
		w.addOrg(org[0].first, j, org)
		return nil
	}
	// Split into: known names and roles before a trailing run of name words.
	nameStart := j
	for k := len(pieces) - 1; k >= 0 && (pieces[k].kind == pName || (pieces[k].kind == pConn && (k > 0 && pieces[k-1].kind == pName || k == 0) && nameConnectors[w.tok(pieces[k].first)])); k-- {
		nameStart = pieces[k].first
	}
	// "Peter King of New York": a person followed by "of" and a place
	if nameStart == j {
		for k := 0; k+2 < len(pieces); k++ {
			if pieces[k].kind == pName && pieces[k+1].kind == pConn && w.tok(pieces[k+1].first) == "of" && pieces[k+2].kind == pKnown {
				w.readChunk(i, pieces[k+1].first)
				w.addKnownPieces(pieces[k+2:])
				return nil
			}
		}
	}
	pre := pieces
	for k, p := range pieces {
		if p.first >= nameStart {
			pre = pieces[:k]
			break
		}
	}
	w.addKnownPieces(pre)
	if nameStart >= j {
		return nil
	}
	if w.roleOfName(pre, nameStart, j) {
		w.addOrg(nameStart, j, pieces[len(pre):])
		return nil
	}
	// strip a leading title abbreviation from the name ("Mr. Rubio" → title Mr + Rubio)
	hasTitle, hasRole := false, false
	gender := lexicon.UnknownGender
	for _, p := range pre {
		if p.kind == pRole {
			if p.role.Kind&lexicon.Title != 0 {
				hasTitle = true
			}
			if p.role.Kind&lexicon.RoleNoun != 0 {
				hasRole = true
			}
			if p.role.Gender != lexicon.UnknownGender {
				gender = p.role.Gender
			}
		}
	}
	// A role or title in the chunk says the name is a person's, whatever
	// its last word ("Prime Minister Lena Park") and whatever the model says.
	titled := hasTitle || hasRole
	nameEnd := j
	// skip the period tokens inside: they're part of the name span anyway
	nWords := 0
	for k := nameStart; k < nameEnd; k++ {
		if w.d.Tokens[k].Kind == parley.Word {
			nWords++
		}
	}
	draft := personDraft{first: nameStart, last: nameEnd, mention: nameStart, gender: gender}
	if len(pre) > 0 {
		if lp := pre[len(pre)-1]; lp.kind == pRole && lp.role.Kind&lexicon.Title != 0 && lp.last == nameStart {
			draft.mention = lp.first
		}
	}
	if len(pre) > 0 && (hasRole || hasTitle) {
		rs := w.rolePhraseFromPieces(pre)
		if rs != "" && hasRole {
			draft.roles = append(draft.roles, rs)
		} else if hasTitle && !isCourtesyTitle(w.low(pre[len(pre)-1].first)) {
			// "Sen.", "Rep.", "Lt Col": a title is a role too
			draft.roles = append(draft.roles, w.span(pre[0].first, pre[len(pre)-1].last))
		}
		draft.affiliation, draft.country = w.affiliationOf(pre)
	}
	// lower-case pre-modifiers: "senior aide to Vladimir Putin and member of the Russian delegation Yury Ushakov"
	if pf := pre; len(pf) == 0 || !hasRole {
		if roles, aff, cc, g := w.preModifier(i, nameStart); len(roles) > 0 {
			draft.roles = append(roles, draft.roles...)
			if draft.affiliation == "" {
				draft.affiliation, draft.country = aff, cc
			}
			if draft.gender == lexicon.UnknownGender {
				draft.gender = g
			}
			hasRole = true
		}
	}
	// a role set off before the name: "Another member of the delegation, Kirill Dmitriev, said"
	if roles, aff, cc, g := w.preApposition(i, nameEnd); len(roles) > 0 {
		draft.roles = append(draft.roles, roles...)
		if draft.affiliation == "" {
			draft.affiliation, draft.country = aff, cc
		}
		if draft.gender == lexicon.UnknownGender {
			draft.gender = g
		}
		hasRole = true
	}
	// appositive: "Olaf Scholz, the German chancellor,"
	if roles, aff, cc, g := w.appositive(nameEnd); len(roles) > 0 {
		draft.roles = append(draft.roles, roles...)
		if draft.affiliation == "" {
			draft.affiliation, draft.country = aff, cc
		}
		if draft.gender == lexicon.UnknownGender {
			draft.gender = g
		}
		hasRole = true
	}
	if w.r.roles.Is(w.low(nameEnd-1), lexicon.Thing) && !titled {
		return nil // "World Championships", "Wall Street": a name, not a person's
	}
	if nWords == 1 && !hasTitle && !hasRole {
		return []int{nameStart, nameEnd}
	}
	if w.mt != nil {
		if !w.personVerdict(&draft, titled, hasRole) {
			return nil
		}
		if w.wordsIn(draft.first, draft.last) == 1 && !hasTitle && !hasRole {
			return []int{draft.first, draft.last}
		}
	}
	if nWords == 1 && !hasTitle && hasRole && w.isRoleWordOnly(nameStart) {
		return nil
	}
	w.addPerson(draft)
	return nil
}

// wordsIn counts the word tokens of [a, b).
func (w *work) wordsIn(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind == parley.Word {
			n++
		}
	}
	return n
}

func (w *work) isRoleWordOnly(i int) bool {
	return w.r.roles.Is(w.low(i), lexicon.RoleNoun|lexicon.RoleMod)
}

// looksLikePersonName guards org detection: "Will Power" is not an org,
// but a two-word run ending in an org word is one unless it is a known surname.
func (w *work) looksLikePersonName(p piece) bool {
	_, ok := w.surnames[foldName(w.low(p.last-1))]
	return ok
}

// pieces splits the chunk [i, j) into known names, role words, connectors and name words.
func (w *work) pieces(i, j int) []piece {
	var out []piece
	for k := i; k < j; {
		t := w.d.Tokens[k]
		if t.Kind != parley.Word {
			// the period after a title or an initial belongs to what precedes it
			if len(out) > 0 {
				out[len(out)-1].last = k + 1
			}
			k++
			continue
		}
		if connectors[w.tok(k)] {
			out = append(out, piece{kind: pConn, first: k, last: k + 1})
			k++
			continue
		}
		if kn, ok := w.r.gaz.Known(w.words(k, j)); ok && !w.nameNotPlace(kn, k, j, out) {
			out = append(out, piece{kind: pKnown, first: k, last: k + kn.Words, known: kn})
			k += kn.Words
			continue
		}
		if n, rw := w.roleAt(k, j); n > 0 {
			out = append(out, piece{kind: pRole, first: k, last: k + n, role: rw})
			k += n
			continue
		}
		out = append(out, piece{kind: pName, first: k, last: k + 1})
		k++
	}
	if len(out) == 0 {
		out = append(out, piece{kind: pName, first: i, last: j})
	}
	// a role word after a name is a surname: "Peter T. King", "John Major"
	if n := len(out); n >= 2 && out[n-1].kind == pRole && out[n-1].last-out[n-1].first == 1 && (out[n-2].kind == pName || w.surnameAfterCourtesy(out[n-2], out[n-1])) {
		out[n-1].kind = pName
	}
	return out
}

// surnameAfterCourtesy reports a lone role word right after a courtesy
// title: "Mr. King", "Ms. Dean" name a person, since a courtesy title
// precedes a name; "Mr. President" addresses an office (address_form).
func (w *work) surnameAfterCourtesy(title, word piece) bool {
	return title.kind == pRole && title.last == word.first && isCourtesyTitle(w.low(title.first)) && !addressForms[w.low(word.first)]
}

// nameNotPlace rejects a city or region match that sits inside a person's
// name: "Tammy Bruce", "Marco Rubio" when the gazetteer knows a town "Marco".
func (w *work) nameNotPlace(kn Known, k, j int, before []piece) bool {
	if w.givenNameOfPerson(kn, k, j) {
		return true
	}
	if kn.Type != parley.Place || kn.Kind == "country" {
		return false
	}
	if len(before) > 0 && before[len(before)-1].kind == pName {
		return true // "Ana Lima"
	}
	if kn.Population >= 500000 {
		return false // a big city before a name stays a city: "Hanoi Hilton"
	}
	next := k + kn.Words
	if next < j && w.isCapWord(next) {
		if _, ok := w.r.gaz.Known(w.words(next, j)); !ok && !w.r.roles.Is(w.low(next), lexicon.RoleNoun|lexicon.OrgWord|lexicon.RoleMod) {
			return true
		}
	}
	return false
}

// span returns the text of tokens [a, b).
func (w *work) span(a, b int) string {
	return w.d.Text[w.d.Tokens[a].Start:w.d.Tokens[b-1].End]
}

func (w *work) kind(i int) parley.TokenKind { return w.d.Tokens[i].Kind }
