package event

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// trig is a matched event trigger.
type trig struct {
	first, last int    // trigger tokens
	consumed    int    // end of the words the pattern or complement used
	code        string // CAMEO code
	negated     bool
	passive     bool
	noun        bool
	future      bool
	// hypothetical: a threat made of a modal ("could harm", "would hurt"),
	// not an announced act ("will impose", "plans to")
	hypothetical bool
	// src and tgt, when set (>= 0), fix the actors by index into
	// sentence.actors, for constructions that say who is who.
	src, tgt int
	demand   bool
	// thatClause is the first token of the demanded clause, 0 if none.
	thatClause int
	reversed   bool // the subject undergoes the act ("faced criticism")
	// pending: a one-word verb trigger whose verb reading (verbLike) is
	// still to be checked, once the trigger would make an event
	pending bool
}

// verbAt returns the longest verb form starting at token i in d.
func verbAt(d *verbDict, words []string, i int) (*verb, int) {
	if i < 0 || i >= len(words) {
		return nil, 0
	}
	var best *verb
	bn := 0
	for _, v := range d.forms[words[i]] {
		n := len(v.words)
		if n <= bn || i+n > len(words) {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if words[i+k] != v.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best, bn = v, n
		}
	}
	return best, bn
}

// firstVerb is the verb that decides: parley's overlay before PETRARCH's.
func firstVerb(ov, bv *verb) *verb {
	if ov != nil {
		return ov
	}
	return bv
}

func (s *sentence) inActor(i int) bool {
	return i >= 0 && i < len(s.actorAt) && s.actorAt[i] >= 0
}

// trigger finds the event trigger at token i, if any, with its code after
// patterns, complements, negation and modality.
func (c *Coder) trigger(s *sentence, i int) (trig, bool) {
	if s.caps[i] && i > 0 && !s.upper {
		return trig{}, false
	}
	if t, ok := demandAt(s, i); ok {
		return t, true
	}
	if s.inActor(i) || s.flags[i]&(keyVerb|keyNoun) == 0 {
		return trig{}, false
	}
	ov, on := verbAt(c.overlay, s.words, i)
	bv, bn := verbAt(c.verbs, s.words, i)
	prevDet := i > 0 && determiners[s.words[i-1]] && !adverbBeforePast(s, i)
	if (ov != nil || bv != nil) && !prevDet {
		n := max(on, bn)
		if nc, _ := c.nouns.match(s.words, i); nc == "" {
			// No noun reading to fall back on: whether the word is a verb
			// (verbLike, which tags the sentence) need be asked only of a
			// trigger that would make an event (trig.pending).
			t, ok := c.verbTrigger(s, trig{first: i, last: i + n}, ov, bv)
			if !ok {
				return trig{}, false
			}
			if t.first == i && t.last == i+1 && t.consumed <= t.last {
				t.pending = true
				return t, true
			}
			return t, verbLike(s, i, n)
		}
		if verbLike(s, i, n) {
			return c.verbTrigger(s, trig{first: i, last: i + n}, ov, bv)
		}
	}
	if e := c.nouns.entry(s.words, i); e != nil {
		n := len(e.words)
		if (!nounContext(s, i, n) || backReference(s, i)) && !investigated(s, e.code) {
			return trig{}, false
		}
		t := trig{first: i, last: i + n, code: e.code, noun: true, reversed: e.reversed}
		return c.modality(s, t)
	}
	return trig{}, false
}

// adverbBeforePast reports whether the determiner before word i is a time
// adverb instead, before a past form and with no determiner of its own:
// "he first discussed", not "the first talks" or "the first accused". A
// determiner before a word otherwise makes it a noun.
func adverbBeforePast(s *sentence, i int) bool {
	w, prev := s.words[i], s.words[i-1]
	return timeWords[prev] && (i < 2 || !determiners[s.words[i-2]]) && (strings.HasSuffix(w, "ED") || pastIrregular[w])
}

// verbTrigger codes the dictionary verb at t from its patterns,
// complements, negation and modality.
func (c *Coder) verbTrigger(s *sentence, t trig, ov, bv *verb) (trig, bool) {
	code, end, rev, ok := c.chooseCodeDir(s, t, ov, bv)
	if !ok {
		return trig{}, false
	}
	t.code, t.consumed, t.reversed = code, end, rev
	if v := firstVerb(ov, bv); v.lemma == "WARN" && code == "130" && !c.threatening(s, t) {
		t.code = "012"
	}
	// "demanded that Hamas renounce…": the that-clause is what is
	// demanded, not an act of its own.
	if r := code[:2]; (r == "10" || r == "02") && end < len(s.words) && s.words[end] == "THAT" {
		k := end + 1
		for k < len(s.words) && k < end+12 && s.words[k] != "," && s.words[k] != ";" {
			k++
		}
		t.consumed, t.thatClause = k, end+1
	}
	return c.modality(s, t)
}

// nounContext reports whether a noun trigger is used as an event: with a
// determiner, possessive or modifier before it, or a participant after it.
func nounContext(s *sentence, i, n int) bool {
	if lightVerb(s, i) {
		return true
	}
	if i > 0 {
		p := s.words[i-1]
		if determiners[p] || s.inActor(i-1) || strings.HasSuffix(p, "-LED") || s.kinds[i-1] == parley.Number || stanceModifier(p) {
			return true
		}
		// a possessive before one modifier: "the ministry's curfew ban"
		if i > 1 && s.words[i-2] == "'S" && s.kinds[i-1] == parley.Word {
			return true
		}
	}
	// A phrase that ends in its participant's preposition ("cases
	// against", "hearing into") has the participant after it.
	if i+n < len(s.words) {
		if nounTriggerPreps[s.words[i+n]] || n > 1 && nounTriggerPreps[s.words[i+n-1]] {
			return true
		}
	}
	return false
}

// chooseCode applies the patterns of the verb's blocks (parley's overlay
// first) and returns the code and the end of the words the pattern used.
func (c *Coder) chooseCode(s *sentence, t trig, ov, bv *verb) (string, int, bool) {
	code, end, _, ok := c.chooseCodeDir(s, t, ov, bv)
	return code, end, ok
}

// chooseCodeDir is chooseCode that also says whether the pattern reverses
// the roles.
func (c *Coder) chooseCodeDir(s *sentence, t trig, ov, bv *verb) (string, int, bool, bool) {
	bestScore, bestCode, bestEnd, bestRev := -1, "", t.last, false
	var cand []int
	try := func(b *block) {
		if b == nil {
			return
		}
		// Only the patterns whose first word follows the verb closely can
		// match; try them in file order so that ties go to the first.
		cand = append(cand[:0], b.noPost...)
		for k := t.last; k < len(s.words) && k < t.last+firstReach+partitiveReach; k++ {
			cand = append(cand, b.byFirst[s.words[k]]...)
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		for _, pi := range cand {
			p := b.patterns[pi]
			sc := len(p.pre) + len(p.post)
			if sc <= bestScore {
				continue
			}
			end, ok := matchPattern(s, t, p)
			if ok {
				bestScore, bestCode, bestEnd, bestRev = sc, p.code, end, p.reversed
			}
		}
	}
	if ov != nil {
		try(ov.block)
	}
	if bv != nil && (ov == nil || !strings.HasSuffix(ov.block.lemma, "_ONLY")) {
		try(bv.block)
	}
	if bestScore >= 0 {
		return bestCode, bestEnd, bestRev, bestCode != ""
	}
	// parley's overlay is authoritative for the verbs it lists.
	code := ""
	if ov != nil {
		code = ov.code
	} else if bv != nil {
		code = bv.code
	}
	return code, t.last, false, code != ""
}

// firstReach is how far after the verb a pattern's first object word may
// stand, behind a determiner and modifiers; partitiveReach is how much
// farther a partitive and "of" take it ("drew a huge storm of sharp
// criticism").
const (
	firstReach     = 6
	partitiveReach = 2
)

// matchPattern checks the pattern's items in order before and after the
// verb, inside the clause.
func matchPattern(s *sentence, t trig, p pattern) (int, bool) {
	k := t.first - 1
	for j := len(p.pre) - 1; j >= 0; j-- {
		found := false
		for lim := k - 3; k >= 0 && k >= lim; k-- {
			if itemEq(s.words[k], p.pre[j]) {
				found = true
				k--
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	k = t.last
	end := t.last
	for j, it := range p.post {
		found := false
		// The first word may sit behind a determiner and modifiers; the
		// next ones follow closely, as in the object phrase.
		lim := k + 3
		if j == 0 {
			lim = k + firstReach // behind a determiner and modifiers: "stiff international criticism"
		}
		for ; k < len(s.words) && k < lim; k++ {
			w := s.words[k]
			if j == 0 && w == "OF" && k > t.last && partitives[s.words[k-1]] {
				lim += partitiveReach // "drew a storm of criticism": the object is behind "of"
				continue
			}
			if j == 0 && k > t.last && (prepositions[w] || s.kinds[k] == parley.Punct) && !itemEq(w, it) {
				return 0, false // "held after the talks": not the object
			}
			if w == ";" || w == "SAID" || w == "SAYS" || w == "." {
				return 0, false
			}
			if itemEq(w, it) {
				found = true
				end = k + 1
				k++
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return end, true
}

func itemEq(w string, it item) bool {
	for _, a := range it {
		if wordEq(w, a, true) {
			return true
		}
	}
	return false
}

// modality applies the words before the trigger (negation, modal and future
// auxiliaries) and a "to"-complement after it.
func (c *Coder) modality(s *sentence, t trig) (trig, bool) {
	root := t.code[:2]
	// Complement: "agreed to restore", "refused to meet", "plans to visit".
	if !t.noun {
		k := t.consumed
		// "agreed in principle on Saturday to provide": adverbials may
		// stand between the verb and its complement.
		for j := k; j < len(s.words) && j < k+5; j++ {
			w := s.words[j]
			if w == "TO" {
				k = j
				break
			}
			if !(timeWords[w] || w == "IN" || w == "PRINCIPLE" || strings.HasSuffix(w, "LY") && len(w) > 3) {
				break
			}
		}
		if k < len(s.words) && s.words[k] == "TO" && k+1 < len(s.words) {
			j := k + 1
			if s.kinds[j] == parley.OpenQuote || s.kinds[j] == parley.StraightQuote {
				j++ // agreed to “lay the groundwork…”
			}
			ov, on := verbAt(c.overlay, s.words, j)
			bv, bn := verbAt(c.verbs, s.words, j)
			if j < len(s.words) && (ov != nil || bv != nil) {
				t2 := trig{first: j, last: j + max(on, bn)}
				if code2, end2, ok := c.chooseCode(s, t2, ov, bv); ok {
					r2 := code2[:2]
					switch root {
					case "03":
						if x := intentOf(r2, code2); x != "" {
							t.code, t.consumed = x, end2
						} else if x := threatOf(r2); x != "" && !agreeWords[s.words[t.first]] {
							// "prepared to impose martial law", "vowed to
							// attack": an intended coercion is a threat.
							t.code, t.consumed = x, end2
						}
					case "12":
						if x := rejectOf(r2); x != "" {
							t.code, t.consumed = x, end2
						}
					}
				}
			}
		}
	}
	// "plans to build a factory": an intention is an event only when what
	// is intended is one.
	if !t.noun && planWords[s.words[t.first]] && t.code == "030" && t.consumed == t.last {
		return t, false
	}
	// "teams charged with negotiating", "a force tasked with keeping":
	// a mandate, not an act.
	if k := t.last; !t.noun && k+1 < len(s.words) && s.words[k] == "WITH" && strings.HasSuffix(s.words[k+1], "ING") {
		return t, false
	}
	// "needs to act to restore confidence", "measures to oppose it": an
	// infinitive governed by no trigger and no word of failing, attempting,
	// planning, continuing or willing states a purpose or a need, not an
	// act (a governing trigger, "agreed to restore", consumed it).
	if !t.noun && t.first > 0 && s.words[t.first-1] == "TO" && !infinitiveGoverned(s, t.first-1) {
		return t, false
	}
	// Look back over auxiliaries and adverbs.
	neg, modal, future, passive := false, false, false, false
	for k := t.first - 1; k >= 0 && k >= t.first-5; k-- {
		w := s.words[k]
		if negWords[w] {
			neg = true
		}
		// "failed to reach agreement": the act did not happen.
		if k == t.first-2 && s.words[k+1] == "TO" && failWords[w] {
			neg = true
			break
		}
		if modalWords[w] {
			modal = true
		}
		if futureWords[w] && w != "TO" {
			future = true
		}
		if w == "WAS" || w == "WERE" || w == "BEEN" || w == "BEING" || (w == "BE" && k == t.first-1) || ((w == "IS" || w == "ARE") && k == t.first-1) {
			passive = true
		}
		if !auxWords[w] && !negWords[w] && !modalWords[w] && !futureWords[w] {
			break
		}
	}
	if t.noun {
		passive = false
		if t.first > 0 {
			if modalPremodifiers[s.words[t.first-1]] {
				modal = true
			}
		}
	}
	if !strings.HasSuffix(s.words[t.first], "ED") && !irregularParticiple(s.words[t.first]) {
		passive = false
	}
	if t.last < len(s.words) && s.words[t.last] == "TO" && t.consumed > t.last {
		passive = false // "is prepared to impose": an adjective with its complement
	}
	t.passive = passive
	root = t.code[:2]
	// An attempted attack is an attack: "attempted to assassinate" (185).
	if attempted(s, t.first) && (root == "18" || root == "19" || root == "20") && !neg {
		if t.code == "186" {
			t.code = "185"
		}
		return t, true
	}
	// A coercive or violent act announced for the future, or held out as
	// possible, is a threat (CAMEO 13): "plans to impose restrictions",
	// "would blockade Paris", "may halt mediation".
	if (modal || future) && !neg && !t.noun {
		if x := threatOf(root); x != "" {
			t.code, t.future, t.hypothetical = x, true, !future
			return t, true
		}
	}
	if modal {
		return t, false
	}
	if neg {
		t.negated = true
		switch root {
		case "03", "05":
			t.code = "120"
		case "06", "07", "08":
			t.code = rejectOf(root)
		default:
			return t, false
		}
		return t, true
	}
	if future {
		t.future = true
		if x := intentOf(root, t.code); x != "" && root != "03" {
			t.code = x
		}
	}
	return t, true
}

func irregularParticiple(w string) bool { return participleIrregular[w] }

// infinitiveGoverned reports whether the "to" at k follows a word whose
// infinitive modality reads (fail, attempt, plan, future, modal), a word
// whose infinitive is the act itself (aspect: "continued to send", "is to
// hold talks", "willing to withdraw"), or a name (a headline's "EU to
// probe").
func infinitiveGoverned(s *sentence, k int) bool {
	if k == 0 {
		return false
	}
	g := s.words[k-1]
	if s.inActor(k-1) && s.actors[s.actorAt[k-1]].first == 0 {
		return true // a headline's future: "EU to probe Alitalia" (not "urge Ukraine to investigate")
	}
	return failWords[g] || attemptVerbs[g] || planWords[g] || futureWords[g] || modalWords[g] || aspectWords[g]
}

// intentOf maps the root of an act to the CAMEO code for the intention to do
// it (03x).
func intentOf(root, code string) string {
	switch root {
	case "03":
		return code
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	}
	return ""
}

// rejectOf maps the root of a refused act to the CAMEO rejection (12x).
func rejectOf(root string) string {
	switch root {
	case "03", "05":
		return "120"
	case "04":
		return "125"
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
		return "124"
	case "12":
		return "120"
	}
	return ""
}

// verbLike reports whether the words at [i, i+n) can be a verb here. Many
// dictionary verbs are also nouns ("forces", "deal", "measures", "supply");
// without a parser, a base or -s form needs a subject, auxiliary or "to"
// right before it, and must not be followed by a verb of its own.
func verbLike(s *sentence, i, n int) bool {
	w := s.words[i]
	if w == "ACCORDING" {
		return false
	}
	prev := ""
	if i > 0 {
		prev = s.words[i-1]
	}
	// "for ending", "of returning": a gerund, not the event; but "claimed
	// responsibility for shooting down" tells the act.
	if prepositions[prev] && prev != "BY" && !(prev == "FOR" && i > 1 && creditNouns[s.words[i-2]]) {
		return false
	}
	if s.tag() {
		return taggedVerb(s, i, n)
	}
	next := ""
	if i+n < len(s.words) {
		next = s.words[i+n]
	}
	past := strings.HasSuffix(w, "ED") || pastIrregular[w]
	ing := strings.HasSuffix(w, "ING")
	if past || ing {
		return true
	}
	pi := i - 1 // "forces Tuesday let free", "troops quickly seized"
	for pi > 0 && (timeWords[prev] || strings.HasSuffix(prev, "LY") && len(prev) > 3) {
		pi--
		prev = s.words[pi]
	}
	switch {
	case auxWords[prev] || modalWords[prev] || futureWords[prev] || negWords[prev] || pronouns[prev]:
	case strings.HasSuffix(prev, "LY") && len(prev) > 3:
	case pi >= 0 && s.inActor(pi):
	case i == 0:
	default:
		return false
	}
	// "Serbian forces were", "the measures have": the next word is the verb.
	if auxWords[next] && next != "TO" && next != "NOT" || strings.HasSuffix(next, "ED") && !s.caps[min(i+n, len(s.caps)-1)] {
		return false
	}
	return true
}

// taggedVerb decides verbLike from the tagger's classes. The tagger learnt
// web text, not news: after a modal or "to" a base form is a verb whatever
// its tag ("will fine X"), a present-tense tag just before an auxiliary is
// a plural noun ("debates are"), and so is a base form after an adjective.
func taggedVerb(s *sentence, i, n int) bool {
	if i > 0 && (s.xpos(i-1) == "MD" || s.xpos(i-1) == "TO") {
		return true
	}
	if s.pos(i) != parley.VERB {
		return false
	}
	// "as did strong demand for mining products": a base form right after
	// an adjective is a noun the tagger misread.
	if i > 0 && strings.HasPrefix(s.xpos(i-1), "JJ") {
		switch s.xpos(i) {
		case "VB", "VBP":
			return false
		}
	}
	if j := i + n; j < len(s.words) && s.pos(j) == parley.AUX && s.words[j] != "TO" {
		switch s.xpos(i) {
		case "VBZ", "VBP":
			return false
		}
	}
	return true
}

// backReference reports whether a noun trigger names an event already told,
// as the object of a preposition with a definite or demonstrative
// determiner: "held after the talks", "in those talks", "following the
// meeting".
func backReference(s *sentence, i int) bool {
	if i < 2 {
		return false
	}
	if !demonstratives[s.words[i-1]] {
		return false
	}
	p := s.words[i-2]
	return prepositions[p] || p == "FOLLOWING" || p == "AFTER" || p == "BEFORE"
}

// threatOf maps the root of a coercive act to the CAMEO threat of it.
func threatOf(root string) string {
	switch root {
	case "16":
		return "131"
	case "14", "15", "17":
		return "130"
	case "18", "19", "20":
		return "138"
	}
	return ""
}

// demandAt reads "X said (that) Y must/should do Z": X demands of Y (CAMEO
// 10). The act Z is only wanted, not done.
func demandAt(s *sentence, i int) (trig, bool) {
	w := s.words[i]
	if w != "MUST" || i+1 < len(s.words) && negWords[s.words[i+1]] {
		return trig{}, false
	}
	tgt := s.actorBefore(i)
	if tgt < 0 || i-s.actors[tgt].last > 3 {
		return trig{}, false
	}
	// Find the declaring verb before the addressee, with its subject.
	for k := s.actors[tgt].first - 1; k >= 0 && k >= s.actors[tgt].first-6; k-- {
		if !declareVerbs[s.words[k]] {
			continue
		}
		src := s.actorBefore(k)
		for src >= 0 && srcBlock[s.prevWord(s.actors[src].first)] {
			src--
		}
		if src >= 0 && k-s.actors[src].last > 6 {
			src = -1
		}
		end := i + 1
		for end < len(s.words) && end < i+6 && s.kinds[end] == parley.Word && !stopTarget(s.words[end]) {
			end++
		}
		return trig{first: i, last: i + 1, consumed: end, code: "100", src: src, tgt: tgt, demand: true}, true
	}
	return trig{}, false
}

// attempted reports whether the verb at i follows "attempted to" or "tried
// to".
func attempted(s *sentence, i int) bool {
	if i < 2 || s.words[i-1] != "TO" {
		return false
	}
	return attemptVerbs[s.words[i-2]]
}
