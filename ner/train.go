package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/parley-news/parley/lexicon"
)

// TrainOptions configures Train. The zero value of a field means its
// default.
type TrainOptions struct {
	Epochs     int     // passes over the data (default 15)
	Seed       uint64  // the order of documents and the sentences shown in capitals
	LogBuckets uint8   // the feature table has 2^LogBuckets rows (default 19)
	UpperShare float64 // share of sentences shown in capitals, as headings are written (default 0.05; negative: none)
	UsePOS     bool    // use Sentence.POS (Labeled.POS) as features
	// SwapShare is the share of organisation and place names replaced, in
	// each epoch, by a name of the same type from the lexicon, so the model
	// learns what the gazetteers' evidence is worth on names the training
	// text lacks (news outlets, agencies; default 0.2; negative: none).
	SwapShare float64
	Log       io.Writer
	// OnEpoch, when set, is called with the averaged model after each epoch
	// (for scores on development data).
	OnEpoch func(epoch int, m *Model) error
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 15
	}
	if o.LogBuckets == 0 {
		o.LogBuckets = 19
	}
	if o.UpperShare == 0 {
		o.UpperShare = 0.05
	}
	if o.SwapShare == 0 {
		o.SwapShare = 0.2
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// trainer is the state of averaged-perceptron training (Collins 2002): the
// current weights and, for the average, the sum of each update times the
// step it was made at (Daumé's trick: average = w - acc/steps).
type trainer struct {
	x          *extractor
	ev         *evidenceWords
	w, tw      []float32
	acc, tacc  []float64
	step       float64
	dec        decoder[float32]
	emit       []float32
	gold, pred []uint8
	mask       []uint16
	valid      *transitions
	errors     int // words wrong in this epoch
	swap       *swapper
	votes      votes
	kept       []keptSentence // the document's first pass
	feats2     []uint32       // a sentence's second-pass features
	off2       []int
}

// Train learns a model from docs, deterministically: the same documents and
// options give the same model bytes.
func Train(ctx context.Context, docs []Document, lex *lexicon.Lexicon, roles *lexicon.Roles, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(docs) == 0 {
		return nil, errors.New("no training documents")
	}
	if opt.LogBuckets < 10 || opt.LogBuckets > 26 {
		return nil, fmt.Errorf("LogBuckets %d: want 10 to 26", opt.LogBuckets)
	}
	ev, err := loadEvidenceWords()
	if err != nil {
		return nil, err
	}
	rows := 1 << opt.LogBuckets
	tr := &trainer{
		ev: ev,
		x:  newExtractor(lex, roles, ev, opt.LogBuckets, opt.UsePOS),
		w:  make([]float32, rows*numLabels), acc: make([]float64, rows*numLabels),
		tw: make([]float32, (numLabels+1)*numLabels), tacc: make([]float64, (numLabels+1)*numLabels),
		step: 1, valid: validTransitions(), swap: newSwapper(lex, opt.SwapShare),
		votes: make(votes),
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var m *Model
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.errors = 0
		words := 0
		for _, di := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			words += tr.document(&docs[di], rng, opt.UpperShare)
		}
		m = tr.model(lex, roles, opt)
		fmt.Fprintf(opt.Log, "epoch %d: %d of %d words mistagged (%.2f%%)\n", epoch, tr.errors, words, 100*float64(tr.errors)/float64(max(words, 1)))
		if opt.OnEpoch != nil {
			if err := opt.OnEpoch(epoch, m); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// document trains on the sentences of d, in order; it returns their words.
func (tr *trainer) document(d *Document, rng *rand.Rand, upper float64) int {
	sents := make([]Sentence, len(d.Sentences))
	labeled := make([]Labeled, len(d.Sentences))
	for i, l := range d.Sentences {
		labeled[i] = tr.swap.sentence(l, rng)
		sents[i] = Sentence{Words: labeled[i].Words, POS: labeled[i].POS}
		if upper > 0 && rng.Float64() < upper {
			sents[i].Words = upperWords(sents[i].Words)
		}
	}
	tr.x.startDoc(sents)
	clear(tr.votes)
	tr.kept = tr.kept[:0]
	n := 0
	for i, s := range sents {
		tr.x.sentence(s, false)
		tr.learn(tr.x.feats, tr.x.off, &labeled[i])
		tr.x.remember(s, tr.pred)
		tr.votes.count(s.Words, tr.pred)
		tr.keep(tr.x.feats, tr.x.off, tr.pred)
		n += len(s.Words)
	}
	for i, s := range sents {
		feats, off := tr.second(s.Words, tr.kept[i])
		tr.learn(feats, off, &labeled[i])
	}
	return n
}

// keptSentence is a sentence's first-pass features and labels, for its second pass.
type keptSentence struct {
	feats  []uint32
	off    []int
	labels []uint8
}

func (tr *trainer) keep(feats []uint32, off []int, labels []uint8) {
	tr.kept = append(tr.kept, keptSentence{feats: slices.Clone(feats), off: slices.Clone(off), labels: slices.Clone(labels)})
}

// second returns the features of a sentence's second pass: the first pass's
// and, for each word, those of its occurrences elsewhere (globalFeats).
func (tr *trainer) second(words []string, k keptSentence) ([]uint32, []int) {
	tr.feats2, tr.off2 = tr.feats2[:0], append(tr.off2[:0], 0)
	for i, w := range words {
		tr.feats2 = append(tr.feats2, k.feats[k.off[i]:k.off[i+1]]...)
		tr.feats2 = globalFeats(tr.feats2, tr.x.shift, tr.votes, w, k.labels[i])
		tr.off2 = append(tr.off2, len(tr.feats2))
	}
	return tr.feats2, tr.off2
}

func upperWords(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToUpper(w)
	}
	return out
}

// learn decodes a sentence of features feats (those of word i are
// feats[off[i]:off[i+1]]) with the current weights and, where it is wrong,
// moves the weights towards the gold labels: the best sequence that agrees
// with the gold spans, the labels inside Ignore left free.
func (tr *trainer) learn(feats []uint32, off []int, l *Labeled) {
	n := len(l.Words)
	tr.gold, tr.pred = grow(tr.gold, n), grow(tr.pred, n)
	if n == 0 {
		return
	}
	tr.emit = grow(tr.emit, n*numLabels)
	for i := range n {
		e := tr.emit[i*numLabels : (i+1)*numLabels]
		for _, f := range feats[off[i]:off[i+1]] {
			row := tr.w[int(f)*numLabels : (int(f)+1)*numLabels]
			for y := range e {
				e[y] += row[y]
			}
		}
	}
	tr.dec.best(tr.emit, tr.tw, tr.valid, nil, tr.pred)
	encode(l.Spans, tr.gold)
	if len(l.Ignore) > 0 {
		tr.mask = grow(tr.mask, n)
		for i, y := range tr.gold {
			tr.mask[i] = 1 << y
		}
		for _, sp := range l.Ignore {
			for i := max(sp.Start, 0); i < sp.End && i < n; i++ {
				tr.mask[i] = 1<<numLabels - 1
			}
		}
		tr.dec.best(tr.emit, tr.tw, tr.valid, tr.mask, tr.gold)
	}
	tr.update(feats, off)
	tr.step++
}

// update adds the features of the gold labels and subtracts those of the
// predicted ones where the two differ.
func (tr *trainer) update(feats []uint32, off []int) {
	prevG, prevP := uint8(startRow), uint8(startRow)
	for i, g := range tr.gold {
		p := tr.pred[i]
		if g != p {
			tr.errors++
			for _, f := range feats[off[i]:off[i+1]] {
				tr.bump(tr.w, tr.acc, int(f)*numLabels+int(g), 1)
				tr.bump(tr.w, tr.acc, int(f)*numLabels+int(p), -1)
			}
		}
		if g != p || prevG != prevP {
			tr.bump(tr.tw, tr.tacc, int(prevG)*numLabels+int(g), 1)
			tr.bump(tr.tw, tr.tacc, int(prevP)*numLabels+int(p), -1)
		}
		prevG, prevP = g, p
	}
}

func (tr *trainer) bump(w []float32, acc []float64, i int, d float32) {
	w[i] += d
	acc[i] += tr.step * float64(d)
}

// model returns the averaged, quantised model.
func (tr *trainer) model(lex *lexicon.Lexicon, roles *lexicon.Roles, opt TrainOptions) *Model {
	avg := func(w []float32, acc []float64) []float32 {
		out := make([]float32, len(w))
		for i := range w {
			out[i] = float32(float64(w[i]) - acc[i]/tr.step)
		}
		return out
	}
	weights, trans := quantise(avg(tr.w, tr.acc), avg(tr.tw, tr.tacc))
	return &Model{lex: lex, roles: roles, ev: tr.ev, logBuckets: opt.LogBuckets, usePOS: opt.UsePOS, weights: newTable(weights), trans: trans, valid: tr.valid}
}
