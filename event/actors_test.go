package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestParseActorsKeepsEachActorsCodes reads a dictionary of many actors
// with several dated codes each, more than one storage block holds, and
// checks that every actor keeps its own codes in order: the codes of
// consecutive actors share storage, and a run must never overwrite another.
func TestParseActorsKeepsEachActorsCodes(t *testing.T) {
	const n = 5000
	var b strings.Builder
	b.WriteString("NAMELESS_\nSHARED_NAME_ [SHR]\n")
	for i := range n {
		fmt.Fprintf(&b, "ACTOR_%d_ [C%dA 900101-991231]\n+ALIAS_%d_\n[C%dB >20000101]\n", i, i, i, i)
	}
	d := newActorDict()
	if err := d.parseActors("test.actors.txt", b.String()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		first string
		words []string
		codes []string
	}{
		{"NAMELESS", []string{"NAMELESS"}, []string{"SHR"}}, // a name without codes shares the next one's
		{"SHARED", []string{"SHARED", "NAME"}, []string{"SHR"}},
		{"ACTOR", []string{"ACTOR", "0"}, []string{"C0A", "C0B"}},
		{"ACTOR", []string{"ACTOR", "4095"}, []string{"C4095A", "C4095B"}},
		{"ACTOR", []string{"ACTOR", "4999"}, []string{"C4999A", "C4999B"}},
		{"ALIAS", []string{"ALIAS", "2048"}, []string{"C2048A", "C2048B"}},
	} {
		var p *phrase
		for _, q := range d.actorsBy[tc.first] {
			if slices.Equal(q.words, tc.words) {
				p = q
			}
		}
		if p == nil {
			t.Errorf("%v: no phrase", tc.words)
			continue
		}
		var got []string
		for _, c := range d.codes[p.actor] {
			got = append(got, c.code)
		}
		if !slices.Equal(got, tc.codes) {
			t.Errorf("%v: codes %v, want %v", tc.words, got, tc.codes)
		}
	}
	if got := len(d.actorsBy["ACTOR"]); got != n {
		t.Errorf("%d phrases under ACTOR, want %d", got, n)
	}
	for i, cs := range d.codes[1:] { // 0 is the shared one
		if len(cs) != 2 || cs[0].code != fmt.Sprintf("C%dA", i) || cs[1].code != fmt.Sprintf("C%dB", i) || cs[0].from != 19900101 || cs[1].from != 20000101 {
			t.Fatalf("actor %d: codes %+v", i, cs)
		}
	}
}
