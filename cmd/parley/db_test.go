package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadingCommandsRefuseAMissingStore: a mistyped --db for a command
// that does not ingest must fail saying so, and must not create the file.
func TestReadingCommandsRefuseAMissingStore(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "parley.db")
	for _, args := range [][]string{
		{"query", "quotes", "--db", missing},
		{"reprocess", "--db", missing},
		{"serve", "--db", missing, "--addr", "127.0.0.1:0"},
		{"entity", "show", "E1", "--db", missing},
		{"export", "--db", missing},
	} {
		_, stderr, code := runCLI(t, args...)
		if code == 0 || !strings.Contains(stderr, missing) || !strings.Contains(stderr, "no parley database") {
			t.Errorf("%s: exit %d, stderr %q; want a failure naming the missing store", strings.Join(args, " "), code, stderr)
		}
		if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
			t.Fatalf("%s created %s", args[0], filepath.Dir(missing))
		}
	}
}

// TestWritingCommandsCreateTheStore: ingest and extract --db create it.
func TestWritingCommandsCreateTheStore(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "a.txt", []byte("Maria Lopez said the bridge would reopen on Monday."))
	for i, args := range [][]string{{"ingest", "--quiet", "--db"}, {"extract", "--db"}} {
		db := filepath.Join(dir, "new", strings.Repeat("x", i+1)+".db")
		if _, stderr, code := runCLI(t, append(args, db, txt)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", args[0], code, stderr)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("%s --db did not create the store: %v", args[0], err)
		}
	}
	_, stderr, code := runCLI(t, "query", "articles", "--db", filepath.Join(dir, "new", "x.db"), "--format", "jsonl")
	if code != 0 {
		t.Errorf("query of the created store: exit %d: %s", code, stderr)
	}
}
