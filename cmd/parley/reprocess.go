package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
)

func reprocessCommand() command {
	return command{
		name:    "reprocess",
		summary: "re-analyse stored articles made by another extractor version",
		run:     runReprocess,
	}
}

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "", "the store (default: parley.db in the user's data directory, or $PARLEY_DB)")
	workers := fs.Int("workers", 0, "parallel extraction workers (0: all cores)")
	batch := fs.Int("batch", 64, "analyses per write transaction")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: parley reprocess [--db PATH]\n\nRe-analyses every stored article whose analysis was made by an extractor\nversion other than this one (%s), replacing the stored analysis.\n\nExample:\n  parley reprocess --db news.db\n\nFlags:\n", parley.Version)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if fs.NArg() > 0 || *batch < 1 {
		fs.Usage()
		return errors.New("reprocess takes flags only, and --batch of at least 1")
	}
	st, err := openExistingDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan parley.Document)
	listErr := make(chan error, 1)
	go func() {
		defer close(in)
		listErr <- st.Documents(ctx, parley.Version, func(d parley.Document) error {
			select {
			case in <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	start := time.Now()
	var pending []*parley.Doc
	done, failed := 0, 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if _, err := st.PutAnalyses(ctx, pending); err != nil {
			return err
		}
		done += len(pending)
		pending = pending[:0]
		return nil
	}
	for res := range p.Stream(ctx, in, *workers) {
		if res.Err != nil {
			fmt.Fprintf(e.stderr, "parley reprocess: %s: %v\n", res.Document.ID, res.Err)
			failed++
			continue
		}
		if pending = append(pending, res.Doc); len(pending) >= *batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if err := <-listErr; err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "parley reprocess: %d articles re-analysed with parley %s in %s\n", done, parley.Version, time.Since(start).Round(time.Millisecond))
	if failed > 0 {
		return fmt.Errorf("%d articles failed", failed)
	}
	return nil
}
