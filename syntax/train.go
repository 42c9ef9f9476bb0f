package syntax

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/parley-news/parley/conllu"
)

// TrainOptions configures Train. The defaults (zero values) are the ones the
// shipped model was trained with.
type TrainOptions struct {
	Seed        uint64
	TagEpochs   int     // at most this many tagger epochs (default 10); the best on dev is kept
	ParseEpochs int     // at most this many parser epochs (default 15)
	Patience    int     // stop after this many epochs without a better dev score (default 3)
	Folds       int     // jackknife folds for the parser's training tags (default 10)
	Prune       float64 // drop averaged weights smaller than this many updates (default 1)
	Log         io.Writer
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.TagEpochs, 10)
	def(&o.ParseEpochs, 15)
	def(&o.Patience, 3)
	def(&o.Folds, 10)
	if o.Prune <= 0 {
		o.Prune = 1
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Train trains a model on train, choosing epochs on dev, and returns it with
// its lemma list (the contents of lemmas.tsv). The same data and options give
// the same bytes.
func Train(ctx context.Context, train, dev []*conllu.Sentence, o TrainOptions) (*Model, []byte, error) {
	o.defaults()
	start := time.Now()
	tags, labels := classes(train)
	m, err := newModel(tags, labels)
	if err != nil {
		return nil, nil, err
	}
	tr, err := convert(m, train)
	if err != nil {
		return nil, nil, fmt.Errorf("train: %w", err)
	}
	dv, err := convert(m, dev)
	if err != nil {
		return nil, nil, fmt.Errorf("dev: %w", err)
	}
	fmt.Fprintf(o.Log, "%d training sentences, %d dev; %d tag classes, %d labels\n", len(tr), len(dv), len(tags), len(labels))
	lemmas := learnLemmas(m, tr)
	if m.lemma, err = readLemmas(lemmas, m.classOf, len(m.tags)); err != nil {
		return nil, nil, err
	}
	m.dict = tagDict(tr)
	tagger, epochs, err := trainTagger(ctx, m, tr, dv, o, true)
	if err != nil {
		return nil, nil, err
	}
	m.tagger, m.tagEntries = tagger.t, tagger.es
	fmt.Fprintf(o.Log, "tagger: %d epochs, %s\n", epochs, time.Since(start).Round(time.Second))
	trainTags, err := jackknife(ctx, m, tr, epochs, o)
	if err != nil {
		return nil, nil, err
	}
	u, b := tagAccuracy(m, tr, trainTags)
	fmt.Fprintf(o.Log, "jackknifed training tags: UPOS %.4f, UPOS+XPOS %.4f, %s\n", u, b, time.Since(start).Round(time.Second))
	if err := trainParser(ctx, m, tr, trainTags, dv, o); err != nil {
		return nil, nil, err
	}
	m.tagHot, m.parseHot = useOrder(m, tr)
	fmt.Fprintf(o.Log, "done in %s\n", time.Since(start).Round(time.Second))
	return m, lemmas, nil
}

// tagPrune keeps every tagger weight that is not zero: the tagger is small,
// and its rare features (suffixes, shapes) matter for unknown words.
const tagPrune = 1e-9

// trained is a table and the entries it was built from.
type trained struct {
	t  *table
	es []entry
}

// trainTagger trains on tr; with dev scoring (pick) it keeps the best epoch
// of at most o.TagEpochs, otherwise it runs exactly o.TagEpochs.
func trainTagger(ctx context.Context, m *Model, tr, dv []*tsent, o TrainOptions, pick bool) (trained, int, error) {
	t := newTagTrainer(m)
	var best trained
	bestAcc, bestEpoch := -1.0, 0
	for e := 1; e <= o.TagEpochs; e++ {
		if err := ctx.Err(); err != nil {
			return trained{}, 0, err
		}
		t.epoch(tr, rand.New(rand.NewPCG(o.Seed, uint64(e))))
		if !pick {
			continue
		}
		es := t.p.average(tagPrune)
		tab := newTable(es)
		mm := *m
		mm.tagger = tab
		u, b := tagAccuracy(&mm, dv, tagAll(&mm, dv))
		fmt.Fprintf(o.Log, "tagger epoch %d: dev UPOS %.4f, UPOS+XPOS %.4f, %d features\n", e, u, b, len(es))
		if u > bestAcc {
			best, bestAcc, bestEpoch = trained{tab, es}, u, e
		} else if e-bestEpoch >= o.Patience {
			break
		}
	}
	if !pick {
		es := t.p.average(tagPrune)
		return trained{newTable(es), es}, o.TagEpochs, nil
	}
	return best, bestEpoch, nil
}

// jackknife tags each fold of the training data with a tagger trained on the
// other folds, so that the parser learns from tags as good as it will get.
// The folds run in parallel; each is deterministic on its own.
func jackknife(ctx context.Context, m *Model, tr []*tsent, epochs int, o TrainOptions) ([][]uint16, error) {
	out := make([][]uint16, len(tr))
	errs := make([]error, o.Folds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := range o.Folds {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var rest, held []*tsent
			var idx []int
			for i, s := range tr {
				if i%o.Folds == f {
					held, idx = append(held, s), append(idx, i)
				} else {
					rest = append(rest, s)
				}
			}
			mm := *m
			mm.dict = tagDict(rest)
			oo := o
			oo.TagEpochs, oo.Seed = epochs, o.Seed+uint64(f)+1
			tab, _, err := trainTagger(ctx, &mm, rest, nil, oo, false)
			if err != nil {
				errs[f] = err
				return
			}
			mm.tagger = tab.t
			for j, p := range tagAll(&mm, held) {
				out[idx[j]] = p
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// trainParser trains on the jackknifed tags and keeps the epoch with the best
// dev LAS (dev tagged by the final tagger).
func trainParser(ctx context.Context, m *Model, tr []*tsent, tags [][]uint16, dv []*tsent, o TrainOptions) error {
	devTags := tagAll(m, dv)
	t := newParseTrainer(m)
	bestLAS, bestEpoch := -1.0, 0
	for e := 1; e <= o.ParseEpochs; e++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		t.epoch(tr, tags, rand.New(rand.NewPCG(o.Seed, uint64(100+e))), e > 1)
		es := t.p.average(o.Prune)
		tab := newTable(es)
		mm := *m
		mm.parser = tab
		uas, las := attachment(&mm, dv, devTags)
		fmt.Fprintf(o.Log, "parser epoch %d: dev UAS %.4f, LAS %.4f, %d features, %s\n", e, uas, las, len(es), time.Since(start).Round(time.Second))
		if las > bestLAS {
			m.parser, m.parseEntries, bestLAS, bestEpoch = tab, es, las, e
		} else if e-bestEpoch >= o.Patience {
			break
		}
	}
	return nil
}
