package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/conllu"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

func parseCommand() command {
	return command{
		name:    "parse",
		summary: "tag, lemmatise and parse to CoNLL-U: parse [--conllu] FILE|-",
		run:     runParse,
	}
}

const parseUsage = `Usage: parley parse [--conllu] [--model DIR] FILE|-

Writes CoNLL-U with LEMMA, UPOS, XPOS, HEAD and DEPREL filled in.
Plain text is split into sentences and words by parley's segmenter;
with --conllu the input's sentences and words are parsed as given, and
comments, multi-word token lines, empty nodes and the other columns pass
through unchanged. A malformed CoNLL-U sentence is reported with its line
number and skipped; the others are parsed and the exit status is 1.

Examples:
  parley parse testdata/riyadh-talks.txt
  GOMAXPROCS=1 parley parse --conllu --stats en_ewt-ud-dev.conllu > pred.conllu

Flags:`

func runParse(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asConllu := fs.Bool("conllu", false, "the input is CoNLL-U: parse its words as given")
	modelDir := fs.String("model", "", "use the model in DIR (en.bin, lemmas.tsv) instead of the embedded one")
	stats := fs.Bool("stats", false, "print words/s, CPU time, model load time and peak memory to stderr")
	fs.Usage = func() { fmt.Fprintln(e.stderr, parseUsage); fs.PrintDefaults() }
	name, err := oneArg(fs, args, "one FILE or -")
	if err != nil || name == "" {
		return err
	}
	start := time.Now()
	su, ss, _ := processUsage() // the process's start-up so far (package initialisers)
	m, err := loadSyntax(*modelDir)
	if err != nil {
		return err
	}
	loaded := time.Now()
	lu, ls, _ := processUsage()
	in := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	var c counts
	if *asConllu {
		c, err = parseConllu(ctx, e, m, name, in, w)
	} else {
		var b []byte
		if b, err = io.ReadAll(in); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		c, err = parseText(ctx, m, string(b), w)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if *stats {
		wall := time.Since(start).Seconds()
		user, sys, _ := processUsage()
		cpu := user + sys
		fmt.Fprintf(e.stderr, "parsed %d sentences, %d words in %.3f s: %.0f words/s (wall, model load included); "+
			"CPU %.3f s: %.0f words per CPU-second (%.0f without start-up and load); start-up %.0f ms CPU; model load %.0f ms wall, %.0f ms CPU; peak RSS %.1f MB; GOMAXPROCS %d\n",
			c.sentences, c.words, wall, float64(c.words)/wall, cpu, float64(c.words)/cpu, float64(c.words)/(cpu-lu-ls),
			(su+ss)*1000, loaded.Sub(start).Seconds()*1000, (lu+ls-su-ss)*1000, procStatusMB("VmHWM"), runtime.GOMAXPROCS(0))
	}
	return err
}

// counts are what a parse run did.
type counts struct{ sentences, words int }

func loadSyntax(dir string) (*syntax.Model, error) {
	if dir != "" {
		return syntax.LoadDir(dir)
	}
	return syntax.Load()
}

// oneArg parses the flags and the one positional argument; "" and no error
// means -h was asked for.
func oneArg(fs *flag.FlagSet, args []string, want string) (string, error) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", nil
		}
		return "", errSilent
	}
	if len(pos) != 1 {
		fs.Usage()
		return "", fmt.Errorf("want %s", want)
	}
	return pos[0], nil
}

// eachSentence calls fn with each well-formed sentence of in. A malformed one
// is reported on stderr with the input's name and the line, and counted;
// reading goes on with the next. With reuse, every sentence is read into
// the same Sentence (conllu.Reader.NextInto), which fn must not keep.
func eachSentence(ctx context.Context, e *env, cmd, name string, in io.Reader, reuse bool, fn func(*conllu.Sentence) error) (failed int, err error) {
	r := conllu.NewReader(in)
	var into conllu.Sentence
	for {
		var s *conllu.Sentence
		if reuse {
			s, err = &into, r.NextInto(&into)
		} else {
			s, err = r.Next()
		}
		if errors.Is(err, io.EOF) {
			return failed, nil
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "parley %s: %s:%v\n", cmd, name, err)
			var ce *conllu.Error
			if !errors.As(err, &ce) {
				return failed + 1, errSilent // a read error: nothing after it can be read
			}
			failed++
			continue
		}
		if err := ctx.Err(); err != nil {
			return failed, err
		}
		if err := fn(s); err != nil {
			return failed, err
		}
	}
}

// parseConllu parses each sentence of in and writes it to w; malformed
// sentences are reported on stderr and counted.
func parseConllu(ctx context.Context, e *env, m *syntax.Model, name string, in io.Reader, w *bufio.Writer) (counts, error) {
	var c counts
	p := m.NewParser()
	var forms []string
	var idx []int
	var out []syntax.Word
	failed, err := eachSentence(ctx, e, "parse", name, in, true, func(s *conllu.Sentence) error {
		out = annotate(p, s, &forms, &idx, out)
		c.sentences++
		c.words += len(out)
		return conllu.Write(w, s)
	})
	if err != nil {
		return c, err
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "parley parse: %s: %d malformed sentences skipped\n", name, failed)
		return c, errSilent
	}
	return c, nil
}

// annotate parses the words of s and fills their LEMMA, UPOS, XPOS, HEAD and
// DEPREL. The slices are scratch space reused from sentence to sentence.
func annotate(p *syntax.Parser, s *conllu.Sentence, forms *[]string, idx *[]int, out []syntax.Word) []syntax.Word {
	*idx = s.Words((*idx)[:0])
	*forms = (*forms)[:0]
	for _, i := range *idx {
		*forms = append(*forms, s.Tokens[i].Form)
	}
	out = p.Parse(*forms, out)
	for j, i := range *idx {
		t, a := &s.Tokens[i], &out[j]
		t.Lemma, t.UPOS, t.XPOS = a.Lemma, a.POS.String(), a.XPOS
		t.Head, t.Deprel = strconv.Itoa(a.Head), a.Deprel
	}
	return out
}

// parseText segments plain text, parses each sentence and writes CoNLL-U.
func parseText(ctx context.Context, m *syntax.Model, s string, w *bufio.Writer) (counts, error) {
	var c counts
	p := m.NewParser()
	var out []syntax.Word
	var forms []string
	for i, sent := range textSentences(s) {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		forms = forms[:0]
		for _, t := range sent.words {
			forms = append(forms, t.form)
		}
		out = p.Parse(forms, out)
		cs := &conllu.Sentence{Comments: []string{"# sent_id = " + strconv.Itoa(i+1), "# text = " + sent.text}}
		for j, t := range sent.words {
			misc := "_"
			if !t.spaceAfter {
				misc = "SpaceAfter=No"
			}
			a := out[j]
			cs.Tokens = append(cs.Tokens, conllu.Token{ID: strconv.Itoa(j + 1), Form: t.form, Lemma: a.Lemma,
				UPOS: a.POS.String(), XPOS: a.XPOS, Feats: "_", Head: strconv.Itoa(a.Head), Deprel: a.Deprel, Deps: "_", Misc: misc})
		}
		c.sentences++
		c.words += len(out)
		if err := conllu.Write(w, cs); err != nil {
			return c, err
		}
	}
	return c, nil
}

type plainSentence struct {
	text  string
	words []plainWord
}

type plainWord struct {
	form       string
	spaceAfter bool
}

// textSentences is the one place where parley's segmentation becomes the
// parser's sentences and words: each token of text.SegmentString is a word
// (its tokenizer splits contractions as the treebank does, "do" + "n't").
func textSentences(s string) []plainSentence {
	d := text.SegmentString(s)
	var out []plainSentence
	for _, sent := range d.Sentences {
		ps := plainSentence{text: strings.Join(strings.Fields(d.Text[sent.Start:sent.End]), " ")}
		for i := sent.First; i < sent.Last; i++ {
			form := d.Tok(i)
			if i+1 < sent.Last && d.Tokens[i+1].Is(parley.Abbrev) {
				i++ // "Mr." is one word, as UD writes it
				form += d.Tok(i)
			}
			space := d.Tokens[i].Is(parley.SpaceAfter) || i+1 == sent.Last
			ps.words = append(ps.words, plainWord{form: form, spaceAfter: space})
		}
		if len(ps.words) > 0 {
			out = append(out, ps)
		}
	}
	return out
}
