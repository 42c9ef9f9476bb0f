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
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/pipeline"
)

// scoredTypes are the types parley's entity layer reports; MISC is "none
// of these".
func scoredTypes() []string {
	return []string{ner.Person.String(), ner.Org.String(), ner.Place.String()}
}

// nerReport is what parley eval ner prints with --json.
type nerReport struct {
	File      string `json:"file"`
	Scheme    string `json:"scheme"`
	System    string `json:"system"`
	Folds     int    `json:"folds,omitempty"`
	Documents int    `json:"documents"`
	Sentences int    `json:"sentences"`
	eval.NERScore
	Metrics map[string]nerMetrics `json:"metrics"`
	Seconds float64               `json:"seconds"`
}

type nerMetrics struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func runEvalNER(ctx context.Context, e *env, args []string) error {
	parts, err := ner.Parts()
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	system := fs.String("system", "model", "what to score: model (the statistical recogniser) or rules (the entity layer through pipeline level Core)")
	modelPath := fs.String("model", "", "score this model file instead of the embedded one")
	scheme := fs.String("scheme", "auto", "the gold file's labels: conll, re3d, or auto (from its labels)")
	folds := fs.Int("cv", 0, "k-fold cross-validation by document: train on the training parts and k-1 folds, score the held-out fold, sum the counts")
	errorsOut := fs.String("errors", "", "write the sentences with missed or spurious entities as JSONL to this file")
	tf := addTrainFlags(fs, parts)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley eval ner GOLD.conll [flags]\n\n"+
			"Scores entities CoNLL-style: exact span and type, precision, recall and F1 for PERSON,\n"+
			"ORG and PLACE and overall. MISC gold spans are no entity: predicting one of the three on\n"+
			"them is a false positive. With the re3d scheme only names count (ner.NameRule), and\n"+
			"predictions inside its non-name annotations are left out.\n\nFlags:")
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
	kit, err := loadNERKit()
	if err != nil {
		return err
	}
	gold, sch, err := kit.loader.ReadCoNLLFile(pos[0], *scheme)
	if err != nil {
		return err
	}
	sents, _ := countWords(gold)
	rep := nerReport{File: pos[0], Scheme: sch.Name, System: *system, Folds: *folds, Documents: len(gold), Sentences: sents}
	start := time.Now()
	var pred [][]ner.Mention
	switch {
	case *folds > 0 && *system != "model":
		return errors.New("--cv trains models: it needs --system model")
	case *folds > 0:
		pred, err = crossValidate(ctx, e, kit, tf, pos[0], gold, *folds)
	case *system == "model":
		var m *ner.Model
		if m, err = loadModel(kit, *modelPath); err == nil && m.UsesPOS() {
			err = tagPOS(gold)
		}
		if err == nil {
			pred = tagDocs(m, gold)
			if *modelPath != "" {
				rep.System = "model " + *modelPath
			}
		}
	case *system == "rules":
		pred, err = rulesDocs(ctx, e, gold)
	default:
		return fmt.Errorf("unknown system %q (model, rules)", *system)
	}
	if err != nil {
		return err
	}
	if pred != nil {
		g, ign := goldSpans(gold)
		rep.NERScore = eval.ScoreNER(g, predSpans(gold, pred), ign, scoredTypes())
		if *errorsOut != "" {
			if err := writeJSONLFile(*errorsOut, nerErrors(gold, pred)); err != nil {
				return err
			}
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	rep.Metrics = map[string]nerMetrics{"overall": metricsOf(rep.Overall)}
	for t, c := range rep.Types {
		rep.Metrics[t] = metricsOf(c)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(rep)
	}
	return writeNERTable(e.stdout, rep)
}

func metricsOf(c eval.NERCounts) nerMetrics {
	return nerMetrics{Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}
}

func loadModel(kit *nerKit, path string) (*ner.Model, error) {
	if path == "" {
		return ner.Load(kit.lex, kit.roles)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Read(f, kit.lex, kit.roles)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// tagDocs tags every document with m; the result has one slice per document.
func tagDocs(m *ner.Model, docs []ner.Document) [][]ner.Mention {
	t := m.NewTagger()
	out := make([][]ner.Mention, len(docs))
	var sents []ner.Sentence
	for i, d := range docs {
		sents = sents[:0]
		for _, l := range d.Sentences {
			sents = append(sents, ner.Sentence{Words: l.Words, POS: l.POS})
		}
		out[i] = append([]ner.Mention(nil), t.Tag(sents)...)
	}
	return out
}

// scoreModel tags docs with m and scores the result.
func scoreModel(m *ner.Model, docs []ner.Document) eval.NERScore {
	g, ign := goldSpans(docs)
	return eval.ScoreNER(g, predSpans(docs, tagDocs(m, docs)), ign, scoredTypes())
}

func summary(sc eval.NERScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "F1 %.3f (P %.3f R %.3f)", sc.Overall.F1(), sc.Overall.Precision(), sc.Overall.Recall())
	for _, t := range scoredTypes() {
		fmt.Fprintf(&b, ", %s %.3f", t, sc.Types[t].F1())
	}
	return b.String()
}

// goldSpans numbers the sentences of docs across the corpus and returns
// their spans and ignored regions.
func goldSpans(docs []ner.Document) (gold, ignore []eval.EntitySpan) {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, sp := range s.Spans {
				gold = append(gold, eval.EntitySpan{Sent: n, Start: sp.Start, End: sp.End, Type: sp.Type.String()})
			}
			for _, sp := range s.Ignore {
				ignore = append(ignore, eval.EntitySpan{Sent: n, Start: sp.Start, End: sp.End, Type: sp.Type.String()})
			}
			n++
		}
	}
	return gold, ignore
}

// predSpans numbers the predictions' sentences as goldSpans does: pred[i]
// holds the mentions of docs[i].
func predSpans(docs []ner.Document, pred [][]ner.Mention) []eval.EntitySpan {
	var out []eval.EntitySpan
	base := 0
	for i, ms := range pred {
		for _, m := range ms {
			out = append(out, eval.EntitySpan{Sent: base + m.Sent, Start: m.Start, End: m.End, Type: m.Type.String()})
		}
		base += len(docs[i].Sentences)
	}
	return out
}

func writeNERTable(w io.Writer, r nerReport) error {
	how := r.System
	if r.Folds > 0 {
		how = fmt.Sprintf("model, %d-fold cross-validation by document", r.Folds)
	}
	fmt.Fprintf(w, "%s: %d documents, %d sentences, scheme %s, system %s\n\n", r.File, r.Documents, r.Sentences, r.Scheme, how)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tgold\tpred\tcorrect\tP\tR\tF1\t")
	row := func(name string, c eval.NERCounts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, c.Gold, c.Pred, c.Correct, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range scoredTypes() {
		row(t, r.Types[t])
	}
	row("all", r.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nright span, wrong type: %d; false positives on MISC gold spans: %d; predictions in ignored (non-name) annotations: %d\n",
		r.WrongType, r.OnUnscored, r.Ignored)
	return err
}

// rulesDocs runs the rule-based entity layer (pipeline level Core) over
// each document, its sentences as lines of text, and maps the name mentions
// of people, organisations and places back to the gold words.
func rulesDocs(ctx context.Context, e *env, docs []ner.Document) ([][]ner.Mention, error) {
	texts := make([]parley.Document, len(docs))
	layouts := make([]*textLayout, len(docs))
	for i, d := range docs {
		layouts[i] = layoutText(d)
		texts[i] = parley.Document{ID: fmt.Sprint(i), Text: layouts[i].text}
	}
	out := make([][]ner.Mention, len(docs))
	i := 0
	err := analyse(ctx, e, "eval ner", texts, 0, func(res pipeline.Result) {
		for ; texts[i].ID != res.Document.ID; i++ {
		}
		out[i] = layouts[i].mentions(res.Doc)
		i++
	}, pipeline.WithLevel(pipeline.Core))
	return out, err
}
