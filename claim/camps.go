package claim

import (
	"strings"

	"github.com/parley-news/parley"
)

// campParagraphs is how many paragraphs apart two camps' statements may be
// and still answer each other: news sets the camps of a debate side by
// side ("Supporters say … Opponents say …").
const campParagraphs = 1

// camp is the side a source's label names: the camp that supports (pro) or
// opposes something, and what, when the label says it ("opponents of the
// bill", "Rudolph's supporters", "those in favour of punishment"); object
// is "" for a bare "critics".
type camp struct {
	pro    bool
	object string
}

// campOf reads the camp a source's name labels (data/words.tsv classes
// camp_pro, camp_con: "supporters", "critics"; camp_pro_phrase,
// camp_con_phrase: "those in favour of"). The label word must head the
// name: "a spokesman for the supporters club" is no camp. The object is
// the last word after "of" or the phrase, else a possessor or a modifier
// before the label ("Rudolph's supporters", "Liverpool supporters").
func campOf(name string) (camp, bool) {
	ws := strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'")))
	if len(ws) > 0 && ws[0] == "unnamed" {
		return camp{}, false // the placeholder of a charge with no accuser ("unnamed critics")
	}
	for n := 4; n >= 2; n-- {
		if len(ws) <= n {
			continue
		}
		p := strings.Join(ws[:n], " ")
		if campProPhrases[p] || campConPhrases[p] {
			return camp{pro: campProPhrases[p], object: objectWord(ws[len(ws)-1])}, true
		}
	}
	for i, w := range ws {
		if !campPro[w] && !campCon[w] {
			continue
		}
		c := camp{pro: campPro[w]}
		switch {
		case i == len(ws)-1:
			if i > 0 && !campQuantifiers[ws[i-1]] {
				c.object = objectWord(ws[i-1])
			}
		case ws[i+1] == "of" && i+2 < len(ws):
			c.object = objectWord(ws[len(ws)-1])
		default:
			return camp{}, false
		}
		return c, true
	}
	return camp{}, false
}

// objectWord is w without a possessive ending.
func objectWord(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return strings.Trim(w, ".,;:\"()")
}

// opposedCamps reports whether camps a and b take opposite sides: one
// supports and the other opposes the same thing, or a thing left unsaid;
// or both support, different things ("those in favour of punishment",
// "Rudolph's supporters"), which makes them rival camps. Two camps of
// critics of different things may be one camp.
func opposedCamps(a, b camp) bool {
	if a.pro != b.pro {
		return a.object == "" || b.object == "" || a.object == b.object
	}
	return a.pro && a.object != "" && b.object != "" && a.object != b.object
}

// campSides joins the statement of a camp to the earlier statement, close
// before it, of the camp opposed to it, on the other side of its claim:
// "Supporters say the law would protect inventors. Opponents say it would
// stifle innovation" is one debate, whatever words the two share. A
// statement already in a claim with another source stays there.
func campSides(d *parley.Doc, sts []*stance) {
	sources := map[int]map[string]bool{}
	for _, s := range sts {
		if sources[s.group] == nil {
			sources[s.group] = map[string]bool{}
		}
		sources[s.group][sourceKey(s)] = true
	}
	type labelled struct {
		s    *stance
		c    camp
		para int
	}
	var camps []labelled
	for _, s := range sts {
		if s.quoteIdx < 0 || s.Stance == parley.Denies {
			continue
		}
		if c, ok := campOf(s.SourceName); ok {
			camps = append(camps, labelled{s, c, paragraphOf(d, s.content.Start)})
		}
	}
	for j := 1; j < len(camps); j++ {
		b := camps[j]
		if len(sources[b.s.group]) > 1 {
			continue
		}
		for i := j - 1; i >= 0; i-- {
			a := camps[i]
			if b.para-a.para > campParagraphs {
				break
			}
			if !opposedCamps(a.c, b.c) || a.s.group == b.s.group {
				continue
			}
			a.s.negation, b.s.negation = false, false
			b.s.Stance = parley.Disputes
			if against(a.s) {
				b.s.Stance = parley.Asserts
			}
			b.s.group = a.s.group
			break
		}
	}
}
