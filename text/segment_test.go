package text

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

func sentences(d *parley.Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Text[s.Start:s.End])
	}
	return out
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles do not end sentences", "Mr. Rubio met Gen. Smith. They talked.",
			[]string{"Mr. Rubio met Gen. Smith.", "They talked."}},
		{"acronym inside a sentence", "The U.S. Army said so. Then it left.",
			[]string{"The U.S. Army said so.", "Then it left."}},
		{"acronym ending a sentence", "He flew to the U.S. The talks began.",
			[]string{"He flew to the U.S.", "The talks began."}},
		{"closing quote stays with its sentence", "“We will win.” He left.",
			[]string{"“We will win.”", "He left."}},
		{"paragraphs always split", "First line without stop\nSecond line.",
			[]string{"First line without stop", "Second line."}},
		{"middle initial", "Donald J. Trump spoke.", []string{"Donald J. Trump spoke."}},
		{"decimal numbers", "It rose 2.5 percent. Prices fell.", []string{"It rose 2.5 percent.", "Prices fell."}},
		{"lower-case after period is not a boundary", "He said approx. ten.", []string{"He said approx. ten."}},
		{"CRLF text", "One.\r\nTwo.", []string{"One.", "Two."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(SegmentString(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segment(%q) sentences = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSegmentTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Putin’s aide", []string{"Putin", "’s", "aide"}},
		{"US-Russian ties", []string{"US-Russian", "ties"}},
		{"the U.S. and U.N.", []string{"the", "U.S.", "and", "U.N."}},
		{"“fake”,", []string{"“", "fake", "”", ","}},
		{"O’Sullivan didn't", []string{"O’Sullivan", "did", "n't"}},
		{"$1,000.50 — now", []string{"$", "1,000.50", "—", "now"}},
		{"''Yes,'' he said", []string{"''", "Yes", ",", "''", "he", "said"}},
	}
	for _, tt := range tests {
		d := SegmentString(tt.in)
		var got []string
		for i := range d.Tokens {
			got = append(got, d.Tok(i))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsetsRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain ascii", "Putin’s “fake” — ok", "日本語のテキスト", string(make([]byte, 300))} {
		o := NewOffsets(s)
		cp := 0
		for b := range s {
			if got := o.CodePoint(b); got != cp {
				t.Fatalf("%q: CodePoint(%d) = %d, want %d", s, b, got, cp)
			}
			if got := o.Byte(cp); got != b {
				t.Fatalf("%q: Byte(%d) = %d, want %d", s, cp, got, b)
			}
			cp++
		}
		if got := o.CodePoint(len(s)); got != cp {
			t.Fatalf("%q: CodePoint(len) = %d, want %d", s, got, cp)
		}
	}
}

func TestQuotePairs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // text inside each pair
	}{
		{"curly", "He said “yes, we will” and “no”.", []string{"yes, we will", "no"}},
		{"straight", `"A," he said, "B."`, []string{"A,", "B."}},
		{"curly closed by straight", `“As a builder, he did well" Sweeny said.`, []string{"As a builder, he did well"}},
		{"NYT double apostrophes", "''It is over,'' she said.", []string{"It is over,"}},
		{"curly opened, closed by two right single marks", "“It is over,’’ she said. “We lost.’’", []string{"It is over,", "We lost."}},
		{"unclosed runs to paragraph end", "“First paragraph goes on\n“Second closes.”", []string{"First paragraph goes on", "Second closes."}},
		{"apostrophes are not quotes", "Putin’s ‘plan’ isn't 'new'", nil},
		{"a straight mark after a full stop reopens", `He said: "We lost the match. "Next week we win," he added.`, []string{"We lost the match.", "Next week we win,"}},
		{"a straight mark attached to a word before it closes", `"We lost." She left. "We will win."`, []string{"We lost.", "We will win."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := SegmentString(tt.in)
			var got []string
			for _, p := range d.QuotePairs {
				if p.Last <= p.First {
					got = append(got, "")
					continue
				}
				got = append(got, d.Text[d.Tokens[p.First].Start:d.Tokens[p.Last-1].End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("QuotePairs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRunOnTextIsCutIntoBoundedSentences: a sentence stops at the bound,
// after a comma in its second half where there is one.
func TestRunOnTextIsCutIntoBoundedSentences(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		comma bool // every sentence but the last ends with a comma
	}{
		{"no punctuation", strings.Repeat("word ", 1000), false},
		{"commas", strings.Repeat("one two three four five six seven, ", 150), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := SegmentString(tc.text)
			if len(d.Sentences) < 2 {
				t.Fatalf("%d sentences, want the text cut", len(d.Sentences))
			}
			for i, s := range d.Sentences {
				if n := s.Last - s.First; n > maxSentenceTokens {
					t.Errorf("sentence %d has %d tokens, more than %d", i, n, maxSentenceTokens)
				}
				if tc.comma && i < len(d.Sentences)-1 && d.Tok(s.Last-1) != "," {
					t.Errorf("sentence %d ends with %q, want the comma", i, d.Tok(s.Last-1))
				}
			}
		})
	}
}

// TestAbbreviationPeriodsAreMarked guards the Abbrev flag: the period of a
// title abbreviation or an initial inside a sentence belongs to its word;
// a sentence's own last period and a period after a space do not.
func TestAbbreviationPeriodsAreMarked(t *testing.T) {
	tests := []struct {
		in   string
		want []int // byte offsets of the flagged periods
	}{
		{"Mr. Hale left.", []int{2}},
		{"Paul J. Hale met Sen. Ann Roe.", []int{6, 20}},
		{"He left. She stayed.", nil},
		{"They met in the U.S. on Monday.", nil},
		{"It ended . Then more.", nil},
	}
	for _, tc := range tests {
		d := SegmentString(tc.in)
		var got []int
		for _, tok := range d.Tokens {
			if tok.Is(parley.Abbrev) {
				got = append(got, int(tok.Start))
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: abbreviation periods at %v, want %v", tc.in, got, tc.want)
		}
	}
}
