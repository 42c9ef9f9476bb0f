package lexicon

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestMatchAtGolden runs MatchAt (and MatchHyphenated) at every capitalised
// token of testdata/match.txt, as a recogniser does, and compares what it
// finds with testdata/match.golden, so that a change to the data shows up as
// a reviewable diff. Run with -update to accept a change.
func TestMatchAtGolden(t *testing.T) {
	l := mustLoad(t)
	in, err := os.ReadFile(filepath.Join("testdata", "match.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := text.SegmentString(string(in))
	w := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		w[i] = d.Tok(i)
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if !d.Tokens[i].Is(parley.Cap) {
			continue
		}
		m, ok := l.MatchAt(w[i:])
		if !ok {
			if m, ok = l.MatchHyphenated(w[i]); !ok {
				continue
			}
		}
		fmt.Fprintf(&b, "%s\t%s\n", strings.Join(w[i:i+m.Words], " "), describe(m))
		i += m.Words - 1
	}
	got := b.String()
	golden := filepath.Join("testdata", "match.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestMatchAtGolden -update ./lexicon)", err)
	}
	if got != string(want) {
		t.Errorf("MatchAt over testdata/match.txt differs from %s (run with -update to accept):\n--- got\n%s", golden, got)
	}
}

// describe renders every field of m.
func describe(m Match) string {
	var parts []string
	if m.Country != nil {
		parts = append(parts, "country="+m.Country.ISO2)
	}
	if m.Demonym != nil {
		parts = append(parts, "demonym="+m.Demonym.ISO2)
	}
	if m.Seat != nil {
		parts = append(parts, "seat="+m.Seat.ISO2)
	}
	if p := m.Place; p != nil {
		parts = append(parts, fmt.Sprintf("place=%s/%s/%s", p.Name, p.Kind, p.Country))
	}
	if o := m.Org; o != nil {
		parts = append(parts, fmt.Sprintf("org=%s/%s/%s/%s", o.Name, o.Kind, o.Country, o.CAMEO))
	}
	if m.Ambiguous {
		parts = append(parts, "ambiguous")
	}
	return strings.Join(parts, " ")
}
