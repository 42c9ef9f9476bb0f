package syntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/conllu"
)

// sharedDir locates the shared evaluation data ($PARLEY_SHARED, else
// ../../shared beside the module), skipping the test when it is absent.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "syntax")); err != nil {
		t.Skipf("UD treebank not available (%v): set PARLEY_SHARED", err)
	}
	return dir
}

func readSplit(t testing.TB, split string) []*conllu.Sentence {
	f, err := os.Open(filepath.Join(sharedDir(t), "data", "syntax", "en_ewt-ud-"+split+".conllu"))
	if err != nil {
		t.Skipf("treebank split %s not available: %v", split, err)
	}
	defer f.Close()
	out, err := conllu.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOracleReachesGold follows the dynamic oracle's zero-cost actions from
// the start on every dev sentence and checks that the tree it builds is the
// projectivised gold tree, and that projectivisation changed only
// non-projective sentences.
func TestOracleReachesGold(t *testing.T) {
	dev := readSplit(t, "dev")
	tags, labels := classes(dev)
	m, err := newModel(tags, labels)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := convert(m, dev)
	if err != nil {
		t.Fatal(err)
	}
	lifted := 0
	for si, s := range sents {
		var st state
		st.reset(len(s.forms))
		for !st.done() {
			a := -1
			for c := range numActions {
				if st.legal(c) && st.cost(c, s.proj) == 0 {
					a = c
					break
				}
			}
			if a < 0 {
				t.Fatalf("sentence %d: no zero-cost action at stack %v, b %d", si, st.stack, st.b)
			}
			st.apply(a, 0)
		}
		for d := 1; d <= len(s.forms); d++ {
			if st.head[d] != s.proj[d] {
				t.Fatalf("sentence %d word %d: oracle head %d, projective gold %d", si, d, st.head[d], s.proj[d])
			}
			if s.proj[d] != s.heads[d-1] {
				lifted++
			}
		}
	}
	t.Logf("%d sentences; %d arcs lifted to make them projective", len(sents), lifted)
	if lifted == 0 || lifted > 500 {
		t.Errorf("%d arcs lifted: want some, not many", lifted)
	}
}
