package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// address reads the chunk [i, j) as a street address when it ends in a
// street word and something marks it as one: a house number or ordinal
// before it ("1909 Jolinda Drive", "17th Street"), an ordinal inside it
// ("Eighth St."), an abbreviation period or a road designator after it
// ("County Road 600S"). The address is a place, its span taking the
// number, the period and the designator. It reports whether it did.
func (w *work) address(i, j int, pieces []piece) bool {
	last := j - 1
	for last > i && w.kind(last) != parley.Word {
		last--
	}
	if w.kind(last) != parley.Word || !w.r.roles.Is(w.low(last), lexicon.Street) {
		return false
	}
	if len(pieces) == 1 && pieces[0].kind == pKnown {
		return false // "Downing Street": the gazetteer's entry
	}
	start, end := i, last+1
	numbered := i > 0 && (houseNumber(w.tok(i-1)) || ordinal(w.tok(i-1)))
	if numbered {
		start = i - 1
	}
	if e := w.abbrevPeriod(last); e > end {
		end = e
		numbered = true
	}
	if end < len(w.d.Tokens) && designator(w.tok(end)) {
		end++
		numbered = true
	}
	if !numbered && !w.ordinalWord(i) {
		return false
	}
	w.addPlace(start, end, nil)
	return true
}

// abbrevPeriod returns the end of token k with the period that follows it
// when k is an abbreviation ("St.", "Co.") and the period does not end the
// sentence: a sentence-final period belongs to the sentence. Otherwise
// it returns k+1.
func (w *work) abbrevPeriod(k int) int {
	p := k + 1
	if p >= len(w.d.Tokens) || w.tok(p) != "." || w.d.Tokens[p].Start != w.d.Tokens[k].End || !w.r.roles.Is(w.low(k), lexicon.Abbrev) {
		return k + 1
	}
	if s := w.d.SentenceOf(p); s >= 0 && w.d.Sentences[s].Last == p+1 {
		return k + 1
	}
	return p + 1
}

// ordinalWord reports whether token k is a spelled-out ordinal ("Eighth").
func (w *work) ordinalWord(k int) bool {
	return w.r.roles.Is(w.low(k), lexicon.Ordinal)
}

// houseNumber reports whether s is a house number: digits, perhaps with a
// letter ("1119", "12B").
func houseNumber(s string) bool {
	n := len(strings.TrimRightFunc(s, unicode.IsLetter))
	if n == 0 || n > 6 || len(s)-n > 1 {
		return false
	}
	return strings.TrimLeft(s[:n], "0123456789") == ""
}

// ordinal reports whether s is a numeric ordinal ("17th", "1st", "2nd").
func ordinal(s string) bool {
	l := strings.ToLower(s)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(l, suf); ok && d != "" && strings.TrimLeft(d, "0123456789") == "" {
			return true
		}
	}
	return false
}

// designator reports whether s is a road designator: digits and a compass
// letter ("600S", "100N").
func designator(s string) bool {
	if len(s) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("NSEW", r) && strings.TrimLeft(s[:len(s)-1], "0123456789") == ""
}
