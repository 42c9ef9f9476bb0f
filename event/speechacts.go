package event

import (
	"bufio"
	"fmt"
	"sort"
	"strings"

	"github.com/parley-news/parley"
)

// parseSpeechActs reads speechacts.tsv: cue word TAB CAMEO code.
func parseSpeechActs(data string, codes map[string]Code) (map[string]string, error) {
	m := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if line == 1 || s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 2 || f[0] == "" {
			return nil, fmt.Errorf("speechacts.tsv:%d: want cue TAB code, got %q", line, s)
		}
		if _, ok := codes[f[1]]; !ok {
			return nil, fmt.Errorf("speechacts.tsv:%d: unknown CAMEO code %q", line, f[1])
		}
		m[strings.ToLower(f[0])] = f[1]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("speechacts.tsv: %w", err)
	}
	return m, nil
}

// speechActs adds the events that quotes are: "X accused Y of …", "X urged
// Y to …" is an accusation or appeal by the speaker, whether or not the
// verb coder found an actor for it; an unnamed speaker ("critics", "the
// two Arab states") is a source too. A quote already coded at its cue and
// one with no speaker at all add nothing. The criticisms quotes make by
// their words of judgment follow (judgments). It returns the events; the
// coder merges them into d.Events.
func (c *Coder) speechActs(in *input, skip []bool) []parley.Event {
	d := in.Doc
	var add []parley.Event
	for _, q := range d.Quotes {
		code, ok := c.speechCode(q)
		if !ok || q.Speaker == 0 || codedAt(d.Events, q) || c.discarded(d, skip, q.CueSpan.Start) || c.denial(d, q, code) || c.toThePublic(q, code) {
			continue
		}
		k := c.codes[code]
		e := parley.Event{
			PLOVER: k.PLOVER, PLOVERMode: k.PLOVERMode, CAMEO: k.Code, CAMEORoot: k.Root,
			QuadClass: k.QuadClass, Goldstein: k.Goldstein,
			Source: q.Speaker, SourceCode: c.refCode(d, q.Speaker),
			Evidence:   parley.Span{Start: min(q.CueSpan.Start, q.Content.Start), End: max(q.CueSpan.End, q.Content.End)},
			ReportedIn: q.NestedIn,
			Trigger:    strings.ToLower(q.Cue),
		}
		if q.CueSpan.End > q.CueSpan.Start && len(d.Tokens) > 0 {
			e.TriggerToken = int32(d.TokenAt(q.CueSpan.Start) + 1)
		}
		if t := speechTarget(d, q); t != 0 {
			e.Target, e.TargetCode = t, c.refCode(d, t)
		}
		// A promise is a political act only from a political actor or a
		// country's elite (as the coder codes most politicians it knows by
		// name): "Gordon Brown pledged to end teenage unemployment", not
		// "Yahoo promised that future versions will…".
		if k.Root == "03" && !political(e.SourceCode) && !(hasCountry(e.SourceCode) && strings.HasSuffix(e.SourceCode, "ELI")) {
			continue
		}
		if c.sportSense(in, k, []parley.Event{e}, nil) {
			continue // realis.go: "rejected the chance to manage the club"
		}
		add = append(add, e)
	}
	return append(add, c.judgments(in, skip)...)
}

// denial reports whether a rejection's content is a proposition ("rejected
// allegations he pressured …", "rejected speculation that …"): a denial,
// which the claims layer takes as a stance, not an event.
func (c *Coder) denial(d *parley.Doc, q parley.Quote, code string) bool {
	if !strings.HasPrefix(code, "12") {
		return false
	}
	var words []string
	for i := d.TokenAt(q.Content.Start); i >= 0 && i < len(d.Tokens) && len(words) < 9 && int(d.Tokens[i].Start) < q.Content.End; i++ {
		words = append(words, strings.ToUpper(d.Lower(i)))
	}
	for k := 0; k < len(words) && k < 4; k++ {
		if c.classes.at("claim_object", words, k) > 0 {
			return !c.claimToSomething(words, k)
		}
	}
	return false
}

// toThePublic reports an appeal or encouragement addressed to the general
// public ("urged voters to …"): exhortation, not a request between actors.
func (c *Coder) toThePublic(q parley.Quote, code string) bool {
	if !strings.HasPrefix(code, "02") && !strings.HasPrefix(code, "05") || q.Addressee == "" {
		return false
	}
	words := strings.Fields(strings.ToUpper(q.Addressee))
	for k := range words {
		if c.classes.at("public_object", words, k) > 0 {
			return true
		}
	}
	return false
}

// discarded reports whether the sentence holding byte b is out of event
// coding: in a paragraph a story-level discard covers (skip), or itself
// naming a sentence-level discard (sport, entertainment).
func (c *Coder) discarded(d *parley.Doc, skip []bool, b int) bool {
	si := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > b })
	if si >= len(d.Sentences) {
		return false
	}
	s := d.Sentences[si]
	if s.Para < len(skip) && skip[s.Para] {
		return true
	}
	words := make([]string, 0, s.Last-s.First)
	for i := s.First; i < s.Last; i++ {
		words = append(words, strings.ToUpper(d.Tok(i)))
	}
	return hit(c.discard.sentence, words)
}

// speechCode returns the CAMEO code of a quote's cue, if it is a speech act.
func (c *Coder) speechCode(q parley.Quote) (string, bool) {
	if q.Continues != 0 || q.Cue == "" {
		return "", false
	}
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(q.Cue)), " ")
	code, ok := c.speech[w]
	return code, ok
}

// codedAt reports whether the verb coder already made an event of the
// quote's cue: an event triggered by the cue's word whose evidence holds
// it. Another event whose evidence runs over the cue ("the two states to
// have signed peace treaties with Israel also criticised…") leaves the
// speech act to be coded.
func codedAt(evs []parley.Event, q parley.Quote) bool {
	cue := q.CueSpan
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(q.Cue)), " ")
	for _, e := range evs {
		t, _, _ := strings.Cut(e.Trigger, " ")
		if t == w && e.Evidence.Contains(parley.Span{Start: cue.Start, End: cue.Start + 1}) {
			return true
		}
	}
	return false
}

// refCode is the CAMEO actor code of an entity, or "".
func (c *Coder) refCode(d *parley.Doc, r parley.EntityRef) string {
	if i := r.Index(); i >= 0 && i < len(d.Entities) {
		return c.entityCode(&d.Entities[i], d.Published)
	}
	return ""
}

// speechTarget is whom a speech act addresses: the addressee, else the
// first person, organisation or place named in the content other than the
// speaker.
func speechTarget(d *parley.Doc, q parley.Quote) parley.EntityRef {
	if q.Addressee != "" {
		for i, e := range d.Entities {
			if e.Name == q.Addressee {
				return parley.EntityAt(i)
			}
		}
	}
	i := sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].Span.Start >= q.Content.Start })
	for ; i < len(d.Mentions) && d.Mentions[i].Span.Start < q.Content.End; i++ {
		if m := d.Mentions[i]; m.Entity != 0 && m.Entity != q.Speaker {
			return m.Entity
		}
	}
	return 0
}
