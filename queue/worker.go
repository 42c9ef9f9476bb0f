package queue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/parley-news/parley"
)

// Extractor analyses one document; *pipeline.Pipeline is one.
type Extractor interface {
	Extract(ctx context.Context, doc parley.Document) (*parley.Doc, error)
}

// Worker pulls documents from the queue, extracts and stores them. Run it
// in as many processes, on as many machines, as there is work.
type Worker struct {
	Queue     *Queue
	Store     parley.Store
	Extractor Extractor

	Workers     int           // extraction goroutines (0: GOMAXPROCS)
	Batch       int           // analyses per store commit (0: 64)
	MaxInFlight int           // messages held at once, extracted or not (0: 4 × Batch)
	MaxDeliver  int           // deliveries of a failing message before it is dead-lettered (0: 5)
	MaxBytes    int           // larger messages are dead-lettered (0: 64 MiB)
	FlushEvery  time.Duration // longest wait before a partial batch is stored (0: 1 s)
	NakDelay    time.Duration // wait before a failed message is delivered again (0: 1 s)
	// MaxHold is how long a held message is kept from other workers by
	// telling the server it is in progress (0: 10 × the ack wait); past
	// it, a stuck extraction's message goes to another worker.
	MaxHold time.Duration
	// Drain makes Run return once the queue is empty and nothing is in
	// flight, instead of waiting for more.
	Drain bool
	// Transient tells store errors worth retrying (a lost connection) from
	// those a document causes; nil treats every error but
	// parley.ErrInvalid as transient.
	Transient func(error) bool
	// Log receives progress and failures; nil discards them.
	Log func(format string, args ...any)
	// BeforeCommit, if set, is called with the batch size before each
	// store commit (tests use it to kill a worker in the middle of a
	// batch).
	BeforeCommit func(n int)
}

// Stats counts what a worker did.
type Stats struct {
	Stored     int // analysed and stored by this worker
	Skipped    int // already in the store (a redelivery, or another worker's)
	Duplicates int // near-duplicate links recorded
	Dead       int // sent to the dead letters
	Retried    int // failed and given back for another delivery
	StoreRetry int // store commits retried after a transient error
}

// job is a message on its way through a worker.
type job struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata
	m    Message
	a    *parley.Doc
	err  error  // extraction failed: retry, then dead-letter
	dead string // cannot succeed: dead-letter now
	done bool   // nothing to store (already stored, or a duplicate recorded)
}

func (w *Worker) defaults() {
	if w.Workers <= 0 {
		w.Workers = runtime.GOMAXPROCS(0)
	}
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.MaxInFlight <= 0 {
		w.MaxInFlight = 4 * w.Batch
	}
	if w.MaxDeliver <= 0 {
		w.MaxDeliver = 5
	}
	if w.MaxBytes <= 0 {
		w.MaxBytes = 64 << 20
	}
	if w.FlushEvery <= 0 {
		w.FlushEvery = time.Second
	}
	if w.NakDelay <= 0 {
		w.NakDelay = time.Second
	}
	if w.MaxHold <= 0 {
		w.MaxHold = 10 * w.Queue.ackWait()
	}
	if w.Transient == nil {
		w.Transient = func(err error) bool { return !errors.Is(err, parley.ErrInvalid) }
	}
	if w.Log == nil {
		w.Log = func(string, ...any) {}
	}
}

// Run works until ctx ends (or, with Drain, until the queue is empty). It
// returns an error only when it cannot reach the queue at all.
func (w *Worker) Run(ctx context.Context) (Stats, error) {
	w.defaults()
	cons, err := w.Queue.ensureConsumer(ctx)
	if err != nil {
		return Stats{}, err
	}
	slots := make(chan struct{}, w.MaxInFlight)
	jobs := make(chan *job, w.MaxInFlight)
	results := make(chan *job, w.MaxInFlight)
	fetchCtx, stopFetch := context.WithCancel(ctx)
	defer stopFetch()
	held := newLeases(w.MaxHold)
	go held.keep(fetchCtx, max(w.Queue.ackWait()/3, time.Millisecond))
	go w.fetch(fetchCtx, cons, slots, jobs, held)
	var wg sync.WaitGroup
	for range w.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				w.prepare(ctx, j)
				results <- j
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	return w.commitLoop(ctx, results, slots, held), nil
}

// fetch pulls messages while there is room, until ctx ends or, with Drain,
// the queue is empty; it closes jobs when it stops.
func (w *Worker) fetch(ctx context.Context, cons jetstream.Consumer, slots chan struct{}, jobs chan<- *job, held *leases) {
	defer close(jobs)
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		// One slot, waiting for it; then as many more as are free, up to a batch.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		n := 1
	fill:
		for n < w.Batch {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break fill
			}
		}
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(time.Second))
		got := 0
		if err == nil {
			for msg := range batch.Messages() {
				got++
				j := &job{msg: msg}
				held.add(j)
				jobs <- j
			}
			err = batch.Error()
		}
		for range n - got {
			<-slots
		}
		if err != nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			w.Log("queue: fetch: %v (retrying)", err)
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
		if got == 0 && w.Drain && len(slots) == 0 && w.empty(ctx, cons) {
			return
		}
	}
}

// empty reports whether the consumer has nothing left to deliver and
// nothing delivered but unacknowledged (by any worker).
func (w *Worker) empty(ctx context.Context, cons jetstream.Consumer) bool {
	info, err := cons.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

// prepare decodes, checks and extracts one message.
func (w *Worker) prepare(ctx context.Context, j *job) {
	var err error
	if j.meta, err = j.msg.Metadata(); err != nil {
		j.dead = fmt.Sprintf("no JetStream metadata: %v", err)
		return
	}
	if j.meta.NumDelivered > uint64(w.MaxDeliver) {
		j.dead = fmt.Sprintf("delivered %d times and never acknowledged (workers crashed or timed out on it)", j.meta.NumDelivered)
		return
	}
	if n := len(j.msg.Data()); n > w.MaxBytes {
		j.dead = fmt.Sprintf("message of %d bytes exceeds the worker's limit of %d bytes", n, w.MaxBytes)
		return
	}
	if j.m, err = Decode(j.msg.Data()); err != nil {
		j.dead = err.Error()
		return
	}
	if j.m.DuplicateOf != "" {
		// An exact copy's link carries its original's content hash, which
		// HasContent then reports as stored: the link waits until the
		// original is, or a redelivered original would be skipped and lost.
		if _, err := w.Store.Article(ctx, j.m.DuplicateOf); err != nil {
			if errors.Is(err, parley.ErrNotFound) {
				err = fmt.Errorf("its original %q is not stored yet", j.m.DuplicateOf)
			}
			j.err = err
			return
		}
		d := j.m.Document()
		j.err = w.Store.PutDuplicate(ctx, parley.Duplicate{ID: d.ID, ContentHash: j.m.ContentHash, OriginalID: j.m.DuplicateOf,
			URL: d.URL, Title: d.Title, Outlet: d.Outlet, Source: d.Source})
		j.done = j.err == nil
		return
	}
	// A redelivered message whose document some worker already stored.
	if ok, err := w.Store.HasContent(ctx, j.m.ContentHash); err == nil && ok {
		j.done = true
		return
	}
	j.a, j.err = w.extract(ctx, j.m.Document())
}

// extract runs the extractor, turning a panic into the document's error.
func (w *Worker) extract(ctx context.Context, d parley.Document) (a *parley.Doc, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extraction panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return w.Extractor.Extract(ctx, d)
}
