package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/queue"
)

func workerCommand() command {
	return command{
		name:    "worker",
		summary: "pull documents from a NATS JetStream work queue, analyse them and store them (scale-out)",
		run:     runWorker,
	}
}

const workerUsage = `Usage: parley worker --queue nats://HOST:4222 --db postgres://… [flags]

Pulls the documents "parley ingest --queue" published, analyses them and
stores them, acknowledging each message only after the store committed it.
Run as many workers as there are cores to spare, on as many machines as
needed, all with the same --queue and --db: JetStream gives each document
to one worker, and to another when a worker dies before acknowledging it;
the store keeps each text once. Messages that cannot be decoded, are larger
than --max-bytes, or fail extraction --max-deliver times go to the dead
letters (stream NAME_DEAD, subject name.dead) with the reason.

Example:
  parley ingest --queue nats://127.0.0.1:4222 news.jsonl
  parley worker --queue nats://127.0.0.1:4222 --db 'postgres:///parley?host=/var/run/postgresql' --drain
  parley worker --queue nats://127.0.0.1:4222 --list-dead 20

Flags:`

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	queueURL := fs.String("queue", "", "the NATS server (nats://host:4222)")
	queueName := fs.String("queue-name", "PARLEY", "the work stream's name")
	replicas := fs.Int("queue-replicas", 1, "copies of the streams in a NATS cluster (3 survives the loss of a server)")
	db := fs.String("db", "", "the store: a postgres:// URL (or a SQLite file for a single machine)")
	workers := fs.Int("workers", 0, "extraction goroutines (0: all cores)")
	batch := fs.Int("batch", 64, "analyses per store commit")
	inflight := fs.Int("max-inflight", 0, "messages held at once (0: 4 × batch)")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of a failing document before it is dead-lettered")
	maxBytes := fs.Int("max-bytes", 64<<20, "larger messages are dead-lettered")
	ackWait := fs.Duration("ack-wait", 2*time.Minute, "time a worker may hold a message before it is given to another")
	drain := fs.Bool("drain", false, "exit once the queue is empty (exit status 1 if any document went to the dead letters)")
	listDead := fs.Int("list-dead", 0, "print the first N dead letters (reason, deliveries, work-stream sequence, content hash) and exit")
	quiet := fs.Bool("quiet", false, "no progress lines")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, workerUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if *queueURL == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("give --queue nats://… (and --db), and no other arguments")
	}
	q, err := queue.Connect(ctx, *queueURL, queue.Config{Name: *queueName, AckWait: *ackWait, Replicas: *replicas})
	if err != nil {
		return err
	}
	defer q.Close()
	if *listDead > 0 {
		return printDead(ctx, e, q, *listDead)
	}
	st, err := openDB(ctx, *db)
	if err != nil {
		return fmt.Errorf("opening store: %w", err)
	}
	defer st.Close()
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	w := &queue.Worker{Queue: q, Store: st, Extractor: p, Workers: *workers, Batch: *batch, MaxInFlight: *inflight,
		MaxDeliver: *maxDeliver, MaxBytes: *maxBytes, Drain: *drain}
	if isPostgres(defaultOr(*db)) {
		w.Transient = postgres.Transient
	}
	if !*quiet {
		w.Log = func(format string, args ...any) { fmt.Fprintf(e.stderr, "parley worker: "+format+"\n", args...) }
	}
	start := time.Now()
	stats, err := w.Run(ctx)
	el := time.Since(start).Seconds()
	user, sys, _ := processUsage()
	fmt.Fprintf(e.stderr, "parley worker: %d stored, %d already stored, %d duplicates, %d dead letters, %d retried, %d store retries in %.1fs (%.1f docs/s; %.1f CPU s, %.1f docs per CPU second; GOMAXPROCS %d)\n",
		stats.Stored, stats.Skipped, stats.Duplicates, stats.Dead, stats.Retried, stats.StoreRetry, el,
		float64(stats.Stored)/max(el, 1e-9), user+sys, float64(stats.Stored)/max(user+sys, 1e-9), runtime.GOMAXPROCS(0))
	if err == nil && *drain && stats.Dead > 0 {
		return errSilent // reported above; parley worker --list-dead shows why
	}
	return err
}

// printDead lists dead letters, one a line.
func printDead(ctx context.Context, e *env, q *queue.Queue, n int) error {
	dead, err := q.DeadLetters(ctx, n)
	if err != nil {
		return err
	}
	for _, d := range dead {
		reason, _, _ := strings.Cut(d.Reason, "\n")
		fmt.Fprintf(e.stdout, "seq %d\tdeliveries %d\thash %s\t%s\n", d.Sequence, d.Deliveries, d.Hash, reason)
	}
	fmt.Fprintf(e.stderr, "parley worker: %d dead letters listed (stream %s)\n", len(dead), q.DeadStream())
	return nil
}

// defaultOr is db, or the default store when db is empty.
func defaultOr(db string) string {
	if db != "" {
		return db
	}
	p, _ := defaultDBPath()
	return p
}
