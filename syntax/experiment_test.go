package syntax

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestTaggerExperiment trains only the tagger and prints its dev accuracy:
// for tuning features on dev. It runs when SYNTAX_EXPERIMENT=tagger;
// SYNTAX_EPOCHS caps the epochs (default 10; it stops after three without a
// better dev score).
func TestTaggerExperiment(t *testing.T) {
	if os.Getenv("SYNTAX_EXPERIMENT") != "tagger" {
		t.Skip("set SYNTAX_EXPERIMENT=tagger to run")
	}
	train, dev := readSplit(t, "train"), readSplit(t, "dev")
	tags, labels := classes(train)
	m, err := newModel(tags, labels)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := convert(m, train)
	dv, _ := convert(m, dev)
	m.dict = tagDict(tr)
	prune, _ := strconv.ParseFloat(os.Getenv("SYNTAX_PRUNE"), 64)
	tagEpochs, _ := strconv.Atoi(os.Getenv("SYNTAX_EPOCHS"))
	o := TrainOptions{Seed: 1, Prune: prune, TagEpochs: tagEpochs, Log: testLog{t}}
	o.defaults()
	if prune == 0 {
		o.Prune = 1e-9
	}
	if _, _, err := trainTagger(context.Background(), m, tr, dv, o, true); err != nil {
		t.Fatal(err)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) { l.t.Log(string(b)); return len(b), nil }

// TestPruneExperiment zeroes parser weights below thresholds in the model in
// $SYNTAX_MODEL and prints dev UAS/LAS and the surviving features: for
// choosing the prune level. It runs when SYNTAX_EXPERIMENT=prune.
func TestPruneExperiment(t *testing.T) {
	if os.Getenv("SYNTAX_EXPERIMENT") != "prune" {
		t.Skip("set SYNTAX_EXPERIMENT=prune to run")
	}
	dev := readSplit(t, "dev")
	for _, th := range []int16{128, 256, 512, 1024} {
		m, err := LoadDir(os.Getenv("SYNTAX_MODEL"))
		if err != nil {
			t.Fatal(err)
		}
		dv, _ := convert(m, dev)
		live, pairs := 0, 0
		for i := range m.parser.slots {
			s := &m.parser.slots[i]
			if s.fp == 0 {
				continue
			}
			keep := false
			for a := range s.dense {
				if abs16(s.dense[a]) < th {
					s.dense[a] = 0
				}
				keep = keep || s.dense[a] != 0
			}
			for j := s.off; j < s.off+uint32(s.n); j++ {
				if abs16(int16(uint16(m.parser.pairs[j]))) < th {
					m.parser.pairs[j] &^= 0xffff
				} else {
					keep = true
					pairs++
				}
			}
			if keep {
				live++
			}
		}
		uas, las := attachment(m, dv, tagAll(m, dv))
		t.Logf("prune %d: %d features, %d label pairs, dev UAS %.4f LAS %.4f", th, live, pairs, uas, las)
	}
}

func abs16(x int16) int16 {
	if x < 0 {
		return -x
	}
	return x
}

// TestGoldTagsExperiment compares dev attachment with predicted and gold
// tags for the model in $SYNTAX_MODEL (SYNTAX_EXPERIMENT=goldtags).
func TestGoldTagsExperiment(t *testing.T) {
	if os.Getenv("SYNTAX_EXPERIMENT") != "goldtags" {
		t.Skip("set SYNTAX_EXPERIMENT=goldtags to run")
	}
	m, err := LoadDir(os.Getenv("SYNTAX_MODEL"))
	if err != nil {
		t.Fatal(err)
	}
	dv, _ := convert(m, readSplit(t, "dev"))
	gold := make([][]uint16, len(dv))
	for i, s := range dv {
		gold[i] = s.tags
	}
	u1, l1 := attachment(m, dv, tagAll(m, dv))
	u2, l2 := attachment(m, dv, gold)
	t.Logf("predicted tags: UAS %.4f LAS %.4f; gold tags: UAS %.4f LAS %.4f", u1, l1, u2, l2)
}

// TestParserExperiment trains only the parser, on the tagger and dictionary
// of the model in $SYNTAX_MODEL, and prints dev UAS/LAS per epoch: for tuning
// parser features on dev. The jackknifed training tags (the slow part) are
// computed as Train does and cached in $SYNTAX_TAGS when it is set.
// SYNTAX_EPOCHS caps the epochs; SYNTAX_SEED (default 1) changes the order
// of the sentences and the exploration, not the cached tags, to see how much
// a result owes to the seed (with SYNTAX_OUT also the retrained tagger). It
// runs when SYNTAX_EXPERIMENT=parser.
func TestParserExperiment(t *testing.T) {
	if os.Getenv("SYNTAX_EXPERIMENT") != "parser" {
		t.Skip("set SYNTAX_EXPERIMENT=parser to run")
	}
	m, err := LoadDir(os.Getenv("SYNTAX_MODEL"))
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := convert(m, readSplit(t, "train"))
	dv, _ := convert(m, readSplit(t, "dev"))
	epochs, _ := strconv.Atoi(os.Getenv("SYNTAX_EPOCHS"))
	seed, _ := strconv.ParseUint(os.Getenv("SYNTAX_SEED"), 10, 64)
	o := TrainOptions{Seed: max(seed, 1), ParseEpochs: epochs, Log: testLog{t}}
	o.defaults()
	out := os.Getenv("SYNTAX_OUT")
	if out != "" { // retrain the tagger as Train does, for its weights
		tg, _, err := trainTagger(context.Background(), m, tr, dv, o, true)
		if err != nil {
			t.Fatal(err)
		}
		m.tagger, m.tagEntries = tg.t, tg.es
	}
	tags := cachedJackknife(t, m, tr, o)
	if err := trainParser(context.Background(), m, tr, tags, dv, o); err != nil {
		t.Fatal(err)
	}
	if out != "" {
		writeModel(t, m, out, os.Getenv("SYNTAX_MODEL"))
	}
}

// writeModel writes m and the lemma list of the folder lemmas to dir, as
// the train command does.
func writeModel(t *testing.T, m *Model, dir, lemmas string) {
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	lem, err := os.ReadFile(filepath.Join(lemmas, "lemmas.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"en.bin": b.Bytes(), "lemmas.tsv": lem} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func cachedJackknife(t *testing.T, m *Model, tr []*tsent, o TrainOptions) [][]uint16 {
	path := os.Getenv("SYNTAX_TAGS")
	if b, err := os.ReadFile(path); err == nil {
		var tags [][]uint16
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&tags); err != nil {
			t.Fatal(err)
		}
		return tags
	}
	tags, err := jackknife(context.Background(), m, tr, 10, o)
	if err != nil {
		t.Fatal(err)
	}
	if path != "" {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(tags); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tags
}
