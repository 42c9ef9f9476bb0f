package ner

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// Word classes are induced from unlabelled text by the exchange algorithm
// (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word of the
// vocabulary is in one of C classes, and words move, one at a time, to the
// class that most raises the likelihood of the text under a class bigram
// model, Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c). Words that share
// neighbours end up together ("Paris", "Berlin"; "band", "group"), which is
// what Brown clusters give the recognisers of Ratinov & Roth (2009) and Koo
// et al. (2008). The same text and options give the same classes.

// InduceOptions are the settings of Induce.
type InduceOptions struct {
	Classes  []int // the numbers of classes, one clustering each (coarse to fine)
	MinCount int   // words seen fewer times share the class of unknown words
	Rounds   int   // passes over the vocabulary
}

// Clustering is the result of Induce: the vocabulary in order of frequency
// and, per word, its class in each clustering.
type Clustering struct {
	Words   []string
	Counts  []int
	Classes [][]uint16 // Classes[k][i]: class of Words[i] in clustering k
	Sizes   []int
}

// boundary stands between sentences in the bigram counts; unknown words are
// one token.
const (
	tokBoundary = 0
	tokUnknown  = 1
)

// Induce clusters the words of sents under their ClusterKey forms.
func Induce(raw [][]string, o InduceOptions) *Clustering {
	counts := map[string]int{}
	sents := make([][]string, len(raw))
	for i, s := range raw {
		sents[i] = make([]string, len(s))
		for j, w := range s {
			k := ClusterKey(w)
			sents[i][j] = k
			counts[k]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= o.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i + 2)
	}
	var text []int32 // token ids, boundaries between sentences
	text = append(text, tokBoundary)
	for _, s := range sents {
		for _, w := range s {
			t, ok := id[w]
			if !ok {
				t = tokUnknown
			}
			text = append(text, t)
		}
		text = append(text, tokBoundary)
	}
	c := &Clustering{Words: vocab, Sizes: o.Classes}
	for _, w := range vocab {
		c.Counts = append(c.Counts, counts[w])
	}
	g := newBigramGraph(text, len(vocab)+2)
	for _, k := range o.Classes {
		cls := exchange(g, k, o.Rounds)
		c.Classes = append(c.Classes, cls[2:])
	}
	return c
}

// bigramGraph holds, per token, its right and left neighbours with counts.
type bigramGraph struct {
	n           int
	count       []int
	right, left [][]edge
	self        []int // N(w,w)
	total       int
	xlogx       []float64
}

type edge struct {
	to int32
	n  int32
}

func newBigramGraph(text []int32, n int) *bigramGraph {
	g := &bigramGraph{n: n, count: make([]int, n), right: make([][]edge, n), left: make([][]edge, n), self: make([]int, n)}
	pairs := map[[2]int32]int32{}
	for i, t := range text {
		g.count[t]++
		if i > 0 {
			pairs[[2]int32{text[i-1], t}]++
		}
	}
	g.total = len(text)
	keys := make([][2]int32, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	for _, k := range keys {
		a, b, m := k[0], k[1], pairs[k]
		if a == b {
			g.self[a] += int(m)
			continue
		}
		g.right[a] = append(g.right[a], edge{b, m})
		g.left[b] = append(g.left[b], edge{a, m})
	}
	g.xlogx = make([]float64, g.total+1)
	for i := 1; i <= g.total; i++ {
		g.xlogx[i] = float64(i) * math.Log(float64(i))
	}
	return g
}

// exchange returns the class of each token in k classes: the boundary and
// the unknown words keep classes of their own (0 and 1) and never move.
func exchange(g *bigramGraph, k, rounds int) []uint16 {
	cls := make([]int32, g.n)
	for t := range cls {
		cls[t] = int32(min(t, 2+(t-2)%(k-2)))
	}
	st := newExchangeState(g, cls, k)
	for range rounds {
		moved := 0
		for t := 2; t < g.n; t++ {
			if st.move(int32(t)) {
				moved++
			}
		}
		if moved == 0 {
			break
		}
	}
	out := make([]uint16, g.n)
	for t, c := range cls {
		out[t] = uint16(c)
	}
	return out
}

// exchangeState is the class bigram table of a clustering being improved.
type exchangeState struct {
	g          *bigramGraph
	cls        []int32
	k          int
	big        []int // big[c*k+d] = N(c,d)
	uni        []int // N(c)
	rw, lw     []int // per class: the counts of the moving word's neighbours
	rSet, lSet []int32
}

func newExchangeState(g *bigramGraph, cls []int32, k int) *exchangeState {
	st := &exchangeState{g: g, cls: cls, k: k, big: make([]int, k*k), uni: make([]int, k), rw: make([]int, k), lw: make([]int, k)}
	for t := range g.n {
		c := int(cls[t])
		st.uni[c] += g.count[t]
		st.big[c*k+c] += g.self[t]
		for _, e := range g.right[t] {
			st.big[c*k+int(cls[e.to])] += int(e.n)
		}
	}
	return st
}

// move takes word t out of its class and puts it in the best one (its own
// on a tie); it reports whether the class changed.
func (st *exchangeState) move(t int32) bool {
	k := st.k
	old := st.cls[t]
	st.neighbours(t)
	st.shift(t, int(old), -1)
	best, bestGain := int(old), st.gain(t, int(old))
	for c := 2; c < k; c++ {
		if c == int(old) {
			continue
		}
		if d := st.gain(t, c); d > bestGain+1e-9 {
			best, bestGain = c, d
		}
	}
	st.shift(t, best, 1)
	st.cls[t] = int32(best)
	for _, c := range st.rSet {
		st.rw[c] = 0
	}
	for _, c := range st.lSet {
		st.lw[c] = 0
	}
	return best != int(old)
}

// neighbours gathers word t's right and left neighbour counts by class
// (t's own repetitions apart, in self).
func (st *exchangeState) neighbours(t int32) {
	st.rSet, st.lSet = st.rSet[:0], st.lSet[:0]
	for _, e := range st.g.right[t] {
		c := st.cls[e.to]
		if st.rw[c] == 0 {
			st.rSet = append(st.rSet, c)
		}
		st.rw[c] += int(e.n)
	}
	for _, e := range st.g.left[t] {
		c := st.cls[e.to]
		if st.lw[c] == 0 {
			st.lSet = append(st.lSet, c)
		}
		st.lw[c] += int(e.n)
	}
}

// shift adds (sign 1) or removes (−1) word t's counts to or from class c.
func (st *exchangeState) shift(t int32, c, sign int) {
	k := st.k
	st.uni[c] += sign * st.g.count[t]
	for _, d := range st.rSet {
		if int(d) != c {
			st.big[c*k+int(d)] += sign * st.rw[d]
		}
	}
	for _, d := range st.lSet {
		if int(d) != c {
			st.big[int(d)*k+c] += sign * st.lw[d]
		}
	}
	st.big[c*k+c] += sign * (st.rw[c] + st.lw[c] + st.g.self[t])
}

// gain is the change of the likelihood when word t (out of every class)
// joins class c.
func (st *exchangeState) gain(t int32, c int) float64 {
	k, f := st.k, st.g.xlogx
	var d float64
	for _, e := range st.rSet {
		if int(e) != c {
			v := st.big[c*k+int(e)]
			d += f[v+st.rw[e]] - f[v]
		}
	}
	for _, e := range st.lSet {
		if int(e) != c {
			v := st.big[int(e)*k+c]
			d += f[v+st.lw[e]] - f[v]
		}
	}
	v := st.big[c*k+c]
	d += f[v+st.rw[c]+st.lw[c]+st.g.self[t]] - f[v]
	u := st.uni[c]
	return d - 2*(f[u+st.g.count[t]]-f[u])
}

// WriteTSV writes the clustering as the table data/clusters.tsv holds:
// a comment header, then word, count and one class per clustering.
func (c *Clustering) WriteTSV(w io.Writer, header string) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	bw.WriteString("word\tcount")
	for _, k := range c.Sizes {
		fmt.Fprintf(bw, "\tc%d", k)
	}
	bw.WriteString("\n")
	for i, wd := range c.Words {
		fmt.Fprintf(bw, "%s\t%d", wd, c.Counts[i])
		for k := range c.Sizes {
			fmt.Fprintf(bw, "\t%d", c.Classes[k][i])
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
