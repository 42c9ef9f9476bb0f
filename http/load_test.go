package http_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
)

// TestLoadQuoteSearch is the load test of the API: quote searches at a fixed
// rate against a store of 10,000 articles, over loopback only, bounded in
// count and time. It is opt-in (PARLEY_LOADTEST=1) because building the
// store takes a while; it needs the shared news corpus.
//
//	PARLEY_LOADTEST=1 go test ./http -run TestLoadQuoteSearch -v
//
// PARLEY_LOADTEST_RATE and PARLEY_LOADTEST_SECONDS change the rate (200/s)
// and the duration (10 s).
func TestLoadQuoteSearch(t *testing.T) {
	if os.Getenv("PARLEY_LOADTEST") == "" {
		t.Skip("set PARLEY_LOADTEST=1 to run the load test")
	}
	rate, seconds := envInt("PARLEY_LOADTEST_RATE", 200), envInt("PARLEY_LOADTEST_SECONDS", 10)
	const articles = 10_000
	store := loadStore(t, articles)
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()

	// Queries people would make: by the most quoted speakers, by words, by
	// a speaker and a date range, by two words.
	ents, err := store.Entities(context.Background(), parley.EntityFilter{Type: "PERSON", PageRequest: parley.PageRequest{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var paths, kinds []string
	add := func(kind, path string) { paths, kinds = append(paths, path), append(kinds, kind) }
	words := []string{"government", "minister", "election", "market", "said", "police", "growth", "war", "talks", "season"}
	for i, e := range ents.Items {
		add("speaker", "/api/quotes?speaker="+url.QueryEscape(e.Name))
		add("word", "/api/quotes?q="+url.QueryEscape(words[i%len(words)]))
		add("speaker+dates", "/api/quotes?speaker="+url.QueryEscape(e.Name)+"&since=2025-02-01&until=2025-06-30&limit=20")
		if i%5 == 0 {
			add("two words", "/api/quotes?q="+url.QueryEscape(words[i%len(words)]+" "+words[(i+3)%len(words)])+"&limit=100")
		}
	}
	// Each query once, alone: what it costs without contention.
	for i, path := range paths {
		t0 := time.Now()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if d := time.Since(t0); d > 10*time.Millisecond {
			t.Logf("alone, %s took %s: %s", kinds[i], d.Round(time.Microsecond), path)
		}
	}
	total := rate * seconds
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	lat := make([]time.Duration, total)
	errs := make([]error, total)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range total {
		// Open loop: request i goes out at its time, whatever the latency of
		// the others (a ticker would drop ticks when the machine is busy).
		time.Sleep(time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(rate))))
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			resp, err := client.Get(srv.URL + paths[i%len(paths)])
			if err == nil {
				var body struct{ Quotes []json.RawMessage }
				err = json.NewDecoder(resp.Body).Decode(&body)
				resp.Body.Close()
				if err == nil && resp.StatusCode != 200 {
					err = fmt.Errorf("status %d", resp.StatusCode)
				}
			}
			lat[i], errs[i] = time.Since(t0), err
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
			if failed <= 3 {
				t.Error(err)
			}
		}
	}
	r := func(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
	byKind := map[string][]time.Duration{}
	for i, d := range lat {
		byKind[kinds[i%len(kinds)]] = append(byKind[kinds[i%len(kinds)]], d)
	}
	for kind, ds := range byKind {
		slices.Sort(ds)
		t.Logf("%-14s %4d requests: p50 %s, p99 %s", kind, len(ds), r(ds[len(ds)/2]), r(ds[min(len(ds)-1, len(ds)*99/100)]))
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(float64(len(lat))*p))] }
	t.Logf("%d requests in %s (%.0f/s) on %d articles: p50 %s, p90 %s, p99 %s, max %s, %d errors",
		total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), articles,
		r(pct(0.50)), r(pct(0.90)), r(pct(0.99)), r(lat[len(lat)-1]), failed)
	if p99 := pct(0.99); p99 > 50*time.Millisecond {
		t.Errorf("p99 latency %s; want < 50ms", p99)
	}
}

func envInt(name string, def int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(name), &n); err != nil || n <= 0 {
		return def
	}
	return n
}

// loadStore builds a store of n articles from the shared news corpus: each
// corpus article appears n/len(corpus) times, each with a distinct last line
// (appended, so the analysis' spans stay valid) and date.
func loadStore(t *testing.T, n int) *sqlite.Store {
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	f, err := os.Open(filepath.Join(dir, "data", "news", "news.jsonl"))
	if err != nil {
		t.Skipf("news corpus not found (%v): set PARLEY_SHARED", err)
	}
	defer f.Close()
	var docs []parley.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Title, Text, Source string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, parley.Document{ID: rec.ID, Title: rec.Title, Text: rec.Text, Outlet: rec.Source})
	}
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	// PARLEY_LOADTEST_DB keeps the store between runs.
	path := os.Getenv("PARLEY_LOADTEST_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if st, err := s.Stats(context.Background()); err == nil && st.Articles >= int64(n) {
		return s
	}
	start := time.Now()
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for i := range n {
			d := docs[i%len(docs)]
			d.Text += fmt.Sprintf("\n\nEdition %d, item %d.", i/len(docs), i)
			d.ID = fmt.Sprintf("%s-%d", d.ID, i/len(docs))
			d.Published = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365)
			in <- d
		}
	}()
	var batch []*parley.Doc
	for res := range p.Stream(context.Background(), in, 0) {
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if batch = append(batch, res.Doc); len(batch) == 200 {
			if _, err := s.PutAnalyses(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := s.PutAnalyses(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(context.Background())
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(path + suffix); err == nil {
			size += fi.Size()
		}
	}
	t.Logf("store of %d articles (%d quotes, %d entities) built in %s: %.1f MiB, %.1f MiB per 1,000 articles",
		st.Articles, st.Quotes, st.Entities, time.Since(start).Round(time.Second), float64(size)/(1<<20), float64(size)/(1<<20)/float64(st.Articles)*1000)
	return s
}
