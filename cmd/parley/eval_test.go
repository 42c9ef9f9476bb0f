package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir locates the reference data ($PARLEY_SHARED or ../shared beside
// the module root) and skips the test when it is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("PARLEY_SHARED")
	if d == "" {
		d = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(d, "tools")); err != nil {
		t.Skipf("reference data not found at %s (set PARLEY_SHARED): %v", d, err)
	}
	return d
}

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

// flatten maps every number of a JSON document to its dotted path.
func flatten(v any, path string, out map[string]float64) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flatten(e, path+"."+k, out)
		}
	case float64:
		out[path] = x
	}
}

func sameMetrics(t *testing.T, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("reference JSON: %v\n%s", err, want)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("parley JSON: %v\n%s", err, got)
	}
	wm, gm := map[string]float64{}, map[string]float64{}
	flatten(w, "", wm)
	flatten(g, "", gm)
	for k, wv := range wm {
		gv, ok := gm[k]
		if !ok || math.Abs(gv-wv) > 5e-5 {
			t.Errorf("%s: reference %v, parley %v (present %v)", k, wv, gv, ok)
		}
	}
	for k := range gm {
		if _, ok := wm[k]; !ok {
			t.Errorf("%s: not in the reference output", k)
		}
	}
}

// TestEvalQuotesAgreesWithReferenceScorer runs the pipeline through
// "parley eval quotes", writes its predictions with --pred-out, scores them
// with score_quotes.py and requires the same numbers.
func TestEvalQuotesAgreesWithReferenceScorer(t *testing.T) {
	shared := sharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run the reference scorer")
	}
	gold := filepath.Join(shared, "data", "quotes", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("quote gold absent: %v", err)
	}
	dir := t.TempDir()
	pred := filepath.Join(dir, "pred.jsonl")
	out, errs, code := runCLI(t, "eval", "quotes", gold, "--json", "--pred-out", pred)
	if code != 0 {
		t.Fatalf("parley eval quotes exited %d: %s", code, errs)
	}
	metrics := filepath.Join(dir, "ref.json")
	cmd := exec.Command(py, filepath.Join(shared, "tools", "score_quotes.py"), gold, pred, "--out", metrics)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("score_quotes.py: %v\n%s", err, b)
	}
	want, err := os.ReadFile(metrics)
	if err != nil {
		t.Fatal(err)
	}
	sameMetrics(t, want, []byte(out))
}

func TestEvalRejectsUnknownKindAndMissingGold(t *testing.T) {
	for _, args := range [][]string{
		{"eval"},
		{"eval", "nonsense", "x.jsonl"},
		{"eval", "quotes"},
		{"eval", "quotes", filepath.Join(t.TempDir(), "missing.jsonl")},
	} {
		if _, _, code := runCLI(t, args...); code == 0 {
			t.Errorf("parley %v exited 0, want failure", args)
		}
	}
}

// TestEvalEventsAgreesWithReferenceScorer: the pipeline's events on the
// event gold, written with --pred-out and scored by score_events.py.
func TestEvalEventsAgreesWithReferenceScorer(t *testing.T) {
	shared := sharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run the reference scorer")
	}
	gold := filepath.Join(shared, "data", "events", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("event gold absent: %v", err)
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	out, errs, code := runCLI(t, "eval", "events", gold, "--json", "--per-source", "--pred-out", pred)
	if code != 0 {
		t.Fatalf("parley eval events exited %d: %s", code, errs)
	}
	want, err := exec.Command(py, filepath.Join(shared, "tools", "score_events.py"), gold, pred, "--json", "--per-source").Output()
	if err != nil {
		t.Fatalf("score_events.py: %v", err)
	}
	sameMetrics(t, want, []byte(out))
}

// TestEvalHTMLScoresPredictionFile: gold against itself is perfect, and the
// JSON has the reference's keys.
func TestEvalHTMLScoresPredictionFile(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	pred := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(gold, []byte(`{"id":"a","url":"u","title":"","body":"one two three four five six"}`+"\n"+
		`{"id":"b","url":"u","title":"","body":"seven eight nine ten"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pred, []byte(`{"id":"a","body":"one two three four five six"}`+"\n"+
		`{"id":"b","articleBody":"seven eight nine ten and more"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "eval", "html", gold, "--pred", pred, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m map[string]float64
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// page b: 1 of 3 predicted shingles right, recall 1 → P = (1 + 1/3)/2, R = 1
	if math.Abs(m["precision"]-2.0/3) > 1e-9 || m["recall"] != 1 || m["accuracy"] != 0.5 || m["n_gold"] != 2 {
		t.Errorf("metrics = %v", m)
	}
	for _, k := range []string{"f1", "f1_std", "precision_std", "recall_std", "accuracy_std", "n_missing", "n_extra"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %v", k, m)
		}
	}
}

func TestEvalQuotesScoresPredFileAndWritesErrors(t *testing.T) {
	gold := filepath.Join("..", "..", "eval", "testdata", "quotes_gold.jsonl")
	pred := filepath.Join("..", "..", "eval", "testdata", "quotes_pred.jsonl")
	errs := filepath.Join(t.TempDir(), "errors.jsonl")
	out, stderr, code := runCLI(t, "eval", "quotes", gold, "--pred", pred, "--errors", errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// the reference's numbers for this fixture (eval/testdata/quotes_fixture.golden.json)
	for _, want := range []string{"all  11  13  0.769  0.909  0.833  0.640  0.800  0.615  0.727  0.667", "direct  6  6  1.000"} {
		if !strings.Contains(strings.Join(strings.Fields(out), "  "), want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(errs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"id":"doc-1"`) || !strings.Contains(string(b), `"spurious"`) {
		t.Errorf("errors file lacks doc-1's mistakes:\n%s", b)
	}
}
