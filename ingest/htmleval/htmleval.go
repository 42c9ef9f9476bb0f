// Package htmleval scores article-body extraction the way the
// scrapinghub/article-extraction-benchmark does (its evaluate.py, replicated
// by ../shared/tools/score_html.py): bags of token 4-gram shingles, per-page
// normalised true/false positives and negatives, macro-averaged precision
// and recall, and F1 as the harmonic mean of the two averages.
package htmleval

import (
	"strings"
	"unicode"
)

// Tokens splits s as Python's re.findall(r'\w+', s) does for str: runs of
// letters, numbers and underscores. (Python's \w excludes combining marks,
// and so does this.)
func Tokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles returns the multiset of n-grams of tokens. A text of 1..n-1
// tokens yields one shorter shingle; no tokens, none (as evaluate.py).
func shingles(toks []string, n int) map[string]int {
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	last := len(toks) - n + 1
	if last < 1 {
		last = 1
	}
	for i := 0; i < last; i++ {
		j := min(i+n, len(toks))
		m[strings.Join(toks[i:j], "\x00")]++
	}
	return m
}

// Match is the normalised shingle overlap of one page: TP+FP+FN = 1 unless
// both texts are empty.
type Match struct{ TP, FP, FN float64 }

// Compare matches a predicted body against the gold body.
func Compare(gold, pred string) Match {
	g := shingles(Tokens(gold), 4)
	p := shingles(Tokens(pred), 4)
	var m Match
	for k, t := range g {
		c := p[k]
		m.TP += float64(min(t, c))
		m.FN += float64(max(0, t-c))
		m.FP += float64(max(0, c-t))
	}
	for k, c := range p {
		if _, ok := g[k]; !ok {
			m.FP += float64(c)
		}
	}
	if s := m.TP + m.FP + m.FN; s > 0 {
		m.TP, m.FP, m.FN = m.TP/s, m.FP/s, m.FN/s
	}
	return m
}

// Precision of one page, with evaluate.py's special cases.
func (m Match) Precision() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FP)
}

// Recall of one page, with evaluate.py's special cases.
func (m Match) Recall() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FN == 0:
		return 0
	}
	return m.TP / (m.TP + m.FN)
}

// F1 of one page (for per-page reports; the benchmark's F1 is Summary.F1).
func (m Match) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Summary is the benchmark's score over a set of pages.
type Summary struct {
	Pages     int
	Precision float64 // mean over pages with TP+FP > 0
	Recall    float64 // mean over pages with TP+FN > 0
	F1        float64 // harmonic mean of Precision and Recall
	Accuracy  float64 // share of pages whose token sequences are identical
}

// Summarize macro-averages per-page matches; exact[i] says whether page i's
// tokens equal the gold's.
func Summarize(ms []Match, exact []bool) Summary {
	var s Summary
	s.Pages = len(ms)
	var np, nr int
	for _, m := range ms {
		if m.TP+m.FP > 0 {
			s.Precision += m.Precision()
			np++
		}
		if m.TP+m.FN > 0 {
			s.Recall += m.Recall()
			nr++
		}
	}
	if np > 0 {
		s.Precision /= float64(np)
	}
	if nr > 0 {
		s.Recall /= float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	n := 0
	for _, e := range exact {
		if e {
			n++
		}
	}
	if len(exact) > 0 {
		s.Accuracy = float64(n) / float64(len(exact))
	}
	return s
}

// Exact reports whether gold and pred have the same token sequence.
func Exact(gold, pred string) bool {
	a, b := Tokens(gold), Tokens(pred)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
