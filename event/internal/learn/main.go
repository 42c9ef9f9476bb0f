// Command learn trains an averaged-perceptron PLOVER classifier over the
// features of a candidate trigger (its lemma, its dependents on parley's
// parse, the kinds of the entities they name, negation) on the NGEC
// synthetic stories (MIT, story-level silver labels), and measures on an
// events gold file whether it improves the rule coder when used to retype
// the rules' events or to propose events in sentences the rules leave
// empty. It is an experiment, not part of the CLI (docs/events.md, tenth
// round):
//
//	go run ./event/internal/learn -silver ../shared/data/events/silver_ngec_synthetic.jsonl \
//	    -gold ../shared/data/events/dev.jsonl
//
// The gold file is only scored, never trained on.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/syntax"
)

type story struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Events []struct {
		PLOVER *string `json:"plover"`
	} `json:"events"`
}

func main() {
	silver := flag.String("silver", "", "silver stories (JSONL with one PLOVER label per story)")
	gold := flag.String("gold", "", "events gold file to score on (never trained on)")
	derive := flag.String("derive", "rules", "training examples per story: lede (the first sentence's root), rules (the triggers of the rules' events of the story's type), both")
	epochs := flag.Int("epochs", 10, "training passes")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	limit := flag.Int("limit", 0, "use only the first n stories (0: all)")
	news := flag.String("news", "", "also report the events proposed in the first -newsdocs articles of this news JSONL")
	newsDocs := flag.Int("newsdocs", 200, "articles of -news to read")
	none := flag.Int("none", 0, "also train a \"none\" type on the roots of every n-th sentence after the first that the rules leave empty (0: no none type)")
	show := flag.Bool("show", false, "print the cases: disagreements with the rules, proposals on the gold and a sample of proposals on the news")
	flag.Parse()
	cfg := config{derive: *derive, epochs: *epochs, seed: *seed, limit: *limit, news: *news, newsDocs: *newsDocs, show: *show, none: *none}
	if err := run(*silver, *gold, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "learn:", err)
		os.Exit(1)
	}
}

// config holds the flags that shape a run.
type config struct {
	derive   string
	epochs   int
	seed     uint64
	limit    int
	news     string
	newsDocs int
	show     bool
	none     int // every n-th empty later sentence is a "none" example (0: none)
}

func run(silver, gold string, cfg config) error {
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	m, err := syntax.Load()
	if err != nil {
		return err
	}
	parser := m.NewParser()
	stories, err := readStories(silver, cfg.limit)
	if err != nil {
		return err
	}
	var exs []example
	var held []heldOut
	nth := 0
	defaults := map[string]map[string]int{} // PLOVER -> CAMEO code the rules give it -> count
	err = analyse(p, stories, func(k int, d *parley.Doc) {
		label := labelOf(stories[k])
		if k%10 == 9 { // every tenth story is held out, to compare with the rules on silver
			held = append(held, heldOutOf(d, parser, label))
			return
		}
		for _, e := range d.Events {
			if defaults[e.PLOVER] == nil {
				defaults[e.PLOVER] = map[string]int{}
			}
			defaults[e.PLOVER][e.CAMEO]++
		}
		if label != "" {
			exs = append(exs, derived(d, parser, label, cfg.derive)...)
			if cfg.none > 0 {
				exs = append(exs, nones(d, parser, cfg.none, &nth)...)
			}
		}
	})
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, e := range exs {
		counts[e.label]++
	}
	fmt.Printf("stories %d, examples %d (%s), by type %v\n", len(stories), len(exs), cfg.derive, counts)
	model := train(exs, cfg.epochs, cfg.seed)
	fmt.Printf("features %d\n", len(model.w))
	compareHeldOut(model, held)
	if err := measure(p, parser, model, gold, commonest(defaults), cfg.show); err != nil {
		return err
	}
	if cfg.news == "" {
		return nil
	}
	return proposals(p, parser, model, cfg.news, cfg.newsDocs, cfg.show)
}

// derived are the training examples of one story labelled label: the root
// of its first sentence (the lede states the headline's event), and/or the
// triggers of the rules' events whose type is the story's (the silver label
// confirms the rules there; events of other types may be true secondary
// events and are not used either way).
func derived(d *parley.Doc, parser *syntax.Parser, label, derive string) []example {
	var out []example
	if (derive == "lede" || derive == "both") && len(d.Sentences) > 0 {
		s := d.Sentences[0]
		ensureParsed(d, parser, s)
		if r := rootOf(d, s); r >= 0 {
			out = append(out, example{features(d, s, r), label})
		}
	}
	if derive == "rules" || derive == "both" {
		for _, e := range d.Events {
			if e.PLOVER != label {
				continue
			}
			t := triggerToken(d, e)
			if t < 0 {
				continue
			}
			s := d.Sentences[d.SentenceOf(t)]
			ensureParsed(d, parser, s)
			out = append(out, example{features(d, s, t), label})
		}
	}
	return out
}

func labelOf(st story) string {
	if len(st.Events) > 0 && st.Events[0].PLOVER != nil {
		return *st.Events[0].PLOVER
	}
	return ""
}

// heldOut is a held-out story: its label, the rules' type for it (that of
// the first event they code in it, "" for none) and the features of its
// first sentence's root.
type heldOut struct {
	label, rules string
	feats        []string
}

func heldOutOf(d *parley.Doc, parser *syntax.Parser, label string) heldOut {
	h := heldOut{label: label}
	if len(d.Events) > 0 {
		h.rules = d.Events[0].PLOVER
	}
	if len(d.Sentences) > 0 {
		s := d.Sentences[0]
		ensureParsed(d, parser, s)
		if r := rootOf(d, s); r >= 0 {
			h.feats = features(d, s, r)
		}
	}
	return h
}

// compareHeldOut prints how often the rules' first event and the
// classifier on the lede's root give a held-out story's silver type.
func compareHeldOut(model *perceptron, held []heldOut) {
	var rules, coded, clf int
	for _, h := range held {
		if h.rules != "" {
			coded++
			if h.rules == h.label {
				rules++
			}
		}
		if h.feats != nil {
			if t, _ := model.predict(h.feats); t == h.label {
				clf++
			}
		}
	}
	fmt.Printf("held-out silver stories %d: rules code %d, their first event has the story's type in %d (%.3f); classifier on the lede's root %d (%.3f)\n",
		len(held), coded, rules, float64(rules)/float64(max(len(held), 1)), clf, float64(clf)/float64(max(len(held), 1)))
}

// nones are "none" examples: the verb roots of sentences after the first
// that the rules leave empty, every n-th of them. The label is a guess (a
// story's later sentences also report secondary events the rules miss); it
// is what a veto of rule events could learn from silver stories that name
// only their main event.
func nones(d *parley.Doc, parser *syntax.Parser, n int, nth *int) []example {
	has := map[int]bool{}
	for _, e := range d.Events {
		has[d.SentenceOf(d.TokenAt(e.Evidence.Start))] = true
	}
	var out []example
	for si := 1; si < len(d.Sentences); si++ {
		if has[si] {
			continue
		}
		if *nth++; *nth%n != 0 {
			continue
		}
		s := d.Sentences[si]
		ensureParsed(d, parser, s)
		if r := rootOf(d, s); r >= 0 && d.Tokens[r].POS == parley.VERB {
			out = append(out, example{features(d, s, r), "none"})
		}
	}
	return out
}

func ensureParsed(d *parley.Doc, parser *syntax.Parser, s parley.Sentence) {
	if !d.Parsed(s) {
		parser.Annotate(d, s, true, nil)
	}
}

func commonest(m map[string]map[string]int) map[string]string {
	out := map[string]string{}
	for t, codes := range m {
		best, n := "", -1
		for c, k := range codes {
			if k > n || (k == n && c < best) {
				best, n = c, k
			}
		}
		out[t] = best
	}
	return out
}

func readStories(path string, limit int) ([]story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []story
	for sc.Scan() && (limit == 0 || len(out) < limit) {
		var s story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// analyse runs the full pipeline over the stories in order.
func analyse(p *pipeline.Pipeline, stories []story, fn func(int, *parley.Doc)) error {
	in := make(chan parley.Document)
	go func() {
		defer close(in)
		for _, s := range stories {
			in <- parley.Document{ID: s.ID, Text: s.Text}
		}
	}()
	for r := range p.Stream(context.Background(), in, 0) {
		if r.Err != nil {
			return r.Err
		}
		fn(r.Seq, r.Doc)
	}
	return nil
}
