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
	ID        string     `json:"id"`
	Title     string     `json:"title,omitempty"`
	URL       string     `json:"url,omitempty"`
	Published string     `json:"published,omitempty"`
	Outlet    string     `json:"outlet,omitempty"`
	Author    string     `json:"author,omitempty"`
	Text      *string    `json:"text,omitempty"`
	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Attitudes []Attitude `json:"attitudes"`
	Events    []Event    `json:"events"`
	Claims    []Claim    `json:"claims"`
	Warnings  []string   `json:"warnings,omitempty"`
	Version   string     `json:"parley_version"`
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

// Attitude is the JSON shape of parley.Attitude.
type Attitude struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Content    string  `json:"content"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Holder     *string `json:"holder"`
	HolderName string  `json:"holder_name"`
	HolderSpan Span    `json:"holder_span"`
	Cue        string  `json:"cue"`
	CueSpan    Span    `json:"cue_span"`
}

// Event is the JSON shape of parley.Event.
type Event struct {
	ID         string    `json:"id"`
	PLOVER     string    `json:"plover"`
	PLOVERMode string    `json:"plover_mode,omitempty"`
	CAMEO      string    `json:"cameo"`
	CAMEORoot  string    `json:"cameo_root,omitempty"`
	QuadClass  int       `json:"quad_class,omitempty"`
	Goldstein  float64   `json:"goldstein"`
	Source     *string   `json:"source"`
	Target     *string   `json:"target"`
	SourceCode string    `json:"source_actor,omitempty"`
	TargetCode string    `json:"target_actor,omitempty"`
	Location   *Location `json:"location"`
	Date       string    `json:"date,omitempty"`
	DateText   string    `json:"date_text,omitempty"`
	Evidence   Span      `json:"evidence"`
	ReportedIn *string   `json:"reported_in"`
	Negated    bool      `json:"negated,omitempty"`
	Trigger    string    `json:"trigger,omitempty"`
}

// Location is the JSON shape of parley.Location.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"` // ISO 3166-1 alpha-2
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	Entity  string  `json:"entity,omitempty"`
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

// FromAnalysis converts an analysed Doc to its JSON shape: byte offsets
// become code points and references become the public ids ("E3", "Q1").
func FromAnalysis(a *parley.Doc, o Options) Document {
	c := newConverter(a)
	d := c.header(o)
	d.Entities = make([]Entity, len(a.Entities))
	for i := range a.Entities {
		d.Entities[i] = c.entity(i)
	}
	d.Quotes = make([]Quote, len(a.Quotes))
	for i := range a.Quotes {
		d.Quotes[i] = c.quote(i)
	}
	d.Attitudes = make([]Attitude, len(a.Attitudes))
	for i := range a.Attitudes {
		d.Attitudes[i] = c.attitude(i)
	}
	d.Events = make([]Event, len(a.Events))
	for i := range a.Events {
		d.Events[i] = c.event(i)
	}
	d.Claims = make([]Claim, len(a.Claims))
	for i := range a.Claims {
		d.Claims[i] = c.claim(i)
	}
	return d
}

// converter turns the records of one Doc into their JSON shapes, one at a
// time, so that a long document can be written without holding its whole
// JSON form in memory.
type converter struct {
	d        *parley.Doc
	off      *text.Offsets
	mentions [][]int32 // entity → indices of its mentions in d.Mentions
}

func newConverter(d *parley.Doc) *converter {
	c := &converter{d: d, off: text.NewOffsets(d.Text), mentions: make([][]int32, len(d.Entities))}
	for k, m := range d.Mentions {
		if i := m.Entity.Index(); i >= 0 && i < len(c.mentions) {
			c.mentions[i] = append(c.mentions[i], int32(k))
		}
	}
	return c
}

func (c *converter) span(s parley.Span) Span {
	return Span{c.off.CodePoint(s.Start), c.off.CodePoint(s.End)}
}

// header is the document's JSON shape with empty record lists.
func (c *converter) header(o Options) Document {
	a := c.d
	d := Document{
		ID: a.ID, Title: a.Title, URL: a.URL, Outlet: a.Outlet,
		Author: a.Author, Warnings: a.Warnings, Version: parley.Version,
		Entities: []Entity{}, Quotes: []Quote{}, Attitudes: []Attitude{}, Events: []Event{}, Claims: []Claim{},
	}
	if !a.Published.IsZero() {
		d.Published = a.Published.Format(time.DateOnly)
	}
	if o.IncludeText {
		t := a.Text
		d.Text = &t
	}
	return d
}

func (c *converter) entity(i int) Entity {
	e := c.d.Entities[i]
	je := Entity{ID: parley.EntityAt(i).ID(), Type: string(e.Type), Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Roles: e.Roles,
		Affiliation: e.Affiliation, Country: e.Country, Mentions: make([]Mention, 0, len(c.mentions[i]))}
	if je.Aliases == nil {
		je.Aliases = []string{}
	}
	if je.Roles == nil {
		je.Roles = []string{}
	}
	for _, k := range c.mentions[i] {
		m := c.d.Mentions[k]
		s := c.span(m.Span)
		je.Mentions = append(je.Mentions, Mention{Start: s.Start, End: s.End, Text: c.d.Text[m.Span.Start:m.Span.End], Kind: string(m.Kind)})
	}
	return je
}

func (c *converter) quote(i int) Quote {
	q := c.d.Quotes[i]
	s := c.span(q.Content)
	jq := Quote{ID: parley.QuoteAt(i).ID(), Type: string(q.Type), Content: c.d.Text[q.Content.Start:q.Content.End], Start: s.Start, End: s.End,
		Speaker: opt(q.Speaker.ID()), SpeakerName: opt(q.SpeakerName), Cue: q.Cue, Channel: opt(q.Channel),
		ReportedBy: opt(q.ReportedBy), NestedIn: opt(q.NestedIn.ID()), Continues: opt(q.Continues.ID()), Addressee: opt(q.Addressee), Anonymous: q.Anonymous}
	if !q.SpeakerSpan.IsZero() {
		ss := c.span(q.SpeakerSpan)
		jq.SpeakerSpan = &ss
	}
	if !q.CueSpan.IsZero() {
		cs := c.span(q.CueSpan)
		jq.CueSpan = &cs
	}
	return jq
}

func (c *converter) attitude(i int) Attitude {
	a := c.d.Attitudes[i]
	s := c.span(a.Content)
	return Attitude{ID: parley.AttitudeID(i), Kind: string(a.Kind), Content: c.d.Text[a.Content.Start:a.Content.End], Start: s.Start, End: s.End,
		Holder: opt(a.Holder.ID()), HolderName: a.HolderName, HolderSpan: c.span(a.HolderSpan), Cue: a.Cue, CueSpan: c.span(a.CueSpan)}
}

func (c *converter) event(i int) Event {
	e := c.d.Events[i]
	je := Event{ID: parley.EventID(i), PLOVER: e.PLOVER, PLOVERMode: e.PLOVERMode, CAMEO: e.CAMEO, CAMEORoot: e.CAMEORoot,
		QuadClass: e.QuadClass, Goldstein: e.Goldstein, Source: opt(e.Source.ID()), Target: opt(e.Target.ID()),
		SourceCode: e.SourceCode, TargetCode: e.TargetCode, DateText: e.DateText,
		Evidence: c.span(e.Evidence), ReportedIn: opt(e.ReportedIn.ID()), Negated: e.Negated, Trigger: e.Trigger}
	if l := e.Location; l != nil {
		je.Location = &Location{Name: l.Name, Country: l.Country, Lat: l.Lat, Lon: l.Lon, Entity: l.Entity.ID()}
	}
	if !e.Date.IsZero() {
		je.Date = e.Date.Format(time.DateOnly)
	}
	return je
}

func (c *converter) claim(i int) Claim {
	cl := c.d.Claims[i]
	jc := Claim{ID: parley.ClaimID(i), Text: cl.Text, Status: string(cl.Status), Key: cl.Key, Stances: []Stance{}}
	for _, st := range cl.Stances {
		jc.Stances = append(jc.Stances, Stance{Source: st.Source.ID(), SourceName: st.SourceName, Stance: string(st.Stance),
			Quote: st.Quote.ID(), Evidence: c.span(st.Evidence)})
	}
	return jc
}
