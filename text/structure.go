package text

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

//go:embed data/structure_markers.tsv
var structureMarkersTSV string

// Structure tells document structure from prose: headings, all-capital
// labels, bylines, captions, credits, fact-box lines and tickers are
// paragraphs of a page's text that are not sentences. It reads only the
// layout (a short line without final punctuation, capitals, a leading
// "Photo:" or "By"), so it knows nothing of any site. It is safe for
// concurrent use.
type Structure struct {
	markers [][]string // lower-case words of the phrases structure lines begin with
	byline  map[string]bool
}

// Lines of structure are short: a heading of more words is taken as prose.
const (
	maxHeadingWords = 14
	maxBylineWords  = 8
)

// LoadStructure reads the embedded markers (data/structure_markers.tsv).
func LoadStructure() (*Structure, error) {
	s := &Structure{byline: map[string]bool{}}
	header := true
	for n, line := range strings.Split(structureMarkersTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || f[0] == "" {
			return nil, fmt.Errorf("structure_markers.tsv:%d: want a phrase and a kind", n+1)
		}
		switch f[1] {
		case "caption", "credit", "link":
		case "byline":
			s.byline[f[0]] = true
		default:
			return nil, fmt.Errorf("structure_markers.tsv:%d: kind %q, want caption, credit, byline or link", n+1, f[1])
		}
		s.markers = append(s.markers, strings.Fields(f[0]))
	}
	return s, nil
}

// Paragraphs returns, for each paragraph of d, whether it is document
// structure rather than prose.
func (s *Structure) Paragraphs(d *parley.Doc) []bool {
	out := make([]bool, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		if p.First >= p.Last {
			continue
		}
		a, b := d.Sentences[p.First].First, d.Sentences[p.Last-1].Last
		out[i] = s.isStructure(d, a, b, p.Last-p.First)
	}
	return out
}

// isStructure decides the paragraph of tokens [a, b) with sents sentences.
func (s *Structure) isStructure(d *parley.Doc, a, b, sents int) bool {
	words, caps, lower := 0, 0, 0
	for k := a; k < b; k++ {
		t := d.Tokens[k]
		if t.Kind != parley.Word {
			continue
		}
		words++
		switch {
		case t.Is(parley.AllCaps):
			caps++
		case !t.Is(parley.Cap) && t.End-t.Start > 1:
			lower++
		}
	}
	if words == 0 {
		return false
	}
	if caps >= 2 && lower == 0 && caps*2 >= words {
		return true // "WINS AGAIN", "BREAKING NEWS"
	}
	if n, byline := s.marker(d, a, b); n > 0 {
		return !byline || words <= maxBylineWords
	}
	// a heading, a caption, a fact-box label ("Website: example.org"), a ticker line
	return words <= maxHeadingWords && sents == 1 && !finalPunct(d, b-1)
}

// marker returns the words of the marker phrase the paragraph starts with
// (0 for none) and whether it is a byline's.
func (s *Structure) marker(d *parley.Doc, a, b int) (int, bool) {
	for _, m := range s.markers {
		if a+len(m) > b {
			continue
		}
		ok := true
		for k, w := range m {
			if d.Lower(a+k) != w {
				ok = false
				break
			}
		}
		// "By" opens a byline only before a capitalised name: "By Jane Roe"
		if ok && s.byline[strings.Join(m, " ")] && (a+len(m) >= b || !d.Tokens[a+len(m)].Is(parley.Cap)) {
			ok = false
		}
		if ok {
			return len(m), s.byline[strings.Join(m, " ")]
		}
	}
	return 0, false
}

// finalPunct reports whether token k ends a sentence of prose: a full stop,
// a question or exclamation mark, an ellipsis, or a closing quotation mark
// or bracket after one.
func finalPunct(d *parley.Doc, k int) bool {
	for ; k >= 0; k-- {
		t := d.Tokens[k]
		switch t.Kind {
		case parley.CloseQuote, parley.StraightQuote:
			continue
		case parley.Punct:
			switch d.Tok(k) {
			case ")", "]":
				continue
			case ".", "!", "?", "…", ":", ";":
				return true
			}
		}
		return false
	}
	return false
}
