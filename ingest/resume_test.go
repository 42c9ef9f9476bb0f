package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
)

// The kill test runs ingest in a child process (this test binary, with
// helperEnv set) so that it can be killed with SIGKILL.
const helperEnv = "PARLEY_INGEST_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		if err := helperMain(os.Getenv("INGEST_IN"), os.Getenv("INGEST_OUT"), os.Getenv("INGEST_SINK")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// echoAnalyzer analyses nothing: the resume test is about ingest's
// bookkeeping, not about the pipeline's speed. A pause before each result
// stands for a real analysis, so that later documents are read meanwhile.
type echoAnalyzer struct{ pause time.Duration }

func (a echoAnalyzer) Stream(ctx context.Context, in <-chan parley.Document, _ int) <-chan pipeline.Result {
	out := make(chan pipeline.Result)
	go func() {
		defer close(out)
		seq := 0
		for d := range in {
			time.Sleep(a.pause)
			select {
			case out <- pipeline.Result{Seq: seq, Document: d, Doc: &parley.Doc{Document: d}}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	return out
}

// slowReader stretches reading the input over about a second, so that a
// kill lands in the middle of the run.
type slowReader struct{ r io.Reader }

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(300 * time.Microsecond)
	return s.r.Read(p[:min(len(p), 2048)])
}

func helperMain(in, out, kind string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var sink Sink
	if kind == "db" {
		st, err := sqlite.Open(context.Background(), out)
		if err != nil {
			return err
		}
		defer st.Close()
		// as parley ingest does: each analysis handed to the open
		// transaction as it comes
		ss := NewStoreSink(st)
		ss.Begin = func(ctx context.Context) (StoreBatch, error) { return st.Begin(ctx) }
		sink = ss
	} else {
		fs, err := OpenFileSink(out, export.Options{})
		if err != nil {
			return err
		}
		sink = fs
	}
	_, err = Run(context.Background(), []string{"-"}, slowReader{f}, Options{
		Analyzer: echoAnalyzer{}, Sink: sink, Workers: 2, CommitEvery: 37,
	})
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	return err
}

const copyGap = 60

// writeCorpus writes n JSONL documents of random words; every 100th is an
// exact copy of the one copyGap before it (under its own id), far enough
// that kills land between an original and its copy.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	texts := make([]string, n)
	for i := range n {
		var text string
		if i%100 == 99 {
			text = texts[i-copyGap]
		} else {
			var b strings.Builder
			for j := range 40 {
				if j > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(&b, "w%d", rng.IntN(50000))
			}
			text = b.String()
		}
		texts[i] = text
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc-%05d", i), "text": text})
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// killAndResume runs the helper on in three times, killing each run with
// SIGKILL at a random moment after its first commit (when committed()
// grows), then runs it to the end.
func killAndResume(t *testing.T, in, out, kind string, committed func() int64, persisted func() int, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"=1", "INGEST_IN="+in, "INGEST_OUT="+out, "INGEST_SINK="+kind)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	killedMidRun := 0
	for round := range 3 {
		before := committed()
		cmd := start()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Kill at a random moment after this run's first commit, so that
		// the kill lands in the middle of the work whatever the load.
		delay := time.Duration(rng.IntN(400)) * time.Millisecond
		deadline := time.Now().Add(30 * time.Second)
		for committed() <= before && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		select {
		case err := <-done:
			t.Logf("round %d: finished before the kill (%v)", round, err)
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			got := persisted()
			t.Logf("round %d: killed %v after its first commit, %d documents on disk", round, delay, got)
			if got < n {
				killedMidRun++
			}
		}
	}
	if killedMidRun == 0 {
		t.Fatal("no run was killed in the middle: the test proved nothing")
	}
	if err := start().Wait(); err != nil {
		t.Fatalf("final run: %v", err)
	}
}

func TestKilledIngestResumesExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.jsonl"), filepath.Join(dir, "out.jsonl")
	const n = 10000
	writeCorpus(t, in, n)
	killAndResume(t, in, out, "file",
		func() int64 { return fileSize(out + ".journal") },
		func() int { return countLines(t, out) }, n)

	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	count := make(map[string]int)
	dups := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct {
			ID          string `json:"id"`
			DuplicateOf string `json:"duplicate_of"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("torn or invalid line %q: %v", sc.Text(), err)
		}
		count[l.ID]++
		if l.DuplicateOf != "" {
			dups++
			var i int
			fmt.Sscanf(l.ID, "doc-%d", &i)
			if want := fmt.Sprintf("doc-%05d", i-copyGap); l.DuplicateOf != want {
				t.Errorf("%s: duplicate_of %s, want %s", l.ID, l.DuplicateOf, want)
			}
		}
	}
	if len(count) != n {
		t.Errorf("%d distinct documents in the output, want %d", len(count), n)
	}
	for id, c := range count {
		if c != 1 {
			t.Errorf("%s written %d times", id, c)
		}
	}
	if dups != n/100 {
		t.Errorf("%d duplicates linked, want %d", dups, n/100)
	}
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

func countLines(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return strings.Count(string(b), "\n")
}

// TestKilledIngestIntoStoreResumesExactlyOnce does the same into the
// SQLite store: every distinct text stored once, nothing lost.
func TestKilledIngestIntoStoreResumesExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	in, db := filepath.Join(dir, "in.jsonl"), filepath.Join(dir, "parley.db")
	const n = 10000
	writeCorpus(t, in, n)
	articles := func() int {
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			return 0
		}
		defer st.Close()
		s, err := st.Stats(context.Background())
		if err != nil {
			return 0
		}
		return int(s.Articles)
	}
	size := func() int64 { return fileSize(db) + fileSize(db+"-wal") }
	killAndResume(t, in, db, "db", size, articles, n-n/100)
	if got, want := articles(), n-n/100; got != want {
		t.Errorf("%d articles stored, want %d (every distinct text once)", got, want)
	}
}

// TestResumeAtEveryCutWritesEachRecordOnce stops an ingest after every
// prefix of its input (as a kill after a commit would), resumes it on the
// whole input, and compares with an uninterrupted run: the same records,
// each once, duplicates linked the same way — exact copies included, whose
// content hash is their original's.
func TestResumeAtEveryCutWritesEachRecordOnce(t *testing.T) {
	story := func(seed uint64, n int) string {
		rng := rand.New(rand.NewPCG(seed, seed))
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("w%d", rng.IntN(9000))
		}
		return strings.Join(w, " ")
	}
	a, b := story(1, 200), story(2, 200)
	near := "LONDON (Reuters) - " + b + " Reporting by Jane Doe"
	docs := [][2]string{{"a", a}, {"b", b}, {"a-copy", a}, {"a-copy2", a}, {"near-b", near}, {"near-b-copy", near}, {"a-copy", a}}
	lines := func(ds [][2]string) string {
		var sb strings.Builder
		for _, d := range ds {
			l, _ := json.Marshal(map[string]string{"id": d[0], "text": d[1]})
			sb.Write(l)
			sb.WriteByte('\n')
		}
		return sb.String()
	}
	ingestFile := func(t *testing.T, input, out string) {
		t.Helper()
		sink, err := OpenFileSink(out, export.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Run(context.Background(), []string{"-"}, strings.NewReader(input), Options{Analyzer: echoAnalyzer{}, Sink: sink, Workers: 2}); err != nil {
			t.Fatal(err)
		}
		if err := sink.Close(); err != nil {
			t.Fatal(err)
		}
	}
	records := func(t *testing.T, out string) []string {
		t.Helper()
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var rs []string
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var r struct {
				ID          string `json:"id"`
				DuplicateOf string `json:"duplicate_of"`
			}
			json.Unmarshal([]byte(l), &r)
			rs = append(rs, r.ID+"→"+r.DuplicateOf)
		}
		sort.Strings(rs)
		return rs
	}
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.jsonl")
	ingestFile(t, lines(docs), whole)
	want := records(t, whole)
	if strings.Join(want, " ") != "a-copy2→a a-copy→a a-copy→a a→ b→ near-b-copy→b near-b→b" {
		t.Fatalf("uninterrupted run: %v", want)
	}
	for cut := range len(docs) {
		out := filepath.Join(dir, fmt.Sprintf("cut%d.jsonl", cut))
		ingestFile(t, lines(docs[:cut]), out)
		ingestFile(t, lines(docs), out)
		ingestFile(t, lines(docs), out) // a third run adds nothing
		if got := records(t, out); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("cut after %d documents: %v, want %v", cut, got, want)
		}
	}
}
