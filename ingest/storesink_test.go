package ingest

import (
	"context"
	"errors"
	"strings"
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
	close(st.release)
	s := NewStoreSink(st)
	put(t, s, "a")
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	put(t, s, "b")
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close() = %v, want the store's error", err)
	}
}
