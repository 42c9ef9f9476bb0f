package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/eval"
)

// A hand-made sentence with a multi-word token, an empty node and comments.
const parseInput = "# sent_id = a\n# text = They don't sing.\n" +
	"1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"4\tsing\t_\t_\t_\tVerbForm=Inf\t_\t_\t_\t_\n" +
	"4.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"5\t.\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\n"

// TestParseConllu guards pass-through (comments, multi-word token and empty
// node lines, FEATS and MISC unchanged) and that words get filled in.
func TestParseConllu(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(parseInput), stdout: &out, stderr: &errb}
	if err := runParse(context.Background(), e, []string{"--conllu", "-"}); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	lines := strings.Split(out.String(), "\n")
	in := strings.Split(parseInput, "\n")
	if len(lines) != len(in) {
		t.Fatalf("%d lines out, %d in:\n%s", len(lines), len(in), out.String())
	}
	for i, l := range in {
		f, g := strings.Split(l, "\t"), strings.Split(lines[i], "\t")
		if len(f) != 10 || strings.ContainsAny(f[0], "-.") {
			if l != lines[i] {
				t.Errorf("line %d changed: %q → %q", i+1, l, lines[i])
			}
			continue
		}
		if g[1] != f[1] || g[5] != f[5] || g[9] != f[9] || g[2] == "_" || g[3] == "_" || g[6] == "_" || g[7] == "_" {
			t.Errorf("line %d: %q", i+1, lines[i])
		}
	}
	if !strings.Contains(out.String(), "3\tn't\tnot\tPART\tRB") {
		t.Errorf("n't not analysed as the treebank does:\n%s", out.String())
	}
}

// TestParseConlluBadLine reports the file and line of a malformed line,
// parses the other sentences and fails the command.
func TestParseConlluBadLine(t *testing.T) {
	bad := "1\tOops\t_\t_\n\n" + parseInput
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(bad), stdout: &out, stderr: &errb}
	err := runParse(context.Background(), e, []string{"--conllu", "-"})
	if err == nil || !strings.Contains(errb.String(), "-:line 1: want 10 tab-separated fields, got 4") {
		t.Errorf("err %v, stderr %q", err, errb.String())
	}
	if !strings.Contains(out.String(), "# sent_id = a") {
		t.Error("the good sentence after the bad one was not parsed")
	}
}

// TestParseText segments plain text and splits contractions as the treebank
// does.
func TestParseText(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader("The board didn't meet. It will meet on Friday.\n"), stdout: &out, stderr: &errb}
	if err := runParse(context.Background(), e, []string{"-"}); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	s := out.String()
	for _, want := range []string{"# sent_id = 2", "# text = It will meet on Friday.", "\tdid\tdo\tAUX\t", "\tn't\tnot\t"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

// TestEvalSyntaxJSON scores a hand-made gold file and checks the JSON shape.
func TestEvalSyntaxJSON(t *testing.T) {
	gold := "1\tBirds\tbird\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tsing\tsing\tVERB\tVBP\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	path := filepath.Join(t.TempDir(), "gold.conllu")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if err := runEval(context.Background(), e, []string{"syntax", path, "--json"}); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	var s eval.SyntaxScores
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	if s.Sentences != 1 || s.Words != 3 || s.UPOS == 0 {
		t.Errorf("scores %+v", s)
	}
}
