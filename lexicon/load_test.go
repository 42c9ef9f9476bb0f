package lexicon

import (
	"math"
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

// TestHandRegionsAgreeWithGenerated compares the hand-typed centres of
// regions.tsv with the generated subdivisions of the same name and country:
// they were made independently, so a large gap is a typo in one of them.
func TestHandRegionsAgreeWithGenerated(t *testing.T) {
	type key struct{ name, country string }
	gen := map[key][2]float64{}
	err := eachRow("admin1.tsv", admin1TSV, 8, func(f []string) error {
		lat, lon, err := parseLatLon(f[2], f[3])
		if err != nil {
			return err
		}
		for _, n := range append([]string{f[0]}, splitList(f[6])...) {
			if _, ok := gen[key{n, f[1]}]; !ok {
				gen[key{n, f[1]}] = [2]float64{lat, lon}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	err = eachRow("regions.tsv", regionsTSV, 6, func(f []string) error {
		lat, lon, err := parseLatLon(f[2], f[3])
		if err != nil {
			return err
		}
		for _, n := range append([]string{f[0]}, splitList(f[5])...) {
			g, ok := gen[key{n, f[1]}]
			if !ok {
				continue
			}
			compared++
			if d := math.Hypot(g[0]-lat, g[1]-lon); d > 4 {
				t.Errorf("region %s (%s) at %.2f,%.2f but the generated %q at %.2f,%.2f (%.1f° apart)", f[0], f[1], lat, lon, n, g[0], g[1], d)
			}
			break
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if compared < 80 {
		t.Errorf("only %d regions compared, want ≥ 80", compared)
	}
}
