package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/parley-news/parley/conllu"
	"github.com/parley-news/parley/eval"
)

const evalSyntaxUsage = `Usage: parley eval syntax GOLD.conllu [--json] [--model DIR]

Parses the gold file's words as given (gold tokenisation and sentences) and
scores UPOS, XPOS, lemmas, UAS, LAS (universal relation, before ":") and
LAS-full (with subtypes), punctuation included, as conll18_ud_eval.py does.

Example:
  parley eval syntax /work/shared/data/syntax/en_ewt-ud-dev.conllu

Flags:`

func runEvalSyntax(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval syntax", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	modelDir := fs.String("model", "", "use the model in DIR (en.bin, lemmas.tsv) instead of the embedded one")
	fs.Usage = func() { fmt.Fprintln(e.stderr, evalSyntaxUsage); fs.PrintDefaults() }
	name, err := oneArg(fs, args, "one GOLD.conllu")
	if err != nil || name == "" {
		return err
	}
	m, err := loadSyntax(*modelDir)
	if err != nil {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	p := m.NewParser()
	var gold, pred []*conllu.Sentence
	var forms []string
	var idx []int
	failed, err := eachSentence(ctx, e, "eval syntax", name, f, false, func(s *conllu.Sentence) error {
		c := *s
		c.Tokens = slices.Clone(s.Tokens)
		annotate(p, &c, &forms, &idx, nil)
		gold, pred = append(gold, s), append(pred, &c)
		return nil
	})
	if err != nil {
		return err
	}
	sc, err := eval.ScoreSyntax(gold, pred)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sc); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%d sentences, %d words (gold tokenisation, punctuation included)\n", sc.Sentences, sc.Words)
		for _, r := range []struct {
			name string
			v    float64
		}{{"UPOS", sc.UPOS}, {"XPOS", sc.XPOS}, {"lemmas", sc.Lemmas}, {"UAS", sc.UAS}, {"LAS", sc.LAS}, {"LAS-full", sc.LASFull}} {
			fmt.Fprintf(tw, "%s\t%.4f\n", r.name, r.v)
		}
		tw.Flush()
	}
	if failed > 0 {
		return fmt.Errorf("%s: %d malformed sentences were not scored", name, failed)
	}
	return nil
}
