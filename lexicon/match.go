package lexicon

import (
	"unicode"
	"unicode/utf8"
)

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

// MatchAt returns the longest entry that matches a prefix of words, the
// tokens of a text as text.Segment produces them ("U.S." is one token and a
// possessive ’s another, so "Saudi Arabia ’s" matches two tokens). Matching
// is exact and case-sensitive, except that an all-caps first token with no
// exact match is looked up among the all-caps forms of countries, demonyms,
// seats, regions, cities of ≥ 100,000 people and capitals, and unambiguous
// organisations, as in datelines ("HANOI, Vietnam (AP) —", "NEW YORK"). It
// does not allocate.
func (l *Lexicon) MatchAt(words []string) (Match, bool) {
	if len(words) == 0 {
		return Match{}, false
	}
	if m, ok := l.exact.match(words); ok {
		return m, true
	}
	if allCaps(words[0]) {
		return l.upper.match(words)
	}
	return Match{}, false
}

// allCaps reports whether w has at least two letters and no lower-case one.
func allCaps(w string) bool {
	letters := 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				return false
			case 'A' <= c && c <= 'Z':
				letters++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
		i += n
	}
	return letters >= 2
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
			if m, ok := l.exact.single(word); ok {
				return m, true
			}
			break
		}
	}
	for i := len(word) - 1; i > 0; i-- {
		if word[i] != '-' {
			continue
		}
		if m, ok := l.exact.single(word[:i]); ok {
			return m, true
		}
	}
	return Match{}, false
}
