package queue_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/queue"
	"github.com/parley-news/parley/queue/natstest"
)

// Environment of a worker child process (the test binary run again).
const (
	envChild = "PARLEY_QUEUE_TEST_WORKER" // the queue URL
	envName  = "PARLEY_QUEUE_TEST_NAME"
	envDSN   = "PARLEY_QUEUE_TEST_DSN"
)

// faultAckWait is the consumer's ack wait in the fault test: the time after
// which a killed worker's messages go to another.
const faultAckWait = 3 * time.Second

// TestFaultsLoseNothing runs worker processes against an embedded NATS
// server and a PostgreSQL schema, and in the middle of the run kills one
// worker with SIGKILL between extracting a batch and committing it,
// restarts the NATS server, and terminates the other worker's PostgreSQL
// connections. A third worker joins; when the queue is drained every
// document is in the store exactly once (the set of content hashes is the
// published one) and the counters derived from the documents agree with
// the rows. PARLEY_SCALE=1 runs it on 3,000 documents instead of 240.
func TestFaultsLoseNothing(t *testing.T) {
	if u := os.Getenv(envChild); u != "" {
		faultWorker(u)
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	n := 240
	if os.Getenv("PARLEY_SCALE") != "" {
		n = 3000
	}
	srv := natstest.Start(t, t.TempDir())
	cfg := queue.Config{Name: natstest.Name("PARLEY_FAULT"), AckWait: faultAckWait}
	q := connect(t, srv.URL(), cfg)
	_, dsn := pgtest.Schema(t)
	ds := docs(n)
	publish(t, q, ds)

	a, b := startWorker(t, srv.URL(), cfg.Name, dsn, "a"), startWorker(t, srv.URL(), cfg.Name, dsn, "b")
	// Kill a while it holds an extracted batch it has not committed (its
	// second), with more messages in flight.
	a.waitFor(t, "commit", 2)
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = a.cmd.Wait()
	b.waitFor(t, "commit", 2)
	srv.Restart(500 * time.Millisecond)
	b.waitFor(t, "commit", 4)
	pgtest.Exec(t, pgtest.Server(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"+b.app+"'")
	c := startWorker(t, srv.URL(), cfg.Name, dsn, "c")
	for _, w := range []*child{b, c} {
		if err := w.wait(3 * time.Minute); err != nil {
			t.Fatalf("worker %s: %v\n%s", w.app, err, w.log())
		}
	}
	if got, want := storedHashes(t, dsn), wantHashes(ds); !slices.Equal(got, want) {
		t.Fatalf("the store holds %d documents (%d distinct); want each of the %d once", len(got), len(slices.Compact(got)), len(want))
	}
	checkCounters(t, dsn)
	if dead, err := q.DeadLetters(context.Background(), 10); err != nil || len(dead) > 0 {
		t.Errorf("dead letters = %q, %v; want none", reasons(dead), err)
	}
	t.Logf("worker b: %s", b.summary())
	t.Logf("worker c: %s", c.summary())
}

// checkCounters compares the counters kept while storing with the rows.
func checkCounters(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var quotesOK, articlesOK, entityQuotesOK bool
	err = conn.QueryRow(ctx, `SELECT
		(SELECT sum(n_quotes) FROM documents) = (SELECT count(*) FROM quotes),
		(SELECT sum(n_articles) FROM entities) = (SELECT count(*) FROM (SELECT DISTINCT document, entity FROM doc_entities) x),
		(SELECT sum(n_quotes) FROM entities) = (SELECT count(*) FROM quotes q JOIN doc_entities de ON de.document = q.document AND de.local_id = q.speaker)`).
		Scan(&quotesOK, &articlesOK, &entityQuotesOK)
	if err != nil {
		t.Fatal(err)
	}
	if !quotesOK || !articlesOK || !entityQuotesOK {
		t.Errorf("counters disagree with the rows: documents' quotes %v, entities' articles %v, entities' quotes %v",
			quotesOK, articlesOK, entityQuotesOK)
	}
}

// faultWorker is the child process: a worker that says on standard output
// when it is about to commit a batch, and waits a little there, so that
// the parent can kill it in the middle of one.
func faultWorker(url string) {
	ctx := context.Background()
	q, err := queue.Connect(ctx, url, queue.Config{Name: os.Getenv(envName), AckWait: faultAckWait})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	st, err := postgres.Open(ctx, os.Getenv(envDSN))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	p, err := pipeline.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	commits := 0
	w := &queue.Worker{Queue: q, Store: st, Extractor: p, Workers: 1, Batch: 8, MaxDeliver: 10, Drain: true,
		Transient: postgres.Transient,
		Log:       func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) },
		BeforeCommit: func(n int) {
			commits++
			fmt.Printf("commit %d %d\n", commits, n)
			time.Sleep(150 * time.Millisecond)
		}}
	s, err := w.Run(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("done stored=%d skipped=%d dead=%d retried=%d storeRetry=%d\n", s.Stored, s.Skipped, s.Dead, s.Retried, s.StoreRetry)
	os.Exit(0)
}

// child is a worker process of the test.
type child struct {
	cmd    *exec.Cmd
	app    string
	lines  chan string
	stderr *strings.Builder
	last   string
}

func startWorker(t *testing.T, url, name, dsn, label string) *child {
	t.Helper()
	app := fmt.Sprintf("parley-fault-%s-%d", label, time.Now().UnixNano())
	c := &child{app: app, lines: make(chan string, 1024), stderr: &strings.Builder{}}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestFaultsLoseNothing$")
	c.cmd.Env = append(os.Environ(), envChild+"="+url, envName+"="+name,
		envDSN+"="+pgtest.WithParams(t, dsn, map[string]string{"application_name": app}))
	c.cmd.Stderr = c.stderr
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			_ = c.cmd.Process.Kill()
			_ = c.cmd.Wait()
		}
	})
	go func() {
		defer close(c.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
	}()
	return c
}

// waitFor reads the child's output until its n-th line starting with word.
func (c *child) waitFor(t *testing.T, word string, n int) {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				t.Fatalf("worker %s ended before %q %d:\n%s", c.app, word, n, c.log())
			}
			c.last = l
			f := strings.Fields(l)
			if len(f) > 1 && f[0] == word {
				if k, _ := strconv.Atoi(f[1]); k >= n {
					return
				}
			}
		case <-timeout:
			t.Fatalf("worker %s: no %q %d within a minute:\n%s", c.app, word, n, c.log())
		}
	}
}

// wait waits for the child to exit by itself (it drains the queue).
func (c *child) wait(d time.Duration) error {
	done := make(chan error, 1)
	go func() {
		for l := range c.lines {
			c.last = l
		}
		done <- c.cmd.Wait()
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = c.cmd.Process.Kill()
		return fmt.Errorf("did not finish in %v", d)
	}
}

func (c *child) summary() string { return c.last }

func (c *child) log() string {
	s := c.stderr.String()
	if len(s) > 4000 {
		s = "…" + s[len(s)-4000:]
	}
	return s
}
