package ner

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parley-news/parley/lexicon"
)

// kit loads the lexicon, roles and embedded model once for the tests.
var kit = sync.OnceValues(func() (*Model, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		return nil, err
	}
	return Load(lex, roles)
})

func model(tb testing.TB) *Model {
	tb.Helper()
	m, err := kit()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func sentences(text string) []Sentence {
	var out []Sentence
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		out = append(out, Sentence{Words: strings.Fields(line)})
	}
	return out
}

// TestEmbeddedModelTagsNews checks that the shipped model finds and types
// the names of plain news sentences (written for this test).
func TestEmbeddedModelTagsNews(t *testing.T) {
	tests := []struct {
		text string
		want []string // "TYPE: words" in order
	}{
		{"Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Tuesday .",
			[]string{"PERSON: Olaf Scholz", "PERSON: Emmanuel Macron", "PLACE: Berlin"}},
		{"Aid convoys reached Gaza , the United Nations said .",
			[]string{"PLACE: Gaza", "ORG: United Nations"}},
		// the surname alone, at the start of a sentence, is the person
		// named in full before (document evidence)
		{"Rafael Nadal won the French Open .\nNadal said he was tired .",
			[]string{"PERSON: Rafael Nadal", "MISC: French Open", "PERSON: Nadal"}},
	}
	tg := model(t).NewTagger()
	for _, tc := range tests {
		s := sentences(tc.text)
		var got []string
		for _, m := range tg.Tag(s) {
			got = append(got, m.Type.String()+": "+strings.Join(s[m.Sent].Words[m.Start:m.End], " "))
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestTagDoesNotAllocate guards the speed budget: after the first
// document, tagging allocates nothing per word.
func TestTagDoesNotAllocate(t *testing.T) {
	tg := model(t).NewTagger()
	doc := sentences(benchText)
	tg.Tag(doc)
	if n := testing.AllocsPerRun(20, func() { tg.Tag(doc) }); n != 0 {
		t.Errorf("Tag allocates %.1f times per document, want 0", n)
	}
}

const benchText = `
Opposition leader Maria Delgado told reporters in Lisbon that the European Commission had ignored the warnings .
" We will not accept this , " she said on Wednesday , adding that the Socialist Party would vote against the budget .
The ministry of finance in Madrid declined to comment , according to the Spanish news agency EFE .
Delgado , 54 , has led the party since 2019 and is expected to meet Prime Minister Luis Ortega next week .
Analysts at Goldman Sachs said the dispute could delay payments from the fund until the spring .
`

// BenchmarkTag measures tagging on generated news prose; ns/op is per
// document and the words/s metric per word.
func BenchmarkTag(b *testing.B) {
	tg := model(b).NewTagger()
	doc := sentences(benchText)
	words := 0
	for _, s := range doc {
		words += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(doc)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
}

// BenchmarkLoad measures reading the embedded model.
func BenchmarkLoad(b *testing.B) {
	m := model(b)
	for b.Loop() {
		if _, err := Load(m.lex, m.roles); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSparseTableReadsAsTheDenseOne(t *testing.T) {
	dense := make([]int16, 300*numLabels)
	for r := 0; r < 300; r += 7 { // every seventh row holds weights
		for y := range numLabels {
			dense[r*numLabels+y] = int16(r*10 + y - 40)
		}
	}
	tb := newTable(dense)
	if tb.nonZero() != 43 {
		t.Fatalf("%d rows kept, want 43", tb.nonZero())
	}
	for r := range 300 {
		row := tb.row(uint32(r))
		want := dense[r*numLabels : (r+1)*numLabels]
		if r%7 != 0 {
			if row != nil {
				t.Fatalf("row %d = %v, want none", r, row)
			}
			continue
		}
		if row == nil || !slices.Equal(row[:], want) {
			t.Fatalf("row %d = %v, want %v", r, row, want)
		}
	}
}

func TestTagSomeTagsTheChosenSentencesAsTagDoes(t *testing.T) {
	m := model(t)
	sents := []Sentence{
		{Words: strings.Fields("Anna Berg met the Harbour Bank board in Lisbon .")},
		{Words: strings.Fields("it rained all day .")},
		{Words: strings.Fields("Berg said the Harbour Bank would hold rates .")},
	}
	tg := m.NewTagger()
	all := append([]Mention(nil), tg.Tag(sents)...)
	some := tg.TagSome(sents, func(i int) bool { return i != 1 })
	var want []Mention
	for _, mn := range all {
		if mn.Sent != 1 {
			want = append(want, mn)
		}
	}
	if !slices.Equal(some, want) || len(want) == 0 {
		t.Errorf("TagSome = %v, want Tag's %v without sentence 1", some, want)
	}
}
