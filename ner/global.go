package ner

// The second pass aggregates the first pass's predictions over the whole
// document (Ratinov & Roth 2009, "Design challenges and misconceptions in
// named entity recognition"): once every sentence is tagged, each
// capitalised word is tagged again knowing the types its other occurrences
// got, before and after it ("6PR" an organisation in three sentences and a
// person in the fourth). Its features only add to the first pass's scores,
// so the second pass costs a lookup and a decode, not a feature extraction.

// votes counts, for each capitalised word form of a document, the types its
// occurrences were given in the first pass.
type votes map[string][NumTypes]uint16

func (v votes) count(words []string, labels []uint8) {
	for i, w := range words {
		if capitalised(w) {
			c := v[w]
			t, _ := labelType(labels[i])
			c[t]++
			v[w] = c
		}
	}
}

// globalFeats appends the second-pass features of w, whose first-pass label
// was own: the set of types its other occurrences got, with and without its
// own type, and the type most of them got with how many agree.
func globalFeats(dst []uint32, shift uint, v votes, w string, own uint8) []uint32 {
	c, ok := v[w]
	if !ok {
		return dst
	}
	t, _ := labelType(own)
	if c[t] > 0 {
		c[t]--
	}
	var set uint64
	total, best := 0, None
	for ty, n := range c {
		if n == 0 {
			continue
		}
		set |= 1 << ty
		total += int(n)
		if n > c[best] || c[best] == 0 {
			best = Type(ty)
		}
	}
	if total == 0 {
		return dst
	}
	share := uint64(0) // at most half agree
	switch {
	case int(c[best]) == total:
		share = 2
	case 2*int(c[best]) > total:
		share = 1
	}
	add := func(h uint64) { dst = append(dst, uint32(h>>shift)) }
	add(mix(tGlobalSet, set))
	add(mix2(tGlobalSetOwn, set, uint64(t)))
	add(mix2(tGlobalMajor, uint64(best), share))
	return dst
}

// firstPass keeps a document's first-pass scores and labels for the second.
type firstPass struct {
	start  []int // first word of sentence i in the buffers, -1 if it was not tagged
	emit   []int32
	mask   []uint16
	labels []uint8
}

func (p *firstPass) reset(sents int) {
	p.start = grow(p.start, sents)
	p.emit, p.mask, p.labels = p.emit[:0], p.mask[:0], p.labels[:0]
}

// keep stores the scores, masks and labels of sentence si.
func (p *firstPass) keep(si int, emit []int32, mask []uint16, labels []uint8) {
	p.start[si] = len(p.labels)
	p.emit = append(p.emit, emit...)
	p.mask = append(p.mask, mask...)
	p.labels = append(p.labels, labels...)
}
