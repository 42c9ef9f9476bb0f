package eval

import "testing"

func TestScoreNER(t *testing.T) {
	types := []string{"PERSON", "ORG", "PLACE"}
	gold := []EntitySpan{
		{0, 0, 2, "PERSON"}, // found
		{0, 4, 5, "PLACE"},  // found with the wrong type
		{1, 0, 1, "ORG"},    // missed
		{1, 3, 5, "MISC"},   // a MISC name: not an entity
	}
	ignore := []EntitySpan{{2, 0, 3, "PERSON"}}
	pred := []EntitySpan{
		{0, 0, 2, "PERSON"},
		{0, 4, 5, "ORG"},
		{1, 3, 5, "PLACE"},  // false positive on the MISC span
		{1, 6, 7, "PERSON"}, // plain false positive
		{2, 1, 2, "PERSON"}, // inside an ignored region: left out
		{2, 2, 4, "PERSON"}, // leaves the ignored region: counts
		{1, 3, 5, "MISC"},   // not a scored type
	}
	sc := ScoreNER(gold, pred, ignore, types)
	want := map[string]NERCounts{
		"PERSON": {Gold: 1, Pred: 3, Correct: 1},
		"ORG":    {Gold: 1, Pred: 1, Correct: 0},
		"PLACE":  {Gold: 1, Pred: 1, Correct: 0},
	}
	for tp, w := range want {
		if sc.Types[tp] != w {
			t.Errorf("%s: %+v, want %+v", tp, sc.Types[tp], w)
		}
	}
	if sc.Overall != (NERCounts{Gold: 3, Pred: 5, Correct: 1}) {
		t.Errorf("overall %+v", sc.Overall)
	}
	if sc.Ignored != 1 || sc.OnUnscored != 1 || sc.WrongType != 1 {
		t.Errorf("ignored %d, on MISC %d, wrong type %d; want 1, 1, 1", sc.Ignored, sc.OnUnscored, sc.WrongType)
	}
	if p, r := sc.Overall.Precision(), sc.Overall.Recall(); p != 0.2 || r != 1.0/3 {
		t.Errorf("P %v R %v", p, r)
	}
	if f := (NERCounts{}).F1(); f != 0 {
		t.Errorf("F1 of nothing is %v, want 0", f)
	}
}

// TestScoreNERAddSumsFolds: the score of two halves added is the score of
// the whole.
func TestScoreNERAddSumsFolds(t *testing.T) {
	types := []string{"PERSON"}
	a := ScoreNER([]EntitySpan{{0, 0, 1, "PERSON"}}, []EntitySpan{{0, 0, 1, "PERSON"}}, nil, types)
	b := ScoreNER([]EntitySpan{{0, 0, 1, "PERSON"}}, []EntitySpan{{0, 1, 2, "PERSON"}}, nil, types)
	s := a.Add(b)
	if s.Overall != (NERCounts{Gold: 2, Pred: 2, Correct: 1}) || s.Types["PERSON"] != s.Overall {
		t.Errorf("sum %+v", s)
	}
}
