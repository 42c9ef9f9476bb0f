package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-news/parley"
)

// withStages builds a pipeline from test stages, so that Stream's contract
// is tested apart from what the real stages do.
func withStages(stages ...stage) *Pipeline { return &Pipeline{stages: stages} }

func docs(n int) []parley.Document {
	out := make([]parley.Document, n)
	for i := range out {
		out[i] = parley.Document{ID: fmt.Sprintf("d%03d", i), Text: fmt.Sprintf("Document %d said nothing.", i)}
	}
	return out
}

func feed(ctx context.Context, ds []parley.Document) <-chan parley.Document {
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, d := range ds {
			select {
			case in <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	return in
}

// noLeak fails t if goroutines started during the test are still running
// shortly after it.
func noLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(3 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<16)
				n := runtime.Stack(buf, true)
				t.Errorf("goroutine leak: %d running, %d before\n%s", runtime.NumGoroutine(), before, buf[:n])
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

func TestStreamKeepsInputOrderUnderUnevenLatency(t *testing.T) {
	noLeak(t)
	jitter := func(ctx context.Context, d *parley.Doc) error {
		// later documents tend to finish first
		n := len(d.ID) + rand.IntN(3)
		time.Sleep(time.Duration(n*100) * time.Microsecond)
		return nil
	}
	for _, workers := range []int{1, 3, 8} {
		ds := docs(200)
		i := 0
		for r := range withStages(jitter).Stream(context.Background(), feed(context.Background(), ds), workers) {
			if r.Err != nil {
				t.Fatalf("workers %d: %s: %v", workers, r.Document.ID, r.Err)
			}
			if r.Seq != i || r.Document.ID != ds[i].ID || r.Doc.ID != ds[i].ID {
				t.Fatalf("workers %d: result %d is seq %d doc %s, want %s", workers, i, r.Seq, r.Document.ID, ds[i].ID)
			}
			i++
		}
		if i != len(ds) {
			t.Errorf("workers %d: %d results, want %d", workers, i, len(ds))
		}
	}
}

func TestStreamReportsErrorsPerDocumentAndGoesOn(t *testing.T) {
	noLeak(t)
	fail := func(ctx context.Context, d *parley.Doc) error {
		if strings.HasSuffix(d.ID, "3") {
			return errors.New("stage refused")
		}
		return nil
	}
	n, failed := 0, 0
	for r := range withStages(fail).Stream(context.Background(), feed(context.Background(), docs(50)), 4) {
		n++
		if strings.HasSuffix(r.Document.ID, "3") {
			failed++
			if r.Err == nil || !strings.Contains(r.Err.Error(), r.Document.ID) || r.Doc != nil {
				t.Errorf("%s: err %v, analysis %v; want an error naming the document and no analysis", r.Document.ID, r.Err, r.Doc)
			}
		} else if r.Err != nil || r.Doc == nil {
			t.Errorf("%s: unexpected error %v", r.Document.ID, r.Err)
		}
	}
	if n != 50 || failed != 5 {
		t.Errorf("%d results with %d failures, want 50 with 5", n, failed)
	}
}

func TestStreamStopsOnCancelWithoutLeaking(t *testing.T) {
	noLeak(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	slow := func(ctx context.Context, d *parley.Doc) error {
		select {
		case <-time.After(time.Millisecond):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	// an endless input: only cancellation ends the stream
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for i := 0; ; i++ {
			select {
			case in <- parley.Document{ID: fmt.Sprint(i)}:
			case <-ctx.Done():
				return
			}
		}
	}()
	out := withStages(slow).Stream(ctx, in, 2)
	got := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range out {
			got++
			if got == 20 {
				cancel()
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("output not closed 5s after cancel")
	}
	if got < 20 {
		t.Errorf("%d results before cancel, want at least 20", got)
	}
}

func TestStreamEndsWhenConsumerCancelsAndStopsReading(t *testing.T) {
	noLeak(t)
	ctx, cancel := context.WithCancel(context.Background())
	out := withStages().Stream(ctx, feed(ctx, docs(100)), 2)
	<-out
	cancel() // and read nothing more: every goroutine must still end
}

func TestStreamBoundsDocumentsInFlight(t *testing.T) {
	noLeak(t)
	const workers = 2
	var taken atomic.Int64
	in := make(chan parley.Document)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		defer close(in)
		for i := range 10000 {
			select {
			case in <- parley.Document{ID: fmt.Sprint(i)}:
				taken.Add(1)
			case <-ctx.Done():
				return
			}
		}
	}()
	out := withStages().Stream(ctx, in, workers)
	time.Sleep(100 * time.Millisecond) // nobody reads: the pool must stop taking input
	if n := taken.Load(); n > 6*workers+4 {
		t.Errorf("%d documents taken from the input while the consumer read none, want a small bound", n)
	}
	cancel()
	for range out {
	}
}

func TestStreamDefaultsToAllCores(t *testing.T) {
	noLeak(t)
	var inFlight, peak atomic.Int64
	gate := func(ctx context.Context, d *parley.Doc) error {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-1)
		return nil
	}
	for range withStages(gate).Stream(context.Background(), feed(context.Background(), docs(64)), 0) {
	}
	if want := int64(runtime.GOMAXPROCS(0)); want > 1 && peak.Load() < 2 {
		t.Errorf("peak concurrency %d with workers=0 and GOMAXPROCS %d", peak.Load(), want)
	}
}

// extractOnly is the pipeline at level Core: entities, coreference and
// quotes, the "extract" speed the project measures.
func extractOnly(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := New(WithLevel(Core))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestCoreLevelLeavesEventsOut(t *testing.T) {
	full, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if n, m := len(extractOnly(t).stages), len(full.stages); n == 0 || n >= m {
		t.Fatalf("extract-only pipeline has %d of %d stages", n, m)
	}
}

// FuzzExtract runs the full pipeline on arbitrary text: it must not fail or
// panic, and every span it reports must lie inside the (repaired) text on
// rune boundaries.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"“We will not back down,” said Senator Jane Okafor, who chairs the committee.",
		"Russia and the United States agreed to reopen embassies, Foreign Minister Sergey Lavrov told reporters in Riyadh on Tuesday. “It was a good meeting,” he said, Reuters reported.",
		"He said \"no\". She said ''yes''. ``Maybe,'' they said. « Non », a-t-il dit.",
		"Sources familiar with the talks said a summit was possible next week, but the Kremlin denied it.",
		"Invalid \xff bytes “unclosed quote\r\nand CRLF lines\n\n\"odd",
		"“Nested ‘quotes’ inside,” the aide told AP. The ministry said in a statement that “talks” would resume.",
		// the passes over the whole Doc: verdicts, demands, deals, harm, penalties
		"“These rioters are criminals, not liars,” the mayor said. He said the chief should resign. “I don't blame him.”",
		"Vodafone bought a 20% stake in Mannesmann and merged with Orange; NASA funded SpaceX. Garrett hit Rudolph in the head, and his suspension followed.",
	} {
		f.Add(s)
	}
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := p.Extract(context.Background(), parley.Document{ID: "fuzz", Text: s})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}
