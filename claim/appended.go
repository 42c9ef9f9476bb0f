package claim

import (
	"strings"

	"github.com/parley-news/parley"
)

// appendedReach is how many words an appended denial may take from its
// comma to its verb: ", a charge the company strongly denies".
const appendedReach = 9

// appendedDenial reads a denial the text appends to a reported
// proposition: "others had raised concerns about Vindman potentially
// leaking information, a prospect Vindman denied", "…, a charge he
// denies", "…, which the Tories deny". The proposition is quote q's
// content, and the denial's source is the entity mentioned right before
// the verb (a name, or a pronoun or description coreference resolved).
// It returns the denying stance, or nil, and where q's proposition ends:
// before the appended clause when the quote's content ran over it.
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
		if src, end := appendedSource(d, sent, k+1, q.Speaker); src != 0 {
			ev := parley.Span{Start: int(d.Tokens[k+1].Start), End: end}
			return &stance{
				ClaimStance: parley.ClaimStance{Source: src, Stance: parley.Denies, Evidence: ev},
				quoteIdx:    -1, group: -1,
			}, min(q.Content.End, int(d.Tokens[k].Start))
		}
	}
	return nil, q.Content.End
}

// appendedSource reads the clause opened at token a ("a prospect Vindman
// denied", "which he denies") up to its denying verb, which takes no
// clause of its own (appended_stop): the entity mentioned right before the verb (over auxiliaries and
// adverbs), not the quote's own speaker. It returns the entity and the
// byte end of the verb, or 0.
func appendedSource(d *parley.Doc, sent parley.Sentence, a int, speaker parley.EntityRef) (parley.EntityRef, int) {
	for v := a + 2; v < sent.Last && v <= a+appendedReach; v++ {
		w := d.Lower(v)
		if d.Tokens[v].Kind == parley.Punct {
			return 0, 0
		}
		if !appendedVerbs[w] {
			continue
		}
		if v+1 < sent.Last && appendedStops[d.Lower(v+1)] {
			return 0, 0 // "which he denied was true": the verb has a clause of its own
		}
		j := v - 1
		for j > a && (relayInterposed[d.Lower(j)] || appendedAdverbs[d.Lower(j)]) {
			j--
		}
		m := d.MentionAt(j)
		if m == nil || m.Entity == 0 || m.Entity == speaker || int(m.First) <= a {
			return 0, 0
		}
		if e := d.Entity(m.Entity); e == nil || strings.TrimSpace(e.Name) == "" {
			return 0, 0
		}
		return m.Entity, int(d.Tokens[v].End)
	}
	return 0, 0
}
