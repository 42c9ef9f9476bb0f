package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEvalHTMLSubcommandAgreesWithScoreHTML extracts the dev pages with
// "parley eval html", writes the bodies with --pred-out, scores them with
// score_html.py and requires the same metrics.
func TestEvalHTMLSubcommandAgreesWithScoreHTML(t *testing.T) {
	shared := sharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	gold := filepath.Join(shared, "data", "html", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("no html benchmark: %v", err)
	}
	dir := t.TempDir()
	pred := filepath.Join(dir, "pred.jsonl")
	ours, errs, code := runCLI(t, "eval", "html", gold, "--pred-out", pred, "--json")
	if code != 0 {
		t.Fatalf("parley eval html: exit %d: %s", code, errs)
	}
	refJSON := filepath.Join(dir, "ref.json")
	cmd := exec.Command(py, filepath.Join(shared, "tools", "score_html.py"), gold, pred, "--json", refJSON)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("score_html.py: %v\n%s", err, out)
	}
	ref, err := os.ReadFile(refJSON)
	if err != nil {
		t.Fatal(err)
	}
	sameMetrics(t, ref, []byte(ours))
}

func TestEvalHTMLNeedsGold(t *testing.T) {
	if _, _, code := runCLI(t, "eval", "html"); code == 0 {
		t.Error("eval html without a gold file succeeded")
	}
	if _, _, code := runCLI(t, "eval", "html", filepath.Join(t.TempDir(), "missing.jsonl")); code == 0 {
		t.Error("eval html with a missing gold file succeeded")
	}
}
