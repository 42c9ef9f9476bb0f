package main

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ner"
)

// textLayout is a gold document written out as text for the rule-based
// entity layer, with the byte span of every word.
type textLayout struct {
	text      string
	sentStart []int      // byte offset of each sentence
	words     [][][2]int // per sentence, per word: [start, end)
}

// layoutText writes each sentence of d on a line of its own, its words
// separated by spaces, except before closing punctuation and clitics ("," ")"
// "'s" "n't") and after opening brackets, so the text reads as written.
func layoutText(d ner.Document) *textLayout {
	var b strings.Builder
	l := &textLayout{}
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		l.sentStart = append(l.sentStart, b.Len())
		ws := make([][2]int, len(s.Words))
		for i, w := range s.Words {
			if i > 0 && !attachesLeft(w) && !opensRight(s.Words[i-1]) {
				b.WriteByte(' ')
			}
			ws[i] = [2]int{b.Len(), b.Len() + len(w)}
			b.WriteString(w)
		}
		l.words = append(l.words, ws)
	}
	l.text = b.String()
	return l
}

// attachesLeft reports whether w is written without a space before it:
// closing or other punctuation that is not a quotation mark or dash, a
// clitic ("'s", "'re") or "n't".
func attachesLeft(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if r == '\'' || r == '’' {
		next, _ := utf8.DecodeRuneInString(w[n:])
		return unicode.IsLetter(next)
	}
	if strings.EqualFold(w, "n't") || strings.EqualFold(w, "n’t") {
		return true
	}
	if unicode.In(r, unicode.Pi, unicode.Pf, unicode.Pd) || r == '"' {
		return false
	}
	return unicode.In(r, unicode.Pe, unicode.Po) && r != '&' && r != '#' && r != '*' && r != '@'
}

// opensRight reports whether the word after w follows without a space: w
// is an opening bracket.
func opensRight(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.Is(unicode.Ps, r)
}

// nerType maps the entity layer's types to the recogniser's.
func nerType(t parley.EntityType) (ner.Type, bool) {
	switch t {
	case parley.Person:
		return ner.Person, true
	case parley.Organization:
		return ner.Org, true
	case parley.Place:
		return ner.Place, true
	}
	return ner.None, false
}

// mentions returns the name mentions of people, organisations and places
// in d, as spans of the gold words they cover.
func (l *textLayout) mentions(d *parley.Doc) []ner.Mention {
	var out []ner.Mention
	for _, m := range d.Mentions {
		e := d.Entity(m.Entity)
		if e == nil || m.Kind != parley.NameMention {
			continue
		}
		t, ok := nerType(e.Type)
		if !ok {
			continue
		}
		if mn, ok := l.words2span(m.Span); ok {
			mn.Type = t
			out = append(out, mn)
		}
	}
	slices.SortFunc(out, func(a, b ner.Mention) int {
		return cmp.Or(cmp.Compare(a.Sent, b.Sent), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Type, b.Type))
	})
	return slices.Compact(out)
}

// words2span returns the words a byte span overlaps.
func (l *textLayout) words2span(sp parley.Span) (ner.Mention, bool) {
	si := sort.SearchInts(l.sentStart, sp.Start+1) - 1
	if si < 0 || si >= len(l.words) {
		return ner.Mention{}, false
	}
	ws := l.words[si]
	a := sort.Search(len(ws), func(i int) bool { return ws[i][1] > sp.Start })
	b := sort.Search(len(ws), func(i int) bool { return ws[i][0] >= sp.End })
	if a >= b {
		return ner.Mention{}, false
	}
	return ner.Mention{Sent: si, Span: ner.Span{Start: a, End: b}}, true
}
