package lexicon

import (
	"maps"
	"slices"
	"testing"
)

// TestNegations guards the shared negation list: each class gives its
// words, classes combine, and a misspelt class panics at start.
func TestNegations(t *testing.T) {
	tests := []struct {
		classes []string
		want    []string
	}{
		{[]string{"particle"}, []string{"n't", "never", "not"}},
		{[]string{"particle", "determiner", "modal"}, []string{"cannot", "n't", "never", "no", "not"}},
		{[]string{"pronoun"}, []string{"neither", "none", "nor", "nothing"}},
	}
	for _, tt := range tests {
		got := slices.Sorted(maps.Keys(Negations(tt.classes...)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Negations(%v) = %v, want %v", tt.classes, got, tt.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown class did not panic")
		}
	}()
	Negations("particles")
}
