package claim

import (
	"github.com/parley-news/parley"
)

// A belief the article reports in its own voice ("Protesters believe the
// extradition bill is an example of Hong Kong's eroding autonomy") is a
// side its holders take, as a quote is. The quote layer reads beliefs on
// the parse as attitudes (Doc.Attitudes); those outside every quote are
// stances here.

// minBeliefWords is the fewest tokens a belief's proposition needs to be
// compared with what others say.
const minBeliefWords = 3

// beliefs returns the stances of the beliefs of d reported outside every
// quote, each asserting its proposition.
func beliefs(d *parley.Doc) []*stance {
	var out []*stance
	for _, a := range d.Attitudes {
		if a.Kind != parley.Belief || a.HolderSpan.Start >= a.Content.Start {
			continue
		}
		ev := parley.Span{Start: a.HolderSpan.Start, End: a.Content.End}
		content := a.Content
		if insideQuote(d, ev) || d.TokenAt(content.End-1)-d.TokenAt(content.Start)+1 < minBeliefWords {
			continue
		}
		src := a.Holder
		if src == 0 {
			src = entityAt(d, a.HolderSpan)
		}
		text := d.Text[content.Start:content.End]
		out = append(out, &stance{
			ClaimStance: parley.ClaimStance{Source: src, SourceName: a.HolderName, Stance: parley.Asserts, Evidence: ev},
			content:     content, words: contentWords(words(text)), quoteIdx: -1, group: -1, own: true,
			names: names(text, content.Start, d), people: people(d, content, 0),
		})
	}
	return out
}

// insideQuote reports whether sp overlaps the content of a quote of d: a
// belief a speaker reports is part of what the speaker says.
func insideQuote(d *parley.Doc, sp parley.Span) bool {
	for _, q := range d.Quotes {
		if q.Content.Overlaps(sp) || q.CueSpan.Overlaps(sp) {
			return true
		}
	}
	return false
}

// effects reads, in a stance's content, the verbs of harm and of
// protection (classes effect_minus, effect_plus: "eroding autonomy",
// "granting Hong Kong autonomy") with the word they bear on, the first
// lower-case content word after them: object stem → −1 or +1.
func effects(d *parley.Doc, sp parley.Span) map[string]int {
	if len(d.Tokens) == 0 || sp.End > len(d.Text) || sp.IsZero() {
		return nil
	}
	var m map[string]int
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	for k := first; k < last && k < len(d.Tokens); k++ {
		sign := 0
		switch w := d.Lower(k); {
		case effectMinus[w]:
			sign = -1
		case effectPlus[w]:
			sign = 1
		default:
			continue
		}
		for j := k + 1; j < last && j <= k+effectReach; j++ {
			w := d.Lower(j)
			if d.Tokens[j].Kind != parley.Word || stopWords[w] || d.Tokens[j].Is(parley.Cap) || len(w) < 3 {
				continue
			}
			if m == nil {
				m = map[string]int{}
			}
			m[stem(w)] = sign
			break
		}
	}
	return m
}

// effectReach is how many tokens may stand between a verb of harm or
// protection and the word it bears on: "granting Hong Kong autonomy".
const effectReach = 4

// againstHarm turns the stances of a group that say something protects
// what another of its stances says is harmed ("granting autonomy" beside
// "eroding autonomy") against the claim, which is the harm.
func againstHarm(ss []*stance) {
	harmed := map[string]bool{}
	for _, s := range ss {
		for w, sign := range s.effects {
			if sign < 0 {
				harmed[w] = true
			}
		}
	}
	for _, s := range ss {
		for w, sign := range s.effects {
			if sign > 0 && harmed[w] && (s.Stance == parley.Asserts || s.Stance == parley.Confirms) {
				s.Stance = parley.Disputes
			}
		}
	}
}
