package eval

import (
	"encoding/json"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// QuotePrediction turns parley's quotes for one document into the
// prediction format of the quote scorer: code-point offsets of the content
// and of the speaker mention, and the speaker's resolved name (or, when
// there is none, the text of the mention).
func QuotePrediction(id string, a *parley.Doc) QuoteDoc {
	raw, _ := json.Marshal(id)
	d := QuoteDoc{ID: id, RawID: raw, Quotes: []QuoteSpan{}}
	t := a.Text
	off := text.NewOffsets(t)
	cp := func(b int) *float64 { f := float64(off.CodePoint(b)); return &f }
	// a quote that continues another (“A,” she said, “B.”) is one
	// attribution with two fragments in the gold format
	host := map[parley.QuoteRef]int{}
	for i, q := range a.Quotes {
		if h, ok := host[q.Continues]; ok && q.Continues != 0 {
			hq := &d.Quotes[h]
			if len(hq.Fragments) == 0 {
				hq.Fragments = [][]float64{{*hq.ContentStart, *hq.ContentEnd}}
			}
			hq.Fragments = append(hq.Fragments, []float64{*cp(q.Content.Start), *cp(q.Content.End)})
			hq.ContentEnd = cp(q.Content.End)
			host[parley.QuoteAt(i)] = h
			continue
		}
		host[parley.QuoteAt(i)] = len(d.Quotes)
		content := t[q.Content.Start:q.Content.End]
		typ, cue := string(q.Type), q.Cue
		p := QuoteSpan{Content: &content, ContentStart: cp(q.Content.Start), ContentEnd: cp(q.Content.End), Type: &typ}
		if cue != "" {
			p.Cue = &cue
		}
		name := q.SpeakerName
		if !q.SpeakerSpan.IsZero() {
			p.SpeakerStart, p.SpeakerEnd = cp(q.SpeakerSpan.Start), cp(q.SpeakerSpan.End)
			if name == "" {
				name = t[q.SpeakerSpan.Start:q.SpeakerSpan.End]
			}
		}
		if name != "" {
			p.Speaker = &name
		}
		d.Quotes = append(d.Quotes, p)
	}
	// attribution corpora count beliefs, wishes and evidence with quotes
	for _, at := range a.Attitudes {
		content, typ, cue, name := t[at.Content.Start:at.Content.End], string(parley.Indirect), at.Cue, at.HolderName
		d.Quotes = append(d.Quotes, QuoteSpan{Content: &content, ContentStart: cp(at.Content.Start), ContentEnd: cp(at.Content.End),
			Type: &typ, Cue: &cue, Speaker: &name, SpeakerStart: cp(at.HolderSpan.Start), SpeakerEnd: cp(at.HolderSpan.End)})
	}
	return d
}

// EventPrediction turns parley's events for one sentence into the
// prediction format of the event scorer.
func EventPrediction(id string, a *parley.Doc) EventDoc {
	d := EventDoc{ID: id, Events: []EventCode{}}
	for _, e := range a.Events {
		d.Events = append(d.Events, EventCode{
			SourceActor: NewEventField(e.SourceCode), TargetActor: NewEventField(e.TargetCode),
			CAMEO: NewEventField(e.CAMEO), PLOVER: NewEventField(e.PLOVER),
		})
	}
	return d
}
