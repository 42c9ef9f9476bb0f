package http_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
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

// countingStore counts the quote queries that reach the store, and holds
// them until a gate opens when one is set.
type countingStore struct {
	*sqlite.Store
	quotes atomic.Int64
	gate   atomic.Pointer[chan struct{}]
}

func (s *countingStore) Quotes(ctx context.Context, f parley.QuoteFilter) (parley.Page[parley.QuoteRecord], error) {
	s.quotes.Add(1)
	if g := s.gate.Load(); g != nil {
		<-*g
	}
	return s.Store.Quotes(ctx, f)
}

// close sets a gate and returns the function that opens it.
func (s *countingStore) close() func() {
	g := make(chan struct{})
	s.gate.Store(&g)
	return func() { s.gate.Store(nil); close(g) }
}

// waitForQuery waits until the store has seen more than n quote queries.
func (s *countingStore) waitForQuery(n int64) {
	for s.quotes.Load() <= n {
		time.Sleep(time.Millisecond)
	}
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
	// Writes straight to the store are another writer's: without MaxStale
	// the next answer sees them.
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{MaxStale: -1}))
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
	store := &countingStore{Store: newStore(t)}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	open := store.close()
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
	store.waitForQuery(0)
	time.Sleep(50 * time.Millisecond)
	open()
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

// janeSaid is another quote by Jane Smith, for writes in the tests.
func janeSaid(id, what string) *parley.Doc {
	return storetest.NewAnalysis(id, "More from the mayor", "Springfield Courier", "2025-02-21", "Jane Smith said "+what+".").
		Person("E1", "Jane Smith", nil, nil, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: what, Speaker: "E1", SpeakerForm: "Jane Smith", Cue: "said"}).
		Analysis()
}

// TestCacheServesTheLastAnswerWhileItIsRecomputed: after another writer
// changed the store, the previous answer is served at once, for at most
// MaxStale, while the new one is computed in the background.
func TestCacheServesTheLastAnswerWhileItIsRecomputed(t *testing.T) {
	for _, tc := range []struct {
		name     string
		maxStale time.Duration
		stale    bool
	}{
		{"within MaxStale", time.Minute, true},
		{"past MaxStale", -1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := &countingStore{Store: newStore(t)}
			srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{MaxStale: tc.maxStale}))
			defer srv.Close()
			const path = "/api/quotes?speaker=Jane+Smith"
			_, _, before := getBody(t, srv.URL+path)
			if _, err := store.PutAnalysis(context.Background(), janeSaid("jane-2", "the bridge would cost less")); err != nil {
				t.Fatal(err)
			}
			n := store.quotes.Load()
			open := store.close()
			first := make(chan [2]string, 1)
			go func() { _, how, b := getBody(t, srv.URL+path); first <- [2]string{how, b} }()
			var got [2]string
			select {
			case got = <-first:
				if !tc.stale {
					t.Errorf("a request was answered (%s) while the store was being asked; want it to wait", got[0])
				} else if got[0] != "stale" || got[1] != before {
					t.Errorf("after another writer's write: %s %q; want the previous answer, stale", got[0], got[1])
				}
			case <-time.After(500 * time.Millisecond):
				if tc.stale {
					t.Errorf("a request waited for the answer to be computed again; want the previous answer at once")
				}
			}
			store.waitForQuery(n) // in the background, or for the waiting request
			open()
			if got[0] == "" {
				got = <-first
			}
			// The new answer replaces the old one.
			deadline := time.Now().Add(5 * time.Second)
			for {
				_, how, b := getBody(t, srv.URL+path)
				if strings.Contains(b, "cost less") {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the new answer never came: %s %q", how, b)
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}

// TestCacheServesNothingStaleAfterAWriteThroughTheServer: who merges
// entities over the API reads the merge, even while the answer is computed.
func TestCacheServesNothingStaleAfterAWriteThroughTheServer(t *testing.T) {
	const token = "0123456789abcdef-secret"
	store := &countingStore{Store: newStore(t)}
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{Token: token, MaxStale: time.Minute}))
	defer srv.Close()
	jane, _ := store.Entities(context.Background(), parley.EntityFilter{Name: "Jane Smith"})
	john, _ := store.Entities(context.Background(), parley.EntityFilter{Name: "John Smith"})
	path := "/api/quotes?speaker_id=" + jane.Items[0].ID
	getBody(t, srv.URL+path)
	code, _, body := do(t, "POST", srv.URL+"/api/entities/"+jane.Items[0].ID+"/merge", "application/json",
		`{"drop":"`+john.Items[0].ID+`","reason":"test"}`, "Authorization", "Bearer "+token)
	if code != 201 {
		t.Fatalf("merge = %d %s", code, body)
	}
	n := store.quotes.Load()
	open := store.close()
	first := make(chan string)
	go func() { _, _, b := getBody(t, srv.URL+path); first <- b }()
	store.waitForQuery(n)
	second := make(chan string)
	go func() { _, how, b := getBody(t, srv.URL+path); second <- how + " " + b }()
	var early string
	select {
	case early = <-second:
		t.Errorf("after a merge through the API, a read was answered while the answer was computed: %s", early)
	case <-time.After(300 * time.Millisecond):
	}
	open()
	if early == "" {
		early = <-second
	}
	for _, b := range []string{<-first, early} {
		if !strings.Contains(b, "repairs would take") {
			t.Errorf("after the merge: %s; want John Smith's quote under Jane Smith", b)
		}
	}
}
