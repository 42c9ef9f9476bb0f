package syntax

// table maps feature keys to quantised weights by open addressing with
// linear probing. Each slot holds the parser's dense transition weights and
// a run of sparse (class, weight) pairs: most features have non-zero weights
// for only a few classes. A slot keeps 32 bits of the key and is found from
// the other 32, so keys inserted in sorted order fill the slots front to
// back (fast to build) and a slot is 16 bytes (four to a cache line). The
// tables written by training then have their most used keys moved to
// their home slot (promote, hot.go).
type table struct {
	size  uint64
	slots []slot
	pairs []uint32 // class<<16 | uint16(weight)
}

type slot struct {
	fp    uint32 // the key's low 32 bits (never 0); 0 marks an empty slot
	off   uint32 // first pair
	dense [numActions]int16
	n     uint8 // number of pairs
	// flags holds inlineFlag and, in its low bits, the reach of the keys
	// whose home is this slot (a property of the slot's place, not of
	// the key in it): see setReach.
	flags uint8
}

const (
	// inlineFlag marks a slot whose one or two pairs are kept in its dense
	// field (weights in dense[0] and dense[1], classes in the bytes of
	// dense[2]): a table whose dense weights are unused (the tagger's)
	// then reads most features with one memory load instead of two.
	inlineFlag = 0x80
	reachMask  = 0x7f
	// reachAll is the reach of a slot whose keys lie farther than
	// reachMask-1 slots on (or whose file did not record reach): a
	// look-up probes until an empty slot.
	reachAll = reachMask
)

func (s *slot) inline() bool     { return s.flags&inlineFlag != 0 }
func (s *slot) reach() uint8     { return s.flags & reachMask }
func (s *slot) setReach(r uint8) { s.flags = s.flags&^reachMask | r }

// entry is one feature's weights, as training produces and files store them.
type entry struct {
	key   uint64
	dense [numActions]int16
	cls   []uint8
	w     []int16
}

// newTableSize makes an empty table for n keys and np pairs.
func newTableSize(n, np int) *table {
	size := uint64(n)*10/7 + 16
	return &table{size: size, slots: make([]slot, size), pairs: make([]uint32, 0, np)}
}

// newTable builds the table of the entries (sorted by key).
func newTable(es []entry) *table {
	np := 0
	for i := range es {
		np += len(es[i].cls)
	}
	t := newTableSize(len(es), np)
	for i := range es {
		t.insert(es[i].key, es[i].dense, es[i].cls, es[i].w)
	}
	t.setReach(keysOf(es))
	return t
}

func keysOf(es []entry) []uint64 {
	ks := make([]uint64, len(es))
	for i := range es {
		ks[i] = es[i].key
	}
	return ks
}

func (t *table) home(k uint64) uint64 { return ((k >> 32) * t.size) >> 32 }

func fingerprint(k uint64) uint32 {
	if f := uint32(k); f != 0 {
		return f
	}
	return 1
}

// slotFor is the free slot where key k goes.
func (t *table) slotFor(k uint64) uint64 {
	j := t.home(k)
	for t.slots[j].fp != 0 {
		if j++; j == t.size {
			j = 0
		}
	}
	return j
}

func (t *table) insert(k uint64, dense [numActions]int16, cls []uint8, w []int16) {
	j := t.slotFor(k)
	t.slots[j] = slot{fp: fingerprint(k), dense: dense, n: uint8(len(cls)), off: uint32(len(t.pairs)), flags: t.slots[j].flags}
	for i, c := range cls {
		t.pairs = append(t.pairs, uint32(c)<<16|uint32(uint16(w[i])))
	}
}

// find returns the slot of key k, or nil. It reads no farther than the
// home slot's reach: a key that is not in the table (14 % of the parser's
// look-ups) is known to be missing after 1.8 slots on dev's look-ups
// rather than the 6.1 up to the end of its cluster in a table 70 % full,
// and seldom needs a second cache line.
func (t *table) find(k uint64) *slot {
	j, fp := t.home(k), fingerprint(k)
	if s := &t.slots[j]; s.fp == fp {
		return s
	}
	return t.findNear(j, fp)
}

// findNear is find past the home slot j, which does not hold fp.
func (t *table) findNear(j uint64, fp uint32) *slot {
	r := t.slots[j].reach()
	if r == reachAll {
		return t.findFrom(j, fp)
	}
	for ; r > 1; r-- {
		if j++; j == t.size {
			j = 0
		}
		if s := &t.slots[j]; s.fp == fp {
			return s
		}
	}
	return nil
}

// findFrom probes from slot j on until the slot of fingerprint fp or an
// empty slot, as a table without reach must.
func (t *table) findFrom(j uint64, fp uint32) *slot {
	for {
		s := &t.slots[j]
		if s.fp == fp {
			return s
		}
		if s.fp == 0 {
			return nil
		}
		if j++; j == t.size {
			j = 0
		}
	}
}

// setReach records in each slot the reach of the keys whose home it is:
// 0 when there are none, else 1 + the distance from it to the farthest of
// them, where probing finds it (or reachAll). keys are all the table's.
// Look-ups then find what probing to the end of the cluster finds, but for
// a key not in the table whose 32-bit fingerprint a slot past its home's
// reach shares (about one look-up in 10⁹).
func (t *table) setReach(keys []uint64) {
	for j := range t.slots {
		t.slots[j].setReach(0)
	}
	for _, k := range keys {
		h := t.home(k)
		d, fp := uint64(0), fingerprint(k)
		for j := h; t.slots[j].fp != fp; j = t.next(j) {
			d++
		}
		s := &t.slots[h]
		if r := s.reach(); r != reachAll {
			s.setReach(uint8(min(max(uint64(r), d+1), reachAll)))
		}
	}
}

// inlinePairs moves the pairs of each slot with at most two into the slot.
// Only for a table whose slots have no dense weights; the scores it gives
// are the same.
func (t *table) inlinePairs() {
	for j := range t.slots {
		s := &t.slots[j]
		if s.fp == 0 || s.n == 0 || s.n > 2 || s.inline() || s.dense != [numActions]int16{} {
			continue
		}
		p := t.pairs[s.off : s.off+uint32(s.n)]
		c0, c1 := p[0]>>16, uint32(0)
		s.dense[0] = int16(uint16(p[0]))
		if s.n == 2 {
			c1 = p[1] >> 16
			s.dense[1] = int16(uint16(p[1]))
		}
		if c0 > 255 || c1 > 255 {
			s.dense = [numActions]int16{}
			continue
		}
		s.dense[2] = int16(uint16(c0 | c1<<8))
		s.flags |= inlineFlag
	}
}

// addSparse adds the pairs of slot s to scores.
func (t *table) addSparse(s *slot, scores []int32) {
	if s.inline() {
		cls := uint16(s.dense[2])
		if c := int(cls & 0xff); c < len(scores) {
			scores[c] += int32(s.dense[0])
		}
		if c := int(cls >> 8); s.n == 2 && c < len(scores) {
			scores[c] += int32(s.dense[1])
		}
		return
	}
	for _, p := range t.pairs[s.off : s.off+uint32(s.n)] {
		if c := p >> 16; int(c) < len(scores) {
			scores[c] += int32(int16(uint16(p)))
		}
	}
}

// addSparseBelow adds the pairs of slot s whose class is below hi to
// scores[class]. Pairs are sorted by class, so the scan stops early.
func (t *table) addSparseBelow(s *slot, hi uint32, scores []int32) {
	for _, p := range t.pairs[s.off : s.off+uint32(s.n)] {
		c := p >> 16
		if c >= hi {
			return
		}
		scores[c] += int32(int16(uint16(p)))
	}
}

// addSparseFrom adds the pairs of slot s whose class is lo or above to
// scores[class-lo], from the last pair back, so that the pairs of lower
// classes are not read.
func (t *table) addSparseFrom(s *slot, lo uint32, scores []int32) {
	ps := t.pairs[s.off : s.off+uint32(s.n)]
	for i := len(ps) - 1; i >= 0; i-- {
		c := ps[i] >> 16
		if c < lo {
			return
		}
		scores[c-lo] += int32(int16(uint16(ps[i])))
	}
}

// findAll looks up every key, appending the slots found to dst (touch,
// then findAppend).
func (t *table) findAll(keys []uint64, dst []*slot, sink *uint32) []*slot {
	t.touch(keys, sink)
	return t.findAppend(keys, dst)
}

// touch loads each key's home slot in a loop without branches, so that the
// memory loads (most miss the cache) run in parallel rather than one after
// another as the probing loop of find would issue them.
func (t *table) touch(keys []uint64, sink *uint32) {
	var sum uint32
	for _, k := range keys {
		sum += t.slots[t.home(k)].fp
	}
	*sink = sum // the caller's, so that the shared table is never written
}

// findAppend appends the slots of the keys that are in t to dst.
func (t *table) findAppend(keys []uint64, dst []*slot) []*slot {
	for _, k := range keys {
		j, fp := t.home(k), fingerprint(k)
		s := &t.slots[j]
		if s.fp != fp { // find, its first slot inlined
			if s = t.findNear(j, fp); s == nil {
				continue
			}
		}
		dst = append(dst, s)
	}
	return dst
}
