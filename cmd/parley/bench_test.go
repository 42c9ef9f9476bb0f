package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchReportsThroughputAndMemoryPerPass(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "news.jsonl")
	var sb strings.Builder
	for i := range 20 {
		fmt.Fprintf(&sb, `{"id":"n%d","text":"“We will meet again,” Foreign Minister Anna Berg told reporters in Geneva on day %d."}`+"\n", i, i)
	}
	if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	prof := filepath.Join(dir, "cpu.prof")
	out, errs, code := runCLI(t, "bench", "--workers", "2", "--repeat", "3", "--cpuprofile", prof, "--sentences", "--json", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Docs != 60 || r.Failed != 0 || r.Workers != 2 || r.Repeat != 3 {
		t.Errorf("docs %d failed %d workers %d repeat %d, want 60 0 2 3", r.Docs, r.Failed, r.Workers, r.Repeat)
	}
	if want := int64(3 * (len(sb.String()) - 20*len(`{"id":"n0","text":""}`+"\n"))); r.TextBytes < want-60 || r.TextBytes > want+60 {
		t.Errorf("text bytes %d, want about %d", r.TextBytes, want)
	}
	if r.Sentences != 60 || r.EventSents > r.Sentences {
		t.Errorf("%d sentences, %d with events; want 60 one-sentence documents", r.Sentences, r.EventSents)
	}
	if len(r.Passes) != 3 || r.Passes[2].Docs != 60 || r.Passes[0].Docs != 20 {
		t.Errorf("passes %+v, want 3 passes ending at 20, 40, 60 docs", r.Passes)
	}
	if r.MBPerSec <= 0 || r.DocsPerSec <= 0 || r.PeakRSSMB <= 0 || r.GOMAXPROCS < 1 {
		t.Errorf("report lacks measurements: %+v", r)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
}

func TestBenchRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"ok\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"bench"},
		{"bench", filepath.Join(dir, "missing.jsonl")},
		{"bench", "--stages", "everything", bad},
		{"bench", "--repeat", "0", bad},
	} {
		if _, _, code := runCLI(t, args...); code == 0 {
			t.Errorf("parley %v exited 0", args)
		}
	}
	_, errs, code := runCLI(t, "bench", bad)
	if code == 0 || !strings.Contains(errs, "bad.jsonl:2") {
		t.Errorf("bad line: exit %d, stderr %q; want failure naming bad.jsonl:2", code, errs)
	}
}

func TestBenchStagesExtractCodesNoEvents(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.jsonl")
	doc := `{"id":"a","text":"Russia and the United States agreed to reopen embassies, Foreign Minister Sergey Lavrov told reporters in Riyadh. “We will meet again,” he said."}` + "\n"
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "bench", "--stages", "extract", "--json", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Stages != "extract" || r.Events != 0 || r.Claims != 0 || r.Entities == 0 {
		t.Errorf("--stages extract: stages %q, %d entities, %d events, %d claims; want entities and no events or claims",
			r.Stages, r.Entities, r.Events, r.Claims)
	}
}
