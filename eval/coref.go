package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SysMention is one mention a system output for a CorefDoc: a byte span of
// its text and the entity it refers to (mentions with the same Entity
// corefer).
type SysMention struct {
	Start, End int
	Entity     int
	Type       string // PERSON, ORG, PLACE, ... (informative)
	Kind       string // name, pronoun, nominal, ...
}

// Resolution counts how the system linked one kind of gold mention that
// refers to a named person or organisation.
type Resolution struct {
	Gold       int `json:"gold"`
	Right      int `json:"right"`      // linked to the entity holding the chain's nearest preceding name
	Wrong      int `json:"wrong"`      // linked to another entity
	Unresolved int `json:"unresolved"` // no mention of the system covers it
	// NoName counts the gold mentions whose antecedent name the system has
	// no mention of (they are wrong or unresolved, never right).
	NoName int `json:"no_name"`
}

// Accuracy is Right / Gold.
func (r Resolution) Accuracy() float64 { return ratio(r.Right, r.Gold) }

func (r *Resolution) add(o Resolution) {
	r.Gold += o.Gold
	r.Right += o.Right
	r.Wrong += o.Wrong
	r.Unresolved += o.Unresolved
	r.NoName += o.NoName
}

// Mention classes of CorefScore.Resolution.
const (
	ClassPronoun     = "pronoun"     // third-person pronouns: the two below
	ClassPersonal    = "personal"    // he, she, him, it, they, them, himself (not possessive)
	ClassPossessive  = "possessive"  // his, her, its, their
	ClassDescription = "description" // the minister, the company (definite, common-noun head)
)

// CorefScore is the result of ScoreCoref.
type CorefScore struct {
	Documents int `json:"documents"`
	// Resolution by class (pronoun, personal, possessive, description),
	// and by class and gold entity type ("pronoun/person").
	Resolution map[string]Resolution `json:"resolution"`
	// The CoNLL metrics over person, organisation and place mentions.
	MUC    CorefPRF     `json:"muc"`
	B3     CorefPRF     `json:"b3"`
	CEAFe  CorefPRF     `json:"ceafe"`
	CoNLL  float64      `json:"conll_f1"` // mean of the three F1
	Errors []CorefError `json:"-"`
}

// CorefError is one gold mention the system did not link right.
type CorefError struct {
	Doc     string `json:"doc"`
	Class   string `json:"class"`
	Mention string `json:"mention"`
	Context string `json:"context"`
	Want    string `json:"want"`          // the antecedent name
	Got     string `json:"got,omitempty"` // the name of the entity the system linked it to
	NoName  bool   `json:"no_name,omitempty"`
}

// ScoreCoref scores pred[i], the mentions the system output for docs[i].
func ScoreCoref(docs []CorefDoc, pred [][]SysMention) CorefScore {
	sc := CorefScore{Documents: len(docs), Resolution: map[string]Resolution{}}
	var muc, b3, ceaf prfSums
	for i := range docs {
		var p []SysMention
		if i < len(pred) {
			p = pred[i]
		}
		scoreResolution(&sc, &docs[i], p)
		key, resp := clusters(&docs[i], p)
		muc.add(mucCounts(key, resp))
		b3.add(b3Counts(key, resp))
		ceaf.add(ceafeCounts(key, resp))
	}
	sc.MUC, sc.B3, sc.CEAFe = muc.prf(), b3.prf(), ceaf.prf()
	sc.CoNLL = (sc.MUC.F1 + sc.B3.F1 + sc.CEAFe.F1) / 3
	return sc
}

// mentionClass says which class gold mention m of d is scored in, or "".
func mentionClass(d *CorefDoc, m GoldMention) string {
	if m.EType != "person" && m.EType != "organization" {
		return ""
	}
	w := d.Words[m.Head]
	if m.Last-m.First == 1 && w.UPOS == "PRON" && hasFeat(w.Feats, "PronType=Prs") && hasFeat(w.Feats, "Person=3") {
		if hasFeat(w.Feats, "Poss=Yes") {
			return ClassPossessive
		}
		return ClassPersonal
	}
	if w.UPOS == "NOUN" && strings.EqualFold(d.Words[m.First].Form, "the") && m.Link != "pred" && m.Link != "appos" {
		return ClassDescription
	}
	return ""
}

func hasFeat(feats, f string) bool {
	for _, x := range strings.Split(feats, "|") {
		if x == f {
			return true
		}
	}
	return false
}

// isName reports whether gold mention m is a name: its head is a
// capitalised proper noun, it does not start with an article ("a Fellow of
// the Royal Society") and it is not a predicate ("was Emperor").
func isName(d *CorefDoc, m GoldMention) bool {
	h := d.Words[m.Head]
	if h.UPOS != "PROPN" || m.Link == "pred" || !startsUpper(h.Form) {
		return false
	}
	return d.Words[m.First].UPOS != "DET" || hasFeat(d.Words[m.First].Feats, "Poss=Yes")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// scoreResolution adds the resolution counts of one document to sc.
func scoreResolution(sc *CorefScore, d *CorefDoc, pred []SysMention) {
	byChain := map[string][]int{}
	for i, m := range d.Mentions {
		byChain[m.Chain] = append(byChain[m.Chain], i)
	}
	names := entityNames(pred, d.Text)
	for _, m := range d.Mentions {
		class := mentionClass(d, m)
		if class == "" {
			continue
		}
		ante := -1 // the nearest preceding name of m's chain
		for _, j := range byChain[m.Chain] {
			n := d.Mentions[j]
			if isName(d, n) && n.Last <= m.First && (ante < 0 || n.First > d.Mentions[ante].First) {
				ante = j
			}
		}
		if ante < 0 {
			continue
		}
		want := covering(pred, d.Words[d.Mentions[ante].Head])
		got := covering(pred, d.Words[m.Head])
		var r Resolution
		r.Gold = 1
		if want < 0 {
			r.NoName = 1
		}
		switch {
		case got < 0:
			r.Unresolved = 1
		case want >= 0 && pred[got].Entity == pred[want].Entity:
			r.Right = 1
		default:
			r.Wrong = 1
		}
		if r.Right == 0 {
			e := CorefError{Doc: d.ID, Class: class, Mention: d.Text[d.Words[m.First].Start:d.Words[m.Last-1].End],
				Context: inSentence(d, m), Want: d.Text[d.Words[d.Mentions[ante].First].Start:d.Words[d.Mentions[ante].Last-1].End]}
			e.NoName = want < 0
			if got >= 0 {
				e.Got = names[pred[got].Entity]
			}
			sc.Errors = append(sc.Errors, e)
		}
		keys := []string{class, class + "/" + m.EType}
		if class != ClassDescription {
			keys = append(keys, ClassPronoun, ClassPronoun+"/"+m.EType)
		}
		for _, k := range keys {
			x := sc.Resolution[k]
			x.add(r)
			sc.Resolution[k] = x
		}
	}
}

// covering returns the index of the innermost system mention that covers
// word w, or -1.
func covering(pred []SysMention, w CorefWord) int {
	best := -1
	for i, p := range pred {
		if p.Start <= w.Start && w.End <= p.End && (best < 0 || p.End-p.Start < pred[best].End-pred[best].Start) {
			best = i
		}
	}
	return best
}

// entityNames gives each system entity the text of its first name mention
// (else its first mention), for the error list.
func entityNames(pred []SysMention, text string) map[int]string {
	out := map[int]string{}
	named := map[int]bool{}
	for _, p := range pred {
		if named[p.Entity] || p.Start < 0 || p.End > len(text) || p.Start > p.End {
			continue
		}
		if _, ok := out[p.Entity]; !ok || p.Kind == "name" {
			out[p.Entity] = text[p.Start:p.End]
			named[p.Entity] = p.Kind == "name"
		}
	}
	return out
}

// inSentence is the sentence of m with m in brackets.
func inSentence(d *CorefDoc, m GoldMention) string {
	s := d.Words[m.First].Sent
	a, b := m.First, m.Last-1
	for a > 0 && d.Words[a-1].Sent == s {
		a--
	}
	for b+1 < len(d.Words) && d.Words[b+1].Sent == s {
		b++
	}
	t := d.Text
	return t[d.Words[a].Start:d.Words[m.First].Start] + "[" + t[d.Words[m.First].Start:d.Words[m.Last-1].End] + "]" + t[d.Words[m.Last-1].End:d.Words[b].End]
}
