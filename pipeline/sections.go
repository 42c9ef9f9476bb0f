package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
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

// extractSections analyses a long document in sections, several at once,
// and merges them into d in text order: entities with the same type and name
// become one, references are renumbered, positions are shifted to the whole
// text. At most one section per core is analysed or waiting to be merged, so
// memory stays near the size of the merged Doc.
func (p *Pipeline) extractSections(ctx context.Context, d *parley.Doc) error {
	var starts []int
	for start := 0; start < len(d.Text); start = sectionEnd(d.Text, start, p.sectionBytes()) {
		starts = append(starts, start)
	}
	type result struct {
		sec *parley.Doc
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	order := make(chan chan result, len(starts))
	go func() {
		defer close(order)
		for i, start := range starts {
			end := len(d.Text)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			c := make(chan result, 1)
			order <- c
			go func() {
				sec := &parley.Doc{Document: d.Document}
				sec.Text = d.Text[start:end]
				c <- result{sec, p.run(ctx, sec)}
			}()
		}
	}()
	m := merger{d: d, entities: map[string]parley.EntityRef{}}
	i := 0
	for c := range order {
		r := <-c
		<-slots
		if r.err != nil {
			cancel()
			for c := range order { // let the running sections finish
				<-c
				<-slots
			}
			return fmt.Errorf("section at byte %d: %w", starts[i], r.err)
		}
		m.add(r.sec, starts[i])
		if i == 0 {
			m.reserve(r.sec, len(d.Text))
		}
		i++
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Warnings = append(d.Warnings, fmt.Sprintf("long document (%d bytes) analysed in %d sections; coreference does not cross them", len(d.Text), m.sections))
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

// merger accumulates section Docs into one.
type merger struct {
	d        *parley.Doc
	entities map[string]parley.EntityRef // type + name → merged entity
	sections int
}

// reserve grows the merged layers to what a text of n bytes will need,
// judging by the first section, so that appending does not copy them again
// and again.
func (m *merger) reserve(first *parley.Doc, n int) {
	scale := func(k int) int { return int(float64(k) * float64(n) / float64(max(len(first.Text), 1)) * 1.1) }
	d := m.d
	d.Tokens = slices.Grow(d.Tokens, scale(len(first.Tokens)))
	d.Sentences = slices.Grow(d.Sentences, scale(len(first.Sentences)))
	d.Mentions = slices.Grow(d.Mentions, scale(len(first.Mentions)))
	d.Quotes = slices.Grow(d.Quotes, scale(len(first.Quotes)))
	d.Events = slices.Grow(d.Events, scale(len(first.Events)))
}

// add appends the layers of sec, which starts at byte off of the whole text.
func (m *merger) add(sec *parley.Doc, off int) {
	m.sections++
	d := m.d
	shift := func(s parley.Span) parley.Span {
		if s.IsZero() {
			return s
		}
		return parley.Span{Start: s.Start + off, End: s.End + off}
	}
	tokOff, sentOff, paraOff := len(d.Tokens), len(d.Sentences), len(d.Paragraphs)
	d.AppendTokens(sec, off)
	for _, s := range sec.Sentences {
		s.Start, s.End, s.First, s.Last, s.Para = s.Start+off, s.End+off, s.First+tokOff, s.Last+tokOff, s.Para+paraOff
		d.Sentences = append(d.Sentences, s)
	}
	for _, p := range sec.Paragraphs {
		p.Start, p.End, p.First, p.Last = p.Start+off, p.End+off, p.First+sentOff, p.Last+sentOff
		d.Paragraphs = append(d.Paragraphs, p)
	}
	for _, q := range sec.QuotePairs {
		q.Open, q.First, q.Last, q.Para = q.Open+tokOff, q.First+tokOff, q.Last+tokOff, q.Para+paraOff
		if q.Close >= 0 {
			q.Close += tokOff
		}
		d.QuotePairs = append(d.QuotePairs, q)
	}
	ents := m.addEntities(sec)
	for _, mn := range sec.Mentions {
		mn.Span, mn.First, mn.Last, mn.Entity = shift(mn.Span), mn.First+int32(tokOff), mn.Last+int32(tokOff), ents[mn.Entity]
		d.Mentions = append(d.Mentions, mn)
	}
	quoteOff := parley.QuoteRef(len(d.Quotes))
	qref := func(r parley.QuoteRef) parley.QuoteRef {
		if r == 0 {
			return 0
		}
		return r + quoteOff
	}
	for _, q := range sec.Quotes {
		q.Speaker, q.NestedIn, q.Continues = ents[q.Speaker], qref(q.NestedIn), qref(q.Continues)
		q.Content, q.SpeakerSpan, q.CueSpan = shift(q.Content), shift(q.SpeakerSpan), shift(q.CueSpan)
		d.Quotes = append(d.Quotes, q)
	}
	for _, e := range sec.Events {
		e.Source, e.Target, e.ReportedIn = ents[e.Source], ents[e.Target], qref(e.ReportedIn)
		e.Evidence = shift(e.Evidence)
		if e.Location != nil {
			loc := *e.Location
			loc.Entity = ents[loc.Entity]
			e.Location = &loc
		}
		d.Events = append(d.Events, e)
	}
	for _, c := range sec.Claims {
		stances := make([]parley.ClaimStance, len(c.Stances))
		for i, st := range c.Stances {
			st.Source, st.Quote, st.Evidence = ents[st.Source], qref(st.Quote), shift(st.Evidence)
			stances[i] = st
		}
		c.Stances = stances
		d.Claims = append(d.Claims, c)
	}
	d.Warnings = append(d.Warnings, sec.Warnings...)
}

// addEntities merges the entities of sec into the whole Doc by type and
// name, and returns the map from section refs to merged refs (0 → 0).
func (m *merger) addEntities(sec *parley.Doc) map[parley.EntityRef]parley.EntityRef {
	ents := make(map[parley.EntityRef]parley.EntityRef, len(sec.Entities)+1)
	ents[0] = 0
	for i, e := range sec.Entities {
		key := string(e.Type) + "\x00" + strings.ToLower(e.Name)
		ref, ok := m.entities[key]
		if !ok {
			ref = m.d.AddEntity(e)
			m.entities[key] = ref
		}
		ents[parley.EntityAt(i)] = ref
		me := m.d.Entity(ref)
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
	}
	return ents
}
