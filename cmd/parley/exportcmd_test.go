package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/export"
)

func TestExportWritesGDELTRowsAndClaimReviews(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	text := "Negotiators from Russia and the United States met in Riyadh on Tuesday.\n" +
		"A correspondent wrote that the two sides were proposing a three-stage peace plan. " +
		"The minister denied any knowledge of the three-stage plan.\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if err := runExport(context.Background(), e, []string{"--published", "2025-02-19", in}); err != nil {
		t.Fatalf("export gdelt: %v (%s)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 || lines[0] != strings.Join(export.GDELTColumns, "\t") {
		t.Fatalf("want a header and rows, got:\n%s", out.String())
	}
	row := strings.Split(lines[1], "\t")
	if len(row) != len(export.GDELTColumns) || row[1] != "20250218" || row[11] != "040" {
		t.Errorf("first row %q: want Day 20250218 and EventCode 040", row)
	}
	out.Reset()
	if err := runExport(context.Background(), e, []string{"--format", "claimreview", in}); err != nil {
		t.Fatalf("export claimreview: %v (%s)", err, errb.String())
	}
	var g map[string]any
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("not JSON-LD: %v\n%s", err, out.String())
	}
	if _, ok := g["@graph"]; !ok {
		t.Errorf("no @graph in %s", out.String())
	}
}

func TestExportRejectsUnknownFormat(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runExport(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"--format", "csv", "x.txt"}); err == nil {
		t.Error("want an error for --format csv")
	}
}
