package syntax

// tag predicts each word's class, left to right, from the features of the
// word, of its context and of the classes predicted before it.
func (p *Parser) tag(n int) {
	nt := len(p.m.tags)
	p.tagged.init(nt, formCacheBits)
	p.taggedWords += n
	p1, p2 := uint16(padTag), uint16(padTag)
	sc := p.scores[:nt]
	for i := range n {
		p.tagScores(i, p1, p2, sc)
		w := &p.ws[i+2]
		var best uint16
		if w.amb == 0 && p.closed != nil {
			best = uint16(argmaxOpen(sc, p.closed))
		} else {
			best = uint16(argmax(sc))
		}
		w.tag = best
		p2, p1 = p1, best
	}
}

// tagScores sets sc to the scores of the classes of sentence word i, p1 and
// p2 being the classes of the two words before it: the summed weights of
// tagFeatures. Those of the word features of a form seen before come from
// the form cache, so that a frequent word needs 19 table lookups, not 33.
func (p *Parser) tagScores(i int, p1, p2 uint16, sc []int32) {
	t, fc := p.m.tagger, &p.tagged
	w, form := &p.ws[i+2], p.words[i]
	p.feats = contextFeatures(p.ws, i, p.feats[:0])
	p.feats = historyFeatures(p.ws, i, p1, p2, p.feats)
	others := len(p.feats)
	hit := fc.get(w.form, form, sc)
	if !hit {
		p.feats = wordFeatures(w, p.feats)
	}
	if p.uses != nil {
		p.uses.add(p.uses.tagger, p.feats)
	}
	t.touch(p.feats, &p.sink)
	p.slots = t.findAppend(p.feats[:others], p.slots[:0])
	found := len(p.slots)
	p.slots = t.findAppend(p.feats[others:], p.slots)
	p.touchPairs(t)
	if !hit {
		clear(sc)
		for _, s := range p.slots[found:] {
			t.addSparse(s, sc)
		}
		fc.put(w.form, form, sc)
	}
	for _, s := range p.slots[:found] {
		t.addSparse(s, sc)
	}
}

// touchPairs loads the first pair of each slot found that keeps its pairs
// out of line, so that those loads (most miss the cache) overlap.
func (p *Parser) touchPairs(t *table) {
	var sink uint32
	for _, s := range p.slots {
		if s.n > 0 && !s.inline() {
			sink += t.pairs[s.off]
		}
	}
	p.sink += sink
}

// argmaxOpen is argmax over the classes that are not closed.
func argmaxOpen(sc []int32, closed []bool) int {
	best := -1
	for i, v := range sc {
		if !closed[i] && (best < 0 || v > sc[best]) {
			best = i
		}
	}
	return max(best, 0)
}

func argmax(sc []int32) int {
	best := 0
	for i, v := range sc {
		if v > sc[best] {
			best = i
		}
	}
	return best
}

// formCache keeps, per word form, the summed weights of the word's word
// features (wordFeatures), which are the same wherever the form occurs.
// It is direct-mapped; a form longer than maxCachedForm bytes is not kept.
// The scores are those of the Parser's model.
type formCache struct {
	nt     int // classes
	bits   int // 1<<bits entries
	keys   []formKey
	scores []int32 // nt per entry
}

type formKey struct {
	hash uint64 // the form's hash (word.form)
	n    uint8  // the form's length + 1; 0 marks an empty entry
	form [maxCachedForm]byte
}

const (
	// 512 entries, 209 KB for the shipped model's 102 classes, hit for 6
	// running words in 10 of EWT dev; 1,024 or 2,048 tagged no faster.
	formCacheBits = 9
	maxCachedForm = 23 // a formKey is 32 bytes
)

// init makes the cache empty for nt classes unless it is already made for
// them.
func (c *formCache) init(nt, bits int) {
	if c.nt != nt || c.keys == nil {
		*c = formCache{nt: nt, bits: bits, keys: make([]formKey, 1<<bits), scores: make([]int32, nt<<bits)}
	}
}

func (c *formCache) entry(hash uint64) int { return int((hash * 0x9e3779b97f4a7c15) >> (64 - c.bits)) }

// get copies the cached scores of form, whose hash is hash, to dst and
// reports whether it had them.
func (c *formCache) get(hash uint64, form string, dst []int32) bool {
	if len(form) > maxCachedForm {
		return false
	}
	e := c.entry(hash)
	k := &c.keys[e]
	if int(k.n) != len(form)+1 || k.hash != hash || string(k.form[:len(form)]) != form {
		return false
	}
	copy(dst, c.scores[e*c.nt:(e+1)*c.nt])
	return true
}

// put caches the scores of form, replacing its entry's.
func (c *formCache) put(hash uint64, form string, sc []int32) {
	if len(form) > maxCachedForm {
		return
	}
	e := c.entry(hash)
	k := &c.keys[e]
	k.hash, k.n = hash, uint8(len(form)+1)
	copy(k.form[:], form)
	copy(c.scores[e*c.nt:(e+1)*c.nt], sc)
}
