package claim

import (
	"slices"

	"github.com/parley-news/parley"
)

// against reports whether s takes the negative side of its claim.
func against(s *stance) bool { return s.Stance == parley.Denies || s.Stance == parley.Disputes }

// withoutNested drops the stances of ss whose content lies inside the
// content of another stance on the other side ("the Pentagon says they
// were freed after London promised they would not be a threat", "denied
// reports he told aides he would quit"): the outer quote relays the inner
// one, whose words are its own, so the two do not oppose each other; a
// negation both hold may have been read on one and not the other. An
// explicit denial is its source's own side and stays (withoutRelays drops
// the quote that reports it). The containers are the explicit denials of
// raw, the group before repeats were dropped, which decide before the
// placeholders do, and with all the stances of ss when sides are settled.
func withoutNested(ss, raw []*stance, settled bool) []*stance {
	var outer []*stance
	if settled {
		outer = slices.Clone(ss)
	}
	for _, t := range raw {
		if t.Stance == parley.Denies && !slices.Contains(outer, t) {
			outer = append(outer, t)
		}
	}
	inside := func(s *stance) bool {
		return s.quoteIdx >= 0 && s.Stance != parley.Denies && slices.ContainsFunc(outer, func(t *stance) bool {
			return t != s && against(t) != against(s) && t.content != s.content &&
				t.content.Start <= s.content.Start && s.content.End <= t.content.End
		})
	}
	if !slices.ContainsFunc(ss, inside) {
		return ss
	}
	return slices.DeleteFunc(slices.Clone(ss), inside)
}

// withoutLoneContinuations drops the side of a dispute that only
// continuations take: direct quotes that stand as sentences of their own,
// with no cue and no attribution in them (the next paragraph of a long
// quotation). The quote finder gives them the speaker of a neighbouring
// attribution, which is wrong often enough (a paragraph of one speaker
// given to the next), and their sentences range beyond the proposition;
// with a cued stance beside them on their side they stay.
func withoutLoneContinuations(d *parley.Doc, ss []*stance) []*stance {
	lone := func(s *stance) bool { return s.quoteIdx >= 0 && continuation(d, &d.Quotes[s.quoteIdx]) }
	var drop []*stance
	for _, side := range []bool{false, true} {
		var on []*stance
		for _, s := range ss {
			if against(s) == side {
				on = append(on, s)
			}
		}
		if len(on) > 0 && len(on) < len(ss) && !slices.ContainsFunc(on, func(s *stance) bool { return !lone(s) }) {
			drop = append(drop, on...)
		}
	}
	if len(drop) == 0 {
		return ss
	}
	return slices.DeleteFunc(slices.Clone(ss), func(s *stance) bool { return slices.Contains(drop, s) })
}

// continuation reports whether q is a direct quote with no cue that
// opens its sentence: nothing but its quotation mark comes before it.
func continuation(d *parley.Doc, q *parley.Quote) bool {
	if q.Cue != "" || q.Type != parley.Direct || len(d.Tokens) == 0 {
		return false
	}
	i := d.TokenAt(q.Content.Start)
	si := d.SentenceOf(min(i, len(d.Tokens)-1))
	if si < 0 || si >= len(d.Sentences) {
		return false // content at the very end of the text
	}
	first := d.Sentences[si].First
	for k := first; k < i; k++ {
		if d.Tokens[k].Kind == parley.Word || d.Tokens[k].Kind == parley.Number {
			return false
		}
	}
	return true
}
