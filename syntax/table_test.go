package syntax

import (
	"math/rand/v2"
	"slices"
	"testing"
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
		if s.n&inlineBit != 0 {
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
