package quote

import (
	"strings"

	"github.com/parley-news/parley"
)

// accordingTo handles "according to X, CONTENT" and "CONTENT, according to X",
// and ", per X,": the cue is the n tokens from v.
func (r *run) accordingTo(si, v, n int) {
	s := r.d.Sentences[si]
	if v > s.First && r.low(v-1) == "that" {
		return // inside reported content: the source of the speaker's source
	}
	if v+n < s.Last && questionWords[r.low(v+n)] && !r.d.Tokens[v+n].Is(parley.Cap) { // not "according to WHO"
		return // "rewarded according to how much business they brought": in proportion, no source
	}
	sp := r.nounPhraseAt(s, v+n)
	if !sp.ok {
		// any noun phrase: "according to the 2009 paper", "according to one global index"
		sp = r.phraseUpTo(s, v+n)
	}
	if !sp.ok {
		sp = r.authorOf(s, v+n, speaker{first: v + n, last: min(v+n+6, s.Last), entity: -1})
	}
	if !sp.ok {
		return
	}
	if sp.entity < 0 && r.isDocumentNoun(r.low(sp.last-1)) {
		for k := s.First; k < v; k++ {
			if r.cueUsed[k] {
				return // "…, he told settler leaders, according to a statement": a channel, not a source
			}
		}
	}
	// "according to a 2018 survey by Penelope Abernathy": the document's
	// author is the source
	after := sp.last
	if au := r.authorOf(s, v+n, sp); au.ok {
		sp, after = au, max(after, au.last)
	}
	q := found{sp: sp, cue: v, cueEnd: v + n, addresseeEn: -1, nestedIn: -1, para: s.Para}
	if v > s.First+1 {
		// "…, according to Jane Doe, the mayor, …"; an apposition must close
		// with a comma: in "…, according to a timeline, the contractors left"
		// the phrase after the comma is the content's subject
		if b := r.skipAppositive(s, after); b < s.Last && r.low(b) == "," {
			after = b
		}
	}
	if org := after + 1; after < s.Last && r.low(after) == "of" {
		if r.low(org) == "the" {
			org++
		}
		if ref := r.ents.RefAt(org); ref != nil && sp.entity >= 0 {
			after = ref.Last // "according to Jane Doe of the Tribune, …": her outlet
		}
		// the rest of an institution's name, up to the comma: "of the
		// University of North Carolina,"; an unnamed phrase takes it in
		// ("the Ministry of Commerce,")
		e := max(org, after)
		for e < s.Last && e-org < 8 && r.isWord(e) && (r.d.Tokens[e].Is(parley.Cap) || r.low(e) == "of" || r.low(e) == "the") {
			e++
		}
		if e < s.Last && r.low(e) == "," {
			after = e
		} else if c := r.nextComma(s, org, 10); sp.entity < 0 && c < s.Last && r.plainPhrase(s, org, c) {
			after = c // "according to the head of the agency,"
		}
		if sp.entity < 0 && after > sp.last {
			q.sp.last, q.sp.label = after, r.spanText(sp.first, after)
		}
	}
	// a channel: "according to a statement from the ministry"
	if v == s.First || (v == s.First+1 && r.low(s.First) == "but") || (v > s.First && r.low(v-1) != "," && r.kind(v-1) != parley.Dash && after < s.Last && r.low(after) == ",") {
		// according to X, CONTENT
		start := after
		if start < s.Last && r.low(start) == "," {
			start++
		}
		end := r.contentEnd(s, start, false)
		if end-start < 3 {
			return
		}
		r.setContent(&q, start, end)
	} else {
		// CONTENT, according to X
		end := v
		for end > s.First && (r.low(end-1) == "," || r.kind(end-1) == parley.Dash) {
			end--
		}
		start := s.First
		for k := end - 1; k > s.First; k-- {
			if r.cueUsed[k] {
				start = k + 1
				break
			}
		}
		// "Among the precedents at risk, according to Ms. Epstein, are 16 …": the sentence goes
		// on, and its second half is a quote of its own that continues the first
		rest, restEnd := r.continuation(s, after)
		if end-start < 3 && rest < 0 || end <= start {
			return
		}
		if p := r.posAt(s, start); end-start < 3 && (p == parley.ADV || p == parley.ADP || isTimeWord(r.low(start))) {
			start, end, rest = rest, restEnd, -1 // "Now, according to X, the market …": the clause is the content
		}
		r.setContent(&q, start, end)
		if rest >= 0 {
			q.cueEnd = v + n
			r.cueUsed[v] = true
			r.add(q)
			second := q
			r.setContent(&second, rest, restEnd)
			second.cue, second.cont = -1, q.content
			r.add(second)
			return
		}
	}
	q.cueEnd = v + n
	r.cueUsed[v] = true
	r.add(q)
}

// plainPhrase reports words with no verb and no dash in [a, b): the rest of
// a noun phrase, not a clause or an apposition set off by a dash.
func (r *run) plainPhrase(s parley.Sentence, a, b int) bool {
	for k := a; k < b; k++ {
		if r.kind(k) == parley.Dash {
			return false
		}
	}
	return !r.hasVerb(s, a, b)
}

// continuation finds the second half of content interrupted by its cue
// ("The larger landers, he said, could deliver tools"): the clause after the
// comma that follows the cue, or -1. A participle there ("Graham said,
// offering the example") describes the speaker's act and is not content.
func (r *run) continuation(s parley.Sentence, after int) (int, int) {
	if after >= s.Last || r.low(after) != "," {
		return -1, -1
	}
	next := after + 1
	if next >= s.Last || r.isGerundCue(next) || r.low(next) == "according" || strings.HasSuffix(r.low(next), "ing") {
		return -1, -1
	}
	e := r.contentEnd(s, next, false)
	if e <= next+2 || personRelatives[r.low(next)] || r.low(next) == "which" {
		return -1, -1 // "…, according to his supporters, who are …": the source's relative clause
	}
	if isDeterminer(r.low(next)) {
		// "…, according to CrowdTangle, a tool that monitors …": an apposition
		// of the source, up to its relative clause, is no content
		stop := next
		for stop < e && !personRelatives[r.low(stop)] && r.low(stop) != "which" && r.low(stop) != "that" {
			stop++
		}
		if r.appositionOnly(s, next, stop) {
			return -1, -1
		}
	}
	return next, e
}

// authorOf returns the author a "by" phrase names inside the document
// phrase sp that opens at a ("a 2018 survey by Penelope Abernathy", "figures
// released by the ministry"): the document's author is the source. It
// returns no speaker when sp names a person or organisation or has no "by".
func (r *run) authorOf(s parley.Sentence, a int, sp speaker) speaker {
	if sp.entity >= 0 && r.ents.Entities[sp.entity].Type != parley.Group {
		return speaker{}
	}
	for k := a + 1; k <= sp.last && k+1 < s.Last; k++ {
		if r.low(k) != "by" {
			if !r.isWord(k) && r.kind(k) != parley.Number {
				break
			}
			continue
		}
		au := r.nounPhraseAt(s, k+1)
		// a place is no author ("by the UK gaming industry's trade body"),
		// nor a name cut short ("by Goldman Sachs & Co")
		if !au.ok || au.entity >= 0 && r.ents.Entities[au.entity].Type == parley.Place {
			return speaker{}
		}
		if e := au.last; e < s.Last && e != sp.last && r.low(e) != "," && r.low(e) != "." && r.low(e) != "of" && r.kind(e) != parley.Dash {
			return speaker{}
		}
		return au
	}
	return speaker{}
}
