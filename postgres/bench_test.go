package postgres_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
)

// newsAnalyses extracts the shared news corpus ($PARLEY_SHARED, else
// ../../shared), skipping the benchmark when it is absent.
func newsAnalyses(b *testing.B) []*parley.Doc {
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
	p, err := pipeline.New()
	if err != nil {
		b.Fatal(err)
	}
	var out []*parley.Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Title, Text, Source string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		a, err := p.Extract(context.Background(), parley.Document{ID: rec.ID, Title: rec.Title, Text: rec.Text, Outlet: rec.Source,
			Published: time.Date(2025, 1, 1+len(out)%300, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkPutAnalyses stores the analyses of the news corpus (extracted
// beforehand) in batches of 64, the worker's default, into a new schema:
// the store alone, from one goroutine.
func BenchmarkPutAnalyses(b *testing.B) {
	analyses := newsAnalyses(b)
	if os.Getenv("PARLEY_BENCH_SLOWLOG") != "" || os.Getenv("PARLEY_BENCH_600") != "" { // diagnose: 600 articles (SLOWLOG: every statement in the server log with its duration)
		analyses = analyses[:600]
	}
	b.ResetTimer()
	stored := 0
	for range b.N {
		b.StopTimer()
		_, dsn := pgtest.Schema(b)
		if os.Getenv("PARLEY_BENCH_SLOWLOG") != "" {
			dsn = pgtest.WithParams(b, dsn, map[string]string{"log_min_duration_statement": "0"})
		}
		if v := os.Getenv("PARLEY_BENCH_PARAM"); v != "" { // experiments: NAME=VALUE, a server setting
			k, val, _ := strings.Cut(v, "=")
			dsn = pgtest.WithParams(b, dsn, map[string]string{k: val})
		}
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(analyses); i += 64 {
			if _, err := s.PutAnalyses(context.Background(), analyses[i:min(i+64, len(analyses))]); err != nil {
				b.Fatal(err)
			}
		}
		stored += len(analyses)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
}
