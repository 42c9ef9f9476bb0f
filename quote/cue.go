package quote

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// attribution is one speech verb as the steps of cue read it: whether it is
// a cue here, its source, what follows it and its content.
type attribution struct {
	si       int
	s        parley.Sentence
	v        int // the cue verb
	verb     lexicon.Verb
	inverted bool  // the source follows the cue: "…, said X"
	atEnd    bool  // the source's apposition closes the sentence
	q        found // the quote being built
}

// cue reads the attribution around the speech verb at v, in four steps:
// the cue (is the verb an attribution here), its source, what stands
// between the cue and its content (addressee, channel, time), and the
// content.
func (r *run) cue(si, v int, verb lexicon.Verb) {
	s := r.d.Sentences[si]
	if r.askedBy(s, v, verb) {
		return // "asked by a reporter whether …"
	}
	if !r.isCue(si, s, v, verb) {
		return
	}
	quotedAs := r.quotedAs(s, v)
	if verb.Form == lexicon.Gerund && quotedAs < 0 && !progressiveBe[r.low(v-1)] {
		r.participle(si, v, verb) // "…, saying that …"
		return
	}
	at := &attribution{si: si, s: s, v: v, verb: verb}
	sv, ok := r.subjectSlot(at, quotedAs)
	if !ok || !r.source(at, sv) {
		return
	}
	a, ok := r.afterCue(at)
	if !ok || r.framedContent(at, a) {
		return
	}
	start, kind := r.contentKind(at, a)
	r.content(at, a, start, kind)
}

// isCue reports whether the speech verb at v can be a cue at all.
func (r *run) isCue(si int, s parley.Sentence, v int, verb lexicon.Verb) bool {
	if r.ents.InQuote[v] && !r.quotedAttribution(s, v) {
		return false // a verb inside a direct quotation is the speaker's own words
	}
	if verb.Frames == lexicon.FrameQuotedAs || r.passive(si, v, verb) || r.blockedVerb(v, verb, s) || r.namingParticiple(s, v) {
		return false
	}
	if verb.Lemma == "call" && verbParticles[r.low(v+1)] && r.low(v+1) != "on" {
		return false // "is calling back 17,815 cars", "called off the strike"; "called on X to" urges
	}
	if verb.Frames&^(lexicon.FrameInverted|lexicon.FrameDispute|lexicon.FrameConfirm) == 0 && v+1 < s.Last {
		// "continued", "laughed": cues only next to a quotation, not "the administration continues to …"
		if n := r.low(v + 1); n != "," && n != "." && n != ":" && r.kind(v-1) != parley.CloseQuote && r.kind(v-1) != parley.StraightQuote && r.low(v-1) != "," {
			return false
		}
	}
	return true
}

// namingParticiple reports a past participle that names what the noun
// before it is called, a quotation right after it: "a phenomenon called
// “differential nonresponse”", "a collection from Garry Trudeau called
// ”Yuge!”". On the parse it modifies the noun (acl): no one speaks.
func (r *run) namingParticiple(s parley.Sentence, v int) bool {
	if v+1 >= s.Last || r.kind(v+1) != parley.OpenQuote && r.kind(v+1) != parley.StraightQuote || r.posAt(s, v) == parley.NoPOS || r.d.XPOS(v) != "VBN" {
		return false
	}
	return r.parsed(s) && r.d.Tokens[v].Rel == parley.RelAcl && r.d.Head(v) < v
}

// subjectSlot is the token before which the cue's subject ends: the verb,
// the passive of "X was quoted as saying", or the auxiliary of a
// progressive ("is telling supporters that …").
func (r *run) subjectSlot(at *attribution, quotedAs int) (int, bool) {
	s, v, verb := at.s, at.v, at.verb
	if quotedAs >= 0 {
		return quotedAs, true
	}
	if verb.Form == lexicon.Base {
		if h := r.sayingPurposeHead(s, v); h >= 0 {
			return h, true // "He went on to say, “…”": the subject of "went"
		}
	}
	if verb.Form != lexicon.Gerund {
		return v, true
	}
	if verb.Frames&(lexicon.FrameInverted|lexicon.FrameObject) == 0 && verb.Lemma != "call" && !naming(verb.Lemma) {
		// "were proposing a plan": an act, not an attribution; "is saying", "is telling",
		// "is calling the plan “a failure”" are
		return 0, false
	}
	sv := v - 1
	if sv-1 >= s.First && (r.low(sv-1) == "has" || r.low(sv-1) == "have") {
		sv--
	}
	return sv, true
}

// sayingPurposeHead is the verb before "to" and the base form of saying
// at v that says its subject went on to say something ("went on to say",
// "rose to say"), or -1.
func (r *run) sayingPurposeHead(s parley.Sentence, v int) int {
	h := v - 2
	if h <= s.First || r.low(v-1) != "to" {
		return -1
	}
	if verbParticles[r.low(h)] {
		h-- // "went on"
	}
	if h < s.First || r.posAt(s, h) != parley.VERB || !sayingPurposeVerbs[r.d.Lemma(h)] {
		return -1
	}
	for h-1 > s.First && r.posAt(s, h-1) == parley.AUX {
		h-- // "is continuing to insist": the subject ends before the auxiliary
	}
	return h
}

// source finds the cue's source, before it or, for inverted cues, after
// it, and starts the quote.
func (r *run) source(at *attribution, sv int) bool {
	s, v, verb := at.s, at.v, at.verb
	sp := r.cueSubject(s, v, sv)
	inverts := verb.Frames&lexicon.FrameInverted != 0
	if sp.ok && inverts && r.low(v-1) == "," && r.invertedAtEnd(s, v) {
		sp, at.atEnd = speaker{}, true // "…, after X did Y, said Lt. Ann Roe, police spokeswoman."
	}
	if !sp.ok && inverts && verb.Lemma != "put it" && v > s.First && (r.low(v-1) == "," || r.kind(v-1) == parley.CloseQuote || r.kind(v-1) == parley.StraightQuote) {
		sp = r.sourceAfter(s, v)
		at.inverted = sp.ok
	}
	if !sp.ok || r.notASource(at, sp) {
		return false
	}
	at.q = found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	return true
}

// cueSubject is the subject of the cue at v whose subject ends before sv.
func (r *run) cueSubject(s parley.Sentence, v, sv int) speaker {
	sp := r.subject(s, sv)
	if sp.ok && sv == v {
		sp = r.subjectHeadOnParse(s, v, sp)
	}
	if sp.ok {
		if host, ok := r.relativeHost(s, sp.first, v); ok {
			sp = host // "Jo Roe, who won damages from the Daily Telegraph said …"
		}
	}
	if !sp.ok && sv == v {
		sp = r.shareSubject(s, v) // "Two in three said"
	}
	if sv == v && (!sp.ok || sp.entity < 0) {
		// "Those in favor of punishment said", "Those who oppose the plan said": not "the plan"
		if g := r.groupSubject(s, v); g.ok && (!sp.ok || g.first < sp.first) {
			sp = g
		}
	}
	pv := v - 1
	for pv > s.First && r.isWord(pv) && isInterposed(r.low(pv)) && r.ents.RefAt(pv) == nil {
		pv--
	}
	if pv < s.First || r.low(pv) != "and" && r.low(pv) != "but" {
		return sp
	}
	// "… and said that …", "…, but indicated that …": the subject of the previous attribution,
	// or the subject that opens the sentence ("It did not reveal … and said …"); not the
	// word before "and" ("… and repeatedly says": the subject is further back)
	if sp = r.previousSpeaker(s, v); !sp.ok {
		sp = r.sentenceSubject(s, v)
	}
	if !sp.ok {
		sp = r.conjunctSubject(s, v)
	}
	return sp
}

// conjunctSubject is, on the parse, the subject of the verb the cue at v
// is conjoined to: "In an interview with the Wall Street Journal on
// Thursday, Trump doubled down … and said …", whose opening phrase is too
// long for sentenceSubject.
func (r *run) conjunctSubject(s parley.Sentence, v int) speaker {
	if !tensed(r.d.XPOS(v)) || !r.parsed(s) || r.d.Tokens[v].Rel != parley.RelConj {
		return speaker{}
	}
	// two finite verbs of one tense: "firms … and demand dipping" is a noun
	h := r.d.Head(v)
	if h < s.First || h >= v || r.d.XPOS(h) != r.d.XPOS(v) {
		return speaker{}
	}
	if n := r.subjectOf(s, h); n >= 0 {
		return r.phraseOf(s, n)
	}
	return speaker{}
}

// phraseOf is the source phrase of the subject word n on the parse: the
// phrase opening its subtree, or the one ending it; none that leaves n out.
func (r *run) phraseOf(s parley.Sentence, n int) speaker {
	sp := r.nounPhraseAt(s, r.subtreeStart(s, n))
	if !sp.ok || sp.first > n || sp.last <= n {
		sp = r.nounPhraseEndingAt(s, r.subtreeEnd(s, n)-1)
	}
	if !sp.ok || sp.first > n || sp.last <= n {
		return speaker{}
	}
	return sp
}

// tensed reports a verb tag of the past or the third-person present ("said", "says").
func tensed(xpos string) bool { return xpos == "VBD" || xpos == "VBZ" }

// sourceAfter is the source that follows an inverted cue: "…, said X".
func (r *run) sourceAfter(s parley.Sentence, v int) speaker {
	sp := r.nounPhraseAt(s, v+1)
	if !sp.ok && v+1 < s.Last && isDeterminer(r.low(v+1)) {
		sp = r.phraseUpTo(s, v+1) // "says a narrator", "said the printed slate card"
		if sp.ok && r.posAt(s, sp.first) != parley.NoPOS && r.finiteBeforeRelative(sp.first, sp.last) {
			sp = speaker{} // "…, said the plan has failed": a clause, the content of a cue before it
		}
	}
	if !sp.ok && v+1 < s.Last && r.isWord(v+1) && r.d.Tokens[v+1].Is(parley.Cap) {
		// a name the entity layer did not take: "said Guardian, who declined …"
		e := v + 1
		for e < s.Last && e-v <= 4 && r.isWord(e) && r.d.Tokens[e].Is(parley.Cap) {
			e++
		}
		if e >= s.Last || r.kind(e) == parley.Punct {
			sp = speaker{first: v + 1, last: e, entity: -1, label: r.spanText(v+1, e), ok: true}
		}
	}
	return sp
}

// finiteBeforeRelative reports a finite verb in [a, b) before any relative
// pronoun: "the plan has failed" is a clause, "one woman who took part" a
// noun phrase.
func (r *run) finiteBeforeRelative(a, b int) bool {
	for k := a; k < b; k++ {
		if relativePronouns[r.low(k)] {
			return false
		}
		if r.finiteIn(k, k+1) {
			return true
		}
	}
	return false
}

// notASource reports a subject that makes the verb something other than
// an attribution.
func (r *run) notASource(at *attribution, sp speaker) bool {
	v, verb := at.v, at.verb
	if r.dataSource(sp, verb) {
		return true // "the data suggests growth of 0.2%": evidence, not speech
	}
	if (verb.Form == lexicon.ThirdSingular || verb.Form == lexicon.Base) && sp.entity < 0 && sp.label == "" {
		return true
	}
	if !at.inverted && sp.last-sp.first >= 2 && zeroRelativeHeads[r.low(sp.first)] {
		return true // "Nothing the president said will …": a relative clause, not an attribution
	}
	// "critics of China’s territorial claims in the sea": a noun, not a verb
	return verb.Form == lexicon.ThirdSingular && isPluralNounToo(r.low(v)) && !at.inverted && !r.namedSubject(sp)
}

// afterCue reads what stands between the cue and its content — particles,
// the addressee and channel, adjuncts of time and place — and returns where
// the content may start.
func (r *run) afterCue(at *attribution) (int, bool) {
	s, v, verb, q := at.s, at.v, at.verb, &at.q
	a := v + 1
	if at.inverted {
		a = r.skipAppositive(s, q.sp.last)
		if at.atEnd {
			a = s.Last // the apposition closes the sentence
		}
	}
	if a < s.Last && (r.low(a) == "out" || r.low(a) == "back" || verb.Lemma == "put it" && r.low(a) == "it") {
		a++
	}
	if a+2 < s.Last && r.low(a) == "to" && r.introducesContent(a+2) {
		// "interjected to say: “…”", "went on to add that …"; not "pledged to
		// continue the fight", whose infinitive is the content
		if inf, ok := r.f.speech.Lookup(r.low(a + 1)); ok && inf.Form == lexicon.Base {
			a += 2
		}
	}
	a = r.skipMadeClear(s, verb, a)
	q.cueEnd = a
	if verb.Frames&(lexicon.FrameObject|lexicon.FrameInf|lexicon.FrameOf) != 0 && !at.inverted {
		var ok bool
		if a, ok = r.object(at, a); !ok {
			return 0, false
		}
	}
	a = r.skipAdjuncts(s, a, q)
	if verb.Frames&lexicon.FrameObject != 0 && !at.inverted && a < s.Last && r.low(a) != "that" {
		// "told The Post and Courier newspaper of Charleston on Saturday that …"
		for b := a; b < s.Last && b-a < 14; b++ {
			if r.low(b) == "that" && b > a {
				return b, true
			}
			// an apposition of the addressee or of its modifier: "told investors of
			// New Media, the GateHouse parent, on Oct. 31 that …"; not of the
			// content's subject: "asked whether the minister, Jo Roe, could reach that level"
			if c := r.skipAppositive(s, b); c > b && c < s.Last && r.low(c) == "," && (b == a || isPreposition(r.low(a))) {
				b = c
				continue
			}
			if r.kind(b) == parley.Punct && r.low(b) != "." || r.kind(b) == parley.OpenQuote || r.isSpeechWord(b) {
				break
			}
		}
	}
	return a, true
}

// introducesContent reports a token that opens what a verb of saying
// says: "that", a colon or comma, an opening quotation mark.
func (r *run) introducesContent(k int) bool {
	l := r.low(k)
	return l == "that" || l == ":" || l == "," || r.kind(k) == parley.OpenQuote || r.kind(k) == parley.StraightQuote
}

// needsAddressee reports a verb that takes its addressee before any
// content ("told reporters …"): after it "that" may be a determiner ("told
// that reporter the plan was dead").
func needsAddressee(verb lexicon.Verb) bool {
	return addresseeVerbs[verb.Lemma]
}

// addresseeFits reports whether the noun phrase [first, last) can be an
// addressee: not a subject pronoun, which opens the content clause
// ("vowed he would …", "promised they would …").
func (r *run) addresseeFits(first, last int) bool {
	return !(last == first+1 && isSubjectPronoun(r.low(first)) && r.low(first) != "you" && r.low(first) != "it")
}

// framedContent reads the content of the verbs whose frame is their own —
// naming ("dubbed it “the Gordon problem”"), "call", "ask if" — and reports
// whether the cue is done with.
func (r *run) framedContent(at *attribution, a int) bool {
	s, v, verb, q := at.s, at.v, at.verb, &at.q
	if at.inverted {
		return false
	}
	if naming(verb.Lemma) {
		// "had dubbed Sondland's role as “the Gordon problem”": the name given is what is quoted
		for b := v + 1; b < s.Last && b-v < 16; b++ {
			if p := r.pairAt(b); p != nil && p.close > b {
				r.setContent(q, p.first, p.last)
				q.direct = true
				r.cueUsed[v] = true
				r.add(*q)
				return true
			}
		}
		if r.callPredicate(s, v, q) {
			r.add(*q) // "branded the plan a disaster"
			return true
		}
	}
	if verb.Lemma == "call" && r.callNamed(s, v, q) {
		r.add(*q)
		return true
	}
	if verb.Lemma == "call" && r.callFor(s, v, q) {
		return true
	}
	if verb.Lemma != "ask" || a >= s.Last || !questionWords[r.low(a)] {
		return false
	}
	// "asked if the comments had rattled them": the question is the content
	if end := r.contentEnd(s, a, false); end-a >= 3 {
		r.setContent(q, a, end)
		r.cueUsed[v] = true
		r.add(*q)
	}
	return true
}

// callFor reads "called for X" when X quotes the speaker ("called for
// compensation to be “clawed back”", "calls for a “Medicare for all”
// system"): a demand in the speaker's words. Without quoted words, "called
// for an emergency meeting" is an act, which the event coder codes.
func (r *run) callFor(s parley.Sentence, v int, q *found) bool {
	a := v + 1
	if a+1 >= s.Last || r.low(a) != "for" {
		return false
	}
	end := r.contentEnd(s, a+1, true)
	if end-(a+1) < 2 || !r.quotesInside(a+1, end) {
		return false
	}
	r.setContent(q, a+1, end)
	r.cueUsed[v] = true
	r.add(*q)
	return true
}

// endsAdjunct reports that a time phrase ends before k: the sentence's
// end, punctuation, "that" or a preposition ("that night.", "that day
// that …"), not a verb ("that day was …": the phrase is the content's subject).
func (r *run) endsAdjunct(s parley.Sentence, k int) bool {
	return k >= s.Last || r.kind(k) == parley.Punct || r.low(k) == "that" || isPreposition(r.low(k))
}

// contentKind names the construction that introduces the content at a:
// "that", a colon or comma, a "to"-infinitive, "of", a quotation, a clause,
// a noun phrase, "after" (the content comes before the cue), "none" or "".
func (r *run) contentKind(at *attribution, a int) (int, string) {
	s, verb := at.s, at.verb
	switch {
	case a+1 < s.Last && r.low(a) == "that" && isTimeWord(r.low(a+1)) && r.endsAdjunct(s, a+2):
		return r.contentKind(at, a+2) // "said in his speech that night": a time, not the content's "that"
	case a < s.Last && r.low(a) == "that" && r.relativeThat(s, at.v, a):
		// "said in an interview that aired on Sunday that he would …": the
		// content's "that" comes after the relative clause; without one,
		// "“…,” Merkel told reporters after the meeting that was held …"
		if k := r.indexOf(a+2, s.Last, "that"); k > 0 && !r.relativeThat(s, at.v, k) {
			return k + 1, "that"
		}
		return a, "after"
	case a < s.Last && r.low(a) == "that":
		return a + 1, "that"
	case a < s.Last && (r.low(a) == ":" || r.low(a) == ","):
		return a + 1, "colon"
	case a < s.Last && verb.Frames&lexicon.FrameInf != 0 && r.low(a) == "to":
		return r.toAddressee(s, a, &at.q)
	case a < s.Last && verb.Frames&lexicon.FrameOf != 0 && r.low(a) == "of":
		return a + 1, "of"
	case a < s.Last && (r.kind(a) == parley.OpenQuote || r.kind(a) == parley.StraightQuote):
		return a, "quote"
	case a >= s.Last || r.kind(a) == parley.Punct && r.low(a) != "(":
		return a, "after"
	case verb.Frames&lexicon.FrameThat != 0 && r.clauseStart(a) && (verb.Frames&lexicon.FrameNoun == 0 || r.finiteVerbSoon(s, a)):
		return a, "clause"
	case verb.Frames&(lexicon.FrameThat|lexicon.FrameBare) != 0 && isPreposition(r.low(a)):
		if c, kind, ok := r.clauseAfterPhrase(at, a); ok {
			return c, kind
		}
		if verb.Frames&lexicon.FrameNoun != 0 {
			return a, "noun"
		}
	case verb.Frames&lexicon.FrameNoun != 0:
		return a, "noun"
	case verb.Frames&lexicon.FrameThat != 0 && verb.Form != lexicon.Base && r.looseClauseStart(s, a):
		return a, "clause" // "says parts of his proposals are negotiable"
	case verb.Frames&lexicon.FrameBare != 0 && r.bareClauseStart(s, a):
		return a, "clause" // "He says news outlets undercount his supporters": verbs that take only clauses
	case verb.Frames&(lexicon.FrameThat|lexicon.FrameBare) != 0 && verb.Form != lexicon.Base && r.ccompAt(at, a):
		return a, "clause" // "said much of his discussion was about Israel": the parse has the clause
	}
	return a, ""
}

// relativeThat reports whether the "that" at a, after a prepositional
// phrase the cue at v is followed by, opens a relative clause of the
// phrase's noun ("after the meeting that was held …"), not the content: a
// finite verb follows it at once.
func (r *run) relativeThat(s parley.Sentence, v, a int) bool {
	if a+1 >= s.Last || r.indexOfPreposition(v+1, a) < 0 {
		return false
	}
	if p := r.posAt(s, a-1); p != parley.NOUN && p != parley.PROPN || isTimeWord(r.low(a-1)) {
		return false // "said on Tuesday that …" opens the content
	}
	if isAuxiliary(r.low(a + 1)) {
		return true
	}
	// a past verb only: "talks", "plans" after "that" are as often nouns
	// ("said at the summit that talks would continue")
	return r.d.XPOS(a+1) == "VBD" && r.posAt(s, a+1) == parley.VERB
}

// indexOfPreposition is the first preposition or subordinator in [a, b),
// or -1.
func (r *run) indexOfPreposition(a, b int) int {
	for k := a; k < b; k++ {
		if l := r.low(k); isPreposition(l) || isSubordinator(l) { // "after", "before" are both
			return k
		}
	}
	return -1
}

// ccompAt reports whether the parse gives the cue a clausal complement that
// starts at a, with its own subject and a finite verb: the words the lists
// above keep from opening a clause ("said much", "said little") do open one
// here.
func (r *run) ccompAt(at *attribution, a int) bool {
	s, v := at.s, at.v
	// "CONTENT, the chancellor said as the conference began": after a comma
	// the content comes before the source
	if k := r.sourceStart(at) - 1; k >= s.First && (r.low(k) == "," || r.kind(k) == parley.CloseQuote || r.kind(k) == parley.StraightQuote) {
		return false
	}
	return r.clauseOnParse(s, v, a)
}

// clauseOnParse reports whether the parse reads a finite clause with its
// own subject, opening at a, as the complement of the cue at v: "said much
// of his discussion was …", "saying prices would fall", whose first word
// no clause-start list holds. A subordinator opens an adjunct the parser
// took for the complement ("said, as he presented the award").
func (r *run) clauseOnParse(s parley.Sentence, v, a int) bool {
	if a >= s.Last || !r.isWord(a) || r.posAt(s, a) == parley.NoPOS || !r.finiteIn(a+1, min(a+12, s.Last)) || !r.parsed(s) {
		return false
	}
	c := r.complementAfter(s, v, a)
	return c >= 0 && r.subtreeStart(s, c) == a && r.d.Tokens[a].Rel != parley.RelMark &&
		r.subjectOf(s, c) >= a && r.finiteIn(a, r.subtreeEnd(s, c))
}

// skipMadeClear passes the "it clear" of "made it clear that …" at a.
func (r *run) skipMadeClear(s parley.Sentence, verb lexicon.Verb, a int) int {
	for verb.Lemma == "make clear" && a < s.Last && (r.low(a) == "it" || r.low(a) == "clear") {
		a++
	}
	return a
}

// complementEnd ends content that runs from start to end where the
// speaker's next act begins: "said she had been “extremely careless” …, but
// did not recommend …" — a verb in the narrator's simple past, conjoined to
// the cue by "but" on the parse with no subject of its own. ("and" joins
// too much of the content itself, and a modal or "had" is reported speech
// backshifted: "but couldn't provide".)
func (r *run) complementEnd(s parley.Sentence, v, start, end int) int {
	// parsing only content with a "but" in it
	if end-start < 4 || r.indexOf(start+2, end, "but") < 0 || !r.parsed(s) {
		return end
	}
	for k := start + 2; k < end; k++ {
		if r.d.Head(k) != v || r.d.Tokens[k].Rel != parley.RelConj || r.subjectOf(s, k) >= 0 || r.ents.InQuote[k] {
			continue
		}
		e := r.subtreeStart(s, k)
		f := e // the conjunct's first word, after "but"
		for f < k && (r.d.Tokens[f].Rel == parley.RelCc || r.low(f) == ",") {
			f++
		}
		if f == e || r.low(f-1) != "but" || !r.narratorPast(f) {
			continue
		}
		if e > start+1 {
			return r.trimEnd(start, e)
		}
	}
	return end
}

// narratorPast reports whether word k is a verb in the simple past that is
// no form of "be" or "have" ("declined", "did not"), as a narrator tells
// the speaker's acts.
func (r *run) narratorPast(k int) bool {
	if r.d.XPOS(k) != "VBD" {
		return false
	}
	l := r.d.Lemma(k)
	return l != "be" && l != "have"
}

// complementAfter is the first clausal complement (ccomp) of the cue at v
// after token a on the parse, or -1.
func (r *run) complementAfter(s parley.Sentence, v, a int) int {
	for c := a + 1; c < s.Last; c++ {
		if r.d.Head(c) == v && r.d.Tokens[c].Rel == parley.RelCcomp {
			return c
		}
	}
	return -1
}

// clauseAfterPhrase finds, on the parse, the clausal complement of the cue
// that follows the phrase opening at a — a finite clause with its own
// subject — and reads the construction that opens it: "said during his
// years in Parliament he had seen …", "said in French: “…”". The phrase is
// content when the clause holds it.
func (r *run) clauseAfterPhrase(at *attribution, a int) (int, string, bool) {
	s, v := at.s, at.v
	// tagging is cheaper than parsing: no finite verb after the phrase, no clause
	if at.inverted || r.posAt(s, a) == parley.NoPOS || !r.finiteIn(a+2, s.Last) || !r.parsed(s) {
		return 0, "", false
	}
	c := r.complementAfter(s, v, a)
	if c < 0 {
		return 0, "", false
	}
	// the subject is not the preposition's object ("agreed about what
	// happened", "a buyout in a deal valued at"), and the clause does not
	// reach back before the phrase (a misread addressee: "warned that
	// earnings in 2005 may slide")
	start := r.subtreeStart(s, c)
	k := r.subjectOf(s, c)
	if k <= a+1 || start < a || isPreposition(r.low(r.subtreeStart(s, k)-1)) || !r.finiteIn(start, r.subtreeEnd(s, c)) {
		return 0, "", false
	}
	if start == a {
		return a, "clause", true
	}
	// outside the clause, the phrase is an adjunct of time, place or
	// channel, not an argument of the cue ("ruled against the interests of
	// the people he represents")
	if !adjunctPreps[r.low(a)] {
		return 0, "", false
	}
	start, kind := r.contentKind(at, start)
	return start, kind, kind != ""
}

// subjectOf is the subject of the clause headed by h on the parse, or -1.
func (r *run) subjectOf(s parley.Sentence, h int) int {
	for k := s.First; k < h; k++ {
		if r.d.Head(k) != h {
			continue
		}
		switch r.d.Tokens[k].Rel {
		case parley.RelNsubj, parley.RelNsubjPass, parley.RelExpl:
			return k
		}
	}
	return -1
}

// content reads the content that the construction kind gives and adds the
// quote.
func (r *run) content(at *attribution, a, start int, kind string) {
	s, verb, sp := at.s, at.verb, at.q.sp
	if kind == "none" {
		return // "appealed to voters with its tax plans": an addressee and nothing asked
	}
	if verb.Frames&lexicon.FrameThatOnly != 0 && kind != "that" {
		return // "found it difficult", "While …, Vodafone has found": content only after "that"
	}
	if kind == "colon" && start < s.Last && (r.kind(start) == parley.OpenQuote || r.kind(start) == parley.StraightQuote) {
		kind = "quote"
		r.interrupted(at)
	}
	if kind == "colon" && !(start < s.Last && r.clauseStart(start)) {
		kind = "after"
	}
	if kind == "" && sp.first > s.First && (r.low(sp.first-1) == "which" || r.low(sp.first-1) == "that" || r.low(sp.first-1) == "what") &&
		sp.last-sp.first == 1 && isSubjectPronoun(r.low(sp.first)) && a < s.Last && r.isWord(a) && !isPreposition(r.low(a)) {
		// "the helicopter, which it said crashed in Logar": the content is the relative clause
		kind = "clause"
	}
	if (kind == "clause" || kind == "noun") && r.quotationBefore(at) {
		kind = "after" // "“…,” McConnell said in June 2012", "“…,” she yells while moving": the quotation is the content
	}
	if kind == "" {
		// "“Absolutely not,” he said of the possibility …": content before, adjunct after;
		// but "On Tuesday, he posted materials …" has an object, and its opening phrase is no content
		if sp.first-1 >= s.First && r.kind(sp.first-1) != parley.CloseQuote && r.kind(sp.first-1) != parley.StraightQuote && isPreposition(r.low(s.First)) {
			return
		}
		kind = "after"
	}
	if kind == "after" {
		if verb.Frames&(lexicon.FrameThat|lexicon.FrameInverted) == 0 {
			return // only a verb of the "said" kind follows its content: not "X is calling for …"
		}
		n := len(r.out)
		r.contentBefore(at.si, r.sourceStart(at), &at.q)
		if len(r.out) == n && !at.inverted {
			// "X said in a statement. “There are no ballots to recount.”": the next quotation
			r.quotationAfter(at.si, a, &at.q)
		}
		return
	}
	r.governedContent(at, start, kind)
}

// quotationBefore reports whether a quotation that opens its sentence
// closes right before the clause of source and cue, as content does (“…,”
// X said), not as a sentence of its own (“….” She said …) or a phrase
// quoted inside the sentence (because of “volatility”, he said …).
func (r *run) quotationBefore(at *attribution) bool {
	s, k := at.s, r.sourceStart(at)-1
	if k >= s.First && r.low(k) == "," {
		k--
	}
	if k < s.First || r.kind(k) != parley.CloseQuote && r.kind(k) != parley.StraightQuote {
		return false
	}
	p := r.pairClosingAt(k)
	end := k - 1
	for end > s.First && (r.kind(end) == parley.CloseQuote || r.kind(end) == parley.StraightQuote || r.low(end) == "'" || r.low(end) == "’") {
		end-- // “… ‘….’”
	}
	return p != nil && p.open <= s.First && r.low(end) != "."
}

// sourceStart is where the clause of source and cue starts: the source, or
// the cue of an inverted one.
func (r *run) sourceStart(at *attribution) int {
	if at.inverted {
		return at.v
	}
	return at.q.sp.first
}

// interrupted reads the first half of “A,” X said, “B.”, whose cue serves
// both halves, and links the second half to it.
func (r *run) interrupted(at *attribution) {
	s, sub := at.s, r.sourceStart(at)
	if sub-2 >= s.First && r.low(sub-1) == "," && r.kind(sub-2) == parley.CloseQuote ||
		sub-1 >= s.First && (r.kind(sub-1) == parley.CloseQuote || r.kind(sub-1) == parley.StraightQuote) && r.pairClosingAt(sub-1) != nil {
		first := at.q
		r.contentBefore(at.si, sub, &first)
		if len(r.out) > 0 && r.out[len(r.out)-1].cue == at.v {
			at.q.cont = r.out[len(r.out)-1].content
		}
	}
}

// governedContent reads the content the cue governs after it, from start,
// and adds the quote (two for "says that A and that B").
func (r *run) governedContent(at *attribution, start int, kind string) {
	s, v, verb, q := at.s, at.v, at.verb, &at.q
	if kind == "noun" && (!r.nounContent(s, start) || verb.Lemma == "claim" && r.claimedThing(s, start) || verb.Lemma == "contest" && r.contestedRace(s, start)) {
		return
	}
	end := r.contentEnd(s, start, kind == "noun")
	if kind != "quote" && r.relativeCue(s, q.sp, v) {
		end = r.relativeEnd(s, start, end)
	}
	if kind == "quote" {
		end = r.quotationEnd(s, start, end)
	}
	// "the group maintains a political office", "posted a $676m loss": a
	// noun phrase where a clause should be (quoted words aside: the
	// tagger misreads them, `the plans "stink"`).
	if kind == "clause" && isDeterminer(r.low(start)) && !r.hasVerb(s, start, end) && !r.quotesInside(start, end) {
		return
	}
	if kind == "to" {
		end = r.infinitiveEnd(start, end)
	}
	if kind == "that" || kind == "clause" {
		end = r.complementEnd(s, v, start, end)
	}
	if end <= start {
		return
	}
	if verb.Frames&lexicon.FrameQuoted != 0 && !r.quotesInside(start, end) {
		return // "blamed the weather": an attribution only with quoted words
	}
	// "says that A and that B", "urged X to A and to B": two attributions with one cue
	if kind == "that" || kind == "to" {
		if k := r.andAgain(start, end, kind); k > 0 {
			second := *q
			r.setContent(q, start, r.trimEnd(start, k))
			r.add(*q)
			r.setContent(&second, k+2, end)
			second.cue = -1
			second.cont = q.content
			r.cueUsed[v] = true
			r.add(second)
			return
		}
	}
	r.setContent(q, start, end)
	r.cueUsed[v] = true
	r.add(*q)
}
