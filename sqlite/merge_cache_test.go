package sqlite

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/storetest"
)

// TestCacheAfterSurnameMergeEqualsFreshLoad stores articles whose people a
// surname merge joins, batch after batch, and compares the resolution
// cache the store keeps with one loaded afresh from the database: a merge
// must leave the cache complete (so that later lookups need no query) and
// exact (so that resolution is what the database says).
func TestCacheAfterSurnameMergeEqualsFreshLoad(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	full := storetest.NewAnalysis("voss-1", "t", "X", "2025-02-01", "Alan Voss of the Harbour Bank spoke at the Lisbon Forum.").
		Person("E1", "Alan Voss", []string{"Voss"}, nil, "", "").
		Entity("E2", parley.Organization, string(parley.Company), "Harbour Bank", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Lisbon Forum", nil, nil, "", "").Analysis()
	lone := storetest.NewAnalysis("voss-2", "t", "X", "2025-02-02", "Voss told the Lisbon Forum that the Harbour Bank would hold rates.").
		Person("E1", "Voss", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.OtherOrg), "Lisbon Forum", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.Company), "Harbour Bank", nil, nil, "", "").Analysis()
	first := storetest.NewAnalysis("okafor-1", "t", "X", "2025-03-01", "Okafor said the Delta Trust and the Coastal League would talk.").
		Person("E1", "Okafor", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.NGO), "Delta Trust", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Coastal League", nil, nil, "", "").Analysis()
	later := storetest.NewAnalysis("okafor-2", "t", "X", "2025-03-02", "Grace Okafor leads the Delta Trust, a member of the Coastal League.").
		Person("E1", "Grace Okafor", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.NGO), "Delta Trust", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Coastal League", nil, nil, "", "").Analysis()
	for i, batch := range [][]*parley.Doc{{full, lone, first}, {later}} {
		if _, err := s.PutAnalyses(ctx, batch); err != nil {
			t.Fatal(err)
		}
		kept := s.cache
		if kept == nil || !kept.complete {
			t.Fatalf("batch %d: the store's cache is %+v, want a complete one", i, kept)
		}
		fresh := freshCache(t, s)
		if !maps.EqualFunc(kept.keys, fresh.keys, slices.Equal) {
			t.Errorf("batch %d: cached keys\n %v\nfresh from the database\n %v", i, kept.keys, fresh.keys)
		}
		for id, c := range fresh.ents {
			if k := kept.ents[id]; k == nil || k.Name != c.Name || k.Norm != c.Norm || !slices.Equal(k.Roles, c.Roles) {
				t.Errorf("batch %d: entity %d cached as %+v, stored as %+v", i, id, k, c)
			}
		}
	}
	var merges int
	if err := s.w.QueryRowContext(ctx, "SELECT count(*) FROM merges").Scan(&merges); err != nil || merges != 2 {
		t.Fatalf("%d merges (%v), want 2: the test no longer exercises the cache after a merge", merges, err)
	}
}

// freshCache loads the resolution cache from the database as a new writer
// would.
func freshCache(t *testing.T, s *Store) *resolveCache {
	t.Helper()
	ctx := context.Background()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	c := newResolveCache(0)
	if err := c.load(ctx, tx); err != nil {
		t.Fatal(err)
	}
	return c
}
