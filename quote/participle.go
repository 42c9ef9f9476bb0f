package quote

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// butClauseSubject returns the named subject of the clause that "but",
// "while" or a semicolon opens before the participle at v, when that clause
// has its own verb: the participle's subject is that clause's.
func (r *run) butClauseSubject(s parley.Sentence, v int) speaker {
	for k := v - 2; k > s.First; k-- {
		l := r.low(k)
		if l != "but" && l != "while" && l != ";" {
			continue
		}
		sp := r.nounPhraseAt(s, k+1)
		if a := k + 1; !sp.ok && r.isWord(a) && r.d.Tokens[a].Is(parley.Cap) && !r.isFunctionCap(a) {
			// a name the entity layer did not recognise: "but OrbitBeyond canceled"
			e := a
			for e < v && r.isWord(e) && r.d.Tokens[e].Is(parley.Cap) {
				e++
			}
			if e < v && r.isWord(e) { // a verb follows the name, not a comma ("; However, …")
				sp = speaker{first: a, last: e, entity: -1, label: r.spanText(a, e), ok: true}
			}
		}
		if !sp.ok || sp.last >= v-1 {
			return speaker{}
		}
		if sp.entity >= 0 && r.ents.Entities[sp.entity].Type != parley.Place || sp.entity < 0 && r.d.Tokens[sp.first].Is(parley.Cap) && !isSubjectPronoun(r.low(sp.first)) {
			return sp
		}
		return speaker{}
	}
	return speaker{}
}

// channelBefore is the channel a participle of saying follows directly
// ("issued a statement saying …", "posted tweets saying …") or after its
// addressee ("sent a text message to supporters saying: …"): the channel
// carries the words of the clause's subject. It returns the channel noun's
// index and the channel, or -1 and "" for any other word.
func (r *run) channelBefore(v int) (int, string) {
	if ch := r.channelNoun(v - 1); ch != "" {
		return v - 1, ch
	}
	// "to" and an addressee of up to four words
	for k := v - 2; k >= 1 && k >= v-5 && r.isWord(k+1); k-- {
		if r.low(k) == "to" {
			if ch := r.channelNoun(k - 1); ch != "" {
				return k - 1, ch
			}
			break
		}
	}
	return -1, ""
}

// channelNoun is the channel the noun at k names ("statement", "tweets"),
// or "".
func (r *run) channelNoun(k int) string {
	if k < 0 || !r.isWord(k) {
		return ""
	}
	l := r.low(k)
	if ch, ok := channelNouns[l]; ok {
		return ch
	}
	if ch, ok := channelNouns[strings.TrimSuffix(l, "s")]; ok && len(l) > 1 {
		return ch
	}
	return ""
}

// channelSubject is, on the parse, the subject of the verb whose object is
// the channel noun at c ("Trump issued a statement saying …"). A verb that
// takes others' words as its object ("denied a report claiming …", "cited
// a letter saying …") has none: the channel is not the subject's; nor has
// hearsay ("because of reports claiming …").
func (r *run) channelSubject(s parley.Sentence, c int) speaker {
	if !r.parsed(s) || r.d.Tokens[c].Rel != parley.RelObj {
		return speaker{}
	}
	h := r.d.Head(c)
	if h < s.First || h >= c || othersWordsVerbs[r.d.Lemma(h)] || hearsayChannels[r.low(c)] {
		return speaker{}
	}
	if n := r.subjectOf(s, h); n >= 0 {
		return r.phraseOf(s, n)
	}
	return speaker{}
}

// dropChannelObject drops the quote of the verb whose object is the
// channel before the participle at v, when its content is the channel and
// the participle ("posted two tweets saying …"): the participle's own
// quote says what was said. An outer attribution ("Reuters reported that
// Trump issued a statement saying …") stays.
func (r *run) dropChannelObject(s parley.Sentence, c, v, end int) {
	h := r.d.Head(c) // the verb whose object the channel is (channelSubject parsed s)
	for _, j := range r.byPara[s.Para] {
		if o := &r.out[j]; o.cue == h && o.cFirst < v && o.cLast >= end {
			o.cLast = o.cFirst // dropped in emit
		}
	}
}

func (r *run) isGerundCue(k int) bool {
	v, ok := r.f.speech.Lookup(r.low(k))
	return ok && v.Form == lexicon.Gerund && v.Frames != 0
}

// participleSpeaker is who speaks through the participle at v: a name
// right before it after "with", the subject of the verb a channel before it
// is the object of, or, after a comma, "and" or a subordinator, the speaker
// of an earlier attribution of the sentence, the subject of the clause it
// follows or opens, or the first person the sentence names.
func (r *run) participleSpeaker(s parley.Sentence, v int) speaker {
	if v == s.First {
		return speaker{}
	}
	if ref := r.ents.RefAt(v - 1); ref != nil && ref.Kind == parley.NameMention && r.speakingType(r.ents.Entities[ref.Entity].Type) && r.withBefore(s, ref.First) {
		// "with Jordanian Foreign Minister Ayman Safadi warning of …", "with
		// the American Federation of Teachers calling her …"
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
	}
	if np := r.nounPhraseEndingAt(s, v-1); np.ok && np.entity < 0 && np.first > s.First && r.low(np.first-1) == "with" && r.agentNoun(s, v-1) {
		return np // "with analysts saying …", "with many economists warning …"
	}
	if c, _ := r.channelBefore(v); c >= 0 && r.low(v-1) != "," {
		return r.channelSubject(s, c) // "Trump issued a statement saying …": the issuer speaks
	}
	prev := r.low(v - 1)
	if v-2 >= s.First && (r.kind(v-1) == parley.CloseQuote || r.kind(v-1) == parley.StraightQuote) && r.low(v-2) == "," {
		prev = "," // `was "corrupt," noting that …`: the comma inside the closing mark
	}
	if prev != "," && prev != "and" && !isSubordinator(prev) {
		return speaker{}
	}
	if sp := r.meansSubject(s, v, prev); sp.ok {
		return sp
	}
	// the speaker of the attribution earlier in the sentence
	if sp := r.previousSpeaker(s, v); sp.ok {
		return sp
	}
	// or the subject of the clause it follows: "NASA awarded orders, but
	// OrbitBeyond canceled its order, citing …"
	if sp := r.butClauseSubject(s, v); sp.ok {
		return sp
	}
	// or the subject that opens the sentence: "The US welcomed the exchange, saying …"
	if sp := r.sentenceSubject(s, v); sp.ok {
		return sp
	}
	if ref := r.firstPersonRef(s.First, v); ref != nil {
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
	}
	return speaker{}
}

// speakingType reports an entity type that speaks: a person or an
// organisation.
func (r *run) speakingType(t parley.EntityType) bool {
	return t == parley.Person || t == parley.Organization
}

// meansSubject reads, on the parse, who speaks through "by saying" or
// "without saying" at v: the subject of the verb the phrase modifies
// ("Trump inflamed tensions by saying …"), not a person named on the way.
func (r *run) meansSubject(s parley.Sentence, v int, prev string) speaker {
	if !meansSubordinators[prev] || !r.parsed(s) {
		return speaker{}
	}
	h := r.d.Head(v)
	if h < s.First || h >= v || r.d.Tokens[v].Rel != parley.RelAdvcl || r.hasModal(s, h) {
		return speaker{} // "people can play any song by saying its name": a means, not a report
	}
	// not the narrator's "we" ("We'll start by noting that …"): a
	// pronoun must stand for a third person
	if n := r.subjectOf(s, h); n >= 0 && (r.posAt(s, n) != parley.PRON || isThirdPersonSubject(r.low(n))) {
		if sp := r.phraseOf(s, n); sp.entity >= 0 || sp.label != "" {
			return sp
		}
	}
	return speaker{}
}

// hasModal reports a modal auxiliary ("can", "will") of verb h on the
// parse.
func (r *run) hasModal(s parley.Sentence, h int) bool {
	for k := s.First; k < h; k++ {
		if r.d.Head(k) == h && r.d.Tokens[k].Rel == parley.RelAux && r.d.XPOS(k) == "MD" {
			return true
		}
	}
	return false
}

// participle handles ", adding that CONTENT", ", saying CONTENT".
func (r *run) participle(si, v int, verb lexicon.Verb) {
	s := r.d.Sentences[si]
	sp := r.participleSpeaker(s, v)
	if !sp.ok {
		return
	}
	c, ch := r.channelBefore(v)
	q := found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para, channel: ch}
	if verb.Lemma == "call" {
		if r.callNamed(s, v, &q) {
			r.add(q) // ", calling the Fox News chief ''brilliant''"
		}
		return
	}
	a := v + 1
	a = r.skipMadeClear(s, verb, a) // "making it clear that …"
	if verb.Frames&(lexicon.FrameObject|lexicon.FrameInf|lexicon.FrameOf) != 0 {
		if ad := r.nounPhraseAt(s, a); ad.ok && ad.last > a && r.low(a) != "that" {
			q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
			a = ad.last
		} else if e := r.genericNP(s, a); e > a && e < s.Last && r.low(e) == "that" {
			q.addressee = r.spanText(a, e) // "reminding the co-hosts that …"
			a = e
		}
	}
	a = r.skipAdjuncts(s, a, &q)
	start := a
	noun := false
	switch {
	case a < s.Last && r.low(a) == "that":
		start = a + 1
	case a < s.Last && verb.Frames&lexicon.FrameInf != 0 && r.low(a) == "to":
		start = a + 1
	case a < s.Last && verb.Frames&lexicon.FrameOf != 0 && r.low(a) == "of":
		start = a + 1
	case a+1 < s.Last && (r.low(a) == "," || r.low(a) == ":") && (r.kind(a+1) == parley.OpenQuote || r.kind(a+1) == parley.StraightQuote):
		start = a + 1 // "telling reporters, “…”"
		if end := r.quotationEnd(s, start, r.contentEnd(s, start, false)); end > start+1 {
			r.setContent(&q, start, end)
			r.cueUsed[v] = true
			r.add(q)
		}
		return
	case a < s.Last && (r.kind(a) == parley.OpenQuote || r.kind(a) == parley.StraightQuote):
		if end := r.quotationEnd(s, a, r.contentEnd(s, a, false)); end > a+1 {
			r.setContent(&q, a, end)
			r.cueUsed[v] = true
			r.add(q)
		}
		return
	case verb.Frames&lexicon.FrameThatOnly != 0:
		return // "determining a video showed …": content only after "that"
	case verb.Frames&lexicon.FrameThat != 0 && (r.clauseStart(a) || r.clauseOnParse(s, v, a)):
	case verb.Frames&lexicon.FrameNoun != 0 && a < s.Last && r.isWord(a):
		noun = true
	default:
		return
	}
	end := r.contentEnd(s, start, noun)
	if end-start < 2 {
		return
	}
	if q.channel != "" && r.low(v-1) != "," {
		r.dropChannelObject(s, c, v, end) // "posted two tweets saying …" is one attribution, the participle's
	}
	r.setContent(&q, start, end)
	r.cueUsed[v] = true
	r.add(q)
}
