package claim

import (
	"strings"
	"unicode"

	"github.com/parley-news/parley"
)

// campParagraphs is how many paragraphs apart two camps' statements may be
// and still answer each other: news sets the camps of a debate side by
// side ("Supporters say … Opponents say …").
const campParagraphs = 1

// campLabelReach is how far, in bytes, the of-phrase of a camp label may
// run past the speaker's mention to the cue ("Critics | of the mayor said").
const campLabelReach = 60

// camp is the side a source's label names: the camp that supports (pro) or
// opposes something, and what, when the label says it ("opponents of the
// bill", "Hale's supporters"); object is "" for a bare "critics".
type camp struct {
	pro    bool
	object string
}

// campLabel is the label of the stance's source as the text writes it: the
// speaker's mention, with the of-phrase that runs from it to the cue when
// the mention stops short of it ("Critics" → "Critics of the mayor"); the
// source's name when the quote has no mention.
func campLabel(d *parley.Doc, s *stance) (label string, start int) {
	q := d.Quotes[s.quoteIdx]
	sp := q.SpeakerSpan
	if sp.End <= sp.Start || sp.End > len(d.Text) {
		return s.SourceName, -1
	}
	label = d.Text[sp.Start:sp.End]
	if c := q.CueSpan.Start; c > sp.End && c-sp.End <= campLabelReach {
		gap := d.Text[sp.End:c]
		if strings.HasPrefix(gap, " of ") && !strings.ContainsAny(gap, ".,;:\"“”\n") {
			label += strings.TrimRight(gap, " ")
		}
	}
	return label, sp.Start
}

// campOf reads the camp a source's label names (data/words.tsv classes
// camp_pro, camp_con: "supporters", "critics"). The label word must head
// the label: "a spokesman for the supporters club" is no camp. The object
// is the last word of an of-phrase after it, else the word before it when
// that is a possessive ("Hale's supporters") or a name (campName:
// "Liverpool supporters"); "local supporters", "many critics" are bare.
func campOf(d *parley.Doc, label string, start int) (camp, bool) {
	ws := strings.Fields(strings.ReplaceAll(label, "’", "'"))
	if len(ws) > 0 && strings.EqualFold(ws[0], "unnamed") {
		return camp{}, false // the placeholder of a charge with no accuser ("unnamed critics")
	}
	for i, w := range ws {
		lw := strings.ToLower(w)
		if !campPro[lw] && !campCon[lw] {
			continue
		}
		c := camp{pro: campPro[lw]}
		switch {
		case i == len(ws)-1:
			if i > 0 && campObjectWord(d, ws, i-1, start) {
				c.object = objectWord(ws[i-1])
			}
		case strings.ToLower(ws[i+1]) == "of" && i+2 < len(ws):
			c.object = objectWord(ws[len(ws)-1])
		default:
			return camp{}, false
		}
		return c, true
	}
	return camp{}, false
}

// campObjectWord reports whether the label's word k, before its camp noun,
// says what the camp is for or against: a possessive ("Hale's"), or a
// name (campName). Determiners and adjectives ("the", "many", "loyal",
// "local") are not.
func campObjectWord(d *parley.Doc, ws []string, k, start int) bool {
	w := ws[k]
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'") {
		return true
	}
	r := []rune(w)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	if k > 0 {
		return true // capitalised inside the label: "the Labour supporters"
	}
	return start >= 0 && campName(d, start)
}

// campName reports whether the token at byte start, the first of a label,
// is a name: inside a name mention that stops before the label's next
// word, or tagged a proper noun. A capital at the start of a sentence is
// not enough ("Local supporters said …").
func campName(d *parley.Doc, start int) bool {
	if len(d.Tokens) == 0 {
		return false
	}
	i := d.TokenAt(start)
	if i < 0 || i >= len(d.Tokens) {
		return false
	}
	if m := d.MentionAt(i); m != nil && m.Kind == parley.NameMention && int(m.Last) == i+1 {
		return true
	}
	return d.Tokens[i].POS == parley.PROPN
}

// objectWord is w without a possessive ending, lower-cased.
func objectWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return strings.Trim(w, ".,;:\"()")
}

// opposedCamps reports whether camps a and b take opposite sides: one
// supports and the other opposes the same thing, or both leave it unsaid
// ("Supporters say … Critics say …"). Camps of different things
// ("supporters of the budget", "critics of the mayor") answer nothing of
// each other, and nor do two camps of supporters ("Liverpool supporters",
// "Everton supporters").
func opposedCamps(a, b camp) bool {
	return a.pro != b.pro && a.object == b.object
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
		label, start := campLabel(d, s)
		if c, ok := campOf(d, label, start); ok {
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
