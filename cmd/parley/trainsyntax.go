package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parley-news/parley/conllu"
	"github.com/parley-news/parley/syntax"
)

const trainSyntaxUsage = `Usage: parley train syntax [flags]

Trains the tagger, lemmatizer and dependency parser on a UD treebank
(DIR/*-ud-train.conllu, epochs chosen on DIR/*-ud-dev.conllu) and writes
OUT/en.bin (the compressed model) and OUT/lemmas.tsv. The same data and seed
give the same bytes.

Example:
  go run ./cmd/parley train syntax --data /work/shared/data/syntax --seed 1 --out syntax/model

Flags:`

// runTrainSyntax trains the tagger, lemmatizer and parser (args follow
// "train syntax").
func runTrainSyntax(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("train syntax", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	data := fs.String("data", "", "folder with the treebank's train and dev CoNLL-U files")
	out := fs.String("out", "syntax/model", "folder to write en.bin and lemmas.tsv to")
	seed := fs.Uint64("seed", 1, "seed of the training order")
	var o syntax.TrainOptions
	fs.IntVar(&o.TagEpochs, "tag-epochs", 0, "at most this many tagger epochs (0: default 10)")
	fs.IntVar(&o.ParseEpochs, "parse-epochs", 0, "at most this many parser epochs (0: default 15)")
	fs.Float64Var(&o.Prune, "prune", 0, "drop averaged weights below this many perceptron updates (0: default 1)")
	fs.Usage = func() { fmt.Fprintln(e.stderr, trainSyntaxUsage); fs.PrintDefaults() }
	if _, err := parseArgs(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errSilent
	}
	if *data == "" {
		fs.Usage()
		return errors.New("--data is required")
	}
	trainFile, err := findSplit(*data, "train")
	if err != nil {
		return err
	}
	devFile, err := findSplit(*data, "dev")
	if err != nil {
		return err
	}
	train, err := readTreebank(trainFile)
	if err != nil {
		return err
	}
	dev, err := readTreebank(devFile)
	if err != nil {
		return err
	}
	o.Seed, o.Log = *seed, e.stderr
	m, lemmas, err := syntax.Train(ctx, train, dev, o)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"en.bin": buf.Bytes(), "lemmas.tsv": lemmas} {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "wrote %s (%d bytes) and lemmas.tsv (%d bytes)\n", filepath.Join(*out, "en.bin"), buf.Len(), len(lemmas))
	return nil
}

// findSplit finds the one *-ud-SPLIT.conllu file of a treebank folder.
func findSplit(dir, split string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*-ud-"+split+".conllu"))
	if err != nil || len(m) != 1 {
		return "", fmt.Errorf("%s: want one *-ud-%s.conllu file, found %d", dir, split, len(m))
	}
	return m[0], nil
}

// readTreebank reads a whole CoNLL-U file; any malformed line fails it.
func readTreebank(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, err := conllu.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
