package main

import (
	"math/rand/v2"
	"sort"
)

// example is one candidate trigger: its features and its PLOVER type.
type example struct {
	feats []string
	label string
}

// perceptron is a multi-class averaged perceptron: deterministic for a
// given example order and seed, small, and with scores comparable across
// classes, so a margin between the best two types can gate its use.
type perceptron struct {
	classes []string
	w       map[string][]float64 // feature -> weight per class (averaged after training)
}

// train runs epochs passes over exs, shuffled with a fixed seed, and keeps
// the average of the weights over all steps (the usual guard against the
// last examples deciding the model).
func train(exs []example, epochs int, seed uint64) *perceptron {
	set := map[string]bool{}
	for _, e := range exs {
		set[e.label] = true
	}
	p := &perceptron{w: map[string][]float64{}}
	for c := range set {
		p.classes = append(p.classes, c)
	}
	sort.Strings(p.classes)
	idx := map[string]int{}
	for i, c := range p.classes {
		idx[c] = i
	}
	n := len(p.classes)
	tot := map[string][]float64{} // sum of updates weighted by the step they were made
	step := 1.0
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for ep := 0; ep < epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := exs[k]
			guess, _, _ := p.best(e.feats)
			if gold := idx[e.label]; guess != gold {
				for _, f := range e.feats {
					if p.w[f] == nil {
						p.w[f], tot[f] = make([]float64, n), make([]float64, n)
					}
					p.w[f][gold]++
					p.w[f][guess]--
					tot[f][gold] += step
					tot[f][guess] -= step
				}
			}
			step++
		}
	}
	for f, ws := range p.w {
		for c := range ws {
			ws[c] -= tot[f][c] / step
		}
	}
	return p
}

// best returns the index of the best class, its score and the margin over
// the second best.
func (p *perceptron) best(feats []string) (int, float64, float64) {
	sc := make([]float64, len(p.classes))
	for _, f := range feats {
		for c, v := range p.w[f] {
			sc[c] += v
		}
	}
	b, s := 0, -1e18
	for c, v := range sc {
		if v > s {
			b, s = c, v
		}
	}
	second := -1e18
	for c, v := range sc {
		if c != b && v > second {
			second = v
		}
	}
	return b, s, s - second
}

// predict returns the best type and its margin.
func (p *perceptron) predict(feats []string) (string, float64) {
	b, _, m := p.best(feats)
	return p.classes[b], m
}
