package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corefGold is a two-sentence document in GUM's format: "Maria Lopez
// arrived. She spoke." with She → Maria Lopez.
const corefGold = "# newdoc id = t1\n# newpar\n" +
	"1\tMaria\tMaria\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-s-c-1-sgl\n" +
	"2\tLopez\tLopez\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n" +
	"3\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
	"1\tShe\tshe\tPRON\tPRP\tPerson=3|PronType=Prs\t2\tnsubj\t_\tEntity=(1-person-giv-s-c-1-ana)\n" +
	"2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"

func TestEvalCorefLinksPronounAndReportsBadLine(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.conllu")
	if err := os.WriteFile(gold, []byte(corefGold), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "eval", "coref", gold, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep corefReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r := rep.Resolution["pronoun"]; r.Gold != 1 || r.Right != 1 {
		t.Errorf("pronoun resolution %+v, want the one pronoun linked right", r)
	}
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte(strings.Replace(corefGold, "Entity=1)", "Entity=9)", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "eval", "coref", bad); code == 0 || !strings.Contains(errs, "line 4") {
		t.Errorf("exit %d, stderr %q: want a failure naming line 4", code, errs)
	}
}
