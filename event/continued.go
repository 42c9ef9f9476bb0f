package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// storyWindow is how many sentences back an event noun of a sentence that
// names no actor may find the act it continues.
const storyWindow = 3

// continued codes the event nouns of a sentence that names no actor ("A
// search of the car turned up two pistols", "The demonstrations grew") as
// the story's acts: a noun of the same kind of act as the event coded
// just before it (the same CAMEO root, or roots of one family of
// continues_root in data/codes.tsv) is done by that event's source to its
// target. Without such an event the noun is prose ("the attack of the
// second half", "a rally in oil prices") and makes nothing.
func (c *Coder) continued(s *sentence) []parley.Event {
	var out []parley.Event
	for i := 0; i < len(s.words); i++ {
		if s.kinds[i] != parley.Word || s.flags[i]&keyNoun == 0 || s.caps[i] && i > 0 && !s.upper {
			continue
		}
		e := c.nouns.entry(s.words, i)
		if e == nil || e.reversed || !nounContext(s, i, len(e.words)) || backReference(s, i) {
			continue
		}
		t, ok := c.modality(s, trig{first: i, last: i + len(e.words), code: e.code, noun: true})
		if !ok {
			continue
		}
		if t, ok = c.sense(s, t); !ok || c.unreal(s, t) {
			continue
		}
		code, ok := c.codes[t.code]
		if !ok {
			continue
		}
		prior := storyEvent(s, code.Root)
		if prior == nil {
			if ev, ok := c.storyProtest(s, t, code); ok {
				out = append(out, ev)
				i = t.last - 1
			}
			continue
		}
		ev := s.evidence(t, nil, nil)
		out = append(out, parley.Event{
			PLOVER: code.PLOVER, PLOVERMode: code.PLOVERMode, CAMEO: code.Code, CAMEORoot: code.Root,
			QuadClass: code.QuadClass, Goldstein: code.Goldstein,
			Source: prior.Source, SourceCode: prior.SourceCode, Target: prior.Target, TargetCode: prior.TargetCode,
			Evidence: ev, ReportedIn: reportedIn(s.in.Doc.Quotes, ev), Negated: t.negated,
			Trigger:      strings.ToLower(strings.Join(s.words[t.first:t.last], " ")),
			TriggerToken: int32(s.first + t.first + 1),
		})
		i = t.last - 1
	}
	return out
}

// storyEvent is the last event of the storyWindow sentences before s
// that is an act of the family of root and has a political source, or nil.
func storyEvent(s *sentence, root string) *parley.Event {
	d := s.in.Doc
	from := int(d.Tokens[d.Sentences[max(0, s.in.si-storyWindow)].First].Start)
	for k := len(d.Events) - 1; k >= 0 && d.Events[k].Evidence.Start >= from; k-- {
		if e := &d.Events[k]; sameStory(e.CAMEORoot, root) && political(e.SourceCode) {
			return e
		}
	}
	return nil
}

// sameStory reports whether an act of root b continues one of root a: the
// same root, or two roots of one family (continues_root).
func sameStory(a, b string) bool {
	return a == b || continuesRoots[a] && continuesRoots[b]
}
