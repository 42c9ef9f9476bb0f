package ingest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
)

// slowStore is a parley.Store whose PutAnalyses waits for release and then
// fails or succeeds; the other methods are not used by StoreSink.Put/Commit.
type slowStore struct {
	parley.Store
	release chan struct{}
	fail    error
	stored  int
}

func (s *slowStore) PutAnalyses(_ context.Context, as []*parley.Doc) ([]bool, error) {
	<-s.release
	if s.fail != nil {
		return nil, s.fail
	}
	s.stored += len(as)
	return make([]bool, len(as)), nil
}

func put(t *testing.T, s *StoreSink, id string) {
	t.Helper()
	if err := s.Put(context.Background(), Record{Analysis: &parley.Doc{Document: parley.Document{ID: id}}}); err != nil {
		t.Fatal(err)
	}
}

// TestStoreSinkWritesWhileTheNextBatchIsAnalysed: Commit hands a batch
// over without waiting for the store, and Close waits for every batch.
func TestStoreSinkWritesWhileTheNextBatchIsAnalysed(t *testing.T) {
	st := &slowStore{release: make(chan struct{})}
	s := NewStoreSink(st)
	put(t, s, "a")
	done := make(chan error, 1)
	go func() { done <- s.Commit() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Commit waited for the store to write the batch")
	}
	put(t, s, "b")
	close(st.release)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if st.stored != 2 {
		t.Errorf("stored %d analyses, want 2", st.stored)
	}
}

// TestStoreSinkReportsAWriteErrorOnClose: a batch that the store refuses
// fails the run, though Commit had already returned.
func TestStoreSinkReportsAWriteErrorOnClose(t *testing.T) {
	st := &slowStore{release: make(chan struct{}), fail: errors.New("disk full")}
	s := NewStoreSink(st)
	put(t, s, "a")
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, s, "b") // before the store fails: Put would report the failure
	close(st.release)
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close() = %v, want the store's error", err)
	}
}

// batchStore is a store whose transactions take analyses one at a time
// (StoreSink.Begin); it records every step, and fails the one named.
type batchStore struct {
	parley.Store
	mu    sync.Mutex
	steps []string
	fail  string // "begin", "put" or "commit"
}

func (s *batchStore) step(what string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.steps = append(s.steps, what)
	if strings.HasPrefix(what, s.fail) && s.fail != "" {
		return errors.New(s.fail + " failed")
	}
	return nil
}

func (s *batchStore) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.steps, " ")
}

func (s *batchStore) Begin(context.Context) (StoreBatch, error) {
	if err := s.step("begin"); err != nil {
		return nil, err
	}
	return storeTx{s}, nil
}

func (s *batchStore) PutDuplicate(_ context.Context, d parley.Duplicate) error {
	return s.step("dup:" + d.ID + "→" + d.OriginalID)
}

type storeTx struct{ s *batchStore }

func (t storeTx) Put(a *parley.Doc) (bool, error) { return true, t.s.step("put:" + a.Document.ID) }
func (t storeTx) Commit() error                   { return t.s.step("commit") }
func (t storeTx) Rollback()                       { t.s.step("rollback") }

// TestStoreSinkWithBatchesStoresEachAnalysisAsItComes: with Begin, an
// analysis reaches the store's transaction before Commit, duplicates are
// written after the commit of their original's batch, and a failure of
// any step fails the run and stores nothing after it.
func TestStoreSinkWithBatchesStoresEachAnalysisAsItComes(t *testing.T) {
	for _, tc := range []struct {
		fail, want string
	}{
		{"", "begin put:a commit dup:b→a begin put:c commit"},
		{"begin", "begin"},
		{"put", "begin put:a rollback"},
		{"commit", "begin put:a commit"},
	} {
		t.Run("fail="+tc.fail, func(t *testing.T) {
			st := &batchStore{fail: tc.fail}
			s := NewStoreSink(st)
			s.Begin = st.Begin
			ctx := context.Background()
			put(t, s, "a")
			if err := s.Put(ctx, Record{Doc: parley.Document{ID: "b"}, Hash: "h", DuplicateOf: "a"}); err != nil {
				t.Fatal(err)
			}
			if tc.fail == "" {
				// stored before Commit: the writer does not wait for the batch to end
				deadline := time.Now().Add(5 * time.Second)
				for st.log() != "begin put:a" {
					if time.Now().After(deadline) {
						t.Fatalf("before Commit the store saw %q, want the analysis put", st.log())
					}
					time.Sleep(time.Millisecond)
				}
			}
			errs := []error{s.Commit()}
			if err := s.Put(ctx, Record{Analysis: &parley.Doc{Document: parley.Document{ID: "c"}}}); err != nil {
				errs = append(errs, err)
			}
			errs = append(errs, s.Close())
			if err := errors.Join(errs...); (err != nil) != (tc.fail != "") || (err != nil && !strings.Contains(err.Error(), tc.fail+" failed")) {
				t.Errorf("errors %v, want the %q failure", err, tc.fail)
			}
			if got := st.log(); got != tc.want {
				t.Errorf("store saw %q, want %q", got, tc.want)
			}
		})
	}
}
