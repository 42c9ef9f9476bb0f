package syntax

import (
	"unicode"
	"unicode/utf8"
)

// word is what the tagger and the parser know of one word, computed once per
// sentence: hashes of its forms and, after tagging, its tag.
type word struct {
	form, lower, shape uint64
	pre, suf           [4]uint64 // lower-case prefixes and suffixes of 1–4 letters
	flags              uint64
	amb                uint64 // the tag dictionary's ambiguity class; 0 unknown
	tag                uint16 // the predicted (UPOS, XPOS) class
}

// Word flags: what the shape says in a few bits.
const (
	flagCap     = 1 << iota // first letter upper case
	flagAllCaps             // two or more letters, all upper case
	flagDigit               // has a digit
	flagHyphen              // has an inner hyphen
	flagPeriod              // has a period
	flagNoAlnum             // neither letter nor digit (punctuation, symbols)
	flagMixed               // upper case after the first letter, and lower case too
	flagLong                // more than 10 letters
)

// padWord stands for the positions before and after the sentence.
var padWord = word{form: 0x9a1, lower: 0x9a1, shape: 0x9a1, pre: [4]uint64{1, 1, 1, 1},
	suf: [4]uint64{1, 1, 1, 1}, flags: 1 << 20, amb: 2}

// scratch holds the per-sentence buffers that computing words reuses.
type scratch struct {
	lower  []byte
	starts []int32
}

// describe computes w's hashes from its text.
func (sc *scratch) describe(w *word, s string) {
	sc.lower, sc.starts = appendLower(sc.lower[:0], sc.starts[:0], s)
	lo, st := sc.lower, sc.starts
	w.form = hashString(s)
	w.lower = hashBytes(lo)
	n := len(st)
	for k := 1; k <= 4; k++ {
		if k <= n {
			end := len(lo)
			if k < n {
				end = int(st[k])
			}
			w.pre[k-1] = hashBytes(lo[:end])
			w.suf[k-1] = hashBytes(lo[st[n-k]:])
		} else {
			w.pre[k-1], w.suf[k-1] = w.lower, w.lower
		}
	}
	w.shape, w.flags = shape(s, n)
	w.tag = 0
}

// shape hashes the word's shape (X for upper case, x lower, d digit, the
// character itself otherwise, runs cut at two: "McDonald's" → "XxXxx'x") and
// returns its flags.
func shape(s string, runes int) (uint64, uint64) {
	h := uint64(fnvOffset)
	var last rune = -1
	run := 0
	upper, lower, letters, alnum := 0, 0, 0, 0
	var flags uint64
	for i, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if i == 0 {
				flags |= flagCap
			} else if lower > 0 {
				flags |= flagMixed
			}
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flagDigit
		case r == '-' && i > 0 && i < len(s)-1:
			flags |= flagHyphen
		case r == '.':
			flags |= flagPeriod
		}
		if c == 'X' || c == 'x' || c == 'd' {
			alnum++
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= 2 {
			var b [utf8.UTFMax]byte
			for _, x := range utf8.AppendRune(b[:0], c) {
				h = (h ^ uint64(x)) * fnvPrime
			}
		}
	}
	if letters >= 2 && lower == 0 {
		flags |= flagAllCaps
	}
	if alnum == 0 {
		flags |= flagNoAlnum
	}
	if runes > 10 {
		flags |= flagLong
	}
	return h, flags
}

// describeWords fills ws with the sentence's words between two pad words on
// each side, their ambiguity classes from dict.
func (sc *scratch) describeWords(ws []word, forms []string, dict map[uint64]uint64) []word {
	ws = append(ws[:0], padWord, padWord)
	for _, f := range forms {
		ws = append(ws, word{})
		w := &ws[len(ws)-1]
		sc.describe(w, f)
		w.amb = dict[w.lower]
	}
	return append(ws, padWord, padWord)
}
