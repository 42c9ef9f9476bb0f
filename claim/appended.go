package claim

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// appendedReach is how many words an appended denial may take from its
// comma to its verb: ", a charge the company strongly denies".
const appendedReach = 9

// appendedDenial reads a denial the text appends to a reported
// proposition: "others had raised concerns about Roe potentially
// leaking information, a prospect Hale denied", "…, a charge he
// denies", "…, which the Tories deny", "…, a claim denied by the
// chancellor". The proposition is quote q's content; the denial's source
// is the entity mentioned right before the verb (a name, or a pronoun or
// description coreference resolved) or after its "by". It returns the
// denying stance, or nil, and where q's proposition ends: before the
// appended clause when the quote's content ran over it.
func appendedDenial(d *parley.Doc, q *parley.Quote) (*stance, int) {
	if q.Content.Start >= q.Content.End || len(d.Tokens) == 0 {
		return nil, q.Content.End
	}
	i := d.TokenAt(q.Content.Start)
	if i >= len(d.Tokens) {
		return nil, q.Content.End
	}
	sent := d.Sentences[d.SentenceOf(i)]
	for k := i + 1; k+2 < sent.Last; k++ {
		if int(d.Tokens[k].Start) > q.Content.End+1 {
			break
		}
		if d.Tok(k) != "," || !appendedOpeners[d.Lower(k+1)] {
			continue
		}
		if src, ok := appendedSource(d, sent, k+1, q.Speaker); ok {
			return &stance{
				ClaimStance: parley.ClaimStance{Source: src.ref, SourceName: src.name, Stance: parley.Denies,
					Evidence: parley.Span{Start: int(d.Tokens[k+1].Start), End: src.end}},
				quoteIdx: -1, group: -1,
			}, min(q.Content.End, int(d.Tokens[k].Start))
		}
	}
	return nil, q.Content.End
}

// denier is the source of an appended denial: an entity, or for an agent
// the entity layer does not know ("denied by the chancellor") the words
// that name it; end is the byte end of the clause that states it.
type denier struct {
	ref  parley.EntityRef
	name string
	end  int
}

// appendedSource reads the clause opened at token a ("a prospect Hale
// denied", "which he denies") up to its denying verb, which takes no
// clause of its own (appended_stop): the entity mentioned right before the
// verb (over auxiliaries and adverbs), or the agent after its "by", not
// the quote's own speaker.
func appendedSource(d *parley.Doc, sent parley.Sentence, a int, speaker parley.EntityRef) (denier, bool) {
	for v := a + 2; v < sent.Last && v <= a+appendedReach; v++ {
		if d.Tokens[v].Kind == parley.Punct {
			return denier{}, false
		}
		if !appendedVerbs[d.Lower(v)] {
			continue
		}
		if v+1 < sent.Last && appendedStops[d.Lower(v+1)] {
			return denier{}, false // "which he denied was true": the verb has a clause of its own
		}
		if v+2 < sent.Last && d.Lower(v+1) == "by" {
			return agentOf(d, sent, v+2, speaker)
		}
		j := v - 1
		for j > a && (relayInterposed[d.Lower(j)] || appendedAdverbs[d.Lower(j)]) {
			j--
		}
		m := d.MentionAt(j)
		if m == nil || m.Entity == 0 || m.Entity == speaker || int(m.First) <= a {
			return denier{}, false
		}
		if e := d.Entity(m.Entity); e == nil || strings.TrimSpace(e.Name) == "" {
			return denier{}, false
		}
		return denier{ref: m.Entity, end: int(d.Tokens[v].End)}, true
	}
	return denier{}, false
}

// agentOf reads the agent after "by" at token a, up to punctuation: the
// first entity mentioned ("by Chancellor Gordon Brown"), else its words
// ("by the chancellor").
func agentOf(d *parley.Doc, sent parley.Sentence, a int, speaker parley.EntityRef) (denier, bool) {
	k := a
	for ; k < sent.Last && k < a+appendedReach && d.Tokens[k].Kind != parley.Punct; k++ {
		if m := d.MentionAt(k); m != nil && m.Entity != 0 {
			if m.Entity == speaker {
				return denier{}, false
			}
			return denier{ref: m.Entity, end: int(d.Tokens[m.Last-1].End)}, true
		}
	}
	if k == a || k == a+appendedReach {
		return denier{}, false
	}
	sp := d.TokenSpan(a, k)
	return denier{name: d.Text[sp.Start:sp.End], end: sp.End}, true
}

// withoutAppendedCues drops the stances of quotes whose cue lies in an
// appended denial's clause: the quote finder may read "a claim denied by
// the chancellor" as a quote of "a claim", whose denial the appended
// stance already states with its real source.
func withoutAppendedCues(d *parley.Doc, sts []*stance, appended []parley.Span) []*stance {
	if len(appended) == 0 {
		return sts
	}
	return slices.DeleteFunc(sts, func(s *stance) bool {
		if s.quoteIdx < 0 {
			return false
		}
		cue := d.Quotes[s.quoteIdx].CueSpan
		return slices.ContainsFunc(appended, func(a parley.Span) bool { return !cue.IsZero() && a.Contains(cue) })
	})
}
