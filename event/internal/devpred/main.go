// Command devpred codes the sentences of an events gold file (the JSONL of
// ../shared/data/events) and writes predictions in the same format, for
// ../shared/tools/score_events.py. It is a development aid, not part of the
// CLI: `go run ./event/internal/devpred GOLD.jsonl > pred.jsonl`.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/parley-news/parley/event"
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
	flag.Parse()
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
