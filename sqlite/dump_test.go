package sqlite_test

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestDumpCanonical writes a canonical text view of the database named by
// $PARLEY_DUMP_DB to $PARLEY_DUMP_OUT: every row of every table, sorted,
// without the columns that hold the time of the write, and the full-text
// indexes as their (term, row, column, offset) instances, which do not
// depend on how FTS5 happened to lay out its segments. Two ingests of the
// same input must give the same file: it is how a change to the write path
// is checked to store the same content (docs/MEASURE.md, issue 11).
func TestDumpCanonical(t *testing.T) {
	path, out := os.Getenv("PARLEY_DUMP_DB"), os.Getenv("PARLEY_DUMP_OUT")
	if path == "" || out == "" {
		t.Skip("set PARLEY_DUMP_DB and PARLEY_DUMP_OUT to dump a database")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the temp vocabulary tables live on one connection
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	tables, err := column(db, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for _, fts := range []string{"documents_fts", "quotes_fts"} {
		v := "temp." + fts + "_vocab"
		if _, err := db.Exec(fmt.Sprintf("CREATE VIRTUAL TABLE %s USING fts5vocab(main, %s, instance)", v, fts)); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, fts+"_docsize", v)
	}
	skip := map[string]bool{"stored_at": true, "created": true}
	for _, tb := range tables {
		if err := dumpTable(db, w, tb, skip); err != nil {
			t.Fatalf("%s: %v", tb, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// dumpTable writes table's rows as sorted lines "table<TAB>col=value…".
func dumpTable(db *sql.DB, w *bufio.Writer, table string, skip map[string]bool) error {
	rows, err := db.Query("SELECT * FROM " + table)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var lines []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString(table)
		for i, c := range cols {
			if skip[c] {
				continue
			}
			fmt.Fprintf(&b, "\t%s=%q", c, fmt.Sprint(vals[i]))
		}
		lines = append(lines, b.String())
	}
	if err := rows.Err(); err != nil {
		return err
	}
	slices.Sort(lines)
	fmt.Fprintf(w, "# %s: %d rows\n", table, len(lines))
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	return nil
}

func column(db *sql.DB, q string) ([]string, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
