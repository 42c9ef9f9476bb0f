package sqlite_test

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/storetest"
)

// TestBatch: analyses put one at a time into a Batch are stored when it
// commits, and not at all when it rolls back or one of them failed; the
// store takes writes again afterwards either way.
func TestBatch(t *testing.T) {
	corpus := storetest.Corpus()
	for _, tc := range []struct {
		name    string
		bad     bool // put a nil analysis in the middle
		commit  bool
		wantErr bool
		stored  int
	}{
		{name: "commit", commit: true, stored: len(corpus)},
		{name: "rollback"},
		{name: "failed put", bad: true, commit: true, wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			ctx := context.Background()
			b, err := s.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range corpus {
				if tc.bad && i == len(corpus)/2 {
					a = nil
				}
				// after a failed Put, every Put fails
				if _, err := b.Put(a); (err != nil) != (tc.bad && i >= len(corpus)/2) {
					t.Fatalf("Put(%d) = %v", i, err)
				}
			}
			if tc.commit {
				if err := b.Commit(); (err != nil) != tc.wantErr {
					t.Fatalf("Commit() = %v, want error %v", err, tc.wantErr)
				}
			}
			b.Rollback() // after Commit: nothing to do
			if _, err := b.Put(corpus[0]); err == nil {
				t.Error("Put on an ended batch succeeded")
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if int(st.Articles) != tc.stored {
				t.Errorf("%d articles stored, want %d", st.Articles, tc.stored)
			}
			// the write lock is free again
			if _, err := s.PutAnalyses(ctx, []*parley.Doc{corpus[0]}); err != nil {
				t.Errorf("PutAnalyses after the batch: %v", err)
			}
		})
	}
}
