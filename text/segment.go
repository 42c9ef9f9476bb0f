package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

const (
	Word          Kind = iota // letters, with inner apostrophes, hyphens and dotted acronyms ("U.S.")
	Number                    // digits, with inner separators ("1,000.5")
	Punct                     // any other symbol
	OpenQuote                 // “ ‘ « ``
	CloseQuote                // ” » and ’ when it closes
	StraightQuote             // " and '' whose direction is decided from context
	Dash                      // — – and a spaced hyphen
	Possessive                // 's ’s
)

// Token flags.
const (
	Cap        uint8 = 1 << iota // starts with an upper-case letter
	AllCaps                      // every letter upper case (and at least two)
	SpaceAfter                   // followed by white space
	ParaStart                    // first token of a paragraph
)

// Token is a span of the text with its kind. Offsets are bytes.
type Token struct {
	Start, End int32
	Kind       Kind
	Flags      uint8
}

// Is reports whether the flag f is set.
func (t Token) Is(f uint8) bool { return t.Flags&f != 0 }

// Sentence is a run of tokens [First, Last) and its byte span.
type Sentence struct {
	Start, End  int
	First, Last int
	Para        int // index of its paragraph
}

// Paragraph is a newline-delimited block and its sentences [First, Last).
type Paragraph struct {
	Start, End  int
	First, Last int
}

// Doc is a segmented text. It caches the lower-case form of its tokens, so
// one Doc is used by one goroutine at a time (as a pipeline does).
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph
	lower      []string // lower-case token text, filled on first use
}

// Tok returns the text of token i.
func (d *Doc) Tok(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Lower returns the lower-case text of token i, or "" outside the text, so
// that the stages can look around a token without bounds checks. It is
// computed once per token and shared by every stage.
func (d *Doc) Lower(i int) string {
	if i < 0 || i >= len(d.Tokens) {
		return ""
	}
	if d.lower == nil {
		d.lower = make([]string, len(d.Tokens))
	}
	if d.lower[i] == "" {
		s := d.Tok(i)
		if isLowerASCII(s) {
			d.lower[i] = s
		} else {
			d.lower[i] = strings.ToLower(s)
		}
	}
	return d.lower[i]
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// SentenceOf returns the index of the sentence containing token i.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].Last <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokenAt returns the index of the first token that ends after byte offset b.
func (d *Doc) TokenAt(b int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.Tokens[m].End) <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Segment tokenises s and splits it into paragraphs and sentences.
func Segment(s string) *Doc {
	d := &Doc{Text: s}
	d.Tokens = make([]Token, 0, len(s)/5+1)
	tokenize(d)
	splitSentences(d)
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

func tokenize(d *Doc) {
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
		var kind Kind
		var flags uint8
		switch {
		case isLetter(r):
			i, flags = scanWord(s, i)
			kind = Word
		case isDigit(r):
			i = scanNumber(s, i)
			kind = Number
		default:
			kind, i = scanSymbol(s, i, r, w)
		}
		if paraStart {
			flags |= ParaStart
			paraStart = false
		}
		if i < len(s) {
			if nr, _ := decode(s, i); nr == ' ' || nr == '\n' || nr == '\t' || nr == '\r' || nr == '\u00a0' || (nr >= utf8.RuneSelf && unicode.IsSpace(nr)) {
				flags |= SpaceAfter
			}
		}
		d.Tokens = append(d.Tokens, Token{Start: int32(start), End: int32(i), Kind: kind, Flags: flags})
	}
}

// scanWord reads a word: letters and digits, with inner apostrophes and
// hyphens, and dotted acronyms (U.S., e.g.). A possessive 's is left for the
// next token.
func scanWord(s string, i int) (int, uint8) {
	start := i
	upper, lower, letters := 0, 0, 0
	first := true
	var flags uint8
	for i < len(s) {
		r, w := decode(s, i)
		switch {
		case isLetter(r) || isDigit(r):
			if unicode.IsUpper(r) {
				upper++
				if first {
					flags |= Cap
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
			if isApostrophe(r) && (nr == 's' || nr == 'S') {
				// "Putin’s": stop before the possessive unless the word goes on ("it’sy" never happens; "O’Sullivan" does)
				nnr, _ := decode(s, i+w+nw)
				if !isLetter(nnr) {
					break
				}
			}
			i += w
			continue
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

func finishFlags(flags uint8, upper, lower, letters int) uint8 {
	if upper >= 2 && lower == 0 {
		flags |= AllCaps
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

func scanSymbol(s string, i int, r rune, w int) (Kind, int) {
	switch r {
	case '“', '«', '„':
		return OpenQuote, i + w
	case '”', '»':
		return CloseQuote, i + w
	case '‘':
		return OpenQuote, i + w
	case '"':
		return StraightQuote, i + w
	case '`':
		if i+1 < len(s) && s[i+1] == '`' {
			return OpenQuote, i + 2
		}
		return Punct, i + w
	case '\'', '’':
		if i+1 < len(s) && s[i] == '\'' && s[i+1] == '\'' {
			return StraightQuote, i + 2
		}
		// possessive after a word: 's / ’s
		if i > 0 {
			pr, _ := utf8.DecodeLastRuneInString(s[:i])
			nr, nw := decode(s, i+w)
			if (nr == 's' || nr == 'S') && (isLetter(pr) || isDigit(pr)) {
				nnr, _ := decode(s, i+w+nw)
				if !isLetter(nnr) {
					return Possessive, i + w + nw
				}
			}
			if isLetter(pr) && !isLetter(nr) {
				// "Jesus’ disciples", or a closing single quote: the quote finder decides
				return CloseQuote, i + w
			}
		}
		if r == '’' {
			return CloseQuote, i + w
		}
		// a lone straight apostrophe: too ambiguous ("rock 'n' roll", "'90s",
		// 'New Great Game' inside a double-quoted quote) to pair as a quote mark
		return Punct, i + w
	case '—', '–', '―':
		return Dash, i + w
	case '-':
		if i+1 < len(s) && s[i+1] == '-' {
			return Dash, i + 2
		}
		return Dash, i + w
	case '.':
		// ellipsis "..." as one token
		j := i
		for j < len(s) && s[j] == '.' {
			j++
		}
		return Punct, j
	}
	return Punct, i + w
}
