package syntax

import (
	"math/rand/v2"
)

// parseTrainer trains the parser with the dynamic oracle of Goldberg and
// Nivre (2013) for arc-hybrid: at each state the best-scoring action that
// loses no reachable gold arc is the target; after the first epoch the
// trainer follows its own mistakes (with probability explore) so that it
// learns to recover from them.
type parseTrainer struct {
	p       *perceptron
	m       *Model
	st      state
	ws      []word
	toks    []pos
	sc      scratch
	feats   []uint64
	scores  []int32
	explore float64
}

func newParseTrainer(m *Model) *parseTrainer {
	return &parseTrainer{p: newPerceptron(), m: m, scores: make([]int32, 2*len(m.labels)), explore: 0.9}
}

// prepare sets up the words with the given (predicted) tags and, as the
// parser sees them, the dictionary's ambiguity classes.
func (t *parseTrainer) prepare(forms []string, tags []uint16) {
	t.ws = t.sc.describeWords(t.ws, forms, t.m.dict)
	for i, tag := range tags {
		t.ws[i+2].tag = tag
	}
}

func (t *parseTrainer) epoch(sents []*tsent, tags [][]uint16, rng *rand.Rand, explore bool) {
	for _, si := range rng.Perm(len(sents)) {
		t.sentence(sents[si], tags[si], rng, explore)
	}
}

func (t *parseTrainer) sentence(s *tsent, tags []uint16, rng *rand.Rand, explore bool) {
	t.prepare(s.forms, tags)
	st := &t.st
	st.reset(len(s.forms))
	ctx := newParseCtx(t.ws, t.m.tags, st, t.toks)
	t.toks = ctx.toks
	for !st.done() {
		t.feats = ctx.features(t.feats[:0])
		var act [numActions]int32
		t.p.scoreDense(t.feats, &act)
		pred := bestLegal(st, &act)
		var cost [numActions]int
		best := 1 << 30
		for a := range numActions {
			if st.legal(a) {
				cost[a] = st.cost(a, s.proj)
				best = min(best, cost[a])
			}
		}
		gold := -1
		for a := range numActions {
			if st.legal(a) && cost[a] == best && (gold < 0 || act[a] > act[gold]) {
				gold = a
			}
		}
		t.p.now++
		take := pred
		if cost[pred] > best {
			t.p.updateDense(t.feats, gold, 1)
			t.p.updateDense(t.feats, pred, -1)
			if !explore || rng.Float64() >= t.explore {
				take = gold
			}
		}
		var lab uint8
		if take != shift {
			lab = t.label(take, s)
		}
		st.apply(take, lab)
	}
}

// label trains and chooses the label of the arc that action a makes. Only
// gold arcs teach the labeller; a wrong arc gets the predicted label.
func (t *parseTrainer) label(a int, s *tsent) uint8 {
	h, d := t.st.arc(a)
	m := t.m
	if h == 0 {
		return m.root
	}
	clear(t.scores)
	t.p.scoreSparse(t.feats, t.scores)
	pred := m.bestLabel(t.scores, a)
	if s.proj[d] != h {
		return pred
	}
	gold := s.labels[d-1]
	if gold == m.root { // a lifted arc can not be the root's
		return pred
	}
	if pred != gold {
		off := uint8(0)
		if a == right {
			off = uint8(len(m.labels))
		}
		t.p.updateSparse(t.feats, off+gold, 1)
		t.p.updateSparse(t.feats, off+pred, -1)
	}
	return gold
}

// cost is the number of gold arcs (of the projective tree gold, indexed by
// token) that action a makes unreachable.
func (s *state) cost(a int, gold []int32) int {
	k := len(s.stack)
	c := 0
	switch a {
	case shift:
		b := s.b
		for i, x := range s.stack {
			if gold[x] == b && x != 0 {
				c++
			}
			if i < k-1 && gold[b] == x {
				c++
			}
		}
	case left, right:
		s0 := s.stack[k-1]
		for d := s.b; d <= s.n; d++ {
			if gold[d] == s0 {
				c++
			}
		}
		h := gold[s0]
		if a == left && ((k >= 2 && h == s.stack[k-2]) || h > s.b) {
			c++
		}
		if a == right && h >= s.b {
			c++
		}
	}
	return c
}

// attachment scores the parser on gold-tagged or predicted-tag sentences.
func attachment(m *Model, sents []*tsent, tags [][]uint16) (uas, las float64) {
	p := m.NewParser()
	n, u, l := 0, 0, 0
	for i, s := range sents {
		p.prepare(s.forms)
		for j := range s.forms {
			p.ws[j+2].tag = tags[i][j]
		}
		p.parse(len(s.forms))
		for j := range s.forms {
			n++
			if p.st.head[j+1] == s.heads[j] {
				u++
				if m.rels[p.st.label[j+1]-1].Main() == m.rels[s.labels[j]].Main() {
					l++
				}
			}
		}
	}
	return float64(u) / float64(max(n, 1)), float64(l) / float64(max(n, 1))
}

// bestLabel is the best label other than root for action a's direction in
// scores over all 2·L label classes (left-arc labels first).
func (m *Model) bestLabel(sc []int32, a int) uint8 {
	L := len(m.labels)
	off := 0
	if a == right {
		off = L
	}
	best := -1
	for l := range L {
		if uint8(l) != m.root && (best < 0 || sc[off+l] > sc[off+best]) {
			best = l
		}
	}
	return uint8(best)
}
