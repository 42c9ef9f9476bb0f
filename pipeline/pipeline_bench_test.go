package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// newsCorpus loads ../shared/data/news/news.jsonl (or $PARLEY_SHARED's),
// skipping the benchmark or test when it is absent.
func newsCorpus(b testing.TB) []parley.Document {
	b.Helper()
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	name := filepath.Join(dir, "data", "news", "news.jsonl")
	f, err := os.Open(name)
	if err != nil {
		b.Skipf("news corpus absent (set PARLEY_SHARED): %v", err)
	}
	defer f.Close()
	var ds []parley.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		ds = append(ds, parley.Document{ID: rec.ID, Text: rec.Text})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return ds
}

// syntheticNews writes n articles of invented news prose: named and titled
// speakers, direct, indirect and split quotes, pronouns, outlets, places.
func syntheticNews(n int) []parley.Document {
	rng := rand.New(rand.NewPCG(1, 2))
	first := []string{"Anna", "Pavel", "Maria", "John", "Leila", "Tomasz", "Grace", "Kenji", "Ines", "Omar"}
	last := []string{"Kowalski", "Ferreira", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Reyes", "Berg"}
	roles := []string{"Foreign Minister", "Senator", "the spokeswoman for the ministry,", "Prime Minister", "an aide to the president,"}
	places := []string{"Geneva", "Riyadh", "Nairobi", "Warsaw", "Lima", "Jakarta", "Ottawa", "Cairo"}
	outlets := []string{"Reuters", "the Associated Press", "Agence France-Presse", "the BBC"}
	cues := []string{"said", "told reporters", "added", "warned", "insisted", "denied"}
	claims := []string{
		"the talks would continue next week", "no agreement had been reached on the border",
		"the embassy would reopen within a month", "the sanctions were unlawful",
		"both delegations had agreed to meet again", "the report was completely false",
	}
	person := func() string { return first[rng.IntN(len(first))] + " " + last[rng.IntN(len(last))] }
	ds := make([]parley.Document, n)
	for i := range ds {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Talks in %s end without a deal\n\n", places[rng.IntN(len(places))])
		for p := 0; p < 8+rng.IntN(8); p++ {
			who, role := person(), roles[rng.IntN(len(roles))]
			claim := claims[rng.IntN(len(claims))]
			switch rng.IntN(5) {
			case 0:
				fmt.Fprintf(&sb, "“We believe %s,” %s %s %s on Tuesday.", claim, cues[rng.IntN(len(cues))], role, who)
			case 1:
				fmt.Fprintf(&sb, "%s %s %s that %s, %s reported.", role, who, cues[rng.IntN(len(cues))], claim, outlets[rng.IntN(len(outlets))])
			case 2:
				fmt.Fprintf(&sb, "\"This is not over,\" %s said. \"We expect that %s.\"", who, claim)
			case 3:
				fmt.Fprintf(&sb, "According to sources familiar with the talks in %s, %s. He declined to comment further.", places[rng.IntN(len(places))], claim)
			default:
				fmt.Fprintf(&sb, "Delegations from %s and %s met for six hours. %s %s, %s said in a statement.",
					places[rng.IntN(len(places))], places[rng.IntN(len(places))], strings.ToUpper(claim[:1]), claim[1:], who)
			}
			sb.WriteString("\n\n")
		}
		ds[i] = parley.Document{ID: fmt.Sprintf("synthetic-%d", i), Text: sb.String()}
	}
	return ds
}

func textBytes(ds []parley.Document) int64 {
	var n int64
	for _, d := range ds {
		n += int64(len(d.Text))
	}
	return n
}

// benchSerial analyses every document once per iteration on one goroutine:
// with GOMAXPROCS=1 it is the one-core speed.
func benchSerial(b *testing.B, p *Pipeline, ds []parley.Document) {
	ctx := context.Background()
	b.SetBytes(textBytes(ds))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range ds {
			if _, err := p.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(ds)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// benchStream runs the corpus through Stream with one worker per core.
func benchStream(b *testing.B, p *Pipeline, ds []parley.Document) {
	ctx := context.Background()
	b.SetBytes(textBytes(ds))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		in := make(chan parley.Document)
		go func() {
			defer close(in)
			for _, d := range ds {
				in <- d
			}
		}()
		for r := range p.Stream(ctx, in, 0) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	b.ReportMetric(float64(len(ds)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func full(b *testing.B) *Pipeline {
	b.Helper()
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkExtract is the "extract" speed: entities, coreference and quotes
// (the stages before events) over the news corpus, one goroutine.
//
//	GOMAXPROCS=1 go test -run '^$' -bench . ./pipeline
func BenchmarkExtract(b *testing.B) { benchSerial(b, extractOnly(b), newsCorpus(b)) }

// BenchmarkFull is the whole pipeline (New) over the news corpus, one goroutine.
func BenchmarkFull(b *testing.B) { benchSerial(b, full(b), newsCorpus(b)) }

// BenchmarkStream is the whole pipeline over the news corpus through the
// worker pool, one worker per core.
func BenchmarkStream(b *testing.B) { benchStream(b, full(b), newsCorpus(b)) }

// BenchmarkExtractSynthetic and BenchmarkFullSynthetic always run:
// generated articles, ~0.5 MB.
func BenchmarkExtractSynthetic(b *testing.B) { benchSerial(b, extractOnly(b), syntheticNews(200)) }

func BenchmarkFullSynthetic(b *testing.B) { benchSerial(b, full(b), syntheticNews(200)) }

// TestNewsCorpusDocsAreValid runs the whole pipeline over the news corpus
// and checks the invariants of every Doc it makes (spans, order, nesting,
// references).
func TestNewsCorpusDocsAreValid(t *testing.T) {
	ds := newsCorpus(t)
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, d := range ds {
			in <- d
		}
	}()
	for r := range p.Stream(ctx, in, 0) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Document.ID, r.Err)
		}
		if err := r.Doc.Validate(); err != nil {
			t.Fatalf("%s: %v", r.Document.ID, err)
		}
	}
}

// TestSyntheticNewsIsAnalysed keeps the synthetic benchmark honest: the
// generated text must go through the pipeline without errors.
func TestSyntheticNewsIsAnalysed(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range syntheticNews(5) {
		if _, err := p.Extract(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
	}
}
