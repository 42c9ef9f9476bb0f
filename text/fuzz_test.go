package text

import (
	"github.com/parley-news/parley"

	"testing"
	"unicode/utf8"
)

// seeds are inputs that have broken segmenters before: quotes of every
// kind, abbreviations, dotted acronyms, CRLF, invalid UTF-8, combining
// marks, empty lines, long runs of punctuation.
var seeds = []string{
	"",
	" ",
	"\n\n\n",
	"Hello.",
	"“We will win,” said Sen. Jane Doe. “Next.”",
	"He said \"no\" and 'yes' and ''maybe'' and ``perhaps''.",
	"Talks in the U.S. The talks ended. Mr. Smith left at 5 p.m. on Jan. 3.",
	"Line one\r\nLine two\r\n\r\nPara two.",
	"Invalid \xff\xfe bytes \xc3 here.",
	"Combining: e\u0301te\u0301, Zürich, 東京, 🙂👍🏽.",
	"!!!???...…—–-'’\"«»‹›",
	"1,000.50 and 3.14 and 10-12 and U.S.-led",
	"Putin’s aide’s “fake” — it’s ‘over’…",
	"a\u2028b\u2029c\u00a0d\te",
	"(“Nested ‘quotes’ here,” he said.)",
}

func FuzzSegment(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	st, err := LoadStructure()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := SegmentString(s)
		checkDoc(t, s, d)
		if got := st.Paragraphs(d); len(got) != len(d.Paragraphs) {
			t.Fatalf("Structure: %d answers for %d paragraphs", len(got), len(d.Paragraphs))
		}
	})
}

func checkDoc(t *testing.T, s string, d *parley.Doc) {
	t.Helper()
	if d.Text != s {
		t.Fatalf("Doc.Text changed")
	}
	prevEnd := int32(0)
	for i, tok := range d.Tokens {
		if tok.Start < prevEnd || tok.Start >= tok.End || int(tok.End) > len(s) {
			t.Fatalf("token %d [%d,%d) after %d in %d bytes: out of order, empty, overlapping or out of bounds",
				i, tok.Start, tok.End, prevEnd, len(s))
		}
		prevEnd = tok.End
		if got := d.TokenAt(int(tok.Start)); got != i {
			t.Fatalf("TokenAt(%d) = %d, want %d", tok.Start, got, i)
		}
	}
	if len(d.Tokens) == 0 {
		if len(d.Sentences) != 0 || len(d.Paragraphs) != 0 {
			t.Fatalf("no tokens but %d sentences, %d paragraphs", len(d.Sentences), len(d.Paragraphs))
		}
		return
	}
	// sentences partition the tokens, in order
	next := 0
	for k, se := range d.Sentences {
		if se.First != next || se.Last <= se.First || se.Last > len(d.Tokens) {
			t.Fatalf("sentence %d covers tokens [%d,%d), want to start at %d", k, se.First, se.Last, next)
		}
		if se.Start != int(d.Tokens[se.First].Start) || se.End != int(d.Tokens[se.Last-1].End) {
			t.Fatalf("sentence %d spans [%d,%d), its tokens [%d,%d)", k, se.Start, se.End,
				d.Tokens[se.First].Start, d.Tokens[se.Last-1].End)
		}
		if se.Para < 0 || se.Para >= len(d.Paragraphs) {
			t.Fatalf("sentence %d in paragraph %d of %d", k, se.Para, len(d.Paragraphs))
		}
		for i := se.First; i < se.Last; i++ {
			if got := d.SentenceOf(i); got != k {
				t.Fatalf("SentenceOf(%d) = %d, want %d", i, got, k)
			}
		}
		next = se.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	// paragraphs partition the sentences, in order
	next = 0
	for k, p := range d.Paragraphs {
		if p.First != next || p.Last < p.First || p.Last > len(d.Sentences) {
			t.Fatalf("paragraph %d covers sentences [%d,%d), want to start at %d", k, p.First, p.Last, next)
		}
		for j := p.First; j < p.Last; j++ {
			if d.Sentences[j].Para != k {
				t.Fatalf("sentence %d says paragraph %d, lies in %d", j, d.Sentences[j].Para, k)
			}
		}
		if p.Last > p.First && (p.Start != d.Sentences[p.First].Start || p.End != d.Sentences[p.Last-1].End) {
			t.Fatalf("paragraph %d spans [%d,%d), its sentences [%d,%d)", k, p.Start, p.End,
				d.Sentences[p.First].Start, d.Sentences[p.Last-1].End)
		}
		next = p.Last
	}
	if next != len(d.Sentences) {
		t.Fatalf("paragraphs cover %d of %d sentences", next, len(d.Sentences))
	}
}

func FuzzOffsets(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o := NewOffsets(s)
		cp := 0
		for b := range s {
			if got := o.CodePoint(b); got != cp {
				t.Fatalf("CodePoint(%d) = %d, want %d", b, got, cp)
			}
			if got := o.Byte(cp); got != b {
				t.Fatalf("Byte(%d) = %d, want %d", cp, got, b)
			}
			cp++
		}
		if utf8.ValidString(s) && cp != utf8.RuneCountInString(s) {
			t.Fatalf("%d code points counted, RuneCount says %d", cp, utf8.RuneCountInString(s))
		}
		if got := o.CodePoint(len(s)); got != cp {
			t.Fatalf("CodePoint(len) = %d, want %d", got, cp)
		}
		if got := o.Byte(cp); got != len(s) {
			t.Fatalf("Byte(%d) = %d, want len %d", cp, got, len(s))
		}
		// inside a multi-byte rune counts as its start; past the end clamps
		for b := 0; b <= len(s)+2; b++ {
			c := o.CodePoint(b)
			if c < 0 || c > cp {
				t.Fatalf("CodePoint(%d) = %d outside [0,%d]", b, c, cp)
			}
			if back := o.Byte(c); back > b && b <= len(s) {
				t.Fatalf("Byte(CodePoint(%d)) = %d, past the byte", b, back)
			}
		}
	})
}
