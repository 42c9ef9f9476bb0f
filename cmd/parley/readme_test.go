package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// readmeBlock returns the fenced block that follows the first line of
// README.md containing marker, and its language.
func readmeBlock(t *testing.T, marker string) (lang, body string) {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, marker)
	if i < 0 {
		t.Fatalf("README.md has no %q", marker)
	}
	s = s[i:]
	open := strings.Index(s, "```")
	if open < 0 {
		t.Fatalf("no code block after %q", marker)
	}
	s = s[open+3:]
	lang, s, _ = strings.Cut(s, "\n")
	body, _, ok := strings.Cut(s, "```")
	if !ok {
		t.Fatalf("unclosed code block after %q", marker)
	}
	return strings.TrimSpace(lang), body
}

// TestREADMETableIsTheProgramsOutput: the who-said-what table in the README
// is the output of the command it shows, abridged: every line of the block
// is a line of the output, in the same order.
func TestREADMETableIsTheProgramsOutput(t *testing.T) {
	_, block := readmeBlock(t, "--format text testdata/riyadh-talks.txt` prints")
	out, stderr, code := runCLI(t, "extract", "--format", "text", "../../testdata/riyadh-talks.txt")
	if code != 0 {
		t.Fatalf("extract: %s", stderr)
	}
	lines := strings.Split(out, "\n")
	at := 0
	for _, want := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		want = strings.TrimRight(want, " ")
		found := false
		for ; at < len(lines); at++ {
			if strings.TrimRight(lines[at], " ") == want {
				found, at = true, at+1
				break
			}
		}
		if !found {
			t.Errorf("README line %q is not in the output (in this order); the output is:\n%s", want, out)
			return
		}
	}
}

// TestREADMEJSONIsTheProgramsOutput: the abridged JSON in the README ("…"
// where it leaves things out) is part of the JSON the command writes: each
// field it shows has that value, each list element it shows is in the
// output's list, in order.
func TestREADMEJSONIsTheProgramsOutput(t *testing.T) {
	lang, block := readmeBlock(t, "The JSON output (one object per document")
	if lang != "json" {
		t.Fatalf("block after the JSON paragraph is %q, want json", lang)
	}
	abridged := strings.NewReplacer(", …", "", "…", "").Replace(block)
	var want any
	if err := json.Unmarshal([]byte(abridged), &want); err != nil {
		t.Fatalf("README JSON (without its …) is not JSON: %v\n%s", err, abridged)
	}
	out, stderr, code := runCLI(t, "extract", "../../testdata/riyadh-talks.txt")
	if code != 0 {
		t.Fatalf("extract: %s", stderr)
	}
	var got any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if err := partOf(want, got, "$"); err != nil {
		t.Errorf("the README's JSON is not what extract writes: %v", err)
	}
}

// partOf reports how want is not an abridgement of got.
func partOf(want, got any, path string) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %v", path, got)
		}
		for k, v := range w {
			gv, ok := g[k]
			if !ok {
				return fmt.Errorf("%s.%s: not in the output", path, k)
			}
			if err := partOf(v, gv, path+"."+k); err != nil {
				return err
			}
		}
		return nil
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Errorf("%s: want a list, got %v", path, got)
		}
		at := 0
		for i, v := range w {
			var last error
			for ; at < len(g); at++ {
				if last = partOf(v, g[at], fmt.Sprintf("%s[%d]", path, at)); last == nil {
					break
				}
			}
			if at == len(g) {
				return fmt.Errorf("%s: element %d of the README (%v) is not in the output's list: %v", path, i, v, last)
			}
			at++
		}
		return nil
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("%s: README says %v, the output %v", path, want, got)
	}
	return nil
}

// TestREADMECLIListsTheCommands: the README's "CLI at a glance" names only
// commands that exist, and names every one.
func TestREADMECLIListsTheCommands(t *testing.T) {
	_, block := readmeBlock(t, "## CLI at a glance")
	named := map[string]bool{}
	for _, l := range strings.Split(block, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "parley" {
			named[f[1]] = true
		}
	}
	known := map[string]bool{"help": true} // run() answers it
	for _, c := range commands() {
		known[c.name] = true
		if !named[c.name] {
			t.Errorf("the README's CLI at a glance does not show parley %s", c.name)
		}
	}
	for n := range named {
		if !known[n] {
			t.Errorf("the README shows parley %s, which is no command", n)
		}
	}
}
