package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// justification returns the infinitive of "SUBJECT had no choice (option,
// alternative) but to V" in q's content, what saying it does and the
// subject's token (the act's target, -1 for none): a defence of the
// subject's act ("the lawyer said the driver had no choice but to
// swerve": 052), or, when V is a sanction or a submission the subject is
// to undergo (`demand_verb`: resign, surrender …), a demand that they do
// it ("the army said the rebels had no alternative but to surrender":
// 100). Not when the subject is the speaker or the speaker's own side (a
// self-justification is a statement), nor when it is only supposed
// ("shops will have no choice but to close") or asked.
func (c *Coder) justification(in *input, q parley.Quote) (int, string, int, bool) {
	d := in.Doc
	first, last := d.TokenAt(q.Content.Start), d.TokenAt(q.Content.End-1)+1
	for i := first; i >= 0 && i+4 < last; i++ {
		if d.Lower(i) != "no" || !choiceNouns[d.Lower(i+1)] || d.Lower(i+2) != "but" || d.Lower(i+3) != "to" {
			continue
		}
		si := d.SentenceOf(i)
		if si < 0 || !in.parseSentence(d.Sentences[si]) {
			return 0, "", -1, false
		}
		s := d.Sentences[si]
		if d.Tok(s.Last-1) == "?" {
			return 0, "", -1, false
		}
		h := d.Head(i + 1) // "had", "was left with"
		if h < 0 {
			return 0, "", -1, false
		}
		subj := leftNoChoice(d, s, h, q.Speaker)
		if subj < 0 {
			return 0, "", -1, false
		}
		code := defenceCode
		for k := i + 4; k < last && k < i+12 && d.Tokens[k].Kind == parley.Word; k++ {
			if demandVerbs[d.Lemma(k)] || demandVerbs[d.Lower(k)] {
				code = demandCode
				break
			}
		}
		return i + 4, code, subj, true
	}
	return 0, "", -1, false
}

// leftNoChoice reports whether verb h of the parsed sentence s, the one
// that has no choice, states it of a third party as a fact: a subject that
// is neither the speaker nor the speaker's side, and no modal or future
// auxiliary ("will have no choice"). It returns the subject's token, -1
// for none.
func leftNoChoice(d *parley.Doc, s parley.Sentence, h int, speaker parley.EntityRef) int {
	subject := -1
	for _, k := range dependents(d, s, h) {
		w := d.Lower(k)
		switch r := d.Tokens[k].Rel; {
		case r.Main() == parley.RelAux && (hypotheticalAux[w] || modalWords[strings.ToUpper(w)] || futureWords[strings.ToUpper(w)]):
			return -1
		case r.Subject():
			if ownSide[w] {
				return -1
			}
			if m := d.MentionAt(k); m != nil && m.Entity != 0 && m.Entity == speaker {
				return -1
			}
			subject = k
		}
	}
	return subject
}
