package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// EventDoc is one line of the event gold or prediction format
// (see ../shared/data/events/README.md): one sentence and its events.
type EventDoc struct {
	ID     string
	Text   string
	Source string // the gold's "source" field ("?" when absent)
	Events []EventCode
}

// EventCode is one event. A field is absent when the JSON value is null or
// "", as in the reference; otherwise it is the value as a string, trimmed
// and upper-cased.
type EventCode struct {
	SourceActor, TargetActor, CAMEO, PLOVER EventField
}

// EventField is an event field as the reference normalises it: absent, or
// trimmed and upper-cased.
type EventField struct {
	s  string
	ok bool
}

// NewEventField makes a field from a string; "" is absent.
func NewEventField(s string) EventField {
	if s == "" {
		return EventField{}
	}
	return EventField{strings.ToUpper(pyStrip(s)), true}
}

// String returns the normalised value ("" when absent).
func (f EventField) String() string { return f.s }

// Present reports whether the field has a value.
func (f EventField) Present() bool { return f.ok }

// pyStr is Python's str() of a decoded JSON value, for the usual types.
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return strconv.FormatInt(i, 10)
		}
		f, err := x.Float64()
		if err != nil {
			return string(x)
		}
		if f == math.Trunc(f) && math.Abs(f) < 1e16 {
			return strconv.FormatFloat(f, 'f', 1, 64)
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func fieldOf(v any) EventField {
	if v == nil {
		return EventField{}
	}
	if s, ok := v.(string); ok && s == "" {
		return EventField{}
	}
	return EventField{strings.ToUpper(pyStrip(pyStr(v))), true}
}

// ReadEventDocs reads an event JSONL file; later records with the same id
// replace earlier ones.
func ReadEventDocs(r io.Reader, name string) ([]EventDoc, error) {
	var o ordered[EventDoc]
	err := readJSONL(r, name, func(_ int, line []byte) error {
		var raw struct {
			ID     json.RawMessage  `json:"id"`
			Text   string           `json:"text"`
			Source any              `json:"source"`
			Events []map[string]any `json:"events"`
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		id, err := idKey(raw.ID)
		if err != nil {
			return err
		}
		d := EventDoc{ID: id, Text: raw.Text, Source: "?"}
		if raw.Source != nil {
			d.Source = pyStr(raw.Source)
		}
		for _, e := range raw.Events {
			d.Events = append(d.Events, EventCode{
				SourceActor: fieldOf(e["source_actor"]), TargetActor: fieldOf(e["target_actor"]),
				CAMEO: fieldOf(e["cameo"]), PLOVER: fieldOf(e["plover"]),
			})
		}
		o.put(id, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	docs := make([]EventDoc, 0, len(o.keys))
	for _, k := range o.keys {
		docs = append(docs, o.m[k])
	}
	return docs, nil
}

// MarshalJSON writes the prediction format.
func (d EventDoc) MarshalJSON() ([]byte, error) {
	type ev struct {
		Source *string `json:"source_actor"`
		Target *string `json:"target_actor"`
		CAMEO  *string `json:"cameo"`
		PLOVER *string `json:"plover"`
	}
	opt := func(f EventField) *string {
		if !f.ok {
			return nil
		}
		return &f.s
	}
	evs := make([]ev, 0, len(d.Events))
	for _, e := range d.Events {
		evs = append(evs, ev{opt(e.SourceActor), opt(e.TargetActor), opt(e.CAMEO), opt(e.PLOVER)})
	}
	return json.Marshal(struct {
		ID     string `json:"id"`
		Events []ev   `json:"events"`
	}{d.ID, evs})
}

func (e EventCode) root() EventField {
	if !e.CAMEO.ok || e.CAMEO.s == "" {
		return EventField{}
	}
	r := []rune(e.CAMEO.s)
	return EventField{string(r[:min(2, len(r))]), true}
}

func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// actorEq: a null gold actor is a wildcard; n > 0 compares the first n
// characters (country/IGO level).
func actorEq(g, p EventField, n int) bool {
	if !g.ok {
		return true
	}
	if !p.ok {
		return false
	}
	if n > 0 {
		return prefix(g.s, n) == prefix(p.s, n)
	}
	return g.s == p.s
}

type eventMetric struct {
	name string
	has  func(EventCode) bool // the gold (and prediction) has what the metric needs
	same func(g, p EventCode) bool
}

var eventMetrics = []eventMetric{
	{"root", func(e EventCode) bool { return e.root().ok }, func(g, p EventCode) bool { return g.root() == p.root() }},
	{"full", func(e EventCode) bool { return e.CAMEO.ok }, func(g, p EventCode) bool { return g.CAMEO == p.CAMEO }},
	{"root+src+tgt", func(e EventCode) bool { return e.root().ok }, func(g, p EventCode) bool {
		return g.root() == p.root() && actorEq(g.SourceActor, p.SourceActor, 0) && actorEq(g.TargetActor, p.TargetActor, 0)
	}},
	{"root+src+tgt@country", func(e EventCode) bool { return e.root().ok }, func(g, p EventCode) bool {
		return g.root() == p.root() && actorEq(g.SourceActor, p.SourceActor, 3) && actorEq(g.TargetActor, p.TargetActor, 3)
	}},
	{"plover", func(e EventCode) bool { return e.PLOVER.ok }, func(g, p EventCode) bool { return g.PLOVER == p.PLOVER }},
}

// EventPRF is one metric's micro P/R/F1, rounded to four decimals.
type EventPRF struct {
	P         float64 `json:"P"`
	R         float64 `json:"R"`
	F1        float64 `json:"F1"`
	TP        int     `json:"tp"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	Sentences int     `json:"sentences"`
}

// EventScores maps metric names (root, full, root+src+tgt,
// root+src+tgt@country, plover) to their scores.
type EventScores map[string]EventPRF

// EventMetricNames lists the metrics in report order.
func EventMetricNames() []string {
	names := make([]string, len(eventMetrics))
	for i, m := range eventMetrics {
		names[i] = m.name
	}
	return names
}

// EventReport is the reference's output: scores over all sentences, per
// gold source when asked, and counts of what was joined.
type EventReport struct {
	All      EventScores
	BySource map[string]EventScores // nil unless asked for
	Info     struct {
		GoldSentences        int `json:"gold_sentences"`
		PredSentencesMatched int `json:"pred_sentences_matched"`
		PredIDsNotInGold     int `json:"pred_ids_not_in_gold"`
	}
}

// MarshalJSON writes the reference's --json shape.
func (r *EventReport) MarshalJSON() ([]byte, error) {
	m := map[string]any{"all": r.All, "_info": r.Info}
	for k, v := range r.BySource {
		m[k] = v
	}
	return json.Marshal(m)
}

func matchEvents(golds, preds []EventCode, same func(g, p EventCode) bool) int {
	used := make([]bool, len(preds))
	tp := 0
	for _, g := range golds {
		for j, p := range preds {
			if !used[j] && same(g, p) {
				used[j] = true
				tp++
				break
			}
		}
	}
	return tp
}

func eventPRF(tp, ng, np int) EventPRF {
	var p, r, f float64
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f = pyRound(2*p*r/(p+r), 4)
	}
	return EventPRF{P: pyRound(p, 4), R: pyRound(r, 4), F1: f, TP: tp, Gold: ng, Pred: np}
}

func scoreEventIDs(gold map[string]*EventDoc, pred map[string]*EventDoc, ids []string) EventScores {
	out := EventScores{}
	for _, m := range eventMetrics {
		tp, ng, np, ns := 0, 0, 0, 0
		for _, id := range ids {
			var ge []EventCode
			for _, e := range gold[id].Events {
				if m.has(e) {
					ge = append(ge, e)
				}
			}
			if len(ge) == 0 {
				continue
			}
			var pe []EventCode
			if p := pred[id]; p != nil {
				for _, e := range p.Events {
					if m.has(e) {
						pe = append(pe, e)
					}
				}
			}
			ns++
			ng += len(ge)
			np += len(pe)
			tp += matchEvents(ge, pe, m.same)
		}
		r := eventPRF(tp, ng, np)
		r.Sentences = ns
		out[m.name] = r
	}
	return out
}

// ScoreEvents scores predicted events against gold per sentence with the
// reference's rules: one-to-one greedy matching in gold order; a gold event
// without the field a metric needs is left out of it, and so are sentences
// where no gold event has it; a null gold actor matches any actor.
func ScoreEvents(gold, pred []EventDoc, perSource bool) *EventReport {
	g := make(map[string]*EventDoc, len(gold))
	for i := range gold {
		g[gold[i].ID] = &gold[i]
	}
	p := make(map[string]*EventDoc, len(pred))
	for i := range pred {
		p[pred[i].ID] = &pred[i]
	}
	ids := make([]string, 0, len(g))
	for id := range g {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	r := &EventReport{All: scoreEventIDs(g, p, ids)}
	if perSource {
		by := map[string][]string{}
		for _, id := range ids {
			by[g[id].Source] = append(by[g[id].Source], id)
		}
		r.BySource = map[string]EventScores{}
		for src, ids := range by {
			r.BySource[src] = scoreEventIDs(g, p, ids)
		}
	}
	r.Info.GoldSentences = len(g)
	for id := range p {
		if g[id] != nil {
			r.Info.PredSentencesMatched++
		} else {
			r.Info.PredIDsNotInGold++
		}
	}
	return r
}

// WriteEventReport prints the reference's text report.
func WriteEventReport(w io.Writer, r *EventReport) error {
	parts := []string{"all"}
	var srcs []string
	for k := range r.BySource {
		srcs = append(srcs, k)
	}
	sort.Strings(srcs)
	parts = append(parts, srcs...)
	for _, part := range parts {
		s := r.All
		if part != "all" {
			s = r.BySource[part]
		}
		fmt.Fprintf(w, "== %s\n", part)
		for _, m := range EventMetricNames() {
			x := s[m]
			fmt.Fprintf(w, "  %-22s P=%.3f R=%.3f F1=%.3f  (tp=%d gold=%d pred=%d sents=%d)\n",
				m, x.P, x.R, x.F1, x.TP, x.Gold, x.Pred, x.Sentences)
		}
	}
	_, err := fmt.Fprintf(w, "info: {\"gold_sentences\": %d, \"pred_sentences_matched\": %d, \"pred_ids_not_in_gold\": %d}\n",
		r.Info.GoldSentences, r.Info.PredSentencesMatched, r.Info.PredIDsNotInGold)
	return err
}

// EventMistakes shows one sentence whose predicted events do not match the
// gold at root level: the text, both event lists, and how many matched.
type EventMistakes struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Matched int      `json:"matched_root"`
	GoldEvs []string `json:"gold"` // "CAMEO PLOVER source→target", "-" where absent
	PredEvs []string `json:"pred"`
}

func (e EventCode) String() string {
	f := func(x EventField) string {
		if !x.ok {
			return "-"
		}
		return x.s
	}
	return fmt.Sprintf("%s %s %s→%s", f(e.CAMEO), f(e.PLOVER), f(e.SourceActor), f(e.TargetActor))
}

// EventErrors lists, in gold order, the sentences where the root-level
// matching leaves a gold or a predicted event unmatched.
func EventErrors(gold, pred []EventDoc) []EventMistakes {
	p := make(map[string]*EventDoc, len(pred))
	for i := range pred {
		p[pred[i].ID] = &pred[i]
	}
	root := eventMetrics[0]
	var out []EventMistakes
	for _, g := range gold {
		var ge, pe []EventCode
		for _, e := range g.Events {
			if root.has(e) {
				ge = append(ge, e)
			}
		}
		if pd := p[g.ID]; pd != nil {
			for _, e := range pd.Events {
				if root.has(e) {
					pe = append(pe, e)
				}
			}
		}
		if len(ge) == 0 {
			continue // sentences without CAMEO gold do not count at root level
		}
		tp := matchEvents(ge, pe, root.same)
		if tp == len(ge) && tp == len(pe) {
			continue
		}
		m := EventMistakes{ID: g.ID, Text: g.Text, Matched: tp, GoldEvs: []string{}, PredEvs: []string{}}
		for _, e := range ge {
			m.GoldEvs = append(m.GoldEvs, e.String())
		}
		for _, e := range pe {
			m.PredEvs = append(m.PredEvs, e.String())
		}
		out = append(out, m)
	}
	return out
}
