package ner

// startRow is the row of the transition table that holds the scores of the
// first label of a sentence.
const startRow = numLabels

// validTransition reports whether label cur may follow label prev (startRow
// at the start of a sentence): an I label only continues its own type.
func validTransition(prev, cur uint8) bool {
	t, begin := labelType(cur)
	if t == None || begin {
		return true
	}
	if prev == startRow {
		return false
	}
	pt, _ := labelType(prev)
	return pt == t
}

// decoder holds the scratch space of Viterbi decoding.
type decoder[T int32 | float32] struct {
	back []uint8 // n × numLabels back pointers
}

// valid[p][y] says whether label y may follow p (validTransition).
type transitions [numLabels + 1][numLabels]bool

func validTransitions() *transitions {
	var v transitions
	for p := range uint8(numLabels + 1) {
		for y := range uint8(numLabels) {
			v[p][y] = validTransition(p, y)
		}
	}
	return &v
}

// best fills out with the highest-scoring valid label sequence given the
// emission scores emit (n × numLabels) and the transition scores trans
// ((numLabels+1) × numLabels). When mask is not nil, word i may only take
// the labels whose bit is set in mask[i].
func (d *decoder[T]) best(emit, trans []T, valid *transitions, mask []uint16, out []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	d.back = grow(d.back, n*numLabels)
	var cur, next [numLabels]T
	var ok, nextOK [numLabels]bool
	for y := range uint8(numLabels) {
		if valid[startRow][y] && allowed(mask, 0, y) {
			cur[y], ok[y] = trans[startRow*numLabels+int(y)]+emit[y], true
		}
	}
	for i := 1; i < n; i++ {
		e := emit[i*numLabels : (i+1)*numLabels]
		back := d.back[i*numLabels : (i+1)*numLabels]
		for y := range uint8(numLabels) {
			nextOK[y] = false
			if !allowed(mask, i, y) {
				continue
			}
			var bestS T
			var bestP uint8
			found := false
			for p := range uint8(numLabels) {
				if !ok[p] || !valid[p][y] {
					continue
				}
				if s := cur[p] + trans[int(p)*numLabels+int(y)]; !found || s > bestS {
					bestS, bestP, found = s, p, true
				}
			}
			next[y], nextOK[y], back[y] = bestS+e[y], found, bestP
		}
		cur, ok = next, nextOK
	}
	var y uint8
	found := false
	for l := range uint8(numLabels) {
		if ok[l] && (!found || cur[l] > cur[y]) {
			y, found = l, true
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = y
		if i > 0 {
			y = d.back[i*numLabels+int(y)]
		}
	}
}

func allowed(mask []uint16, i int, y uint8) bool {
	return mask == nil || mask[i]&(1<<y) != 0
}
