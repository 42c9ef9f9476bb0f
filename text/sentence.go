package text

import (
	"strings"

	"github.com/parley-news/parley"
)

// Terminal reports whether token i of d is a sentence-final mark.
func isTerminal(d *parley.Doc, i int) bool {
	t := d.Tokens[i]
	if t.Kind != parley.Punct {
		return false
	}
	c := d.Text[t.Start:t.End]
	return c == "." || c == "!" || c == "?" || c == "..." || c == "…" || c == "?!" || c == "!?"
}

// maxSentenceTokens bounds a sentence. News sentences rarely pass 100
// words; text without sentence ends (a scraped table, a list, hostile
// input) would otherwise make one sentence of everything, and every stage
// that looks across a sentence (quote content, nesting, claims) would grow
// with its square.
const maxSentenceTokens = 150

// forcedBreak is where a sentence that reached the bound at token i ends:
// after the last comma, semicolon, colon or dash in its second half, else
// before i.
func forcedBreak(d *parley.Doc, start, i int) int {
	for j := i - 1; j > start+maxSentenceTokens/2; j-- {
		if d.Tokens[j].Kind != parley.Punct {
			continue
		}
		switch d.Tok(j) {
		case ",", ";", ":", "-", "–", "—":
			return j + 1
		}
	}
	return i
}

// markAbbreviations flags the periods inside a sentence that end an
// abbreviation or an initial written against it ("Mr. Rubio", "Donald J.
// Trump"), the periods the sentence splitter passed over.
func markAbbreviations(d *parley.Doc) {
	for _, s := range d.Sentences {
		for i := s.First + 1; i < s.Last-1; i++ {
			if d.Tokens[i].Kind == parley.Punct && d.Tok(i) == "." && abbreviationBefore(d, i) {
				d.Tokens[i].Flags |= parley.Abbrev
			}
		}
	}
}

// abbreviationBefore reports an abbreviation or a capital initial just
// before the period at i, with no space between.
func abbreviationBefore(d *parley.Doc, i int) bool {
	prev := d.Tokens[i-1]
	pw := d.Text[prev.Start:prev.End]
	return prev.Kind == parley.Word && !prev.Is(parley.SpaceAfter) && (abbreviations[pw] || len(pw) == 1 && prev.Is(parley.Cap))
}

func splitSentences(d *parley.Doc) {
	toks := d.Tokens
	n := len(toks)
	if n == 0 {
		return
	}
	sentStart := 0
	para := -1
	closeSentence := func(last int) {
		if last <= sentStart {
			return
		}
		d.Sentences = append(d.Sentences, parley.Sentence{
			Start: int(toks[sentStart].Start), End: int(toks[last-1].End),
			First: sentStart, Last: last, Para: para,
		})
		sentStart = last
	}
	for i := 0; i < n; i++ {
		if toks[i].Is(parley.ParaStart) {
			closeSentence(i)
			if para >= 0 {
				d.Paragraphs[para].End = int(toks[i-1].End)
				d.Paragraphs[para].Last = len(d.Sentences)
			}
			d.Paragraphs = append(d.Paragraphs, parley.Paragraph{Start: int(toks[i].Start), First: len(d.Sentences)})
			para++
			sentStart = i
		}
		if i-sentStart >= maxSentenceTokens {
			closeSentence(forcedBreak(d, sentStart, i))
		}
		end := -1
		switch {
		case isTerminal(d, i):
			end = i + 1
		case toks[i].Kind == parley.Word && strings.HasSuffix(d.Tok(i), ".") && i+1 < n:
			// dotted acronym at the end of a sentence: "talks in the U.S. The"
			nx := d.Tok(i + 1)
			if toks[i+1].Is(parley.Cap) && sentenceStarters[nx] && toks[i].Is(parley.SpaceAfter) {
				end = i + 1
			}
		}
		if end < 0 {
			continue
		}
		// absorb closing quotes and brackets: `.”` `.)`
		for end < n && !toks[end].Is(parley.ParaStart) && (toks[end].Kind == parley.CloseQuote || toks[end].Kind == parley.StraightQuote || d.Tok(end) == ")" || d.Tok(end) == "]" || (isTerminal(d, end))) {
			if toks[end-1].Is(parley.SpaceAfter) {
				break
			}
			end++
		}
		if end >= n || toks[end].Is(parley.ParaStart) {
			continue // the paragraph boundary closes it
		}
		if !toks[end-1].Is(parley.SpaceAfter) {
			continue // "3.5", "Yahoo!Inc": no space, no boundary
		}
		if toks[i].Kind == parley.Punct && d.Tok(i) == "." && i > 0 && abbreviationBefore(d, i) {
			continue // "Mr. Rubio", "Donald J. Trump"
		}
		next := toks[end]
		nt := d.Text[next.Start:next.End]
		if next.Kind == parley.Word && !next.Is(parley.Cap) && !(len(nt) > 0 && nt[0] >= '0' && nt[0] <= '9') {
			// lower-case continuation: "said the U.S. official", "... and then"
			if d.Tok(i) != "?" && d.Tok(i) != "!" {
				continue
			}
			continue
		}
		closeSentence(end)
		i = end - 1
	}
	closeSentence(n)
	if para >= 0 {
		d.Paragraphs[para].End = int(toks[n-1].End)
		d.Paragraphs[para].Last = len(d.Sentences)
	}
}
