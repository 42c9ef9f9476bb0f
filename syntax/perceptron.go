package syntax

import (
	"math"
	"slices"
)

// perceptron is the averaged perceptron being trained: integer weights per
// feature and class, with the running sums for averaging kept lazily (each
// weight remembers when it last changed).
type perceptron struct {
	idx  map[uint64]int32
	rows []prow
	now  int32 // number of training examples seen
}

type acc struct {
	w     int32
	stamp int32
	total int64
}

type prow struct {
	dense [numActions]acc
	cls   []uint8
	sp    []acc
}

func newPerceptron() *perceptron { return &perceptron{idx: map[uint64]int32{}} }

func (a *acc) add(d int32, now int32) {
	a.total += int64(a.w) * int64(now-a.stamp)
	a.stamp = now
	a.w += d
}

func (p *perceptron) row(k uint64, create bool) *prow {
	i, ok := p.idx[k]
	if !ok {
		if !create {
			return nil
		}
		i = int32(len(p.rows))
		p.idx[k] = i
		p.rows = append(p.rows, prow{})
	}
	return &p.rows[i]
}

// updateDense adds d to the dense weight of action a for every feature.
func (p *perceptron) updateDense(fs []uint64, a int, d int32) {
	for _, k := range fs {
		p.row(k, true).dense[a].add(d, p.now)
	}
}

// updateSparse adds d to the weight of class c for every feature.
func (p *perceptron) updateSparse(fs []uint64, c uint8, d int32) {
	for _, k := range fs {
		r := p.row(k, true)
		j := slices.Index(r.cls, c)
		if j < 0 {
			r.cls = append(r.cls, c)
			r.sp = append(r.sp, acc{stamp: p.now})
			j = len(r.cls) - 1
		}
		r.sp[j].add(d, p.now)
	}
}

// scoreDense adds the current dense weights of the features to scores.
func (p *perceptron) scoreDense(fs []uint64, scores *[numActions]int32) {
	for _, k := range fs {
		if r := p.row(k, false); r != nil {
			for a := range numActions {
				scores[a] += r.dense[a].w
			}
		}
	}
}

// scoreSparse adds the current class weights of the features to scores.
func (p *perceptron) scoreSparse(fs []uint64, scores []int32) {
	for _, k := range fs {
		if r := p.row(k, false); r != nil {
			for j, c := range r.cls {
				if int(c) < len(scores) {
					scores[c] += r.sp[j].w
				}
			}
		}
	}
}

// average returns the averaged weights quantised to int16, dropping those
// smaller than prune (in perceptron updates: 1 is the weight of a feature
// that one update gave and no other changed): the trained model's entries,
// by key. Most features are seen in a few mistakes only; dropping them
// shrinks the model several times for a thousandth of accuracy.
func (p *perceptron) average(prune float64) []entry {
	now := float64(max(p.now, 1))
	avg := func(a acc) float64 { return float64(a.total+int64(a.w)*int64(p.now-a.stamp)) / now }
	maxAbs := 0.0
	for _, r := range p.rows {
		for _, a := range r.dense {
			maxAbs = math.Max(maxAbs, math.Abs(avg(a)))
		}
		for _, a := range r.sp {
			maxAbs = math.Max(maxAbs, math.Abs(avg(a)))
		}
	}
	scale := 32000 / math.Max(maxAbs, 1e-9)
	q := func(a acc) int16 {
		v := avg(a)
		if math.Abs(v) < prune {
			return 0
		}
		return int16(math.Round(v * scale))
	}
	keys := make([]uint64, 0, len(p.idx))
	for k := range p.idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var es []entry
	for _, k := range keys {
		r := &p.rows[p.idx[k]]
		e := entry{key: k}
		keep := false
		for a := range numActions {
			e.dense[a] = q(r.dense[a])
			keep = keep || e.dense[a] != 0
		}
		order := make([]int, len(r.cls))
		for j := range order {
			order[j] = j
		}
		slices.SortFunc(order, func(x, y int) int { return int(r.cls[x]) - int(r.cls[y]) })
		for _, j := range order {
			if w := q(r.sp[j]); w != 0 {
				e.cls = append(e.cls, r.cls[j])
				e.w = append(e.w, w)
			}
		}
		if keep || len(e.cls) > 0 {
			es = append(es, e)
		}
	}
	return es
}
