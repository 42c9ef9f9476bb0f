package quote

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Attitudes: beliefs, wishes and evidence attributed to a holder ("many
// Democrats believe that …", "Sanders wants …", "the poll shows …"), read
// on the parse after the quotes. They are attributions that are not
// speech, so they are kept out of the quotes; a verb that is already a
// quote's cue is not read again.

// WithAttitudes returns a copy of f that also finds attitudes with the
// given verbs. Attitudes are read on the parse: without a syntax model
// (WithSyntax) none are found.
func (f *Finder) WithAttitudes(a *lexicon.Attitudes) *Finder {
	ff := *f
	ff.attitudes = a
	return &ff
}

// attitudes returns the attitudes of the document in text order.
func (r *run) attitudes() []parley.Attitude {
	if r.f.attitudes == nil || r.f.parsers == nil {
		return nil
	}
	cues := make(map[int]bool, len(r.out))
	reported := make([]bool, len(r.d.Tokens))
	for _, q := range r.out {
		if q.cLast > q.cFirst && q.cue >= 0 {
			cues[q.cue] = true
			for k := q.cFirst; k < q.cLast; k++ {
				reported[k] = true
			}
		}
	}
	var out []parley.Attitude
	for _, s := range r.d.Sentences {
		if r.heading(s.Para) {
			continue // a heading is no report of belief: "Networks seek new customers"
		}
		for v := s.First; v < s.Last; v++ {
			if !r.isWord(v) || cues[v] || r.ents.InQuote[v] || r.ents.RefAt(v) != nil || v > s.First && r.d.Tokens[v].Is(parley.Cap) {
				continue // a quote's cue, the speaker's own words, part of a name or a title ("Do They Know It's Christmas?")
			}
			av, ok := r.f.attitudes.Lookup(r.low(v))
			if !ok || av.Kind == "position" && reported[v] {
				continue // "she said she opposes the deal": the speaker's words, not the outlet's report of a stand
			}
			if a, ok := r.attitude(s, v, av); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// attitude reads the attitude whose verb is v: the verb on the parse with
// its holder as active subject and the proposition in the complements the
// lexicon gives it.
func (r *run) attitude(s parley.Sentence, v int, av lexicon.AttitudeVerb) (parley.Attitude, bool) {
	// cheap tests first, so that fewer sentences are parsed: a record named
	// before an evidence verb, the verb's tag (tagging costs a sixth of parsing)
	if av.Kind == "evidence" && !r.recordBefore(s, v) || r.posAt(s, v) != parley.VERB && !r.infinitiveAfter(s, v, av) {
		return parley.Attitude{}, false
	}
	if !r.parsed(s) || r.d.Tokens[v].POS != parley.VERB && !r.nounWithSubject(s, v) || r.passiveVoice(s, v) {
		return parley.Attitude{}, false // "is expected to", "is known as"
	}
	if av.Kind == "position" && !r.plainPosition(s, v) {
		return parley.Attitude{}, false
	}
	first, last, obj := r.propositionSpan(s, v, av.Complements)
	if av.Kind == "position" {
		last = r.untilFinite(first, last) // "fans backing the team sang …": the object, not the clause it heads
	}
	if obj && av.Kind == "evidence" {
		last = r.trimClosing(first, r.objectPredicate(s, v, last)) // what a record shows of its object; a wish's or position's "in May" is no part of it
	}
	if last-first < 2 && (av.Kind != "position" || last <= first) {
		// one word is a position's whole object ("endorsed her") but too little
		// of a belief or a finding
		return parley.Attitude{}, false
	}
	n := r.subjectOf(s, v)
	sp, span, ok := r.holder(s, v, n, av.Kind)
	if !ok {
		return parley.Attitude{}, false
	}
	if r.low(n) == "who" {
		last = r.relativeEnd(s, first, last) // "…, who wants X, left": not the main clause
	}
	a := parley.Attitude{
		Kind:       parley.AttitudeKind(av.Kind),
		Content:    r.d.TokenSpan(first, last),
		HolderSpan: span,
		Cue:        r.d.Tok(v),
		CueSpan:    r.d.TokenSpan(v, v+1),
	}
	a.Holder, a.HolderName, _ = r.nameOf(sp)
	return a, a.HolderName != ""
}

// holder finds who holds the attitude of verb v: its active subject's
// phrase, a share of those polled, or for a relative clause of people set
// off by a comma ("Ann Lee, who wants …") the phrase the clause modifies,
// named at "who" as a pronoun is at its own place. It returns the phrase
// and the span that names the holder; n is v's subject on the parse.
func (r *run) holder(s parley.Sentence, v, n int, kind string) (speaker, parley.Span, bool) {
	if rel := r.d.Tokens[v].Rel; kind == "position" && n < 0 && (rel == parley.RelAcl || rel == parley.RelAdvcl) {
		return r.participleHolder(s, v)
	}
	if n < 0 || r.d.Tokens[n].Rel != parley.RelNsubj || r.marked(s, n) {
		return speaker{}, parley.Span{}, false
	}
	if r.shareWord(s, n) && kind != "evidence" {
		return r.shareHolder(s, n, v)
	}
	if r.low(n) == "who" && n < v && kind != "evidence" {
		if n == s.First || r.low(n-1) != "," {
			// "Voters who believe the count was rigged marched …": a restrictive
			// clause has no comma to end it, and the parse often runs it on
			return speaker{}, parley.Span{}, false
		}
		sp, ok := r.relativeSubject(s, v, n)
		if !ok || sp.entity < 0 && sp.label == "who" || sp.entity >= 0 && r.ents.Entities[sp.entity].Type == parley.Place {
			return speaker{}, parley.Span{}, false
		}
		return sp, r.d.TokenSpan(sp.first, sp.last), true
	}
	if rel := r.d.Tokens[v].Rel; rel == parley.RelAcl || rel == parley.RelAclRelcl || r.extracted(s, v) {
		return speaker{}, parley.Span{}, false // "his wife Michelle expected to visit", "what Rubio is hoping will be": a gap in the proposition
	}
	// the words read back from the verb, where they are the subject's
	// phrase on the parse: not "the agency did not" before "want"
	sp := r.cueSubject(s, v, v)
	if !sp.ok || n < sp.first || sp.last != r.subtreeEnd(s, n) {
		sp = r.phraseOf(s, n)
	}
	if !sp.ok {
		sp = r.subjectSubtree(s, n, v)
	}
	if !sp.ok || !r.holds(s, n, sp, kind) {
		return speaker{}, parley.Span{}, false
	}
	return sp, r.d.TokenSpan(sp.first-sp.lead, sp.last), true
}

// participleHolder is the noun phrase a position's participle modifies,
// ending just before it: "a group backing the senator", "donors supporting
// her". The participle has no subject of its own to read; the parse often
// hangs it on the clause's verb, so the noun before it is what counts.
func (r *run) participleHolder(s parley.Sentence, v int) (speaker, parley.Span, bool) {
	h := v - 1
	if r.d.XPOS(v) != "VBG" || h < s.First || r.d.Tokens[h].POS != parley.NOUN && r.d.Tokens[h].POS != parley.PROPN {
		return speaker{}, parley.Span{}, false
	}
	sp := r.nounPhraseEndingAt(s, h)
	if !sp.ok || !r.holds(s, h, sp, "position") {
		return speaker{}, parley.Span{}, false
	}
	return sp, r.d.TokenSpan(sp.first-sp.lead, sp.last), true
}

// shareHolder is a share of those polled as the holder: "Forty-three per
// cent thought …", "a third of voters want …" (the share's whole phrase).
func (r *run) shareHolder(s parley.Sentence, n, v int) (speaker, parley.Span, bool) {
	a, b, ok := r.sharePhrase(s, n)
	if !ok || b > v {
		return speaker{}, parley.Span{}, false
	}
	for k := a; k < b; k++ {
		if p := r.d.Tokens[k].POS; p == parley.VERB || p == parley.AUX || r.low(k) == "," {
			return speaker{}, parley.Span{}, false // "70% of those asked were aware of it, planning to …": a clause, not a share
		}
	}
	return speaker{first: a, last: b, entity: -1, label: r.spanText(a, b), ok: true}, r.d.TokenSpan(a, b), true
}

// maxSubtreeHolder bounds the holder read from the parse alone: a longer
// subject is more often a misparse than a phrase.
const maxSubtreeHolder = 12

// holds reports whether the subject phrase sp, headed by n, can hold an
// attitude of the kind: a record (a poll, a study, data) shows evidence;
// people, groups and organisations believe and wish; not the first or
// second person, whose "I think" is talk, not a report of belief.
func (r *run) holds(s parley.Sentence, n int, sp speaker, kind string) bool {
	l := r.low(n)
	record := r.isRecord(l)
	if kind == "evidence" {
		return record && sp.entity < 0
	}
	if record || notHolders[l] {
		return false
	}
	if sp.entity >= 0 {
		return r.ents.Entities[sp.entity].Type != parley.Place
	}
	if kind == "position" {
		// who stands for or against: people, groups, bodies; not "the app
		// supports phones", "steel beams support the roof"
		return isSubjectPronoun(l) || isGroupPronoun(l) || r.agentNoun(s, n) || r.shareWord(s, n)
	}
	// verbs of belief and wish give their subject a mind: any noun that is
	// no record or time ("the union plans to …")
	p := r.d.Tokens[n].POS
	return isSubjectPronoun(l) || isGroupPronoun(l) || (p == parley.NOUN || p == parley.PROPN) && !isTimeWord(l)
}

// plainPosition reports a position verb used plainly: no particle
// ("backed up", "backed off") and no negation ("did not support the plan"
// takes no stand the attitude could carry).
func (r *run) plainPosition(s parley.Sentence, v int) bool {
	for k := s.First; k < s.Last; k++ {
		if r.d.Head(k) == v && (r.d.Tokens[k].Rel == parley.RelCompoundPrt || negations[r.low(k)]) {
			return false
		}
	}
	return true
}

// untilFinite ends first..last before a finite verb: a position's object
// is a phrase, not the clause the parse may hang on it.
func (r *run) untilFinite(first, last int) int {
	if k := r.firstFinite(first, last); k < last {
		return r.trimClosing(first, k)
	}
	return last
}

// recordBefore reports a record noun before v in its sentence: the only
// subjects that show evidence.
func (r *run) recordBefore(s parley.Sentence, v int) bool {
	for k := s.First; k < v; k++ {
		if r.isRecord(r.low(k)) {
			return true
		}
	}
	return false
}

// isRecord reports a noun of data, records or documents ("figures", "the
// poll", "a study").
func (r *run) isRecord(l string) bool { return dataNouns[l] || recordNouns[l] || r.isDocumentNoun(l) }

// passiveVoice reports a passive auxiliary or subject of v on the parse.
func (r *run) passiveVoice(s parley.Sentence, v int) bool {
	for k := s.First; k < s.Last; k++ {
		if r.d.Head(k) == v && (r.d.Tokens[k].Rel == parley.RelAuxPass || r.d.Tokens[k].Rel == parley.RelNsubjPass) {
			return true
		}
	}
	return false
}

// propositionSpan is the token range of the complements of v that the
// lexicon allows, after v, without a leading "that" or the sentence's
// closing punctuation; empty when there is none.
func (r *run) propositionSpan(s parley.Sentence, v int, allowed lexicon.Complement) (first, last int, obj bool) {
	first, last = -1, -1
	for k := v + 1; k < s.Last; k++ {
		if r.d.Head(k) != v || !r.complement(s, k, allowed) {
			continue
		}
		if a := r.subtreeStart(s, k); first < 0 || a < first {
			first = a
		}
		last = max(last, r.subtreeEnd(s, k))
		obj = obj || r.d.Tokens[k].Rel != parley.RelCcomp && r.d.Tokens[k].Rel != parley.RelXcomp
	}
	if first < 0 || first <= v {
		return 0, 0, false
	}
	for first < last && r.kind(first) == parley.Punct {
		first++ // "many watchers think, given the tradition, …"
	}
	if r.low(first) == "that" && r.d.Tokens[first].Rel == parley.RelMark {
		first++
	}
	return first, r.trimClosing(first, last), obj
}

// trimClosing drops the punctuation that closes the range first..last.
func (r *run) trimClosing(first, last int) int {
	for last > first && r.kind(last-1) != parley.Word && r.kind(last-1) != parley.Number {
		last--
	}
	return last
}

// infinitiveAfter reports a third-person form of a verb that takes an
// infinitive, a "to" and a verb after it: "Clinton plans to call …", which
// the tagger may read as a plural noun.
func (r *run) infinitiveAfter(s parley.Sentence, v int, av lexicon.AttitudeVerb) bool {
	return av.Form == lexicon.ThirdSingular && av.Complements&lexicon.OpenComplement != 0 &&
		v+2 < s.Last && r.low(v+1) == "to" && r.posAt(s, v+2) == parley.VERB
}

// nounWithSubject reports a word tagged a noun that has a subject on the
// parse: a verb the tagger missed ("Clinton plans to …" with "plans" the root).
func (r *run) nounWithSubject(s parley.Sentence, v int) bool {
	return r.d.Tokens[v].POS == parley.NOUN && r.subjectOf(s, v) >= 0
}

// complement reports whether k, a dependent of the verb, is one of the
// allowed complements; an object may come labelled as a bare oblique (a
// noun with no preposition and no time: "shows only a small gap").
func (r *run) complement(s parley.Sentence, k int, allowed lexicon.Complement) bool {
	rel := r.d.Tokens[k].Rel
	if rel == parley.RelObl && allowed&lexicon.ObjectComplement != 0 {
		return !r.hasCase(s, k) && !isTimeWord(r.low(k)) && r.d.Tokens[k].POS == parley.NOUN
	}
	if rel == parley.RelAcl && allowed&lexicon.OpenComplement != 0 && r.d.Tokens[r.d.Head(k)].POS == parley.NOUN {
		return k-1 > r.d.Head(k) && r.low(k-1) == "to" // the infinitive of a verb tagged a noun: "plans to call"
	}
	return complementOf(rel, allowed)
}

// objectPredicate extends an object proposition over what the verb's
// object is said to do or be, where the parse hangs it on the verb: "the
// poll showed Clinton leading Sanders", "shows Trump at the top with 36
// percent". Only dependents that go on from the object without a comma.
func (r *run) objectPredicate(s parley.Sentence, v, last int) int {
	for k := last; k < s.Last; k++ {
		if r.d.Head(k) != v {
			continue
		}
		switch r.d.Tokens[k].Rel {
		case parley.RelAdvcl, parley.RelObl, parley.RelXcomp:
			if r.subtreeStart(s, k) == last && r.kind(last) == parley.Word && r.kind(last-1) != parley.Punct {
				last = r.subtreeEnd(s, k)
				continue
			}
		}
		return last
	}
	return last
}

// complementOf reports whether rel is one of the allowed complements.
func complementOf(rel parley.DepRel, allowed lexicon.Complement) bool {
	switch rel {
	case parley.RelCcomp:
		return allowed&lexicon.ClausalComplement != 0
	case parley.RelXcomp:
		return allowed&lexicon.OpenComplement != 0
	case parley.RelObj:
		return allowed&lexicon.ObjectComplement != 0
	}
	return false
}

// extracted reports a question or relative word before v that depends on
// it or on its complement: the proposition lacks the part it stands for.
func (r *run) extracted(s parley.Sentence, v int) bool {
	for k := s.First; k < v; k++ {
		if questionWords[r.low(k)] || r.low(k) == "which" {
			if h := r.d.Head(k); h == v || h > v && r.d.Head(h) == v {
				return true
			}
		}
	}
	return false
}

// subjectSubtree is the subject n's whole phrase on the parse, where the
// surface reading of noun phrases finds none ("Recent polling shows …",
// "Surveys of voters taken at the door showed …"): a phrase before the verb.
func (r *run) subjectSubtree(s parley.Sentence, n, v int) speaker {
	a, b := r.subtreeStart(s, n), r.subtreeEnd(s, n)
	if b > v || b-a > maxSubtreeHolder {
		return speaker{}
	}
	return r.phraseOfHead(s, n, b)
}

// marked reports a preposition attached to the subject n:
// an absolute phrase or an oblique the parse took for a subject ("with
// prices expected to rise", "including a win over X, Roe believes").
func (r *run) marked(s parley.Sentence, n int) bool {
	for k := s.First; k < n; k++ {
		if r.d.Head(k) == n && r.d.Tokens[k].Rel == parley.RelCase {
			return true
		}
	}
	return false
}
