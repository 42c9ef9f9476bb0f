package entity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
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
	gaz    Gazetteer
	roles  *lexicon.Roles
	speech *lexicon.Speech
}

// NewRecognizer returns a recogniser that uses the given lexicons.
func NewRecognizer(gaz Gazetteer, roles *lexicon.Roles, speech *lexicon.Speech) *Recognizer {
	return &Recognizer{gaz: gaz, roles: roles, speech: speech}
}

// connectors may join the words of one name ("Bank of England", "Abu al-Baghdadi").
var connectors = map[string]bool{
	"of": true, "de": true, "del": true, "della": true, "van": true, "von": true, "der": true, "den": true,
	"da": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "al": true, "bin": true, "ibn": true,
	"y": true, "el": true, "for": true, "on": true,
}

// nameConnectors may sit inside a person's name.
var nameConnectors = map[string]bool{
	"de": true, "del": true, "della": true, "van": true, "von": true, "der": true, "den": true, "da": true,
	"dos": true, "das": true, "du": true, "la": true, "le": true, "al": true, "bin": true, "ibn": true, "el": true,
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
	d     *text.Doc
	res   *Result
	lower []string // lower-case token text, filled lazily
	byKey map[string]int
	// persons by surname and by full-name key
	surnames map[string][]int
	sentIdx  []int32 // token → sentence
}

// tok and low return the text of token i, "" outside the text.
func (w *work) tok(i int) string {
	if i < 0 || i >= len(w.d.Tokens) {
		return ""
	}
	return w.d.Tok(i)
}

func (w *work) low(i int) string {
	if i < 0 || i >= len(w.lower) {
		return ""
	}
	if w.lower[i] == "" {
		s := w.d.Tok(i)
		if isLowerASCII(s) {
			w.lower[i] = s
		} else {
			w.lower[i] = strings.ToLower(s)
		}
	}
	return w.lower[i]
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Recognize finds the entities of d and their mentions.
func (r *Recognizer) Recognize(d *text.Doc) *Result {
	n := len(d.Tokens)
	w := &work{r: r, d: d, res: &Result{At: make([]int32, n)}, lower: make([]string, n),
		byKey: map[string]int{}, surnames: map[string][]int{}, sentIdx: make([]int32, n)}
	for i := range w.res.At {
		w.res.At[i] = -1
	}
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			w.sentIdx[i] = int32(si)
		}
	}
	common := w.commonWords()
	// Pass 1: capitalised chunks → full names, known names, roles.
	type pending struct{ first, last int }
	var singles []pending
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.First; i < s.Last; {
			if !w.chunkStart(i, s, common) && !w.particleStart(i, s) {
				i++
				continue
			}
			j := w.chunkEnd(i, s.Last)
			if rest := w.readChunk(i, j); rest != nil {
				singles = append(singles, pending{rest[0], rest[1]})
			}
			i = j
		}
	}
	// Pass 2: single capitalised words that are the surname (or alias) of a
	// person named in full somewhere in the article; others become
	// persons when a speech verb or a title says so.
	for _, p := range singles {
		w.readSingle(p.first, p.last)
	}
	w.sortRefs()
	w.res.Quotes = text.QuotePairs(d)
	w.res.InQuote = text.QuoteMask(d, w.res.Quotes)
	r.resolve(d, w.res, w.res.InQuote, w.low)
	return w.res
}

// commonWords returns the lower-case forms of words that the article also
// writes in lower case: such a word capitalised at the start of a sentence
// is not a name.
func (w *work) commonWords() map[string]bool {
	m := make(map[string]bool, 256)
	for i, t := range w.d.Tokens {
		if t.Kind == text.Word && !t.Is(text.Cap) {
			m[w.low(i)] = true
		}
	}
	return m
}

// stopCaps are capitalised words that never start a name.
var stopCaps = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"you": true, "but": true, "and": true, "or": true, "in": true, "on": true, "at": true, "this": true,
	"that": true, "these": true, "those": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"my": true, "your": true, "if": true, "when": true, "while": true, "after": true, "before": true, "as": true,
	"for": true, "with": true, "from": true, "by": true, "to": true, "of": true, "so": true, "yet": true,
	"there": true, "here": true, "what": true, "who": true, "why": true, "how": true, "where": true,
	"some": true, "many": true, "most": true, "one": true, "two": true, "also": true, "meanwhile": true,
	"however": true, "still": true, "then": true, "now": true, "even": true, "no": true, "not": true,
	"all": true, "both": true, "each": true, "every": true, "other": true, "another": true, "such": true,
	"last": true, "next": true, "this week": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true, "february": true,
	"march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "photo": true,
	"getty": true, "images": true, "image": true, "file": true, "read": true, "more": true, "related": true,
	"advertisement": true, "mr": false, "do": true, "does": true, "did": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"can": true, "could": true, "should": true, "may ": true, "might": true, "must": true, "says": true,
	"said": true, "according": true, "because": true, "although": true, "though": true, "since": true,
	"until": true, "unless": true, "despite": true, "under": true, "over": true, "about": true, "into": true,
	"like": true, "just": true, "only": true, "more than": true, "less": true, "very": true, "please": true,
	"thank": true, "thanks": true, "yes": true, "oh": true, "well": true, "okay": true, "ok": true, "let": true,
	"among": true, "between": true, "during": true, "without": true, "within": true, "across": true,
	"instead": true, "asked": true, "earlier": true, "later": true, "today": true, "yesterday": true,
	"tomorrow": true, "tonight": true, "dear": true, "sources": true, "officials": true,
}

func (w *work) isCapWord(i int) bool {
	t := w.d.Tokens[i]
	return t.Kind == text.Word && (t.Is(text.Cap) || t.Is(text.AllCaps))
}

func (w *work) chunkStart(i int, s text.Sentence, common map[string]bool) bool {
	if !w.isCapWord(i) {
		return false
	}
	l := w.low(i)
	if stopCaps[l] {
		// "May" and "Sun" can be names; only sentence starts and stop words are dropped
		return false
	}
	sentenceStart := i == s.First || w.d.Tokens[i-1].Kind == text.OpenQuote || w.d.Tokens[i-1].Kind == text.StraightQuote ||
		(i > s.First && (w.tok(i-1) == ":" || w.tok(i-1) == "("))
	if sentenceStart && common[l] && !w.r.roles.Is(l, lexicon.Title|lexicon.RoleNoun|lexicon.RoleMod) {
		// "Another member…", "New teams…": a common word that starts the sentence
		if _, ok := w.r.gaz.Known(w.words(i, min(i+4, s.Last))); !ok {
			return false
		}
	}
	if _, ok := w.r.speech.Lookup(l); ok && sentenceStart && common[l] {
		return false
	}
	return true
}

// isHeadlineCue reports a capitalised speech verb inside a title-case line:
// "Says", "Warns", "Tells".
func (w *work) isHeadlineCue(j int) bool {
	if !w.d.Tokens[j].Is(text.Cap) || w.d.Tokens[j].Is(text.AllCaps) {
		return false
	}
	v, ok := w.r.speech.Lookup(w.low(j))
	return ok && (v.Form == lexicon.ThirdSingular || v.Form == lexicon.Past) && v.Frames&lexicon.FrameThat != 0 && w.low(j) != "post" && w.low(j) != "report" && w.low(j) != "reports"
}

// particleStart reports a lower-case name particle that opens a surname:
// "said de Vries", "met van der Berg".
func (w *work) particleStart(i int, s text.Sentence) bool {
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
	out := make([]string, 0, b-a)
	for i := a; i < b; i++ {
		out = append(out, w.tok(i))
	}
	return out
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
		case w.isCapWord(j) && !stopCaps[w.low(j)]:
			j++
		case t.Kind == text.Punct && w.tok(j) == "." && prev.Kind == text.Word && (w.r.roles.Is(w.low(j-1), lexicon.Title) || (utf8.RuneCountInString(w.tok(j-1)) == 1 && prev.Is(text.Cap))) && j+1 < last && w.isCapWord(j+1):
			j++ // "Mr. Rubio", "Donald J. Trump"
		case t.Kind == text.Word && connectors[w.tok(j)] && j+1 < last && w.isCapWord(j+1) && !stopCaps[w.low(j+1)]:
			j++ // "Bank of England", "Secretary of State"
		case t.Kind == text.Word && w.tok(j) == "al" && j+1 < last && w.d.Tokens[j+1].Kind == text.Dash:
			j += 2
		default:
			return j
		}
	}
	return j
}

// readChunk interprets the capitalised chunk [i, j). It returns the token
// range of an unresolved single name word to revisit in pass 2, or nil.
func (w *work) readChunk(i, j int) []int {
	// trailing connectors are not part of the chunk
	for j > i+1 && w.d.Tokens[j-1].Kind == text.Word && connectors[w.tok(j-1)] {
		j--
	}
	pieces := w.pieces(i, j)
	// A lone city or region name may be a surname ("Rubio", "Washington"): decide in pass 2.
	if len(pieces) == 1 && pieces[0].kind == pKnown && pieces[0].known.Type == parley.Place && pieces[0].known.Kind != "country" && !pieces[0].known.Demonym && pieces[0].last-pieces[0].first == 1 {
		return []int{i, j}
	}
	// An organisation name ends in an organisation word ("Foreign Ministry", "Human Rights Watch").
	if lastP := pieces[len(pieces)-1]; lastP.kind != pKnown && w.r.roles.Is(w.low(j-1), lexicon.OrgWord) && w.isCapWord(j-1) && !(lastP.kind == pName && lastP.last-lastP.first >= 2 && w.looksLikePersonName(lastP)) {
		w.addOrg(i, j, pieces)
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
	nameEnd := j
	// skip the period tokens inside: they're part of the name span anyway
	nWords := 0
	for k := nameStart; k < nameEnd; k++ {
		if w.d.Tokens[k].Kind == text.Word {
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
	if w.r.roles.Is(w.low(nameEnd-1), lexicon.Thing) && !hasTitle {
		return nil // "World Championships", "Wall Street": a name, not a person's
	}
	if nWords == 1 && !hasTitle && !hasRole {
		return []int{nameStart, nameEnd}
	}
	if nWords == 1 && !hasTitle && hasRole && w.isRoleWordOnly(nameStart) {
		return nil
	}
	w.addPerson(draft)
	return nil
}

func (w *work) isRoleWordOnly(i int) bool {
	return w.r.roles.Is(w.low(i), lexicon.RoleNoun|lexicon.RoleMod)
}

// looksLikePersonName guards org detection: "Will Power" is not an org,
// but a two-word run ending in an org word is one unless it is a known surname.
func (w *work) looksLikePersonName(p piece) bool {
	_, ok := w.surnames[w.low(p.last-1)]
	return ok
}

// pieces splits the chunk [i, j) into known names, role words, connectors and name words.
func (w *work) pieces(i, j int) []piece {
	var out []piece
	for k := i; k < j; {
		t := w.d.Tokens[k]
		if t.Kind != text.Word {
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
	if n := len(out); n >= 2 && out[n-1].kind == pRole && out[n-1].last-out[n-1].first == 1 && out[n-2].kind == pName {
		out[n-1].kind = pName
	}
	return out
}

// nameNotPlace rejects a city or region match that sits inside a person's
// name: "Tammy Bruce", "Marco Rubio" when the gazetteer knows a town "Marco".
func (w *work) nameNotPlace(kn Known, k, j int, before []piece) bool {
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

// roleAt matches the longest role phrase ("Secretary of State") at token k.
func (w *work) roleAt(k, j int) (int, lexicon.RoleWord) {
	maxN := min(w.r.roles.MaxWords(), j-k)
	for n := maxN; n >= 1; n-- {
		var key string
		if n == 1 {
			key = w.low(k)
		} else {
			parts := make([]string, n)
			for m := 0; m < n; m++ {
				parts[m] = w.low(k + m)
			}
			key = strings.Join(parts, " ")
		}
		rw := w.r.roles.Lookup(key)
		if rw.Kind&(lexicon.RoleNoun|lexicon.Title|lexicon.RoleMod) != 0 {
			if n == 1 && rw.Kind&(lexicon.RoleNoun|lexicon.Title) == 0 && k+1 < j && !w.r.roles.Is(w.low(k+1), lexicon.RoleNoun|lexicon.RoleMod) {
				// a modifier alone ("Foreign") is a role word only before a role noun
				if _, ok := w.r.gaz.Known(w.words(k+1, j)); !ok {
					return 0, rw
				}
			}
			return n, rw
		}
	}
	return 0, lexicon.RoleWord{}
}

func (w *work) addKnownPieces(ps []piece) {
	for pi := 0; pi < len(ps); pi++ {
		p := ps[pi]
		if p.kind != pKnown {
			continue
		}
		kn := p.known
		// "US State Department", "Russian Foreign Ministry": a government body
		// with its country in front is named in full
		if kn.Type == parley.Place && kn.Kind == "country" && pi+1 < len(ps) && ps[pi+1].kind == pKnown && ps[pi+1].first == p.last {
			if nx := ps[pi+1].known; nx.Type == parley.Organization && nx.Country == kn.Country && nx.Country != "" {
				key := string(nx.Type) + ":" + strings.ToLower(nx.Name)
				w.addMention(parley.Entity{Type: nx.Type, Kind: nx.Kind, Name: nx.Name, Country: nx.Country, Affiliation: nx.CountryName}, p.first, ps[pi+1].last, parley.NameMention)
				if idx, ok := w.byKey[key]; ok {
					e := &w.res.Entities[idx]
					if full := w.span(p.first, ps[pi+1].last); len(full) > len(e.Name) {
						e.Aliases = append(e.Aliases, e.Name)
						e.Name = full
						e.Aliases = removeString(e.Aliases, full)
					}
				}
				pi++
				continue
			}
		}
		if kn.Ambiguous && !w.ambiguousOK(p.first, p.last) {
			continue
		}
		kind := parley.NameMention
		if kn.Demonym {
			kind = parley.AdjMention
		}
		name := kn.Name
		if kn.Type == parley.Place && kn.Kind != "country" {
			if c := strings.IndexByte(name, ','); c > 0 {
				name = name[:c]
			}
		}
		e := parley.Entity{Type: kn.Type, Kind: kn.Kind, Name: name, Country: kn.Country}
		if kn.Type == parley.Organization && kn.CountryName != "" {
			e.Affiliation = kn.CountryName
		}
		w.addMention(e, p.first, p.last, kind)
	}
}

// ambiguousOK accepts a short ambiguous name ("X", "AP") only where the
// context makes it a platform or outlet: "on X", "told AP", "AP reported".
func (w *work) ambiguousOK(a, b int) bool {
	if b < len(w.d.Tokens) && w.isCapWord(b) {
		return false // part of a longer name or title: "Vice President"
	}
	if a > 0 && w.low(a-1) == "(" && b < len(w.d.Tokens) && w.tok(b) == ")" {
		return true // a dateline credit: "HANOI (AP) —"
	}
	if a > 0 {
		switch w.low(a - 1) {
		case "on", "told", "to", "via", "from", "with", "by":
			return true
		}
	}
	if b < len(w.d.Tokens) {
		if v, ok := w.r.speech.Lookup(w.low(b)); ok && v.Frames != 0 {
			return true
		}
		if w.tok(b) == "’s" || w.tok(b) == "'s" {
			return true
		}
	}
	return false
}

func (w *work) addOrg(i, j int, pieces []piece) {
	name := w.span(i, j)
	kind := string(parley.OtherOrg)
	country, cname := "", ""
	for _, p := range pieces {
		if p.kind == pKnown {
			if country == "" {
				country, cname = p.known.Country, p.known.CountryName
			}
			if p.known.Type == parley.Organization && p.known.Kind != "" && kind == string(parley.OtherOrg) {
				kind = p.known.Kind
			}
		}
	}
	switch w.low(j - 1) {
	case "ministry", "department", "government", "cabinet", "office", "administration", "senate", "congress",
		"parliament", "assembly", "embassy", "commission", "directorate", "bureau", "secretariat", "council", "duma", "knesset":
		if country != "" || kind == string(parley.OtherOrg) {
			kind = string(parley.Government)
		}
	case "army", "navy", "forces", "force":
		kind = string(parley.Military)
	case "party":
		kind = string(parley.Party)
	case "inc", "corp", "corporation", "company", "co", "ltd", "plc", "llc", "airlines", "airways", "motors",
		"technologies", "labs", "systems", "industries", "holdings", "securities":
		kind = string(parley.Company)
	case "times", "post", "news", "journal", "herald", "tribune", "gazette", "telegraph", "guardian", "radio",
		"television", "tv", "channel", "magazine", "press", "media":
		kind = string(parley.Media)
	}
	e := parley.Entity{Type: parley.Organization, Kind: kind, Name: name, Country: country, Affiliation: cname}
	w.addMention(e, i, j, parley.NameMention)
	// the known names inside are places of their own ("Russian" in "Russian Foreign Ministry")
	w.addKnownPieces(pieces)
}

// span returns the text of tokens [a, b).
func (w *work) span(a, b int) string {
	return w.d.Text[w.d.Tokens[a].Start:w.d.Tokens[b-1].End]
}

func (w *work) rolePhraseFromPieces(pre []piece) string {
	if len(pre) == 0 {
		return ""
	}
	a, b := pre[0].first, pre[len(pre)-1].last
	// drop a leading title abbreviation ("Mr.", "Sen.") from the role
	for a < b && w.r.roles.Is(w.low(a), lexicon.Title) && !w.r.roles.Is(w.low(a), lexicon.RoleNoun) {
		a++
		for a < b && w.d.Tokens[a].Kind != text.Word {
			a++
		}
	}
	if a >= b {
		return ""
	}
	return w.span(a, b)
}

// affiliationOf picks the affiliation a role phrase gives: a media outlet
// first ("Fox News correspondent"), else a country, else an organisation's country.
func (w *work) affiliationOf(pre []piece) (string, string) {
	var country, cc, org string
	for _, p := range pre {
		if p.kind != pKnown {
			continue
		}
		k := p.known
		switch {
		case k.Type == parley.Organization && k.Kind == string(parley.Media):
			return k.Name, ""
		case k.Type == parley.Place && k.Kind == "country" || k.Demonym:
			if country == "" {
				country, cc = k.CountryName, k.Country
				if country == "" {
					country = k.Name
				}
			}
		case k.Type == parley.Organization:
			if org == "" {
				org = k.CountryName
				if org == "" {
					org = k.Name
				}
				if cc == "" {
					cc = k.Country
				}
			}
		}
	}
	if country != "" {
		return country, cc
	}
	return org, cc
}

// roleToken reports whether token k may be part of a lower-case role phrase.
func (w *work) roleToken(k int) bool {
	t := w.d.Tokens[k]
	if t.Kind == text.Possessive {
		return true
	}
	if t.Kind == text.Dash {
		return false
	}
	if t.Kind != text.Word {
		return false
	}
	l := w.low(k)
	switch l {
	case "of", "to", "for", "the", "and", "at", "in", "on":
		return true
	}
	if w.r.roles.Is(l, lexicon.RoleNoun|lexicon.RoleMod|lexicon.Body|lexicon.Title) {
		return true
	}
	return w.isCapWord(k) && !stopCaps[l]
}

// preModifier reads a lower-case role phrase that ends right before the
// name chunk at i: "senior aide to Vladimir Putin and member of the Russian
// delegation Yury Ushakov", "Putin’s aide Yury Ushakov".
//
// The chunk starts at i and its name at nameStart; known names in between
// ("China’s ambassador to Britain Liu Xiaming") belong to the phrase.
func (w *work) preModifier(i, nameStart int) (roles []string, aff, cc string, g lexicon.Gender) {
	if i == 0 {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[i]]
	prev := i - 1
	if prev < s.First || w.d.Tokens[prev].Kind != text.Word && w.d.Tokens[prev].Kind != text.Possessive {
		return nil, "", "", 0
	}
	if !w.r.roles.Is(w.low(prev), lexicon.RoleNoun|lexicon.Body) && (nameStart == i || !w.roleToken(prev)) {
		return nil, "", "", 0
	}
	a := prev
	for a-1 >= s.First && w.roleToken(a-1) && i-a < 16 {
		a--
	}
	// trim function words at the start
	for a < i && (w.d.Tokens[a].Kind != text.Word || isFunctionWord(w.low(a))) {
		a++
	}
	i = nameStart
	if a >= i {
		return nil, "", "", 0
	}
	hasRole := false
	for k := a; k < i; k++ {
		rw := w.r.roles.Lookup(w.low(k))
		if rw.Kind&lexicon.RoleNoun != 0 {
			hasRole = true
			if rw.Gender != lexicon.UnknownGender {
				g = rw.Gender
			}
		}
	}
	if !hasRole {
		return nil, "", "", 0
	}
	phrase := w.span(a, i)
	for _, part := range strings.Split(phrase, " and ") {
		if part = strings.TrimSpace(part); part != "" {
			roles = append(roles, part)
		}
	}
	aff, cc = w.affiliationOf(w.pieces(a, i))
	return roles, aff, cc, g
}

func isDeterminerWord(l string) bool {
	switch l {
	case "another", "the", "a", "an", "one", "his", "her", "their", "its":
		return true
	}
	return false
}

// isCourtesyTitle reports titles that say nothing of a role.
func isCourtesyTitle(l string) bool {
	switch l {
	case "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord":
		return true
	}
	return false
}

// isStopVerb reports words that end a descriptive phrase: auxiliaries and
// common finite verbs.
func isStopVerb(l string) bool {
	switch l {
	case "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may",
		"might", "must", "do", "does", "did", "be", "been", "being", "and", "or", "but", "as", "if", "because",
		"when", "while", "after", "before", "since", "said", "says", "told":
		return true
	}
	return false
}

func isFunctionWord(l string) bool {
	switch l {
	case "of", "to", "for", "the", "and", "at", "in", "on", "a", "an":
		return true
	}
	return false
}

// preApposition reads "Another member of the Russian delegation, NAME," where
// the role phrase opens the sentence and the name is set off by commas.
func (w *work) preApposition(i, j int) (roles []string, aff, cc string, g lexicon.Gender) {
	if i < 2 || w.tok(i-1) != "," || j >= len(w.d.Tokens) || (w.tok(j) != "," && w.kind(j) != text.Dash) {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[i]]
	a := i - 1
	for a-1 >= s.First && w.roleToken(a-1) && i-a < 14 {
		a--
	}
	if a-1 == s.First && isDeterminerWord(w.low(s.First)) {
		a = s.First // "Another member of the delegation, NAME,"
	}
	if a != s.First && !(a-1 >= s.First && w.kind(a-1) == text.OpenQuote) {
		return nil, "", "", 0
	}
	for a < i-1 && (w.d.Tokens[a].Kind != text.Word || isFunctionWord(w.low(a)) || w.low(a) == "another") {
		a++
	}
	hasRole := false
	for k := a; k < i-1; k++ {
		if rw := w.r.roles.Lookup(w.low(k)); rw.Kind&lexicon.RoleNoun != 0 {
			hasRole = true
			if rw.Gender != lexicon.UnknownGender {
				g = rw.Gender
			}
		}
	}
	if !hasRole || a >= i-1 {
		return nil, "", "", 0
	}
	roles = []string{w.span(a, i-1)}
	aff, cc = w.affiliationOf(w.pieces(a, i-1))
	return roles, aff, cc, g
}

func (w *work) kind(i int) text.Kind { return w.d.Tokens[i].Kind }

// appositive reads ", the German chancellor," after a name ending at j.
func (w *work) appositive(j int) (roles []string, aff, cc string, g lexicon.Gender) {
	n := len(w.d.Tokens)
	if j >= n || w.tok(j) != "," {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[j]]
	a := j + 1
	// skip an age: "Scholz, 66, the chancellor"
	if a < s.Last && w.d.Tokens[a].Kind == text.Number && a+1 < s.Last && w.tok(a+1) == "," {
		a += 2
	}
	if a < s.Last && w.d.Tokens[a].Kind == text.Word {
		switch w.low(a) {
		case "the", "a", "an", "his", "her", "its", "their", "another", "one", "who":
			if w.low(a) == "who" {
				return nil, "", "", 0
			}
			a++
		}
	}
	b := a
	hasRole := false
	for b < s.Last && b-a < 14 {
		t := w.d.Tokens[b]
		if t.Kind == text.Word {
			l := w.low(b)
			rw := w.r.roles.Lookup(l)
			if rw.Kind&lexicon.RoleNoun != 0 {
				hasRole = true
				if rw.Gender != lexicon.UnknownGender {
					g = rw.Gender
				}
			}
			if l == "who" || l == "which" || l == "that" {
				break
			}
			if _, ok := w.r.speech.Lookup(l); ok && hasRole {
				break
			}
			if w.roleToken(b) || l == "from" || l == "with" || l == "under" {
				b++
				continue
			}
			// descriptive words before the role noun ("new police commissioner"), or after it
			// ("professor of international studies at the University of Miami")
			if !isStopVerb(l) && (b-a < 4 || hasRole) {
				b++
				continue
			}
			break
		}
		if t.Kind == text.Possessive || (t.Kind == text.Dash && b > a && w.d.Tokens[b-1].Kind == text.Word && !w.d.Tokens[b-1].Is(text.SpaceAfter)) {
			b++
			continue
		}
		break
	}
	if !hasRole || b == a {
		return nil, "", "", 0
	}
	// the phrase must end the apposition: a comma, the end of the sentence, "who", or a verb
	if b < s.Last {
		nt := w.tok(b)
		_, isVerb := w.r.speech.Lookup(w.low(b))
		if nt != "," && nt != "." && nt != ")" && w.low(b) != "who" && !isVerb && w.d.Tokens[b].Kind != text.Dash && w.d.Tokens[b].Kind != text.CloseQuote {
			return nil, "", "", 0
		}
	}
	for b > a && isFunctionWord(w.low(b-1)) {
		b--
	}
	roles = []string{w.span(a, b)}
	aff, cc = w.affiliationOf(w.pieces(a, b))
	return roles, aff, cc, g
}

// nameWords returns the words of a name in [a, b); an initial keeps its
// period ("Peter T. King").
func (w *work) nameWords(a, b int) []string {
	var out []string
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind != text.Word {
			continue
		}
		word := w.tok(k)
		if k+1 < b && w.tok(k+1) == "." && utf8.RuneCountInString(word) == 1 {
			word += "."
		}
		out = append(out, word)
	}
	return out
}

func (w *work) addPerson(p personDraft) {
	words := w.nameWords(p.first, p.last)
	if len(words) == 0 {
		return
	}
	// drop titles inside the name ("Mr. Rubio" handled by pieces; "President" may remain)
	for len(words) > 1 && w.r.roles.Is(strings.ToLower(words[0]), lexicon.Title|lexicon.RoleNoun) {
		words = words[1:]
	}
	last := words[len(words)-1]
	// suffixes are not surnames
	if len(words) > 1 {
		switch strings.TrimSuffix(strings.ToLower(last), ".") {
		case "jr", "sr", "ii", "iii", "iv":
			last = words[len(words)-2]
		}
	}
	key := "P:" + strings.ToLower(words[0]) + " " + strings.ToLower(last)
	if len(words) > 1 && nameConnectors[words[0]] {
		// "de Vries": a surname with its particle
		if ids := w.surnames[strings.ToLower(last)]; len(ids) > 0 {
			w.attach(ids[len(ids)-1], p, parley.NameMention)
			return
		}
	}
	if len(words) == 1 {
		// a single word with a title ("Mr. Rubio"): attach to a known person with this surname,
		// the one whose roles the title repeats when several share it ("Vice President Biden")
		if ids := w.surnames[strings.ToLower(last)]; len(ids) > 0 {
			best := ids[len(ids)-1]
			for _, id := range ids {
				if sharesRoleWord(w.res.Entities[id].Roles, p.roles) {
					best = id
				}
			}
			w.attach(best, p, parley.NameMention)
			return
		}
		key = "P:" + strings.ToLower(last)
	}
	if idx, ok := w.byKey[key]; ok {
		w.attach(idx, p, parley.NameMention)
		return
	}
	e := parley.Entity{Type: parley.Person, Name: strings.Join(words, " ")}
	idx := w.newEntity(key, e)
	if len(words) > 1 {
		// the given name tells the gender pronouns need ("Maria Lopez … she")
		w.setGender(idx, w.r.roles.GivenNameGender(words[0]))
	}
	w.surnames[strings.ToLower(last)] = append(w.surnames[strings.ToLower(last)], idx)
	w.attach(idx, p, parley.NameMention)
}

// attach adds the draft's mention, roles and affiliation to entity idx.
func (w *work) attach(idx int, p personDraft, kind parley.MentionKind) {
	e := &w.res.Entities[idx]
	for _, r := range p.roles {
		if !contains(e.Roles, r) {
			e.Roles = append(e.Roles, r)
		}
	}
	if e.Affiliation == "" && p.affiliation != "" {
		e.Affiliation, e.Country = p.affiliation, p.country
	}
	if p.gender != lexicon.UnknownGender {
		w.setGender(idx, p.gender)
	}
	name := strings.Join(w.nameWords(p.first, p.last), " ")
	if name != e.Name && !contains(e.Aliases, name) && !strings.Contains(name, ".") {
		// a longer form becomes the name ("Putin" seen first, then "Vladimir Putin")
		if len(name) > len(e.Name) && strings.HasSuffix(name, e.Name) {
			e.Aliases = append(e.Aliases, e.Name)
			e.Name = name
		} else if !strings.HasSuffix(e.Name, name) || len(name) < len(e.Name) {
			e.Aliases = append(e.Aliases, name)
		}
	}
	first := p.first
	if p.mention > 0 && p.mention < first {
		first = p.mention
	}
	w.addRef(idx, first, p.last, kind)
}

func sharesRoleWord(a, b []string) bool {
	for _, x := range a {
		for _, wx := range strings.Fields(strings.ToLower(x)) {
			if len(wx) < 4 {
				continue
			}
			for _, y := range b {
				if strings.Contains(strings.ToLower(y), wx) {
					return true
				}
			}
		}
	}
	return false
}

func removeString(ss []string, s string) []string {
	out := ss[:0]
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func (w *work) newEntity(key string, e parley.Entity) int {
	idx := len(w.res.Entities)
	w.res.Entities = append(w.res.Entities, e)
	w.res.Gender = append(w.res.Gender, lexicon.UnknownGender)
	w.byKey[key] = idx
	return idx
}

func (w *work) setGender(idx int, g lexicon.Gender) {
	if w.res.Gender[idx] == lexicon.UnknownGender {
		w.res.Gender[idx] = g
	}
}

// addMention adds a mention of a non-person entity, merging by name.
func (w *work) addMention(e parley.Entity, a, b int, kind parley.MentionKind) {
	key := string(e.Type) + ":" + strings.ToLower(e.Name)
	idx, ok := w.byKey[key]
	if !ok {
		idx = w.newEntity(key, e)
	}
	surface := w.span(a, b)
	ent := &w.res.Entities[idx]
	switch {
	case kind != parley.NameMention || surface == ent.Name:
	case ent.Type == parley.Organization && len(surface) > len(ent.Name):
		// organisations are named by their fullest form in the text ("US State Department")
		ent.Aliases = append(removeString(ent.Aliases, surface), ent.Name)
		ent.Name = surface
	case !contains(ent.Aliases, surface) && !strings.EqualFold(surface, ent.Name):
		ent.Aliases = append(ent.Aliases, surface)
	}
	w.addRef(idx, a, b, kind)
}

func (w *work) addRef(idx, a, b int, kind parley.MentionKind) {
	for k := a; k < b; k++ {
		if w.res.At[k] >= 0 {
			return // already covered by an earlier mention
		}
	}
	ref := Ref{Span: parley.Span{Start: int(w.d.Tokens[a].Start), End: int(w.d.Tokens[b-1].End)}, First: a, Last: b, Entity: idx, Kind: kind}
	w.res.Refs = append(w.res.Refs, ref)
	for k := a; k < b; k++ {
		w.res.At[k] = int32(len(w.res.Refs) - 1)
	}
}

// readSingle decides what a lone capitalised word is.
func (w *work) readSingle(a, b int) {
	l := strings.ToLower(w.nameWords(a, b)[0])
	if ids := w.surnames[l]; len(ids) > 0 {
		// the most recent person with this surname, mentioned before this point
		best := ids[0]
		w.attach(best, personDraft{first: a, last: b}, parley.NameMention)
		return
	}
	// a family name written first ("Liu Xiaming" … "Liu"): the first word of exactly one person's name
	if idx, ok := w.uniqueFirstWord(l); ok {
		w.attach(idx, personDraft{first: a, last: b}, parley.NameMention)
		return
	}
	if kn, ok := w.r.gaz.Known(w.words(a, b)); ok && kn.Words == b-a {
		w.addKnownPieces([]piece{{kind: pKnown, first: a, last: b, known: kn}})
		return
	}
	// a speech verb right after it ("Trump said") or a title before it makes it a person
	if b < len(w.d.Tokens) {
		if v, ok := w.r.speech.Lookup(w.low(b)); ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular) && v.Frames&(lexicon.FrameThat|lexicon.FrameObject) != 0 {
			w.addPerson(personDraft{first: a, last: b})
			return
		}
	}
	if a >= 2 && w.d.Tokens[a-1].Kind == text.Word && !w.d.Tokens[a-1].Is(text.Cap) {
		if v, ok := w.r.speech.Lookup(w.low(a - 1)); ok && v.Frames&lexicon.FrameInverted != 0 && w.tok(a-2) == "," {
			w.addPerson(personDraft{first: a, last: b}) // "…, said Ushakov"
			return
		}
	}
}

// uniqueFirstWord returns the one multiword person whose name starts with
// the lower-case word l, when the word is not also a common given name of
// several people.
func (w *work) uniqueFirstWord(l string) (int, bool) {
	found := -1
	for i, e := range w.res.Entities {
		if e.Type != parley.Person {
			continue
		}
		sp := strings.IndexByte(e.Name, ' ')
		if sp <= 0 || !strings.EqualFold(e.Name[:sp], l) {
			continue
		}
		if found >= 0 {
			return 0, false
		}
		found = i
	}
	return found, found >= 0
}

func (w *work) sortRefs() {
	refs := w.res.Refs
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].First < refs[j].First })
	for i := range w.res.At {
		w.res.At[i] = -1
	}
	for ri, r := range refs {
		for k := r.First; k < r.Last; k++ {
			w.res.At[k] = int32(ri)
		}
	}
}
