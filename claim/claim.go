// Package claim groups the propositions that sources take sides on: within
// an article, the quotes that assert, confirm, deny or dispute the same
// statement, with the outlets that first reported it ("as Bloomberg had
// earlier reported"); across articles, claims with the same normalised key
// and overlapping content. Each stance links to the quote that carries it,
// and a claim's status says whether it rests on one source, is corroborated
// by several, or is disputed.
package claim

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parley-news/parley"
)

// stance is a candidate stance before grouping.
type stance struct {
	parley.ClaimStance
	content parley.Span
	words   map[string]bool // content words of the proposition
	anaphor bool            // refers back to an earlier report ("the reports")
	names   map[string]bool // content words that are names (capitalised inside the text)
	// people are the persons the content names: two statements about
	// different people are different propositions ("X was held on bond",
	// "Y was held on bond").
	people   map[parley.EntityRef]bool
	quoteIdx int
	group    int
}

// Find groups the stances that the quotes of d take into claims and sets
// d.Claims, in order of their first stance; a quote that nobody else takes a
// side on, and that denies nothing, is not a claim. A stance whose source
// the entity layer does not know (an outlet named only in "as X reported",
// the possessor of "the Democrats' allegation") gets a GROUP entity, as
// unnamed quote sources do, so that every stance refers to one.
func Find(d *parley.Doc) {
	d.Claims = find(d)
	var ms []parley.Mention
	for ci := range d.Claims {
		for si := range d.Claims[ci].Stances {
			st := &d.Claims[ci].Stances[si]
			if st.Source != 0 || st.SourceName == "" {
				continue
			}
			if st.Source = d.EntityNamed(st.SourceName); st.Source == 0 {
				st.Source = d.AddEntity(parley.Entity{Type: parley.Group, Name: st.SourceName})
				sp := st.Evidence
				ms = append(ms, parley.Mention{Span: sp, First: int32(d.TokenAt(sp.Start)), Last: int32(d.TokenAt(sp.End-1) + 1),
					Entity: st.Source, Kind: parley.NameMention})
			}
		}
	}
	d.AddMentions(ms...)
}

func find(d *parley.Doc) []parley.Claim {
	src := d.Text
	var sts []*stance
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		if q.Content.End > len(src) || q.Content.Start >= q.Content.End {
			continue
		}
		content := src[q.Content.Start:q.Content.End]
		toks := words(content)
		s := &stance{
			ClaimStance: parley.ClaimStance{Source: q.Speaker, SourceName: q.SpeakerName, Quote: parley.QuoteAt(qi), Evidence: q.Content},
			content:     q.Content, words: contentWords(toks), quoteIdx: qi, group: -1,
		}
		if s.SourceName == "" && !q.SpeakerSpan.IsZero() && q.SpeakerSpan.End <= len(src) {
			s.SourceName = src[q.SpeakerSpan.Start:q.SpeakerSpan.End]
		}
		cue := strings.ToLower(q.Cue)
		// "ruled out Taliban involvement": the cue may stop before its
		// particle.
		if (cue == "ruled" || cue == "rules" || cue == "ruling") && q.CueSpan.End > 0 && q.CueSpan.End < len(src) &&
			strings.HasPrefix(strings.ToLower(strings.TrimLeft(src[q.CueSpan.End:], " ")), "out") {
			cue = "ruled out"
		}
		switch {
		case denyCues[cue]:
			s.Stance = parley.Denies
		case hasAny(toks, disputeWords):
			s.Stance = parley.Disputes
		case confirmCues[cue]:
			s.Stance = parley.Confirms
		default:
			s.Stance = parley.Asserts
		}
		s.anaphor = refersBack(toks)
		s.names = names(content, q.Content.Start, d)
		s.people = people(d, q.Content, q.Speaker)
		sts = append(sts, s)
		if r := relay(d, q); r != nil {
			sts = append(sts, r)
		}
		if s.Stance == parley.Denies || s.Stance == parley.Disputes {
			if r := allegedBy(d, content, q.Content.Start); r != nil {
				r.content, r.words, r.people = s.content, s.words, s.people
				sts = append(sts, r)
			}
		}
	}
	group(d, sts)
	sts = answers(d, sts)
	return build(d, sts)
}

// relay finds "as X (had) (earlier) reported" in the sentence of a quote:
// the outlet or person X asserted the proposition before the speaker took
// a side on it.
func relay(d *parley.Doc, q *parley.Quote) *stance {
	doc := d
	if len(doc.Tokens) == 0 {
		return nil
	}
	i := doc.TokenAt(q.Content.End)
	if i >= len(doc.Tokens) {
		return nil
	}
	si := doc.SentenceOf(i)
	if si >= len(doc.Sentences) {
		return nil
	}
	sent := doc.Sentences[si]
	for k := sent.First; k < sent.Last; k++ {
		if !strings.EqualFold(doc.Tok(k), "as") {
			continue
		}
		j := k + 1
		if j < sent.Last && strings.EqualFold(doc.Tok(j), "the") {
			j++
		}
		nameStart := j
		for j < sent.Last && doc.Tokens[j].Is(parley.Cap) && doc.Tokens[j].Kind == parley.Word {
			j++
		}
		if j == nameStart || j-nameStart > 5 {
			continue
		}
		nameEnd := j
		for j < sent.Last && j < nameEnd+3 {
			w := strings.ToLower(doc.Tok(j))
			if relayInterposed[w] {
				j++
				continue
			}
			break
		}
		if j >= sent.Last || !relayVerbs[strings.ToLower(doc.Tok(j))] {
			continue
		}
		span := parley.Span{Start: int(doc.Tokens[k].Start), End: int(doc.Tokens[j].End)}
		// The relay belongs to this quote only when it follows it closely.
		if span.Start < q.Content.Start || span.Start-q.Content.End > 40 {
			continue
		}
		nameSpan := parley.Span{Start: int(doc.Tokens[nameStart].Start), End: int(doc.Tokens[nameEnd-1].End)}
		name := doc.Text[nameSpan.Start:nameSpan.End]
		st := &stance{
			ClaimStance: parley.ClaimStance{Source: entityAt(d, nameSpan), SourceName: name, Stance: parley.Asserts, Evidence: span},
			content:     q.Content, quoteIdx: -1, group: -1,
		}
		return st
	}
	return nil
}

// entityAt returns the entity with the first mention (by entity) that
// overlaps sp, or 0.
func entityAt(d *parley.Doc, sp parley.Span) parley.EntityRef {
	var best parley.EntityRef
	for _, m := range d.Mentions {
		if m.Span.Overlaps(sp) && (best == 0 || m.Entity < best) {
			best = m.Entity
		}
	}
	return best
}

// words splits a text into lower-case word tokens, keeping inner hyphens
// and apostrophes ("three-stage", "n't").
func words(s string) []string {
	var out []string
	f := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	for _, w := range f {
		w = strings.Trim(w, "-'")
		if strings.HasSuffix(w, "n't") {
			out = append(out, strings.TrimSuffix(w, "n't"), "n't")
			continue
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// stem is a crude English stemmer: enough to match "agreed"/"agreement",
// "proposing"/"proposal".
func stem(w string) string {
	for _, suf := range stemSuffixes {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func contentWords(toks []string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range toks {
		if stopWords[w] || disputeWords[w] || len(w) < 3 {
			continue
		}
		m[stem(w)] = true
	}
	return m
}

func hasAny(toks []string, set map[string]bool) bool {
	for _, w := range toks {
		if set[w] {
			return true
		}
	}
	return false
}

// refersBack reports whether a content is about an earlier report rather
// than a proposition of its own: "the reports were fake".
func refersBack(toks []string) bool {
	for i, w := range toks {
		if reportNouns[w] && i > 0 {
			if reportDeterminers[toks[i-1]] {
				if len(toks) <= 12 {
					return true
				}
				// "… told him on Tuesday that the reports were fake": a
				// verdict on the reports close after them.
				for _, x := range toks[i+1 : min(len(toks), i+6)] {
					if disputeWords[x] {
						return true
					}
				}
			}
		}
	}
	return false
}

// similar reports whether two stances name the same proposition: most of
// the content words of the shorter one occur in the other.
func similar(a, b *stance) bool {
	if len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	n, common := 0, 0
	for w := range a.words {
		if b.words[w] {
			n++
			if !a.names[w] && !b.names[w] {
				common++
			}
		}
	}
	m := min(len(a.words), len(b.words))
	return n >= 2 && common >= 1 && float64(n) >= 0.5*float64(m) && !disjoint(a.people, b.people)
}

// maxCandidates bounds how many earlier stances a stance is compared with
// through each of its content words (and reported event types), and how far
// back an anaphoric dismissal looks: the cost of grouping stays linear in a
// long document, and what is compared is the earliest stances sharing a
// word, which is what "the first earlier similar stance" means.
const maxCandidates = 128

// group assigns each stance a group: relays join their quote, anaphoric
// dismissals the nearest earlier claim that someone asserted, and the rest
// the first earlier stance with similar content.
func group(d *parley.Doc, sts []*stance) {
	g := newGrouping(d, sts)
	next := 0
	for i, s := range sts {
		if s.quoteIdx < 0 && i > 0 {
			s.group = sts[i-1].group
			g.added(i)
			continue
		}
		if s.group = g.nested(i); s.group < 0 && s.anaphor && s.Stance != parley.Asserts {
			s.group = g.anaphoric(i)
		}
		if s.group < 0 {
			s.group = g.involvement(i)
		}
		if s.group < 0 {
			s.group = g.similar(i)
		}
		if s.group < 0 {
			s.group = next
			next++
		}
		g.added(i)
	}
}

// grouping indexes the stances grouped so far.
type grouping struct {
	d        *parley.Doc
	sts      []*stance
	reported map[parley.QuoteRef][]parley.Event // events by the quote that reports them
	byQuote  map[parley.QuoteRef]*stance
	nestedIn map[parley.QuoteRef]int           // outer quote → first stance whose quote it contains
	byWord   map[string][]int                  // content word → the first stances that have it
	byPLOVER map[string][]int                  // event type → the first stances whose quote reports one
	asserts  map[int]map[parley.EntityRef]bool // group → sources that assert or confirm it
}

func newGrouping(d *parley.Doc, sts []*stance) *grouping {
	g := &grouping{d: d, sts: sts, reported: map[parley.QuoteRef][]parley.Event{}, byQuote: map[parley.QuoteRef]*stance{},
		nestedIn: map[parley.QuoteRef]int{}, byWord: map[string][]int{}, byPLOVER: map[string][]int{},
		asserts: map[int]map[parley.EntityRef]bool{}}
	for _, e := range d.Events {
		if e.ReportedIn != 0 {
			g.reported[e.ReportedIn] = append(g.reported[e.ReportedIn], e)
		}
	}
	for _, s := range sts {
		if s.Quote != 0 {
			g.byQuote[s.Quote] = s
		}
	}
	return g
}

// added records stance i, now grouped, in the indexes.
func (g *grouping) added(i int) {
	s := g.sts[i]
	if s.quoteIdx >= 0 {
		if in := g.d.Quotes[s.quoteIdx].NestedIn; in != 0 {
			if _, ok := g.nestedIn[in]; !ok {
				g.nestedIn[in] = i
			}
		}
	}
	for w := range s.words {
		if l := g.byWord[w]; len(l) < maxCandidates {
			g.byWord[w] = append(l, i)
		}
	}
	seen := map[string]bool{}
	for _, e := range g.reported[s.Quote] {
		if l := g.byPLOVER[e.PLOVER]; !seen[e.PLOVER] && len(l) < maxCandidates {
			g.byPLOVER[e.PLOVER] = append(l, i)
			seen[e.PLOVER] = true
		}
	}
	if s.Stance == parley.Asserts || s.Stance == parley.Confirms {
		if g.asserts[s.group] == nil {
			g.asserts[s.group] = map[parley.EntityRef]bool{}
		}
		g.asserts[s.group][s.Source] = true
	}
}

// nested is the group of the quote that contains stance i's quote ("Lavrov
// said that Rubio told him the reports were fake"), or of an earlier quote
// that stance i's contains; -1 for none.
func (g *grouping) nested(i int) int {
	s := g.sts[i]
	if s.quoteIdx >= 0 {
		if in := g.d.Quotes[s.quoteIdx].NestedIn; in != 0 {
			if o := g.byQuote[in]; o != nil && o.group >= 0 {
				return o.group
			}
		}
	}
	if s.Quote != 0 {
		if j, ok := g.nestedIn[s.Quote]; ok {
			return g.sts[j].group
		}
	}
	return -1
}

// anaphoric is the group of the nearest earlier stance whose claim a source
// other than stance i's asserted, or -1.
func (g *grouping) anaphoric(i int) int {
	s := g.sts[i]
	for j := i - 1; j >= 0 && j >= i-maxCandidates; j-- {
		for src := range g.asserts[g.sts[j].group] {
			if s.Source == 0 || src != s.Source {
				return g.sts[j].group
			}
		}
	}
	return -1
}

// involvement joins a denial of someone's role ("ruled out Taliban
// involvement") to the claim that someone made, or returns -1.
func (g *grouping) involvement(i int) int {
	s := g.sts[i]
	if !(s.Stance == parley.Denies || s.Stance == parley.Disputes) || s.words == nil ||
		!(s.words[stem("involvement")] || s.words[stem("role")] || s.words[stem("responsibility")]) {
		return -1
	}
	content := g.d.Text[s.content.Start:s.content.End]
	for j := 0; j < i && j < maxCandidates; j++ {
		o := g.sts[j]
		if (o.Stance == parley.Asserts || o.Stance == parley.Confirms) && o.SourceName != "" && o.Source != s.Source &&
			hasWord(content, lastWord(o.SourceName)) {
			return o.group
		}
	}
	return -1
}

// similar is the group of the first earlier stance with similar content or
// reporting the same event, or -1. The candidates come from the postings of
// stance i's words and event types, which are in stance order: merging them
// visits the candidates in order, each once, with the number of words it
// shares, so the first match ends the search and no candidate sharing
// fewer than two words (similar needs two) is compared.
func (g *grouping) similar(i int) int {
	s := g.sts[i]
	var lists [][]int
	for w := range s.words {
		if l := g.byWord[w]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	words := len(lists)
	for _, e := range g.reported[s.Quote] {
		if l := g.byPLOVER[e.PLOVER]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	for {
		j, shared, event := -1, 0, false
		for k, l := range lists {
			switch {
			case len(l) == 0:
			case j < 0 || l[0] < j:
				j, shared, event = l[0], 0, false
				fallthrough
			case l[0] == j:
				if k < words {
					shared++
				} else {
					event = true
				}
			}
		}
		if j < 0 {
			return -1
		}
		for k, l := range lists {
			if len(l) > 0 && l[0] == j {
				lists[k] = l[1:]
			}
		}
		if shared >= 2 && similar(s, g.sts[j]) || event && sameEvent(g.reported, s, g.sts[j]) {
			return g.sts[j].group
		}
	}
}

// sameEvent reports whether two quotes report the same kind of act between
// the same parties: "the delegations had agreed to restore embassy
// staffing" and "officials had agreed to lay the groundwork" corroborate
// that the sides agreed.
func sameEvent(reported map[parley.QuoteRef][]parley.Event, x, y *stance) bool {
	if x.Quote == 0 || y.Quote == 0 || x.Quote == y.Quote || x.Stance != y.Stance {
		return false
	}
	for _, e := range reported[x.Quote] {
		for _, f := range reported[y.Quote] {
			if f.PLOVER != e.PLOVER {
				continue
			}
			if compatible(e, f) {
				return true
			}
		}
	}
	return false
}

// compatible reports whether two events are about the same parties: their
// actor countries overlap. Events without known actors say too little to
// corroborate anything.
func compatible(e, f parley.Event) bool {
	ce := countries(e)
	cf := countries(f)
	for c := range ce {
		if cf[c] {
			return true
		}
	}
	return false
}

func countries(e parley.Event) map[string]bool {
	m := map[string]bool{}
	for _, c := range []string{e.SourceCode, e.TargetCode} {
		if len(c) >= 3 && !roleOnly[c[:3]] {
			m[c[:3]] = true
		}
	}
	return m
}

// build turns groups into claims: a group is a claim when two sources take
// a side on it, or when its only source denies or disputes it.
func build(d *parley.Doc, sts []*stance) []parley.Claim {
	byGroup := map[int][]*stance{}
	var order []int
	for _, s := range sts {
		if _, ok := byGroup[s.group]; !ok {
			order = append(order, s.group)
		}
		byGroup[s.group] = append(byGroup[s.group], s)
	}
	var out []parley.Claim
	for _, g := range order {
		ss := dedupe(byGroup[g])
		sources := map[string]bool{}
		neg := false
		for _, s := range ss {
			sources[sourceKey(s)] = true
			if s.Stance == parley.Denies || s.Stance == parley.Disputes {
				neg = true
			}
		}
		// One source alone makes a claim only when it denies something
		// ("denied any knowledge of…"); a negative statement by itself
		// disputes nothing.
		if len(sources) < 2 && !(neg && hasStance(ss, parley.Denies)) {
			continue
		}
		c := parley.Claim{Text: claimText(d.Text, ss)}
		c.Key = Key(c.Text)
		for _, s := range ss {
			c.Stances = append(c.Stances, s.ClaimStance)
		}
		c.Status = statusIn(d, c.Stances)
		out = append(out, c)
	}
	return out
}

func sourceKey(s *stance) string { return stanceKey(s.ClaimStance) }

// stanceKey identifies the source of a stance: its entity, else its name.
func stanceKey(s parley.ClaimStance) string {
	if s.Source != 0 {
		return s.Source.ID()
	}
	return strings.ToLower(s.SourceName)
}

// dedupe keeps one stance per source and position (a source repeating
// itself is not corroboration).
func dedupe(ss []*stance) []*stance {
	seen := map[string]bool{}
	var out []*stance
	for _, s := range ss {
		k := sourceKey(s) + "|" + string(s.Stance)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// claimText states the proposition: the content of the first stance that
// asserts it, else of the first stance, without its leading attribution.
func claimText(src string, ss []*stance) string {
	pick := ss[0]
	for _, s := range ss {
		if s.Stance == parley.Asserts || s.Stance == parley.Confirms {
			pick = s
			break
		}
	}
	t := src[pick.content.Start:pick.content.End]
	// "according to her sources with knowledge of the talks, X" → "X"
	if strings.HasPrefix(strings.ToLower(t), "according to") {
		if i := strings.Index(t, ", "); i > 0 && i < len(t)-2 {
			t = t[i+2:]
		}
	}
	return strings.TrimSpace(t)
}

// Status summarises stances: disputed when sources take opposite sides,
// corroborated when two or more sources agree, else single-source.
func Status(ss []parley.ClaimStance) parley.ClaimStatus {
	pos, neg := map[string]bool{}, map[string]bool{}
	denied := false
	for _, s := range ss {
		k := stanceKey(s)
		switch s.Stance {
		case parley.Denies, parley.Disputes:
			neg[k] = true
			denied = denied || s.Stance == parley.Denies
		default:
			pos[k] = true
		}
	}
	switch {
	case len(neg) > 0 && len(pos) > 0:
		return parley.Disputed
	case len(neg) >= 2 && denied:
		// Several sources deny it: someone has put it forward. Negative
		// statements alone ("X was not …", "Y did not …") dispute nothing.
		return parley.Disputed
	case len(pos) >= 2:
		return parley.Corroborated
	}
	return parley.SingleSource
}

// statusIn is the status of a document's claim. A source known only by a
// pronoun ("he", "I"), which coreference left unresolved, may be any of
// the other sources, so it takes no side in the status. A claim that no
// one asserts is disputed only by two named persons or organisations: two
// unnamed labels who deny ("the Welsh striker", "the player") are, as
// often as not, one person.
func statusIn(d *parley.Doc, ss []parley.ClaimStance) parley.ClaimStatus {
	known := make([]parley.ClaimStance, 0, len(ss))
	for _, s := range ss {
		if !pronounSources[strings.ToLower(s.SourceName)] {
			known = append(known, s)
		}
	}
	st := Status(known)
	if st != parley.Disputed {
		return st
	}
	named := map[parley.EntityRef]bool{}
	for _, s := range known {
		switch s.Stance {
		case parley.Asserts, parley.Confirms:
			return st
		}
		if e := d.Entity(s.Source); e != nil && (e.Type == parley.Person || e.Type == parley.Organization) {
			named[s.Source] = true
		}
	}
	if len(named) >= 2 {
		return st
	}
	return parley.SingleSource
}

// Key is the normalised form of a claim's text used to group claims across
// articles: its content-word stems, sorted and de-duplicated.
func Key(s string) string {
	m := contentWords(words(s))
	ks := make([]string, 0, len(m))
	for w := range m {
		ks = append(ks, w)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

func hasStance(ss []*stance, st parley.Stance) bool {
	for _, s := range ss {
		if s.Stance == st {
			return true
		}
	}
	return false
}

// names returns the stems of the content words that are written
// capitalised away from the start of the content: names, which two
// statements share without being about the same thing ("Hong Kong").
func names(content string, _ int, _ *parley.Doc) map[string]bool {
	m := map[string]bool{}
	for i, w := range strings.Fields(content) {
		w = strings.Trim(w, ".,;:!?\"“”‘’'()")
		if i == 0 || w == "" {
			continue
		}
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			m[stem(strings.ToLower(w))] = true
		}
	}
	return m
}

// allegedBy finds, in a denial, the possessor of the allegation it denies
// ("the Democrats' central allegation … has been debunked"): that source
// asserts the proposition. A denial of accusations that names no accuser
// ("deny accusations of brutality") still implies one: "unnamed accusers".
func allegedBy(d *parley.Doc, content string, base int) *stance {
	if r := possessor(d, content, base); r != nil {
		return r
	}
	lc := strings.ToLower(content)
	// "what's been portrayed as an irregular channel", "the so-called
	// plan": the characterisation the denial answers is someone else's.
	for _, n := range characterisations {
		i := strings.Index(lc, n)
		if i < 0 {
			continue
		}
		sp := parley.Span{Start: base + i, End: base + i + len(n)}
		return &stance{
			ClaimStance: parley.ClaimStance{SourceName: "unnamed critics", Stance: parley.Asserts, Evidence: sp},
			quoteIdx:    -1, group: -1,
		}
	}
	for _, n := range accusationNouns {
		i := strings.Index(lc, n)
		if i < 0 {
			continue
		}
		sp := parley.Span{Start: base + i, End: base + i + len(n)}
		return &stance{
			ClaimStance: parley.ClaimStance{SourceName: "unnamed accusers", Stance: parley.Asserts, Evidence: sp},
			quoteIdx:    -1, group: -1,
		}
	}
	return nil
}

// possessor finds "X's allegation" in a denial's content.
func possessor(d *parley.Doc, content string, base int) *stance {
	toks := strings.Fields(content)
	off := 0
	for i, raw := range toks {
		at := strings.Index(content[off:], raw) + off
		off = at + len(raw)
		w := strings.TrimLeft(strings.TrimRight(raw, ".,;:"), "\"“‘")
		var name string
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(w, suf) && (len(suf) == 3 || len(suf) == 4 || strings.HasSuffix(strings.TrimSuffix(w, suf), "s")) {
				name = strings.TrimSuffix(w, suf)
				break
			}
		}
		if name == "" {
			continue
		}
		// The allegation noun follows within three words.
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			n := strings.ToLower(strings.Trim(toks[k], ".,;:\"“”‘’'"))
			if !allegationNouns[n] {
				continue
			}
			if !unicode.IsUpper([]rune(name)[0]) {
				break
			}
			lead := strings.Index(raw, name)
			sp := parley.Span{Start: base + at + lead, End: base + at + lead + len(name)}
			return &stance{
				ClaimStance: parley.ClaimStance{Source: entityAt(d, sp), SourceName: name, Stance: parley.Asserts, Evidence: sp},
				quoteIdx:    -1, group: -1,
			}
		}
	}
	return nil
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// hasWord reports whether text contains w as a whole word.
func hasWord(text, w string) bool {
	if w == "" {
		return false
	}
	for _, f := range strings.Fields(text) {
		if strings.Trim(f, ".,;:!?\"“”‘’'()") == w {
			return true
		}
	}
	return false
}
