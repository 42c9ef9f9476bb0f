package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/sqlite"
)

func TestReprocessReanalysesOlderVersions(t *testing.T) {
	db := corpusDB(t)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE documents SET version = '0.0.0-old' WHERE source_id IN ('geneva', 'kremlin')"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, stderr, code := runQueryCLI(t, "reprocess", "--db", db)
	if code != 0 || !strings.Contains(stderr, "2 articles re-analysed") {
		t.Fatalf("reprocess: exit %d, %s", code, stderr)
	}
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	if err := s.Documents(context.Background(), parley.Version, func(parley.Document) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("after reprocess, %d documents of other versions (%v); want 0", n, err)
	}
	st, err := s.Stats(context.Background())
	if err != nil || st.Articles != 4 {
		t.Errorf("after reprocess, stats %+v, %v; want the 4 articles", st, err)
	}
	// Nothing left to do: a second run re-analyses nothing.
	if _, stderr, _ := runQueryCLI(t, "reprocess", "--db", db); !strings.Contains(stderr, "0 articles re-analysed") {
		t.Errorf("second reprocess: %s", stderr)
	}
}
