package claim

import "github.com/parley-news/parley"

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
		if s.quoteIdx < 0 && !s.own && i > 0 {
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
			s.group = g.opposite(i)
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

// anaphoric is the group of the nearest earlier stance that dismisses the
// same reports in the same words ("Downing Street has denied the claims
// … The prime minister's spokesman also rejected the claims"), else of
// the nearest earlier stance whose claim a source other than stance i's
// asserted, or -1.
func (g *grouping) anaphoric(i int) int {
	s := g.sts[i]
	for j := i - 1; j >= 0 && j >= i-maxCandidates; j-- {
		if o := g.sts[j]; o.anaphor && against(o) && sharesAny(o.words, s.words) {
			return o.group
		}
	}
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

// opposite is the group of the first earlier stance, from another source,
// that says the opposite effect on the same word and shares a name with
// stance i ("Hong Kong's eroding autonomy", "granting Hong Kong
// autonomy"), or -1: the two address one proposition from opposite sides,
// in words similar does not match. The name ties the two effects to one
// holder: "safeguard the integrity of the electoral system" and
// "incentives risked undermining the integrity of the system" are two
// means to one end, not two sides.
func (g *grouping) opposite(i int) int {
	s := g.sts[i]
	for w, sign := range s.effects {
		for _, j := range g.byWord[w] {
			o := g.sts[j]
			if o.effects[w] != -sign || sourceKey(o) == sourceKey(s) {
				continue
			}
			for x := range s.words {
				if x != w && o.words[x] && s.names[x] && o.names[x] {
					return o.group
				}
			}
		}
	}
	return -1
}

// sharesAny reports whether two sets of content words have one in common.
func sharesAny(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}
