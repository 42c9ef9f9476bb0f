package eval

import "math"

// The CoNLL coreference metrics (MUC, B³, CEAF-e) as the reference scorer
// (Pradhan et al. 2014) computes them, on clusters of mention ids.

// CorefPRF is precision, recall and F1 of one coreference metric.
type CorefPRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// prfSums are the numerators and denominators of recall and precision,
// summed over documents.
type prfSums struct{ rn, rd, pn, pd float64 }

func (s *prfSums) add(o prfSums) { s.rn += o.rn; s.rd += o.rd; s.pn += o.pn; s.pd += o.pd }

func (s prfSums) prf() CorefPRF {
	var out CorefPRF
	if s.rd > 0 {
		out.R = s.rn / s.rd
	}
	if s.pd > 0 {
		out.P = s.pn / s.pd
	}
	if out.P+out.R > 0 {
		out.F1 = 2 * out.P * out.R / (out.P + out.R)
	}
	return out
}

// scoredTypes of the CoNLL metrics: what parley's entity layer recognises.
var corefScoredTypes = map[string]bool{"person": true, "organization": true, "place": true}

// clusters returns the key (gold person, organisation and place entities,
// singletons included) and the response (the system's entities) as
// clusters of mention ids. A system mention is the gold mention whose head
// it covers and inside which it lies (the smallest such); it is left out
// when that gold mention is of a type not scored, and is a mention of its
// own (spurious) when there is none.
func clusters(d *CorefDoc, pred []SysMention) (key, resp [][]int) {
	byChain := map[string]int{}
	for i, m := range d.Mentions {
		if !corefScoredTypes[m.EType] {
			continue
		}
		k, ok := byChain[m.Chain]
		if !ok {
			k = len(key)
			byChain[m.Chain] = k
			key = append(key, nil)
		}
		key[k] = append(key[k], i)
	}
	byEntity := map[int]int{}
	used := map[int]bool{}
	next := len(d.Mentions)
	for _, p := range pred {
		id := alignMention(d, p)
		switch {
		case id >= 0 && !corefScoredTypes[d.Mentions[id].EType]:
			continue
		case id < 0 || used[id]:
			id = next
			next++
		}
		used[id] = true
		k, ok := byEntity[p.Entity]
		if !ok {
			k = len(resp)
			byEntity[p.Entity] = k
			resp = append(resp, nil)
		}
		resp[k] = append(resp[k], id)
	}
	return key, resp
}

// alignMention returns the gold mention p stands for, or -1.
func alignMention(d *CorefDoc, p SysMention) int {
	best := -1
	for i, m := range d.Mentions {
		h := d.Words[m.Head]
		if p.Start <= h.Start && h.End <= p.End && d.Words[m.First].Start <= p.Start && p.End <= d.Words[m.Last-1].End &&
			(best < 0 || m.Last-m.First < d.Mentions[best].Last-d.Mentions[best].First) {
			best = i
		}
	}
	return best
}

// clusterOf maps each mention id to the index of its cluster.
func clusterOf(cs [][]int) map[int]int {
	out := map[int]int{}
	for i, c := range cs {
		for _, m := range c {
			out[m] = i
		}
	}
	return out
}

// mucCounts: the links of each key cluster that the response keeps
// (|K| minus the parts the response splits it into), and the reverse.
func mucCounts(key, resp [][]int) prfSums {
	rn, rd := mucSide(key, resp)
	pn, pd := mucSide(resp, key)
	return prfSums{rn: rn, rd: rd, pn: pn, pd: pd}
}

func mucSide(a, b [][]int) (num, den float64) {
	of := clusterOf(b)
	for _, c := range a {
		parts := map[int]bool{}
		alone := 0
		for _, m := range c {
			if k, ok := of[m]; ok {
				parts[k] = true
			} else {
				alone++
			}
		}
		num += float64(len(c) - len(parts) - alone)
		den += float64(len(c) - 1)
	}
	return num, den
}

// b3Counts: for each mention, the share of its key cluster that its
// response cluster holds (recall), and the reverse (precision).
func b3Counts(key, resp [][]int) prfSums {
	rn, rd := b3Side(key, resp)
	pn, pd := b3Side(resp, key)
	return prfSums{rn: rn, rd: rd, pn: pn, pd: pd}
}

func b3Side(a, b [][]int) (num, den float64) {
	of := clusterOf(b)
	for _, c := range a {
		overlap := map[int]int{}
		for _, m := range c {
			if k, ok := of[m]; ok {
				overlap[k]++
			}
		}
		for _, n := range overlap {
			num += float64(n*n) / float64(len(c))
		}
		den += float64(len(c))
	}
	return num, den
}

// ceafeCounts aligns key and response entities one to one to maximise the
// sum of φ4 = 2|K∩R| / (|K|+|R|); recall divides it by the key entities,
// precision by the response entities.
func ceafeCounts(key, resp [][]int) prfSums {
	of := clusterOf(resp)
	sim := make([][]float64, len(key))
	for i, c := range key {
		sim[i] = make([]float64, len(resp))
		for _, m := range c {
			if k, ok := of[m]; ok {
				sim[i][k]++
			}
		}
		for k := range sim[i] {
			if sim[i][k] > 0 {
				sim[i][k] = 2 * sim[i][k] / float64(len(c)+len(resp[k]))
			}
		}
	}
	best := maxAssignment(sim, len(key), len(resp))
	return prfSums{rn: best, rd: float64(len(key)), pn: best, pd: float64(len(resp))}
}

// maxAssignment returns the largest sum of sim[i][j] over a one-to-one
// assignment of rows to columns (the Hungarian method on the padded square
// cost matrix, O(n³)).
func maxAssignment(sim [][]float64, rows, cols int) float64 {
	n := max(rows, cols)
	if n == 0 {
		return 0
	}
	cost := func(i, j int) float64 {
		if i < rows && j < cols {
			return -sim[i][j]
		}
		return 0
	}
	u, v := make([]float64, n+1), make([]float64, n+1)
	p, way := make([]int, n+1), make([]int, n+1) // p[j]: row assigned to column j (1-based)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		usedCol := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for p[j0] != 0 {
			usedCol[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if usedCol[j] {
					continue
				}
				if c := cost(i0-1, j-1) - u[i0] - v[j]; c < minv[j] {
					minv[j], way[j] = c, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if usedCol[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= n; j++ {
		if i := p[j]; i > 0 {
			total -= cost(i-1, j-1)
		}
	}
	return total
}
