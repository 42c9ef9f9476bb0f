package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
