package storetest

import (
	"testing"

	"github.com/parley-news/parley"
)

// testVersion: a store that says it can tell when it changed
// (parley.Versioned) must change its version with every kind of write and
// keep it while it is only read, or the HTTP API would serve stale answers
// from its cache.
func testVersion(t *testing.T, s parley.Store) {
	vs, ok := s.(parley.Versioned)
	if !ok {
		t.Skip("the store does not implement parley.Versioned: nothing to check")
	}
	c := ctx(t)
	version := func() string {
		t.Helper()
		v, err := vs.Version(c)
		if err != nil {
			t.Fatalf("Version: %v", err)
		}
		return v
	}
	v := version()
	if again := version(); again != v {
		t.Errorf("Version changed from %q to %q with nothing written", v, again)
	}
	changed := func(what string) {
		t.Helper()
		if now := version(); now == v {
			t.Errorf("Version still %q after %s", v, what)
		} else {
			v = now
		}
	}
	putCorpus(t, s)
	changed("PutAnalyses")
	if _, err := s.Quotes(c, parley.QuoteFilter{Speaker: "Lavrov"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Claims(c, parley.ClaimFilter{}); err != nil {
		t.Fatal(err)
	}
	if now := version(); now != v {
		t.Errorf("Version changed from %q to %q by reads", v, now)
	}
	a := NewAnalysis("one-more", "One more", "Daily A", "2025-03-09", "One more story.").Analysis()
	if _, err := s.PutAnalysis(c, a); err != nil {
		t.Fatal(err)
	}
	changed("PutAnalysis")
	if err := s.PutDuplicate(c, parley.Duplicate{ID: "copy", ContentHash: "hash-of-a-copy", OriginalID: "one-more"}); err != nil {
		t.Fatal(err)
	}
	changed("PutDuplicate")
	jane, john := findEntity(t, s, "Jane Smith"), findEntity(t, s, "John Smith")
	m, err := s.MergeEntities(c, jane.ID, john.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	changed("MergeEntities")
	if err := s.Unmerge(c, m); err != nil {
		t.Fatal(err)
	}
	changed("Unmerge")
}
