package syntax

import (
	"maps"
	"slices"
)

// A few features serve most look-ups (in the parser's table the 16k most
// used of 888k serve 72 % of them), but keys inserted in key order put a
// feature wherever its cluster's earlier keys left room: 2.8 slots probed a
// look-up on average, and a third of look-ups ran onto a second cache line.
// Training therefore counts the look-ups of its own training text and
// moves each table's keys, most used first, to their home slot, and their
// pairs to the front of the pairs, so that the hot features take few cache
// lines. Look-ups find the same weights as before.

// useCount counts the look-ups of the tagger's and the parser's keys.
type useCount struct{ tagger, parser map[uint64]int }

func (u *useCount) add(m map[uint64]int, keys []uint64) {
	for _, k := range keys {
		m[k]++
	}
}

// useOrder parses the training sentences with m, counting the look-ups of
// each table, and returns each table's keys found there, most used first
// (ties by key, so that the order depends on the data only).
func useOrder(m *Model, sents []*tsent) (tagger, parser []uint64) {
	u := &useCount{tagger: map[uint64]int{}, parser: map[uint64]int{}}
	p := m.NewParser()
	p.uses = u
	var out []Word
	for _, s := range sents {
		out = p.Parse(s.forms, out)
	}
	return byUse(m.tagger, u.tagger), byUse(m.parser, u.parser)
}

func byUse(t *table, n map[uint64]int) []uint64 {
	keys := slices.Collect(maps.Keys(n))
	keys = slices.DeleteFunc(keys, func(k uint64) bool { return t.find(k) == nil })
	slices.SortFunc(keys, func(a, b uint64) int {
		if n[a] != n[b] {
			return n[b] - n[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	return keys
}

// promote moves the keys of hot, most used first, each to the first slot
// from its home on that no key before it in hot took, the key there going
// to the promoted key's old slot. Both stay findable: the slots from the
// moved key's home to the promoted key's old slot are all taken, so
// probing from its home still reaches it. Then the pairs are laid out
// again, the hot keys' first and in their order, and the slots' reach
// recorded again from all the table's keys.
func (t *table) promote(hot, keys []uint64) {
	placed := make([]bool, t.size)
	var order []uint64 // slot indices of the hot keys, in hot's order
	for _, k := range hot {
		j, ok := t.index(k)
		if !ok {
			continue
		}
		for i := t.home(k); i != j; i = t.next(i) {
			if !placed[i] {
				t.slots[i], t.slots[j] = t.slots[j], t.slots[i]
				j = i
				break
			}
		}
		placed[j] = true
		order = append(order, j)
	}
	t.repack(order, placed)
	t.setReach(keys)
}

func (t *table) next(j uint64) uint64 {
	if j++; j == t.size {
		return 0
	}
	return j
}

// index is the slot index of key k. It probes to the end of the cluster,
// as promote's moves leave the slots' reach out of date.
func (t *table) index(k uint64) (uint64, bool) {
	s := t.findFrom(t.home(k), fingerprint(k))
	if s == nil {
		return 0, false
	}
	for j := t.home(k); ; j = t.next(j) {
		if &t.slots[j] == s {
			return j, true
		}
	}
}

// repack lays the pairs out again: those of the slots of order first, in
// that order, then those of the other slots, in slot order.
func (t *table) repack(order []uint64, placed []bool) {
	pairs := make([]uint32, 0, len(t.pairs))
	move := func(s *slot) {
		if s.fp == 0 || s.inline() {
			return
		}
		off := uint32(len(pairs))
		pairs = append(pairs, t.pairs[s.off:s.off+uint32(s.n)]...)
		s.off = off
	}
	for _, j := range order {
		move(&t.slots[j])
	}
	for j := range t.slots {
		if !placed[j] {
			move(&t.slots[j])
		}
	}
	t.pairs = pairs
}
