// Package storetest is the conformance suite of parley.Store: every
// implementation (the embedded sqlite one, a PostgreSQL one) must pass Run.
// It also builds analyses by hand (Builder, Corpus), so that stores, the HTTP
// API and the web UI can be tested without the extraction pipeline.
package storetest

import (
	"fmt"
	"strings"
	"time"

	"github.com/parley-news/parley"
)

// Builder makes a parley.Analysis from a text, finding each span by the
// text it covers. It panics on a phrase the text does not contain: it is
// for tests, where that is a bug in the test.
type Builder struct {
	a parley.Analysis
}

// NewAnalysis starts an analysis of an article.
func NewAnalysis(id, title, outlet, published, text string) *Builder {
	b := &Builder{a: parley.Analysis{Document: parley.Document{ID: id, Title: title, Outlet: outlet, Text: text, Source: "storetest"}}}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			panic(fmt.Sprintf("storetest: published %q: %v", published, err))
		}
		b.a.Document.Published = t
	}
	return b
}

// Span returns the byte span of the n-th (from 0) occurrence of phrase.
func (b *Builder) Span(phrase string, n int) parley.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.a.Document.Text[off:], phrase)
		if j < 0 || phrase == "" {
			panic(fmt.Sprintf("storetest: %q not in the text of %s (occurrence %d)", phrase, b.a.Document.ID, n))
		}
		if i == n {
			return parley.Span{Start: off + j, End: off + j + len(phrase)}
		}
		off += j + len(phrase)
	}
}

// Entity adds an entity with a name mention for each occurrence of its name
// and aliases in the text.
func (b *Builder) Entity(id string, typ parley.EntityType, kind, name string, aliases, roles []string, affiliation, country string) *Builder {
	e := parley.Entity{ID: id, Type: typ, Kind: kind, Name: name, Aliases: aliases, Roles: roles, Affiliation: affiliation, Country: country}
	for _, form := range append([]string{name}, aliases...) {
		for off := 0; ; {
			j := strings.Index(b.a.Document.Text[off:], form)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, parley.Mention{Span: parley.Span{Start: off + j, End: off + j + len(form)}, Kind: parley.NameMention})
			off += j + len(form)
		}
	}
	b.a.Entities = append(b.a.Entities, e)
	return b
}

// Person adds a person.
func (b *Builder) Person(id, name string, aliases, roles []string, affiliation, country string) *Builder {
	return b.Entity(id, parley.Person, "", name, aliases, roles, affiliation, country)
}

// Quote adds a quote of content by speaker (an entity id, or "" for none),
// attached at the speaker's mention speakerForm.
type Quote struct {
	ID, Type, Content, Speaker, SpeakerForm, Cue, Channel, ReportedBy, NestedIn string
	Anonymous                                                                   bool
}

// Quote adds a quote.
func (b *Builder) Quote(q Quote) *Builder {
	pq := parley.Quote{ID: q.ID, Type: parley.QuoteType(q.Type), Content: b.Span(q.Content, 0), Speaker: q.Speaker,
		Cue: q.Cue, Channel: q.Channel, ReportedBy: q.ReportedBy, NestedIn: q.NestedIn, Anonymous: q.Anonymous}
	if pq.Type == "" {
		pq.Type = parley.Direct
	}
	if e := b.a.Entity(q.Speaker); e != nil {
		pq.SpeakerName = e.Name
	}
	if q.SpeakerForm != "" {
		pq.SpeakerSpan = b.Span(q.SpeakerForm, 0)
	}
	if q.Cue != "" && strings.Contains(b.a.Document.Text, q.Cue) {
		pq.CueSpan = b.Span(q.Cue, 0)
	}
	b.a.Quotes = append(b.a.Quotes, pq)
	return b
}

// Event adds an event whose evidence is the phrase evidence.
func (b *Builder) Event(e parley.Event, evidence string) *Builder {
	e.Evidence = b.Span(evidence, 0)
	if e.CAMEORoot == "" && len(e.CAMEO) >= 2 {
		e.CAMEORoot = e.CAMEO[:2]
	}
	b.a.Events = append(b.a.Events, e)
	return b
}

// Stance is one source's position in a claim added with Claim.
type Stance struct {
	Source   string // entity id
	Stance   parley.Stance
	Quote    string
	Evidence string // a phrase of the text
}

// Claim adds a claim with its stances.
func (b *Builder) Claim(id, text, key string, status parley.ClaimStatus, stances ...Stance) *Builder {
	c := parley.Claim{ID: id, Text: text, Key: key, Status: status}
	for _, s := range stances {
		cs := parley.ClaimStance{Source: s.Source, Stance: s.Stance, Quote: s.Quote}
		if e := b.a.Entity(s.Source); e != nil {
			cs.SourceName = e.Name
		}
		if s.Evidence != "" {
			cs.Evidence = b.Span(s.Evidence, 0)
		}
		c.Stances = append(c.Stances, cs)
	}
	b.a.Claims = append(b.a.Claims, c)
	return b
}

// Analysis returns the analysis built.
func (b *Builder) Analysis() *parley.Analysis {
	a := b.a
	return &a
}
