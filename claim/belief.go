package claim

import (
	"github.com/parley-news/parley"
)

// A belief the article reports in its own voice ("Protesters believe the
// extradition bill is an example of Hong Kong's eroding autonomy") is a
// side its holders take, as a quote is: the quote layer reads speech, not
// belief, so the claim layer reads these sentences itself.

// beliefSubjectReach is how many words may open a sentence before its
// belief verb: "Protesters", "Many residents", "The opposition parties".
const beliefSubjectReach = 4

// beliefs returns the stances of the sentences of d that open with a
// subject and a belief verb (data/words.tsv class belief_verb) outside
// every quote, each asserting the clause after the verb.
func beliefs(d *parley.Doc) []*stance {
	var out []*stance
	for _, s := range d.Sentences {
		if s.Last-s.First < 4 || s.Last > len(d.Tokens) {
			continue
		}
		a := s.First
		if opener := d.Lower(a); opener == "but" || opener == "and" {
			a++
		}
		v := -1
		for k := a; k < s.Last && k <= a+beliefSubjectReach; k++ {
			if beliefVerbs[d.Lower(k)] {
				v = k
				break
			}
			if d.Tokens[k].Kind != parley.Word || stopWords[d.Lower(k)] && k > a {
				break
			}
		}
		if v <= a || !d.Tokens[a].Is(parley.Cap) || pronounSources[d.Lower(a)] {
			continue
		}
		c := v + 1
		if c < s.Last && d.Lower(c) == "that" {
			c++
		} else if c < s.Last && agentStops[d.Lower(c)] {
			continue // "Research fears over …": a noun, no belief
		}
		last := s.Last - 1
		for last > c && d.Tokens[last].Kind != parley.Word {
			last--
		}
		if last-c < 2 {
			continue
		}
		content := tokenSpan(d, c, last+1)
		if insideQuote(d, tokenSpan(d, a, last+1)) {
			continue
		}
		subj := tokenSpan(d, a, v)
		out = append(out, &stance{
			ClaimStance: parley.ClaimStance{Source: entityAt(d, subj), SourceName: d.Text[subj.Start:subj.End], Stance: parley.Asserts,
				Evidence: tokenSpan(d, a, last+1)},
			content: content, words: contentWords(words(d.Text[content.Start:content.End])), quoteIdx: -1, group: -1, own: true,
			names: names(d.Text[content.Start:content.End], content.Start, d), people: people(d, content, 0),
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
