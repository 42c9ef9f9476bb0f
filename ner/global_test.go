package ner

import (
	"slices"
	"testing"
)

// TestGlobalFeatsReadTheOtherOccurrences checks what the second pass knows
// of a word: the types its other occurrences in the document got in the
// first pass, never its own.
func TestGlobalFeatsReadTheOtherOccurrences(t *testing.T) {
	const shift = 64 - 19
	h := func(v uint64) uint32 { return uint32(v >> shift) }
	set := func(ts ...Type) uint64 {
		var s uint64
		for _, t := range ts {
			s |= 1 << t
		}
		return s
	}
	feats := func(own Type, others []Type, major Type, share uint64) []uint32 {
		return []uint32{h(mix(tGlobalSet, set(others...))), h(mix2(tGlobalSetOwn, set(others...), uint64(own))), h(mix2(tGlobalMajor, uint64(major), share))}
	}
	b := func(t Type) uint8 { return labelB(t) }
	cases := []struct {
		name   string
		doc    [][]string // the document's words, one sentence a line
		labels [][]uint8  // their first-pass labels
		word   string
		own    uint8
		want   []uint32
	}{
		{"a word met once has nothing to go by",
			[][]string{{"Kestrel", "said", "so"}}, [][]uint8{{b(Person), 0, 0}}, "Kestrel", b(Person), nil},
		{"the others agree: an organisation, though this one was read as a person",
			[][]string{{"Kestrel", "said"}, {"shares", "in", "Kestrel"}, {"Kestrel", "Ltd"}},
			[][]uint8{{b(Person), 0}, {0, 0, b(Org)}, {b(Org), b(Org) + 1}}, "Kestrel", b(Person),
			feats(Person, []Type{Org}, Org, 2)},
		{"its own label is not counted",
			[][]string{{"Kestrel", "said"}, {"Kestrel", "Ltd"}},
			[][]uint8{{b(Org), 0}, {b(Org), b(Org) + 1}}, "Kestrel", b(Org),
			feats(Org, []Type{Org}, Org, 2)},
		{"the others disagree: the type most got, not by all",
			[][]string{{"Kestrel"}, {"Kestrel"}, {"Kestrel"}, {"Kestrel"}},
			[][]uint8{{b(Org)}, {b(Org)}, {b(Person)}, {0}}, "Kestrel", 0,
			feats(None, []Type{Org, Person}, Org, 1)},
		{"a tie is no majority",
			[][]string{{"Kestrel"}, {"Kestrel"}, {"Kestrel"}},
			[][]uint8{{b(Org)}, {b(Place)}, {b(Person)}}, "Kestrel", b(Person),
			feats(Person, []Type{Org, Place}, Org, 0)},
		{"lower-case words are not counted",
			[][]string{{"kestrel"}, {"kestrel"}}, [][]uint8{{0}, {0}}, "kestrel", 0, nil},
	}
	for _, c := range cases {
		v := votes{}
		for i, s := range c.doc {
			v.count(s, c.labels[i])
		}
		if got := globalFeats(nil, shift, v, c.word, c.own); !slices.Equal(got, c.want) {
			t.Errorf("%s: globalFeats = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestSecondPassAddsTheOtherOccurrencesWeights checks that a word's
// second-pass features are read: in a model whose only weight says "a
// capitalised word the first pass left out everywhere else is an
// organisation", the words met twice become organisations and the word met
// once does not.
func TestSecondPassAddsTheOtherOccurrencesWeights(t *testing.T) {
	base := model(t)
	const logBuckets = 10
	dense := make([]int16, (1<<logBuckets)*numLabels)
	row := uint32(mix(tGlobalSet, 1<<None) >> (64 - logBuckets))
	dense[int(row)*numLabels+int(labelB(Org))] = 100
	m := &Model{lex: base.lex, roles: base.roles, ev: base.ev, logBuckets: logBuckets,
		weights: newTable(dense), trans: make([]int32, (numLabels+1)*numLabels), valid: validTransitions()}
	sents := sentences("the Kestrel board met in Lisbon .\nshares in Kestrel fell .")
	got := m.NewTagger().Tag(sents)
	want := []Mention{{Sent: 0, Span: Span{Start: 1, End: 2, Type: Org}}, {Sent: 1, Span: Span{Start: 2, End: 3, Type: Org}}}
	if !slices.Equal(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
}
