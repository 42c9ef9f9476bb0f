package sqlite_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
)

// newsDocs reads the shared news corpus (../shared/data/news/news.jsonl, or
// $PARLEY_SHARED), skipping the benchmark when it is absent.
func newsDocs(b *testing.B) []parley.Document {
	b.Helper()
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	f, err := os.Open(filepath.Join(dir, "data", "news", "news.jsonl"))
	if err != nil {
		b.Skipf("news corpus not found (%v): set PARLEY_SHARED", err)
	}
	defer f.Close()
	var docs []parley.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Title, Text, Source string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, parley.Document{ID: rec.ID, Title: rec.Title, Text: rec.Text, Outlet: rec.Source,
			Published: time.Date(2025, 1, 1+len(docs)%300, 0, 0, 0, 0, time.UTC)})
	}
	return docs
}

func extractAll(b *testing.B, docs []parley.Document) []*parley.Doc {
	b.Helper()
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, d := range docs {
			in <- d
		}
	}()
	var out []*parley.Doc
	for r := range p.Stream(context.Background(), in, 0) {
		if r.Err != nil {
			b.Fatal(r.Err)
		}
		out = append(out, r.Doc)
	}
	return out
}

func dbSize(b *testing.B, path string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(path + suffix); err == nil {
			n += st.Size()
		}
	}
	return n
}

// BenchmarkPutAnalyses stores the analyses of the news corpus (extracted
// beforehand) in batches of 100, 500 and 2,074 (the whole corpus): the store
// alone. Reports articles/s, the process's CPU time per article (the figure
// to trust on a shared machine) and the database size per 1,000 articles.
func BenchmarkPutAnalyses(b *testing.B) {
	analyses := extractAll(b, newsDocs(b))
	for _, batch := range []int{100, 500, len(analyses)} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			benchPut(b, analyses, batch)
		})
	}
}

func benchPut(b *testing.B, analyses []*parley.Doc, batch int) {
	var stored int
	var size int64
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bench.db")
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		for i := 0; i < len(analyses); i += batch {
			if _, err := s.PutAnalyses(context.Background(), analyses[i:min(i+batch, len(analyses))]); err != nil {
				b.Fatal(err)
			}
		}
		// Close checkpoints the WAL: part of what storing costs.
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		size = dbSize(b, path)
		stored += len(analyses)
		b.StartTimer()
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(stored), "cpu-µs/article")
	b.ReportMetric(float64(size)/float64(len(analyses))*1000/(1<<20), "MiB/1000articles")
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngestWithExtraction runs extraction (all cores) and the store
// together, as parley ingest does: articles/s end to end.
func BenchmarkIngestWithExtraction(b *testing.B) {
	docs := newsDocs(b)
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var stored int
	for range b.N {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "bench.db")
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		in := make(chan parley.Document)
		go func() {
			defer close(in)
			for _, d := range docs {
				in <- d
			}
		}()
		// Batches are written by their own goroutine, so that extraction goes
		// on while a batch commits.
		batches := make(chan []*parley.Doc, 2)
		done := make(chan error, 1)
		go func() {
			var err error
			for batch := range batches {
				if err == nil {
					_, err = s.PutAnalyses(context.Background(), batch)
				}
			}
			done <- err
		}()
		var batch []*parley.Doc
		for r := range p.Stream(context.Background(), in, 0) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			if batch = append(batch, r.Doc); len(batch) == 100 {
				batches <- batch
				batch = nil
			}
		}
		batches <- batch
		close(batches)
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		stored += len(docs)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkHasContent is the question ingest asks of every document it
// reads: is this text stored?
func BenchmarkHasContent(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "parley.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; b.Loop(); i++ {
		if _, err := s.HasContent(ctx, fmt.Sprintf("%064x", i)); err != nil {
			b.Fatal(err)
		}
	}
}
