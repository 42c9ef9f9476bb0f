package text

import "github.com/parley-news/parley"

// quotePairs pairs the double quotation marks of each paragraph, in text
// order. Curly marks pair with each other; straight marks alternate; a
// straight mark may close a curly opening (mixed typography is common in
// copy that went through several systems). Single quotation marks are left
// alone: they are apostrophes as often as quotes.
func quotePairs(d *parley.Doc) []parley.QuotePair {
	var out []parley.QuotePair
	for pi, p := range d.Paragraphs {
		if p.First >= p.Last {
			continue
		}
		first, last := d.Sentences[p.First].First, d.Sentences[p.Last-1].Last
		curly, straight := -1, -1
		for i := first; i < last; i++ {
			switch d.Tokens[i].Kind {
			case parley.OpenQuote:
				if d.Tok(i) == "‘" {
					continue
				}
				if curly < 0 && straight < 0 {
					curly = i
				}
			case parley.CloseQuote:
				if t := d.Tok(i); t != "”" && t != "»" && t != "’’" {
					continue // ’ and ' after a word are apostrophes as often as quotes
				}
				if curly >= 0 {
					out = append(out, parley.QuotePair{Open: curly, Close: i, First: curly + 1, Last: i, Para: pi})
					curly = -1
				} else if straight >= 0 {
					out = append(out, parley.QuotePair{Open: straight, Close: i, First: straight + 1, Last: i, Para: pi})
					straight = -1
				}
			case parley.StraightQuote:
				switch {
				case curly >= 0:
					out = append(out, parley.QuotePair{Open: curly, Close: i, First: curly + 1, Last: i, Para: pi})
					curly = -1
				case straight < 0:
					straight = i
				case reopens(d, i):
					// `"I believe they won't race again. "The damage is done," he
					// added.`: a new quotation opens after a full stop; the
					// open one ended, unclosed, at the stop (paragraphs of a
					// quote run together, each opening with a mark)
					out = append(out, parley.QuotePair{Open: straight, Close: -1, First: straight + 1, Last: i, Para: pi})
					straight = i
				default:
					out = append(out, parley.QuotePair{Open: straight, Close: i, First: straight + 1, Last: i, Para: pi})
					straight = -1
				}
			}
		}
		if open := max(curly, straight); open >= 0 {
			out = append(out, parley.QuotePair{Open: open, Close: -1, First: open + 1, Last: last, Para: pi})
		}
	}
	return out
}

// reopens reports whether the straight mark at i opens a quotation: it
// follows a full stop, question or exclamation mark and a space, and is
// attached to the word after it.
func reopens(d *parley.Doc, i int) bool {
	if i == 0 || i+1 >= len(d.Tokens) || d.Tokens[i].Is(parley.SpaceAfter) || !d.Tokens[i-1].Is(parley.SpaceAfter) {
		return false
	}
	switch d.Tok(i - 1) {
	case ".", "?", "!":
		return d.Tokens[i+1].Kind == parley.Word
	}
	return false
}

// markQuotes flags the tokens inside quotation marks (the marks included).
func markQuotes(d *parley.Doc) {
	for _, p := range d.QuotePairs {
		end := p.Close
		if end < 0 {
			end = p.Last - 1
		}
		for k := p.Open; k <= end; k++ {
			d.Tokens[k].Flags |= parley.InQuote
		}
	}
}
