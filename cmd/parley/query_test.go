package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

func corpusDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAnalyses(context.Background(), storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	return path
}

func runQueryCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestQueryQuotesBySpeakerInEachFormat(t *testing.T) {
	db := corpusDB(t)
	out, stderr, code := runQueryCLI(t, "query", "quotes", "--db", db, "--speaker", "Lavrov", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var page struct {
		Items []struct {
			SpeakerName string `json:"speaker_name"`
			Content     string
			ArticleID   string `json:"article_id"`
		}
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if len(page.Items) != 2 || page.Items[0].ArticleID == "" || !strings.Contains(page.Items[0].SpeakerName, "Lavrov") {
		t.Errorf("quotes by Lavrov = %+v", page.Items)
	}
	// the flags may come before the KIND too
	out, stderr, code = runQueryCLI(t, "query", "--db", db, "quotes", "--speaker", "Lavrov", "--format", "jsonl")
	if n := strings.Count(out, "\n"); code != 0 || n != 2 {
		t.Errorf("flags before the KIND: exit %d, %d lines, %s; want 2 lines", code, n, stderr)
	}
	out, _, _ = runQueryCLI(t, "query", "quotes", "--db", db, "--speaker", "Lavrov", "--format", "jsonl")
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("jsonl gave %d lines; want 2", n)
	}
	out, _, _ = runQueryCLI(t, "query", "quotes", "--db", db, "--speaker", "Lavrov", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 3 || recs[0][1] != "speaker" {
		t.Errorf("csv = %q, %v; want a header and 2 rows", recs, err)
	}
	out, _, _ = runQueryCLI(t, "query", "quotes", "--db", db, "--speaker", "Lavrov", "--format", "table")
	if !strings.Contains(out, "SPEAKER") || !strings.Contains(out, "useful and frank") {
		t.Errorf("table = %s", out)
	}
}

func TestQueryKinds(t *testing.T) {
	db := corpusDB(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"events", "--actor", "Lavrov", "--actor", "Rubio", "--plover", "CONSULT"}, "met in Geneva"},
		{[]string{"claims", "--status", "disputed"}, "a summit will take place next month"},
		{[]string{"entities", "--name", "Lavrov"}, `"quotes":2`},
		{[]string{"articles", "--q", "summit"}, "Kremlin plays down"},
		{[]string{"quotes", "--since", "2025-03-05", "--until", "2025-03-05"}, "unacceptable"},
	}
	for _, tc := range tests {
		out, stderr, code := runQueryCLI(t, append([]string{"query"}, append(tc.args, "--db", db, "--format", "jsonl")...)...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("query %v: exit %d, %s\n%s; want %q", tc.args, code, stderr, out, tc.want)
		}
	}
}

func TestQueryBadInputSaysWhat(t *testing.T) {
	db := corpusDB(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"query"}, "need a KIND"},
		{[]string{"query", "people", "--db", db}, `unknown KIND "people"`},
		{[]string{"query", "quotes", "--db", db, "--since", "yesterday"}, "want YYYY-MM-DD"},
		{[]string{"query", "quotes", "--db", db, "--format", "xml"}, "unknown --format"},
		{[]string{"query", "claims", "--db", db, "--status", "true"}, "unknown claim status"},
		{[]string{"query", "quotes", "--db", db, "--limit", "-3"}, "must not be negative"},
		{[]string{"query", "quotes", "--db", db, "--since", "2025-03-05", "--until", "2025-03-01"}, "not before"},
	}
	for _, tc := range tests {
		_, stderr, code := runQueryCLI(t, tc.args...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want an error with %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestDefaultDBPathFollowsXDG(t *testing.T) {
	t.Setenv("PARLEY_DB", "")
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	p, err := defaultDBPath()
	if err != nil || p != filepath.Join(dir, "parley", "parley.db") {
		t.Errorf("defaultDBPath = %q, %v", p, err)
	}
	t.Setenv("PARLEY_DB", "/tmp/x.db")
	if p, _ := defaultDBPath(); p != "/tmp/x.db" {
		t.Errorf("with $PARLEY_DB, defaultDBPath = %q", p)
	}
	// With no --db, query refuses a default database that does not exist
	// yet, and uses the one ingest creates there.
	t.Setenv("PARLEY_DB", "")
	if _, stderr, code := runQueryCLI(t, "query", "quotes"); code == 0 || !strings.Contains(stderr, "no parley database") {
		t.Errorf("query before any ingest: exit %d, %s", code, stderr)
	}
	txt := writeFile(t, dir, "a.txt", []byte("Maria Lopez said the bridge would reopen on Monday."))
	if _, stderr, code := runQueryCLI(t, "ingest", "--quiet", txt); code != 0 {
		t.Fatalf("ingest into the default database: %s", stderr)
	}
	if out, stderr, code := runQueryCLI(t, "query", "quotes", "--format", "jsonl"); code != 0 || !strings.Contains(out, "Maria Lopez") {
		t.Errorf("query with the default database: exit %d, %q, %s", code, out, stderr)
	}
}

func TestEntityMergeAndUnmergeFromTheCLI(t *testing.T) {
	db := corpusDB(t)
	id := func(name string) string {
		out, stderr, code := runQueryCLI(t, "query", "entities", "--db", db, "--name", name, "--format", "jsonl")
		if code != 0 {
			t.Fatal(stderr)
		}
		var e struct{ ID string }
		json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &e)
		return e.ID
	}
	jane, john := id("Jane Smith"), id("John Smith")
	if _, stderr, code := runQueryCLI(t, "entity", "merge", jane, john, "--db", db); code == 0 || !strings.Contains(stderr, "needs a reason") {
		t.Errorf("merge without a reason: exit %d, %s", code, stderr)
	}
	out, stderr, code := runQueryCLI(t, "entity", "merge", jane, john, "--db", db, "--reason", "test")
	if code != 0 || !strings.Contains(out, "parley entity unmerge m") {
		t.Fatalf("merge: exit %d, %s %s", code, out, stderr)
	}
	merge := strings.TrimSuffix(strings.Fields(out)[len(strings.Fields(out))-1], ")")
	out, _, _ = runQueryCLI(t, "entity", "show", jane, "--db", db)
	if !strings.Contains(out, `"reason": "merge: test"`) {
		t.Errorf("show after merge lacks the merge reason:\n%s", out)
	}
	if _, stderr, code := runQueryCLI(t, "entity", "unmerge", merge, "--db", db); code != 0 {
		t.Fatalf("unmerge %s: %s", merge, stderr)
	}
	out, _, _ = runQueryCLI(t, "query", "quotes", "--db", db, "--speaker", "John Smith", "--format", "jsonl")
	if !strings.Contains(out, `"speaker_id":"`+john+`"`) {
		t.Errorf("after unmerge, John Smith's quote is not his again: %s", out)
	}
}
