package ner

import (
	"github.com/parley-news/parley/lexicon"
)

// extractor turns the words of a document into hashed features, one
// sentence at a time. Its buffers are reused, so it allocates only while
// they grow.
type extractor struct {
	lex    *lexicon.Lexicon
	roles  *lexicon.Roles
	shift  uint   // 64 - log2(buckets): a feature's bucket is its hash's top bits
	usePOS bool   // the model was trained with part-of-speech tags
	words  []word // the current sentence
	low    []byte // lower-case forms of the sentence's words, back to back
	feats  []uint32
	plain  []bool // words given no features in a lean sentence
	off    []int  // feats of word i are feats[off[i]:off[i+1]]
	// document evidence: word → dLowerElsewhere|dCapMid, and capitalised
	// word → 1 + the label it was last tagged with
	evidence map[string]uint8
	seen     map[string]uint8
	heading  uint64 // 1 title case, 2 all caps, else 0
	// placePreps are the prepositions before a place name (data/evidence_words.tsv)
	placePreps map[string]bool
	scratch    []byte
	before     word // the sentinels around a sentence
	after      word
}

func newExtractor(lex *lexicon.Lexicon, roles *lexicon.Roles, ev *evidenceWords, logBuckets uint8, usePOS bool) *extractor {
	return &extractor{
		lex: lex, roles: roles, shift: 64 - uint(logBuckets), usePOS: usePOS,
		evidence: make(map[string]uint8, 1024), seen: make(map[string]uint8, 256),
		before: sentinel("<s>"), after: sentinel("</s>"), placePreps: ev.placePreps,
	}
}

// startDoc gathers the document-level evidence of sents.
func (x *extractor) startDoc(sents []Sentence) {
	clear(x.evidence)
	clear(x.seen)
	for _, s := range sents {
		caps := headingOf(s.Words) == 2
		for i, w := range s.Words {
			_, fl := appendLower(x.low[:0], w)
			switch {
			case fl&fAlpha != 0 && fl&(fCap|fInnerCap|fAllCaps) == 0:
				x.evidence[w] |= dLowerElsewhere
			case fl&fCap != 0 && i > 0 && !caps:
				x.evidence[w] |= dCapMid
			}
		}
		if !caps {
			x.contexts(s.Words)
		}
	}
}

// contexts records, for the capitalised words of one sentence, the
// contexts that tell what they name (dAfterGiven and the other bits): the
// evidence is then shared by every occurrence of the word in the document.
func (x *extractor) contexts(words []string) {
	for i := 0; i < len(words); {
		if !capitalised(words[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(words) && (capitalised(words[j]) || len(words[j]) <= 3 && j+1 < len(words) && capitalised(words[j+1]) && !capitalised(words[j]) && words[j] != "," && words[j] != "and") {
			j++
		}
		x.chunkContexts(words, i, j)
		i = j
	}
}

// chunkContexts records the evidence of the capitalised run words[a:b].
func (x *extractor) chunkContexts(words []string, a, b int) {
	var bit uint8
	switch last := x.roleKind(words[b-1]); {
	case b-a > 1 && last&lexicon.OrgWord != 0:
		bit = dBeforeOrg
	case b-a > 1 && last&lexicon.Thing != 0:
		bit = dBeforeThing
	}
	for k := a; k < b; k++ {
		if k < b-1 && bit != 0 {
			x.evidence[words[k]] |= bit
		}
		if k > a && x.roles.GivenNameGender(words[k-1]) != lexicon.UnknownGender && x.roleKind(words[k])&(lexicon.RoleNoun|lexicon.Title|lexicon.OrgWord|lexicon.Thing) == 0 {
			x.evidence[words[k]] |= dAfterGiven
		}
	}
	if p := a - 1; p >= 0 {
		if words[p] == "." && p > 0 {
			p--
		}
		if x.roleKind(words[p])&lexicon.Title != 0 {
			x.evidence[words[a]] |= dAfterTitle
		}
		if x.placePrep(words[p]) && (p == 0 || !capitalised(words[p-1])) {
			x.evidence[words[a]] |= dAfterPrep
		}
	}
}

// roleKinds are the kinds of the roles table the features read (feature
// versions 2 and 3); a kind added to the table later is not one until the features
// change version.
const roleKinds = lexicon.RoleNoun | lexicon.Title | lexicon.RoleMod | lexicon.Body | lexicon.SourceNoun | lexicon.OrgWord | lexicon.Thing

// roleKind returns what the roles table says of w, in lower case.
func (x *extractor) roleKind(w string) lexicon.WordKind {
	x.scratch, _ = appendLower(x.scratch[:0], w)
	return x.roles.Lookup(string(x.scratch)).Kind & roleKinds
}

// placePrep reports whether w is a preposition that comes before place names.
func (x *extractor) placePrep(w string) bool {
	x.scratch, _ = appendLower(x.scratch[:0], w)
	return x.placePreps[string(x.scratch)]
}

// remember records the labels the words of s were tagged with, for the
// sentences after it.
func (x *extractor) remember(s Sentence, labels []uint8) {
	for i, w := range s.Words {
		if capitalised(w) {
			x.seen[w] = 1 + labels[i]
		}
	}
}

// headingOf says whether a sentence reads like a heading: 2 when its words
// of two letters or more are all capitals (at least two of them), 1 when
// its words of four letters or more are all capitalised (at least three).
func headingOf(words []string) uint64 {
	caps, long, capLong, lowerCase := 0, 0, 0, false
	for _, w := range words {
		n := letters(w)
		if n < 2 {
			continue
		}
		if hasLower(w) {
			lowerCase = true
		} else {
			caps++
		}
		if n >= 4 {
			long++
			if capitalised(w) {
				capLong++
			}
		}
	}
	switch {
	case !lowerCase && caps >= 2:
		return 2
	case long >= 3 && capLong == long:
		return 1
	}
	return 0
}

// sentence computes the features of every word of s. When lean, a word
// that can be no part of a name (see plainWord) gets none and is marked in
// x.plain: the tagger labels it O without reading weights, which is most of
// the words of prose.
func (x *extractor) sentence(s Sentence, lean bool) {
	n := len(s.Words)
	x.words = grow(x.words, n)
	x.plain = grow(x.plain, n)
	x.low = x.low[:0]
	x.heading = headingOf(s.Words)
	for i, w := range s.Words {
		x.describe(i, w, s)
	}
	x.gazetteer(s.Words)
	x.chunks()
	x.feats = x.feats[:0]
	x.off = grow(x.off, n+1)
	for i := range n {
		x.off[i] = len(x.feats)
		if lean && x.plainWord(i) {
			x.plain[i] = true
			continue
		}
		x.features(i)
	}
	x.off[n] = len(x.feats)
}

// plainWord reports a word with no capital or digit whose neighbours have
// none either: no name of the kind the tagger finds starts, ends or runs
// through it.
func (x *extractor) plainWord(i int) bool {
	const marked = fCap | fAllCaps | fInnerCap | fDigit
	return x.words[i].flags&marked == 0 && x.at(i-1).flags&marked == 0 && x.at(i+1).flags&marked == 0
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	s = s[:n]
	clear(s)
	return s
}

// describe fills what is known of word i by itself.
func (x *extractor) describe(i int, w string, s Sentence) {
	d := &x.words[i]
	off := len(x.low)
	var fl uint16
	x.low, fl = appendLower(x.low, w)
	low := x.low[off:]
	d.lowOff, d.lowLen = off, len(low)
	d.low = hashBytes(low)
	d.shape = shapeHash(w)
	d.flags = fl
	if fl&fCap != 0 {
		d.role = x.roles.Lookup(string(low)).Kind & roleKinds
		d.given = x.roles.GivenNameGender(w)
		d.doc = x.evidence[string(low)] & dLowerElsewhere
		d.seen = x.seen[w]
	} else {
		d.role = x.roles.Lookup(w).Kind & roleKinds
	}
	d.doc |= x.evidence[w] & (dCapMid | dAfterGiven | dAfterTitle | dBeforeOrg | dBeforeThing | dAfterPrep)
	if x.usePOS && i < len(s.POS) {
		d.pos = hashString(s.POS[i])
	}
}

// chunks finds the runs of capitalised words of the sentence. A lower-case
// word of up to three letters between two capitalised words stays inside.
func (x *extractor) chunks() {
	n := len(x.words)
	capWord := func(i int) bool { return i >= 0 && i < n && x.words[i].flags&(fCap|fAllCaps) != 0 }
	for i := 0; i < n; {
		if !capWord(i) {
			i++
			continue
		}
		j := i + 1
		for j < n && (capWord(j) || x.words[j].flags&fAlpha != 0 && x.words[j].lowLen <= 3 && capWord(j+1)) {
			j++
		}
		c := chunk{first: x.words[i].low, last: x.words[j-1].low, before: x.at(i - 1).low, after: x.at(j).low, length: uint8(min(j-i, 4))}
		for k := i; k < j; k++ {
			c.place = 3
			switch {
			case j-i == 1:
				c.place = 1
			case k == i:
				c.place = 2
			case k == j-1:
				c.place = 4
			}
			x.words[k].chunk = c
		}
		i = j
	}
}

// gazetteer marks the words inside the longest lexicon matches, left to
// right, and the leading part of hyphenated words ("Saudi-led").
func (x *extractor) gazetteer(words []string) {
	for i := 0; i < len(words); {
		if x.words[i].flags&fCap == 0 {
			i++
			continue
		}
		m, ok := x.lex.MatchAt(words[i:])
		if !ok || m.Words == 0 {
			if x.words[i].flags&fHyphen != 0 {
				if m, ok := x.lex.MatchHyphenated(words[i]); ok {
					x.mark(i, 1, m)
				}
			}
			i++
			continue
		}
		x.mark(i, m.Words, m)
		i += m.Words
	}
}

func (x *extractor) mark(i, n int, m lexicon.Match) {
	var g uint8
	var kind uint8
	big := false
	if m.Country != nil {
		g |= gCountry
	}
	if m.Demonym != nil {
		g |= gDemonym
	}
	if m.Seat != nil {
		g |= gSeat
	}
	if p := m.Place; p != nil {
		if p.Kind == "city" {
			g |= gCity
			big = p.Population >= 100000
		} else {
			g |= gRegion
		}
	}
	if m.Org != nil {
		g |= gOrg
		kind = uint8(hashString(m.Org.Kind)%250) + 1
	}
	if m.Ambiguous {
		g |= gAmbiguous
	}
	ln := uint8(min(n, 3))
	for j := i; j < i+n && j < len(x.words); j++ {
		d := &x.words[j]
		d.gaz, d.orgKind, d.bigCity, d.gazLen = g, kind, big, ln
	}
	x.words[i].gaz |= gBegin
}

// sentinel returns the word that stands before (or after) a sentence.
func sentinel(s string) word {
	h := hashString(s)
	return word{low: h, shape: h, pos: h}
}

func (x *extractor) at(i int) *word {
	switch {
	case i < 0:
		return &x.before
	case i >= len(x.words):
		return &x.after
	}
	return &x.words[i]
}

func (x *extractor) add(h uint64) { x.feats = append(x.feats, uint32(h>>x.shift)) }

// features appends the features of word i.
func (x *extractor) features(i int) {
	w, p, n, p2, n2 := x.at(i), x.at(i-1), x.at(i+1), x.at(i-2), x.at(i+2)
	x.add(mix(tBias, 0))
	x.add(mix(tLow, w.low))
	x.add(mix(tLowPrev, p.low))
	x.add(mix(tLowNext, n.low))
	x.add(mix(tLowPrev2, p2.low))
	x.add(mix(tLowNext2, n2.low))
	x.add(mix2(tBigramPrev, p.low, w.low))
	x.add(mix2(tBigramNext, w.low, n.low))
	low := x.low[w.lowOff : w.lowOff+w.lowLen]
	for k := 1; k <= 4 && k <= len(low); k++ {
		x.add(mix(tPrefix+uint64(k-1), hashBytes(low[:k])))
		x.add(mix(tSuffix+uint64(k-1), hashBytes(low[len(low)-k:])))
	}
	x.add(mix(tShape, w.shape))
	x.add(mix(tShapePrev, p.shape))
	x.add(mix(tShapeNext, n.shape))
	x.add(mix2(tShapePrevCur, p.shape, w.shape))
	x.add(mix2(tShapeCurNext, w.shape, n.shape))
	x.add(mix3(tShapeTri, p.shape, w.shape, n.shape))
	x.add(mix2(tFlags, uint64(w.flags), lengthBucket(w.lowLen)))
	x.add(mix2(tPosition, uint64(min(i, 2)), w.shape))
	x.add(mix3(tGaz, uint64(w.gaz), uint64(w.orgKind), uint64(w.gazLen)<<1|b2u(w.bigCity)))
	x.add(mix2(tGazPrev, uint64(p.gaz), uint64(p.orgKind)))
	x.add(mix2(tGazNext, uint64(n.gaz), uint64(n.orgKind)))
	x.add(mix(tRole, uint64(w.role)))
	x.add(mix2(tRolePrev, uint64(p.role), uint64(w.flags&fCap)))
	x.add(mix(tRoleNext, uint64(n.role)))
	x.add(mix(tRolePrev2, uint64(p2.role)))
	x.add(mix2(tGiven, uint64(w.given), uint64(w.flags&fCap)))
	x.add(mix2(tGivenPrev, uint64(p.given), uint64(w.flags&fCap)))
	x.add(mix3(tDoc, uint64(w.doc), uint64(w.flags&(fCap|fAllCaps)), uint64(min(i, 1))))
	x.add(mix(tSeenAs, uint64(w.seen)))
	x.add(mix2(tHeading, x.heading, w.shape))
	x.add(mix2(tLowPrevShape, p.low, w.shape))
	x.add(mix2(tShapeLowNext, w.shape, n.low))
	x.add(mix2(tLowShape, w.low, w.shape))
	if c := &w.chunk; c.place != 0 {
		pl := uint64(c.place)
		x.add(mix2(tChunkLast, c.last, pl))
		x.add(mix2(tChunkFirst, c.first, pl))
		x.add(mix2(tChunkLen, uint64(c.length), pl))
		x.add(mix2(tChunkBefore, c.before, pl))
		x.add(mix2(tChunkAfter, c.after, pl))
		// the lower-case words near the name, wherever they stand ("band",
		// "club", "signed")
		for k := max(i-5, 0); k <= i+5 && k < len(x.words); k++ {
			if v := &x.words[k]; v.chunk.place == 0 && v.flags&fAlpha != 0 && v.lowLen > 3 {
				x.add(mix(tWindow, v.low))
			}
		}
	}
	if x.usePOS {
		x.add(mix(tPOS, w.pos))
		x.add(mix(tPOSPrev, p.pos))
		x.add(mix(tPOSNext, n.pos))
		x.add(mix2(tPOSShape, w.pos, w.shape))
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
