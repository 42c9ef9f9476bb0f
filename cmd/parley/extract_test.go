package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runWithStdin runs the CLI with the given standard input.
func runWithStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type extractOut struct {
	ID       string            `json:"id"`
	Quotes   []json.RawMessage `json:"quotes"`
	Entities []json.RawMessage `json:"entities"`
	Warnings []string          `json:"warnings"`
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name       string
		data       []byte
		wantCode   int
		wantStderr string // substring
		wantQuotes int    // -1: no output expected
	}{
		{"empty file gives an empty document and a note", nil, 0, "empty input", 0},
		{"binary junk is refused with its name", append([]byte{0x7f, 'E', 'L', 'F', 0, 0, 1}, bytes.Repeat([]byte{0, 0xff}, 500)...), 1, "binary", -1},
		{"invalid UTF-8 is repaired and reported", []byte("Maria Lopez said the plan \xff\xfe was \xc3 ready."), 0, "not UTF-8: read as Windows-1252", 1},
		{"invalid bytes in UTF-8 text are replaced and reported", []byte("Maria López said the plan \xff was ready."), 0, "invalid UTF-8: 1 byte(s) replaced", 1},
		{"CRLF text", []byte("Maria Lopez said the plan was ready.\r\n\r\n\"We will go on,\" she said.\r\n"), 0, "", 2},
		{"text without a quote", []byte("The river rose two metres overnight and the bridge closed."), 0, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, strings.ReplaceAll(tt.name, " ", "_")+".txt", tt.data)
			stdout, stderr, code := runCLI(t, "extract", p)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, stderr)
			}
			if tt.wantStderr != "" && !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q does not say %q", stderr, tt.wantStderr)
			}
			if tt.wantStderr != "" && !strings.Contains(stderr, filepath.Base(p)) {
				t.Errorf("stderr %q does not name the input %s", stderr, filepath.Base(p))
			}
			if tt.wantQuotes < 0 {
				return
			}
			var doc extractOut
			if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatalf("output is not one JSON document: %v\n%s", err, stdout)
			}
			if len(doc.Quotes) != tt.wantQuotes {
				t.Errorf("%d quotes, want %d", len(doc.Quotes), tt.wantQuotes)
			}
		})
	}
}

func TestExtractJSONLKeepsIDsAndReportsBadLines(t *testing.T) {
	in := `{"id":"a","text":"Maria Lopez said the plan was ready."}
not json at all
{"id":"b","text":"The river rose."}
`
	stdout, stderr, code := runWithStdin(t, in, "extract", "--jsonl", "-")
	if code == 0 {
		t.Errorf("exit 0 although a line failed")
	}
	if !strings.Contains(stderr, ":2:") {
		t.Errorf("stderr %q does not name line 2", stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var doc extractOut
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		ids = append(ids, doc.ID)
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("ids %v, want [a b] in input order", ids)
	}
}

func TestExtractSeveralInputsCarriesOn(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("Maria Lopez said the plan was ready."))
	stdout, stderr, code := runCLI(t, "extract", filepath.Join(dir, "missing.txt"), good)
	if code == 0 {
		t.Error("exit 0 although an input was missing")
	}
	if !strings.Contains(stderr, "missing.txt") {
		t.Errorf("stderr %q does not name the missing input", stderr)
	}
	if n := strings.Count(strings.TrimSpace(stdout), "\n") + 1; stdout == "" || n != 1 {
		t.Errorf("want one JSON line for the good input, got %q", stdout)
	}
}

func TestExtractHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Talks end</title></head><body><nav>Home | World</nav>
<article><h1>Talks end</h1><p>The talks in Geneva ended on Tuesday without an agreement on the next round, officials said.</p>
<p>“We will keep talking until we have a deal that works for both sides,” said Maria Lopez, the chief negotiator.</p>
<p>Both delegations are expected to return home on Wednesday morning after a week of meetings.</p></article>
<footer>Copyright</footer></body></html>`
	p := writeFile(t, t.TempDir(), "page.html", []byte(page))
	stdout, stderr, code := runCLI(t, "extract", "--include-text", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Title  string            `json:"title"`
		Text   string            `json:"text"`
		Quotes []json.RawMessage `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(doc.Text, "Copyright") || !strings.Contains(doc.Text, "Maria Lopez") {
		t.Errorf("text is not the article body: %q", doc.Text)
	}
	if len(doc.Quotes) < 2 {
		t.Errorf("%d quotes from the page body, want 2", len(doc.Quotes))
	}
}
