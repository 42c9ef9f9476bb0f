package queue

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-news/parley"
)

// maxReason bounds the reason a dead letter carries (a panic's stack).
const maxReason = 4000

// commitLoop settles the prepared messages: failures go back to the queue
// or to the dead letters at once, analyses are stored in batches and their
// messages acknowledged after the commit. It returns when results closes.
func (w *Worker) commitLoop(ctx context.Context, results <-chan *job, slots <-chan struct{}, held *leases) Stats {
	var st Stats
	var batch []*job
	release := func(n int) {
		for range n {
			<-slots
		}
	}
	flush := func() {
		if len(batch) > 0 {
			w.commit(ctx, batch, &st)
			for _, j := range batch {
				held.drop(j)
			}
			release(len(batch))
			batch = batch[:0]
		}
	}
	tick := time.NewTicker(w.FlushEvery)
	defer tick.Stop()
	last := time.Now()
	for {
		select {
		case j, ok := <-results:
			if !ok {
				flush()
				return st
			}
			if j.a == nil {
				w.settle(ctx, j, &st)
				held.drop(j)
				release(1)
				continue
			}
			batch = append(batch, j)
			if len(batch) >= w.Batch {
				flush()
			}
		case <-tick.C:
			flush()
			if time.Since(last) >= 10*time.Second {
				last = time.Now()
				w.Log("queue: %d stored, %d already stored, %d duplicates, %d dead letters, %d retried",
					st.Stored, st.Skipped, st.Duplicates, st.Dead, st.Retried)
			}
		}
	}
}

// settle acknowledges, retries or dead-letters a message that has nothing
// to store.
func (w *Worker) settle(ctx context.Context, j *job, st *Stats) {
	switch {
	case j.dead != "":
		w.toDead(ctx, j, j.dead, st)
	case j.done && j.m.DuplicateOf != "":
		st.Duplicates++
		w.ack(j)
	case j.done:
		st.Skipped++
		w.ack(j)
	case ctx.Err() != nil:
		// Shutting down: another worker gets it.
		_ = j.msg.Nak()
	case j.meta != nil && j.meta.NumDelivered >= uint64(w.MaxDeliver):
		w.toDead(ctx, j, fmt.Sprintf("failed on each of %d deliveries, the last time: %v", j.meta.NumDelivered, j.err), st)
	default:
		st.Retried++
		w.Log("queue: document %q (delivery %d): %v (will retry)", j.m.ID, deliveries(j), j.err)
		_ = j.msg.NakWithDelay(w.NakDelay)
	}
}

func deliveries(j *job) uint64 {
	if j.meta == nil {
		return 0
	}
	return j.meta.NumDelivered
}

func (w *Worker) ack(j *job) {
	if err := j.msg.Ack(); err != nil {
		// The message comes back after the ack wait; the store already
		// holds it, so the next delivery is acknowledged at once.
		w.Log("queue: ack of %q: %v (it will be delivered again and skipped)", j.m.ID, err)
	}
}

// toDead stores the message in the dead letters with the reason, then
// drops it from the work queue; if the dead letter cannot be written, the
// message is delivered again later instead.
func (w *Worker) toDead(ctx context.Context, j *job, reason string, st *Stats) {
	if len(reason) > maxReason {
		reason = reason[:maxReason] + "…"
	}
	d := DeadLetter{Reason: reason, Deliveries: int(deliveries(j)), Data: j.msg.Data(), Hash: j.m.ContentHash}
	if j.meta != nil {
		d.Sequence = j.meta.Sequence.Stream
	}
	if err := w.Queue.deadLetter(context.WithoutCancel(ctx), d); err != nil {
		w.Log("queue: %v; message %d will be delivered again", err, d.Sequence)
		_ = j.msg.NakWithDelay(w.NakDelay)
		return
	}
	st.Dead++
	w.Log("queue: dead letter (stream sequence %d): %s", d.Sequence, firstLine(reason))
	_ = j.msg.Term()
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

// commit stores a batch and acknowledges its messages. A transient store
// failure (a lost connection, a restarting server) is retried, keeping the
// messages from being redelivered meanwhile; a failure a document causes
// is found by storing the batch one document at a time, and that document
// is dead-lettered.
func (w *Worker) commit(ctx context.Context, batch []*job, st *Stats) {
	as := make([]*parley.Doc, len(batch))
	for i, j := range batch {
		as[i] = j.a
	}
	if w.BeforeCommit != nil {
		w.BeforeCommit(len(batch))
	}
	// A shutdown lets the batch in hand finish.
	cctx := context.WithoutCancel(ctx)
	wait := 100 * time.Millisecond
	for {
		stored, err := w.Store.PutAnalyses(cctx, as)
		if err == nil {
			for i, j := range batch {
				if stored[i] {
					st.Stored++
				} else {
					st.Skipped++
				}
				w.ack(j)
			}
			return
		}
		if !w.Transient(err) {
			w.Log("queue: storing a batch of %d: %v; storing them one by one", len(batch), err)
			w.commitEach(cctx, batch, st)
			return
		}
		st.StoreRetry++
		w.Log("queue: storing a batch of %d: %v (retrying in %v)", len(batch), err, wait)
		for _, j := range batch {
			_ = j.msg.InProgress()
		}
		time.Sleep(wait)
		wait = min(2*wait, 5*time.Second)
	}
}

// commitEach stores the documents of a batch one at a time.
func (w *Worker) commitEach(ctx context.Context, batch []*job, st *Stats) {
	for _, j := range batch {
		for wait := 100 * time.Millisecond; ; wait = min(2*wait, 5*time.Second) {
			ok, err := w.Store.PutAnalysis(ctx, j.a)
			if err == nil {
				if ok {
					st.Stored++
				} else {
					st.Skipped++
				}
				w.ack(j)
				break
			}
			if !w.Transient(err) {
				w.toDead(ctx, j, "the store refused it: "+err.Error(), st)
				break
			}
			_ = j.msg.InProgress()
			time.Sleep(wait)
		}
	}
}
