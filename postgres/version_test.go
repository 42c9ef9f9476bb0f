package postgres_test

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/storetest"
)

// TestVersionSeesOtherProcessesWrites: the version comes from the
// database, so that a server sees the writes of the workers that share it
// (a counter of its own would not), and writing what is already stored
// leaves it alone (or every redelivered message would empty the caches).
func TestVersionSeesOtherProcessesWrites(t *testing.T) {
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
	reader, writer := stores[0], stores[1]
	version := func() string {
		t.Helper()
		v, err := reader.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	steps := []struct {
		what   string
		write  func() error
		change bool
	}{
		{"another store's PutAnalyses", func() error { _, err := writer.PutAnalyses(ctx, storetest.Corpus()); return err }, true},
		{"the same batch again", func() error { _, err := writer.PutAnalyses(ctx, storetest.Corpus()); return err }, false},
		{"a stored text under a new id", func() error {
			a := storetest.Corpus()[0]
			a.Document.ID = "another-id"
			_, err := writer.PutAnalyses(ctx, []*parley.Doc{a})
			return err
		}, true},
		{"another store's PutDuplicate", func() error {
			return writer.PutDuplicate(ctx, parley.Duplicate{ID: "copy", ContentHash: "h-copy", OriginalID: "another-id"})
		}, true},
		{"the same duplicate again", func() error {
			return writer.PutDuplicate(ctx, parley.Duplicate{ID: "copy", ContentHash: "h-copy", OriginalID: "another-id"})
		}, false},
	}
	v := version()
	for _, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		now := version()
		if (now != v) != st.change {
			t.Errorf("after %s the version went from %q to %q; want changed = %v", st.what, v, now, st.change)
		}
		v = now
	}
}
