package quote

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Continuations: which quotation in a paragraph carries on the words of a
// quote before it, and which sentence gives its quotation to someone else.

// acrossQuietSentence returns the direct quote of the paragraph whose
// quotation ends the sentence before last when the quotation p opens the
// next sentence but one, and the sentence between is the narrator's
// alone, about the speaker: no quotation, no attribution, no person or
// organisation other than the quote's speaker, the speaker its subject ("“…,” said Robin Maynard. He holds two
// degrees. “But I like …”").
func (r *run) acrossQuietSentence(p *qpair) *found {
	ps := r.d.SentenceOf(p.open)
	if !r.opensSentence(p) || ps < 2 || r.d.Sentences[ps-1].Para != p.para {
		return nil
	}
	gap := r.d.Sentences[ps-1]
	var src *found
	for _, k := range r.byPara[p.para] {
		q := &r.out[k]
		if q.cLast <= q.cFirst {
			continue
		}
		if q.cLast > gap.First && q.cFirst < gap.Last || q.cue >= gap.First && q.cue < gap.Last {
			return nil // the sentence between holds an attribution
		}
		if q.direct && r.d.SentenceOf(q.cLast-1) == ps-2 && q.cue >= 0 {
			src = q
		}
	}
	if src == nil || r.pairIn(gap) || r.othersIn(gap, src.sp) || !r.aboutSpeaker(gap, src.sp) {
		return nil
	}
	return src
}

// aboutSpeaker reports whether sentence s brings in no other party in its
// first words: no role, source or group of people ("He has worked there
// for 24 years.", "This was the case with …"; not "Prosecutors see it
// differently.", "His lawyer was more cautious.").
func (r *run) aboutSpeaker(s parley.Sentence, sp speaker) bool {
	for k := s.First; k < s.Last && k-s.First < 6; k++ {
		if ref := r.ents.RefAt(k); ref != nil && sp.entity >= 0 && ref.Entity == sp.entity {
			return true // the speaker's own mention opens the subject
		}
		if r.isWord(k) && (k == s.First || !r.d.Tokens[k].Is(parley.Cap)) && r.sourceNoun(s, k) {
			return false
		}
	}
	return true
}

// pairIn reports a quotation mark in sentence s.
func (r *run) pairIn(s parley.Sentence) bool {
	for k := s.First; k < s.Last; k++ {
		if r.kind(k) == parley.OpenQuote || r.kind(k) == parley.StraightQuote || r.kind(k) == parley.CloseQuote {
			return true
		}
	}
	return false
}

// othersIn reports a person or organisation named in s other than sp.
func (r *run) othersIn(s parley.Sentence, sp speaker) bool {
	for k := s.First; k < s.Last; k++ {
		ref := r.ents.RefAt(k)
		if ref == nil || ref.Kind == parley.AdjMention || sp.entity >= 0 && ref.Entity == sp.entity {
			continue
		}
		if t := r.ents.Entities[ref.Entity].Type; t == parley.Person || t == parley.Organization {
			return true
		}
	}
	return false
}

// othersSentence reports whether the words of the quotation's sentence
// before it give the quotation to someone other than q's speaker: a cue of
// its own, or a person or organisation other than the speaker before any
// speech verb ("“…,” X said. Y credited Z with “…”"; but "“…,” X said.
// That's produced a strategy of “…”" continues X).
func (r *run) othersSentence(p *qpair, q *found) bool {
	s := r.d.Sentences[r.d.SentenceOf(p.open)]
	for _, k := range r.byPara[p.para] {
		if c := r.out[k].cue; c >= s.First && c < p.open {
			return true
		}
	}
	// the names of the words' subject, not an addressee ("But told BBC
	// News: “…”" continues the speaker)
	for k := s.First; k < p.open && !r.isSpeechWord(k); k++ {
		ref := r.ents.RefAt(k)
		if ref == nil || q.sp.entity >= 0 && ref.Entity == q.sp.entity || ref.Kind == parley.AdjMention {
			continue
		}
		// "The ECB “may sound …”": the quoted words' own subject; "The
		// Tory leader … arguing that … “…”": a name inside a description
		if ref.Last >= p.open || r.f.roles.Is(r.low(ref.Last), lexicon.RoleNoun) {
			continue
		}
		if r.ents.Entities[ref.Entity].Type == parley.Organization && !r.actsAt(s, ref.Last) {
			continue // "In his view, Microsoft is now “…”": a topic, not a source
		}
		if t := r.ents.Entities[ref.Entity].Type; t == parley.Person || t == parley.Organization {
			return true
		}
	}
	return false
}

// actsAt reports whether token k, after an organisation's name, is its own
// act: a verb the tagger reads as lexical, after any adverb, or an
// auxiliary and a speech verb ("Plus.net also backed", "the league has
// protested"; not "Microsoft is").
func (r *run) actsAt(s parley.Sentence, k int) bool {
	for k < s.Last && isInterposed(r.low(k)) && !isAuxiliary(r.low(k)) {
		k++ // "Plus.net also backed"
	}
	if k >= s.Last {
		return false
	}
	if isAuxiliary(r.low(k)) {
		return k+1 < s.Last && r.isSpeechWord(k+1)
	}
	return r.posAt(s, k) == parley.VERB
}

// opensSentence reports whether the quotation begins its sentence.
func (r *run) opensSentence(p *qpair) bool {
	return r.d.Sentences[r.d.SentenceOf(p.open)].First == p.open
}

// nearestCue returns the found attribution whose cue is closest to the pair
// within the same paragraph and has no quotation of its own between them.
func (r *run) nearestCue(p *qpair) *found {
	var best *found
	bestDist := 1 << 30
	ps := r.d.SentenceOf(p.open)
	for _, k := range r.byPara[p.para] {
		q := &r.out[k]
		if q.para != p.para || q.cue < 0 || q.cLast <= q.cFirst {
			continue
		}
		// the cue's sentence must touch the quotation's: “A,” he said. “B.”
		cs := r.d.SentenceOf(q.cue)
		if cs < ps-1 || cs > r.d.SentenceOf(max(p.last-1, p.first))+1 {
			continue
		}
		if cs < ps && !r.opensSentence(p) && r.othersSentence(p, q) {
			continue
		}
		var dist int
		switch {
		case q.cue < p.open:
			dist = p.open - q.cueEnd
		case q.cue > p.last:
			// a cue after the quotation that did not claim it belongs to what follows
			dist = q.cue - p.last + 20
		default:
			continue
		}
		if dist < 0 {
			dist = 0
		}
		if !q.direct && r.quoteType(*q) == parley.Indirect {
			// a cue that reported indirect speech is a weaker claim on a quotation
			// than one that attributed a quotation: “A,” said X, who suggested that Y. “B.”
			dist += 15
		}
		if dist < bestDist && dist < 40 {
			best, bestDist = q, dist
		}
	}
	return best
}

// lastBefore returns the last found quote whose content ends before token i.
func (r *run) lastBefore(i int) *found {
	var best *found
	p := r.d.Sentences[r.d.SentenceOf(i)].Para
	for _, k := range r.near(p, min(p, 2)) {
		q := &r.out[k]
		if q.cLast <= i && (best == nil || q.cLast > best.cLast) {
			best = q
		}
	}
	return best
}
