package ingest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
)

// orderSink records the order in which records reach it.
type orderSink struct {
	mu  sync.Mutex
	ids []string
}

func (s *orderSink) Has(context.Context, string) (bool, error) { return false, nil }
func (s *orderSink) Put(_ context.Context, r Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := r.Doc.ID
	if r.DuplicateOf != "" {
		id += "→" + r.DuplicateOf
	}
	s.ids = append(s.ids, id)
	return nil
}
func (s *orderSink) Commit() error { return nil }
func (s *orderSink) Close() error  { return nil }

// TestDuplicatesReachTheSinkAfterTheirOriginal: records reach the sink in
// input order, so that no store holds a copy's link (which answers Has for
// the original's content hash) before the original itself.
func TestDuplicatesReachTheSinkAfterTheirOriginal(t *testing.T) {
	in := `{"id":"a","text":"The minister said the plan was dead."}
{"id":"b","text":"The minister said the plan was dead."}
{"id":"c","text":"Another story altogether, about the weather in spring."}
`
	sink := &orderSink{}
	_, err := Run(context.Background(), []string{"-"}, strings.NewReader(in),
		Options{Analyzer: echoAnalyzer{pause: 50 * time.Millisecond}, Sink: sink, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(sink.ids, " "), "a b→a c"; got != want {
		t.Errorf("sink received %q, want %q", got, want)
	}
}

// recordingStore records the writes StoreSink makes, in order.
type recordingStore struct {
	parley.Store
	mu     sync.Mutex
	writes []string
}

func (s *recordingStore) PutAnalyses(_ context.Context, as []*parley.Doc) ([]bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range as {
		s.writes = append(s.writes, a.Document.ID)
	}
	return make([]bool, len(as)), nil
}

func (s *recordingStore) PutDuplicate(_ context.Context, d parley.Duplicate) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes = append(s.writes, d.ID+"→"+d.OriginalID)
	return nil
}

// TestStoreSinkWritesDuplicatesAfterTheBatchOfTheirOriginal: a duplicate
// put while its original waits in the batch is not written before it.
func TestStoreSinkWritesDuplicatesAfterTheBatchOfTheirOriginal(t *testing.T) {
	st := &recordingStore{}
	s := NewStoreSink(st)
	ctx := context.Background()
	put(t, s, "a")
	if err := s.Put(ctx, Record{Doc: parley.Document{ID: "b"}, Hash: "h", DuplicateOf: "a"}); err != nil {
		t.Fatal(err)
	}
	st.mu.Lock()
	early := len(st.writes)
	st.mu.Unlock()
	if early != 0 {
		t.Fatalf("%d writes before Commit, want none", early)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(st.writes, " "), "a b→a"; got != want {
		t.Errorf("store written %q, want %q", got, want)
	}
}

// commitSink counts commits.
type commitSink struct {
	orderSink
	commits int
}

func (s *commitSink) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commits++
	return nil
}

// TestCommitIntervalBoundsABatch: a commit happens once CommitInterval has
// passed since the last, however few records the batch holds.
func TestCommitIntervalBoundsABatch(t *testing.T) {
	var in strings.Builder
	for i := range 8 {
		fmt.Fprintf(&in, "{\"id\":\"d%d\",\"text\":\"Story number %d, about something else entirely: %d.\"}\n", i, i, i*7919)
	}
	for _, tc := range []struct {
		interval    time.Duration
		min, max    int
		description string
	}{
		{20 * time.Millisecond, 3, 9, "several commits on the way"},
		{time.Hour, 1, 1, "only the last"},
	} {
		t.Run(tc.description, func(t *testing.T) {
			sink := &commitSink{}
			_, err := Run(context.Background(), []string{"-"}, strings.NewReader(in.String()), Options{
				Analyzer: echoAnalyzer{pause: 15 * time.Millisecond}, Sink: sink, Workers: 1,
				CommitEvery: 1000, CommitInterval: tc.interval, NoDedup: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(sink.ids) != 8 || sink.commits < tc.min || sink.commits > tc.max {
				t.Errorf("%d records, %d commits; want 8 records and %d to %d commits", len(sink.ids), sink.commits, tc.min, tc.max)
			}
		})
	}
}
