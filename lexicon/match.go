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

// span is a run [start, end) of Lexicon.cands.
type span struct{ start, end int32 }

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
	cands := l.cands[sp.start:sp.end]
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
