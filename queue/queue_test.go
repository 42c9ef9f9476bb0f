package queue_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ingest"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/queue"
	"github.com/parley-news/parley/queue/natstest"
	"github.com/parley-news/parley/storetest"
)

// connect opens a queue with streams of the test's own on the server at
// url, deleted when the test ends.
func connect(t *testing.T, url string, cfg queue.Config) *queue.Queue {
	t.Helper()
	q, err := queue.Connect(context.Background(), url, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		_ = q.JS.DeleteStream(ctx, cfg.Stream())
		_ = q.JS.DeleteStream(ctx, cfg.DeadStream())
		q.Close()
	})
	return q
}

func openStore(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// docs makes n distinct documents: the storetest articles with a numbered
// line, so that every text (and content hash) differs.
func docs(n int) []parley.Document {
	texts := []string{storetest.TextGeneva, storetest.TextKremlin, storetest.TextBeijing, storetest.TextSmiths}
	out := make([]parley.Document, n)
	for i := range out {
		out[i] = parley.Document{ID: fmt.Sprintf("doc-%d", i), Title: "t", Outlet: "Queue Test Wire",
			Published: time.Date(2025, 3, 1+i%28, 0, 0, 0, 0, time.UTC),
			Text:      fmt.Sprintf("%s\nThis is copy number %d.", texts[i%len(texts)], i)}
	}
	return out
}

func publish(t *testing.T, q *queue.Queue, ds []parley.Document) {
	t.Helper()
	p := queue.NewPublisher(q)
	for _, d := range ds {
		if err := p.Put(context.Background(), ingest.Record{Doc: d, Hash: d.ContentHash()}); err != nil {
			t.Fatal(err)
		}
	}
}

// publishRaw publishes data as a work message with its own message id.
func publishRaw(t *testing.T, q *queue.Queue, id string, data []byte) {
	t.Helper()
	m := nats.NewMsg(q.Subject())
	m.Data = data
	m.Header.Set(jetstream.MsgIDHeader, id)
	if _, err := q.JS.PublishMsg(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

// storedHashes lists the content hashes of the stored documents, with
// repeats if there were any.
func storedHashes(t *testing.T, dsn string) []string {
	t.Helper()
	s := openStore(t, dsn)
	var hs []string
	if err := s.Documents(context.Background(), "", func(d parley.Document) error {
		hs = append(hs, d.ContentHash())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(hs)
	return hs
}

func wantHashes(ds []parley.Document) []string {
	var hs []string
	for _, d := range ds {
		hs = append(hs, d.ContentHash())
	}
	slices.Sort(hs)
	return hs
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func runWorkers(t *testing.T, ws ...*queue.Worker) []queue.Stats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	stats := make([]queue.Stats, len(ws))
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := w.Run(ctx)
			if err != nil {
				t.Error(err)
			}
			stats[i] = st
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatal("workers did not drain the queue in 60 s")
	}
	return stats
}

// TestWorkersStoreEachDocumentOnce: two workers drain a queue in which
// some documents were published twice (as a redelivery or a second ingest
// would): every document is stored once, and a copy is reported as
// already stored rather than stored again.
func TestWorkersStoreEachDocumentOnce(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T"), AckWait: 5 * time.Second}
	q := connect(t, natstest.URL(t), cfg)
	_, dsn := pgtest.Schema(t)
	st := openStore(t, dsn)
	ds := docs(40)
	publish(t, q, ds)
	for _, d := range ds[:10] { // second copies, past JetStream's de-duplication
		data, _ := json.Marshal(queue.NewMessage(d, ""))
		publishRaw(t, q, "again-"+d.ID, data)
	}
	// A near-duplicate link travels too.
	dup := parley.Document{ID: "copy-of-0", Text: ds[0].Text + " (republished)", URL: "https://example.org/copy"}
	p := queue.NewPublisher(q)
	if err := p.Put(context.Background(), ingest.Record{Doc: dup, Hash: dup.ContentHash(), DuplicateOf: ds[0].ID}); err != nil {
		t.Fatal(err)
	}
	ext := newPipeline(t)
	mk := func() *queue.Worker {
		return &queue.Worker{Queue: q, Store: st, Extractor: ext, Workers: 2, Batch: 8, Drain: true, Transient: postgres.Transient}
	}
	stats := runWorkers(t, mk(), mk())
	var stored, skipped, dups int
	for _, s := range stats {
		stored, skipped, dups = stored+s.Stored, skipped+s.Skipped, dups+s.Duplicates
	}
	if stored != 40 || skipped != 10 || dups != 1 {
		t.Errorf("workers stored %d, skipped %d, linked %d duplicates; want 40, 10, 1 (stats %+v)", stored, skipped, dups, stats)
	}
	if got := storedHashes(t, dsn); !slices.Equal(got, wantHashes(ds)) {
		t.Errorf("store holds %d documents; want each of the %d once", len(got), len(ds))
	}
	if d, err := st.DuplicatesOf(context.Background(), ds[0].ID); err != nil || len(d) != 1 || d[0].ID != "copy-of-0" {
		t.Errorf("DuplicatesOf = %+v, %v; want the copy", d, err)
	}
}

// slowExtractor takes longer over each document than the consumer's ack
// wait.
type slowExtractor struct {
	queue.Extractor
	delay time.Duration
}

func (s slowExtractor) Extract(ctx context.Context, d parley.Document) (*parley.Doc, error) {
	time.Sleep(s.delay)
	return s.Extractor.Extract(ctx, d)
}

// TestSlowExtractionKeepsItsMessages: a worker that holds messages past
// the ack wait (a slow document, a batch waiting for its commit) tells
// the server it is still on them, so they are not delivered again and
// extracted twice.
func TestSlowExtractionKeepsItsMessages(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T"), AckWait: time.Second}
	q := connect(t, natstest.URL(t), cfg)
	_, dsn := pgtest.Schema(t)
	st := openStore(t, dsn)
	ds := docs(4)
	publish(t, q, ds)
	w := &queue.Worker{Queue: q, Store: st, Extractor: slowExtractor{newPipeline(t), 2500 * time.Millisecond},
		Workers: 2, Batch: 4, Drain: true, Transient: postgres.Transient}
	stats := runWorkers(t, w)
	if s := stats[0]; s.Stored != 4 || s.Skipped != 0 || s.Retried != 0 {
		t.Errorf("stats %+v; want 4 stored, none delivered again", s)
	}
}

// TestExactCopyLinkWaitsForItsOriginal: the link of an exact copy carries
// its original's content hash; delivered before the original, it waits
// (is retried) rather than making the store report the original as stored,
// which would skip it for ever.
func TestExactCopyLinkWaitsForItsOriginal(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T"), AckWait: 5 * time.Second}
	q := connect(t, natstest.URL(t), cfg)
	_, dsn := pgtest.Schema(t)
	st := openStore(t, dsn)
	orig := docs(1)[0]
	cp := parley.Document{ID: "exact-copy", Text: orig.Text}
	p := queue.NewPublisher(q)
	if err := p.Put(context.Background(), ingest.Record{Doc: cp, Hash: cp.ContentHash(), DuplicateOf: orig.ID, Key: "copy:" + cp.ContentHash()[:32] + ":1:" + cp.ID}); err != nil {
		t.Fatal(err)
	}
	publish(t, q, []parley.Document{orig})
	w := &queue.Worker{Queue: q, Store: st, Extractor: newPipeline(t), Workers: 1, Batch: 1, Drain: true,
		NakDelay: 50 * time.Millisecond, Transient: postgres.Transient}
	stats := runWorkers(t, w)
	if got := storedHashes(t, dsn); !slices.Equal(got, wantHashes([]parley.Document{orig})) {
		t.Errorf("store holds %d documents, want the original (stats %+v)", len(got), stats)
	}
	if d, err := st.DuplicatesOf(context.Background(), orig.ID); err != nil || len(d) != 1 || d[0].ID != cp.ID {
		t.Errorf("DuplicatesOf = %+v, %v; want the copy", d, err)
	}
}

// panicky panics on a text with a marker in it: a stand-in for an
// extractor bug on a crafted input.
type panicky struct{ p *pipeline.Pipeline }

const crashMarker = "\u2063crash-the-extractor\u2063"

func (x panicky) Extract(ctx context.Context, d parley.Document) (*parley.Doc, error) {
	if strings.Contains(d.Text, crashMarker) {
		panic("test hook: extractor crashed on a crafted input")
	}
	return x.p.Extract(ctx, d)
}

// TestPoisonMessagesGoToDeadLetters: an undecodable message, one larger
// than the worker takes, one with a wrong content hash and one on which
// the extractor panics end in the dead-letter stream with their reasons;
// the good documents are all stored.
func TestPoisonMessagesGoToDeadLetters(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T"), AckWait: 5 * time.Second}
	q := connect(t, natstest.URL(t), cfg)
	_, dsn := pgtest.Schema(t)
	st := openStore(t, dsn)
	good := docs(12)
	publish(t, q, good[:6])
	publishRaw(t, q, "junk", []byte("\x00\x01 not json {"))
	huge := parley.Document{ID: "huge", Text: strings.Repeat("Officials said the talks went on. ", 400)}
	publish(t, q, []parley.Document{huge})
	forged, _ := json.Marshal(queue.Message{ID: "forged", Text: "Some text.", ContentHash: strings.Repeat("0", 64)})
	publishRaw(t, q, "forged", forged)
	publish(t, q, []parley.Document{{ID: "crafted", Text: "The minister said the plan " + crashMarker + " would work."}})
	publish(t, q, good[6:])
	w := &queue.Worker{Queue: q, Store: st, Extractor: panicky{newPipeline(t)}, Workers: 2, Batch: 4, Drain: true,
		MaxDeliver: 3, MaxBytes: 8000, NakDelay: 20 * time.Millisecond, Transient: postgres.Transient}
	stats := runWorkers(t, w)[0]
	if stats.Stored != len(good) || stats.Dead != 4 || stats.Retried != 2 {
		t.Errorf("stats = %+v; want %d stored, 4 dead letters, 2 retries of the crafted input", stats, len(good))
	}
	if got := storedHashes(t, dsn); !slices.Equal(got, wantHashes(good)) {
		t.Errorf("store holds %d documents; want the %d good ones", len(got), len(good))
	}
	dead, err := q.DeadLetters(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"undecodable message: invalid character", "exceeds the worker's limit of 8000 bytes",
		"content_hash \"000", "failed on each of 3 deliveries, the last time: extraction panicked: test hook"}
	if len(dead) != len(want) {
		t.Fatalf("%d dead letters %+v; want %d", len(dead), dead, len(want))
	}
	for _, wr := range want {
		if !slices.ContainsFunc(dead, func(d queue.DeadLetter) bool { return strings.Contains(d.Reason, wr) }) {
			t.Errorf("no dead letter with reason %q among %q", wr, reasons(dead))
		}
	}
	for _, d := range dead {
		if d.Sequence == 0 || len(d.Data) == 0 {
			t.Errorf("dead letter %q lacks its stream sequence or the message", d.Reason)
		}
	}
}

func reasons(ds []queue.DeadLetter) []string {
	var out []string
	for _, d := range ds {
		out = append(out, strings.SplitN(d.Reason, "\n", 2)[0])
	}
	return out
}

// TestPublisherWaitsWhileTheQueueIsFull: with a backlog of 5, publishing 20
// documents completes only as a worker takes them, and none is lost.
func TestPublisherWaitsWhileTheQueueIsFull(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T"), MaxBacklog: 5, AckWait: 5 * time.Second}
	q := connect(t, natstest.URL(t), cfg)
	_, dsn := pgtest.Schema(t)
	st := openStore(t, dsn)
	ds := docs(20)
	done := make(chan time.Time)
	go func() {
		publish(t, q, ds)
		done <- time.Now()
	}()
	select {
	case <-done:
		t.Fatal("20 documents published into a queue that holds 5, with no worker")
	case <-time.After(500 * time.Millisecond):
	}
	w := &queue.Worker{Queue: q, Store: st, Extractor: newPipeline(t), Workers: 1, Batch: 2, Drain: true, Transient: postgres.Transient}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The worker stops each time it finds the queue empty; the publisher
	// fills it again as it is let.
	stored := 0
	for stored < len(ds) && ctx.Err() == nil {
		s, err := w.Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stored += s.Stored
	}
	<-done
	if got := storedHashes(t, dsn); !slices.Equal(got, wantHashes(ds)) {
		t.Errorf("store holds %d documents; want %d", len(got), len(ds))
	}
}

// TestPublisherDeadLettersWhatTheServerCannotCarry: a document larger than
// the server's max_payload goes to the dead letters (truncated, with the
// reason) instead of failing the run.
func TestPublisherDeadLettersWhatTheServerCannotCarry(t *testing.T) {
	cfg := queue.Config{Name: natstest.Name("PARLEY_T")}
	q := connect(t, natstest.URL(t), cfg)
	p := queue.NewPublisher(q)
	big := parley.Document{ID: "book", Text: strings.Repeat("The minister said the talks would go on. ", int(q.NC.MaxPayload()/40)+10)}
	if err := p.Put(context.Background(), ingest.Record{Doc: big, Hash: big.ContentHash()}); err != nil {
		t.Fatalf("Put(too large) = %v; want it dead-lettered, not an error", err)
	}
	publish(t, q, docs(1))
	if p.Sent() != 0 || len(p.Dead()) != 1 || !strings.Contains(p.Dead()[0].Reason, "max_payload") {
		t.Errorf("sent %d, dead %+v; want the book in the dead letters", p.Sent(), p.Dead())
	}
	dead, err := q.DeadLetters(context.Background(), 5)
	if err != nil || len(dead) != 1 || !dead[0].Truncated || dead[0].Hash != big.ContentHash() {
		t.Errorf("dead letters = %d, %v; want the book, truncated, with its hash", len(dead), err)
	}
}
