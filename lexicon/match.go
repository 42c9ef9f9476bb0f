package lexicon

// Match is what MatchAt found at the start of a token sequence. Every table
// that has the matched surface form fills its field: "Georgia" sets Country
// (the country) and Place (the US state); "Kremlin" sets Seat and Org.
type Match struct {
	Words     int      // tokens consumed
	Country   *Country // a country name or alias ("Saudi Arabia", "U.S.")
	Demonym   *Country // a demonym ("Russian", "Russians")
	Seat      *Country // a seat of government ("Kremlin", "Downing Street")
	Place     *Place   // a region or city (countries are in Country)
	Org       *Org     // an organisation
	Ambiguous bool     // Org's surface form needs context ("X", "AP", "Times")
}

// candidate is one surface form, split into tokens: first keys the index,
// rest must follow.
type candidate struct {
	first string
	rest  []string
	m     Match
}

// span is a run [start, end) of Lexicon.cands. A big group (many entries
// share the first word: "The", "San", "North") is indexed again by its second
// word in Lexicon.second, and one is its one-word entry, or -1.
type span struct {
	start, end int32
	one        int32
	big        bool
}

// pair keys Lexicon.second: a first and a second token.
type pair struct{ a, b string }

// bigGroup is the group size from which MatchAt looks up the second word
// instead of scanning.
const bigGroup = 8

// MatchAt returns the longest entry that matches a prefix of words, the
// tokens of a text as text.Segment produces them ("U.S." is one token and a
// possessive ’s another, so "Saudi Arabia ’s" matches two tokens). Matching
// is exact and case-sensitive. It does not allocate.
func (l *Lexicon) MatchAt(words []string) (Match, bool) {
	if len(words) == 0 {
		return Match{}, false
	}
	sp, ok := l.first[words[0]]
	if !ok {
		return Match{}, false
	}
	if sp.big {
		if len(words) > 1 {
			if sub, ok := l.second[pair{words[0], words[1]}]; ok {
				if m, ok := l.scan(l.cands[sub.start:sub.end], words); ok {
					return m, true
				}
			}
		}
		if sp.one >= 0 {
			return l.cands[sp.one].m, true
		}
		return Match{}, false
	}
	return l.scan(l.cands[sp.start:sp.end], words)
}

// scan returns the first of cands, longest first, whose tokens start words.
func (l *Lexicon) scan(cands []candidate, words []string) (Match, bool) {
	for i := range cands {
		c := &cands[i]
		if len(c.rest) >= len(words) {
			continue
		}
		ok := true
		for j, w := range c.rest {
			if words[j+1] != w {
				ok = false
				break
			}
		}
		if ok {
			return c.m, true
		}
	}
	return Match{}, false
}

// MatchHyphenated returns the entry named by the leading part of a
// hyphenated token, which text.Segment keeps whole: "Saudi-led" (a demonym),
// "Kremlin-backed" (a seat and an organisation), "Kyiv-based" (a place),
// "Al-Qaeda-linked" (the longest leading part that is an entry). After
// "pro-" or "anti-" the rest is looked up instead: "pro-Russian". The
// match's Words is 1, the whole token. It does not allocate.
func (l *Lexicon) MatchHyphenated(word string) (Match, bool) {
	for _, p := range [...]string{"pro-", "anti-", "Pro-", "Anti-"} {
		if len(word) > len(p) && word[:len(p)] == p {
			word = word[len(p):]
			if m, ok := l.single(word); ok {
				return m, true
			}
			break
		}
	}
	for i := len(word) - 1; i > 0; i-- {
		if word[i] != '-' {
			continue
		}
		if m, ok := l.single(word[:i]); ok {
			return m, true
		}
	}
	return Match{}, false
}

// single returns the one-token entry w.
func (l *Lexicon) single(w string) (Match, bool) {
	sp, ok := l.first[w]
	if !ok {
		return Match{}, false
	}
	if sp.big {
		if sp.one < 0 {
			return Match{}, false
		}
		m := l.cands[sp.one].m
		m.Words = 1
		return m, true
	}
	// Longest first: the one-token entry, if any, is last in its group.
	if c := &l.cands[sp.end-1]; len(c.rest) == 0 {
		m := c.m
		m.Words = 1
		return m, true
	}
	return Match{}, false
}
