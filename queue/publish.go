package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parley-news/parley/ingest"
)

// Publisher puts documents on the work queue. It is an ingest.Sink for
// ingest.Run without an analyser: the workers analyse. Each Put waits for
// the stream to confirm the message, and waits while the stream is full
// (backpressure).
type Publisher struct {
	q    *Queue
	mu   sync.Mutex
	sent int
	dead []DeadLetter // documents too large for the queue
}

// NewPublisher publishes to q.
func NewPublisher(q *Queue) *Publisher { return &Publisher{q: q} }

var _ ingest.Sink = (*Publisher)(nil)

// Has is false: the queue does not remember what it delivered. Workers
// skip documents the store already holds.
func (p *Publisher) Has(context.Context, string) (bool, error) { return false, nil }

// Put publishes one document (or a near-duplicate link).
func (p *Publisher) Put(ctx context.Context, r ingest.Record) error {
	m := NewMessage(r.Doc, r.DuplicateOf)
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("queue: document %q: %w", r.Doc.ID, err)
	}
	if max := p.q.NC.MaxPayload(); int64(len(data)) > max {
		// It cannot go on the queue: it goes to the dead letters, and the
		// run goes on.
		d := DeadLetter{Reason: fmt.Sprintf("document %q is %d bytes, more than the server's max_payload (%d)", r.Doc.ID, len(data), max),
			Hash: m.ContentHash, Data: data}
		if err := p.q.deadLetter(ctx, d); err != nil {
			return err
		}
		p.mu.Lock()
		p.dead = append(p.dead, d)
		p.mu.Unlock()
		return nil
	}
	msg := nats.NewMsg(p.q.Subject())
	msg.Data = data
	id := m.ContentHash
	if r.Key != "" {
		id = r.Key
	}
	msg.Header.Set(jetstream.MsgIDHeader, id)
	if err := p.publish(ctx, msg); err != nil {
		return fmt.Errorf("queue: document %q: %w", r.Doc.ID, err)
	}
	p.mu.Lock()
	p.sent++
	p.mu.Unlock()
	return nil
}

// publish sends msg, retrying while the stream is full or the server is
// away, until ctx ends.
func (p *Publisher) publish(ctx context.Context, msg *nats.Msg) error {
	wait := 10 * time.Millisecond
	for {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, err := p.q.JS.PublishMsg(pctx, msg)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, nats.ErrMaxPayload) || errors.Is(err, nats.ErrBadSubject) {
			return err
		}
		// A full stream (DiscardNew), a restarting server, a time-out: wait.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// Commit has nothing to do: every Put waited for its confirmation.
func (p *Publisher) Commit() error { return nil }

// Close does not close the queue.
func (p *Publisher) Close() error { return nil }

// Sent is the number of documents published.
func (p *Publisher) Sent() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent
}

// Dead returns the documents that went to the dead letters instead.
func (p *Publisher) Dead() []DeadLetter {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]DeadLetter(nil), p.dead...)
}
