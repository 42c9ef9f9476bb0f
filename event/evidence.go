package event

import "github.com/parley-news/parley"

// clipToQuote ends the evidence of a trigger at word i at the close of
// the quotation that holds it: an act told in a quote is evidenced by the
// quote, not by the attribution after it ("… come out firing," he added).
// end is the evidence's end (exclusive word index); it returns the new end.
func (s *sentence) clipToQuote(i, end int) int {
	d := s.in.Doc
	at := int(d.Tokens[s.first+i].Start)
	for _, q := range d.Quotes {
		if q.Content.Start > at || at >= q.Content.End {
			continue
		}
		for end > i+1 && int(d.Tokens[s.first+end-1].End) > q.Content.End {
			end--
		}
	}
	return end
}

// notTheAttacker drops from srcs the sources of a nominal attack (CAMEO
// 18-20) that only speak of it: the subject of a verb whose reported
// clause holds the noun ("Gibbs said the attack was sickening" names no
// attacker). A possessor, an adjective or a "by" phrase is the noun's own
// ("Israel's attack", "the attack by the rebels"), and so is the subject
// of a verb whose object the noun is ("launched an attack").
func (c *Coder) notTheAttacker(s *sentence, t trig, code Code, srcs []*actorSpan) []*actorSpan {
	if !t.noun || code.Root != "18" && code.Root != "19" && code.Root != "20" || len(srcs) == 0 || !s.parse() {
		return srcs
	}
	speaker := map[int]bool{} // subjects of the verbs that report the noun
	reported := false
	for i, n := nounHead(s, t), 0; i >= 0 && n < 8; n++ {
		if reported {
			if k := s.dependent(i, parley.RelNsubj); k >= 0 {
				speaker[k] = true
			}
		}
		if s.rel(i) == parley.RelCcomp {
			reported = true
		}
		i = s.head(i)
	}
	out := srcs[:0:0]
	for _, a := range srcs {
		if a == nil || !s.inSpeaker(speaker, s.spanHead(a.first, a.last)) {
			out = append(out, a)
		}
	}
	return out
}

// inSpeaker reports whether word j is in the phrase of one of the
// speakers ("Danish" in "the Danish minister said").
func (s *sentence) inSpeaker(speaker map[int]bool, j int) bool {
	for k := range speaker {
		if j >= 0 && s.underPhrase(k, j) {
			return true
		}
	}
	return false
}

// spanHead returns the word of first..last whose head lies outside it,
// or -1 for an empty span.
func (s *sentence) spanHead(first, last int) int {
	for k := first; k < last && k < len(s.words); k++ {
		if h := s.head(k); h < first || h >= last {
			return k
		}
	}
	return -1
}
