package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/eval"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/syntax"
)

// scored is one rule event or one empty sentence's root of the gold file,
// with the classifier's type and margin.
type scored struct {
	doc   int
	event int // index in the doc's events, -1 for an empty sentence's root
	typ   string
	marg  float64
	sent  int // the sentence of the trigger
}

// measure codes the gold sentences, classifies the rules' triggers and the
// roots of sentences without events, reports how often the classifier and
// the rules agree and who is right when they do not, and scores the uses:
// retyping a rule event when the margin is at least θ, proposing an event
// (without actors) in an empty sentence when it is, and both.
func measure(p *pipeline.Pipeline, parser *syntax.Parser, model *perceptron, gold string, defaults map[string]string, show bool) error {
	f, err := os.Open(gold)
	if err != nil {
		return err
	}
	golds, err := eval.ReadEventDocs(f, gold)
	f.Close()
	if err != nil {
		return err
	}
	stories := make([]story, len(golds))
	for i, g := range golds {
		stories[i] = story{ID: g.ID, Text: g.Text}
	}
	base := make([]eval.EventDoc, len(golds))
	var cands []scored
	err = analyse(p, stories, func(i int, d *parley.Doc) {
		base[i] = eval.EventPrediction(stories[i].ID, d)
		cands = append(cands, classify(d, parser, model, i)...)
	})
	if err != nil {
		return err
	}
	diagnose(golds, base, cands, show)
	fmt.Printf("\n%-8s %-10s %6s %6s %8s\n", "use", "θ", "root", "plover", "@country")
	row := func(use string, th float64, pred []eval.EventDoc) {
		r := eval.ScoreEvents(golds, pred, false).All
		fmt.Printf("%-8s %-10.2f %6.3f %6.3f %8.3f\n", use, th, r["root"].F1, r["plover"].F1, r["root+src+tgt@country"].F1)
	}
	row("rules", 0, base)
	if show {
		for _, c := range cands {
			if c.event < 0 && c.marg >= 10 {
				fmt.Printf("proposed %s (%.1f) in %s: %s | gold %v\n", c.typ, c.marg, golds[c.doc].ID, golds[c.doc].Text, golds[c.doc].Events)
			}
		}
	}
	for _, th := range thresholds(cands) {
		row("retype", th, apply(base, cands, defaults, th, true, false))
		row("propose", th, apply(base, cands, defaults, th, false, true))
		row("veto", th, veto(base, cands, th))
	}
	return nil
}

// classify scores the triggers of d's events and the root of each sentence
// that has none.
func classify(d *parley.Doc, parser *syntax.Parser, model *perceptron, doc int) []scored {
	var out []scored
	has := map[int]bool{}
	for k, e := range d.Events {
		t := triggerToken(d, e)
		if t < 0 {
			continue
		}
		si := d.SentenceOf(t)
		has[si] = true
		ensureParsed(d, parser, d.Sentences[si])
		typ, m := model.predict(features(d, d.Sentences[si], t))
		out = append(out, scored{doc, k, typ, m, si})
	}
	for si, s := range d.Sentences {
		if has[si] {
			continue
		}
		ensureParsed(d, parser, s)
		if r := rootOf(d, s); r >= 0 && d.Tokens[r].POS == parley.VERB {
			typ, m := model.predict(features(d, s, r))
			out = append(out, scored{doc, -1, typ, m, si})
		}
	}
	return out
}

// apply returns a copy of base with the classifier's decisions of margin at
// least th: a rule event retyped (its CAMEO code the one the rules most
// often give that type), and/or an event proposed for an empty sentence.
func apply(base []eval.EventDoc, cands []scored, defaults map[string]string, th float64, retype, propose bool) []eval.EventDoc {
	out := make([]eval.EventDoc, len(base))
	for i, b := range base {
		out[i] = eval.EventDoc{ID: b.ID, Events: append([]eval.EventCode(nil), b.Events...)}
	}
	for _, c := range cands {
		if c.marg < th {
			continue
		}
		code := eval.EventCode{CAMEO: eval.NewEventField(defaults[c.typ]), PLOVER: eval.NewEventField(c.typ)}
		switch {
		case c.typ == "none":
			continue
		case c.event >= 0 && retype:
			e := &out[c.doc].Events[c.event]
			if e.PLOVER.String() != c.typ {
				e.CAMEO, e.PLOVER = code.CAMEO, code.PLOVER
			}
		case c.event < 0 && propose:
			out[c.doc].Events = append(out[c.doc].Events, code)
		}
	}
	return out
}

// thresholds are the margins at which a quarter, a half … of the
// candidates pass.
func thresholds(c []scored) []float64 {
	ms := make([]float64, len(c))
	for i := range c {
		ms[i] = c[i].marg
	}
	sort.Float64s(ms)
	var out []float64
	for _, q := range []float64{0, 0.25, 0.5, 0.75, 0.9, 0.95} {
		if len(ms) > 0 {
			out = append(out, ms[int(q*float64(len(ms)-1))])
		}
	}
	return out
}

// diagnose counts, over the gold's sentences, agreement of the classifier
// with the rules' types, and who matches the gold types when they differ.
func diagnose(golds, base []eval.EventDoc, cands []scored, show bool) {
	var agree, ruleRight, clfRight, neither, empty, emptyRight int
	for _, c := range cands {
		types := map[string]bool{}
		for _, e := range golds[c.doc].Events {
			types[e.PLOVER.String()] = true
		}
		if c.event < 0 {
			empty++
			if types[c.typ] {
				emptyRight++
			}
			continue
		}
		rt := base[c.doc].Events[c.event].PLOVER.String()
		switch {
		case rt == c.typ:
			agree++
		case types[rt]:
			ruleRight++
			if show {
				fmt.Printf("rules right: %s over the classifier's %s (%.1f)\n", rt, c.typ, c.marg)
			}
		case types[c.typ]:
			clfRight++
			if show {
				fmt.Printf("classifier right: %s (%.1f) over the rules' %s in %s\n", c.typ, c.marg, rt, golds[c.doc].ID)
			}
		default:
			neither++
		}
	}
	fmt.Printf("rule events: classifier agrees %d; differs: rules right %d, classifier right %d, neither %d\n", agree, ruleRight, clfRight, neither)
	fmt.Printf("empty sentences with a verb root: %d, classifier's type in the gold %d\n", empty, emptyRight)
}

// proposals reports, on news articles, how many sentences without a rule
// event the classifier would give one at each margin, with a sample to read:
// the gold has no event-free sentences, so over-generation shows only here.
func proposals(p *pipeline.Pipeline, parser *syntax.Parser, model *perceptron, path string, n int, show bool) error {
	stories, err := readStories(path, n)
	if err != nil {
		return err
	}
	var ms []float64
	sents, ruled := 0, 0
	var sample []string
	err = analyse(p, stories, func(_ int, d *parley.Doc) {
		sents += len(d.Sentences)
		for _, c := range classify(d, parser, model, 0) {
			if c.event >= 0 {
				ruled++
				continue
			}
			ms = append(ms, c.marg)
			if c.marg >= 10 && show {
				sample = append(sample, fmt.Sprintf("%s %.1f | %s", c.typ, c.marg, sentenceText(d, c.sent)))
			}
		}
	})
	if err != nil {
		return err
	}
	for i := 0; i < len(sample); i += max(len(sample)/30, 1) {
		fmt.Println("  proposed", sample[i])
	}
	fmt.Printf("news: %d articles, %d sentences, %d rule events, %d empty sentences with a verb root\n", len(stories), sents, ruled, len(ms))
	for _, th := range []float64{5, 10, 15, 20, 30} {
		k := 0
		for _, m := range ms {
			if m >= th {
				k++
			}
		}
		fmt.Printf("  proposals at θ %.0f: %d\n", th, k)
	}
	return nil
}

func sentenceText(d *parley.Doc, si int) string {
	s := d.Sentences[si]
	return d.Text[d.Tokens[s.First].Start:d.Tokens[s.Last-1].End]
}

// veto returns base without the rule events the classifier calls "none"
// with a margin of at least th.
func veto(base []eval.EventDoc, cands []scored, th float64) []eval.EventDoc {
	drop := map[[2]int]bool{}
	for _, c := range cands {
		if c.event >= 0 && c.typ == "none" && c.marg >= th {
			drop[[2]int{c.doc, c.event}] = true
		}
	}
	out := make([]eval.EventDoc, len(base))
	for i, b := range base {
		out[i] = eval.EventDoc{ID: b.ID, Events: []eval.EventCode{}}
		for k, e := range b.Events {
			if !drop[[2]int{i, k}] {
				out[i].Events = append(out[i].Events, e)
			}
		}
	}
	return out
}
