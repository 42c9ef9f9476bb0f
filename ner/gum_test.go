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

// TestReadGUMHeadNames: a mention that holds an apposition or a relative
// clause gives the name it opens with; a possessor's mention ("Anna 's") is
// her name; the name before a possessive inside a longer mention ("Anna 's
// book Hydra") is not that mention's.
func TestReadGUMHeadNames(t *testing.T) {
	tests := []struct {
		name, conllu string
		want         []Span
	}{
		{"relative clause", `1	Anna	Anna	PROPN	NNP	_	0	root	_	Entity=(1-person-new
2	Berg	Berg	PROPN	NNP	_	1	flat	_	_
3	,	,	PUNCT	,	_	1	punct	_	_
4	whom	whom	PRON	WP	_	5	obj	_	_
5	he	he	PRON	PRP	_	1	acl	_	Entity=(2-person-new)1)
6	met	meet	VERB	VBD	_	1	acl	_	_
`, []Span{{0, 2, Person}}},
		{"apposition", `1	Oslo	Oslo	PROPN	NNP	_	0	root	_	Entity=(1-place-new
2	,	,	PUNCT	,	_	1	punct	_	_
3	in	in	ADP	IN	_	4	case	_	_
4	Norway	Norway	PROPN	NNP	_	1	nmod	_	Entity=(2-place-new)1)
`, []Span{{0, 1, Place}, {3, 4, Place}}},
		{"possessor", `1	Anna	Anna	PROPN	NNP	_	3	nmod:poss	_	Entity=(1-person-new
2	's	's	PART	POS	_	1	case	_	Entity=1)
3	book	book	NOUN	NN	_	0	root	_	_
`, []Span{{0, 1, Person}}},
		{"possessor inside a work", `1	Anna	Anna	PROPN	NNP	_	3	nmod:poss	_	Entity=(1-object-new
2	's	's	PART	POS	_	1	case	_	_
3	book	book	NOUN	NN	_	0	root	_	_
4	Hydra	Hydra	PROPN	NNP	_	3	appos	_	Entity=1)
`, nil},
	}
	gum := gumScheme(t)
	for _, tc := range tests {
		docs, err := ReadGUM(strings.NewReader(tc.conllu), "g", gum, testRule(t))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := docs[0].Sentences[0].Spans; !equalSpans(got, tc.want) {
			t.Errorf("%s: spans %v, want %v", tc.name, got, tc.want)
		}
	}
}
