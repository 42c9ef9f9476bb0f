package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/ingest/html"
	"github.com/parley-news/parley/ingest/input"
	"github.com/parley-news/parley/pipeline"
)

func version() string {
	v := parley.Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
	}
	return v
}

// maxLine bounds one JSONL record; larger lines are reported, not read.
const maxLine = 256 << 20

func extractCommand() command {
	return command{
		name:    "extract",
		summary: "analyse articles: entities, quotes, events, claims (FILE|- → JSON)",
		run:     runExtract,
	}
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	jsonl := fs.Bool("jsonl", false, "read JSONL ({\"id\",\"text\",…} per line) and write one JSON object per line")
	format := fs.String("format", "json", "output format: json; text (a who-said-what table); gdelt (events as GDELT 2.0-style TSV); claimreview (claims as schema.org ClaimReview JSON-LD)")
	header := fs.Bool("header", false, "gdelt: write the column names first (GDELT's files have none)")
	includeText := fs.Bool("include-text", false, "include the analysed text in the output as \"text\"")
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for relative dates, when the input has none")
	workers := fs.Int("workers", 0, "parallel workers for JSONL input (0: all cores)")
	dbPath := fs.String("db", "", "also store the analyses in this SQLite store (parley ingest stores by default)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley extract [flags] FILE|-…\n\n"+
			"Reads plain text, an HTML page (by extension or sniffing), or JSONL ({\"id\",\"text\",…} per\n"+
			"line, with --jsonl or a .jsonl name) and writes parley JSON: one indented document for one\n"+
			"text or page, one line per document otherwise. A failing input is reported and the others\n"+
			"are still analysed; the exit status says whether any failed.\n\n"+
			"Examples:\n"+
			"  parley extract testdata/riyadh-talks.txt\n"+
			"  parley extract --format text --published 2025-02-18 article.txt\n"+
			"  parley extract --jsonl dump.jsonl > analyses.jsonl\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("need an input (a file name or -)")
	}
	switch *format {
	case "json", "text", "gdelt", "claimreview":
	default:
		return fmt.Errorf("unknown --format %q (json, text, gdelt, claimreview)", *format)
	}
	pub, err := parsePublishedFlag(*published)
	if err != nil {
		return err
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	opts := extractOptions{Options: export.Options{IncludeText: *includeText}}
	if *dbPath != "" {
		st, err := openDB(ctx, *dbPath)
		if err != nil {
			return fmt.Errorf("--db %s: %w", *dbPath, err)
		}
		defer st.Close()
		opts.store = st
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	if *format == "gdelt" {
		opts.gdelt = export.NewGDELTWriter(export.GDELTOutputs{Events: w}, export.GDELTOptions{Header: *header})
		defer opts.gdelt.Flush()
	}
	return extractEach(ctx, e, p, fs.Args(), w, opts, *format, pub, *workers, *jsonl)
}

// parsePublishedFlag reads a --published date; "" is none.
func parsePublishedFlag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--published %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// extractEach analyses each input (JSONL by flag or name, else a text or
// HTML file) and writes the analyses; a failing input is reported and the
// others carry on, unless there is only one.
func extractEach(ctx context.Context, e *env, p *pipeline.Pipeline, inputs []string, w *bufio.Writer,
	opts extractOptions, format string, pub time.Time, workers int, jsonl bool) error {
	oneDoc := len(inputs) == 1
	failed := 0
	for _, name := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if jsonl || strings.HasSuffix(strings.ToLower(name), ".jsonl") {
			err = extractJSONLFile(ctx, e, p, name, w, opts, format, pub, workers)
		} else {
			err = extractFile(ctx, e, p, name, w, opts, format, pub, !oneDoc)
		}
		if err != nil {
			failed++
			if oneDoc {
				return err
			}
			fmt.Fprintf(e.stderr, "parley extract: %v\n", err)
		}
	}
	if failed > 0 {
		w.Flush()
		return fmt.Errorf("%d of %d inputs failed", failed, len(inputs))
	}
	return nil
}

// openInput opens a named input, "-" being standard input.
func openInput(e *env, name string) (io.Reader, string, func(), error) {
	if name == "-" {
		return e.stdin, "<stdin>", func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, name, nil, fmt.Errorf("%s is a directory (parley ingest reads folders)", name)
	}
	return f, name, func() { f.Close() }, nil
}

func extractJSONLFile(ctx context.Context, e *env, p *pipeline.Pipeline, name string, w *bufio.Writer,
	opts extractOptions, format string, pub time.Time, workers int) error {
	r, name, done, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer done()
	return extractJSONL(ctx, e, p, r, name, w, opts, format, pub, workers)
}

// extractFile analyses one text file or HTML page. line writes compact JSON
// (one line), for runs over several inputs.
func extractFile(ctx context.Context, e *env, p *pipeline.Pipeline, name string, w *bufio.Writer,
	opts extractOptions, format string, pub time.Time, line bool) error {
	r, name, done, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer done()
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	txt, warns, err := input.Text(data)
	switch {
	case errors.Is(err, input.ErrEmpty):
		fmt.Fprintf(e.stderr, "parley extract: %s: empty input\n", name)
	case err != nil:
		return fmt.Errorf("%s: %w", name, err)
	}
	doc := parley.Document{ID: idFromName(name), Text: txt, Source: name, Published: pub, Repairs: warns}
	if looksHTML(name, data) {
		// a saved page: analyse its article body, with the page's metadata
		page, err := html.Extract(ctx, bytes.NewReader(data), "")
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		doc = input.MergePage(page, doc)
	}
	if len(doc.Text) > bigInput {
		// The analysis of a long document is most of the heap and does not
		// become garbage: collect sooner, so that memory stays near 1.25
		// times the analysis instead of twice.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
	}
	data = nil
	a, err := p.Extract(ctx, doc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(e.stderr, "parley extract: %s: %s\n", name, warn)
	}
	return writeAnalysis(w, a, opts, format, line)
}

// bigInput is the size above which extract tunes the garbage collector for
// one long document.
const bigInput = 16 << 20

func idFromName(name string) string {
	if name == "<stdin>" {
		return "stdin"
	}
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}

// looksHTML reports whether the input is an HTML page: by its name, or by
// sniffing its first bytes.
func looksHTML(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

// extractOptions are the output options of extract, and the store that
// receives the analyses when --db is given.
type extractOptions struct {
	export.Options
	store parley.Store
	gdelt *export.GDELTWriter // for --format gdelt: one header, then rows
	// sink, when set, receives each analysis instead of the formats above
	// (parley export).
	sink func(*parley.Doc) error
}

func writeAnalysis(w io.Writer, a *parley.Doc, opts extractOptions, format string, line bool) error {
	if opts.store != nil {
		if _, err := opts.store.PutAnalysis(context.Background(), a); err != nil {
			return fmt.Errorf("storing %s: %w", a.Document.ID, err)
		}
	}
	if opts.sink != nil {
		return opts.sink(a)
	}
	switch format {
	case "text":
		return writeTable(w, a)
	case "gdelt":
		return opts.gdelt.Write(a)
	case "claimreview":
		if !line {
			return export.WriteClaimReviews(w, a, export.ClaimReviewOptions{})
		}
		b, err := json.Marshal(export.ClaimReviews(a, export.ClaimReviewOptions{}))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	return export.WriteJSON(w, a, opts.Options, !line)
}

func extractJSONL(ctx context.Context, e *env, p *pipeline.Pipeline, r io.Reader, name string, w *bufio.Writer,
	opts extractOptions, format string, pub time.Time, workers int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan parley.Document)
	var badLines atomic.Int64 // counted by the reader, read after it is done
	failed := 0
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 1<<20), maxLine)
		ln := 0
		for sc.Scan() {
			ln++
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			d, err := jsonlDocument(ctx, line, name, ln, pub)
			if err != nil {
				fmt.Fprintf(e.stderr, "parley extract: %s:%d: %v\n", name, ln, err)
				badLines.Add(1)
				continue
			}
			select {
			case in <- d:
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
		}
		if err := sc.Err(); err != nil {
			readErr <- fmt.Errorf("%s: after line %d: %w", name, ln, err)
		}
	}()
	for res := range p.Stream(ctx, in, workers) {
		if res.Err != nil {
			fmt.Fprintf(e.stderr, "parley extract: %s: %v\n", res.Document.Source, res.Err)
			failed++
			continue
		}
		for _, warn := range res.Doc.Warnings {
			fmt.Fprintf(e.stderr, "parley extract: %s: %s\n", res.Document.Source, warn)
		}
		if err := writeAnalysis(w, res.Doc, opts, format, true); err != nil {
			return err
		}
	}
	select {
	case err := <-readErr:
		return err
	default:
	}
	if n := failed + int(badLines.Load()); n > 0 {
		return fmt.Errorf("%s: %d record(s) failed", name, n)
	}
	return ctx.Err()
}

// jsonlDocument decodes line ln of a JSONL input by the rules of package
// input, extracting the article of an "html" record; a record without an
// id is named by its place.
func jsonlDocument(ctx context.Context, line []byte, name string, ln int, pub time.Time) (parley.Document, error) {
	rec, err := input.DecodeJSON(line)
	if err != nil {
		return parley.Document{}, err
	}
	rec.Doc.Source = fmt.Sprintf("%s:%d", name, ln)
	if rec.Doc.ID == "" {
		rec.Doc.ID = fmt.Sprintf("%s:%d", idFromName(name), ln)
	}
	if rec.Doc.Published.IsZero() {
		rec.Doc.Published = pub
	}
	return rec.Document(ctx)
}
