package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley"
)

// Segment tokenises the text of d, splits it into paragraphs and sentences
// and pairs its quotation marks, replacing those layers of d.
func Segment(d *parley.Doc) {
	d.Tokens = make([]parley.Token, 0, len(d.Text)/5+1)
	d.Sentences, d.Paragraphs = nil, nil
	tokenize(d)
	splitSentences(d)
	markAbbreviations(d)
	d.QuotePairs = quotePairs(d)
	markQuotes(d)
}

// SegmentString returns the segmented Doc of s, for tools and tests that
// start from a string.
func SegmentString(s string) *parley.Doc {
	d := &parley.Doc{Document: parley.Document{Text: s}}
	Segment(d)
	return d
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func tokenize(d *parley.Doc) {
	s := d.Text
	paraStart := true
	for i := 0; i < len(s); {
		r, w := decode(s, i)
		switch {
		case r == '\n':
			paraStart = true
			i += w
			continue
		case r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\f' || r == '\v' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += w
			continue
		}
		start := i
		var kind parley.TokenKind
		var flags uint8
		switch {
		case (r == 'n' || r == 'N') && afterLetter(s, i) && negation(s, i) > 0:
			i, kind = i+negation(s, i), parley.Clitic
		case isLetter(r):
			i, flags = scanWord(s, i)
			kind = parley.Word
		case isDigit(r):
			i = scanNumber(s, i)
			kind = parley.Number
		default:
			kind, i = scanSymbol(s, i, r, w)
		}
		if paraStart {
			flags |= parley.ParaStart
			paraStart = false
		}
		if i < len(s) {
			if nr, _ := decode(s, i); nr == ' ' || nr == '\n' || nr == '\t' || nr == '\r' || nr == '\u00a0' || (nr >= utf8.RuneSelf && unicode.IsSpace(nr)) {
				flags |= parley.SpaceAfter
			}
		}
		d.Tokens = append(d.Tokens, parley.Token{Start: int32(start), End: int32(i), Kind: kind, Flags: flags})
	}
}

// scanWord reads a word: letters and digits, with inner apostrophes and
// hyphens, and dotted acronyms (U.S., e.g.). A possessive 's is left for the
// next token.
func scanWord(s string, i int) (int, uint8) {
	if n := joinedWord(s, i); n > 0 {
		var flags uint8
		if r, _ := decode(s, i); unicode.IsUpper(r) {
			flags |= parley.Cap
		}
		return i + n, flags // "can|not", "gon|na"
	}
	start := i
	upper, lower, letters := 0, 0, 0
	first := true
	var flags uint8
	for i < len(s) {
		r, w := decode(s, i)
		switch {
		case isLetter(r) || isDigit(r):
			if (r == 'n' || r == 'N') && letters > 0 && negation(s, i) > 0 {
				return i, finishFlags(flags, upper, lower, letters) // "do|n't", "ca|n't"
			}
			if unicode.IsUpper(r) {
				upper++
				if first {
					flags |= parley.Cap
				}
			} else if unicode.IsLower(r) {
				lower++
			}
			letters++
			first = false
			i += w
			continue
		case isApostrophe(r) || isHyphen(r):
			nr, nw := decode(s, i+w)
			if !(isLetter(nr) || isDigit(nr)) {
				break
			}
			if isApostrophe(r) && clitic(s, i) > 0 {
				break // "they’re", "I'd": the clitic is a word of its own
			}
			if isApostrophe(r) && (nr == 's' || nr == 'S') {
				// "Putin’s": stop before the possessive unless the word goes on ("it’sy" never happens; "O’Sullivan" does)
				nnr, _ := decode(s, i+w+nw)
				if !isLetter(nnr) {
					break
				}
			}
			i += w
			continue
		case r == '&' && i > start && unicode.IsUpper(rune(s[i-1])):
			// "S&P", "AT&T", "Q&A": an ampersand between capitals is inside the name
			if nr, _ := decode(s, i+1); unicode.IsUpper(nr) {
				i++
				continue
			}
		case r == '.':
			// dotted acronym: single letters separated by periods (U.S., U.N., e.g.)
			if i-start == 1 || (i-start >= 2 && s[i-2] == '.') {
				nr, nw := decode(s, i+1)
				if isLetter(nr) {
					nnr, _ := decode(s, i+1+nw)
					if nnr == '.' {
						i++
						continue
					}
				}
				if i-start >= 3 && s[i-2] == '.' {
					// final period of an acronym of at least two letters
					i++
					return i, finishFlags(flags, upper, lower, letters)
				}
			}
		}
		break
	}
	return i, finishFlags(flags, upper, lower, letters)
}

// clitic returns the length of the contracted verb starting at the
// apostrophe at i ("’re", "'ve", "'ll", "'m", "'d") when a letter precedes it
// and no letter follows it, else 0. Universal Dependencies (and so the
// parser) writes these as words of their own.
func clitic(s string, i int) int {
	pr, _ := utf8.DecodeLastRuneInString(s[:i])
	_, w := decode(s, i)
	if !isLetter(pr) {
		return 0
	}
	j := i + w
	for j < len(s) && j-i-w < 3 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	if nr, _ := decode(s, j); isLetter(nr) || isDigit(nr) {
		return 0
	}
	switch strings.ToLower(s[i+w : j]) {
	case "re", "ve", "ll", "m", "d":
		return j - i
	}
	return 0
}

// negation returns the length of "n't" (or "n’t") at i when it ends the
// word, else 0.
func negation(s string, i int) int {
	r, w := decode(s, i+1)
	if !isApostrophe(r) || i+1+w >= len(s) || s[i+1+w] != 't' && s[i+1+w] != 'T' {
		return 0
	}
	if nr, _ := decode(s, i+2+w); isLetter(nr) || isDigit(nr) {
		return 0
	}
	return 2 + w
}

// afterLetter reports whether a letter ends right before byte i.
func afterLetter(s string, i int) bool {
	pr, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isLetter(pr)
}

// joinedWord returns, at the start of a word at i, the length of the first
// part of a joined word ("can" of "cannot") that ends at a non-letter, or 0.
// The second part is read as the next word.
func joinedWord(s string, i int) int {
	j := i
	for j < len(s) && j-i < 6 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	if j-i < 5 || j-i > 6 {
		return 0
	}
	if nr, _ := decode(s, j); isLetter(nr) || isDigit(nr) || isApostrophe(nr) || isHyphen(nr) {
		return 0
	}
	return joinedWords[strings.ToLower(s[i:j])]
}

func finishFlags(flags uint8, upper, lower, letters int) uint8 {
	if upper >= 2 && lower == 0 {
		flags |= parley.AllCaps
	}
	return flags
}

func scanNumber(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if isDigit(rune(c)) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '-' || c == '/') && i+1 < len(s) && isDigit(rune(s[i+1])) {
			i++
			continue
		}
		break
	}
	return i
}

func scanSymbol(s string, i int, r rune, w int) (parley.TokenKind, int) {
	switch r {
	case '“', '«', '„':
		return parley.OpenQuote, i + w
	case '”', '»':
		return parley.CloseQuote, i + w
	case '‘':
		return parley.OpenQuote, i + w
	case '"':
		return parley.StraightQuote, i + w
	case '`':
		if i+1 < len(s) && s[i+1] == '`' {
			return parley.OpenQuote, i + 2
		}
		return parley.Punct, i + w
	case '\'', '’':
		if i+1 < len(s) && s[i] == '\'' && s[i+1] == '\'' {
			return parley.StraightQuote, i + 2
		}
		if r == '’' && strings.HasPrefix(s[i+w:], "’") {
			return parley.CloseQuote, i + 2*w // "’’" closes a double quotation (typeset '' of some wires)
		}
		if n := clitic(s, i); n > 0 {
			return parley.Clitic, i + n
		}
		// possessive after a word: 's / ’s
		if i > 0 {
			pr, _ := utf8.DecodeLastRuneInString(s[:i])
			nr, nw := decode(s, i+w)
			if (nr == 's' || nr == 'S') && (isLetter(pr) || isDigit(pr)) {
				nnr, _ := decode(s, i+w+nw)
				if !isLetter(nnr) {
					return parley.Possessive, i + w + nw
				}
			}
			if isLetter(pr) && !isLetter(nr) {
				// "Jesus’ disciples", or a closing single quote: the quote finder decides
				return parley.CloseQuote, i + w
			}
		}
		if r == '’' {
			return parley.CloseQuote, i + w
		}
		// a lone straight apostrophe: too ambiguous ("rock 'n' roll", "'90s",
		// 'New Great Game' inside a double-quoted quote) to pair as a quote mark
		return parley.Punct, i + w
	case '—', '–', '―':
		return parley.Dash, i + w
	case '-':
		if i+1 < len(s) && s[i+1] == '-' {
			return parley.Dash, i + 2
		}
		return parley.Dash, i + w
	case '.':
		// ellipsis "..." as one token
		j := i
		for j < len(s) && s[j] == '.' {
			j++
		}
		return parley.Punct, j
	}
	return parley.Punct, i + w
}
