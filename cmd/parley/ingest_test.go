package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-news/parley/ingest"
)

func TestIngestWritesJSONLinesAndResumesFromItsJournal(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("The minister said on Tuesday that the talks would continue next week in Geneva."), 0o644)
	os.WriteFile(filepath.Join(in, "b.jsonl"), []byte(`{"id":"b1","text":"Officials said the agreement on embassies would be signed in the spring, after a second round."}`+"\n"), 0o644)
	out := filepath.Join(dir, "out.jsonl")

	_, errs, code := runCLI(t, "ingest", in, "--out", out, "--workers", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "2 read, 2 extracted") {
		t.Errorf("summary %q", errs)
	}
	first, _ := os.ReadFile(out)
	if n := strings.Count(string(first), "\n"); n != 2 {
		t.Fatalf("%d lines, want 2:\n%s", n, first)
	}
	_, errs, code = runCLI(t, "ingest", in, "--out", out)
	if code != 0 || !strings.Contains(errs, "0 extracted, 0 duplicates, 2 already done") {
		t.Errorf("second run: exit %d, %q", code, errs)
	}
	second, _ := os.ReadFile(out)
	if string(second) != string(first) {
		t.Error("second run changed the output")
	}
}

func TestIngestExitsNonZeroWhenAnInputFails(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("The spokesperson said the ministry would respond in writing by Friday."), 0o644)
	out, errs, code := runCLI(t, "ingest", good, filepath.Join(dir, "missing.html"), "--out", "-")
	if code == 0 {
		t.Error("exit 0 with a missing input")
	}
	if !strings.Contains(errs, "missing.html") || !strings.Contains(errs, "1 failed") {
		t.Errorf("stderr does not report the failure: %q", errs)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the good input was not written: %q", out)
	}
}

func TestIngestRejectsConflictingOutputs(t *testing.T) {
	if _, _, code := runCLI(t, "ingest", "x.txt", "--out", "-", "--db", "x.db"); code == 0 {
		t.Error("--out with --db accepted")
	}
	if _, _, code := runCLI(t, "ingest", "--out", "-"); code == 0 {
		t.Error("no input accepted")
	}
}

func TestIngestIntoStoreSkipsWhatItHolds(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("The minister said on Tuesday that the talks would continue next week in Geneva."), 0o644)
	db := filepath.Join(dir, "parley.db")
	if _, errs, code := runCLI(t, "ingest", in, "--db", db); code != 0 || !strings.Contains(errs, "1 extracted") {
		t.Fatalf("first run: exit %d: %s", code, errs)
	}
	if _, errs, code := runCLI(t, "ingest", in, "--db", db); code != 0 || !strings.Contains(errs, "0 extracted, 0 duplicates, 1 already done") {
		t.Errorf("second run: exit %d: %s", code, errs)
	}
}

func TestIngestFollowPollsFeedsUntilInterrupted(t *testing.T) {
	var polls, conditional atomic.Int32
	body := strings.Repeat("The two delegations met for four hours and agreed to meet again, officials said. ", 8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		polls.Add(1)
		// Every other poll ignores the validators, as some servers do:
		// the items must still be written once.
		if r.Header.Get("If-None-Match") != "" {
			if conditional.Add(1)%2 == 1 {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("ETag", `"1"`)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>https://wire.example/talks</link><description><![CDATA[<p>` + body + `</p>]]></description></item>
</channel></rss>`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	os.WriteFile(feeds, []byte("# test feeds\n"+srv.URL+"/feed.xml\n"), 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for polls.Load() < 4 {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
	}()
	var out, errb bytes.Buffer
	code := run(ctx, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb},
		[]string{"ingest", "--follow", feeds, "--interval", "20ms", "--host-interval", "0", "--out", "-"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("%d documents written over %d polls, want 1:\n%s", n, polls.Load(), out.String())
	}
}

func TestIngestProgressLineShowsRatesAndETA(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false, 1000)
	if p.on {
		t.Fatal("progress on for a buffer, which is no terminal")
	}
	p.on = true // as on a terminal
	p.start = time.Now().Add(-2 * time.Second)
	p.update(ingest.Stats{Extracted: 40, Duplicates: 2, Bytes: 500})
	line := buf.String()
	for _, want := range []string{"42 docs", "docs/s", "MB/s", "2 dup", "50%", "ETA"} {
		if !strings.Contains(line, want) {
			t.Errorf("progress line %q lacks %q", line, want)
		}
	}
	p.clear()
	if !strings.HasSuffix(buf.String(), "\r\033[K") {
		t.Error("clear did not erase the line")
	}
}

func TestIngestReportsTheRepairsOfItsInputs(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "legacy.txt")
	os.WriteFile(legacy, []byte("The minister said the caf\xe9 would stay closed."), 0o644)
	out, errs, code := runCLI(t, "ingest", legacy, "--out", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "legacy.txt: not UTF-8: read as Windows-1252") {
		t.Errorf("stderr does not name the repair: %q", errs)
	}
	if !strings.Contains(out, "not UTF-8: read as Windows-1252") || !strings.Contains(out, "café") {
		t.Errorf("the analysis does not carry the repair and the decoded text: %q", out)
	}
}
