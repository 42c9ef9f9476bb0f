package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-news/parley/eval"
	"github.com/parley-news/parley/ner"
)

// crossValidate tags gold by k-fold cross-validation by document:
// document i is in fold i mod k and is tagged by a model trained on the
// training parts (without the gold file itself) and the other folds.
// Scoring all the predictions at once sums the folds' counts.
func crossValidate(ctx context.Context, e *env, kit *nerKit, tf *trainFlags, goldPath string, gold []ner.Document, k int) ([][]ner.Mention, error) {
	if k < 2 || k > len(gold) {
		return nil, fmt.Errorf("--cv %d: want 2 to %d folds (the gold file's documents)", k, len(gold))
	}
	base, err := kit.readParts(tf, goldPath)
	if err != nil {
		return nil, err
	}
	if *tf.pos {
		if err := tagPOS(gold); err != nil {
			return nil, err
		}
	}
	pred := make([][]ner.Mention, len(gold))
	for f := range k {
		train := append([]ner.Document(nil), base...)
		var test []ner.Document
		var at []int
		for i, d := range gold {
			if i%k == f {
				test, at = append(test, d), append(at, i)
			} else {
				train = append(train, d)
			}
		}
		m, err := ner.Train(ctx, train, kit.lex, kit.roles, tf.options())
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", f+1, err)
		}
		fp := tagDocs(m, test)
		for j, i := range at {
			pred[i] = fp[j]
		}
		g, ign := goldSpans(test)
		sc := eval.ScoreNER(g, predSpans(test, fp), ign, scoredTypes())
		fmt.Fprintf(e.stderr, "parley eval ner: fold %d/%d (%d documents): %s\n", f+1, k, len(test), summary(sc))
	}
	return pred, nil
}

// nerError is a sentence whose entities the system got wrong, for --errors.
type nerError struct {
	Doc      string   `json:"doc"`
	Sentence int      `json:"sentence"`
	Text     string   `json:"text"`
	Missed   []string `json:"missed,omitempty"`
	Spurious []string `json:"spurious,omitempty"`
}

// nerErrors lists, per sentence, the gold entities of the scored types no
// prediction matches exactly and the predictions that match none.
func nerErrors(docs []ner.Document, pred [][]ner.Mention) []nerError {
	var out []nerError
	scored := func(t ner.Type) bool { return t == ner.Person || t == ner.Org || t == ner.Place }
	for di, d := range docs {
		bySent := map[int][]ner.Span{}
		for _, m := range pred[di] {
			if scored(m.Type) {
				bySent[m.Sent] = append(bySent[m.Sent], m.Span)
			}
		}
		for si, s := range d.Sentences {
			var gold []ner.Span
			for _, sp := range s.Spans {
				if scored(sp.Type) {
					gold = append(gold, sp)
				}
			}
			missed, spurious := diffSpans(gold, bySent[si])
			if len(missed)+len(spurious) == 0 {
				continue
			}
			ne := nerError{Doc: d.ID, Sentence: si, Text: strings.Join(s.Words, " ")}
			for _, sp := range missed {
				ne.Missed = append(ne.Missed, spanText(s.Words, sp))
			}
			for _, sp := range spurious {
				ne.Spurious = append(ne.Spurious, spanText(s.Words, sp))
			}
			out = append(out, ne)
		}
	}
	return out
}

func diffSpans(gold, pred []ner.Span) (missed, spurious []ner.Span) {
	has := func(list []ner.Span, s ner.Span) bool {
		for _, o := range list {
			if o == s {
				return true
			}
		}
		return false
	}
	for _, g := range gold {
		if !has(pred, g) {
			missed = append(missed, g)
		}
	}
	for _, p := range pred {
		if !has(gold, p) {
			spurious = append(spurious, p)
		}
	}
	return missed, spurious
}

func spanText(words []string, s ner.Span) string {
	return s.Type.String() + ": " + strings.Join(words[s.Start:s.End], " ")
}
