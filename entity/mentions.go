package entity

// Entities and their mentions: people merged by name and surname, known names,
// organisations named by their fullest form, lone capitalised words decided last.

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

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
		if w.stateBody(p) {
			continue
		}
		kind := parley.NameMention
		if kn.Demonym {
			kind = parley.AdjMention
		}
		name := kn.Name
		if kn.Type == parley.Place {
			name = placeName(kn)
		}
		e := parley.Entity{Type: kn.Type, Kind: kn.Kind, Name: name, Country: kn.Country}
		if kn.Type == parley.Organization && kn.CountryName != "" {
			e.Affiliation = kn.CountryName
		}
		w.addMention(e, p.first, p.last, kind)
	}
}

// compoundPlaces adds the place that opens a hyphenated modifier:
// "Sacramento-based McClatchy", "a New York-based firm", "the London-born
// actor" name Sacramento, New York and London. The mention is the whole
// word, as "Russian" is one of Russia.
func (w *work) compoundPlaces() {
	for i, t := range w.d.Tokens {
		if t.Kind != parley.Word || w.res.At[i] >= 0 {
			continue
		}
		text := w.texts[i]
		h := strings.LastIndexByte(text, '-')
		if h <= 0 || !placeCompounds[strings.ToLower(text[h+1:])] {
			continue
		}
		// the longest place ending in the first part: "New York-based"
		for a := max(0, i-2); a <= i; a++ {
			if a < i && (!w.isCapWord(a) || !w.free(a, i)) {
				continue
			}
			words := append(append([]string(nil), w.texts[a:i]...), text[:h])
			kn, ok := w.r.gaz.Known(words)
			if !ok || kn.Words != len(words) || kn.Type != parley.Place || kn.Ambiguous {
				continue
			}
			w.addMention(parley.Entity{Type: parley.Place, Kind: kn.Kind, Name: placeName(kn), Country: kn.Country}, a, i+1, parley.AdjMention)
			break
		}
	}
}

// placeName is the name a known place goes by: a city or region without
// the state or country the gazetteer adds after a comma.
func placeName(kn Known) string {
	if c := strings.IndexByte(kn.Name, ','); c > 0 && kn.Kind != "country" {
		return kn.Name[:c]
	}
	return kn.Name
}

// stateBody adds "Afghan government", "Russian army", "Chinese coast guard":
// a country's name or adjective and the lower-case noun of one of its
// institutions, which is an organisation of that country. It reports
// whether it did.
func (w *work) stateBody(p piece) bool {
	kn := p.known
	if kn.Type != parley.Place || kn.Kind != "country" || p.last >= len(w.d.Tokens) || w.isCapWord(p.last) {
		return false
	}
	for n := min(2, len(w.d.Tokens)-p.last); n >= 1; n-- {
		end := p.last + n
		rw := w.r.roles.Lookup(w.lowSpan(p.last, end))
		kind := parley.Government
		switch {
		case rw.Kind&lexicon.MilBody != 0:
			kind = parley.Military
		case rw.Kind&lexicon.GovBody == 0:
			continue
		}
		if end < len(w.d.Tokens) && w.d.Tokens[end].Kind == parley.Word && w.r.roles.Is(w.low(end), lexicon.GovBody|lexicon.MilBody|lexicon.OrgWord) {
			return false // "Afghan army officers": the noun is part of a longer phrase
		}
		if !w.free(p.first, end) {
			return false
		}
		country := kn.CountryName
		if country == "" {
			country = kn.Name
		}
		w.addMention(parley.Entity{Type: parley.Organization, Kind: string(kind), Name: w.span(p.first, end), Country: kn.Country, Affiliation: country},
			p.first, end, parley.NameMention)
		return true
	}
	return false
}

// lowSpan returns the lower-case words of tokens [a, b) joined by spaces.
func (w *work) lowSpan(a, b int) string {
	if b-a == 1 {
		return w.low(a)
	}
	parts := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		parts = append(parts, w.low(k))
	}
	return strings.Join(parts, " ")
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
		if outletBefore[w.low(a-1)] {
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
	if w.kind(j-1) == parley.Word {
		j = w.abbrevPeriod(j - 1) // "McClatchy Co."
	}
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
	// The last word says the kind ("Foreign Ministry", "Acme Corp"); a
	// government word only of a country's or an organisation of no known
	// kind ("Federal Reserve Board" keeps what the gazetteer says).
	if k, ok := w.r.roles.OrgKind(w.low(w.lastWord(i, j))); ok && (k != parley.Government || country != "" || kind == string(parley.OtherOrg)) {
		kind = string(k)
	}
	// Else the noun that describes it: "the private equity firm Alden
	// Capital", "the broadcaster Sky"; not "agency", which an advertising,
	// aid or news agency is too.
	if k, ok := w.describedKind(i); ok && k != parley.Government && kind == string(parley.OtherOrg) {
		kind = string(k)
	}
	e := parley.Entity{Type: parley.Organization, Kind: kind, Name: name, Country: country, Affiliation: cname}
	w.addMention(e, i, j, parley.NameMention)
	// the known names inside are places of their own ("Russian" in "Russian Foreign Ministry")
	w.addKnownPieces(pieces)
}

// describedKind is the kind of organisation that the lower-case noun right
// before token a names, if it is one that says a kind.
func (w *work) describedKind(a int) (parley.OrgKind, bool) {
	if !w.orgDescribed(a) {
		return "", false
	}
	return w.r.roles.OrgKind(w.low(a - 1))
}

// lastWord returns the last word token of [i, j) ("Co" of "Co."), or j-1.
func (w *work) lastWord(i, j int) int {
	for k := j - 1; k > i; k-- {
		if w.kind(k) == parley.Word {
			return k
		}
	}
	return j - 1
}

// nameWords returns the words of a name in [a, b); an initial keeps its
// period ("Peter T. King").
func (w *work) nameWords(a, b int) []string {
	var out []string
	for k := a; k < b; k++ {
		if w.d.Tokens[k].Kind != parley.Word {
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
	last := w.surname(words)
	key := "P:" + foldName(words[0]) + " " + last
	if len(words) > 1 && nameConnectors[words[0]] {
		// "de Vries": a surname with its particle
		if ids := w.surnames[last]; len(ids) > 0 {
			w.attach(ids[len(ids)-1], p, parley.NameMention)
			return
		}
	}
	if len(words) == 1 {
		// a single word with a title ("Mr. Rubio"): attach to a known person with this surname,
		// the one whose roles the title repeats when several share it ("Vice President Biden")
		if ids := w.surnames[last]; len(ids) > 0 {
			best := ids[len(ids)-1]
			for _, id := range ids {
				if sharesRoleWord(w.res.Entities[id].Roles, p.roles) {
					best = id
				}
			}
			w.attach(best, p, parley.NameMention)
			return
		}
		key = "P:" + last
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
	w.surnames[last] = append(w.surnames[last], idx)
	w.attach(idx, p, parley.NameMention)
}

// surname returns the folded surname of a person's name words: the last
// word that is not a postnominal ("Jr", "MP", "OBE"), which may come
// several in a row ("Mara Quill DBE RA"). The first word stays even when
// it looks like one.
func (w *work) surname(words []string) string {
	n := len(words)
	for n > 1 && w.isNameSuffix(words[n-1]) {
		n--
	}
	return foldName(words[n-1])
}

// isNameSuffix reports whether a name word is a postnominal, with or
// without its period ("Jr.").
func (w *work) isNameSuffix(word string) bool {
	return w.r.roles.Is(strings.TrimSuffix(strings.ToLower(word), "."), lexicon.NameSuffix)
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
			w.indexFirstWord(idx)
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
	w.indexFirstWord(idx)
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
	ref := ref{Span: parley.Span{Start: int(w.d.Tokens[a].Start), End: int(w.d.Tokens[b-1].End)}, First: a, Last: b, Entity: idx, Kind: kind}
	w.res.Refs = append(w.res.Refs, ref)
	for k := a; k < b; k++ {
		w.res.At[k] = int32(len(w.res.Refs) - 1)
	}
}

// readSingle decides what a lone capitalised word is.
func (w *work) readSingle(a, b int) {
	l := strings.ToLower(w.nameWords(a, b)[0])
	if ids := w.surnames[foldName(l)]; len(ids) > 0 {
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
	if idx, ok := w.orgFirst[l]; ok && idx >= 0 && b-a == 1 {
		// "Tyvak Nano-Satellite Systems" … "Tyvak": the short form of an organisation the article names
		w.addRef(idx, a, b, parley.NameMention)
		return
	}
	if w.mt != nil && w.singleVerdict(a, b) {
		return // the document's organisation or place, or the name of a thing
	}
	// a speech verb right after it ("Trump said") or before it ("…, said
	// Ushakov") makes it a person, unless it is a word for sources
	// ("Analysts said")
	if (w.speechAfter(b) || a >= 2 && w.invertedBefore(a) || w.lonePersons[l]) && !w.r.roles.Is(l, lexicon.SourceNoun) {
		w.addPerson(personDraft{first: a, last: b})
	}
}

// indexOrgFirstWords fills w.orgFirst from the organisations found so far.
func (w *work) indexOrgFirstWords() {
	w.orgFirst = map[string]int{}
	for i, e := range w.res.Entities {
		sp := strings.IndexByte(e.Name, ' ')
		if e.Type != parley.Organization || sp <= 1 {
			continue
		}
		k := strings.ToLower(e.Name[:sp])
		if old, ok := w.orgFirst[k]; ok && old != i {
			w.orgFirst[k] = -1
			continue
		}
		w.orgFirst[k] = i
	}
}

// uniqueFirstWord returns the one multiword person whose name starts with
// the lower-case word l, when the word is not also a common given name of
// several people.
func (w *work) uniqueFirstWord(l string) (int, bool) {
	found := -1
	for _, i := range w.firstWords[l] {
		e := w.res.Entities[i]
		if e.Type != parley.Person || i == found {
			continue
		}
		sp := strings.IndexByte(e.Name, ' ')
		if sp <= 0 || !strings.EqualFold(e.Name[:sp], l) {
			continue // renamed since it was indexed
		}
		if found >= 0 {
			return 0, false
		}
		found = i
	}
	return found, found >= 0
}

// indexFirstWord records person idx under the first word of its name, for
// uniqueFirstWord; it is called whenever a person gets a (new) name.
func (w *work) indexFirstWord(idx int) {
	e := w.res.Entities[idx]
	sp := strings.IndexByte(e.Name, ' ')
	if e.Type != parley.Person || sp <= 0 {
		return
	}
	k := strings.ToLower(e.Name[:sp])
	if ids := w.firstWords[k]; len(ids) == 0 || ids[len(ids)-1] != idx {
		w.firstWords[k] = append(ids, idx)
	}
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
