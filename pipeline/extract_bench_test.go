package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley"
)

// BenchmarkExtractStages is BenchmarkExtract with the extract stages only
// (entities, coreference, quotes) over the news corpus, one goroutine:
// GOMAXPROCS=1 go test -bench ExtractStages ./pipeline
func BenchmarkExtractStages(b *testing.B) {
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	f, err := os.Open(filepath.Join(dir, "data", "news", "news.jsonl"))
	if err != nil {
		b.Skipf("news corpus absent (set PARLEY_SHARED): %v", err)
	}
	var ds []parley.Document
	var n int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, parley.Document{ID: rec.ID, Text: rec.Text})
		n += int64(len(rec.Text))
	}
	f.Close()
	p := extractOnly(b)
	ctx := context.Background()
	b.SetBytes(n)
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
