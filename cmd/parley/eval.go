package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/eval"
	"github.com/parley-news/parley/pipeline"
)

func evalCommand() command {
	return command{
		name:    "eval",
		summary: "score parley against gold data: eval quotes|events|html GOLD.jsonl, eval ner GOLD.conll, eval syntax|coref GOLD.conllu",
		run:     runEval,
	}
}

const evalUsage = `Usage: parley eval quotes|events|html GOLD.jsonl [flags]
       parley eval ner GOLD.conll [flags]
       parley eval syntax GOLD.conllu [flags]
       parley eval coref GOLD.conllu [flags]

  quotes  quote spans, speakers and end-to-end attribution (gold format of shared/data/quotes)
  events  CAMEO/PLOVER event coding with actors (gold format of shared/data/events)
  html    article body extraction, the benchmark's shingle metric (shared/data/html)
  ner     named entities, exact span and type, CoNLL style (shared/data/ner)
  syntax  tagging, lemmas and dependency parsing on gold tokenisation (CoNLL-U)
  coref   pronoun and description resolution, MUC/B3/CEAF-e (GUM Entity= CoNLL-U, shared/data/coref)

Examples:
  parley eval quotes /work/shared/data/quotes/dev.jsonl
  parley eval events dev.jsonl --json

Run 'parley eval KIND -h' for the flags of each.`

func runEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stderr, evalUsage)
		if len(args) == 0 {
			return errSilent
		}
		return nil
	}
	switch args[0] {
	case "quotes":
		return runEvalQuotes(ctx, e, args[1:])
	case "events":
		return runEvalEvents(ctx, e, args[1:])
	case "html":
		return runEvalHTML(ctx, e, args[1:]) // evalhtml.go: extracts the pages, or scores --pred
	case "ner":
		return runEvalNER(ctx, e, args[1:]) // evalner.go
	case "syntax":
		return runEvalSyntax(ctx, e, args[1:]) // evalsyntax.go
	case "coref":
		return runEvalCoref(ctx, e, args[1:]) // evalcoref.go
	}
	fmt.Fprintln(e.stderr, evalUsage)
	return fmt.Errorf("unknown kind %q (quotes, events, html, ner, syntax, coref)", args[0])
}

// parseArgs parses flags that may come before or after the positional
// arguments ("GOLD.jsonl --json" as well as "--json GOLD.jsonl").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runEvalQuotes(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the metrics as JSON (the reference scorer's shape)")
	predOut := fs.String("pred-out", "", "also write parley's predictions to this file (the scorer's PRED format)")
	predIn := fs.String("pred", "", "score this PRED.jsonl instead of running the pipeline")
	errorsOut := fs.String("errors", "", "write each document's missed, spurious and wrong-speaker quotes (view all) as JSONL to this file")
	threshold := fs.Float64("threshold", 0.5, "content-character Jaccard needed for a span match")
	workers := fs.Int("workers", 0, "parallel workers (0: all cores)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley eval quotes GOLD.jsonl [flags]\n\n"+
			"Runs the pipeline on each gold document and scores its quotes with the rules of\n"+
			"score_quotes.py: span P/R/F1 (Jaccard >= threshold), exact F1, speaker accuracy on\n"+
			"matched quotes and end-to-end P/R/F1, for the views all, direct_mixed and direct.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseErr(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("need exactly one gold file")
	}
	gold, err := readQuoteFile(pos[0])
	if err != nil {
		return err
	}
	start := time.Now()
	var pred []eval.QuoteDoc
	if *predIn != "" {
		if pred, err = readQuoteFile(*predIn); err != nil {
			return err
		}
	} else {
		if pred, err = predictQuotes(ctx, e, gold, *workers); err != nil {
			return err
		}
	}
	elapsed := time.Since(start)
	if *predOut != "" {
		if err := writeJSONLFile(*predOut, pred); err != nil {
			return err
		}
	}
	if *errorsOut != "" {
		if err := writeJSONLFile(*errorsOut, eval.QuoteErrors(gold, pred, *threshold)); err != nil {
			return err
		}
	}
	r := eval.ScoreQuotes(gold, pred, *threshold)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(r)
	}
	if *predIn == "" {
		fmt.Fprintf(e.stderr, "parley eval quotes: %d documents analysed in %.1fs\n", len(gold), elapsed.Seconds())
	}
	return writeQuoteTable(e.stdout, pos[0], r)
}

func readQuoteFile(name string) ([]eval.QuoteDoc, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadQuoteDocs(f, name)
}

// predictQuotes runs the pipeline over the gold texts, in order.
func predictQuotes(ctx context.Context, e *env, gold []eval.QuoteDoc, workers int) ([]eval.QuoteDoc, error) {
	docs := make([]parley.Document, len(gold))
	for i, g := range gold {
		docs[i] = parley.Document{ID: g.ID, Text: g.Text}
	}
	pred := make([]eval.QuoteDoc, 0, len(gold))
	err := analyse(ctx, e, "eval quotes", docs, workers, func(res pipeline.Result) {
		pred = append(pred, eval.QuotePrediction(res.Document.ID, res.Doc))
	})
	return pred, err
}

func writeJSONLFile[T any](name string, recs []T) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return f.Close()
}

func writeQuoteTable(w io.Writer, gold string, r *eval.QuoteReport) error {
	fmt.Fprintf(w, "%s: %d documents, span match at Jaccard >= %g\n\n", gold, r.NDocs, r.Threshold)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "view\tgold\tpred\tspan P\tspan R\tspan F1\texact F1\tspeaker acc\te2e P\te2e R\te2e F1\tsplit ign.\tout-of-view ign.\t")
	for _, v := range r.Views() {
		x := v.View
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", v.Name,
			x.Span.NGold, x.Span.NPred, x.Span.P, x.Span.R, x.Span.F1, x.SpanExact.F1, x.SpeakerAcc,
			x.EndToEnd.P, x.EndToEnd.R, x.EndToEnd.F1, x.IgnoredSplit, x.IgnoredOutOfView)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var parts []string
	for _, t := range r.TypeOrder {
		parts = append(parts, fmt.Sprintf("%s %.3f", t, r.RecallByType[t]))
	}
	_, err := fmt.Fprintf(w, "\ngold recall by type: %s\n", strings.Join(parts, ", "))
	return err
}

func runEvalEvents(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the metrics as JSON (the reference scorer's shape)")
	perSource := fs.Bool("per-source", false, "also score each gold source separately")
	predOut := fs.String("pred-out", "", "also write parley's predictions to this file (the scorer's PRED format)")
	predIn := fs.String("pred", "", "score this PRED.jsonl instead of running the pipeline")
	errorsOut := fs.String("errors", "", "write the sentences whose events do not match at root level as JSONL to this file")
	workers := fs.Int("workers", 0, "parallel workers (0: all cores)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley eval events GOLD.jsonl [flags]\n\n"+
			"Runs the pipeline on each gold sentence and scores its events with the rules of\n"+
			"score_events.py: micro P/R/F1 at CAMEO root, full code, root with source and target\n"+
			"actors (exact and at country level) and PLOVER type.\n\nFlags:")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseErr(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("need exactly one gold file")
	}
	gold, err := readEventFile(pos[0])
	if err != nil {
		return err
	}
	var pred []eval.EventDoc
	if *predIn != "" {
		if pred, err = readEventFile(*predIn); err != nil {
			return err
		}
	} else {
		texts := make([]parley.Document, len(gold))
		for i, g := range gold {
			texts[i] = parley.Document{ID: g.ID, Text: g.Text}
		}
		err = analyse(ctx, e, "eval events", texts, *workers, func(res pipeline.Result) {
			pred = append(pred, eval.EventPrediction(res.Document.ID, res.Doc))
		})
		if err != nil {
			return err
		}
	}
	if *predOut != "" {
		if err := writeJSONLFile(*predOut, pred); err != nil {
			return err
		}
	}
	if *errorsOut != "" {
		if err := writeJSONLFile(*errorsOut, eval.EventErrors(gold, pred)); err != nil {
			return err
		}
	}
	r := eval.ScoreEvents(gold, pred, *perSource)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(r)
	}
	return eval.WriteEventReport(e.stdout, r)
}

func readEventFile(name string) ([]eval.EventDoc, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadEventDocs(f, name)
}

// analyse runs the pipeline (built with opts) over docs in order and calls
// fn for each analysed document; a failed document is reported and left out
// (it then counts as one without predictions).
func analyse(ctx context.Context, e *env, cmd string, docs []parley.Document, workers int, fn func(pipeline.Result), opts ...pipeline.Option) error {
	p, err := pipeline.New(opts...)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, d := range docs {
			select {
			case in <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	for res := range p.Stream(ctx, in, workers) {
		if res.Err != nil {
			fmt.Fprintf(e.stderr, "parley %s: %s: %v\n", cmd, res.Document.ID, res.Err)
			continue
		}
		fn(res)
	}
	return ctx.Err()
}
