package export

import (
	"fmt"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// ToAnalysis is the inverse of FromAnalysis: it rebuilds the analysed Doc
// of a document from its JSON shape and its text (which the JSON may leave
// out): code points become byte offsets again, public ids ("E3", "Q1")
// references, and the text is segmented so that mentions have their
// tokens. Stores keep analyses as JSON; exports from a store read them back
// with it. A span outside the text or an id that names nothing is an
// error: the JSON does not belong to the text.
func ToAnalysis(d Document, src string) (*parley.Doc, error) {
	r := &reader{off: text.NewOffsets(src), doc: text.SegmentString(src),
		entities: map[string]parley.EntityRef{}, quotes: map[string]parley.QuoteRef{}}
	r.n = r.off.CodePoint(len(src))
	a := r.doc
	a.Document = parley.Document{ID: d.ID, Text: src, Title: d.Title, URL: d.URL, Outlet: d.Outlet, Author: d.Author,
		Published: date(d.Published)}
	a.Warnings = d.Warnings
	for i, e := range d.Entities {
		r.entities[e.ID] = parley.EntityAt(i)
		a.Entities = append(a.Entities, parley.Entity{Type: parley.EntityType(e.Type), Kind: e.Kind, Name: e.Name,
			Aliases: orNil(e.Aliases), Roles: orNil(e.Roles), Affiliation: e.Affiliation, Country: e.Country})
	}
	for i, q := range d.Quotes {
		r.quotes[q.ID] = parley.QuoteAt(i)
	}
	var ms []parley.Mention
	for i, e := range d.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, r.mention(Span{m.Start, m.End}, parley.EntityAt(i), parley.MentionKind(m.Kind), "entity "+e.ID))
		}
	}
	a.AddMentions(ms...)
	for _, q := range d.Quotes {
		a.Quotes = append(a.Quotes, r.quote(q))
	}
	for _, at := range d.Attitudes {
		a.Attitudes = append(a.Attitudes, r.attitude(at))
	}
	for _, e := range d.Events {
		a.Events = append(a.Events, r.event(e))
	}
	for _, c := range d.Claims {
		pc := parley.Claim{Text: c.Text, Status: parley.ClaimStatus(c.Status), Key: c.Key}
		for _, s := range c.Stances {
			pc.Stances = append(pc.Stances, parley.ClaimStance{Source: r.entity(s.Source, "claim "+c.ID),
				SourceName: s.SourceName, Stance: parley.Stance(s.Stance), Quote: r.quote1(s.Quote, "claim "+c.ID),
				Evidence: r.span(s.Evidence, "claim "+c.ID)})
		}
		a.Claims = append(a.Claims, pc)
	}
	if r.err != nil {
		return nil, fmt.Errorf("document %s: %w", d.ID, r.err)
	}
	return a, nil
}

// reader turns the JSON's code points and ids back into byte offsets and
// references, keeping the first thing that does not fit.
type reader struct {
	off      *text.Offsets
	n        int // the text's length in code points
	doc      *parley.Doc
	entities map[string]parley.EntityRef
	quotes   map[string]parley.QuoteRef
	err      error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

func (r *reader) span(s Span, what string) parley.Span {
	if s.Start < 0 || s.End < s.Start || s.End > r.n {
		r.fail("%s: span [%d,%d) outside the text of %d code points", what, s.Start, s.End, r.n)
		return parley.Span{}
	}
	return parley.Span{Start: r.off.Byte(s.Start), End: r.off.Byte(s.End)}
}

func (r *reader) optSpan(s *Span, what string) parley.Span {
	if s == nil {
		return parley.Span{}
	}
	return r.span(*s, what)
}

func (r *reader) entity(id, what string) parley.EntityRef {
	if id == "" {
		return 0
	}
	ref, ok := r.entities[id]
	if !ok {
		r.fail("%s: no entity %q", what, id)
	}
	return ref
}

func (r *reader) quote1(id, what string) parley.QuoteRef {
	if id == "" {
		return 0
	}
	ref, ok := r.quotes[id]
	if !ok {
		r.fail("%s: no quote %q", what, id)
	}
	return ref
}

// mention is the mention of span s, with the tokens it covers.
func (r *reader) mention(s Span, e parley.EntityRef, kind parley.MentionKind, what string) parley.Mention {
	b := r.span(s, what)
	m := parley.Mention{Span: b, Entity: e, Kind: kind}
	if b.End > b.Start {
		m.First = int32(r.doc.TokenAt(b.Start))
		m.Last = int32(r.doc.TokenAt(b.End-1) + 1)
	}
	return m
}

func (r *reader) quote(q Quote) parley.Quote {
	what := "quote " + q.ID
	return parley.Quote{Type: parley.QuoteType(q.Type), Content: r.span(Span{q.Start, q.End}, what),
		Speaker: r.entity(val(q.Speaker), what), SpeakerName: val(q.SpeakerName), SpeakerSpan: r.optSpan(q.SpeakerSpan, what),
		Cue: q.Cue, CueSpan: r.optSpan(q.CueSpan, what), Channel: val(q.Channel), ReportedBy: val(q.ReportedBy),
		NestedIn: r.quote1(val(q.NestedIn), what), Continues: r.quote1(val(q.Continues), what),
		Addressee: val(q.Addressee), Anonymous: q.Anonymous}
}

func (r *reader) attitude(at Attitude) parley.Attitude {
	what := "attitude " + at.ID
	return parley.Attitude{Kind: parley.AttitudeKind(at.Kind), Content: r.span(Span{at.Start, at.End}, what),
		Holder: r.entity(val(at.Holder), what), HolderName: at.HolderName, HolderSpan: r.span(at.HolderSpan, what),
		Cue: at.Cue, CueSpan: r.span(at.CueSpan, what)}
}

func (r *reader) event(e Event) parley.Event {
	what := "event " + e.ID
	pe := parley.Event{PLOVER: e.PLOVER, PLOVERMode: e.PLOVERMode, CAMEO: e.CAMEO, CAMEORoot: e.CAMEORoot,
		QuadClass: e.QuadClass, Goldstein: e.Goldstein, Source: r.entity(val(e.Source), what), Target: r.entity(val(e.Target), what),
		SourceCode: e.SourceCode, TargetCode: e.TargetCode, Date: date(e.Date), DateText: e.DateText,
		Evidence: r.span(e.Evidence, what), ReportedIn: r.quote1(val(e.ReportedIn), what), Negated: e.Negated, Trigger: e.Trigger}
	if l := e.Location; l != nil {
		pe.Location = &parley.Location{Name: l.Name, Country: l.Country, Lat: l.Lat, Lon: l.Lon, Entity: r.entity(l.Entity, what)}
	}
	return pe
}

// orNil undoes FromAnalysis writing empty lists for nil ones.
func orNil(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

func val(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func date(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}
