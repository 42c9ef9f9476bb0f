package text

// QuotePair is a pair of quotation marks inside one paragraph: the opening
// mark at token Open and the closing mark at token Close, or Close = -1 when
// the quotation runs to the end of its paragraph (news copy reopens a long
// quotation in each paragraph and closes it only in the last).
type QuotePair struct {
	Open, Close int // token indices of the marks
	First, Last int // tokens inside, [First, Last)
	Para        int // paragraph index
}

// QuotePairs pairs the double quotation marks of each paragraph, in text
// order. Curly marks pair with each other; straight marks alternate; a
// straight mark may close a curly opening (mixed typography is common in
// copy that went through several systems). Single quotation marks are left
// alone: they are apostrophes as often as quotes.
func QuotePairs(d *Doc) []QuotePair {
	var out []QuotePair
	for pi, p := range d.Paragraphs {
		if p.First >= p.Last {
			continue
		}
		first, last := d.Sentences[p.First].First, d.Sentences[p.Last-1].Last
		curly, straight := -1, -1
		for i := first; i < last; i++ {
			switch d.Tokens[i].Kind {
			case OpenQuote:
				if d.Tok(i) == "‘" {
					continue
				}
				if curly < 0 && straight < 0 {
					curly = i
				}
			case CloseQuote:
				if t := d.Tok(i); t != "”" && t != "»" {
					continue // ’ and ' after a word are apostrophes as often as quotes
				}
				if curly >= 0 {
					out = append(out, QuotePair{Open: curly, Close: i, First: curly + 1, Last: i, Para: pi})
					curly = -1
				} else if straight >= 0 {
					out = append(out, QuotePair{Open: straight, Close: i, First: straight + 1, Last: i, Para: pi})
					straight = -1
				}
			case StraightQuote:
				switch {
				case curly >= 0:
					out = append(out, QuotePair{Open: curly, Close: i, First: curly + 1, Last: i, Para: pi})
					curly = -1
				case straight < 0:
					straight = i
				default:
					out = append(out, QuotePair{Open: straight, Close: i, First: straight + 1, Last: i, Para: pi})
					straight = -1
				}
			}
		}
		if open := max(curly, straight); open >= 0 {
			out = append(out, QuotePair{Open: open, Close: -1, First: open + 1, Last: last, Para: pi})
		}
	}
	return out
}

// QuoteMask marks the tokens inside quotation marks (the marks included).
func QuoteMask(d *Doc, pairs []QuotePair) []bool {
	mask := make([]bool, len(d.Tokens))
	for _, p := range pairs {
		end := p.Close
		if end < 0 {
			end = p.Last - 1
		}
		for k := p.Open; k <= end; k++ {
			mask[k] = true
		}
	}
	return mask
}
