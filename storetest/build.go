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
	"github.com/parley-news/parley/text"
)

// Builder makes an analysed parley.Doc from a text, finding each span by
// the text it covers. Entities, quotes and claims are given ids ("E1",
// "Q2") by which the later calls refer to them. It panics on a phrase the
// text does not contain or an id it was not given: it is for tests, where
// that is a bug in the test.
type Builder struct {
	a        *parley.Doc
	entities map[string]parley.EntityRef
	quotes   map[string]parley.QuoteRef
}

// NewAnalysis starts an analysis of an article.
func NewAnalysis(id, title, outlet, published, txt string) *Builder {
	b := &Builder{a: text.SegmentString(txt), entities: map[string]parley.EntityRef{}, quotes: map[string]parley.QuoteRef{}}
	b.a.Document = parley.Document{ID: id, Title: title, Outlet: outlet, Text: txt, Source: "storetest"}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			panic(fmt.Sprintf("storetest: published %q: %v", published, err))
		}
		b.a.Published = t
	}
	return b
}

// Span returns the byte span of the n-th (from 0) occurrence of phrase.
func (b *Builder) Span(phrase string, n int) parley.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.a.Text[off:], phrase)
		if j < 0 || phrase == "" {
			panic(fmt.Sprintf("storetest: %q not in the text of %s (occurrence %d)", phrase, b.a.ID, n))
		}
		if i == n {
			return parley.Span{Start: off + j, End: off + j + len(phrase)}
		}
		off += j + len(phrase)
	}
}

// Entity adds an entity with a name mention for each occurrence of its name
// and aliases in the text that no earlier mention covers.
func (b *Builder) Entity(id string, typ parley.EntityType, kind, name string, aliases, roles []string, affiliation, country string) *Builder {
	ref := b.a.AddEntity(parley.Entity{Type: typ, Kind: kind, Name: name, Aliases: aliases, Roles: roles, Affiliation: affiliation, Country: country})
	b.entities[id] = ref
	var ms []parley.Mention
	for _, form := range append([]string{name}, aliases...) {
		for off := 0; ; {
			j := strings.Index(b.a.Text[off:], form)
			if j < 0 {
				break
			}
			sp := parley.Span{Start: off + j, End: off + j + len(form)}
			ms = append(ms, parley.Mention{Span: sp, First: int32(b.a.TokenAt(sp.Start)), Last: int32(b.a.TokenAt(sp.End-1) + 1),
				Entity: ref, Kind: parley.NameMention})
			off += j + len(form)
		}
	}
	b.a.AddMentions(ms...)
	return b
}

// entity returns the ref of the entity added with id ("" for none).
func (b *Builder) entity(id string) parley.EntityRef {
	if id == "" {
		return 0
	}
	r, ok := b.entities[id]
	if !ok {
		panic(fmt.Sprintf("storetest: no entity %q in %s", id, b.a.ID))
	}
	return r
}

// quote returns the ref of the quote added with id ("" for none).
func (b *Builder) quote(id string) parley.QuoteRef {
	if id == "" {
		return 0
	}
	r, ok := b.quotes[id]
	if !ok {
		panic(fmt.Sprintf("storetest: no quote %q in %s", id, b.a.ID))
	}
	return r
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
	pq := parley.Quote{Type: parley.QuoteType(q.Type), Content: b.Span(q.Content, 0), Speaker: b.entity(q.Speaker),
		Cue: q.Cue, Channel: q.Channel, ReportedBy: q.ReportedBy, NestedIn: b.quote(q.NestedIn), Anonymous: q.Anonymous}
	if pq.Type == "" {
		pq.Type = parley.Direct
	}
	if e := b.a.Entity(pq.Speaker); e != nil {
		pq.SpeakerName = e.Name
	}
	if q.SpeakerForm != "" {
		pq.SpeakerSpan = b.Span(q.SpeakerForm, 0)
	}
	if q.Cue != "" && strings.Contains(b.a.Text, q.Cue) {
		pq.CueSpan = b.Span(q.Cue, 0)
	}
	b.a.Quotes = append(b.a.Quotes, pq)
	b.quotes[q.ID] = parley.QuoteAt(len(b.a.Quotes) - 1)
	return b
}

// Event adds an event whose evidence is the phrase evidence. Its Source,
// Target and ReportedIn are positions counted from 1 in the order the
// entities and quotes were added.
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

// Claim adds a claim with its stances; its id is kept for symmetry with
// the other calls (claims are not referred to).
func (b *Builder) Claim(_, text, key string, status parley.ClaimStatus, stances ...Stance) *Builder {
	c := parley.Claim{Text: text, Key: key, Status: status}
	for _, s := range stances {
		cs := parley.ClaimStance{Source: b.entity(s.Source), Stance: s.Stance, Quote: b.quote(s.Quote)}
		if e := b.a.Entity(cs.Source); e != nil {
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
func (b *Builder) Analysis() *parley.Doc { return b.a }
