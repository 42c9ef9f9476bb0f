// Package quote finds attributions of speech and writing in an article —
// direct, indirect and mixed quotes — with their speaker, cue, channel,
// relaying outlet, addressee and nesting.
//
// It reads the tokens of package text and the entity layer of package
// entity; it does not parse. The patterns are the ones news copy uses:
//
//	X said (that) CONTENT           X told reporters (that) CONTENT
//	CONTENT, X said / said X        according to X, CONTENT / CONTENT, according to X
//	“CONTENT,” X said, “CONTENT.”   X denied CONTENT / accused Y of CONTENT / urged Y to CONTENT
//	…, adding that CONTENT          …, OUTLET reported (relaying outlet)
//
// and quotations without a cue in their paragraph continue the previous
// speaker.
package quote

import (
	"sort"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/entity"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/text"
)

// Finder finds quotes. It is safe for concurrent use.
type Finder struct {
	speech *lexicon.Speech
	roles  *lexicon.Roles
}

// NewFinder returns a Finder using the given lexicons.
func NewFinder(speech *lexicon.Speech, roles *lexicon.Roles) *Finder {
	return &Finder{speech: speech, roles: roles}
}

// speaker is the source an attribution names.
type speaker struct {
	first, last int // token range of the mention the cue attaches to
	entity      int // index into entity.Result.Entities, or -1
	entities    []int
	label       string // text for unnamed sources
	ok          bool
}

// found is a quote under construction.
type found struct {
	content     parley.Span
	cFirst      int // content token range [cFirst, cLast)
	cLast       int
	sp          speaker
	cue         int // token index of the cue verb (or "according")
	cueEnd      int
	channel     string
	reportedBy  string
	addressee   string
	addresseeEn int
	direct      bool // came from a pair of quotation marks
	para        int
	nestedIn    int
	cont        parley.Span // content of the quote this one continues
}

type run struct {
	f     *Finder
	d     *text.Doc
	ents  *entity.Result
	lower []string
	out   []found
	// byPara indexes out by paragraph, so that lookups stay local in long documents
	byPara map[int][]int
	pairs  []qpair
	// used cue tokens
	cueUsed map[int]bool
}

// qpair is a pair of quotation marks: the open mark at open, the close mark
// at close (or -1 when the quotation runs to the end of its paragraph).
type qpair struct {
	open, close int // token indices of the marks
	first, last int // tokens inside [first, last)
	para        int
}

// low returns the lower-case text of token i ("" outside the text, so that
// look-ahead and look-behind need no bounds checks).
func (r *run) low(i int) string {
	if i < 0 || i >= len(r.lower) {
		return ""
	}
	if r.lower[i] == "" {
		s := r.d.Tok(i)
		r.lower[i] = strings.ToLower(s)
	}
	return r.lower[i]
}

// kind returns the kind of token i (Punct outside the text).
func (r *run) kind(i int) text.Kind {
	if i < 0 || i >= len(r.d.Tokens) {
		return text.Punct
	}
	return r.d.Tokens[i].Kind
}

func (r *run) isWord(i int) bool { return r.kind(i) == text.Word }

// Find returns the quotes of d, in text order, with ids Q1, Q2, …; speakers
// refer to entities by their index-based ids "E1"… as given by entityID.
func (f *Finder) Find(d *text.Doc, ents *entity.Result, entityID func(int) string) []parley.Quote {
	r := &run{f: f, d: d, ents: ents, lower: make([]string, len(d.Tokens)), cueUsed: map[int]bool{}, byPara: map[int][]int{}}
	r.pairs = make([]qpair, len(ents.Quotes))
	for i, p := range ents.Quotes {
		r.pairs[i] = qpair{open: p.Open, close: p.Close, first: p.First, last: p.Last, para: p.Para}
	}
	for si := range d.Sentences {
		r.sentence(si)
	}
	r.reportedBy()
	r.directQuotes()
	return r.emit(entityID)
}

// add records a found quote.
func (r *run) add(q found) {
	r.byPara[q.para] = append(r.byPara[q.para], len(r.out))
	r.out = append(r.out, q)
}

// near returns the indices of found quotes in paragraphs [p-back, p].
func (r *run) near(p, back int) []int {
	if back == 0 {
		return r.byPara[p]
	}
	var out []int
	for k := p - back; k <= p; k++ {
		out = append(out, r.byPara[k]...)
	}
	return out
}

// pairAt returns the pair whose open mark is token i, or nil.
func (r *run) pairAt(i int) *qpair {
	k := sort.Search(len(r.pairs), func(k int) bool { return r.pairs[k].open >= i })
	if k < len(r.pairs) && r.pairs[k].open == i {
		return &r.pairs[k]
	}
	return nil
}

// pairClosingAt returns the pair whose close mark is token i, or nil.
func (r *run) pairClosingAt(i int) *qpair {
	// pairs are in order of their opening marks and do not nest, so closings are ordered too
	k := sort.Search(len(r.pairs), func(k int) bool { return r.pairs[k].open >= i })
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if r.pairs[j].close == i {
			return &r.pairs[j]
		}
	}
	return nil
}

// adverbs that may stand between a subject and its speech verb.
func isInterposed(l string) bool {
	switch l {
	case "also", "later", "previously", "has", "have", "had", "reportedly", "then", "again", "further",
		"recently", "publicly", "privately", "separately", "earlier", "once", "himself", "herself",
		"themselves", "itself", "too", "first", "subsequently", "now", "still", "already", "specifically",
		"directly", "even", "just", "simply", "repeatedly", "flatly", "initially", "originally", "last", "ultimately":
		return true
	}
	return strings.HasSuffix(l, "ly") && len(l) > 4
}

// sentence finds the attributions whose cue is in sentence si.
func (r *run) sentence(si int) {
	s := r.d.Sentences[si]
	r.headlineColon(si)
	for v := s.First; v < s.Last; v++ {
		if !r.isWord(v) {
			continue
		}
		l := r.low(v)
		if l == "according" && v+1 < s.Last && r.low(v+1) == "to" {
			r.accordingTo(si, v)
			continue
		}
		verb, ok := r.f.speech.Lookup(l)
		if !ok && l == "put" && r.low(v+1) == "it" && (r.low(v+2) == ":" || r.low(v+2) == "," || r.low(v+2) == "." || r.kind(v+2) == text.Dash) {
			// "as Tom Ridge put it: “…”", "…, as one aide put it."
			verb, ok = lexicon.Verb{Lemma: "put it", Form: lexicon.Past, Frames: lexicon.FrameThat | lexicon.FrameInverted}, true
		}
		if !ok || verb.Frames == 0 {
			continue
		}
		if r.ents.RefAt(v) != nil || v > s.First && r.d.Tokens[v].Is(text.Cap) && r.kind(v-1) != text.OpenQuote && !r.headlineCue(v) {
			continue // part of a name: "United States", "Post"
		}
		r.cue(si, v, verb)
	}
}

// headlineColon reads "Trump: My immigration plans aren't set in stone." and
// "Gerald F. Seib, The Wall Street Journal: “…”" — a source named at the start
// of a paragraph, a colon, and what the source said.
func (r *run) headlineColon(si int) {
	s := r.d.Sentences[si]
	if si > 0 && r.d.Sentences[si-1].Para == s.Para {
		return // only at the start of a paragraph
	}
	colon := -1
	for k := s.First; k < s.Last && k-s.First < 10; k++ {
		if r.low(k) == ":" {
			colon = k
			break
		}
		if !(r.isWord(k) || r.low(k) == "," || r.low(k) == "." || r.kind(k) == text.Possessive) || r.isFiniteSpeechVerb(k) && !r.d.Tokens[k].Is(text.Cap) {
			return
		}
	}
	if colon <= s.First || colon+3 > s.Last {
		return
	}
	if labelWord[r.low(s.First)] {
		return // "Photo:", "Editor's Note:", "Update:"
	}
	var sp speaker
	end := colon
	if c := r.indexOf(s.First, colon, ","); c > 0 {
		// "Gerald F. Seib, The Wall Street Journal:" — but not "Then, later that month on CNN:"
		if ref := r.ents.RefAt(colon - 1); ref == nil || ref.First != c+1 && !(ref.First == c+2 && r.low(c+1) == "the") {
			return
		}
		end = c
	}
	if ref := r.ents.RefAt(end - 1); ref != nil && ref.Last == end && r.ents.Entities[ref.Entity].Type != parley.Place {
		sp = speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
	} else {
		for k := s.First; k < end; k++ {
			if r.isWord(k) && !r.d.Tokens[k].Is(text.Cap) {
				return // a sentence with a colon, not a label
			}
		}
		sp = speaker{first: s.First, last: end, entity: -1, label: r.d.Text[r.d.Tokens[s.First].Start:r.d.Tokens[end-1].End], ok: true}
	}
	q := found{sp: sp, cue: colon, cueEnd: colon + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	end = s.Last
	for end > colon+1 && r.kind(end-1) == text.Punct && r.isFinalPunct(end-1) {
		end--
	}
	r.setContent(&q, colon+1, end)
	if q.cLast-q.cFirst < 3 {
		return
	}
	r.cueUsed[colon] = true
	r.add(q)
}

// labelWord are the words that open captions and editorial labels rather than sources.
var labelWord = map[string]bool{
	"photo": true, "photos": true, "video": true, "update": true, "updated": true, "editor": true, "editors": true,
	"note": true, "related": true, "advertisement": true, "correction": true, "source": true, "sources": true,
	"credit": true, "warning": true, "watch": true, "listen": true, "read": true, "caption": true, "transcript": true,
	"background": true, "q": true, "a": true, "the": true, "in": true, "on": true, "at": true, "for": true,
	"by": true, "from": true, "when": true, "where": true, "what": true, "why": true, "how": true, "who": true,
	"tags": true, "topics": true, "see": true, "also": true, "more": true, "breaking": true, "exclusive": true,
	"analysis": true, "opinion": true, "live": true, "latest": true, "here": true, "there": true, "this": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "but": true, "and": true,
	"then": true, "now": true, "later": true, "earlier": true, "meanwhile": true, "still": true, "yet": true,
}

func (r *run) indexOf(a, b int, tok string) int {
	for k := a; k < b; k++ {
		if r.low(k) == tok {
			return k
		}
	}
	return -1
}

// isPluralNounToo reports third-person verb forms that are as often plural
// nouns ("claims", "reports", "notes").
func isPluralNounToo(l string) bool {
	switch l {
	case "claims", "reports", "notes", "states", "posts", "comments", "answers", "counters", "tweets", "requests",
		"questions", "demands", "pledges", "promises", "vows", "estimates", "forecasts", "charges", "statements",
		"replies", "responses", "remarks", "denies", "details", "outlines", "concerns", "appeals", "orders", "calls":
		return true
	}
	return false
}

// namedSubject reports whether a speaker is a name, a pronoun or a short
// noun phrase with a determiner, the subjects a verb reading needs.
func (r *run) namedSubject(sp speaker) bool {
	if sp.entity >= 0 || sp.last-sp.first == 1 && isSubjectPronoun(r.low(sp.first)) {
		return true
	}
	return isDeterminer(r.low(sp.first)) && sp.last-sp.first <= 4 && !strings.Contains(sp.label, " of ")
}

// headlineCue reports "Says" right after a name in a title-case line:
// "Chris Christie Says He Would Issue A Quarantine".
func (r *run) headlineCue(v int) bool {
	ref := r.ents.RefAt(v - 1)
	return ref != nil && ref.Last == v && (r.low(v) == "says" || r.low(v) == "said" || r.low(v) == "tells" || r.low(v) == "warns")
}

// passive or non-finite uses that are not attributions.
func (r *run) blockedVerb(v int, verb lexicon.Verb, s text.Sentence) bool {
	if v == s.First {
		return true // no subject before it
	}
	p := r.low(v - 1)
	if verb.Form == lexicon.Gerund {
		switch p {
		case "is", "are", "was", "were", "been":
			return false // progressive: "is telling"
		}
	}
	if p == "that" && v-1 == s.First && v+1 < s.Last && r.low(v+1) == "," {
		return true // "That said, …"
	}
	switch p {
	case "was", "were", "is", "are", "be", "been", "being", "the", "a", "an", "his", "her", "its", "their",
		"this", "that", "these", "those", "our", "my", "your", "no", "any", "every", "some", "to", "not", "never",
		"declined", "refused", "wouldn't", "won't", "didn't", "don't", "doesn't", "cannot", "can't", "will",
		"would", "could", "might", "may", "must", "should", "shall", "can", "did", "do", "does":
		return true
	}
	if verb.Form == lexicon.Base {
		// base forms are verbs after plural subjects: "officials say", "they say"
		switch p {
		case "they", "we", "i", "you", "officials", "sources", "experts", "analysts", "critics", "people":
			return false
		}
		if strings.HasSuffix(p, "s") && !r.d.Tokens[v-1].Is(text.Cap) || r.f.roles.Is(p, lexicon.SourceNoun) && p != "report" && p != "statement" {
			return false
		}
		if p == "and" || p == "also" {
			return false // "… and say they show restraint": coordination with an earlier verb
		}
		return true
	}
	return false
}

// cue reads the attribution around the speech verb at v.
func (r *run) cue(si, v int, verb lexicon.Verb) {
	s := r.d.Sentences[si]
	if r.ents.InQuote[v] {
		return // a verb inside a direct quotation is the speaker's own words
	}
	if r.blockedVerb(v, verb, s) {
		return
	}
	if verb.Frames&^(lexicon.FrameInverted|lexicon.FrameDispute|lexicon.FrameConfirm) == 0 && v+1 < s.Last {
		// "continued", "laughed": cues only next to a quotation, not "the administration continues to …"
		if n := r.low(v + 1); n != "," && n != "." && n != ":" && r.kind(v-1) != text.CloseQuote && r.kind(v-1) != text.StraightQuote && r.low(v-1) != "," {
			return
		}
	}
	progressive := false
	if verb.Form == lexicon.Gerund {
		switch r.low(v - 1) {
		case "is", "are", "was", "were", "been":
			if verb.Frames&(lexicon.FrameInverted|lexicon.FrameObject) == 0 {
				return // "were proposing a plan": an act, not an attribution; "is saying", "is telling" are
			}
			progressive = true // "is telling supporters that …"
		default:
			r.participle(si, v, verb)
			return
		}
	}
	// subject before the verb
	sv := v
	if progressive {
		sv = v - 1
		if sv-1 >= s.First && r.low(sv-1) == "has" || sv-1 >= s.First && r.low(sv-1) == "have" {
			sv--
		}
	}
	sp := r.subject(s, sv)
	pv := v - 1
	for pv > s.First && r.isWord(pv) && isInterposed(r.low(pv)) && r.ents.RefAt(pv) == nil {
		pv--
	}
	if pv >= s.First && (r.low(pv) == "and" || r.low(pv) == "but") {
		sp = speaker{} // "… and repeatedly says": the subject is further back
	}
	if !sp.ok && pv >= s.First && (r.low(pv) == "and" || r.low(pv) == "but") {
		// "… and said that …", "…, but indicated that …": the subject of the previous attribution,
		// or the subject that opens the sentence ("It did not reveal … and said …")
		sp = r.previousSpeaker(s, v)
		if !sp.ok {
			sp = r.sentenceSubject(s, v)
		}
	}
	inverted := false
	if !sp.ok && verb.Frames&lexicon.FrameInverted != 0 && v > s.First && (r.low(v-1) == "," || r.kind(v-1) == text.CloseQuote || r.kind(v-1) == text.StraightQuote) {
		sp = r.nounPhraseAt(s, v+1)
		if !sp.ok && v+1 < s.Last && isDeterminer(r.low(v+1)) {
			sp = r.phraseUpTo(s, v+1) // "says a narrator", "said the printed slate card"
		}
		inverted = sp.ok
	}
	if !sp.ok {
		return
	}
	if (verb.Form == lexicon.ThirdSingular || verb.Form == lexicon.Base) && sp.entity < 0 && sp.label == "" {
		return
	}
	if verb.Form == lexicon.ThirdSingular && isPluralNounToo(r.low(v)) && !inverted && !r.namedSubject(sp) {
		return // "critics of China’s territorial claims in the sea": a noun, not a verb
	}
	q := found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	// after the verb: particles, addressee, channel, time
	a := v + 1
	if inverted {
		a = sp.last
		a = r.skipAppositive(s, a)
	}
	if a < s.Last && (r.low(a) == "out" || r.low(a) == "back" || verb.Lemma == "put it" && r.low(a) == "it") {
		a++
	}
	q.cueEnd = a
	if verb.Frames&(lexicon.FrameObject|lexicon.FrameInf|lexicon.FrameOf) != 0 && !inverted {
		if r.low(a) == "on" && verb.Lemma == "call" {
			a++
		}
		if ad := r.nounPhraseAt(s, a); ad.ok && ad.last > a {
			q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
			if ch := r.channelOf(ad); ch != "" {
				q.channel = ch
			}
			a = ad.last
			if verb.Frames&lexicon.FrameOf != 0 && a < s.Last && r.low(a) == "and" {
				// "accused the UK and the US of meddling": more addressees up to "of"
				if k := r.indexOf(a, min(a+8, s.Last), "of"); k > 0 {
					q.addressee = r.d.Text[r.d.Tokens[ad.first].Start:r.d.Tokens[k-1].End]
					q.addresseeEn = -1
					a = k
				}
			}
		} else if e := r.genericNP(s, a); e > a && verb.Frames&lexicon.FrameObject != 0 {
			q.addressee = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[e-1].End] // "told the cheering crowd"
			a = e
		} else if verb.Frames&lexicon.FrameObject != 0 && r.isWord(a) && r.d.Tokens[a].Is(text.Cap) {
			// an outlet or person the lexicon does not know: "told Lusa"
			e := a
			for e < s.Last && e-a < 4 && r.isWord(e) && r.d.Tokens[e].Is(text.Cap) {
				e++
			}
			q.addressee, q.channel = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[e-1].End], r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[e-1].End]
			a = e
		} else if verb.Lemma == "tell" || verb.Lemma == "inform" || verb.Lemma == "brief" {
			return // "told" needs its addressee: "all told"
		} else if verb.Frames&lexicon.FrameOf != 0 {
			// "accused the UK and the US of meddling": the addressees run to "of"
			for b := a; b < s.Last && b-a < 12; b++ {
				if r.low(b) == "of" && b > a {
					q.addressee = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End]
					a = b
					break
				}
				if !r.isWord(b) && r.low(b) != "’s" {
					break
				}
			}
		}
	}
	a = r.skipAdjuncts(s, a, &q)
	if verb.Frames&lexicon.FrameObject != 0 && !inverted && a < s.Last && r.low(a) != "that" {
		// "told The Post and Courier newspaper of Charleston on Saturday that …"
		for b := a; b < s.Last && b-a < 14; b++ {
			if r.low(b) == "that" && b > a {
				a = b
				break
			}
			if r.kind(b) == text.Punct && r.low(b) != "." || r.kind(b) == text.OpenQuote || r.isSpeechWord(b) {
				break
			}
		}
	}
	if verb.Lemma == "call" && !inverted {
		if r.callNamed(s, v, &q) {
			r.add(q)
			return
		}
	}
	if verb.Lemma == "ask" && !inverted && a < s.Last {
		switch r.low(a) {
		case "if", "whether", "how", "why", "what", "when", "where", "who", "about":
			// "asked if the comments had rattled them": the question is the content
			end := r.contentEnd(s, a, false)
			if end-a >= 3 {
				r.setContent(&q, a, end)
				r.cueUsed[v] = true
				r.add(q)
			}
			return
		}
	}
	start, kind := a, ""
	switch {
	case a < s.Last && r.low(a) == "that":
		start, kind = a+1, "that"
	case a < s.Last && (r.low(a) == ":" || r.low(a) == ","):
		start, kind = a+1, "colon"
	case a < s.Last && verb.Frames&lexicon.FrameInf != 0 && r.low(a) == "to":
		start, kind = a+1, "to"
	case a < s.Last && verb.Frames&lexicon.FrameOf != 0 && r.low(a) == "of":
		start, kind = a+1, "of"
	case a < s.Last && r.kind(a) == text.OpenQuote || a < s.Last && r.kind(a) == text.StraightQuote:
		start, kind = a, "quote"
	case a >= s.Last || r.kind(a) == text.Punct && r.low(a) != "(":
		kind = "after"
	default:
		if verb.Frames&lexicon.FrameThat != 0 && r.clauseStart(a) && (verb.Frames&lexicon.FrameNoun == 0 || r.finiteVerbSoon(s, a)) {
			kind = "clause"
		} else if verb.Frames&lexicon.FrameNoun != 0 {
			kind = "noun"
		} else if verb.Frames&lexicon.FrameThat != 0 && verb.Form != lexicon.Base && r.looseClauseStart(s, a) {
			kind = "clause" // "says parts of his proposals are negotiable"
		} else if verb.Frames&lexicon.FrameThat != 0 && verb.Frames&lexicon.FrameNoun == 0 && r.bareClauseStart(s, a) {
			kind = "clause" // "He says news outlets undercount his supporters": verbs that take only clauses
		}
	}
	if kind == "colon" && start < s.Last && (r.kind(start) == text.OpenQuote || r.kind(start) == text.StraightQuote) {
		kind = "quote"
		// “A,” X said, “B.”: the cue serves both halves
		sub := sp.first
		if inverted {
			sub = v
		}
		if sub-2 >= s.First && r.low(sub-1) == "," && r.kind(sub-2) == text.CloseQuote || sub-1 >= s.First && (r.kind(sub-1) == text.CloseQuote || r.kind(sub-1) == text.StraightQuote) && r.pairClosingAt(sub-1) != nil {
			first := q
			r.contentBefore(si, sub, &first)
			if len(r.out) > 0 && r.out[len(r.out)-1].cue == v {
				q.cont = r.out[len(r.out)-1].content
			}
		}
	}
	if kind == "colon" && !(start < s.Last && r.clauseStart(start)) {
		kind = "after"
	}
	if kind == "" && sp.first > s.First && (r.low(sp.first-1) == "which" || r.low(sp.first-1) == "that" || r.low(sp.first-1) == "what") &&
		sp.last-sp.first == 1 && isSubjectPronoun(r.low(sp.first)) && a < s.Last && r.isWord(a) && !isPreposition(r.low(a)) {
		// "the helicopter, which it said crashed in Logar": the content is the relative clause
		kind = "clause"
	}
	if kind == "" {
		// "“Absolutely not,” he said of the possibility …": content before, adjunct after
		kind = "after"
	}
	switch kind {
	case "after":
		// "CONTENT, X said." — content before the subject
		sub := sp.first
		if inverted {
			sub = v
		}
		n := len(r.out)
		r.contentBefore(si, sub, &q)
		if len(r.out) == n && !inverted {
			// "X said in a statement. “There are no ballots to recount.”": the next quotation
			r.quotationAfter(si, a, &q)
		}
		return
	}
	end := r.contentEnd(s, start, kind == "noun")
	if kind == "quote" {
		end = r.quotationEnd(s, start, end)
	}
	if end <= start {
		return
	}
	// "says that A and that B": two attributions with one cue
	if kind == "that" {
		if k := r.andThat(start, end); k > 0 {
			second := q
			r.setContent(&q, start, r.trimEnd(start, k))
			r.add(q)
			r.setContent(&second, k+2, end)
			second.cue = -1
			second.cont = q.content
			r.cueUsed[v] = true
			r.add(second)
			return
		}
	}
	r.setContent(&q, start, end)
	r.cueUsed[v] = true
	r.add(q)
}

// andThat returns the token of "and" in "… and that …" outside quotation
// marks in [a, b), or 0.
func (r *run) andThat(a, b int) int {
	for k := a + 2; k+1 < b; k++ {
		if r.low(k) == "and" && r.low(k+1) == "that" && !r.ents.InQuote[k] && k+2 < b {
			return k
		}
	}
	return 0
}

// trimEnd drops a trailing comma before k.
func (r *run) trimEnd(a, k int) int {
	for k > a && r.low(k-1) == "," {
		k--
	}
	return k
}

// quotationEnd returns where content that opens with the quotation mark at
// start ends. A full quotation is the content, across sentences of its
// paragraph ("He added: ”I don't think … Iraq. I don't think …”") and
// without what follows its closing mark ("…,” the Times reported", "…,”
// before optimistically predicting"); a short fragment ("said “slightly
// more” in taxes") leaves the clause end in place.
func (r *run) quotationEnd(s text.Sentence, start, end int) int {
	p := r.pairAt(start)
	if p == nil || p.last <= p.first {
		return end
	}
	if p.close < 0 {
		return p.last // runs to the end of its paragraph
	}
	full := r.wordsIn(p.first, p.last) >= minDirectWords || r.isFinalPunct(p.last-1)
	if p.close+1 >= end || r.low(p.close+1) == "," || r.trailingAttribution(s, p.close+1) || full {
		return p.close + 1
	}
	return end
}

// callNamed reads "called the TPP pact “insanity”", "calls it her
// ”responsibility gene”": the object and the quoted name it is given.
func (r *run) callNamed(s text.Sentence, v int, q *found) bool {
	if v+1 >= s.Last || isPreposition(r.low(v+1)) || r.low(v+1) == "for" {
		return false
	}
	for b := v + 1; b < s.Last && b-v < 16; b++ {
		if r.kind(b) == text.OpenQuote || r.kind(b) == text.StraightQuote {
			p := r.pairAt(b)
			if p == nil || p.close <= b || b == v+1 {
				return false
			}
			end := p.close + 1
			// "calling him a “train wreck” and “outsourcer in chief”": the names go on
			for end+1 < s.Last && r.low(end) == "and" {
				n := r.pairAt(end + 1)
				if n == nil || n.close < 0 {
					break
				}
				end = n.close + 1
			}
			r.setContent(q, v+1, end)
			r.cueUsed[v] = true
			return true
		}
		if !r.isWord(b) && r.kind(b) != text.Possessive && r.kind(b) != text.Number {
			return false
		}
	}
	return false
}

// quotationAfter attributes to q the quotation that opens the sentence after
// the cue's own, when the cue's sentence ends right after the cue.
func (r *run) quotationAfter(si, a int, q *found) {
	s := r.d.Sentences[si]
	if a < s.Last && !(r.low(a) == "." || r.low(a) == ":") || si+1 >= len(r.d.Sentences) {
		return
	}
	next := r.d.Sentences[si+1]
	if next.Para != s.Para && next.Para != s.Para+1 {
		return
	}
	p := r.pairAt(next.First)
	if p == nil || p.last <= p.first {
		return
	}
	r.setContent(q, p.first, p.last)
	q.direct = true
	r.cueUsed[q.cue] = true
	r.add(*q)
}

// clauseStart reports whether token a can begin a content clause without "that".
func (r *run) clauseStart(a int) bool {
	if a >= len(r.d.Tokens) {
		return false
	}
	t := r.d.Tokens[a]
	if t.Kind == text.OpenQuote || t.Kind == text.StraightQuote {
		return true
	}
	if t.Kind != text.Word && t.Kind != text.Number {
		return false
	}
	l := r.low(a)
	if i := strings.IndexAny(l, "'’"); i > 0 {
		l = l[:i] // "he'd", "they’re"
	}
	switch l {
	case "he", "she", "it", "they", "we", "i", "you", "there", "the", "a", "an", "his", "her", "their", "its",
		"this", "these", "those", "no", "some", "any", "all", "both", "many", "most", "several", "only", "if",
		"what", "why", "how", "when", "whether", "while", "nothing", "everything", "everyone", "nobody", "one",
		"two", "none", "our", "my", "your", "such", "more", "less", "because", "despite":
		return true
	}
	return t.Is(text.Cap) || t.Kind == text.Number
}

// skipParenthetical passes ", written by Kenneth Cohen, that" and "- falsely - that"
// up to the "that" of the content clause.
func (r *run) skipParenthetical(s text.Sentence, a int) int {
	if a >= s.Last || !(r.low(a) == "," || r.kind(a) == text.Dash) {
		return a
	}
	open := r.low(a)
	for b := a + 1; b+1 < s.Last && b-a < 16; b++ {
		if r.low(b) == ":" && open == "," && (r.kind(b+1) == text.OpenQuote || r.kind(b+1) == text.StraightQuote) {
			return b // "responded pointedly, with a smile: “…”"
		}
		if r.low(b) == open || r.kind(b) == text.Dash && r.kind(a) == text.Dash {
			if r.low(b+1) == "that" {
				return b + 1
			}
			if r.kind(b+1) == text.OpenQuote || r.kind(b+1) == text.StraightQuote {
				return b // ", when the story broke, “I did not …”": the comma introduces the quotation
			}
			return a
		}
		if r.kind(b) == text.OpenQuote || r.kind(b) == text.StraightQuote {
			return a
		}
	}
	return a
}

// finiteVerbSoon reports whether a clause that starts at a has its verb
// within a few words ("denied the payments were made" vs "denied the payments").
func (r *run) finiteVerbSoon(s text.Sentence, a int) bool {
	l := r.low(a)
	if isSubjectPronoun(l) || l == "there" {
		return true
	}
	for k := a + 1; k < s.Last && k < a+8; k++ {
		switch r.low(k) {
		case "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "do", "does", "did":
			return true
		}
		if r.kind(k) == text.Punct && r.low(k) != "-" {
			return false
		}
	}
	return false
}

// looseClauseStart accepts a content clause that opens with a bare noun
// phrase ("parts of his proposals are …", "such votes are …") when a verb
// follows within a few words.
func (r *run) looseClauseStart(s text.Sentence, a int) bool {
	if a >= s.Last || !r.isWord(a) || isPreposition(r.low(a)) || isFunction(r.low(a)) {
		return false
	}
	switch r.low(a) {
	case "goodbye", "nothing", "so", "yes", "no", "hello", "thanks", "sorry", "little", "much", "less", "more", "something":
		return false
	}
	for k := a + 1; k < s.Last && k < a+14; k++ {
		switch r.low(k) {
		case "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "do", "does", "did":
			return true
		}
		if !r.isWord(k) && r.low(k) != "," && r.kind(k) != text.Possessive && r.kind(k) != text.Number {
			return false
		}
	}
	return false
}

// bareClauseStart accepts any word that can open a clause after a verb that
// takes nothing but clauses (say, argue, insist): everything but prepositions,
// conjunctions and the few words "say" takes as objects.
func (r *run) bareClauseStart(s text.Sentence, a int) bool {
	if a >= s.Last || !r.isWord(a) && r.kind(a) != text.Number {
		return false
	}
	l := r.low(a)
	if isPreposition(l) || isSubordinator(l) {
		return false
	}
	switch l {
	case "goodbye", "nothing", "so", "yes", "no", "hello", "thanks", "sorry", "little", "much", "something",
		"anything", "everything", "and", "or", "but", "as", "than", "too", "otherwise", "hi", "grace", "amen", "it":
		return false
	}
	return a+2 < s.Last // a clause has more than a word
}

// skipAdjuncts passes over channel and time phrases after a verb: "on X",
// "in a statement", "at a press conference", "on Tuesday", "in an interview with CNN".
func (r *run) skipAdjuncts(s text.Sentence, a int, q *found) int {
	a = r.skipParenthetical(s, a)
	for a < s.Last {
		l := r.low(a)
		switch l {
		case "on", "in", "at", "during", "via", "late", "early", "earlier", "later", "this", "last", "yesterday",
			"today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"publicly", "privately", "separately", "repeatedly", "again", "also", "then", "recently", "flatly", "firmly",
			"instead", "previously", "once", "initially", "simply", "bluntly", "emphatically", "openly", "angrily",
			"quietly", "loudly", "confidently", "frankly", "outside", "from", "after", "before", "inside":
		default:
			if strings.HasSuffix(l, "ly") && len(l) > 4 && r.ents.RefAt(a) == nil && !r.d.Tokens[a].Is(text.Cap) {
				a++ // "responded awkwardly:"
				continue
			}
			return a
		}
		b, ch := r.adjunct(s, a)
		if b <= a {
			return r.skipParenthetical(s, a)
		}
		if ch != "" && q.channel == "" {
			q.channel = ch
		}
		a = b
		if a < s.Last && r.low(a) == "," && a+1 < s.Last && r.low(a+1) == "that" {
			a++
		}
	}
	return a
}

var channelNouns = map[string]string{
	"statement": "a statement", "conference": "press conference", "briefing": "briefing", "interview": "interview",
	"speech": "speech", "post": "post", "tweet": "tweet", "letter": "letter", "video": "video", "message": "message",
	"address": "address", "remarks": "remarks", "appearance": "appearance", "hearing": "hearing", "testimony": "testimony",
	"podcast": "podcast", "broadcast": "broadcast", "report": "report", "memo": "memo", "email": "email", "e-mail": "email",
	"op-ed": "op-ed", "column": "column", "rally": "rally", "meeting": "meeting", "summit": "summit", "session": "session",
	"event": "event", "ceremony": "ceremony", "filing": "filing", "document": "document", "release": "a statement",
}

// adjunct reads one prepositional or time adjunct starting at a; it returns
// where it ends and the channel it names, if any.
func (r *run) adjunct(s text.Sentence, a int) (int, string) {
	l := r.low(a)
	switch l {
	case "publicly", "privately", "separately", "repeatedly", "again", "also", "then", "recently", "yesterday",
		"today", "tonight", "earlier", "later", "flatly", "firmly", "instead", "previously", "once", "initially",
		"simply", "bluntly", "emphatically", "openly", "angrily", "quietly", "loudly", "confidently", "frankly":
		return a + 1, ""
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		b := a + 1
		if b < s.Last && (r.low(b) == "night" || r.low(b) == "morning" || r.low(b) == "evening" || r.low(b) == "afternoon") {
			b++
		}
		return b, ""
	case "this", "last", "late", "early":
		b := a + 1
		for b < s.Last && b-a < 3 && r.isWord(b) && (isTimeWord(r.low(b)) || r.low(b) == "on") {
			b++
		}
		if b == a+1 && !isTimeWord(r.low(min(b, s.Last-1))) {
			return a, ""
		}
		return b, ""
	}
	// preposition + phrase up to a comma, "that", or a clause start
	b := a + 1
	ch := ""
	if b < s.Last && r.isWord(b) {
		if ent := r.ents.RefAt(b); ent != nil && (l == "on" || l == "via") {
			e := r.ents.Entities[ent.Entity]
			if e.Type == parley.Organization {
				return ent.Last, e.Name // "on X", "on Telegram"
			}
		}
		if isTimeWord(r.low(b)) || r.low(b) == "monday" || r.low(b) == "tuesday" || r.low(b) == "wednesday" || r.low(b) == "thursday" || r.low(b) == "friday" || r.low(b) == "saturday" || r.low(b) == "sunday" {
			c := b + 1
			for c < s.Last && r.isWord(c) && (isTimeWord(r.low(c)) || r.d.Tokens[c].Kind == text.Number) {
				c++
			}
			return c, ""
		}
	}
	// "at Western High School, “Any questions?”": a place or time phrase up to the comma that introduces the content
	for c := b; c < s.Last && c-b < 9; c++ {
		if r.low(c) == "," {
			if c+1 < s.Last && (r.kind(c+1) == text.OpenQuote || r.kind(c+1) == text.StraightQuote || r.low(c+1) == "that") && c > b {
				return c, ""
			}
			break
		}
		if !r.isWord(c) && r.kind(c) != text.Number && r.kind(c) != text.Possessive || r.isSpeechWord(c) {
			break
		}
	}
	// "in a statement", "at a press conference held after the talks", "in an interview with CNN"
	for c := b; c < s.Last && c-b < 12; c++ {
		if !r.isWord(c) && r.d.Tokens[c].Kind != text.Number && r.low(c) != "-" {
			break
		}
		lc := r.low(c)
		if lc == "that" && c > b {
			break
		}
		if name, ok := channelNouns[lc]; ok {
			ch = name
			end := c + 1
			// "with CNN", "to the BBC", "posted on X"
			if end+1 < s.Last && (r.low(end) == "with" || r.low(end) == "to" || r.low(end) == "on") {
				if ref := r.ents.RefAt(end + 1); ref != nil {
					if e := r.ents.Entities[ref.Entity]; e.Type == parley.Organization {
						ch = e.Name
						end = ref.Last
					}
				} else if end+2 < s.Last && r.low(end+1) == "the" {
					if ref := r.ents.RefAt(end + 2); ref != nil {
						if e := r.ents.Entities[ref.Entity]; e.Type == parley.Organization {
							ch = e.Name
							end = ref.Last
						}
					}
				}
			}
			// "held after the talks", "released on Tuesday": participial tail up to a comma or "that"
			if end < s.Last && r.isWord(end) && (strings.HasSuffix(r.low(end), "ed") || r.low(end) == "held") {
				for end < s.Last && r.low(end) != "," && r.low(end) != "that" && r.low(end) != "and" && end-c < 10 {
					end++
				}
			}
			return end, ch
		}
	}
	return a, ""
}

func isTimeWord(l string) bool {
	switch l {
	case "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "day", "days", "weeks",
		"months", "years", "time", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "summer", "winter", "spring", "autumn", "fall", "hours", "friday's", "ago":
		return true
	}
	return false
}

// contentEnd returns the token where content that starts at a ends: the end
// of the sentence, or an earlier attribution boundary.
func (r *run) contentEnd(s text.Sentence, a int, noun bool) int {
	end := s.Last
	depth := 0
	dashes := 0
	for k := s.First; k < a; k++ {
		if r.kind(k) == text.Dash {
			dashes++
		}
	}
	for k := a; k < s.Last; k++ {
		t := r.d.Tokens[k]
		switch t.Kind {
		case text.OpenQuote:
			depth++
		case text.CloseQuote:
			if depth > 0 {
				depth--
			}
		}
		if r.ents.InQuote[k] {
			continue
		}
		if t.Kind == text.Dash && dashes%2 == 1 && k > a {
			return k // "- some lobbyists said they know … -"
		}
		l := r.low(k)
		if (l == "and" || l == "but") && k+1 < s.Last && k > a {
			// "… and said that", ", but indicated that", "… and questioning how": a second attribution by the same speaker
			if v, ok := r.f.speech.Lookup(r.low(k + 1)); ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular || v.Form == lexicon.Gerund) && v.Frames&(lexicon.FrameThat|lexicon.FrameNoun) != 0 {
				if k-1 >= a && r.low(k-1) == "," {
					return k - 1
				}
				return k
			}
		}
		if l == "," && k+1 < s.Last {
			n := r.low(k + 1)
			// ", adding that", ", saying", ", according to", ", as X reported", ", Reuters reported"
			if v, ok := r.f.speech.Lookup(n); ok && v.Form == lexicon.Gerund && v.Frames != 0 {
				return k
			}
			if n == "according" || (n == "as" && r.reportClause(s, k+1)) {
				return k
			}
			if strings.HasSuffix(n, "ing") && len(n) > 5 && !r.d.Tokens[k+1].Is(text.Cap) && r.isWord(k+1) && k > a+3 && !isPrepositionalIng(n) {
				return k // ", sparking a firestorm": a participial phrase of the narrator's
			}
			if (n == "while" || n == "whereas") && r.speechVerbWithin(s, k+2, 8) {
				return k
			}
			if r.trailingAttribution(s, k+1) {
				return k
			}
			if noun {
				return k
			}
		}
		if noun {
			if l == "and" && k+1 < s.Last {
				if _, ok := r.f.speech.Lookup(r.low(k + 1)); ok {
					return k
				}
			}
			if (l == "at" || l == "in" || l == "during" || l == "on") && k > a {
				if b, ch := r.adjunct(s, k); b > k && ch != "" {
					return k
				}
				if k+1 < s.Last && isTimeWord(r.low(k+1)) {
					return k
				}
			}
		}
		if l == "as" && k > a && r.reportClause(s, k) {
			return k
		}
	}
	// drop the final full stop of indirect speech (kept inside a closing quote mark)
	for end > a && r.d.Tokens[end-1].Kind == text.Punct && r.isFinalPunct(end-1) {
		end--
	}
	return end
}

func (r *run) isFinalPunct(k int) bool {
	switch r.low(k) {
	case ".", ";", ":", ",", "!", "?", "...", "…":
		return true
	}
	return false
}

// reportClause reports whether "as" at k opens "as X (had earlier) reported/said".
func (r *run) reportClause(s text.Sentence, k int) bool {
	if r.low(k) != "as" {
		return false
	}
	for j := k + 1; j < s.Last && j-k < 8; j++ {
		if v, ok := r.f.speech.Lookup(r.low(j)); ok && (v.Form == lexicon.Past || v.Form == lexicon.PastParticiple || v.Form == lexicon.ThirdSingular) {
			return true
		}
		if r.low(j) == "," {
			return false
		}
	}
	return false
}

// trailingAttribution reports whether tokens from k are "X said." or
// "X reported." or "said X." ending the sentence (a second attribution).
func (r *run) trailingAttribution(s text.Sentence, k int) bool {
	if k >= s.Last {
		return false
	}
	if v, ok := r.f.speech.Lookup(r.low(k)); ok && v.Frames&lexicon.FrameInverted != 0 && v.Form == lexicon.Past || ok && v.Form == lexicon.ThirdSingular && v.Frames&lexicon.FrameInverted != 0 {
		np := r.nounPhraseAt(s, k+1)
		return np.ok && r.endsClause(s, r.skipAppositive(s, np.last))
	}
	np := r.nounPhraseAt(s, k)
	if !np.ok {
		return false
	}
	j := np.last
	for j < s.Last && isInterposed(r.low(j)) {
		j++
	}
	if j < s.Last {
		if v, ok := r.f.speech.Lookup(r.low(j)); ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular) {
			return true
		}
	}
	return false
}

func (r *run) endsClause(s text.Sentence, k int) bool {
	return k >= s.Last || r.low(k) == "," || r.low(k) == "." || r.low(k) == ";" || r.kind(k) == text.Punct
}

// setContent fills the content span of q for tokens [a, b).
func (r *run) setContent(q *found, a, b int) {
	// outer quotation marks are not content
	if r.kind(a) == text.OpenQuote || r.kind(a) == text.StraightQuote {
		if p := r.pairAt(a); p != nil && (p.close == b || p.close == b-1 || p.close < 0 && p.last >= b) {
			if p.close == b-1 || p.close == b {
				b = p.close
			}
			a++
			q.direct = true
		}
	}
	for b > a && (r.kind(b-1) == text.OpenQuote || r.kind(b-1) == text.StraightQuote && r.pairAt(b-1) != nil) {
		b--
	}
	if b <= a {
		q.cFirst, q.cLast = a, a
		return
	}
	q.cFirst, q.cLast = a, b
	q.content = parley.Span{Start: int(r.d.Tokens[a].Start), End: int(r.d.Tokens[b-1].End)}
}

// contentBefore handles "CONTENT, X said." where sub is the first token of
// the attribution (the subject, or the inverted verb).
func (r *run) contentBefore(si, sub int, q *found) {
	s := r.d.Sentences[si]
	c := sub - 1
	// pass over a role phrase in front of the speaker's name:
	// "…, senior aide to Vladimir Putin and member of the Russian delegation Yury Ushakov told reporters"
	if ref := r.ents.RefAt(sub); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
		for c >= s.First && c > sub-20 && r.rolePhraseToken(c) {
			c--
		}
		// "…,” former FBI agent Timothy Gill explained": a short description of any words
		if c >= s.First && !(r.low(c) == "," || r.kind(c) == text.Dash || r.kind(c) == text.CloseQuote || r.kind(c) == text.StraightQuote) {
			for k := c; k >= s.First && k > sub-8; k-- {
				if r.low(k) == "," || r.kind(k) == text.CloseQuote || r.kind(k) == text.StraightQuote {
					c = k
					break
				}
				if !r.isWord(k) && r.kind(k) != text.Possessive || r.isSpeechWord(k) {
					break
				}
			}
		}
	}
	// the attribution must be set off from its content: "…, X said", "“…” X said", "… — X said"
	if c < s.First && s.First > 0 && (r.kind(s.First-1) == text.CloseQuote || r.kind(s.First-1) == text.StraightQuote) {
		// “… Donald J. Trump!” US Senator Jeff Sessions said: the quotation ended the previous sentence
		if p := r.pairClosingAt(s.First - 1); p != nil && p.para == s.Para {
			r.setContent(q, p.first, p.last)
			q.direct = true
			r.cueUsed[q.cue] = true
			r.add(*q)
		}
		return
	}
	if c < s.First || !(r.low(c) == "," || r.kind(c) == text.Dash || r.kind(c) == text.CloseQuote || r.kind(c) == text.StraightQuote) {
		return
	}
	for c >= s.First && (r.low(c) == "," || r.kind(c) == text.Dash) {
		c--
	}
	if c < s.First {
		// the attribution opens the sentence without content: maybe the quote is in the previous sentence(s)
		return
	}
	end := c + 1
	// a closing quotation mark right before: the content is the quotation
	if r.kind(c) == text.CloseQuote || r.kind(c) == text.StraightQuote {
		if p := r.pairClosingAt(c); p != nil {
			from, afterCue := s.First, false
			for k := p.open - 1; k > s.First; k-- {
				if r.cueUsed[k] {
					from, afterCue = k+1, true
					break
				}
			}
			if !afterCue && p.open > from && r.wordsIn(from, p.open) >= 3 && r.d.SentenceOf(p.open) == si && !r.endsWithCue(from, p.open) &&
				r.kind(p.open-1) != text.Dash && r.low(p.open-1) != ":" {
				// "Nabisco issued a notice and “that group is leaving,” said X": mixed, from the sentence start
				r.setContent(q, from, p.close+1)
				r.cueUsed[q.cue] = true
				r.add(*q)
				return
			}
			r.setContent(q, p.first, p.last)
			q.direct = true
			r.cueUsed[q.cue] = true
			r.add(*q)
			// a sentence that goes on after the cue: “A,” he said, “B.” — handled by the direct pass
			return
		}
	}
	start := s.First
	// content starts after an earlier attribution in the same sentence
	for k := c; k > s.First; k-- {
		if r.cueUsed[k] {
			start = k + 1
			break
		}
	}
	// skip sentence-initial connectives
	for start < end && r.isWord(start) && (r.low(start) == "but" || r.low(start) == "and" || r.low(start) == "so") && r.low(start+1) != "," {
		break
	}
	// the content after the attribution may continue: "A, X said, B."
	after := q.cueEnd
	if inv := r.skipAppositive(s, after); inv > after && inv < s.Last && r.low(inv) == "," {
		after = inv // "And Trump, said Sunshine, who remains friendly with her, doesn't forgive"
	}
	extended := false
	if after < s.Last && r.low(after) == "," {
		if next := after + 1; next < s.Last && !r.isGerundCue(next) && r.low(next) != "according" {
			if e := r.contentEnd(s, next, false); e > next+2 {
				end = e
				extended = true
			}
		}
	}
	if c+1-start < 3 && !extended {
		return
	}
	r.setContent(q, start, end)
	r.cueUsed[q.cue] = true
	r.add(*q)
}

// rolePhraseToken reports whether token k may belong to a role phrase in
// front of a name ("senior aide to Vladimir Putin and member of the delegation").
func (r *run) rolePhraseToken(k int) bool {
	if r.kind(k) == text.Possessive {
		return true
	}
	if !r.isWord(k) {
		return false
	}
	l := r.low(k)
	switch l {
	case "of", "to", "for", "the", "and", "at", "in":
		return true
	}
	return r.f.roles.Is(l, lexicon.RoleNoun|lexicon.RoleMod|lexicon.Body|lexicon.Title) || r.d.Tokens[k].Is(text.Cap) || r.ents.RefAt(k) != nil
}

// speechVerbWithin reports whether a finite speech verb occurs in [a, a+n).
func (r *run) speechVerbWithin(s text.Sentence, a, n int) bool {
	for k := a; k < s.Last && k < a+n; k++ {
		if v, ok := r.f.speech.Lookup(r.low(k)); ok && v.Form != lexicon.Gerund && v.Frames != 0 {
			return true
		}
	}
	return false
}

// isFiniteSpeechVerb reports a speech verb in the past or third person.
func (r *run) isFiniteSpeechVerb(k int) bool {
	v, ok := r.f.speech.Lookup(r.low(k))
	return ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular)
}

func (r *run) isSpeechWord(k int) bool {
	_, ok := r.f.speech.Lookup(r.low(k))
	return ok
}

// endsWithCue reports whether [a, b) ends in an attribution that introduces
// the quotation ("He said:", "X told reporters,"), which then stands alone.
func (r *run) endsWithCue(a, b int) bool {
	for k := b - 1; k >= a && k > b-8; k-- {
		if r.isSpeechWord(k) || r.low(k) == "according" {
			return true
		}
	}
	return false
}

func (r *run) isGerundCue(k int) bool {
	v, ok := r.f.speech.Lookup(r.low(k))
	return ok && v.Form == lexicon.Gerund && v.Frames != 0
}

// participle handles ", adding that CONTENT", ", saying CONTENT".
func (r *run) participle(si, v int, verb lexicon.Verb) {
	s := r.d.Sentences[si]
	if v == s.First {
		return
	}
	var sp speaker
	if ref := r.ents.RefAt(v - 1); ref != nil && ref.Kind == parley.NameMention && r.ents.Entities[ref.Entity].Type == parley.Person && r.withBefore(s, ref.First) {
		// "with Jordanian Foreign Minister Ayman Safadi warning of …"
		sp = speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
	} else if r.low(v-1) != "," && r.low(v-1) != "and" && !isSubordinator(r.low(v-1)) {
		return
	}
	// the speaker is the speaker of the attribution earlier in the sentence
	if !sp.ok {
		sp = r.previousSpeaker(s, v)
	}
	if !sp.ok {
		// or the subject that opens the sentence: "The US welcomed the exchange, saying …"
		sp = r.sentenceSubject(s, v)
	}
	if !sp.ok {
		if ref := r.firstPersonRef(s.First, v); ref != nil {
			sp = speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	if !sp.ok {
		return
	}
	q := found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para}
	if verb.Lemma == "call" {
		if r.callNamed(s, v, &q) {
			r.add(q) // ", calling the Fox News chief ''brilliant''"
		}
		return
	}
	a := v + 1
	if verb.Frames&(lexicon.FrameObject|lexicon.FrameInf|lexicon.FrameOf) != 0 {
		if ad := r.nounPhraseAt(s, a); ad.ok && ad.last > a && r.low(a) != "that" {
			q.addressee, q.addresseeEn = r.spanText(ad.first, ad.last), ad.entity
			a = ad.last
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
	case a+1 < s.Last && (r.low(a) == "," || r.low(a) == ":") && (r.kind(a+1) == text.OpenQuote || r.kind(a+1) == text.StraightQuote):
		start = a + 1 // "telling reporters, “…”"
		if end := r.quotationEnd(s, start, r.contentEnd(s, start, false)); end > start+1 {
			r.setContent(&q, start, end)
			r.cueUsed[v] = true
			r.add(q)
		}
		return
	case a < s.Last && (r.kind(a) == text.OpenQuote || r.kind(a) == text.StraightQuote):
		if end := r.quotationEnd(s, a, r.contentEnd(s, a, false)); end > a+1 {
			r.setContent(&q, a, end)
			r.cueUsed[v] = true
			r.add(q)
		}
		return
	case r.clauseStart(a) && verb.Frames&lexicon.FrameThat != 0:
	case verb.Frames&lexicon.FrameNoun != 0 && a < s.Last && r.isWord(a):
		noun = true
	default:
		return
	}
	end := r.contentEnd(s, start, noun)
	if end-start < 2 {
		return
	}
	r.setContent(&q, start, end)
	r.cueUsed[v] = true
	r.add(q)
}

// withBefore reports whether the phrase at k is the subject of an absolute
// construction: "with Jordanian Foreign Minister Ayman Safadi warning of …".
func (r *run) withBefore(s text.Sentence, k int) bool {
	for j := k - 1; j >= s.First && k-j < 8; j-- {
		if r.low(j) == "with" {
			return true
		}
		if !r.isWord(j) || !(r.d.Tokens[j].Is(text.Cap) || r.f.roles.Is(r.low(j), lexicon.RoleMod|lexicon.RoleNoun)) {
			return false
		}
	}
	return false
}

// previousSpeaker returns the speaker of the last attribution before v in
// the same sentence.
func (r *run) previousSpeaker(s text.Sentence, v int) speaker {
	ix := r.byPara[s.Para]
	for _, k := range slicesBackward(ix) {
		q := r.out[k]
		if q.cue < s.First || q.cue >= v {
			continue
		}
		// the outermost attribution: "X said Washington had concluded …, saying" continues X
		nested := false
		for _, o := range ix {
			if o != k && r.out[o].cFirst <= q.cue && q.cue < r.out[o].cLast && r.out[o].cue < q.cue {
				nested = true
				break
			}
		}
		if !nested {
			return q.sp
		}
	}
	return speaker{}
}

// slicesBackward returns the indices in reverse order.
func slicesBackward(ix []int) []int {
	out := make([]int, len(ix))
	for i, k := range ix {
		out[len(ix)-1-i] = k
	}
	return out
}

// sentenceSubject reads the noun phrase that opens the sentence, when a
// verb follows it before v.
func (r *run) sentenceSubject(s text.Sentence, v int) speaker {
	a := s.First
	// a dateline: "WASHINGTON — …", "MOSCOW (Reuters) -"
	for k := a; k < v && k-a < 6; k++ {
		if r.kind(k) == text.Dash {
			if r.d.Tokens[a].Is(text.AllCaps) {
				a = k + 1
			}
			break
		}
	}
	for a < v && r.isWord(a) && (r.low(a) == "but" || r.low(a) == "and" || r.low(a) == "meanwhile") {
		a++
	}
	if a < v && r.low(a) == "," {
		a++
	}
	// "In October, Rep. David McKinley …": an opening phrase set off by a comma
	if a < v && isPreposition(r.low(a)) {
		for b := a; b < v && b-a < 8; b++ {
			if r.low(b) == "," {
				a = b + 1
				break
			}
		}
	}
	sp := r.nounPhraseAt(s, a)
	if !sp.ok || sp.last >= v {
		return speaker{}
	}
	return sp
}

func (r *run) firstPersonRef(a, b int) *entity.Ref {
	for k := a; k < b; k++ {
		if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			return ref
		}
	}
	return nil
}

// accordingTo handles "according to X, CONTENT" and "CONTENT, according to X".
func (r *run) accordingTo(si, v int) {
	s := r.d.Sentences[si]
	if v > s.First && r.low(v-1) == "that" {
		return // inside reported content: the source of the speaker's source
	}
	sp := r.nounPhraseAt(s, v+2)
	if !sp.ok {
		// any noun phrase: "according to the 2009 paper", "according to one global index"
		sp = r.phraseUpTo(s, v+2)
	}
	if !sp.ok {
		return
	}
	if sp.entity < 0 && r.isDocumentNoun(r.low(sp.last-1)) {
		for k := s.First; k < v; k++ {
			if r.cueUsed[k] {
				return // "…, he told settler leaders, according to a statement": a channel, not a source
			}
		}
	}
	q := found{sp: sp, cue: v, cueEnd: v + 2, addresseeEn: -1, nestedIn: -1, para: s.Para}
	after := sp.last
	if v > s.First+1 {
		after = r.skipAppositive(s, sp.last) // "…, according to Jane Doe, the mayor, …"
	}
	// a channel: "according to a statement from the ministry"
	if v == s.First || (v == s.First+1 && r.low(s.First) == "but") || (v > s.First && r.low(v-1) != "," && r.kind(v-1) != text.Dash && after < s.Last && r.low(after) == ",") {
		// according to X, CONTENT
		start := after
		if start < s.Last && r.low(start) == "," {
			start++
		}
		end := r.contentEnd(s, start, false)
		if end-start < 3 {
			return
		}
		r.setContent(&q, start, end)
	} else {
		// CONTENT, according to X
		end := v
		for end > s.First && (r.low(end-1) == "," || r.kind(end-1) == text.Dash) {
			end--
		}
		start := s.First
		for k := end - 1; k > s.First; k-- {
			if r.cueUsed[k] {
				start = k + 1
				break
			}
		}
		// "Among the precedents at risk, according to Ms. Epstein, are 16 …": the sentence goes on
		if after < s.Last && r.low(after) == "," && after+1 < s.Last {
			if e := r.contentEnd(s, after+1, false); e > after+2 {
				end = e
			}
		}
		if end-start < 3 {
			return
		}
		r.setContent(&q, start, end)
	}
	q.cueEnd = v + 2
	r.cueUsed[v] = true
	r.add(q)
}

// phraseUpTo reads a plain noun phrase from a to the next comma or the end of
// the sentence (at most 12 tokens), for sources such as "the 2009 paper".
func (r *run) phraseUpTo(s text.Sentence, a int) speaker {
	b := a
	for b < s.Last && b-a < 12 && (r.isWord(b) || r.kind(b) == text.Number || r.kind(b) == text.Possessive || r.low(b) == "-") {
		b++
	}
	if b == a || b < s.Last && r.low(b) != "," && r.kind(b) != text.Punct && r.kind(b) != text.Dash {
		return speaker{}
	}
	sp := speaker{first: a, last: b, entity: -1, label: r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End], ok: true}
	for k := a; k < b; k++ {
		if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type != parley.Place {
			sp.entity = ref.Entity
			break
		}
	}
	return sp
}

// subject finds the speaker mention before the verb at v.
func (r *run) subject(s text.Sentence, v int) speaker {
	k := v - 1
	for k >= s.First && r.isWord(k) && isInterposed(r.low(k)) && r.ents.RefAt(k) == nil {
		k--
	}
	// "X on Tuesday said", "the court last week ruled"
	if k-1 >= s.First && isTimeWord(r.low(k)) {
		switch r.low(k - 1) {
		case "on", "last", "this", "next", "earlier", "late":
			k -= 2
			if k >= s.First && (r.low(k) == "earlier" || r.low(k) == "later") {
				k--
			}
		}
	}
	if k < s.First {
		return speaker{}
	}
	// "The justice -- who has been … -- said", "Sen. Lindsey Graham (R-S.C.) told"
	if r.kind(k) == text.Dash || r.low(k) == ")" {
		open := "("
		for j := k - 1; j > s.First && k-j < 30; j-- {
			if r.kind(k) == text.Dash && r.kind(j) == text.Dash || r.low(k) == ")" && r.low(j) == open {
				k = j - 1
				break
			}
		}
		if r.kind(k) == text.Dash || r.low(k) == ")" {
			return speaker{}
		}
	}
	// appositive or relative clause: "Kirill Dmitriev, another member of …, said"
	if r.low(k) == "," && k-1 >= s.First {
		j := k - 1
		for j >= s.First && r.low(j) != "," && k-j < 25 {
			j--
		}
		// "Sanders, meanwhile, who sits at zero endorsements, said": pass over more set-off phrases
		for hops := 0; hops < 2 && j-1 >= s.First && r.low(j) == "," && r.ents.RefAt(j-1) == nil && k-j < 30; hops++ {
			j2 := j - 1
			for j2 >= s.First && r.low(j2) != "," && j-j2 < 8 {
				j2--
			}
			if j2 < s.First || r.low(j2) != "," || j2-1 < s.First || r.ents.RefAt(j2-1) == nil {
				break
			}
			j = j2
		}
		// "Another member of the delegation, Kirill Dmitriev, said": the name between the commas
		if ref := r.ents.RefAt(k - 1); ref != nil && ref.Last == k && (ref.First == j+1 || ref.First == j+2 && r.low(j+1) == "the") && r.ents.Entities[ref.Entity].Type != parley.Place {
			return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
		}
		if j >= s.First && r.low(j) == "," && j-1 >= s.First {
			ref := r.ents.RefAt(j - 1)
			if ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
				return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
			}
			// "Tom Fitton, the president of Judicial Watch, a conservative group …, said":
			// a person further back names the speaker the organisation only describes
			if p := r.personBeforeCommas(s, j, k); p.ok {
				return p
			}
			if ref != nil && r.ents.Entities[ref.Entity].Type != parley.Place {
				return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
			}
			if sp := r.nounPhraseEndingAt(s, j-1); sp.ok {
				return sp
			}
		}
		return speaker{}
	}
	if r.low(k) == "who" {
		// "X, who …": the mention is "who", the speaker its antecedent
		sp := speaker{first: k, last: k + 1, entity: -1, label: "who", ok: true}
		if k-2 >= s.First && r.low(k-1) == "," {
			if ref := r.ents.RefAt(k - 2); ref != nil {
				sp.entity = ref.Entity
			}
		}
		return sp
	}
	if r.kind(k) == text.CloseQuote || r.kind(k) == text.StraightQuote || r.kind(k) == text.Punct {
		return speaker{}
	}
	if ref := r.ents.RefAt(k); ref != nil {
		e := r.ents.Entities[ref.Entity]
		if e.Type == parley.Place && (ref.Kind == parley.AdjMention || ref.First > s.First && isPreposition(r.low(ref.First-1))) {
			// "Russian officials said", "China’s ambassador to Britain said"
			if sp := r.nounPhraseEndingAt(s, k); sp.ok {
				return sp
			}
		}
		return r.withCoordination(s, speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true})
	}
	return r.nounPhraseEndingAt(s, k)
}

// personBeforeCommas looks back from the comma at j over up to three more
// set-off phrases for a person's name that ends right before a comma.
func (r *run) personBeforeCommas(s text.Sentence, j, k int) speaker {
	for hops := 0; hops < 3 && j > s.First && k-j < 45; hops++ {
		j2 := j - 1
		for j2 >= s.First && r.low(j2) != "," {
			j2--
		}
		if j2 < s.First+1 {
			return speaker{}
		}
		if ref := r.ents.RefAt(j2 - 1); ref != nil && ref.Last == j2 && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
		j = j2
	}
	return speaker{}
}

// withCoordination extends a person speaker over "A and B": "Rubio and
// Waltz told him" has two speakers.
func (r *run) withCoordination(s text.Sentence, sp speaker) speaker {
	k := sp.first - 1
	// pass over the role words and known names before the name ("US National Security Adviser")
	for k >= s.First && r.isWord(k) && (r.d.Tokens[k].Is(text.Cap) || r.f.roles.Is(r.low(k), lexicon.RoleNoun|lexicon.RoleMod)) && r.low(k) != "and" {
		if ref := r.ents.RefAt(k); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			break
		}
		k--
	}
	if k-1 >= s.First && r.low(k) == "and" {
		if ref := r.ents.RefAt(k - 1); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person && ref.Entity != sp.entity {
			sp.entities = append([]int{ref.Entity}, sp.entities...)
			if len(sp.entities) == 1 {
				sp.entities = append(sp.entities, sp.entity)
			}
		}
	}
	return sp
}

// pronouns that can be the subject of a speech verb.
func isSubjectPronoun(l string) bool {
	switch l {
	case "he", "she", "they", "we", "i", "it", "you":
		return true
	}
	return false
}

// nounPhraseEndingAt reads a source noun phrase that ends at token k:
// "he", "officials", "a senior official", "sources familiar with the talks",
// "the ministry", "Russian officials".
func (r *run) nounPhraseEndingAt(s text.Sentence, k int) speaker {
	if k < s.First || !r.isWord(k) && r.kind(k) != text.Number {
		return speaker{}
	}
	l := r.low(k)
	if isSubjectPronoun(l) {
		sp := speaker{first: k, last: k + 1, entity: -1, label: r.d.Tok(k), ok: true}
		if l == "it" || l == "they" {
			sp.entity = r.collectiveAntecedent(s, k)
		}
		return sp
	}
	// head noun, possibly followed by a post-modifier: "people familiar with the matter",
	// "a spokesman for the Senate Democratic campaign effort"
	head := -1
	for j := k; j >= s.First && k-j < 12; j-- {
		if !r.isWord(j) && r.kind(j) != text.Possessive && r.kind(j) != text.Number {
			break
		}
		lj := r.low(j)
		if r.f.roles.Is(lj, lexicon.SourceNoun|lexicon.RoleNoun) || lj == "percent" || lj == "half" || lj == "majority" || lj == "most" {
			if j == k || isPostModifier(r.low(j+1)) {
				head = j
				break
			}
		}
		if _, ok := r.f.speech.Lookup(lj); ok && j != k {
			break
		}
	}
	if head < 0 {
		// "the announcer said", "The billionaire real estate magnate says": any noun after a determiner
		for j := k; j >= s.First && k-j < 6; j-- {
			lj := r.low(j)
			if !r.isWord(j) || isFunction(lj) && !isDeterminer(lj) || r.isSpeechWord(j) && j != k {
				break
			}
			if isDeterminer(lj) && j < k && !r.d.Tokens[k].Is(text.Cap) {
				return speaker{first: j, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[j].Start:r.d.Tokens[k].End], ok: true}
			}
		}
		// "Israeli settlers": a plural noun after a name or nationality
		if k-1 >= s.First && strings.HasSuffix(l, "s") && !r.d.Tokens[k].Is(text.Cap) && r.ents.RefAt(k-1) != nil {
			ref := r.ents.RefAt(k - 1)
			return speaker{first: ref.First, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[ref.First].Start:r.d.Tokens[k].End], ok: true}
		}
		// "Article 33 affirms"
		if r.kind(k) == text.Number && k-1 >= s.First && r.d.Tokens[k-1].Is(text.Cap) && r.isWord(k-1) {
			return speaker{first: k - 1, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[k-1].Start:r.d.Tokens[k].End], ok: true}
		}
		// an unknown capitalised name: "Google said"
		if r.d.Tokens[k].Is(text.Cap) && !isFunction(l) {
			a := k
			for a-1 >= s.First && r.isWord(a-1) && r.d.Tokens[a-1].Is(text.Cap) {
				a--
			}
			if a == s.First && a == k && r.isFunctionCap(k) {
				return speaker{}
			}
			return speaker{first: a, last: k + 1, entity: -1, label: r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[k].End], ok: true}
		}
		return speaker{}
	}

	// determiners and modifiers before the head
	a := head
	for a-1 >= s.First && k-a < 14 {
		p := a - 1
		lp := r.low(p)
		if r.kind(p) == text.Possessive {
			a = p
			continue
		}
		if !r.isWord(p) && r.kind(p) != text.Number {
			break
		}
		if lp == "the" || lp == "a" || lp == "an" || lp == "some" || lp == "two" || lp == "three" || lp == "several" ||
			lp == "many" || lp == "other" || lp == "one" || lp == "its" || lp == "his" || lp == "her" || lp == "their" || lp == "another" || lp == "unnamed" || lp == "anonymous" {
			a = p
			continue
		}
		if r.f.roles.Is(lp, lexicon.RoleMod|lexicon.RoleNoun|lexicon.Body) || r.d.Tokens[p].Is(text.Cap) || r.ents.RefAt(p) != nil || r.kind(p) == text.Number {
			if _, ok := r.f.speech.Lookup(lp); ok {
				break
			}
			if isFunction(lp) {
				break
			}
			a = p
			continue
		}
		if strings.HasSuffix(lp, "-level") || strings.HasSuffix(lp, "-ranking") {
			a = p
			continue
		}
		break
	}
	sp := speaker{first: a, last: k + 1, entity: -1, ok: true}
	sp.label = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[k].End]
	// "Anthony Anton, president and CEO of the association, stated": the role describes the person before it
	if a-2 >= s.First && r.low(a-1) == "," && r.f.roles.Is(r.low(head), lexicon.RoleNoun) {
		if ref := r.ents.RefAt(a - 2); ref != nil && ref.Last == a-1 && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	// "the aide", "the minister": a nominal mention resolved by coreference
	if ref := r.ents.RefAt(head); ref != nil && ref.Kind == parley.NominalMention {
		sp.entity = ref.Entity
	} else if r.f.roles.Is(r.low(head), lexicon.RoleNoun) && !r.f.roles.Is(r.low(head), lexicon.SourceNoun) || r.low(head) == "spokesperson" || r.low(head) == "spokesman" || r.low(head) == "spokeswoman" {
		// "China’s ambassador to Britain": the one person the article gives that role
		if e, ok := r.personWithRole(sp.label, head); ok {
			sp.entity = e
		}
	}
	// "the statement said": a document speaks for whoever issued it
	if r.isDocumentNoun(r.low(head)) && head == k {
		if prev := r.lastSpeakerBefore(a, 3); prev.ok {
			prev.first, prev.last = sp.first, sp.last
			return prev
		}
	}
	// "the Pentagon spokesman": the organisation speaks through the spokesperson
	return sp
}

func (r *run) isDocumentNoun(l string) bool {
	switch l {
	case "statement", "report", "letter", "memo", "filing", "release", "document", "documents", "email":
		return true
	}
	return false
}

// lastSpeakerBefore returns the speaker of the last attribution that ends
// before token i, within n sentences.
func (r *run) lastSpeakerBefore(i, n int) speaker {
	si := r.d.SentenceOf(i)
	p := r.d.Sentences[si].Para
	for _, k := range slicesBackward(r.near(p, min(p, 2))) {
		q := r.out[k]
		if q.cLast <= i && si-r.d.SentenceOf(q.cFirst) <= n && (q.sp.entity >= 0 || q.sp.label != "") {
			if q.sp.entity >= 0 || !r.isDocumentNoun(strings.ToLower(q.sp.label)) {
				return q.sp
			}
		}
	}
	return speaker{}
}

// personWithRole finds the single person whose roles share the head noun and
// the other content words of label.
func (r *run) personWithRole(label string, head int) (int, bool) {
	hw := r.low(head)
	found := -1
	for i, e := range r.ents.Entities {
		if e.Type != parley.Person {
			continue
		}
		for _, role := range e.Roles {
			if roleMatches(role, label, hw) {
				if found >= 0 && found != i {
					return 0, false
				}
				found = i
			}
		}
	}
	return found, found >= 0
}

// roleMatches reports whether role contains the head word and every
// capitalised word of label ("China’s ambassador to Britain" ~ "China’s ambassador to Britain").
func roleMatches(role, label, head string) bool {
	rl := strings.ToLower(role)
	if !strings.Contains(" "+rl+" ", " "+head+" ") {
		return false
	}
	for _, w := range strings.Fields(label) {
		w = strings.TrimRight(w, ",.’'s")
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		if !strings.Contains(rl, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// collectiveAntecedent resolves "it" and "they" as a speaker: the
// organisation or group that opens the sentence, or the last such speaker,
// or the last organisation mentioned.
func (r *run) collectiveAntecedent(s text.Sentence, k int) int {
	if sp := r.sentenceSubject(s, k); sp.ok && sp.entity >= 0 && r.ents.Entities[sp.entity].Type == parley.Organization {
		return sp.entity
	}
	p := s.Para
	for _, j := range slicesBackward(r.near(p, min(p, 2))) {
		q := r.out[j]
		if q.cue >= k || r.d.SentenceOf(max(q.cue, q.cFirst)) < r.d.SentenceOf(k)-3 {
			continue
		}
		if q.sp.entity >= 0 && r.ents.Entities[q.sp.entity].Type == parley.Organization {
			return q.sp.entity
		}
	}
	for j := k - 1; j >= 0 && k-j < 120; j-- {
		if ref := r.ents.RefAt(j); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Organization {
			return ref.Entity
		}
	}
	return -1
}

// isPrepositionalIng reports -ing words that work as prepositions and keep
// a clause going: ", including calling for a debate".
func isPrepositionalIng(l string) bool {
	switch l {
	case "including", "according", "regarding", "concerning", "following", "during", "notwithstanding",
		"excluding", "involving", "considering", "pending", "barring", "nothing", "something", "anything", "everything":
		return true
	}
	return false
}

// isSubordinator reports words that make a gerund part of the speaker's own
// clause: "responded before adding that …", "by interjecting, “…”".
func isSubordinator(l string) bool {
	switch l {
	case "before", "after", "by", "while", "when", "without":
		return true
	}
	return false
}

func isPreposition(l string) bool {
	switch l {
	case "of", "to", "for", "with", "by", "from", "about", "against", "on", "in", "at", "into", "under", "over":
		return true
	}
	return false
}

func isPostModifier(l string) bool {
	switch l {
	case "familiar", "close", "with", "who", "briefed", "involved", "knowledgeable", "in", "at", "from", "of",
		"for", "speaking", "on", "told", "aware", "inside", "near", "within", "working", "based", "to":
		return true
	}
	return false
}

func isDeterminer(l string) bool {
	switch l {
	case "the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "that":
		return true
	}
	return false
}

// genericNP returns the end of a plain noun phrase at a ("the cheering
// crowd", "a packed college gym in Jacksonville"), or a when there is none.
func (r *run) genericNP(s text.Sentence, a int) int {
	if a >= s.Last || !r.isWord(a) {
		return a
	}
	if !isDeterminer(r.low(a)) {
		// a bare plural: "told donors", "told settler leaders on Tuesday"
		b := a
		for b < s.Last && b-a < 4 && r.isWord(b) && !isFunction(r.low(b)) && !isPreposition(r.low(b)) && !r.isSpeechWord(b) && !r.d.Tokens[b].Is(text.Cap) {
			b++
			if strings.HasSuffix(r.low(b-1), "s") && (b >= s.Last || !r.isWord(b) || isPreposition(r.low(b)) || r.low(b) == "that") {
				return b
			}
		}
		return a
	}
	b := a + 1
	for b < s.Last && b-a < 6 && r.isWord(b) && !isFunction(r.low(b)) && !r.isSpeechWord(b) {
		b++
	}
	if b == a+1 {
		return a
	}
	return b
}

func isFunction(l string) bool {
	switch l {
	case "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "as", "that",
		"this", "it", "is", "was", "if", "when", "while", "after", "before", "so", "then", "there", "here":
		return true
	}
	return false
}

func (r *run) isFunctionCap(k int) bool { return isFunction(r.low(k)) || isSubjectPronoun(r.low(k)) }

// nounPhraseAt reads the speaker or addressee noun phrase that starts at a:
// an entity mention, a pronoun, or a source noun phrase ("the minister",
// "reporters", "a senior official who …").
func (r *run) nounPhraseAt(s text.Sentence, a int) speaker {
	if a >= s.Last || !r.isWord(a) {
		return speaker{}
	}
	if ref := r.ents.RefAt(a); ref != nil && r.ents.Entities[ref.Entity].Type != parley.Person {
		// "White House Press Secretary Stephanie Grisham": the person the role phrase names
		for b := ref.Last; b < s.Last && b-ref.Last < 6; b++ {
			if p := r.ents.RefAt(b); p != nil && r.ents.Entities[p.Entity].Type == parley.Person {
				return speaker{first: p.First, last: p.Last, entity: p.Entity, ok: true}
			}
			if !r.isWord(b) || !(r.d.Tokens[b].Is(text.Cap) || r.f.roles.Is(r.low(b), lexicon.RoleNoun|lexicon.RoleMod)) {
				break
			}
		}
	}
	if ref := r.ents.RefAt(a); ref != nil {
		// "US media", "Hong Kong police": a place in front of a noun is a modifier
		if !(r.ents.Entities[ref.Entity].Type == parley.Place && ref.Last < s.Last && r.isWord(ref.Last) && r.f.roles.Is(r.low(ref.Last), lexicon.SourceNoun|lexicon.RoleNoun|lexicon.Body|lexicon.RoleMod)) && !(ref.Last < s.Last && r.low(ref.Last) == "media") {
			return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	l := r.low(a)
	// "said Mr. Schmidt", "said Sen. Sanders": a title before the name
	if r.f.roles.Is(l, lexicon.Title|lexicon.RoleNoun) && a+1 < s.Last {
		b := a + 1
		if r.low(b) == "." {
			b++
		}
		if ref := r.ents.RefAt(b); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
			return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
		}
	}
	switch l {
	case "him", "her", "them", "me", "us", "he", "she", "they", "it", "reporters", "journalists", "lawmakers", "parliament", "congress":
		return speaker{first: a, last: a + 1, entity: -1, label: r.d.Tok(a), ok: true}
	}
	// "undecided Republican voter Stephanie Hooton": descriptive words, then the person
	for b := a; b < s.Last && b-a < 6; b++ {
		if ref := r.ents.RefAt(b); ref != nil && b > a {
			if r.ents.Entities[ref.Entity].Type == parley.Person {
				return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
			}
			continue
		}
		if !r.isWord(b) || isFunction(r.low(b)) && b > a || r.isSpeechWord(b) {
			break
		}
	}
	// determiner + modifiers + head, then the entity inside if any
	b := a
	head := -1
	for b < s.Last && b-a < 8 {
		if r.kind(b) == text.Possessive {
			b++
			continue
		}
		if !r.isWord(b) {
			break
		}
		lb := r.low(b)
		if ref := r.ents.RefAt(b); ref != nil {
			if r.ents.Entities[ref.Entity].Type == parley.Person {
				return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
			}
			if r.ents.Entities[ref.Entity].Type == parley.Organization && head < 0 && (ref.Last >= s.Last || !r.isWord(ref.Last) || !r.f.roles.Is(r.low(ref.Last), lexicon.RoleNoun|lexicon.SourceNoun)) {
				return speaker{first: a, last: ref.Last, entity: ref.Entity, ok: true}
			}
			b = ref.Last
			continue
		}
		if r.f.roles.Is(lb, lexicon.SourceNoun|lexicon.RoleNoun) {
			head = b
			b++
			// a name right after the role: "the minister Sergey Lavrov"
			continue
		}
		if lb == "the" || lb == "a" || lb == "an" || r.f.roles.Is(lb, lexicon.RoleMod|lexicon.Body) || r.d.Tokens[b].Is(text.Cap) || lb == "one" || lb == "two" || lb == "several" || lb == "some" || lb == "other" || lb == "another" || lb == "unnamed" {
			if head >= 0 {
				break
			}
			b++
			continue
		}
		break
	}
	if head < 0 {
		// "The US welcomed …": a determiner and a name stand for the name
		if b > a {
			if ref := r.ents.RefAt(b - 1); ref != nil && ref.Last == b && r.ents.Entities[ref.Entity].Type != parley.Person {
				return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}
			}
		}
		return speaker{}
	}
	end := head + 1
	// post-modifiers: "familiar with the talks", "who spoke on condition of anonymity"
	if end < s.Last {
		switch r.low(end) {
		case "familiar", "close", "with", "briefed", "involved", "knowledgeable", "who", "speaking":
			for end < s.Last && r.kind(end) != text.Punct && r.kind(end) != text.Dash && r.low(end) != "that" && end-head < 14 {
				if _, ok := r.f.speech.Lookup(r.low(end)); ok && r.low(end) != "spoke" && r.low(end-1) != "who" {
					break
				}
				end++
			}
		}
	}
	sp := speaker{first: a, last: end, entity: -1, ok: true}
	sp.label = r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[end-1].End]
	return sp
}

// skipAppositive passes ", the former governor of Minnesota," after a speaker.
func (r *run) skipAppositive(s text.Sentence, a int) int {
	if a < s.Last && r.low(a) == "," && a+1 < s.Last {
		switch r.low(a + 1) {
		case "the", "a", "an", "who", "another", "his", "her", "its", "their":
			for b := a + 1; b < s.Last && b-a < 25; b++ {
				if r.low(b) == "," {
					return b
				}
			}
			return s.Last
		}
	}
	return a
}

// spanText returns the text of tokens [a, b).
func (r *run) spanText(a, b int) string {
	return r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End]
}

func (r *run) channelOf(sp speaker) string {
	if sp.entity >= 0 {
		e := r.ents.Entities[sp.entity]
		if e.Type == parley.Organization && (e.Kind == string(parley.Media) || e.Kind == string(parley.Platform)) {
			return e.Name
		}
		return ""
	}
	switch strings.ToLower(sp.label) {
	case "reporters", "journalists":
		return "reporters"
	}
	return ""
}
