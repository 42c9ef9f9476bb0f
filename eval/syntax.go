package eval

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley/conllu"
)

// SyntaxScores are the CoNLL 2018 shared task's word-level metrics for a
// system that was given the gold tokenisation (every word aligned, so
// precision, recall and F1 are one number), punctuation included.
type SyntaxScores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemmas    float64 `json:"lemmas"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`      // head and universal relation (DEPREL before ":")
	LASFull   float64 `json:"las_full"` // head and the whole DEPREL, subtype included
}

// ScoreSyntax compares predicted sentences with gold ones word by word. As in
// conll18_ud_eval.py, LAS ignores relation subtypes and a gold lemma "_"
// accepts any predicted lemma. The two must have the same sentences and
// words; the first mismatch is an error naming the sentence.
func ScoreSyntax(gold, pred []*conllu.Sentence) (SyntaxScores, error) {
	var s SyntaxScores
	if len(gold) != len(pred) {
		return s, fmt.Errorf("gold has %d sentences, prediction %d", len(gold), len(pred))
	}
	var upos, xpos, lemma, uas, las, full int
	var gw, pw []int
	for i := range gold {
		gw, pw = gold[i].Words(gw), pred[i].Words(pw)
		if len(gw) != len(pw) {
			return s, fmt.Errorf("sentence %d (gold line %d): gold has %d words, prediction %d", i+1, gold[i].Line, len(gw), len(pw))
		}
		for j := range gw {
			g, p := &gold[i].Tokens[gw[j]], &pred[i].Tokens[pw[j]]
			if g.Form != p.Form {
				return s, fmt.Errorf("sentence %d (gold line %d) word %d: gold %q, prediction %q", i+1, gold[i].Line, j+1, g.Form, p.Form)
			}
			s.Words++
			upos += b2i(g.UPOS == p.UPOS)
			xpos += b2i(g.XPOS == p.XPOS)
			lemma += b2i(g.Lemma == "_" || g.Lemma == p.Lemma)
			if h := conllu.HeadOf(g); h >= 0 && h == conllu.HeadOf(p) {
				uas++
				las += b2i(mainRel(g.Deprel) == mainRel(p.Deprel))
				full += b2i(g.Deprel == p.Deprel)
			}
		}
	}
	s.Sentences = len(gold)
	n := float64(max(s.Words, 1))
	s.UPOS, s.XPOS, s.Lemmas = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
	s.UAS, s.LAS, s.LASFull = float64(uas)/n, float64(las)/n, float64(full)/n
	return s, nil
}

func mainRel(d string) string { m, _, _ := strings.Cut(d, ":"); return m }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
