package syntax

import (
	"fmt"
	"slices"

	"github.com/parley-news/parley/conllu"
)

// tsent is a training or evaluation sentence: its words and gold analysis.
// heads and labels are indexed by word (0-based); heads are token numbers
// (0 the root).
type tsent struct {
	forms  []string
	tags   []uint16
	heads  []int32
	labels []uint8
	lemmas []string
	proj   []int32 // heads made projective, indexed by token (1..n), for the oracle
}

// classes collects the tag classes and labels of the treebank, sorted, so
// that the numbering depends on the data only.
func classes(sents []*conllu.Sentence) (tags, labels []string) {
	ts, ls := map[string]bool{}, map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if t.Kind == conllu.Word {
				ts[t.UPOS+"/"+t.XPOS] = true
				ls[t.Deprel] = true
			}
		}
	}
	for t := range ts {
		tags = append(tags, t)
	}
	for l := range ls {
		labels = append(labels, l)
	}
	slices.Sort(tags)
	slices.Sort(labels)
	return tags, labels
}

// convert turns treebank sentences into tsents for model m. Words whose tag
// or label the model lacks (in dev or test) get class and label 0: they
// count as errors, never as a reason to fail.
func convert(m *Model, sents []*conllu.Sentence) ([]*tsent, error) {
	tagIdx, labIdx := map[string]uint16{}, map[string]uint8{}
	for _, t := range m.tags {
		tagIdx[t.name] = t.id
	}
	for i, l := range m.labels {
		labIdx[l] = uint8(i)
	}
	out := make([]*tsent, 0, len(sents))
	for _, s := range sents {
		ts := &tsent{}
		for _, t := range s.Tokens {
			if t.Kind != conllu.Word {
				continue
			}
			h := conllu.HeadOf(&t)
			if h < 0 {
				return nil, fmt.Errorf("sentence at line %d: word %d has no HEAD", s.Line, t.N)
			}
			ts.forms = append(ts.forms, t.Form)
			ts.tags = append(ts.tags, tagIdx[t.UPOS+"/"+t.XPOS])
			ts.heads = append(ts.heads, int32(h))
			ts.labels = append(ts.labels, labIdx[t.Deprel])
			ts.lemmas = append(ts.lemmas, t.Lemma)
		}
		if len(ts.forms) == 0 {
			continue
		}
		ts.proj = projectivize(ts.heads)
		out = append(out, ts)
	}
	return out, nil
}

// projectivize lifts non-projective arcs (the dependent moves up to its
// head's head, Nivre and Nilsson 2005), shortest first, until the tree is
// projective, so that the oracle can reach it. The result is indexed by
// token: [0] is -1, [i] is the head of word i.
func projectivize(heads []int32) []int32 {
	h := make([]int32, len(heads)+1)
	h[0] = -1
	copy(h[1:], heads)
	for range len(h) * len(h) {
		best, span := int32(-1), int32(1<<30)
		for d := int32(1); d < int32(len(h)); d++ {
			if s := abs32(h[d] - d); s < span && !projectiveArc(h, h[d], d) {
				best, span = d, s
			}
		}
		if best < 0 || h[h[best]] < 0 {
			break
		}
		h[best] = h[h[best]]
	}
	return h
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// projectiveArc: every token between head and dependent descends from head.
func projectiveArc(h []int32, head, dep int32) bool {
	lo, hi := min(head, dep), max(head, dep)
	for k := lo + 1; k < hi; k++ {
		x := k
		for steps := 0; x != head && x > 0 && steps < len(h); steps++ {
			x = h[x]
		}
		if x != head {
			return false
		}
	}
	return true
}

// tagDict builds the ambiguity classes: for each lower-case word seen at
// least twice, a hash of the set of tag classes that make up 5 % or more of
// its occurrences.
func tagDict(sents []*tsent) map[uint64]uint64 {
	counts := map[string]map[uint16]int{}
	var b []byte
	for _, s := range sents {
		for i, f := range s.forms {
			b = appendLowerBytes(b[:0], f)
			c := counts[string(b)]
			if c == nil {
				c = map[uint16]int{}
				counts[string(b)] = c
			}
			c[s.tags[i]]++
		}
	}
	dict := map[uint64]uint64{}
	for w, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < 2 {
			continue
		}
		var set []uint16
		for t, n := range c {
			if n*20 >= total {
				set = append(set, t)
			}
		}
		slices.Sort(set)
		h := uint64(fnvOffset)
		for _, t := range set {
			h = mix(h, uint64(t))
		}
		dict[hashString(w)] = nonZero(h)
	}
	return dict
}
