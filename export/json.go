// Package export writes analyses in the formats people already use: parley's
// own JSON document (the shape of docs/schema), JSONL, and the event and claim
// formats of the tools downstream.
package export

import (
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// Document is the JSON shape of one analysed document. All offsets are
// Unicode code points, end exclusive.
type Document struct {
	ID        string   `json:"id"`
	Title     string   `json:"title,omitempty"`
	URL       string   `json:"url,omitempty"`
	Published string   `json:"published,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	Author    string   `json:"author,omitempty"`
	Text      *string  `json:"text,omitempty"`
	Entities  []Entity `json:"entities"`
	Quotes    []Quote  `json:"quotes"`
	Events    []Event  `json:"events"`
	Claims    []Claim  `json:"claims"`
	Warnings  []string `json:"warnings,omitempty"`
	Version   string   `json:"parley_version"`
}

// Span is a code-point range.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is one reference to an entity.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

// Entity is the JSON shape of parley.Entity.
type Entity struct {
	ID          string    `json:"id"`
	Type        string    `json:"type"`
	Kind        string    `json:"kind,omitempty"`
	Name        string    `json:"name"`
	Aliases     []string  `json:"aliases"`
	Roles       []string  `json:"roles"`
	Affiliation string    `json:"affiliation,omitempty"`
	Country     string    `json:"country,omitempty"`
	Mentions    []Mention `json:"mentions"`
}

// Quote is the JSON shape of parley.Quote.
type Quote struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	Content     string  `json:"content"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Speaker     *string `json:"speaker"`
	SpeakerName *string `json:"speaker_name"`
	SpeakerSpan *Span   `json:"speaker_span"`
	Cue         string  `json:"cue,omitempty"`
	CueSpan     *Span   `json:"cue_span,omitempty"`
	Channel     *string `json:"channel"`
	ReportedBy  *string `json:"reported_by"`
	NestedIn    *string `json:"nested_in"`
	Continues   *string `json:"continues,omitempty"`
	Addressee   *string `json:"addressee,omitempty"`
	Anonymous   bool    `json:"anonymous,omitempty"`
}

// Event is the JSON shape of parley.Event.
type Event struct {
	ID         string           `json:"id"`
	PLOVER     string           `json:"plover"`
	PLOVERMode string           `json:"plover_mode,omitempty"`
	CAMEO      string           `json:"cameo"`
	CAMEORoot  string           `json:"cameo_root,omitempty"`
	QuadClass  int              `json:"quad_class,omitempty"`
	Goldstein  float64          `json:"goldstein"`
	Source     *string          `json:"source"`
	Target     *string          `json:"target"`
	SourceCode string           `json:"source_actor,omitempty"`
	TargetCode string           `json:"target_actor,omitempty"`
	Location   *parley.Location `json:"location"`
	Date       string           `json:"date,omitempty"`
	DateText   string           `json:"date_text,omitempty"`
	Evidence   Span             `json:"evidence"`
	ReportedIn *string          `json:"reported_in"`
	Negated    bool             `json:"negated,omitempty"`
	Trigger    string           `json:"trigger,omitempty"`
}

// Claim is the JSON shape of parley.Claim.
type Claim struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Status  string   `json:"status"`
	Key     string   `json:"key,omitempty"`
	Stances []Stance `json:"stances"`
}

// Stance is the JSON shape of parley.ClaimStance.
type Stance struct {
	Source     string `json:"source"`
	SourceName string `json:"source_name"`
	Stance     string `json:"stance"`
	Quote      string `json:"quote,omitempty"`
	Evidence   Span   `json:"evidence"`
}

// Options control what FromAnalysis includes.
type Options struct {
	IncludeText bool // put the document text in "text"
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FromAnalysis converts an analysis to its JSON shape, turning byte offsets
// into code points.
func FromAnalysis(a *parley.Analysis, o Options) Document {
	src := a.Document.Text
	off := text.NewOffsets(src)
	span := func(s parley.Span) Span { return Span{off.CodePoint(s.Start), off.CodePoint(s.End)} }
	d := Document{
		ID: a.Document.ID, Title: a.Document.Title, URL: a.Document.URL, Outlet: a.Document.Outlet,
		Author: a.Document.Author, Warnings: a.Warnings, Version: parley.Version,
		Entities: []Entity{}, Quotes: []Quote{}, Events: []Event{}, Claims: []Claim{},
	}
	if !a.Document.Published.IsZero() {
		d.Published = a.Document.Published.Format(time.DateOnly)
	}
	if o.IncludeText {
		d.Text = &src
	}
	for _, e := range a.Entities {
		je := Entity{ID: e.ID, Type: string(e.Type), Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Roles: e.Roles,
			Affiliation: e.Affiliation, Country: e.Country, Mentions: make([]Mention, 0, len(e.Mentions))}
		if je.Aliases == nil {
			je.Aliases = []string{}
		}
		if je.Roles == nil {
			je.Roles = []string{}
		}
		for _, m := range e.Mentions {
			s := span(m.Span)
			je.Mentions = append(je.Mentions, Mention{Start: s.Start, End: s.End, Text: src[m.Span.Start:m.Span.End], Kind: string(m.Kind)})
		}
		d.Entities = append(d.Entities, je)
	}
	for _, q := range a.Quotes {
		s := span(q.Content)
		jq := Quote{ID: q.ID, Type: string(q.Type), Content: src[q.Content.Start:q.Content.End], Start: s.Start, End: s.End,
			Speaker: opt(q.Speaker), SpeakerName: opt(q.SpeakerName), Cue: q.Cue, Channel: opt(q.Channel),
			ReportedBy: opt(q.ReportedBy), NestedIn: opt(q.NestedIn), Continues: opt(q.Continues), Addressee: opt(q.Addressee), Anonymous: q.Anonymous}
		if !q.SpeakerSpan.IsZero() {
			ss := span(q.SpeakerSpan)
			jq.SpeakerSpan = &ss
		}
		if !q.CueSpan.IsZero() {
			cs := span(q.CueSpan)
			jq.CueSpan = &cs
		}
		d.Quotes = append(d.Quotes, jq)
	}
	for _, e := range a.Events {
		je := Event{ID: e.ID, PLOVER: e.PLOVER, PLOVERMode: e.PLOVERMode, CAMEO: e.CAMEO, CAMEORoot: e.CAMEORoot,
			QuadClass: e.QuadClass, Goldstein: e.Goldstein, Source: opt(e.Source), Target: opt(e.Target),
			SourceCode: e.SourceCode, TargetCode: e.TargetCode, Location: e.Location, DateText: e.DateText,
			Evidence: span(e.Evidence), ReportedIn: opt(e.ReportedIn), Negated: e.Negated, Trigger: e.Trigger}
		if !e.Date.IsZero() {
			je.Date = e.Date.Format(time.DateOnly)
		}
		d.Events = append(d.Events, je)
	}
	for _, c := range a.Claims {
		jc := Claim{ID: c.ID, Text: c.Text, Status: string(c.Status), Key: c.Key, Stances: []Stance{}}
		for _, st := range c.Stances {
			jc.Stances = append(jc.Stances, Stance{Source: st.Source, SourceName: st.SourceName, Stance: string(st.Stance),
				Quote: st.Quote, Evidence: span(st.Evidence)})
		}
		d.Claims = append(d.Claims, jc)
	}
	return d
}
