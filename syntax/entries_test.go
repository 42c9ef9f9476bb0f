package syntax

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// trainedWeights is what Train keeps for Write: the entries and the use
// order of both tables, from which encode lays the file out.
type trainedWeights struct {
	TagEntries, ParseEntries []gobEntry
	TagHot, ParseHot         []uint64
}

type gobEntry struct {
	Key   uint64
	Dense [numActions]int16
	Cls   []uint8
	W     []int16
}

func toGob(es []entry) []gobEntry {
	out := make([]gobEntry, len(es))
	for i, e := range es {
		out[i] = gobEntry{e.key, e.dense, e.cls, e.w}
	}
	return out
}

func fromGob(es []gobEntry) []entry {
	out := make([]entry, len(es))
	for i, e := range es {
		out[i] = entry{e.Key, e.Dense, e.Cls, e.W}
	}
	return out
}

// TestTrainWeights trains as `parley train syntax --seed 1` does and saves
// the weights Train keeps for Write to $SYNTAX_WEIGHTS (a gob), and the
// files it writes to $SYNTAX_WEIGHTS.d/, so that a change of the file's
// layout can be tried on the trained weights without training again
// (TestRewriteWeights).
func TestTrainWeights(t *testing.T) {
	path := os.Getenv("SYNTAX_WEIGHTS")
	if path == "" || os.Getenv("SYNTAX_EXPERIMENT") != "train" {
		t.Skip("set SYNTAX_EXPERIMENT=train and SYNTAX_WEIGHTS=FILE")
	}
	m, lemmas, err := Train(context.Background(), readSplit(t, "train"), readSplit(t, "dev"), TrainOptions{Seed: 1, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	w := trainedWeights{toGob(m.tagEntries), toGob(m.parseEntries), m.tagHot, m.parseHot}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&w); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var bin bytes.Buffer
	if err := m.Write(&bin); err != nil {
		t.Fatal(err)
	}
	dir := path + ".d"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"en.bin": bin.Bytes(), "lemmas.tsv": lemmas} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRewriteWeights writes to $SYNTAX_REWRITE the shipped model laid out
// again by the current code (encode) from the weights in $SYNTAX_WEIGHTS
// (TestTrainWeights), which must be the shipped model's: every key gives
// the weights the shipped tables give it. The tag classes, labels, tag
// dictionary and lemmas are the shipped model's.
func TestRewriteWeights(t *testing.T) {
	dir, path := os.Getenv("SYNTAX_REWRITE"), os.Getenv("SYNTAX_WEIGHTS")
	if dir == "" || path == "" {
		t.Skip("set SYNTAX_WEIGHTS=FILE and SYNTAX_REWRITE=DIR")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w trainedWeights
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&w); err != nil {
		t.Fatal(err)
	}
	m := mustLoad(t)
	m.tagEntries, m.parseEntries, m.tagHot, m.parseHot = fromGob(w.TagEntries), fromGob(w.ParseEntries), w.TagHot, w.ParseHot
	for _, c := range []struct {
		t  *table
		es []entry
	}{{m.tagger, m.tagEntries}, {m.parser, m.parseEntries}} {
		fresh := newTable(c.es)
		for _, e := range c.es {
			d0, s0 := weightsOf(c.t, e.key)
			d1, s1 := weightsOf(fresh, e.key)
			if d0 != d1 || !slices.Equal(s0, s1) {
				t.Fatalf("key %x: the shipped model's weights are not those of %s", e.key, path)
			}
		}
	}
	writeModel(t, m, dir, "model")
}
