package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/parley-news/parley/eval"
	phtml "github.com/parley-news/parley/ingest/html"
)

// runEvalHTML implements "parley eval html GOLD.jsonl" (eval.go dispatches
// to it): it extracts the
// article body of every gold page (DIR/<id>.html beside the gold file)
// with ingest/html and scores the bodies with the benchmark's metric
// (eval.ScoreHTML, the port of score_html.py).
func runEvalHTML(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval html", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the metrics as JSON (the reference scorer's shape)")
	predIn := fs.String("pred", "", "score this PRED.jsonl ({\"id\",\"body\"}) instead of extracting")
	predOut := fs.String("pred-out", "", "also write the extracted bodies to this file (PRED format)")
	perDoc := fs.String("per-doc", "", "write per-page precision, recall and F1 to this JSONL file")
	pages := fs.String("pages", "", "folder of the pages <id>.html (default: the gold file's folder)")
	workers := fs.Int("workers", 0, "parallel extractions (0: all cores)")
	boot := fs.Int("n-bootstrap", 1000, "bootstrap resamples for the ± values")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley eval html GOLD.jsonl [flags]\n\n"+
			"Extracts the article body of each gold page and scores it like score_html.py:\n"+
			"token 4-gram shingles, per-page normalised, macro precision and recall, F1.\n\nFlags:")
		fs.PrintDefaults()
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return parseErr(err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("need exactly one gold file")
	}
	goldPath := pos[0]
	gold, err := readHTMLDocs(goldPath)
	if err != nil {
		return err
	}
	var pred []eval.HTMLDoc
	if *predIn != "" {
		if pred, err = readHTMLDocs(*predIn); err != nil {
			return err
		}
	} else {
		dir := *pages
		if dir == "" {
			dir = filepath.Dir(goldPath)
		}
		start := time.Now()
		var failed int
		pred, failed = extractPages(ctx, e, gold, dir, *workers)
		el := time.Since(start)
		if err := ctx.Err(); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "parley eval html: %d pages extracted in %.2fs (%.0f pages/s), %d failed\n",
			len(gold), el.Seconds(), float64(len(gold))/el.Seconds(), failed)
	}
	if *predOut != "" {
		if err := writeHTMLDocs(*predOut, pred); err != nil {
			return err
		}
	}
	r := eval.ScoreHTML(gold, pred, eval.HTMLOptions{Bootstrap: *boot})
	if *perDoc != "" {
		f, err := os.Create(*perDoc)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for _, d := range r.PerDoc {
			if err := enc.Encode(d); err != nil {
				f.Close()
				return err
			}
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Fprintf(e.stdout, "%-6s %-13s  %-13s  %-13s  %-13s\n", "docs", "F1", "precision", "recall", "accuracy")
	fmt.Fprintf(e.stdout, "%-6d %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f\n", r.NGold,
		r.F1, r.F1Std, r.Precision, r.PrecisionStd, r.Recall, r.RecallStd, r.Accuracy, r.AccuracyStd)
	return nil
}

func readHTMLDocs(name string) ([]eval.HTMLDoc, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadHTMLDocs(f, name)
}

func writeHTMLDocs(name string, docs []eval.HTMLDoc) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Body string `json:"body"`
		}{d.ID, d.Body}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// extractPages extracts the body of each gold page in parallel; a page that
// fails is reported and scored as empty.
func extractPages(ctx context.Context, e *env, gold []eval.HTMLDoc, dir string, workers int) ([]eval.HTMLDoc, int) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	pred := make([]eval.HTMLDoc, len(gold))
	errs := make([]error, len(gold))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				g := gold[i]
				pred[i].ID = g.ID
				f, err := os.Open(filepath.Join(dir, g.ID+".html"))
				if err != nil {
					errs[i] = err
					continue
				}
				d, err := phtml.Extract(ctx, f, g.URL)
				f.Close()
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", g.ID, err)
					continue
				}
				pred[i].Body = d.Text
			}
		}()
	}
	for i := range gold {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "parley eval html: %v\n", err)
		}
	}
	return pred, failed
}
