package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley/ner"
)

// clusterHeader opens data/clusters.tsv: where the classes come from.
const clusterHeader = `Word classes for the features of package ner, written by
  parley train clusters %s
from the unlabelled words (never the labels) of %s
(ner/data/cluster_text.tsv; licences there and in ner/data/README.md: derived from UD English
EWT, CC BY-SA 4.0; GUM, CC BY / public domain; wikigold, CC BY 4.0). Exchange algorithm
(ner/induce.go); words lower-cased, digits as 0; classes 0 and 1 are the sentence boundary and
the words seen fewer than --min times. Do not edit: regenerate.`

func runTrainClusters(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("train clusters", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	shared := fs.String("shared", defaultShared(), "the shared data folder (default $PARLEY_SHARED or ../shared)")
	out := fs.String("out", filepath.Join("ner", "data", "clusters.tsv"), "write the table to this file")
	classes := fs.String("classes", "32,128,512", "the numbers of classes of the three clusterings, coarse to fine")
	minCount := fs.Int("min", 2, "words seen fewer times get no class of their own")
	rounds := fs.Int("rounds", 20, "passes of the exchange algorithm over the vocabulary")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley train clusters [flags]\n\n"+
			"Induces the word classes of the recogniser's features from the unlabelled text of\n"+
			"ner/data/cluster_text.tsv and writes ner/data/clusters.tsv. Deterministic.\n"+
			"The shipped table: parley train clusters --shared ../shared\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseArgs(fs, args); err != nil {
		return parseErr(err)
	}
	var sizes []int
	for _, s := range strings.Split(*classes, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || k < 4 || k > 30000 {
			return fmt.Errorf("--classes: %q is no number of classes from 4 to 30000", s)
		}
		sizes = append(sizes, k)
	}
	if len(sizes) != 3 {
		return fmt.Errorf("--classes: want three clusterings, got %d", len(sizes))
	}
	parts, err := ner.TextParts()
	if err != nil {
		return err
	}
	var sents [][]string
	var names []string
	for _, p := range parts {
		s, err := ner.ReadText(*shared, p)
		if err != nil {
			return fmt.Errorf("text part %s: %w", p.Name, err)
		}
		sents = append(sents, s...)
		names = append(names, p.Name)
	}
	start := time.Now()
	c := ner.Induce(sents, ner.InduceOptions{Classes: sizes, MinCount: *minCount, Rounds: *rounds})
	flags := fmt.Sprintf("--classes %s --min %d --rounds %d", *classes, *minCount, *rounds)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := c.WriteTSV(f, fmt.Sprintf(clusterHeader, flags, strings.Join(names, ", "))); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "parley train clusters: %d sentences, %d words clustered, wrote %s in %.1fs\n", len(sents), len(c.Words), *out, time.Since(start).Seconds())
	return nil
}
