package syntax

import (
	"math/rand/v2"
)

// tagTrainer trains the tagger: greedy left-to-right decoding with the
// predicted tags of the previous words as history, a perceptron update at
// each wrong tag.
type tagTrainer struct {
	p      *perceptron
	m      *Model // for the class count and the dictionary
	sc     scratch
	ws     []word
	feats  []uint64
	scores []int32
}

func newTagTrainer(m *Model) *tagTrainer {
	return &tagTrainer{p: newPerceptron(), m: m, scores: make([]int32, len(m.tags))}
}

func (t *tagTrainer) prepare(forms []string) { t.ws = t.sc.describeWords(t.ws, forms, t.m.dict) }

func (t *tagTrainer) epoch(sents []*tsent, rng *rand.Rand) {
	order := rng.Perm(len(sents))
	for _, si := range order {
		s := sents[si]
		t.prepare(s.forms)
		p1, p2 := uint16(padTag), uint16(padTag)
		for i := range s.forms {
			t.feats = tagFeatures(t.ws, i, p1, p2, t.feats[:0])
			clear(t.scores)
			t.p.scoreSparse(t.feats, t.scores)
			pred := uint16(argmax(t.scores))
			t.p.now++
			if gold := s.tags[i]; pred != gold {
				t.p.updateSparse(t.feats, uint8(gold), 1)
				t.p.updateSparse(t.feats, uint8(pred), -1)
			}
			p2, p1 = p1, pred
		}
	}
}

// tagAll tags the sentences with model m, returning the predicted classes.
func tagAll(m *Model, sents []*tsent) [][]uint16 {
	p := m.NewParser()
	// Training tags as the shipped model was trained: the closed-class
	// constraint (closed.txt) applies when the model is used, so that the
	// same data and seed still give the same model bytes.
	p.closed = nil
	out := make([][]uint16, len(sents))
	for i, s := range sents {
		p.prepare(s.forms)
		p.tag(len(s.forms))
		out[i] = make([]uint16, len(s.forms))
		for j := range s.forms {
			out[i][j] = p.ws[j+2].tag
		}
	}
	return out
}

// tagAccuracy is the share of words whose predicted class has the gold UPOS
// (upos) and the gold class (both).
func tagAccuracy(m *Model, sents []*tsent, pred [][]uint16) (upos, both float64) {
	n, u, b := 0, 0, 0
	for i, s := range sents {
		for j, g := range s.tags {
			n++
			if m.tags[pred[i][j]].upos == m.tags[g].upos {
				u++
			}
			if pred[i][j] == g {
				b++
			}
		}
	}
	return float64(u) / float64(max(n, 1)), float64(b) / float64(max(n, 1))
}
