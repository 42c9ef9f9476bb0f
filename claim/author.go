package claim

import (
	"strings"

	"github.com/parley-news/parley"
)

// The article's own voice takes a side when it says, in reporting a quote,
// that the quote is false ("falsely claimed", "said, without evidence,
// that …") or when it names the thing a source characterises by its own
// verdict ("described the doctored video as lighthearted satire"): the
// outlet (the dateline's credit, "LONDON (AP) —") or else "the writer" is
// then a source of the claim, against or for the quoted one. A fact-check
// reader needs that side: it is the one the article argues.

// authorReach is how many tokens may stand between a verdict adverb and
// the cue it qualifies ("had falsely claimed"), and how far into a
// characterisation's object the outlet's verdict adjective may come ("the
// heavily doctored video").
const authorReach = 2

// authorVerdict returns the outlet's stance on quote q, whose own stance is
// s, or nil when the article's wording takes no side on it. It may turn s
// against the outlet's verdict: a source that characterises what the
// outlet calls doctored as satire disputes that it was doctored.
func authorVerdict(d *parley.Doc, q *parley.Quote, s *stance) *stance {
	if len(d.Tokens) == 0 || q.CueSpan.IsZero() || q.CueSpan.End > len(d.Text) {
		return nil
	}
	if sp, ok := verdictOnCue(d, q); ok {
		// "falsely claimed": the outlet is against what the source says,
		// and for what the source falsely denies.
		st := parley.Disputes
		if s.Stance == parley.Denies || s.Stance == parley.Disputes {
			st = parley.Asserts
		}
		return authorStance(d, q, sp, st)
	}
	if sp, ok := verdictInCharacterisation(d, q); ok && s.Stance == parley.Asserts {
		s.Stance = parley.Disputes
		return authorStance(d, q, sp, parley.Asserts)
	}
	return nil
}

// verdictOnCue finds an adverb of falsity (data/words.tsv class
// author_adverb) just before q's cue ("falsely claimed") or set off by
// commas just after it ("said, without evidence, that").
func verdictOnCue(d *parley.Doc, q *parley.Quote) (parley.Span, bool) {
	c := d.TokenAt(q.CueSpan.Start)
	for k := c - 1; k >= 0 && k >= c-authorReach; k-- {
		if authorAdverbs[d.Lower(k)] {
			return d.TokenSpan(k, k+1), true
		}
		if d.Tokens[k].Kind != parley.Word {
			break
		}
	}
	e := d.TokenAt(q.CueSpan.End - 1)
	if e+1 < len(d.Tokens) && d.Tok(e+1) == "," {
		for n := 1; n <= 3 && e+2+n <= len(d.Tokens); n++ {
			if authorAdverbs[phrase(d, e+2, e+2+n)] {
				return d.TokenSpan(e+2, e+2+n), true
			}
		}
	}
	return parley.Span{}, false
}

// verdictInCharacterisation finds, in the content of a characterisation
// ("described the doctored video as lighthearted satire"; class
// author_characterisation_cue), a verdict adjective of the outlet (class
// author_adjective) on the thing characterised, with the source's own
// characterisation after "as" free of any verdict or negation: a source
// that calls the doctored video "a deliberate lie" agrees with the outlet.
func verdictInCharacterisation(d *parley.Doc, q *parley.Quote) (parley.Span, bool) {
	if !authorCharacterisationCues[strings.ToLower(q.Cue)] || q.Content.End > len(d.Text) {
		return parley.Span{}, false
	}
	first, last := d.TokenAt(q.Content.Start), d.TokenAt(q.Content.End-1)+1
	as := -1
	for k := first; k < last && k < len(d.Tokens); k++ {
		if d.Lower(k) == "as" {
			as = k
			break
		}
	}
	if as < 0 || !reportDeterminers[d.Lower(first)] && d.Lower(first) != "a" && d.Lower(first) != "an" {
		return parley.Span{}, false
	}
	for k := as + 1; k < last; k++ {
		if disputeWords[d.Lower(k)] || authorAdjectives[d.Lower(k)] {
			return parley.Span{}, false
		}
	}
	for k := first + 1; k < as && k <= first+authorReach; k++ {
		if authorAdjectives[d.Lower(k)] {
			return d.TokenSpan(first, as), true
		}
	}
	return parley.Span{}, false
}

// authorStance is the outlet's stance st on q's content, its evidence sp.
func authorStance(d *parley.Doc, q *parley.Quote, sp parley.Span, st parley.Stance) *stance {
	name, at := authorName(d)
	s := &stance{
		ClaimStance: parley.ClaimStance{SourceName: name, Stance: st, Evidence: sp},
		content:     q.Content, quoteIdx: -1, group: -1,
	}
	if !at.IsZero() {
		s.Source = entityAt(d, at)
	}
	return s
}

// authorName is the outlet a dateline credits ("LONDON (AP) —",
// "MOSCOW (Reuters) -") with its span, else "the writer" and no span.
func authorName(d *parley.Doc) (string, parley.Span) {
	const datelineReach = 8
	for k := 0; k+3 < len(d.Tokens) && k < datelineReach; k++ {
		if d.Tok(k) != "(" {
			continue
		}
		j := k + 1
		for j < len(d.Tokens) && j-k <= 3 && d.Tokens[j].Kind == parley.Word && d.Tokens[j].Is(parley.Cap) {
			j++
		}
		if j > k+1 && j+1 < len(d.Tokens) && d.Tok(j) == ")" && d.Tokens[j+1].Kind == parley.Dash {
			sp := d.TokenSpan(k+1, j)
			return d.Text[sp.Start:sp.End], sp
		}
		break
	}
	return "the writer", parley.Span{}
}

// phrase is the lower-case words of tokens a to b, joined by blanks.
func phrase(d *parley.Doc, a, b int) string {
	ws := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		ws = append(ws, d.Lower(k))
	}
	return strings.Join(ws, " ")
}
