// Command devpred codes the sentences of an events gold file (the JSONL of
// ../shared/data/events) and writes predictions in the same format, for
// ../shared/tools/score_events.py. It is a development aid, not part of the
// CLI: `go run ./event/internal/devpred GOLD.jsonl > pred.jsonl`.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/event"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/text"
)

type rec struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Events []pevent `json:"events"`
}

type pevent struct {
	Source  *string `json:"source_actor"`
	Target  *string `json:"target_actor"`
	CAMEO   string  `json:"cameo"`
	PLOVER  *string `json:"plover"`
	Trigger string  `json:"trigger,omitempty"`
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func main() {
	stmts := flag.Bool("statements", false, "also emit CAMEO 01 statements where nothing else is coded")
	rate := flag.Int("rate", 0, "instead: read news JSONL, report the share of sentences with events and print this many coded sentences (every k-th) to check by hand")
	full := flag.Bool("pipeline", false, "with -rate: run the full pipeline (entities, quotes) rather than the coder alone")
	flag.Parse()
	if *rate > 0 {
		if err := eventRate(flag.Arg(0), *rate, *full); err != nil {
			fmt.Fprintln(os.Stderr, "devpred:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(flag.Arg(0), *stmts); err != nil {
		fmt.Fprintln(os.Stderr, "devpred:", err)
		os.Exit(1)
	}
}

func run(path string, stmts bool) error {
	c, err := event.New()
	if err != nil {
		return err
	}
	c = c.WithOptions(event.Options{Statements: stmts})
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		out := rec{ID: r.ID, Text: r.Text, Events: []pevent{}}
		for _, e := range c.CodeText(r.Text, time.Time{}) {
			out.Events = append(out.Events, pevent{Source: opt(e.SourceCode), Target: opt(e.TargetCode), CAMEO: e.CAMEO, PLOVER: opt(e.PLOVER), Trigger: e.Trigger})
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return sc.Err()
}

// eventRate reports how many sentences of a news corpus yield events: the
// gold has no event-free sentences, so over-generation shows only here.
func eventRate(path string, sample int, full bool) error {
	c, err := event.New()
	if err != nil {
		return err
	}
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	c = c.WithLexicon(lex)
	var p *pipeline.Pipeline
	if full {
		if p, err = pipeline.New(); err != nil {
			return err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	type hit struct{ sent, events string }
	var hits []hit
	sents, withEv, nev := 0, 0, 0
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d := text.SegmentString(r.Text)
		var evs []parley.Event
		if p != nil {
			a, err := p.Extract(context.Background(), parley.Document{ID: r.ID, Text: r.Text})
			if err != nil {
				return err
			}
			evs = a.Events
		} else if err = c.Code(context.Background(), d); err != nil {
			return err
		} else {
			evs = d.Events
		}
		nev += len(evs)
		by := map[int][]string{}
		for _, e := range evs {
			si := d.SentenceOf(d.TokenAt(e.Evidence.Start))
			by[si] = append(by[si], fmt.Sprintf("%s/%s %s→%s (%s)", e.PLOVER, e.CAMEO, e.SourceCode, e.TargetCode, e.Trigger))
		}
		sents += len(d.Sentences)
		withEv += len(by)
		for si, es := range by {
			s := d.Sentences[si]
			hits = append(hits, hit{r.Text[s.Start:s.End], strings.Join(es, "; ")})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("sentences %d, with events %d (%.1f%%), events %d (%.3f per sentence)\n", sents, withEv, 100*float64(withEv)/float64(max(sents, 1)), nev, float64(nev)/float64(max(sents, 1)))
	step := max(len(hits)/sample, 1)
	for i := 0; i < len(hits) && i/step < sample; i += step {
		fmt.Printf("\n%s\n  => %s\n", hits[i].sent, hits[i].events)
	}
	return nil
}
