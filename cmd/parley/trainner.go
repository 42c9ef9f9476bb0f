package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/syntax"
)

// nerKit is what training and scoring the recogniser need.
type nerKit struct {
	lex    *lexicon.Lexicon
	roles  *lexicon.Roles
	loader *ner.Loader
}

func loadNERKit() (*nerKit, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("loading lexicon: %w", err)
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		return nil, fmt.Errorf("loading roles: %w", err)
	}
	rule, err := ner.NewNameRule(roles)
	if err != nil {
		return nil, err
	}
	loader, err := ner.NewLoader(rule)
	if err != nil {
		return nil, err
	}
	return &nerKit{lex: lex, roles: roles, loader: loader}, nil
}

// defaultShared is $PARLEY_SHARED, else ../shared.
func defaultShared() string {
	if d := os.Getenv("PARLEY_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "shared")
}

// trainFlags are the flags training shares with cross-validation.
type trainFlags struct {
	shared     *string
	seed       *uint64
	epochs     *int
	buckets    *uint
	upper      *float64
	swap       *float64
	parts      *string
	exclude    *string
	pos        *bool
	allowParts []ner.Part
}

func addTrainFlags(fs *flag.FlagSet, parts []ner.Part) *trainFlags {
	return &trainFlags{
		shared:     fs.String("shared", defaultShared(), "the shared data folder (default $PARLEY_SHARED or ../shared)"),
		seed:       fs.Uint64("seed", 1, "random seed: the order of documents and the sentences shown in capitals"),
		epochs:     fs.Int("epochs", 15, "passes over the training data"),
		buckets:    fs.Uint("buckets", 19, "log2 of the rows of the hashed feature table"),
		upper:      fs.Float64("upper", 0.05, "share of training sentences shown in capitals, as headings (negative: none)"),
		swap:       fs.Float64("swap", 0.2, "share of organisation and place names replaced by lexicon names of the type in each epoch (negative: none)"),
		parts:      fs.String("parts", ner.PartNames(parts), "training corpora, comma-separated (of "+ner.PartNames(parts)+")"),
		exclude:    fs.String("exclude", "", "leave out training documents whose ID holds this string"),
		pos:        fs.Bool("pos", false, "tag the words with the syntax model and use the tags as features (for measuring: the pipeline gives the recogniser no tags)"),
		allowParts: parts,
	}
}

func (f *trainFlags) options() ner.TrainOptions {
	return ner.TrainOptions{Epochs: *f.epochs, Seed: *f.seed, LogBuckets: uint8(*f.buckets), UpperShare: *f.upper, SwapShare: *f.swap, UsePOS: *f.pos}
}

// selected returns the parts named by --parts.
func (f *trainFlags) selected() ([]ner.Part, error) {
	var out []ner.Part
	for _, name := range strings.Split(*f.parts, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		i := slices.IndexFunc(f.allowParts, func(p ner.Part) bool { return p.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("unknown training part %q (of %s)", name, ner.PartNames(f.allowParts))
		}
		out = append(out, f.allowParts[i])
	}
	return out, nil
}

// readParts reads the selected parts, leaving out those whose file is skip
// (the gold file of a cross-validation, whose folds take its place).
func (k *nerKit) readParts(f *trainFlags, skip string) ([]ner.Document, error) {
	parts, err := f.selected()
	if err != nil {
		return nil, err
	}
	var docs []ner.Document
	for _, p := range parts {
		if skip != "" && sameFile(filepath.Join(*f.shared, p.Path), skip) {
			continue
		}
		d, err := k.loader.ReadPart(*f.shared, p)
		if err != nil {
			return nil, fmt.Errorf("training part %s: %w", p.Name, err)
		}
		if *f.exclude != "" {
			d = slices.DeleteFunc(d, func(doc ner.Document) bool { return strings.Contains(doc.ID, *f.exclude) })
		}
		docs = append(docs, d...)
	}
	if *f.pos {
		if err := tagPOS(docs); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func countWords(docs []ner.Document) (sents, words int) {
	for _, d := range docs {
		for _, s := range d.Sentences {
			sents++
			words += len(s.Words)
		}
	}
	return sents, words
}

func runTrainNER(ctx context.Context, e *env, args []string) error {
	parts, err := ner.Parts()
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	tf := addTrainFlags(fs, parts)
	out := fs.String("out", filepath.Join("ner", "model", "en.bin"), "write the model to this file")
	dev := fs.String("dev", "", "score this CoNLL gold file after each epoch")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley train ner [flags]\n\n"+
			"Trains the named-entity recogniser on the shared corpora whose licences let the model\n"+
			"ship (ner/data/training_parts.tsv) and writes it. The same data, flags and seed give\n"+
			"the same bytes. The shipped model: parley train ner --shared ../shared --seed 2\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseArgs(fs, args); err != nil {
		return parseErr(err)
	}
	kit, err := loadNERKit()
	if err != nil {
		return err
	}
	docs, err := kit.readParts(tf, "")
	if err != nil {
		return err
	}
	sents, words := countWords(docs)
	fmt.Fprintf(e.stderr, "parley train ner: %d documents, %d sentences, %d words from %s\n", len(docs), sents, words, *tf.parts)
	opt := tf.options()
	opt.Log = e.stderr
	if *dev != "" {
		gold, scheme, err := kit.loader.ReadCoNLLFile(*dev, "auto")
		if err != nil {
			return err
		}
		opt.OnEpoch = func(epoch int, m *ner.Model) error {
			sc := scoreModel(m, gold)
			fmt.Fprintf(e.stderr, "  dev %s (%s): %s\n", filepath.Base(*dev), scheme.Name, summary(sc))
			return nil
		}
	}
	start := time.Now()
	m, err := ner.Train(ctx, docs, kit.lex, kit.roles, opt)
	if err != nil {
		return err
	}
	n, err := writeModel(*out, m)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "parley train ner: wrote %s (%.2f MB) in %.1fs\n", *out, float64(n)/1e6, time.Since(start).Seconds())
	return nil
}

// writeModel writes m to path through a temporary file, so a failed run
// leaves the old model in place.
func writeModel(path string, m *ner.Model) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".en.bin-*")
	if err != nil {
		return 0, err
	}
	n, err := m.WriteTo(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, errors.Join(fmt.Errorf("writing %s", path), err)
	}
	return n, nil
}

// tagPOS writes the syntax model's part-of-speech tags into the sentences
// of docs (--pos). The pipeline gives the shipped model no tags: tagging
// every sentence it reads costs about a third more CPU (docs/MEASURE.md).
func tagPOS(docs []ner.Document) error {
	m, err := syntax.Load()
	if err != nil {
		return err
	}
	p := m.NewParser()
	var out []syntax.Word
	for i := range docs {
		for j := range docs[i].Sentences {
			l := &docs[i].Sentences[j]
			out = p.Tag(l.Words, out)
			l.POS = make([]string, len(out))
			for k, w := range out {
				l.POS[k] = w.POS.String()
			}
		}
	}
	return nil
}
