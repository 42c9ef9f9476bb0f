package eval

import (
	"cmp"
	"slices"
)

// EntitySpan is an entity for ScoreNER: words [Start, End) of sentence Sent
// (numbered across the whole corpus) and its type.
type EntitySpan struct {
	Sent, Start, End int
	Type             string
}

// NERCounts are the spans of one type: in the gold data, predicted, and
// predicted with exactly the gold extent and type.
type NERCounts struct {
	Gold    int `json:"gold"`
	Pred    int `json:"pred"`
	Correct int `json:"correct"`
}

// Add sums two counts (cross-validation folds).
func (c NERCounts) Add(o NERCounts) NERCounts {
	return NERCounts{Gold: c.Gold + o.Gold, Pred: c.Pred + o.Pred, Correct: c.Correct + o.Correct}
}

// Precision is Correct / Pred (0 without predictions).
func (c NERCounts) Precision() float64 { return ratio(c.Correct, c.Pred) }

// Recall is Correct / Gold (0 without gold spans).
func (c NERCounts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c NERCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERScore is the CoNLL-style score of predicted entities: exact span and
// type, per type and over all scored types.
type NERScore struct {
	Types   map[string]NERCounts `json:"types"`
	Overall NERCounts            `json:"overall"`
	// Ignored counts the predictions left out of scoring because they lie
	// inside an ignored region (a gold annotation that is not a name).
	Ignored int `json:"ignored_predictions"`
	// OnUnscored counts the false positives whose extent is exactly a gold
	// span of an unscored type (a MISC name predicted as a person,
	// organisation or place).
	OnUnscored int `json:"false_positives_on_unscored_gold"`
	// WrongType counts the gold spans predicted with the exact extent but
	// another scored type.
	WrongType int `json:"right_span_wrong_type"`
}

// Add sums two scores.
func (s NERScore) Add(o NERScore) NERScore {
	out := NERScore{Types: map[string]NERCounts{}, Overall: s.Overall.Add(o.Overall),
		Ignored: s.Ignored + o.Ignored, OnUnscored: s.OnUnscored + o.OnUnscored, WrongType: s.WrongType + o.WrongType}
	for t, c := range s.Types {
		out.Types[t] = c
	}
	for t, c := range o.Types {
		out.Types[t] = out.Types[t].Add(c)
	}
	return out
}

// ScoreNER scores pred against gold. Only spans of the types listed count;
// a gold span of another type (MISC) is no entity, so predicting one of the
// scored types on it is a false positive. A prediction that lies entirely
// inside a span of ignore and overlaps no scored gold span is left out.
func ScoreNER(gold, pred, ignore []EntitySpan, types []string) NERScore {
	sc := NERScore{Types: map[string]NERCounts{}}
	scored := func(t string) bool { return slices.Contains(types, t) }
	for _, t := range types {
		sc.Types[t] = NERCounts{}
	}
	type key struct{ sent, start, end int }
	goldAt := map[key]string{}
	var golds []EntitySpan
	for _, g := range gold {
		if scored(g.Type) {
			goldAt[key{g.Sent, g.Start, g.End}] = g.Type
			golds = append(golds, g)
			c := sc.Types[g.Type]
			c.Gold++
			sc.Types[g.Type] = c
		}
	}
	unscored := map[key]bool{}
	for _, g := range gold {
		if !scored(g.Type) {
			unscored[key{g.Sent, g.Start, g.End}] = true
		}
	}
	bySent := func(a, b EntitySpan) int { return cmp.Or(cmp.Compare(a.Sent, b.Sent), cmp.Compare(a.Start, b.Start)) }
	slices.SortFunc(golds, bySent)
	ign := slices.Clone(ignore)
	slices.SortFunc(ign, bySent)
	for _, p := range pred {
		if !scored(p.Type) {
			continue
		}
		k := key{p.Sent, p.Start, p.End}
		gt, hit := goldAt[k]
		if !hit && inside(ign, p) && !overlaps(golds, p) {
			sc.Ignored++
			continue
		}
		c := sc.Types[p.Type]
		c.Pred++
		switch {
		case hit && gt == p.Type:
			c.Correct++
		case hit:
			sc.WrongType++
		case unscored[k]:
			sc.OnUnscored++
		}
		sc.Types[p.Type] = c
	}
	for _, c := range sc.Types {
		sc.Overall = sc.Overall.Add(c)
	}
	return sc
}

// inside reports whether p lies within one span of sorted.
func inside(sorted []EntitySpan, p EntitySpan) bool {
	for _, s := range spansOf(sorted, p.Sent) {
		if s.Start <= p.Start && p.End <= s.End {
			return true
		}
	}
	return false
}

// overlaps reports whether p shares a word with a span of sorted.
func overlaps(sorted []EntitySpan, p EntitySpan) bool {
	for _, s := range spansOf(sorted, p.Sent) {
		if s.Start < p.End && p.Start < s.End {
			return true
		}
	}
	return false
}

// spansOf returns the spans of sentence sent in sorted.
func spansOf(sorted []EntitySpan, sent int) []EntitySpan {
	i, _ := slices.BinarySearchFunc(sorted, sent, func(s EntitySpan, t int) int { return cmp.Compare(s.Sent, t) })
	j := i
	for j < len(sorted) && sorted[j].Sent == sent {
		j++
	}
	return sorted[i:j]
}
