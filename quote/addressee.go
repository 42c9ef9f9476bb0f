package quote

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

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

// placeAfter returns the end of "of X" or "in X" at a where X is a place
// the entity layer names, or a.
func (r *run) placeAfter(s parley.Sentence, a int) int {
	if a+1 >= s.Last || r.low(a) != "of" && r.low(a) != "in" {
		return a
	}
	if ref := r.ents.RefAt(a + 1); ref != nil && ref.First == a+1 && r.ents.Entities[ref.Entity].Type == parley.Place {
		return ref.Last
	}
	return a
}

// object reads the addressee of a cue that takes one ("told reporters",
// "urged the council to", "accused the UK of") from a and returns where it
// ends; false when the verb needs an addressee and has none.
func (r *run) object(at *attribution, a int) (int, bool) {
	s, verb, q := at.s, at.verb, &at.q
	if r.low(a) == "that" && verb.Frames&lexicon.FrameThat != 0 && !needsAddressee(verb) {
		return a, true // "promised that he would …": the clause, no addressee
	}
	if r.low(a) == "on" && verb.Lemma == "call" {
		a++
	}
	if ad := r.nounPhraseAt(s, a); ad.ok && ad.last > a && r.addresseeFits(ad.first, ad.last) {
		q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
		if ch := r.channelOf(ad); ch != "" {
			q.channel = ch
		}
		a = ad.last
		if e := r.outletMedium(s, ad, a); e > a {
			q.addressee, a = r.spanText(ad.first, e), e
		}
		if e := r.placeAfter(s, a); e > a {
			a = e // "told The Star-Ledger of Newark last week …": the outlet's town
		}
		if e := r.possessedTitle(s, a); e > a {
			// "told BBC Radio 4's Woman's Hour:": the outlet's programme
			q.addressee = r.spanText(ad.first, e)
			q.channel, a = q.addressee, e
		}
		if verb.Frames&lexicon.FrameOf != 0 && a < s.Last && r.low(a) == "and" {
			// "accused the UK and the US of meddling": more addressees up to "of"
			if k := r.indexOf(a, min(a+8, s.Last), "of"); k > 0 {
				q.addressee = r.d.Text[r.d.Tokens[ad.first].Start:r.d.Tokens[k-1].End]
				q.addresseeEn = -1
				a = k
			}
		}
		return a, true
	}
	if e := r.genericNP(s, a); e > a && (verb.Frames&lexicon.FrameObject != 0 || verb.Frames&lexicon.FrameInf != 0 && e < s.Last && r.low(e) == "to") {
		q.addressee = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[e-1].End] // "told the cheering crowd"
		return e, true
	}
	if p := r.quotedTitle(s, a); p != nil && verb.Frames&lexicon.FrameObject != 0 {
		// a programme named in quotation marks: `told "Fox and Friends,"`
		last := p.last
		for last > p.first && r.kind(last-1) == parley.Punct {
			last-- // `"Fox and Friends,"`: not the comma inside the mark
		}
		q.addressee = r.spanText(p.first, last)
		q.channel = q.addressee
		return p.close + 1, true
	}
	if verb.Frames&lexicon.FrameObject != 0 && a < s.Last && r.isWord(a) && r.d.Tokens[a].Is(parley.Cap) {
		// an outlet or person the lexicon does not know: "told Lusa"
		e := a
		for e < s.Last && e-a < 4 && r.isWord(e) && r.d.Tokens[e].Is(parley.Cap) {
			e++
		}
		q.addressee = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[e-1].End]
		q.channel = q.addressee
		return e, true
	}
	if needsAddressee(verb) {
		return 0, false // "told" needs its addressee: "all told"
	}
	if verb.Frames&lexicon.FrameOf != 0 {
		// "accused the UK and the US of meddling": the addressees run to "of"
		for b := a; b < s.Last && b-a < 12; b++ {
			if r.low(b) == "of" && b > a {
				q.addressee = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End]
				return b, true
			}
			if !r.isWord(b) && r.low(b) != "’s" {
				break
			}
		}
	}
	return a, true
}

// quotedTitle returns the pair of quotation marks at a that hold a title,
// its words capitalised but for short function words (“Fox and Friends”),
// or nil.
func (r *run) quotedTitle(s parley.Sentence, a int) *qpair {
	p := r.pairAt(a)
	if p == nil || p.close < 0 || p.close >= s.Last || r.wordsIn(p.first, p.last) > 5 {
		return nil
	}
	for k := p.first; k < p.last; k++ {
		if r.isWord(k) && !r.d.Tokens[k].Is(parley.Cap) && !isFunction(r.low(k)) {
			return nil
		}
	}
	return p
}

// possessedTitle returns the end of a capitalised name possessed by what
// ends at a ("'s Woman's Hour", "'s Meet the Press"), or a.
func (r *run) possessedTitle(s parley.Sentence, a int) int {
	if a >= s.Last || r.kind(a) != parley.Possessive {
		return a
	}
	e := a + 1
	for e < s.Last && e-a <= 6 {
		switch {
		case r.isWord(e) && r.d.Tokens[e].Is(parley.Cap):
			e++
		case r.kind(e) == parley.Possessive || r.isWord(e) && isFunction(r.low(e)) && e+1 < s.Last && r.d.Tokens[e+1].Is(parley.Cap):
			e++
		default:
			if e == a+1 || !r.isWord(e-1) {
				return a
			}
			if _, ok := channelNouns[r.low(e)]; ok && r.isWord(e) || r.isWord(e) && e+1 < s.Last && r.introducesContent(e+1) {
				e++ // "'s Today programme"
			}
			return e
		}
	}
	return a
}

// outletMedium returns the end of the outlet's medium after the addressee
// ad, which ends at a ("told the BBC News website he …", "told the Daily
// Record newspaper"), with a programme's name after it ("BBC World
// Service programme Go Digital"), or a.
func (r *run) outletMedium(s parley.Sentence, ad speaker, a int) int {
	if _, ok := channelNouns[r.low(a)]; !ok || a >= s.Last || ad.entity < 0 || r.ents.Entities[ad.entity].Type != parley.Organization {
		return a
	}
	named := namedChannels[r.low(a)]
	a++
	for n := 0; named && n < 4 && a < s.Last && r.isWord(a) && r.d.Tokens[a].Is(parley.Cap) && !r.personAt(a); n++ {
		a++
	}
	return a
}

// personAt reports a person's mention at token k.
func (r *run) personAt(k int) bool {
	ref := r.ents.RefAt(k)
	return ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person
}
