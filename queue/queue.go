// Package queue distributes documents to parley workers through a NATS
// JetStream work queue (github.com/nats-io/nats.go), so that extraction
// scales out over processes and machines that share one store.
//
// A Publisher (an ingest.Sink) puts each document on the stream as one JSON
// message whose id is the document's content hash (JetStream drops a copy
// published again within its duplicate window). Workers pull from one
// durable consumer: JetStream hands each message to one of them and gives
// it to another when the first does not acknowledge it in time (a crash,
// kill -9, a lost connection). A Worker extracts, stores in batches, and
// acknowledges a message only after the store committed it; because the
// store is idempotent on the content hash, a message delivered twice is
// stored once. Messages that cannot succeed — undecodable, too large, or
// failing extraction on every delivery — go to a dead-letter stream with
// the reason, and the rest flow. In-flight messages are bounded per worker,
// and the stream's backlog is bounded too: a publisher waits when it is
// full.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parley-news/parley"
)

// Config names the queue's streams and sets their limits. The zero value
// is the default queue.
type Config struct {
	// Name is the work stream's name (default "PARLEY"); the dead-letter
	// stream is Name_DEAD, the subjects name.docs and name.dead (lower
	// case), the workers' durable consumer "workers".
	Name string
	// MaxBacklog bounds the messages waiting in the work stream (default
	// 100,000): publishers wait while it is full.
	MaxBacklog int64
	// AckWait is how long a worker may hold a message before JetStream
	// gives it to another (default 2 minutes).
	AckWait time.Duration
	// Replicas is the number of copies of the streams a NATS cluster
	// keeps (default 1; 3 survives the loss of a server).
	Replicas int
}

func (c Config) name() string {
	if c.Name == "" {
		return "PARLEY"
	}
	return c.Name
}

// Subject is the subject documents are published on.
func (c Config) Subject() string { return strings.ToLower(c.name()) + ".docs" }

// DeadSubject is the subject of the dead letters.
func (c Config) DeadSubject() string { return strings.ToLower(c.name()) + ".dead" }

// Stream and DeadStream are the streams' names.
func (c Config) Stream() string { return c.name() }

// DeadStream is the name of the dead-letter stream.
func (c Config) DeadStream() string { return c.name() + "_DEAD" }

// Consumer is the workers' durable consumer.
const Consumer = "workers"

// Queue is a connection to the queue's streams.
type Queue struct {
	Config
	NC *nats.Conn
	JS jetstream.JetStream
}

// Connect connects to the NATS server at rawURL (nats://host:port, or a
// comma-separated list of a cluster's servers) and makes sure the streams
// exist. The connection reconnects by itself
// when a server restarts.
func Connect(ctx context.Context, rawURL string, cfg Config, opts ...nats.Option) (*Queue, error) {
	for _, one := range strings.Split(rawURL, ",") {
		u, err := url.Parse(strings.TrimSpace(one))
		if err != nil || (u.Scheme != "nats" && u.Scheme != "tls") || u.Host == "" {
			return nil, fmt.Errorf("queue: %q is not a NATS URL (nats://host:port)", one)
		}
	}
	opts = append([]nats.Option{nats.Name("parley"), nats.MaxReconnects(-1), nats.ReconnectWait(250 * time.Millisecond),
		nats.RetryOnFailedConnect(false)}, opts...)
	nc, err := nats.Connect(rawURL, opts...)
	if err != nil {
		return nil, fmt.Errorf("queue: connect to %s: %w", rawURL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %s: %w", rawURL, err)
	}
	q := &Queue{Config: cfg, NC: nc, JS: js}
	if err := q.ensure(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %s: %w", rawURL, err)
	}
	return q, nil
}

// Close drains and closes the connection.
func (q *Queue) Close() error {
	err := q.NC.Drain()
	for q.NC.IsDraining() {
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

func (q *Queue) ensure(ctx context.Context) error {
	backlog := q.MaxBacklog
	if backlog <= 0 {
		backlog = 100_000
	}
	if _, err := q.JS.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.Stream(),
		Description: "parley: documents waiting for a worker",
		Subjects:    []string{q.Subject()},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		MaxMsgs:     backlog,
		Discard:     jetstream.DiscardNew, // a full queue refuses, so publishers wait
		Duplicates:  2 * time.Minute,
		Replicas:    max(q.Replicas, 1),
	}); err != nil {
		return fmt.Errorf("work stream %s: %w", q.Stream(), err)
	}
	if _, err := q.JS.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.DeadStream(),
		Description: "parley: documents that failed, with the reason in the Parley-Reason header",
		Subjects:    []string{q.DeadSubject()},
		Storage:     jetstream.FileStorage,
		Replicas:    max(q.Replicas, 1),
	}); err != nil {
		return fmt.Errorf("dead-letter stream %s: %w", q.DeadStream(), err)
	}
	return nil
}

// ackWait is how long a worker may hold a message unannounced.
func (q *Queue) ackWait() time.Duration {
	if q.AckWait <= 0 {
		return 2 * time.Minute
	}
	return q.AckWait
}

// ensureConsumer creates the workers' durable consumer, or updates it to
// this worker's settings. Only workers call it, so that a publisher does
// not reset the ack wait the workers chose.
func (q *Queue) ensureConsumer(ctx context.Context) (jetstream.Consumer, error) {
	wait := q.ackWait()
	// MaxDeliver is unlimited here: the workers count deliveries themselves
	// and dead-letter a message past their limit, so that one that crashes
	// every worker it reaches ends in the dead-letter stream too, instead
	// of staying unacknowledged.
	c, err := q.JS.CreateOrUpdateConsumer(ctx, q.Stream(), jetstream.ConsumerConfig{
		Durable:       Consumer,
		Description:   "parley workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       wait,
		MaxDeliver:    -1,
		MaxAckPending: 10_000,
		Replicas:      max(q.Replicas, 1),
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s of %s: %w", Consumer, q.Stream(), err)
	}
	return c, nil
}

// Message is what is published for one document.
type Message struct {
	ID          string         `json:"id"`
	Text        string         `json:"text"`
	Title       string         `json:"title,omitempty"`
	URL         string         `json:"url,omitempty"`
	Published   *time.Time     `json:"published,omitempty"`
	Outlet      string         `json:"outlet,omitempty"`
	Author      string         `json:"author,omitempty"`
	Language    string         `json:"language,omitempty"`
	Source      string         `json:"source,omitempty"`
	Meta        map[string]any `json:"meta,omitempty"`
	ContentHash string         `json:"content_hash"`
	// DuplicateOf, for a near-duplicate copy, is the id of the document it
	// copies: the worker records the link without analysing it.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// NewMessage makes the message of a document.
func NewMessage(d parley.Document, duplicateOf string) Message {
	m := Message{ID: d.ID, Text: d.Text, Title: d.Title, URL: d.URL, Outlet: d.Outlet, Author: d.Author,
		Language: d.Language, Source: d.Source, Meta: d.Meta, ContentHash: d.ContentHash(), DuplicateOf: duplicateOf}
	if !d.Published.IsZero() {
		t := d.Published
		m.Published = &t
	}
	return m
}

// Document returns the message's document.
func (m Message) Document() parley.Document {
	d := parley.Document{ID: m.ID, Text: m.Text, Title: m.Title, URL: m.URL, Outlet: m.Outlet, Author: m.Author,
		Language: m.Language, Source: m.Source, Meta: m.Meta}
	if m.Published != nil {
		d.Published = *m.Published
	}
	return d
}

// ErrUndecodable marks a message that is not a document.
var ErrUndecodable = errors.New("undecodable message")

// Decode parses a message and checks that it is a document whose text has
// the content hash it claims.
func Decode(data []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("%w: %v", ErrUndecodable, err)
	}
	if m.Text == "" {
		return m, fmt.Errorf("%w: no text", ErrUndecodable)
	}
	d := m.Document()
	if h := d.ContentHash(); m.ContentHash != h {
		return m, fmt.Errorf("%w: content_hash %q is not the hash of the text (%s)", ErrUndecodable, m.ContentHash, h)
	}
	if m.ID == "" {
		m.ID = m.ContentHash[:16]
	}
	return m, nil
}
