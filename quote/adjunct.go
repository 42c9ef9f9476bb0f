package quote

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Adjuncts between a cue and its content: time, place, channel, the outlet
// a reporter writes for, phrases set off before a quotation.

// skipAdjuncts passes over channel and time phrases after a verb: "on X",
// "in a statement", "at a press conference", "on Tuesday", "in an interview with CNN".
func (r *run) skipAdjuncts(s parley.Sentence, a int, q *found) int {
	a = r.skipParenthetical(s, a)
	for a < s.Last {
		l := r.low(a)
		// "said about Bush, “…”", "announced on her page, in capital
		// letters, “…”": a phrase set off before the quotation it introduces
		if c := r.phraseBeforeQuotation(s, a); c > a {
			a = c
			continue
		}
		if b, ch := r.forOutlet(a); b > a {
			a = b // "as Emily Feng reports for NPR, …"
			if q.channel == "" {
				q.channel = ch
			}
			continue
		}
		if a+1 < s.Last && r.kind(a+1) == parley.Possessive {
			return a // "said Thursday's speeches had …": the content's own subject
		}
		if !adjunctAdverbs[l] && !lexicon.IsWeekday(l) && !timeModifiers[l] && !adjunctPreps[l] {
			if strings.HasSuffix(l, "ly") && len(l) > 4 && r.ents.RefAt(a) == nil && !r.d.Tokens[a].Is(parley.Cap) {
				a++ // "responded awkwardly:"
				continue
			}
			return a
		}
		b, ch := r.adjunct(s, a)
		if b <= a {
			return r.skipParenthetical(s, a)
		}
		if ch != "" && q.channel == "" {
			q.channel = ch
		}
		a = b
		if a < s.Last && r.low(a) == "," && a+1 < s.Last && r.low(a+1) == "that" {
			a++
		}
	}
	return a
}

// isChannelNoun reports a channel noun at i ("hearing", "interview") inside sentence s.
func (r *run) isChannelNoun(s parley.Sentence, i int) bool {
	if i >= s.Last || !r.isWord(i) {
		return false
	}
	_, ok := channelNouns[r.low(i)]
	return ok
}

// phraseBeforeQuotation returns the comma or colon before a quotation that
// ends one to three short prepositional phrases set off from a — each
// opening with a preposition of place, time or channel, or of topic
// ("about", "of"), the first maybe after a comma — or a: "said about Bush,
// “…”", "announced on her page, in capital letters, “…”", "said in the
// summer of 2015: “…”".
func (r *run) phraseBeforeQuotation(s parley.Sentence, a int) int {
	b := a
	for n := 0; n < 3; n++ {
		if r.low(b) == "," && (n > 0 || b == a) {
			b++
		}
		if l := r.low(b); b >= s.Last || !topicPreps[l] && !adjunctPreps[l] {
			return a
		}
		c := b + 1
		for c < s.Last && c-b < 9 && (r.isWord(c) || r.kind(c) == parley.Number || r.kind(c) == parley.Possessive) && !r.isSpeechWord(c) {
			c++
		}
		if c == b+1 || c >= s.Last || r.low(c) != "," && r.low(c) != ":" {
			return a
		}
		if c+1 < s.Last && (r.kind(c+1) == parley.OpenQuote || r.kind(c+1) == parley.StraightQuote) {
			return c
		}
		b = c
	}
	return a
}

// forOutlet reads "for" and the outlet a reporter writes for ("reports
// for NPR", "wrote for the Guardian"): it returns the end and the outlet's
// name, or a and "" when no outlet follows.
func (r *run) forOutlet(a int) (int, string) {
	if r.low(a) != "for" {
		return a, ""
	}
	b := a + 1
	if r.low(b) == "the" {
		b++
	}
	ref := r.ents.RefAt(b)
	if ref == nil || ref.First != b {
		return a, ""
	}
	e := r.ents.Entities[ref.Entity]
	if e.Type != parley.Organization || e.Kind != string(parley.Media) {
		return a, ""
	}
	// the outlet ends the phrase: not "an interview for CBS network's show"
	if n := ref.Last; r.isWord(n) && r.low(n) != "that" || r.kind(n) == parley.Possessive {
		return a, ""
	}
	return ref.Last, e.Name
}

// adjunct reads one prepositional or time adjunct starting at a; it returns
// where it ends and the channel it names, if any.
func (r *run) adjunct(s parley.Sentence, a int) (int, string) {
	l := r.low(a)
	switch {
	case adjunctAdverbs[l]:
		return a + 1, ""
	case lexicon.IsWeekday(l):
		b := a + 1
		if b < s.Last && dayParts[r.low(b)] {
			b++
		}
		return b, ""
	case timeModifiers[l]:
		b := a + 1
		for b < s.Last && b-a < 3 && r.isWord(b) && (isTimeWord(r.low(b)) || r.low(b) == "on") {
			b++
		}
		if b == a+1 && !isTimeWord(r.low(min(b, s.Last-1))) {
			return a, ""
		}
		return b, ""
	}
	// preposition + phrase up to a comma, "that", or a clause start
	b := a + 1
	ch := ""
	if b < s.Last && r.isWord(b) {
		if ent := r.ents.RefAt(b); ent != nil && (l == "on" || l == "via") {
			e := r.ents.Entities[ent.Entity]
			if e.Type == parley.Organization {
				return ent.Last, e.Name // "on X", "on Telegram"
			}
		}
		if isDeterminer(r.low(b)) && isTimeWord(r.low(b+1)) && !r.isChannelNoun(s, b+2) || r.low(b) == "one" && r.low(b+1) == "point" {
			return b + 2, "" // "at the time", "in the past week", "at one point"; not "at a Monday hearing"
		}
		if isTimeWord(r.low(b)) { // a time noun, weekday or month: "on Tuesday", "in March 2024"
			c := b + 1
			for c < s.Last && r.isWord(c) && (isTimeWord(r.low(c)) || r.d.Tokens[c].Kind == parley.Number) {
				c++
			}
			return c, ""
		}
	}
	// "at Western High School, “Any questions?”": a place or time phrase up to the comma that introduces the content
	for c := b; c < s.Last && c-b < 9; c++ {
		if r.low(c) == "," {
			if c+1 < s.Last && (r.kind(c+1) == parley.OpenQuote || r.kind(c+1) == parley.StraightQuote || r.low(c+1) == "that") && c > b {
				return c, ""
			}
			break
		}
		if !r.isWord(c) && r.kind(c) != parley.Number && r.kind(c) != parley.Possessive || r.isSpeechWord(c) {
			break
		}
	}
	// "in a statement", "at a press conference held after the talks", "in an interview with CNN"
	for c := b; c < s.Last && c-b < 12; c++ {
		if !r.isWord(c) && r.d.Tokens[c].Kind != parley.Number && r.low(c) != "-" {
			break
		}
		lc := r.low(c)
		if lc == "that" && c > b {
			break
		}
		if name, ok := channelNouns[lc]; ok {
			ch = name
			end := c + 1
			for end < s.Last && r.isWord(end) {
				next, ok := channelNouns[r.low(end)]
				if !ok {
					break
				}
				ch, end = next, end+1 // "a newspaper article", "a radio show"
			}
			// "with CNN", "to the BBC", "posted on X"
			if end+1 < s.Last && (r.low(end) == "with" || r.low(end) == "to" || r.low(end) == "on") {
				if ref := r.ents.RefAt(end + 1); ref != nil {
					if e := r.ents.Entities[ref.Entity]; e.Type == parley.Organization {
						ch = e.Name
						end = ref.Last
					}
				} else if end+2 < s.Last && r.low(end+1) == "the" {
					if ref := r.ents.RefAt(end + 2); ref != nil {
						if e := r.ents.Entities[ref.Entity]; e.Type == parley.Organization {
							ch = e.Name
							end = ref.Last
						}
					}
				}
			}
			// "in a letter to staff that …": a short phrase up to the content's "that"
			if end < s.Last && r.low(end) != "that" && r.low(end) != "," {
				if c := r.phraseBeforeThat(s, end); c > end {
					return c, ch
				}
			}
			// "held after the talks", "released on Tuesday": participial tail up to a comma or "that"
			if end < s.Last && r.isWord(end) && (strings.HasSuffix(r.low(end), "ed") || r.low(end) == "held") {
				for end < s.Last && r.low(end) != "," && r.low(end) != "that" && r.low(end) != "and" && end-c < 10 {
					end++
				}
			}
			return end, ch
		}
	}
	// "at Kent State University on Monday that", "in Columbus, Ohio, that":
	// a place or time phrase that runs up to the content's "that"
	if c := r.phraseBeforeThat(s, b); c > b {
		return c, ""
	}
	return a, ""
}
