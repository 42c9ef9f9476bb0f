package lexicon

import (
	"strings"
	"testing"
)

func TestEachRowReportsFileAndLine(t *testing.T) {
	data := "# comment\nname\tkind\nok\tx\nbad\n"
	var rows []string
	err := eachRow("test.tsv", data, 2, func(f []string) error {
		rows = append(rows, f[0])
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "test.tsv:4") {
		t.Errorf("err = %v, want one naming test.tsv:4", err)
	}
	if len(rows) != 1 || rows[0] != "ok" {
		t.Errorf("rows = %q, want [ok] (header and comment skipped)", rows)
	}
}

// FuzzEachRow checks that the TSV reader never panics and hands every row
// exactly the number of fields it asked for.
func FuzzEachRow(f *testing.F) {
	f.Add("h\th\na\tb\n", 2)
	f.Add("# c\n\nh\na\r\n", 1)
	f.Add("h\ta\tb\n\t\t\n", 3)
	f.Fuzz(func(t *testing.T, data string, cols int) {
		if cols < 1 || cols > 16 {
			return
		}
		_ = eachRow("fuzz.tsv", data, cols, func(f []string) error {
			if len(f) != cols {
				t.Fatalf("row has %d fields, want %d", len(f), cols)
			}
			return nil
		})
	})
}
