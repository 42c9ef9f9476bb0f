package syntax

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// probes is the number of slots find reads for key k, and whether it
// found it.
func (t *table) probes(k uint64) (int, bool) {
	fp := fingerprint(k)
	for j, n := t.home(k), 1; ; j, n = t.next(j), n+1 {
		switch t.slots[j].fp {
		case fp:
			return n, true
		case 0:
			return n, false
		}
	}
}

// weightsOf is what a look-up of k gives: the dense weights and the scores
// of the pairs.
func weightsOf(t *table, k uint64) ([numActions]int16, []int32) {
	s := t.find(k)
	if s == nil {
		return [numActions]int16{}, nil
	}
	sc := make([]int32, 256)
	t.addSparse(s, sc)
	d := s.dense
	if s.inline() {
		d = [numActions]int16{}
	}
	return d, sc
}

// TestPromoteKeepsWeights guards promote: in a table as full as the
// shipped ones, with inline slots (the tagger's) or not, every key gives
// the same weights after its hot keys are promoted, a key that is not in
// the table is still not found, the hot keys sit at their home slot but
// where a hotter key took it, and their pairs come first, in their order.
func TestPromoteKeepsWeights(t *testing.T) {
	for _, inline := range []bool{false, true} {
		rng := rand.New(rand.NewPCG(5, 6))
		var es []entry
		for range 3000 {
			e := entry{key: rng.Uint64() | 1}
			if !inline {
				e.dense = [numActions]int16{int16(rng.IntN(100)), 1, 2}
			}
			for c := range 1 + rng.IntN(5) {
				e.cls = append(e.cls, uint8(c*40+rng.IntN(40)))
				e.w = append(e.w, int16(rng.IntN(2000)-1000))
			}
			es = append(es, e)
		}
		slices.SortFunc(es, func(a, b entry) int {
			if a.key < b.key {
				return -1
			}
			return 1
		})
		before, after := newTable(es), newTable(es)
		if inline {
			before.inlinePairs()
			after.inlinePairs()
		}
		var hot []uint64
		for _, i := range rng.Perm(len(es))[:600] {
			hot = append(hot, es[i].key)
		}
		after.promote(hot, keysOf(es))
		for _, e := range es {
			d0, s0 := weightsOf(before, e.key)
			d1, s1 := weightsOf(after, e.key)
			if d0 != d1 || !slices.Equal(s0, s1) {
				t.Fatalf("inline %v: key %x has other weights after promote", inline, e.key)
			}
		}
		for range 1000 {
			if k := rng.Uint64(); after.find(k) != before.find(k) && before.find(k) == nil {
				t.Fatalf("inline %v: a key not in the table is found after promote", inline)
			}
		}
		taken := map[uint64]bool{}
		off := uint32(0)
		for _, k := range hot {
			j, _ := after.index(k)
			for i := after.home(k); i != j; i = after.next(i) {
				if !taken[i] {
					t.Fatalf("inline %v: hot key %x at slot %d, but slot %d from its home on was free to take", inline, k, j, i)
				}
			}
			taken[j] = true
			if s := &after.slots[j]; !s.inline() {
				if s.off != off {
					t.Fatalf("inline %v: hot key %x's pairs at %d, want %d", inline, k, s.off, off)
				}
				off += uint32(s.n)
			}
		}
	}
}

// TestShippedModelHotAtHome wants the embedded model's tables built with
// their most used keys promoted: dev's look-ups that find their key read
// about one slot (2.8 on average when the keys were inserted in key order
// only).
func TestShippedModelHotAtHome(t *testing.T) {
	m := mustLoad(t)
	dev, err := convert(m, readSplit(t, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	p := m.NewParser()
	p.uses = &useCount{tagger: map[uint64]int{}, parser: map[uint64]int{}}
	var out []Word
	for _, s := range dev {
		out = p.Parse(s.forms, out)
	}
	for _, c := range []struct {
		name string
		t    *table
		uses map[uint64]int
	}{{"tagger", m.tagger, p.uses.tagger}, {"parser", m.parser, p.uses.parser}} {
		found, read := 0, 0
		for k, n := range c.uses {
			if pr, ok := c.t.probes(k); ok {
				found += n
				read += n * pr
			}
		}
		if avg := float64(read) / float64(found); avg > 1.1 {
			t.Errorf("%s: a look-up that finds its key reads %.2f slots on average, want at most 1.1", c.name, avg)
		}
	}
}
