package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

// The conformance suite's surname test runs for this store, not skips.
var _ storetest.SurnameResolver = (*postgres.Store)(nil)

// surnameArticles name people by full name and by surname alone, in the
// company of the same organisations, in an order where each merge changes
// how a later article resolves.
func surnameArticles() []*parley.Doc {
	var out []*parley.Doc
	add := func(id, person string, orgs ...string) {
		b := storetest.NewAnalysis(id, "t", "X", "2025-04-01", fmt.Sprintf("%s: %s spoke with %v.", id, person, orgs)).
			Person("E1", person, nil, nil, "", "")
		for i, o := range orgs {
			b = b.Entity(fmt.Sprintf("E%d", i+2), parley.Organization, string(parley.OtherOrg), o, nil, nil, "", "")
		}
		out = append(out, b.Analysis())
	}
	add("a1", "Voss", "Lisbon Forum", "Harbour Bank")
	add("a2", "Alan Voss", "Lisbon Forum", "Harbour Bank")
	add("a3", "Voss", "Lisbon Forum", "Harbour Bank")
	add("a4", "Voss", "Ghent Club", "Harbour Bank")
	add("a5", "Ruth Voss", "Ghent Club", "Tide Union")
	add("a6", "Voss", "Ghent Club", "Tide Union")
	add("a7", "Okafor", "Delta Trust", "Coastal League")
	add("a8", "Okafor", "Delta Trust", "Coastal League")
	add("a9", "Grace Okafor", "Delta Trust", "Coastal League")
	return out
}

// TestSurnameMergesInABatchAsOneByOne: a batch merges people named by
// surname as the same articles stored one at a time do (the merges of an
// article are made before the next one is resolved), and as the sqlite
// store does.
func TestSurnameMergesInABatchAsOneByOne(t *testing.T) {
	ctx := context.Background()
	batch, single := openTemp(t), openTemp(t)
	defer batch.Close()
	defer single.Close()
	if _, err := batch.PutAnalyses(ctx, surnameArticles()); err != nil {
		t.Fatal(err)
	}
	for _, a := range surnameArticles() {
		if _, err := single.PutAnalysis(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := lite.PutAnalyses(ctx, surnameArticles()); err != nil {
		t.Fatal(err)
	}
	people := func(s parley.Store) (out []string, merges int) {
		p, err := s.Entities(ctx, parley.EntityFilter{Type: string(parley.Person), PageRequest: parley.PageRequest{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			rec, err := s.Entity(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s: %d articles, %d merges", e.Name, e.Articles, len(rec.Merges)))
			merges += len(rec.Merges)
		}
		return out, merges
	}
	b, merges := people(batch)
	if o, _ := people(single); fmt.Sprint(b) != fmt.Sprint(o) {
		t.Errorf("people after one batch:\n%v\nafter one article at a time:\n%v", b, o)
	}
	if o, _ := people(lite); fmt.Sprint(b) != fmt.Sprint(o) {
		t.Errorf("people after one batch:\n%v\nin the sqlite store:\n%v", b, o)
	}
	if merges == 0 {
		t.Errorf("no surname merges at all: %v", b)
	}
	t.Log(b)
}
