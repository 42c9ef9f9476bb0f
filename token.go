package parley

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word          TokenKind = iota // letters, with inner hyphens and dotted acronyms ("U.S.")
	Number                         // digits, with inner separators ("1,000.5")
	Punct                          // any other symbol
	OpenQuote                      // “ ‘ « ``
	CloseQuote                     // ” » and ’ when it closes
	StraightQuote                  // " and '' whose direction is decided from context
	Dash                           // — – and a spaced hyphen
	Possessive                     // 's ’s (possessive, or the clitic "is"/"has")
	Clitic                         // n't 're 've 'll 'm 'd: contracted words split from their host
)

// Token flags.
const (
	Cap        uint8 = 1 << iota // starts with an upper-case letter
	AllCaps                      // every letter upper case (and at least two)
	SpaceAfter                   // followed by white space
	ParaStart                    // first token of a paragraph
	InQuote                      // inside a pair of quotation marks (the marks included)
	// Abbrev marks the period of an abbreviation or initial inside a
	// sentence ("Mr.", "Sen.", "J."): the parser reads it as part of the word
	// before it, as its training data writes them.
	Abbrev
)

// Token is one word or symbol of a Doc: a byte range of its text, what kind
// of token it is and, once the syntax stage has run, its part of speech,
// lemma and place in the dependency tree of its sentence. It holds no
// pointers, so that the token layer of a long document costs 20 bytes a
// token and nothing for the garbage collector to scan.
type Token struct {
	Start, End int32
	// Head is the index in Doc.Tokens of the token this one depends on; it
	// is meaningful only when Rel is set, and -1 for the root of a sentence.
	Head int32
	// lemma is 0 when the lemma is the lower-case text (or unknown), else
	// one more than its index in the Doc's lemma table: see Doc.Lemma.
	lemma int32
	Kind  TokenKind
	Flags uint8
	POS   POS    // universal part of speech; NoPOS before tagging
	Rel   DepRel // relation to the head; NoRel before parsing
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
	// Structure marks a heading, byline, caption, label or ticker line:
	// document structure, not prose. The entity stage sets it.
	Structure bool
}

// QuotePair is a pair of quotation marks inside one paragraph: the opening
// mark at token Open and the closing mark at token Close, or Close = -1 when
// the quotation runs to the end of its paragraph (news copy reopens a long
// quotation in each paragraph and closes it only in the last).
type QuotePair struct {
	Open, Close int // token indices of the marks
	First, Last int // tokens inside, [First, Last)
	Para        int // paragraph index
}
