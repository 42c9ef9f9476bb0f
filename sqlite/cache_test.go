package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

// entityLinks lists, for every article entity of the store, the
// cross-article entity it was linked to, by name: what resolution decided.
func entityLinks(t *testing.T, s *sqlite.Store) []string {
	t.Helper()
	ctx := context.Background()
	p, err := s.Entities(ctx, parley.EntityFilter{PageRequest: parley.PageRequest{Limit: parley.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range p.Items {
		full, err := s.Entity(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range full.Links {
			out = append(out, e.Type+" "+e.Name+" <- "+l.Name+" ("+l.Reason+")")
		}
	}
	slices.Sort(out)
	return out
}

// TestResolutionFromThePreloadedIndexEqualsResolutionByQuery: a store
// reopened between two batches preloads its alias index and resolves the
// second batch from memory; the links must be those of one store that saw
// both batches, one analysis at a time.
func TestResolutionFromThePreloadedIndexEqualsResolutionByQuery(t *testing.T) {
	ctx := context.Background()
	corpus := storetest.Corpus()
	half := len(corpus) / 2
	dir := t.TempDir()

	one, err := sqlite.Open(ctx, filepath.Join(dir, "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	for _, a := range corpus {
		if _, err := one.PutAnalysis(ctx, a); err != nil {
			t.Fatal(err)
		}
	}

	path := filepath.Join(dir, "two.db")
	for _, batch := range [][]*parley.Doc{corpus[:half], corpus[half:]} {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutAnalyses(ctx, batch); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	two, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	want, got := entityLinks(t, one), entityLinks(t, two)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("links after a reopen differ:\n got %q\nwant %q", got, want)
	}
}
