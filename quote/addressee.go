package quote

import "github.com/parley-news/parley"

// toAddressee reads what follows "to" at token a, right after a verb that
// takes an addressee and a to-infinitive. After an addressee, or before a
// verb, "to" is the infinitive's, and the content starts after it. "to"
// and a noun phrase is the addressee ("appealed to the UN to end the
// embargo"): the content is the infinitive after it, and with none
// ("appealed to middle-class voters with its tax plans", pleasing them)
// there is no content: kind "none".
func (r *run) toAddressee(s parley.Sentence, a int, q *found) (int, string) {
	n := a + 1
	if n >= s.Last || q.addressee != "" {
		return n, "to" // "urged Mrs Clinton to fund …": the addressee is read
	}
	switch r.posAt(s, n) {
	case parley.VERB, parley.AUX, parley.NoPOS:
		return n, "to"
	}
	e, en := r.genericNP(s, n), -1
	if ad := r.nounPhraseAt(s, n); ad.ok && ad.last > n {
		e, en = ad.last, ad.entity
	}
	if e <= n {
		return n, "to"
	}
	if e < s.Last && r.low(e) == "to" {
		q.addressee, q.addresseeEn = r.d.Text[r.d.Tokens[n].Start:r.d.Tokens[e-1].End], en
		return e + 1, "to"
	}
	return n, "none"
}
