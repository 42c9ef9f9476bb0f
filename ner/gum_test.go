package ner

import (
	"strings"
	"testing"
)

// TestReadGUMKeepsNames: proper-name mentions become spans (the outermost
// name when names nest), descriptions do not.
func TestReadGUMKeepsNames(t *testing.T) {
	gum := gumScheme(t)
	docs, err := ReadGUM(strings.NewReader(gumSample), "sample.conllu", gum, testRule(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "sample" || len(docs[0].Sentences) != 1 {
		t.Fatalf("docs %+v", docs)
	}
	want := []Span{{2, 4, Person}, {6, 7, Place}, {9, 13, Org}}
	if got := docs[0].Sentences[0].Spans; !equalSpans(got, want) {
		t.Errorf("spans %v, want %v", got, want)
	}
}

func TestReadGUMErrors(t *testing.T) {
	tests := []struct{ in, err string }{
		{"1\tA\ta\tPROPN\n", "g:1: want 10 tab-separated columns"},
		{"1\tA\ta\tPROPN\tNNP\t_\t0\troot\t_\tEntity=3)\n", "entity 3 closes but is not open"},
		{"1\tA\ta\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(3-person\n\n", "does not close in the sentence"},
	}
	for _, tc := range tests {
		_, err := ReadGUM(strings.NewReader(tc.in), "g", &Scheme{}, testRule(t))
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
		}
	}
}
