package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-news/parley"
)

// defaultSectionBytes bounds the text analysed at once. News articles are a
// few kilobytes; a document above this size (a book, a transcript dump, a
// concatenation) is analysed in paragraph-aligned sections whose results are
// merged, so that time and memory stay proportional to its size. What is lost
// is coreference across a section boundary.
const defaultSectionBytes = 1 << 20

func (p *Pipeline) sectionBytes() int {
	if p.section > 0 {
		return p.section
	}
	return defaultSectionBytes
}

// extractSections analyses a long document section by section and merges the
// results into a: entities with the same type and name become one, ids are
// renumbered, spans are shifted to the whole text.
func (p *Pipeline) extractSections(ctx context.Context, a *parley.Analysis) error {
	m := merger{a: a, entities: map[string]string{}}
	for start := 0; start < len(a.Document.Text); {
		end := sectionEnd(a.Document.Text, start, p.sectionBytes())
		sec := &parley.Analysis{Document: a.Document}
		sec.Document.Text = a.Document.Text[start:end]
		if err := p.run(ctx, sec); err != nil {
			return fmt.Errorf("section at byte %d: %w", start, err)
		}
		m.add(sec, start)
		start = end
	}
	a.Warnings = append(a.Warnings, fmt.Sprintf("long document (%d bytes) analysed in %d sections; coreference does not cross them", len(a.Document.Text), m.sections))
	return nil
}

// sectionEnd returns the end of the section that starts at start: the last
// paragraph break before start+size, or a line, sentence or word break when a
// paragraph is longer than that, and the end of the text at the latest.
func sectionEnd(s string, start, size int) int {
	limit := start + size
	if limit >= len(s) {
		return len(s)
	}
	window := s[start:limit]
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(window, sep); i > size/2 {
			return start + i + len(sep)
		}
	}
	// no break at all: cut on a rune boundary
	for limit > start && limit < len(s) && s[limit]&0xC0 == 0x80 {
		limit--
	}
	return limit
}

// merger accumulates section analyses into one.
type merger struct {
	a        *parley.Analysis
	entities map[string]string // type + name → merged entity id
	sections int
}

func (m *merger) add(sec *parley.Analysis, off int) {
	m.sections++
	shift := func(s parley.Span) parley.Span {
		if s.IsZero() {
			return s
		}
		return parley.Span{Start: s.Start + off, End: s.End + off}
	}
	ids := map[string]string{} // section entity id → merged id
	for _, e := range sec.Entities {
		key := string(e.Type) + "\x00" + strings.ToLower(e.Name)
		id, ok := m.entities[key]
		if !ok {
			id = "E" + strconv.Itoa(len(m.a.Entities)+1)
			m.entities[key] = id
			ne := e
			ne.ID, ne.Mentions = id, nil
			m.a.Entities = append(m.a.Entities, ne)
		}
		ids[e.ID] = id
		me := &m.a.Entities[entityIndex(id)]
		for _, r := range e.Roles {
			if !slices.Contains(me.Roles, r) {
				me.Roles = append(me.Roles, r)
			}
		}
		for _, al := range e.Aliases {
			if !slices.Contains(me.Aliases, al) {
				me.Aliases = append(me.Aliases, al)
			}
		}
		for _, mn := range e.Mentions {
			me.Mentions = append(me.Mentions, parley.Mention{Span: shift(mn.Span), Kind: mn.Kind})
		}
	}
	qids := map[string]string{}
	for _, q := range sec.Quotes {
		qids[q.ID] = "Q" + strconv.Itoa(len(m.a.Quotes)+len(qids)+1)
	}
	for _, q := range sec.Quotes {
		q.ID, q.Speaker, q.NestedIn, q.Continues = qids[q.ID], ids[q.Speaker], qids[q.NestedIn], qids[q.Continues]
		q.Content, q.SpeakerSpan, q.CueSpan = shift(q.Content), shift(q.SpeakerSpan), shift(q.CueSpan)
		m.a.Quotes = append(m.a.Quotes, q)
	}
	for _, e := range sec.Events {
		e.ID = "V" + strconv.Itoa(len(m.a.Events)+1)
		e.Source, e.Target, e.ReportedIn = ids[e.Source], ids[e.Target], qids[e.ReportedIn]
		e.Evidence = shift(e.Evidence)
		if e.Location != nil {
			loc := *e.Location
			loc.Entity = ids[loc.Entity]
			e.Location = &loc
		}
		m.a.Events = append(m.a.Events, e)
	}
	for _, c := range sec.Claims {
		c.ID = "C" + strconv.Itoa(len(m.a.Claims)+1)
		stances := make([]parley.ClaimStance, len(c.Stances))
		for i, st := range c.Stances {
			st.Source, st.Quote, st.Evidence = ids[st.Source], qids[st.Quote], shift(st.Evidence)
			stances[i] = st
		}
		c.Stances = stances
		m.a.Claims = append(m.a.Claims, c)
	}
	m.a.Warnings = append(m.a.Warnings, sec.Warnings...)
}
