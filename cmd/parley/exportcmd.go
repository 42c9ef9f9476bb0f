package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/pipeline"
)

func exportCommand() command {
	return command{
		name:    "export",
		summary: "analyse articles and write events as GDELT-style TSV or claims as schema.org ClaimReview",
		run:     runExport,
	}
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "gdelt", "gdelt (events, tab-separated) or claimreview (claims, JSON-LD)")
	header := fs.Bool("header", true, "gdelt: write the column names first")
	jsonl := fs.Bool("jsonl", false, "read JSONL ({\"id\",\"text\",\"url\",\"published\"} per line)")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for relative dates, when the input has none")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley export [flags] FILE|-…\n\n"+
			"Analyses plain-text articles (or JSONL with --jsonl or a .jsonl name) and writes their\n"+
			"events as GDELT 2.0-style TSV with parley's provenance columns, or their claims as\n"+
			"schema.org ClaimReview JSON-LD (one document per article, one line each for JSONL).\n"+
			"The columns are documented in docs/exports.md.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errSilent
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("need an input (a file name or -)")
	}
	if *format != "gdelt" && *format != "claimreview" {
		return fmt.Errorf("unknown --format %q (gdelt, claimreview)", *format)
	}
	var pub time.Time
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			return fmt.Errorf("--published %q: want YYYY-MM-DD", *published)
		}
		pub = t
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	gw := export.NewGDELTWriter(w, export.GDELTOptions{Header: *header})
	multi := fs.NArg() > 1
	emit := func(a *parley.Analysis) error {
		if *format == "gdelt" {
			return gw.Write(a)
		}
		if multi || *jsonl {
			b, err := json.Marshal(export.ClaimReviews(a))
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s\n", b)
			return err
		}
		return export.WriteClaimReviews(w, a)
	}
	for _, name := range fs.Args() {
		r, src, closeFn, err := openInput(e, name)
		if err != nil {
			return err
		}
		if *jsonl || strings.HasSuffix(strings.ToLower(name), ".jsonl") {
			multi = true
			err = exportJSONL(ctx, p, r, src, pub, emit)
		} else {
			err = exportText(ctx, p, r, src, pub, emit)
		}
		closeFn()
		if err != nil {
			return err
		}
	}
	if err := gw.Flush(); err != nil {
		return err
	}
	return w.Flush()
}

func exportText(ctx context.Context, p *pipeline.Pipeline, r io.Reader, name string, pub time.Time, emit func(*parley.Analysis) error) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	a, err := p.Extract(ctx, parley.Document{ID: idFromName(name), Text: string(b), Source: name, Published: pub})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return emit(a)
}

func exportJSONL(ctx context.Context, p *pipeline.Pipeline, r io.Reader, name string, pub time.Time, emit func(*parley.Analysis) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), maxLine)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var rec struct {
			ID        string `json:"id"`
			Text      string `json:"text"`
			URL       string `json:"url"`
			Title     string `json:"title"`
			Published string `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return &parley.Error{Source: name, Where: fmt.Sprintf("line %d", line), Err: err}
		}
		d := parley.Document{ID: rec.ID, Text: rec.Text, URL: rec.URL, Title: rec.Title, Source: name, Published: pub}
		if t, err := time.Parse(time.DateOnly, firstN(rec.Published, 10)); err == nil {
			d.Published = t
		}
		a, err := p.Extract(ctx, d)
		if err != nil {
			return &parley.Error{Source: name, Where: fmt.Sprintf("line %d", line), Err: err}
		}
		if err := emit(a); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
