package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/queue/natstest"
)

// TestIngestQueueWorkerQuery runs the scale-out path from the command
// line: ingest --queue publishes, two worker runs drain the queue into
// PostgreSQL, query reads the quotes back from it.
func TestIngestQueueWorkerQuery(t *testing.T) {
	url := natstest.URL(t)
	name := natstest.Name("PARLEY_CLI")
	t.Cleanup(func() { deleteStreams(t, url, name, name+"_DEAD") })
	_, dsn := pgtest.Schema(t)
	in := filepath.Join(t.TempDir(), "in.jsonl")
	var lines []string
	for i := range 6 {
		lines = append(lines, fmt.Sprintf(`{"id":"n%d","text":"Foreign Minister Sergey Lavrov said on Tuesday that talks number %d would continue in Geneva."}`, i, i))
	}
	lines = append(lines, `{"id":"bad", "text": 12}`)
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCLI(t, "ingest", "--queue", url, "--queue-name", name, "--no-dedup", "--quiet", in)
	if code == 0 || !strings.Contains(errs, "6 documents queued") || !strings.Contains(errs, "in.jsonl:7") {
		t.Fatalf("ingest --queue: exit %d (want 1 for the bad line), %s", code, errs)
	}
	for range 2 {
		if _, errs, code = runCLI(t, "worker", "--queue", url, "--queue-name", name, "--db", dsn, "--drain", "--quiet"); code != 0 {
			t.Fatalf("worker: exit %d: %s", code, errs)
		}
	}
	if _, errs, code := runCLI(t, "worker", "--queue", url, "--queue-name", name, "--list-dead", "5"); code != 0 || !strings.Contains(errs, "0 dead letters") {
		t.Errorf("worker --list-dead: exit %d, %s", code, errs)
	}
	out, errs, code := runCLI(t, "query", "quotes", "--db", dsn, "--speaker", "Lavrov", "--format", "json")
	if code != 0 {
		t.Fatalf("query: exit %d: %s", code, errs)
	}
	if n := strings.Count(out, `"speaker_name"`); n != 6 {
		t.Errorf("query found %d quotes by Lavrov; want 6:\n%s", n, out)
	}
}

func deleteStreams(t *testing.T, url string, names ...string) {
	nc, err := nats.Connect(url)
	if err != nil {
		t.Log(err)
		return
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	for _, n := range names {
		_ = js.DeleteStream(context.Background(), n)
	}
}
