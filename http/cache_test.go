package http_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

// countingStore counts the quote queries that reach the store.
type countingStore struct {
	*sqlite.Store
	quotes atomic.Int64
	gate   chan struct{} // if set, Quotes waits for it
}

func (s *countingStore) Quotes(ctx context.Context, f parley.QuoteFilter) (parley.Page[parley.QuoteRecord], error) {
	s.quotes.Add(1)
	if s.gate != nil {
		<-s.gate
	}
	return s.Store.Quotes(ctx, f)
}

func getBody(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("X-Parley-Cache"), string(b)
}

func TestCacheServesRepeatsAndSeesWrites(t *testing.T) {
	store := &countingStore{Store: newStore(t)}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	const path = "/api/quotes?speaker=Jane+Smith"
	_, how, first := getBody(t, srv.URL+path)
	if how != "miss" {
		t.Errorf("first GET: X-Parley-Cache = %q; want miss", how)
	}
	_, how, again := getBody(t, srv.URL+path)
	if how != "hit" || again != first || store.quotes.Load() != 1 {
		t.Errorf("second GET: %q, same body %v, %d store queries; want a hit from one query", how, again == first, store.quotes.Load())
	}
	// A write through the store makes the answer stale.
	a := storetest.NewAnalysis("jane-2", "More from the mayor", "Springfield Courier", "2025-02-21",
		"Jane Smith said the bridge would cost less.").
		Person("E1", "Jane Smith", nil, nil, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would cost less", Speaker: "E1", SpeakerForm: "Jane Smith", Cue: "said"}).
		Analysis()
	if _, err := store.PutAnalysis(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	_, how, after := getBody(t, srv.URL+path)
	if how != "miss" || !strings.Contains(after, "cost less") {
		t.Errorf("after a write: %q %s; want a fresh answer with the new quote", how, after)
	}
	// Errors are not kept.
	for range 2 {
		if code, how, _ := getBody(t, srv.URL+"/api/quotes?limit=0"); code != 400 || how == "hit" {
			t.Errorf("a bad request answered %d from the cache (%q)", code, how)
		}
	}
	// Without a cache every request reaches the store.
	off := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{CacheBytes: -1}))
	defer off.Close()
	n := store.quotes.Load()
	getBody(t, off.URL+path)
	getBody(t, off.URL+path)
	if got := store.quotes.Load() - n; got != 2 {
		t.Errorf("with the cache off, 2 GETs made %d store queries", got)
	}
}

func TestCacheComputesConcurrentMissesOnce(t *testing.T) {
	store := &countingStore{Store: newStore(t), gate: make(chan struct{})}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	var wg sync.WaitGroup
	bodies := make([]string, 20)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, bodies[i] = getBody(t, srv.URL+"/api/quotes?speaker=Lavrov")
		}()
	}
	// Let the first query through once the others have had time to wait.
	for store.quotes.Load() == 0 {
		runtime.Gosched()
	}
	time.Sleep(50 * time.Millisecond)
	close(store.gate)
	wg.Wait()
	if n := store.quotes.Load(); n != 1 {
		t.Errorf("20 concurrent GETs of one URL made %d store queries; want 1", n)
	}
	for _, b := range bodies {
		if !strings.Contains(b, "Lavrov") {
			t.Errorf("a waiting request got %q", b)
		}
	}
}

func TestCacheIsBoundedInBytes(t *testing.T) {
	store := &countingStore{Store: newStore(t)}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{CacheBytes: 16 << 10}))
	defer srv.Close()
	// Each answer is about 1 KB: 40 of them do not fit in 16 KB, so the
	// first is gone when it is asked for again.
	for i := range 40 {
		getBody(t, srv.URL+"/api/quotes?speaker=Lavrov&limit="+strconv.Itoa(i+1))
	}
	if _, how, _ := getBody(t, srv.URL+"/api/quotes?speaker=Lavrov&limit=1"); how != "miss" {
		t.Errorf("the least recently used answer is still cached (%q)", how)
	}
	if _, how, _ := getBody(t, srv.URL+"/api/quotes?speaker=Lavrov&limit=40"); how != "hit" {
		t.Errorf("the most recent answer is not cached (%q)", how)
	}
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `parley_http_cache_requests_total{result="hit"} 1`) {
		t.Errorf("metrics do not count the cache hit:\n%s", b)
	}
}
