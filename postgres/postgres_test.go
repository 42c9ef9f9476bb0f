package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/storetest"
)

func openTemp(t *testing.T) *postgres.Store {
	t.Helper()
	_, dsn := pgtest.Schema(t)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parley.Store { return openTemp(t) })
}

func TestOpenRefusesNewerAndForeignSchemas(t *testing.T) {
	ctx := context.Background()
	name, dsn := pgtest.Schema(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Opening again migrates nothing and succeeds.
	if s, err = postgres.Open(ctx, dsn); err != nil {
		t.Fatalf("second Open: %v", err)
	}
	s.Close()
	pgtest.Exec(t, dsn, fmt.Sprintf("INSERT INTO parley_migrations (version) VALUES (%d)", postgres.SchemaVersion+1))
	if _, err := postgres.Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer than this parley") {
		t.Errorf("Open(newer schema %s) = %v; want a refusal naming the version", name, err)
	}
	_, other := pgtest.Schema(t)
	pgtest.Exec(t, other, "CREATE TABLE accounts (id integer)")
	if _, err := postgres.Open(ctx, other); err == nil || !strings.Contains(err.Error(), "another application") {
		t.Errorf("Open(foreign schema) = %v; want a refusal", err)
	}
	missing := pgtest.WithParams(t, pgtest.Server(), map[string]string{"search_path": "parley_no_such_schema"})
	if _, err := postgres.Open(ctx, missing); err == nil || !strings.Contains(err.Error(), "no existing schema") {
		t.Errorf("Open(missing schema) = %v; want a clear error", err)
	}
}

func TestNewExtractorVersionReplacesAnalysis(t *testing.T) {
	ctx := context.Background()
	_, dsn := pgtest.Schema(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAnalyses(ctx, storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	// The kremlin text is given two more ids, one of which another text was
	// given before: the replacing analysis must keep them, in their places.
	other := storetest.NewAnalysis("shared", "Earlier", "Daily Ledger", "2025-03-01", "An earlier story given the same id.").Analysis()
	k1, k2 := storetest.Corpus()[1], storetest.Corpus()[1]
	k1.Document.ID, k2.Document.ID = "shared", "kremlin-2"
	if _, err := s.PutAnalyses(ctx, []*parley.Doc{other, k1, k2}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	pgtest.Exec(t, dsn, "UPDATE documents SET version = '0.0.0-old' WHERE source_id = 'kremlin'")
	var stale []parley.Document
	if err := s.Documents(ctx, parley.Version, func(d parley.Document) error { stale = append(stale, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0].ID != "kremlin" {
		t.Fatalf("Documents(other versions) = %v; want the kremlin article", stale)
	}
	ok, err := s.PutAnalysis(ctx, storetest.Corpus()[1])
	if err != nil || !ok {
		t.Fatalf("PutAnalysis of an older version's content = %v, %v; want it replaced", ok, err)
	}
	if after, _ := s.Stats(ctx); after != before {
		t.Errorf("stats after reprocessing = %+v; want %+v", after, before)
	}
	for _, id := range []string{"kremlin", "kremlin-2", "shared"} {
		if a, err := s.Article(ctx, id); err != nil || a.Text != storetest.TextKremlin {
			t.Errorf("after reprocessing, Article(%q) = %v; want the kremlin text", id, err)
		}
	}
	p, err := s.Entities(ctx, parley.EntityFilter{Name: "Lavrov"})
	if err != nil || len(p.Items) != 1 || p.Items[0].Articles != 2 || p.Items[0].Quotes != 2 {
		t.Errorf("Lavrov after reprocessing = %+v, %v; want 2 articles, 2 quotes", p.Items, err)
	}
	c, err := s.Claims(ctx, parley.ClaimFilter{Status: "disputed"})
	if err != nil || len(c.Items) != 1 || len(c.Items[0].Stances) != 2 {
		t.Errorf("disputed claims after reprocessing = %+v, %v", c.Items, err)
	}
}

// TestTextPostgresCannotHoldIsStored: NUL bytes and invalid UTF-8, which
// PostgreSQL text refuses, are stored as U+FFFD, with offsets intact.
func TestTextPostgresCannotHoldIsStored(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	text := "Jane Smith said the bridge\x00 would reopen in May."
	a := storetest.NewAnalysis("nul\x00id", "title \xff", "Out\x00let", "2025-01-01", text).
		Person("E1", "Jane Smith", nil, []string{"mayor"}, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge\x00 would reopen in May", Speaker: "E1", Cue: "said"}).
		Analysis()
	if ok, err := s.PutAnalysis(ctx, a); err != nil || !ok {
		t.Fatalf("PutAnalysis(text with NUL) = %v, %v", ok, err)
	}
	if ok, err := s.HasContent(ctx, a.Document.ContentHash()); err != nil || !ok {
		t.Errorf("HasContent(original hash) = %v, %v; want true: the key is the text as given", ok, err)
	}
	p, err := s.Quotes(ctx, parley.QuoteFilter{Speaker: "Jane Smith"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("Quotes = %+v, %v", p.Items, err)
	}
	art, err := s.Article(ctx, p.Items[0].ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Items[0]
	if got := string([]rune(art.Text)[q.Start:q.End]); got != "the bridge\uFFFD would reopen in May" {
		t.Errorf("quote span over the stored text = %q", got)
	}
}

// TestTwoStoresResolveOneEntity writes from two stores (two pools, as two
// worker processes would) at once: the person both name is one entity.
func TestTwoStoresResolveOneEntity(t *testing.T) {
	ctx := context.Background()
	_, dsn := pgtest.Schema(t)
	var stores [2]*postgres.Store
	for i := range stores {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const each = 20
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				a := storetest.NewAnalysis(fmt.Sprintf("w%d-%d", w, i), "t", "Two Writers Daily", "2025-01-01",
					fmt.Sprintf("Writer %d, article %d. %s", w, i, storetest.TextSmiths)).
					Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
					Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", Cue: "said"}).
					Claim("C1", "the bridge will reopen in May", "bridge reopen may", parley.SingleSource,
						storetest.Stance{Source: "E1", Stance: parley.Asserts, Quote: "Q1", Evidence: "the bridge would reopen in May"}).
					Analysis()
				// Both writers also store the same article: one of them does.
				same := storetest.Corpus()[i%4]
				if _, err := s.PutAnalyses(ctx, []*parley.Doc{a, same}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	p, err := stores[0].Entities(ctx, parley.EntityFilter{Name: "Jane Smith"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Articles != 2*each+1 || p.Items[0].Quotes != 2*each+1 {
		t.Errorf("Jane Smith after two writers = %+v; want one entity with %d articles and quotes", p.Items, 2*each+1)
	}
	st, _ := stores[1].Stats(ctx)
	if st.Articles != 2*each+4 {
		t.Errorf("%d articles; want %d (the shared corpus stored once)", st.Articles, 2*each+4)
	}
	c, err := stores[1].Claims(ctx, parley.ClaimFilter{Text: "bridge"})
	if err != nil || len(c.Items) != 1 || c.Items[0].Articles != 2*each {
		t.Errorf("bridge claims = %+v, %v; want one claim from %d articles", c.Items, err, 2*each)
	}
}

// TestDroppedConnectionsAreReplaced: after the server terminates the
// store's connections (as a restart or a failover would), the next calls
// reconnect; an error in between is Transient.
func TestDroppedConnectionsAreReplaced(t *testing.T) {
	ctx := context.Background()
	_, dsn := pgtest.Schema(t)
	app := "parley-droptest-" + fmt.Sprint(time.Now().UnixNano())
	s, err := postgres.Open(ctx, pgtest.WithParams(t, dsn, map[string]string{"application_name": app}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAnalyses(ctx, storetest.Corpus()[:2]); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, pgtest.Server(), fmt.Sprintf("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '%s'", app))
	var last error
	for range 20 {
		if _, last = s.PutAnalyses(ctx, storetest.Corpus()[2:]); last == nil {
			break
		}
		if !postgres.Transient(last) {
			t.Fatalf("error after the connections were dropped is not transient: %v", last)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if last != nil {
		t.Fatalf("store did not reconnect: %v", last)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 4 {
		t.Errorf("Stats after reconnecting = %+v, %v; want 4 articles", st, err)
	}
}
