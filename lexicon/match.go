package lexicon

import (
	"strings"
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
// exact match is looked up in title case ("HANOI" → "Hanoi", "NEW YORK" →
// "New York"), as in datelines ("HANOI, Vietnam (AP) —"), offering countries,
// demonyms, seats, regions, cities of ≥ 100,000 people and capitals, and
// organisations' unambiguous forms. It does not allocate.
func (l *Lexicon) MatchAt(words []string) (Match, bool) {
	if len(words) == 0 {
		return Match{}, false
	}
	if m, ok := l.exact.match(words); ok {
		return m, true
	}
	if allCaps(words[0]) {
		return l.matchCaps(words)
	}
	return Match{}, false
}

// capsPop is the population from which MatchAt offers a city for its
// all-caps name; capitals are always offered.
const capsPop = 100000

// matchCaps matches an all-caps token sequence ("NEW YORK") through the
// title-case form of its first two tokens ("New", "York") and a
// case-insensitive comparison of the rest, keeping only what a dateline or
// heading plausibly names: no ambiguous organisation form, no small city.
func (l *Lexicon) matchCaps(words []string) (Match, bool) {
	var b0, b1 [48]byte
	w0, ok := titleCase(b0[:0], words[0])
	if !ok {
		return Match{}, false
	}
	sp, ok := l.exact.first[string(w0)]
	if !ok {
		return Match{}, false
	}
	cands := l.exact.cands[sp.start:sp.end]
	one := int32(-1)
	if sp.big {
		cands, one = nil, sp.one
		if len(words) > 1 {
			if w1, ok := titleCase(b1[:0], words[1]); ok {
				if sub, ok := l.exact.second[pair{string(w0), string(w1)}]; ok {
					cands = l.exact.cands[sub.start:sub.end]
				}
			}
		}
	}
	for i := range cands {
		if m, ok := l.capsCand(&cands[i], words); ok {
			return m, true
		}
	}
	if one >= 0 {
		return l.capsCand(&l.exact.cands[one], words)
	}
	return Match{}, false
}

// capsCand matches c against words case-insensitively and filters its fields.
func (l *Lexicon) capsCand(c *candidate, words []string) (Match, bool) {
	if !c.ok || len(c.rest) >= len(words) {
		return Match{}, false
	}
	if len(c.rest) == 0 && len(words[0]) < 4 {
		return Match{}, false // "LA", "BA", "EST": short capitals are abbreviations
	}
	for j, w := range c.rest {
		if !strings.EqualFold(words[j+1], w) {
			return Match{}, false
		}
	}
	m := c.m
	if m.Ambiguous {
		m.Org, m.Ambiguous = nil, false
	}
	if p := m.Place; p != nil && p.Kind == "city" && p.Population < capsPop && l.capitals[p] == nil {
		m.Place = nil
	}
	if m.Country == nil && m.Demonym == nil && m.Seat == nil && m.Place == nil && m.Org == nil {
		return Match{}, false
	}
	return m, true
}

// titleCase appends w with every letter but the first of each part
// (parts split at "-", "'" and ".") lowered: "HANOI" → "Hanoi",
// "AL-QAEDA" → "Al-Qaeda". It handles ASCII only.
func titleCase(dst []byte, w string) ([]byte, bool) {
	if len(w) > cap(dst) {
		return nil, false
	}
	start := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' && !start {
			c += 'a' - 'A'
		}
		start = c == '-' || c == '\'' || c == '.'
		dst = append(dst, c)
	}
	return dst, true
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
