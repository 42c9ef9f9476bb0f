package parley

import (
	"fmt"
	"unicode/utf8"
)

// Validate checks the invariants every stage keeps: spans inside the text on
// rune boundaries, tokens in order, sentences and mentions covering tokens
// in order, heads inside their sentence, and references that point at
// records of the Doc. Tests and fuzzers call it; a non-nil error is a bug.
func (d *Doc) Validate() error {
	if err := d.validateTokens(); err != nil {
		return err
	}
	if err := d.validateMentions(); err != nil {
		return err
	}
	for i, q := range d.Quotes {
		for _, sp := range []Span{q.Content, q.SpeakerSpan, q.CueSpan} {
			if err := d.span(sp); err != nil {
				return fmt.Errorf("quote %s: %w", QuoteAt(i).ID(), err)
			}
		}
		if !d.entityRef(q.Speaker) || !d.quoteRef(q.NestedIn) || !d.quoteRef(q.Continues) || q.NestedIn == QuoteAt(i) {
			return fmt.Errorf("quote %s: a reference points at nothing", QuoteAt(i).ID())
		}
	}
	for i, a := range d.Attitudes {
		for _, sp := range []Span{a.Content, a.HolderSpan, a.CueSpan} {
			if err := d.span(sp); err != nil {
				return fmt.Errorf("attitude %s: %w", AttitudeID(i), err)
			}
		}
		if !d.entityRef(a.Holder) {
			return fmt.Errorf("attitude %s: a reference points at nothing", AttitudeID(i))
		}
	}
	for i, e := range d.Events {
		if err := d.span(e.Evidence); err != nil {
			return fmt.Errorf("event %s: %w", EventID(i), err)
		}
		if !d.entityRef(e.Source) || !d.entityRef(e.Target) || !d.quoteRef(e.ReportedIn) || e.Location != nil && !d.entityRef(e.Location.Entity) {
			return fmt.Errorf("event %s: a reference points at nothing", EventID(i))
		}
	}
	for i, c := range d.Claims {
		for _, st := range c.Stances {
			if err := d.span(st.Evidence); err != nil {
				return fmt.Errorf("claim %s: %w", ClaimID(i), err)
			}
			if !d.entityRef(st.Source) || !d.quoteRef(st.Quote) {
				return fmt.Errorf("claim %s: a reference points at nothing", ClaimID(i))
			}
		}
	}
	return nil
}

// validateMentions checks that mentions are in order and nest without
// crossing.
func (d *Doc) validateMentions() error {
	var open []Mention
	for i, m := range d.Mentions {
		if err := d.span(m.Span); err != nil {
			return fmt.Errorf("mention %d: %w", i, err)
		}
		if m.First < 0 || m.First >= m.Last || int(m.Last) > len(d.Tokens) || i > 0 && before(m, d.Mentions[i-1]) {
			return fmt.Errorf("mention %d: tokens [%d,%d) out of order or range", i, m.First, m.Last)
		}
		for len(open) > 0 && open[len(open)-1].Last <= m.First {
			open = open[:len(open)-1]
		}
		if len(open) > 0 && (m.Last > open[len(open)-1].Last || sameSpan(m, open[len(open)-1])) {
			return fmt.Errorf("mention %d: tokens [%d,%d) cross another", i, m.First, m.Last)
		}
		open = append(open, m)
		if d.Entity(m.Entity) == nil {
			return fmt.Errorf("mention %d: entity %d of %d", i, m.Entity, len(d.Entities))
		}
	}
	return nil
}

func (d *Doc) validateTokens() error {
	prev := int32(0)
	for i, t := range d.Tokens {
		if t.Start < prev || t.End <= t.Start {
			return fmt.Errorf("token %d [%d,%d) out of order", i, t.Start, t.End)
		}
		if err := d.span(Span{int(t.Start), int(t.End)}); err != nil {
			return fmt.Errorf("token %d: %w", i, err)
		}
		prev = t.End
	}
	next := 0
	for si, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			return fmt.Errorf("sentence %d: tokens [%d,%d) do not follow %d", si, s.First, s.Last, next)
		}
		for k := s.First; k < s.Last; k++ {
			t := d.Tokens[k]
			if t.Rel != NoRel && t.Head >= 0 && (int(t.Head) < s.First || int(t.Head) >= s.Last || int(t.Head) == k) {
				return fmt.Errorf("token %d: head %d outside sentence %d", k, t.Head, si)
			}
		}
		next = s.Last
	}
	if next != len(d.Tokens) {
		return fmt.Errorf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	return nil
}

// span checks that sp lies inside the text on rune boundaries.
func (d *Doc) span(sp Span) error {
	if sp.Start < 0 || sp.Start > sp.End || sp.End > len(d.Text) {
		return fmt.Errorf("span [%d,%d) outside the %d-byte text", sp.Start, sp.End, len(d.Text))
	}
	for _, b := range []int{sp.Start, sp.End} {
		if b < len(d.Text) && !utf8.RuneStart(d.Text[b]) {
			return fmt.Errorf("span [%d,%d) cuts a rune at %d", sp.Start, sp.End, b)
		}
	}
	return nil
}

func (d *Doc) entityRef(r EntityRef) bool { return r >= 0 && int(r) <= len(d.Entities) }

func (d *Doc) quoteRef(r QuoteRef) bool { return r >= 0 && int(r) <= len(d.Quotes) }
