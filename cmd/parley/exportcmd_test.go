package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/export"
)

const exportText = "Negotiators from Russia and the United States met in Riyadh on Tuesday.\n" +
	"A correspondent wrote that the two sides were proposing a three-stage peace plan. " +
	"The minister denied any knowledge of the three-stage plan.\n"

func TestExportWritesGDELTRowsAndClaimReviews(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte(exportText), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if err := runExport(context.Background(), e, []string{"--published", "2025-02-19", in}); err != nil {
		t.Fatalf("export gdelt: %v (%s)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 1 || strings.HasPrefix(lines[0], "GlobalEventID") {
		t.Fatalf("want rows without a header, got:\n%s", out.String())
	}
	row := strings.Split(lines[0], "\t")
	// Day is column 2 and EventCode column 27 of the GDELT 2.0 Events table.
	if len(row) != 61 || row[1] != "20250218" || row[26] != "040" {
		t.Errorf("first row %q: want 61 columns, Day 20250218 and EventCode 040", row)
	}
	out.Reset()
	if err := runExport(context.Background(), e, []string{"--format", "claimreview", in}); err != nil {
		t.Fatalf("export claimreview: %v (%s)", err, errb.String())
	}
	var g map[string]any
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not JSON-LD: %v\n%s", err, out.String())
	}
	if graph, _ := g["@graph"].([]any); len(graph) == 0 {
		t.Errorf("no ClaimReview in %s", out.String())
	}
}

// TestExportFromTheStoreEqualsExportOfTheFiles: what parley export --db
// writes for stored articles is what it writes for the same articles
// analysed afresh, in every format; the filters select articles.
func TestExportFromTheStoreEqualsExportOfTheFiles(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "in.jsonl")
	recs := []string{
		`{"id":"a","outlet":"Wire","published":"2025-02-18","url":"https://example.org/a","text":` + jsonString(exportText) + `}`,
		`{"id":"b","outlet":"Daily","published":"2025-03-02","text":"Maria Lopez, the mayor, said the bridge would reopen on Monday. Police arrested two protesters in Lyon on Sunday."}`,
	}
	os.WriteFile(jsonl, []byte(strings.Join(recs, "\n")+"\n"), 0o644)
	db := filepath.Join(dir, "s.db")
	if _, stderr, code := runCLI(t, "ingest", "--quiet", "--db", db, jsonl); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	for _, format := range []string{"gdelt", "claimreview", "jsonl"} {
		fromFiles, stderr, code := runCLI(t, "export", "--format", format, jsonl)
		if code != 0 {
			t.Fatalf("export %s of files: %s", format, stderr)
		}
		fromStore, stderr, code := runCLI(t, "export", "--db", db, "--format", format)
		if code != 0 {
			t.Fatalf("export %s --db: %s", format, stderr)
		}
		if sortedLines(fromStore) != sortedLines(fromFiles) {
			t.Errorf("%s: the store's export differs from the files':\nstore:\n%s\nfiles:\n%s", format, fromStore, fromFiles)
		}
	}
	for _, tc := range []struct {
		args []string
		want string // id of the only article exported
	}{{[]string{"--outlet", "wire"}, `"id":"a"`}, {[]string{"--since", "2025-03-01"}, `"id":"b"`},
		{[]string{"--until", "2025-02-28"}, `"id":"a"`}, {[]string{"--speaker", "Maria Lopez"}, `"id":"b"`}} {
		out, stderr, code := runCLI(t, append([]string{"export", "--db", db, "--format", "jsonl"}, tc.args...)...)
		if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, tc.want) {
			t.Errorf("export %v: exit %d, %d lines, want only %s; %s", tc.args, code, strings.Count(out, "\n"), tc.want, stderr)
		}
	}
	prefix := filepath.Join(dir, "tables")
	if _, stderr, code := runCLI(t, "export", "--db", db, "--out", prefix); code != 0 {
		t.Fatalf("export --out: %s", stderr)
	}
	for suffix, cols := range map[string]int{".export.CSV": 61, ".mentions.CSV": 16, ".parley.tsv": len(export.GDELTExtraColumns())} {
		b, err := os.ReadFile(prefix + suffix)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if n := len(strings.Split(l, "\t")); n != cols {
				t.Errorf("%s: a row of %d columns, want %d", suffix, n, cols)
			}
		}
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func sortedLines(s string) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	for i := range ls {
		ls[i] = strings.TrimSpace(strings.TrimSuffix(ls[i], ","))
	}
	slices.Sort(ls)
	return strings.Join(ls, "\n")
}

func TestExportRejectsUnknownFormatAndMisplacedFilters(t *testing.T) {
	for _, args := range [][]string{{"--format", "csv", "x.txt"}, {"--speaker", "X", "x.txt"}, {"--table", "gkg", "x.txt"}} {
		var out, errb bytes.Buffer
		if err := runExport(context.Background(), &env{stdout: &out, stderr: &errb}, args); err == nil {
			t.Errorf("export %v: no error", args)
		}
	}
}
