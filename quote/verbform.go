package quote

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Whether a speech verb's form can be a cue where it stands: a passive, a
// non-finite form or a noun are no attribution ("was told", "the claims",
// "to say"), a finite form after its subject is ("officials say").

// blockedVerb reports a speech verb at v in a passive or non-finite use, or
// a noun, that is no attribution.
func (r *run) blockedVerb(v int, verb lexicon.Verb, s parley.Sentence) bool {
	if v == s.First {
		return true // no subject before it
	}
	p := r.low(v - 1)
	if verb.Form == lexicon.Gerund {
		if progressiveBe[p] {
			return false // progressive: "is telling"
		}
	}
	if v+2 < s.Last && r.low(v+1) == "to" && (r.low(v+2) == "have" || r.low(v+2) == "be") {
		return true // "plans reported to have been discussed", "said to be": a passive, no one speaks
	}
	if p == "that" && v-1 == s.First && v+1 < s.Last && r.low(v+1) == "," {
		return true // "That said, …"
	}
	// a name that ends in a modal's spelling ("Theresa May said") is the subject
	if (p == "may" || p == "will" || p == "can") && r.ents.RefAt(v-1) != nil && r.d.Tokens[v-1].Is(parley.Cap) {
		return false
	}
	if verb.Form == lexicon.Base && p == "to" && r.sayingPurposeHead(s, v) >= 0 {
		return false // "went on to say"
	}
	if blocksVerb[p] && !r.pronounSubject(s, v, verb) {
		return true
	}
	if verb.Form == lexicon.Base {
		if p == "," && v-4 >= s.First && r.low(v-3) == "," && (isInterposed(r.low(v-2)) || setOffAdverbs[r.low(v-2)]) {
			p = r.low(v - 4) // "Senior officials, though, say"
		}
		// base forms are verbs after plural subjects: "officials say", "they say", "Mexicans often say"
		for k := v - 1; k > s.First && isInterposed(p) && r.ents.RefAt(k) == nil; k-- {
			p = r.low(k - 1)
		}
		if pluralSubjects[p] {
			return false
		}
		// a plural noun, capitalised only because it opens the sentence: "Candidates say …"
		plural := strings.HasSuffix(p, "s") && (!r.d.Tokens[v-1].Is(parley.Cap) || v-1 == s.First && r.ents.RefAt(v-1) == nil)
		if plural || r.f.roles.Is(p, lexicon.SourceNoun) && p != "report" && p != "statement" {
			return false
		}
		if p == "and" || p == "also" {
			return false // "… and say they show restraint": coordination with an earlier verb
		}
		if r.finitePresent(s, v) {
			return false // "Supporters of the new toll say": a subject the word before does not show
		}
		return !r.shareSubject(s, v).ok // "A mere 9 percent say"
	}
	return false
}

// pronounSubject reports a group pronoun that is a whole subject before a
// past-tense cue, opening its clause: "Some said …", "…, but some
// claimed …" (not "some claims", a determiner before a noun).
func (r *run) pronounSubject(s parley.Sentence, v int, verb lexicon.Verb) bool {
	if !isGroupPronoun(r.low(v-1)) || verb.Form != lexicon.Past && (verb.Form != lexicon.Base || !r.finitePresent(s, v)) {
		return false
	}
	k := v - 2
	if k >= s.First && r.kind(k) != parley.Punct && r.low(k) != "but" && r.low(k) != "and" {
		return false
	}
	// the parse must read the pronoun as the verb's subject and the verb as
	// finite: not "Some reported cases were mild", a participle before a noun
	return r.posAt(s, v) == parley.VERB && r.d.XPOS(v) != "VBN" && r.parsed(s) && r.subjectOf(s, v) == v-1
}

// finitePresent reports a base form the parse reads as a finite present
// verb with a subject of its own ("Supporters of the new toll say"), not an
// infinitive after "to", a modal or "let".
func (r *run) finitePresent(s parley.Sentence, v int) bool {
	if r.posAt(s, v) != parley.VERB || r.d.XPOS(v) != "VBP" || !r.parsed(s) {
		return false
	}
	// the phrase read back from the verb must hold the subject's head, so
	// that it is the speaker: not "the UK" of "observers in the UK claim"
	h := r.subjectOf(s, v)
	if h < 0 || h >= v || !r.dominates(s, h, v-1) {
		return false
	}
	if (personRelatives[r.low(h)] || r.low(h) == "that") && (h == s.First || r.low(h-1) != ",") {
		return false // "Residents who say the water smells have sued": a restrictive clause, no attribution of its own
	}
	sp := r.nounPhraseEndingAt(s, v-1)
	return sp.ok && sp.first <= h
}
