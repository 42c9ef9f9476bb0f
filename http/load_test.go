package http_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
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

// TestLoadConcurrentGets is the load test of the API as the web UI uses it:
// 200 clients, each sending its next GET as soon as the last one answered
// (closed loop), for 10 s, against a store of 2,000 articles, over loopback.
// The requests are those the UI's pages make: article lists and articles,
// quotes by speaker, people, claims boards, events, search, stats. Opt-in,
// like TestLoadQuoteSearch:
//
//	PARLEY_LOADTEST=1 go test ./http -run TestLoadConcurrentGets -v
//
// PARLEY_LOADTEST_CLIENTS, PARLEY_LOADTEST_SECONDS and
// PARLEY_LOADTEST_ARTICLES change the 200 clients, 10 s and 2,000 articles;
// PARLEY_LOADTEST_CPUPROFILE=FILE writes a CPU profile of the loaded phase;
// PARLEY_LOADTEST_NOCACHE=1 turns the server's answer cache off;
// PARLEY_LOADTEST_WRITE_EVERY=DURATION stores an article at that interval
// during the load.
func TestLoadConcurrentGets(t *testing.T) {
	if os.Getenv("PARLEY_LOADTEST") == "" {
		t.Skip("set PARLEY_LOADTEST=1 to run the load test")
	}
	clients, seconds := envInt("PARLEY_LOADTEST_CLIENTS", 200), envInt("PARLEY_LOADTEST_SECONDS", 10)
	n := envInt("PARLEY_LOADTEST_ARTICLES", 2000)
	store := loadStore(t, n)
	opt := parleyhttp.Options{}
	if os.Getenv("PARLEY_LOADTEST_NOCACHE") != "" {
		opt.CacheBytes = -1
	}
	srv := httptest.NewServer(parleyhttp.NewServer(store, opt))
	defer srv.Close()
	paths, kinds := uiRequests(t, store)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients + 16}}
	getOnce := func(path string) error {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != 200 {
			err = fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
		}
		return err
	}
	// Each request once, alone, to warm the store's page cache as a
	// running server's would be.
	// The second time, each kind's mean wall and CPU time (of this
	// process: server and client) is what it costs without contention.
	alone, cpu := map[string]time.Duration{}, map[string]time.Duration{}
	for round := range 2 {
		for i, p := range paths {
			t0, c0 := time.Now(), cpuTime()
			if err := getOnce(p); err != nil {
				t.Fatal(err)
			}
			if round == 1 {
				alone[kinds[i]] += time.Since(t0)
				cpu[kinds[i]] += cpuTime() - c0
			}
		}
	}
	count := map[string]int{}
	for _, k := range kinds {
		count[k]++
	}
	for _, k := range slices.Sorted(maps.Keys(alone)) {
		n := time.Duration(count[k])
		t.Logf("alone: %-16s mean %s, CPU %s", k, (alone[k] / n).Round(10*time.Microsecond), (cpu[k] / n).Round(10*time.Microsecond))
	}
	if file := os.Getenv("PARLEY_LOADTEST_CPUPROFILE"); file != "" {
		f, err := os.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	type sample struct {
		kind string
		d    time.Duration
	}
	results := make([][]sample, clients)
	var failed atomic.Int64
	var wg sync.WaitGroup
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	start := time.Now()
	if every, err := time.ParseDuration(os.Getenv("PARLEY_LOADTEST_WRITE_EVERY")); err == nil && every > 0 {
		// A writer stores an article at that interval, as an ingest
		// running beside the server would: each write changes what the
		// store holds, so the answers computed before it are stale.
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				a := storetest.NewAnalysis(fmt.Sprint("load-write-", i), "Written during the load", "Load Wire", "2025-06-01",
					fmt.Sprintf("Item %d. %s", i, storetest.TextGeneva)).Analysis()
				if _, err := store.PutAnalysis(context.Background(), a); err != nil {
					t.Error(err)
				}
				time.Sleep(every)
			}
		}()
	}
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each client walks the list from its own place.
			for i := c * 7919; time.Now().Before(deadline); i++ {
				k := i % len(paths)
				t0 := time.Now()
				if err := getOnce(paths[k]); err != nil {
					if failed.Add(1) <= 3 {
						t.Error(err)
					}
				}
				results[c] = append(results[c], sample{kinds[k], time.Since(t0)})
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	byKind := map[string][]time.Duration{}
	for _, rs := range results {
		for _, s := range rs {
			all = append(all, s.d)
			byKind[s.kind] = append(byKind[s.kind], s.d)
		}
	}
	pct := func(ds []time.Duration, p float64) time.Duration {
		return ds[min(len(ds)-1, int(float64(len(ds))*p))].Round(100 * time.Microsecond)
	}
	names := slices.Sorted(maps.Keys(byKind))
	for _, k := range names {
		ds := byKind[k]
		slices.Sort(ds)
		t.Logf("%-16s %6d requests: p50 %s, p99 %s, max %s", k, len(ds), pct(ds, .5), pct(ds, .99), ds[len(ds)-1].Round(time.Millisecond))
	}
	slices.Sort(all)
	t.Logf("%d clients, %d requests in %s (%.0f/s) on %d articles: p50 %s, p90 %s, p99 %s, max %s, %d errors",
		clients, len(all), elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(), n,
		pct(all, .5), pct(all, .9), pct(all, .99), all[len(all)-1].Round(time.Millisecond), failed.Load())
	if p99 := pct(all, .99); p99 > 250*time.Millisecond {
		t.Errorf("p99 latency %s; want < 250ms", p99)
	}
}

// uiRequests lists the GETs the web UI's pages make on store (http/ui),
// with the kind of page each belongs to.
func uiRequests(t *testing.T, store parley.Store) (paths, kinds []string) {
	bg := context.Background()
	add := func(kind string, paths_ ...string) {
		for _, p := range paths_ {
			paths, kinds = append(paths, p), append(kinds, kind)
		}
	}
	arts, err := store.Articles(bg, parley.ArticleFilter{PageRequest: parley.PageRequest{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	ents, err := store.Entities(bg, parley.EntityFilter{Type: "PERSON", PageRequest: parley.PageRequest{Limit: 40}})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"government", "minister", "election", "market", "police", "growth", "talks", "season"}
	for i := range 40 {
		add("home", "/api/stats", fmt.Sprintf("/api/articles?limit=50&offset=%d", (i%4)*50))
		if i < len(arts.Items) {
			a := arts.Items[(i*37)%len(arts.Items)]
			add("article", "/api/articles/"+a.ID, "/api/claims?limit=100&article="+a.ID)
		}
		if i < len(ents.Items) {
			e := ents.Items[i]
			add("person", "/api/entities/"+e.ID, "/api/quotes?limit=50&speaker_id="+e.ID,
				"/api/quotes?limit=500&speaker_id="+e.ID, "/api/claims?limit=200&entity="+e.ID)
		}
		st := []string{"disputed", "corroborated", "single-source"}[i%3]
		add("claims board", "/api/claims?limit=20&status="+st)
		add("claims list", fmt.Sprintf("/api/claims?limit=50&status=%s&offset=%d", st, (i%2)*50))
		add("events", fmt.Sprintf("/api/events?limit=100&offset=%d", (i%3)*100))
		add("search", "/api/search?limit=50&q="+url.QueryEscape(words[i%len(words)]))
		add("people", fmt.Sprintf("/api/entities?type=PERSON&limit=100&offset=%d", (i%2)*100))
	}
	return paths, kinds
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
