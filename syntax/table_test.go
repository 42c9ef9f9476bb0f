package syntax

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestInlinePairsKeepsScores guards the tagger table's inline slots: a
// table whose one- and two-pair slots were moved inline adds the same
// scores as the table it came from, for every key.
func TestInlinePairsKeepsScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var es []entry
	for k := uint64(1); k <= 500; k++ {
		n := 1 + rng.IntN(4)
		e := entry{key: k*0x9e3779b97f4a7c15 | 1}
		for c := range n {
			e.cls = append(e.cls, uint8(c*30+rng.IntN(30)))
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
	plain, inl := newTable(es), newTable(es)
	inl.inlinePairs()
	inlined := 0
	for _, s := range inl.slots {
		if s.inline() {
			inlined++
		}
	}
	if inlined == 0 {
		t.Fatal("no slot was inlined")
	}
	for _, e := range es {
		a, b := make([]int32, 128), make([]int32, 128)
		plain.addSparse(plain.find(e.key), a)
		inl.addSparse(inl.find(e.key), b)
		if !slices.Equal(a, b) {
			t.Fatalf("key %x: inline scores differ from the plain table's", e.key)
		}
	}
}

// TestEmbeddedModelChecks checks every slot of the embedded model, which
// Load trusts without checking.
func TestEmbeddedModelChecks(t *testing.T) {
	if _, err := Read(modelFile, lemmaFile); err != nil {
		t.Fatal(err)
	}
}

// TestTableFile reads a table file at an address where it can be shared and
// at one where its slots must be copied, and wants the same tables; a slot
// whose pairs are out of range, or a table without an empty slot, must give
// an error.
func TestTableFile(t *testing.T) {
	m, err := newModel([]string{"NOUN/NN", "PUNCT/."}, []string{"punct", "root"})
	if err != nil {
		t.Fatal(err)
	}
	m.tagEntries = []entry{{key: 5<<32 | 2, cls: []uint8{1}, w: []int16{7}}, {key: 6<<32 | 1, cls: []uint8{0, 1, 1}, w: []int16{1, 2, 3}}}
	m.parseEntries = []entry{{key: 9 << 32, dense: [numActions]int16{1, -2, 3}, cls: []uint8{0, 3}, w: []int16{4, -4}}}
	raw, err := m.encode()
	if err != nil {
		t.Fatal(err)
	}
	shared, err := decode(raw, false)
	if err != nil {
		t.Fatal(err)
	}
	if &shared.parser.slots[0] != (*slot)(unsafe.Pointer(&raw[len(raw)-4*2-slotBytes*len(shared.parser.slots)])) {
		t.Fatal("the parser's slots are not the file's bytes")
	}
	odd := make([]byte, len(raw)+1)
	copy(odd[1:], raw)
	copied, err := decode(odd[1:], false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]*table{{shared.tagger, copied.tagger}, {shared.parser, copied.parser}} {
		if !slices.Equal(p[0].slots, p[1].slots) || !slices.Equal(p[0].pairs, p[1].pairs) || p[0].size != p[1].size {
			t.Error("a table read from a copied file differs")
		}
	}
	if s := shared.tagger.find(6<<32 | 1); s == nil || s.n != 3 {
		t.Fatal("the tagger lost a key")
	}
	// A parley-syntax-2 file has no reach: its keys are still found (the
	// tagger's second key is past its home, the first key's).
	old := slices.Clone(raw)
	aliased, err := decode(old, false)
	at := uintptr(unsafe.Pointer(&shared.tagger.slots[0])) - uintptr(unsafe.Pointer(&raw[0]))
	if err != nil || &aliased.tagger.slots[0] != (*slot)(unsafe.Pointer(&old[at])) {
		t.Fatal("the copy's tables are not its bytes")
	}
	for _, tab := range []*table{aliased.tagger, aliased.parser} {
		for j := range tab.slots {
			tab.slots[j].setReach(0)
		}
	}
	copy(old, magic2)
	v2, err := decode(old, false)
	if err != nil {
		t.Fatal(err)
	}
	if v2.tagger.find(5<<32|2) == nil || v2.tagger.find(6<<32|1) == nil || v2.parser.find(9<<32) == nil {
		t.Error("a parley-syntax-2 file's keys are not found")
	}
	// shared's tables are raw's bytes: corrupt them through it
	for _, c := range []struct {
		name    string
		corrupt func()
	}{
		{"pairs out of range", func() { shared.parser.find(9 << 32).n = 3 }},
		{"a bad inline slot", func() { s := shared.parser.find(9 << 32); s.n, s.flags = 1, inlineFlag }},
		{"a class out of range", func() { shared.parser.pairs[1] = 4<<16 | 1 }},
		{"no empty slot", func() {
			for i := range shared.parser.slots {
				shared.parser.slots[i].fp = 1
			}
		}},
	} {
		saved := slices.Clone(raw)
		c.corrupt()
		if _, err := decode(raw, false); err == nil || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: got error %v", c.name, err)
		}
		copy(raw, saved)
	}
}

// TestLabelHalvesAddAllPairs guards label's two scans: the pairs of classes
// below L read from the front and those from L up read from the back add
// the same scores as all the pairs of the slot.
func TestLabelHalvesAddAllPairs(t *testing.T) {
	const L = 40
	rng := rand.New(rand.NewPCG(3, 4))
	var es []entry
	for k := uint64(1); k <= 300; k++ {
		e := entry{key: k * 0x9e3779b97f4a7c15}
		for c := range 2 * L {
			if rng.IntN(3) == 0 { // a third of the classes, of both halves
				e.cls = append(e.cls, uint8(c))
				e.w = append(e.w, int16(rng.IntN(2000)-1000))
			}
		}
		es = append(es, e)
	}
	slices.SortFunc(es, func(a, b entry) int {
		if a.key < b.key {
			return -1
		}
		return 1
	})
	tab := newTable(es)
	for _, e := range es {
		s := tab.find(e.key)
		all, halves := make([]int32, 2*L), make([]int32, 2*L)
		tab.addSparse(s, all)
		tab.addSparseBelow(s, L, halves[:L])
		tab.addSparseFrom(s, L, halves[L:])
		if !slices.Equal(all, halves) {
			t.Fatalf("key %x (%d pairs): the halves add %v, all pairs %v", e.key, s.n, halves, all)
		}
	}
}

// TestReachFindsAsProbing guards the slots' reach: in a table as full as
// the shipped ones, built or with keys promoted, find gives every key the
// slot that probing to the end of its cluster gives, and does not find
// keys that are not in the table, reading fewer slots for them.
func TestReachFindsAsProbing(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var es []entry
	for range 5000 {
		es = append(es, entry{key: rng.Uint64() | 1, cls: []uint8{1}, w: []int16{1}})
	}
	slices.SortFunc(es, func(a, b entry) int {
		if a.key < b.key {
			return -1
		}
		return 1
	})
	tab := newTable(es)
	var hot []uint64
	for _, i := range rng.Perm(len(es))[:1000] {
		hot = append(hot, es[i].key)
	}
	for _, stage := range []string{"built", "promoted"} {
		if stage == "promoted" {
			tab.promote(hot, keysOf(es))
		}
		for _, e := range es {
			if s := tab.find(e.key); s == nil || s != tab.findFrom(tab.home(e.key), fingerprint(e.key)) {
				t.Fatalf("%s: key %x: find and probing give different slots", stage, e.key)
			}
		}
		read, probed := 0, 0
		for range 20000 {
			k := rng.Uint64() | 1
			if tab.find(k) != nil || tab.findFrom(tab.home(k), fingerprint(k)) != nil {
				t.Fatalf("%s: key %x, not in the table, is found", stage, k)
			}
			read += max(int(tab.slots[tab.home(k)].reach()), 1)
			n, _ := tab.probes(k)
			probed += n
		}
		if read >= probed/2 {
			t.Errorf("%s: a miss reads %d slots, probing %d", stage, read, probed)
		}
	}
}
