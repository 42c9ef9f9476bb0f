package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley"
)

// TestBatchIndexesInChunks guards that a batch indexes its documents for
// full-text search every indexChunk documents, not all at its commit (which
// after the last document of an ingest is time nothing else overlaps), and
// that every document is indexed exactly once by the commit.
func TestBatchIndexesInChunks(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Rollback()
	matches := func(q func(string, ...any) int) int {
		return q("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'quillomat'")
	}
	inTx := func(q string, args ...any) int {
		var n int
		if err := b.w.queryRow(q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const total = indexChunk + 10
	for i := range total {
		d := &parley.Doc{Document: parley.Document{ID: fmt.Sprint("q", i), Text: fmt.Sprintf("The quillomat audit number %d was filed.", i)}}
		if _, err := b.Put(d); err != nil {
			t.Fatal(err)
		}
		want := 0
		if i+1 >= indexChunk {
			want = indexChunk
		}
		if got := matches(inTx); got != want {
			t.Fatalf("after %d documents %d are indexed, want %d", i+1, got, want)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'quillomat'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != total {
		t.Errorf("after the commit %d documents are indexed, want %d", n, total)
	}
}

// TestWriterPageCacheIsSmall guards the writer's page cache size: closing
// the store frees it a 64 KiB region (and a system call) at a time, which
// with 64 MiB was a quarter to half a second at the end of every ingest.
func TestWriterPageCacheIsSmall(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var kib int
	if err := s.w.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&kib); err != nil {
		t.Fatal(err)
	}
	if kib < -16384 || kib > 0 {
		t.Errorf("writer cache_size %d, want a size of at most 16 MiB (-16384)", kib)
	}
}
