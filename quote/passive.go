package quote

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// passive reads the passive of a speech act whose lexicon row names an
// agent: "X was accused (on Wednesday) (by Y) of A (and of B)". The "by"
// phrase is the source, else the row's label for an unnamed one; each "of"
// phrase is the content of a quote, the second continuing the first. The
// passive of any other verb with an addressee is agentPassive's. It
// reports whether v was read so.
func (r *run) passive(si, v int, verb lexicon.Verb) bool {
	s := r.d.Sentences[si]
	if v <= s.First || verb.Form != lexicon.Past && verb.Form != lexicon.PastParticiple || !passiveBe[r.low(v-1)] {
		return false
	}
	if verb.Agent == "" || verb.Frames&lexicon.FrameOf == 0 {
		return r.agentPassive(s, v, verb)
	}
	q := found{cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	a := r.skipAdjuncts(s, v+1, &q)
	if a < s.Last && r.low(a) == "by" {
		sp := r.nounPhraseAt(s, a+1)
		if !sp.ok {
			sp = r.agentUpToOf(s, a+1) // "by rivals of …": a noun the lexicon does not list
		}
		if !sp.ok {
			return false
		}
		q.sp, a = sp, r.skipAdjuncts(s, sp.last, &q)
	} else {
		// the implicit agent: the cue stands for it in the text
		q.sp = speaker{first: v, last: v + 1, entity: -1, label: verb.Agent, ok: true}
	}
	if a >= s.Last || r.low(a) != "of" {
		return false
	}
	end := r.contentEnd(s, a+1, false)
	if end-(a+1) < 2 {
		return false
	}
	// "of A and of B": two quotes of the one act
	second := r.andAgain(a+1, end, "of")
	r.cueUsed[v] = true
	if second == 0 {
		r.setContent(&q, a+1, end)
		r.add(q)
		return true
	}
	r.setContent(&q, a+1, r.trimEnd(a+1, second))
	r.add(q)
	q2 := q
	r.setContent(&q2, second+2, end)
	q2.cont = r.out[len(r.out)-1].content
	r.add(q2)
	return true
}

// askedBy reads a question a named asker put: "(When) asked by a reporter
// whether …", "was asked by Matt Lauer whether she had …", "Asked by
// Stephanopoulos to respond …": the "by" phrase is the source and the
// question, or what was asked for, the content. It reports whether v was
// read so.
func (r *run) askedBy(s parley.Sentence, v int, verb lexicon.Verb) bool {
	if verb.Lemma != "ask" || verb.Form != lexicon.Past && verb.Form != lexicon.PastParticiple || v+2 >= s.Last || r.low(v+1) != "by" {
		return false
	}
	sp := r.nounPhraseAt(s, v+2)
	if !sp.ok || sp.last >= s.Last {
		return false
	}
	start := sp.last
	switch {
	case questionWords[r.low(start)]:
	case r.low(start) == "to":
		start++
	default:
		return false
	}
	end := r.contentEnd(s, start, false)
	if end-start < 2 {
		return false
	}
	q := found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	if v-1 > s.First && passiveBe[r.low(v-1)] {
		// "She was asked by Matt Lauer whether …": the one asked
		if ad := r.subject(s, v-1); ad.ok {
			q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
		}
	}
	r.setContent(&q, start, end)
	r.cueUsed[v] = true
	r.add(q)
	return true
}

// agentUpToOf is the words from a up to an "of" within a few tokens, as a
// label: the agent of a passive that no mention or source noun covers.
func (r *run) agentUpToOf(s parley.Sentence, a int) speaker {
	if a >= s.Last || !r.isWord(a) {
		return speaker{}
	}
	for b := a + 1; b < s.Last && b-a <= 5; b++ {
		if r.low(b) == "of" {
			return speaker{first: a, last: b, entity: -1, label: r.spanText(a, b), ok: true}
		}
		if !r.isWord(b) {
			break
		}
	}
	return speaker{}
}

// agentPassive reads the passive of a verb that takes an addressee and a
// clause or an infinitive, when a "by" phrase names who spoke: "Vindman
// was told by John Bolton to go straight to the legal counsel", "was
// assured by the minister that …". The subject is the addressee. With no
// "by" phrase no one is named ("he was told to leave"): no quote.
func (r *run) agentPassive(s parley.Sentence, v int, verb lexicon.Verb) bool {
	if verb.Frames&lexicon.FrameObject == 0 && verb.Frames&lexicon.FrameInf == 0 {
		return false
	}
	q := found{cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	a := r.skipAdjuncts(s, v+1, &q)
	if a >= s.Last || r.low(a) != "by" {
		return false
	}
	sp := r.nounPhraseAt(s, a+1)
	if !sp.ok {
		return false
	}
	q.sp = sp
	a = r.skipAdjuncts(s, r.skipSetOff(s, sp.last), &q)
	switch {
	case a < s.Last && r.low(a) == "that" && verb.Frames&lexicon.FrameThat != 0:
	case a < s.Last && r.low(a) == "to" && verb.Frames&lexicon.FrameInf != 0:
	default:
		return false
	}
	end := r.contentEnd(s, a+1, false)
	if r.low(a) == "to" {
		end = r.infinitiveEnd(a+1, end)
	}
	if end-(a+1) < 2 {
		return false
	}
	if ad := r.subject(s, v-1); ad.ok {
		q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
	}
	r.cueUsed[v] = true
	r.setContent(&q, a+1, end)
	r.add(q)
	return true
}

// skipSetOff passes over a phrase set off by commas or dashes after a
// speaker ("by John Bolton — Morrison's supervisor — to …") and returns
// the position after it, or a when none follows.
func (r *run) skipSetOff(s parley.Sentence, a int) int {
	if a < s.Last && r.kind(a) == parley.Dash {
		for b := a + 1; b < s.Last && b-a < 12; b++ {
			if r.kind(b) == parley.Dash {
				if r.appositionOnly(s, a+1, b) {
					return b + 1
				}
				break
			}
		}
		return a
	}
	if b := r.skipAppositive(s, a); b > a && b < s.Last && r.low(b) == "," {
		return b + 1
	}
	return a
}
