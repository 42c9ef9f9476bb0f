package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/eval"
	"github.com/parley-news/parley/pipeline"
)

const evalCorefUsage = `Usage: parley eval coref GOLD.conllu [--json] [--errors FILE]

Runs the entity layer with coreference on the text of each document of a
CoNLL-U file with GUM's Entity= annotation (the text is rebuilt from the words,
SpaceAfter=No respected, a newline between paragraphs) and scores, for
third-person pronouns, possessives and definite descriptions ("the
minister", "the company") that refer to a named person or organisation,
whether parley links them to the entity that holds the nearest preceding
name of their gold chain (right), to another (wrong) or to none
(unresolved); and the CoNLL metrics (MUC, B3, CEAF-e and their mean) over
the person, organisation and place mentions, a system mention standing for
the gold mention whose head word it covers.

Example:
  parley eval coref /work/shared/data/coref/gum-bio.conllu

Flags:`

// corefReport is what parley eval coref prints with --json.
type corefReport struct {
	File string `json:"file"`
	eval.CorefScore
	Seconds float64 `json:"seconds"`
}

func runEvalCoref(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval coref", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	errorsOut := fs.String("errors", "", "write the mentions not linked right as JSONL to this file")
	fs.Usage = func() { fmt.Fprintln(e.stderr, evalCorefUsage); fs.PrintDefaults() }
	name, err := oneArg(fs, args, "one GOLD.conllu")
	if err != nil || name == "" {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := eval.ReadCoref(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	start := time.Now()
	pred, err := corefPredictions(ctx, e, docs)
	if err != nil {
		return err
	}
	rep := corefReport{File: name, CorefScore: eval.ScoreCoref(docs, pred)}
	rep.Seconds = time.Since(start).Seconds()
	if *errorsOut != "" {
		if err := writeJSONLFile(*errorsOut, rep.Errors); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	return writeCorefTable(e.stdout, rep)
}

// corefPredictions runs the pipeline's core level on each document's text
// and returns its mentions.
func corefPredictions(ctx context.Context, e *env, docs []eval.CorefDoc) ([][]eval.SysMention, error) {
	texts := make([]parley.Document, len(docs))
	for i, d := range docs {
		texts[i] = parley.Document{ID: fmt.Sprint(i), Text: d.Text}
	}
	out := make([][]eval.SysMention, len(docs))
	i := 0
	err := analyse(ctx, e, "eval coref", texts, 0, func(res pipeline.Result) {
		for ; texts[i].ID != res.Document.ID; i++ {
		}
		d := res.Doc
		ms := make([]eval.SysMention, 0, len(d.Mentions))
		for _, m := range d.Mentions {
			ent := d.Entities[m.Entity.Index()]
			ms = append(ms, eval.SysMention{Start: m.Span.Start, End: m.Span.End, Entity: m.Entity.Index(),
				Type: string(ent.Type), Kind: string(m.Kind)})
		}
		out[i] = ms
		i++
	}, pipeline.WithLevel(pipeline.Core))
	return out, err
}

func writeCorefTable(w io.Writer, r corefReport) error {
	fmt.Fprintf(w, "%s: %d documents\n\n", r.File, r.Documents)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "mentions\tgold\tright\twrong\tunresolved\tno name\taccuracy\t")
	keys := make([]string, 0, len(r.Resolution))
	for k := range r.Resolution {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := r.Resolution[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t\n", k, c.Gold, c.Right, c.Wrong, c.Unresolved, c.NoName, c.Accuracy())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tP\tR\tF1\t")
	for _, m := range []struct {
		name string
		v    eval.CorefPRF
	}{{"MUC", r.MUC}, {"B3", r.B3}, {"CEAF-e", r.CEAFe}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t\n", m.name, m.v.P, m.v.R, m.v.F1)
	}
	fmt.Fprintf(tw, "CoNLL F1\t\t\t%.3f\t\n", r.CoNLL)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%.1fs\n", r.Seconds)
	return err
}
