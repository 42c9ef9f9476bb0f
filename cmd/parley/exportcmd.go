package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/pipeline"
)

func exportCommand() command {
	return command{
		name:    "export",
		summary: "write stored (or newly analysed) events as GDELT 2.0 tables, claims as ClaimReview, analyses as JSONL",
		run:     runExport,
	}
}

const exportUsage = `Usage: parley export --db PATH [--since DATE] [--until DATE] [--outlet X] [--speaker NAME]
                     [--format gdelt|claimreview|jsonl] [--out PREFIX]
       parley export [--format gdelt|claimreview|jsonl] [--published DATE] FILE|-…

Writes what a store holds (with --db; filters select the articles) or the
analyses of the named files (text, HTML, JSONL, analysed as parley extract
does) in the formats other tools load (docs/exports.md):

  gdelt        the GDELT 2.0 Events table (61 tab-separated columns), its
               Mentions table (16; offsets are parley's provenance) and
               parley's extras table, keyed by GlobalEventID. On standard
               output the table named by --table; with --out PREFIX all
               three: PREFIX.export.CSV, PREFIX.mentions.CSV, PREFIX.parley.tsv
  claimreview  one schema.org JSON-LD document: a ClaimReview per claim
  jsonl        parley's JSON document per article, one a line

Examples:
  parley export --db news.db --since 2025-02-01 --outlet Reuters --out feb
  parley export --db news.db --speaker Lavrov --format claimreview > lavrov.jsonld
  parley export --published 2025-02-18 article.txt

Flags:`

// exportFlags are the options of parley export.
type exportFlags struct {
	db, since, until, outlet, speaker string
	format, out, table, published     string
	header, includeText, jsonl        bool
	review                            export.ClaimReviewOptions
	workers                           int
}

func parseExportFlags(e *env, args []string) (*exportFlags, []string, error) {
	f := &exportFlags{}
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.db, "db", "", "export from this store (else analyse the named files)")
	fs.StringVar(&f.since, "since", "", "--db: articles published from this date (YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "--db: articles published up to and including this date")
	fs.StringVar(&f.outlet, "outlet", "", "--db: articles of this outlet")
	fs.StringVar(&f.speaker, "speaker", "", "--db: articles that quote this speaker (name or alias)")
	fs.StringVar(&f.format, "format", "gdelt", "gdelt, claimreview or jsonl")
	fs.StringVar(&f.out, "out", "", "write to files: gdelt PREFIX.export.CSV, PREFIX.mentions.CSV, PREFIX.parley.tsv; others the file PREFIX")
	fs.StringVar(&f.table, "table", "events", "gdelt on standard output: events, mentions or extras")
	fs.BoolVar(&f.header, "header", false, "gdelt: write the column names first (GDELT's files have none)")
	fs.StringVar(&f.review.Author.Name, "review-author", export.DefaultReviewAuthor.Name, "claimreview: the organisation that publishes the reviews")
	fs.StringVar(&f.review.Author.URL, "review-author-url", export.DefaultReviewAuthor.URL, "claimreview: its URL")
	fs.StringVar(&f.review.BaseURL, "review-url", "", "claimreview: reviews are published at this URL + article id + #claim (default: the article URL)")
	fs.BoolVar(&f.includeText, "include-text", false, "jsonl: include the article text")
	fs.StringVar(&f.published, "published", "", "files: publication date (YYYY-MM-DD) for relative dates")
	fs.BoolVar(&f.jsonl, "jsonl", false, "files: read JSONL")
	fs.IntVar(&f.workers, "workers", 0, "files: parallel workers (0: all cores)")
	fs.Usage = func() { fmt.Fprintln(e.stderr, exportUsage); fs.PrintDefaults() }
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, parseErr(err)
	}
	switch f.format {
	case "gdelt", "claimreview", "jsonl":
	default:
		return nil, nil, fmt.Errorf("unknown --format %q (gdelt, claimreview, jsonl)", f.format)
	}
	switch f.table {
	case "events", "mentions", "extras":
	default:
		return nil, nil, fmt.Errorf("unknown --table %q (events, mentions, extras)", f.table)
	}
	return f, inputs, nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	f, inputs, err := parseExportFlags(e, args)
	if err != nil {
		return err
	}
	switch {
	case f.db != "" && len(inputs) > 0:
		return errors.New("give --db or files, not both")
	case f.db == "" && len(inputs) == 0:
		fmt.Fprintln(e.stderr, exportUsage)
		return errors.New("nothing to export: give --db PATH or files")
	case f.db == "" && (f.since != "" || f.until != "" || f.outlet != "" || f.speaker != ""):
		return errors.New("--since, --until, --outlet and --speaker select stored articles: give --db")
	}
	sink, err := newExportSink(e, f)
	if err != nil {
		return err
	}
	if f.db != "" {
		err = exportStore(ctx, f, sink)
	} else {
		err = exportFiles(ctx, e, f, inputs, sink)
	}
	if cerr := sink.close(); err == nil {
		err = cerr
	}
	return err
}

// exportStore writes the stored analyses that the filters select, oldest
// page last (the store lists newest first).
func exportStore(ctx context.Context, f *exportFlags, sink *exportSink) error {
	from, to, err := parley.ParseDateRange(f.since, f.until)
	if err != nil {
		return err
	}
	st, err := openExistingDB(ctx, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	filter := parley.ArticleFilter{Outlet: f.outlet, Speaker: f.speaker, Since: from, Until: to,
		PageRequest: parley.PageRequest{Limit: parley.MaxLimit}}
	for {
		p, err := st.Articles(ctx, filter)
		if err != nil {
			return err
		}
		for _, rec := range p.Items {
			sa, err := st.Article(ctx, rec.ID)
			if err != nil {
				return err
			}
			a, err := storedAnalysis(sa)
			if err != nil {
				return fmt.Errorf("article %s: %w", rec.ID, err)
			}
			if err := sink.write(a); err != nil {
				return err
			}
		}
		if p.Next == 0 {
			return nil
		}
		filter.Offset = p.Next
	}
}

// storedAnalysis rebuilds an analysis from what the store keeps: the
// analysis JSON, the text and the article's metadata.
func storedAnalysis(sa *parley.StoredArticle) (*parley.Doc, error) {
	var d export.Document
	if err := json.Unmarshal(sa.Analysis, &d); err != nil {
		return nil, fmt.Errorf("stored analysis: %w", err)
	}
	a, err := export.ToAnalysis(d, sa.Text)
	if err != nil {
		return nil, err
	}
	doc := &a.Document
	doc.Source = sa.Source
	doc.Title, doc.URL, doc.Outlet, doc.Author = cmp.Or(doc.Title, sa.Title), cmp.Or(doc.URL, sa.URL),
		cmp.Or(doc.Outlet, sa.Outlet), cmp.Or(doc.Author, sa.Author)
	if doc.Published.IsZero() && sa.Published != "" {
		doc.Published, _ = time.Parse(time.DateOnly, sa.Published)
	}
	return a, nil
}

// exportFiles analyses the inputs as parley extract does and writes each
// analysis to the sink.
func exportFiles(ctx context.Context, e *env, f *exportFlags, inputs []string, sink *exportSink) error {
	pub, err := parsePublishedFlag(f.published)
	if err != nil {
		return err
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(io.Discard) // the sink writes; extract's writer stays unused
	opts := extractOptions{sink: sink.write}
	return extractEach(ctx, e, p, inputs, w, opts, "sink", pub, f.workers, f.jsonl)
}

// exportSink writes analyses in one export format.
type exportSink struct {
	format  string
	gdelt   *export.GDELTWriter
	w       *bufio.Writer // claimreview and jsonl
	files   []*os.File
	opts    *exportFlags
	reviews int // ClaimReviews written so far
}

func newExportSink(e *env, f *exportFlags) (*exportSink, error) {
	s := &exportSink{format: f.format, opts: f}
	create := func(name string) (io.Writer, error) {
		fl, err := os.Create(name)
		if err != nil {
			return nil, err
		}
		s.files = append(s.files, fl)
		return fl, nil
	}
	if f.format != "gdelt" {
		var out io.Writer = e.stdout
		if f.out != "" {
			fl, err := create(f.out)
			if err != nil {
				return nil, err
			}
			out = fl
		}
		s.w = bufio.NewWriterSize(out, 64<<10)
		if f.format == "claimreview" {
			// One JSON-LD document for all articles, streamed: the graph's
			// nodes are written as they come.
			ctx, _ := json.Marshal(export.NewClaimReviewGraph().Context)
			fmt.Fprintf(s.w, "{\"@context\": %s,\n \"@graph\": [", ctx)
		}
		return s, nil
	}
	var outs export.GDELTOutputs
	if f.out == "" {
		switch f.table {
		case "events":
			outs.Events = e.stdout
		case "mentions":
			outs.Mentions = e.stdout
		case "extras":
			outs.Extras = e.stdout
		}
	} else {
		for _, t := range []struct {
			suffix string
			dst    *io.Writer
		}{{".export.CSV", &outs.Events}, {".mentions.CSV", &outs.Mentions}, {".parley.tsv", &outs.Extras}} {
			fl, err := create(f.out + t.suffix)
			if err != nil {
				s.closeFiles()
				return nil, err
			}
			*t.dst = fl
		}
	}
	s.gdelt = export.NewGDELTWriter(outs, export.GDELTOptions{Header: f.header})
	return s, nil
}

func (s *exportSink) write(a *parley.Doc) error {
	switch s.format {
	case "gdelt":
		return s.gdelt.Write(a)
	case "claimreview":
		for _, r := range export.AppendClaimReviews(nil, a, s.opts.review) {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if s.reviews > 0 {
				s.w.WriteString(",")
			}
			s.reviews++
			s.w.WriteString("\n  ")
			s.w.Write(b)
		}
		return nil
	}
	b, err := json.Marshal(export.FromAnalysis(a, export.Options{IncludeText: s.opts.includeText}))
	if err != nil {
		return err
	}
	s.w.Write(b)
	return s.w.WriteByte('\n')
}

func (s *exportSink) close() error {
	var err error
	if s.gdelt != nil {
		err = s.gdelt.Flush()
	} else {
		if s.format == "claimreview" {
			s.w.WriteString("\n]}\n")
		}
		err = s.w.Flush()
	}
	return errors.Join(err, s.closeFiles())
}

func (s *exportSink) closeFiles() error {
	var err error
	for _, f := range s.files {
		err = errors.Join(err, f.Close())
	}
	return err
}
