package event

import (
	"bufio"
	"strings"

	"github.com/parley-news/parley"
)

// discards are PETRARCH's Phoenix.discards.txt: phrases that mark a
// sentence (or, with '+', a whole story) as outside political event data —
// sports, entertainment ("BASEBALL", "+AUSTRALIAN OPEN"). Its dating
// phrases are left out (see historical).
type discards struct {
	sentence map[string][][]string // first word → phrases
	story    map[string][][]string
}

func parseDiscards(data string) *discards {
	d := &discards{sentence: map[string][][]string{}, story: map[string][][]string{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		m := d.sentence
		if strings.HasPrefix(s, "+") {
			m = d.story
			s = strings.TrimSpace(s[1:])
		}
		w := strings.Fields(strings.ToUpper(strings.ReplaceAll(s, "_", " ")))
		if len(w) == 0 || historical(w) {
			continue
		}
		m[w[0]] = append(m[w[0]], w)
	}
	return d
}

// hit reports whether words contain a phrase of m.
func hit(m map[string][][]string, words []string) bool {
	for i, w := range words {
		for _, p := range m[w] {
			if i+len(p) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(p); k++ {
				if words[i+k] != p[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// historical reports whether a discard only dates its sentence ("1967",
// "years ago", "World War Two"): PETRARCH drops historical events, but an
// article's background events ("Israel seized the territories in 1967")
// are events parley reports.
func historical(w []string) bool {
	if len(w) == 1 && strings.Trim(w[0], "0123456789") == "" {
		return true
	}
	for _, x := range w {
		if x == "AGO" || x == "LATER" || x == "WAR" {
			return true
		}
	}
	return false
}

// storyMaxBytes bounds what a story-level discard speaks for: PETRARCH's
// "+" phrases mark a wire story as sport or entertainment, so in a news
// article they cover the whole of it. A longer document (a transcript, a
// concatenation, a section of either) is no one story: there they mark
// only their own paragraph.
const storyMaxBytes = 16 << 10

// discardedParagraphs returns, per paragraph of d, whether a story-level
// discard covers it: its own paragraph always, every paragraph in a short
// story. It returns nil when nothing is discarded.
func (c *Coder) discardedParagraphs(d *parley.Doc) []bool {
	if len(c.discard.story) == 0 || len(d.Paragraphs) == 0 {
		return nil
	}
	var out []bool
	words := make([]string, 0, 8)
	for pi, p := range d.Paragraphs {
		if p.First >= p.Last || p.Last > len(d.Sentences) {
			continue
		}
		first, last := d.Sentences[p.First].First, d.Sentences[p.Last-1].Last
		for i := first; i < last; i++ {
			if !d.Tokens[i].Is(parley.Cap) || !c.storyPhraseAt(d, i, last, &words) {
				continue
			}
			if out == nil {
				out = make([]bool, len(d.Paragraphs))
			}
			if len(d.Text) <= storyMaxBytes {
				for k := range out {
					out[k] = true
				}
				return out
			}
			out[pi] = true
			break
		}
	}
	return out
}

// storyPhraseAt reports whether a story-level discard phrase starts at
// token i and ends before token end; words is scratch space.
func (c *Coder) storyPhraseAt(d *parley.Doc, i, end int, words *[]string) bool {
	ps, ok := c.discard.story[strings.ToUpper(d.Tok(i))]
	if !ok {
		return false
	}
	w := (*words)[:0]
	for k := i; k < end && k < i+8; k++ {
		w = append(w, strings.ToUpper(d.Tok(k)))
	}
	*words = w
	for _, p := range ps {
		if len(p) <= len(w) && equalWords(p, w[:len(p)]) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
