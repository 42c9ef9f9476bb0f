package http_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/storetest"
)

// TestCacheOnPostgresSeesOtherWorkersWrites: on a PostgreSQL store the
// server caches its answers (the store is parley.Versioned) and sees the
// writes of a worker that shares the database, not only its own.
func TestCacheOnPostgresSeesOtherWorkersWrites(t *testing.T) {
	ctx := context.Background()
	_, dsn := pgtest.Schema(t)
	open := func() *postgres.Store {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	served, worker := open(), open()
	if _, err := worker.PutAnalyses(ctx, storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(parleyhttp.NewServer(served, parleyhttp.Options{MaxStale: -1}))
	defer srv.Close()
	const path = "/api/quotes?speaker=Jane+Smith"
	if _, how, _ := getBody(t, srv.URL+path); how != "miss" {
		t.Errorf("first GET: X-Parley-Cache = %q; want miss", how)
	}
	if _, how, _ := getBody(t, srv.URL+path); how != "hit" {
		t.Errorf("second GET: X-Parley-Cache = %q; want hit (the PostgreSQL store is cached)", how)
	}
	a := storetest.NewAnalysis("jane-2", "More from the mayor", "Springfield Courier", "2025-02-21",
		"Jane Smith said the bridge would cost less.").
		Person("E1", "Jane Smith", nil, nil, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would cost less", Speaker: "E1", SpeakerForm: "Jane Smith", Cue: "said"}).
		Analysis()
	if _, err := worker.PutAnalysis(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, how, body := getBody(t, srv.URL+path); how != "miss" || !strings.Contains(body, "cost less") {
		t.Errorf("after another worker's write: %q %s; want a fresh answer with the new quote", how, body)
	}
}
