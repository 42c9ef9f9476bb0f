// Package quote finds attributions of speech and writing in an article —
// direct, indirect and mixed quotes — with their speaker, cue, channel,
// relaying outlet, addressee and nesting.
//
// It reads the tokens of package text and the entity layer of package
// entity, and the tags and parse of package syntax where a cue is
// ambiguous. Each speech verb is read in steps (cue.go): is it a cue here,
// its source, what stands between it and its content, the content. The
// patterns are the ones news copy uses:
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
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
)

// Finder finds quotes. It is safe for concurrent use.
type Finder struct {
	speech *lexicon.Speech
	roles  *lexicon.Roles
	// parsers tag the sentences of ambiguous cues (WithSyntax); nil reads
	// every form the lexicon lists as a verb.
	parsers *sync.Pool
	// attitudes are the verbs of belief, wish and evidence (WithAttitudes); nil finds none.
	attitudes *lexicon.Attitudes
}

// NewFinder returns a Finder using the given lexicons.
func NewFinder(speech *lexicon.Speech, roles *lexicon.Roles) *Finder {
	return &Finder{speech: speech, roles: roles}
}

// speaker is the source an attribution names.
type speaker struct {
	first, last int // token range of the mention the cue attaches to
	// lead is the number of tokens before first that open the same noun
	// phrase: the role set off before the name in "Clinton's campaign
	// chairman, John Podesta, said" (the speaker span covers them).
	lead     int
	entity   int // index into entity.Result.Entities, or -1
	entities []int
	label    string // text for unnamed sources
	ok       bool
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
	f    *Finder
	d    *parley.Doc
	ents *mentionView
	out  []found
	// resolving is set while a pronoun speaker's antecedent is sought, whose
	// search reads the sentence's subject: that pronoun again
	resolving bool
	// byPara indexes out by paragraph, so that lookups stay local in long documents
	byPara map[int][]int
	pairs  []qpair
	// used cue tokens
	cueUsed map[int]bool
	// listParas are the paragraphs read as entries of a list ("Name: details")
	listParas map[int]bool
	// quotedParas are the paragraphs that hold a quotation mark pair
	quotedParas map[int]bool
	// turns is 1 when the document is a transcript of speakers in capitals, -1 when it is not, 0 before it is known
	turns  int
	parser *syntax.Parser // taken from the Finder's pool at the first ambiguous cue
	words  []syntax.Word
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
func (r *run) low(i int) string { return r.d.Lower(i) }

// kind returns the kind of token i (Punct outside the text).
func (r *run) kind(i int) parley.TokenKind {
	if i < 0 || i >= len(r.d.Tokens) {
		return parley.Punct
	}
	return r.d.Tokens[i].Kind
}

func (r *run) isWord(i int) bool { return r.kind(i) == parley.Word }

// Find finds the quotes of d and sets d.Quotes, in text order. It reads the
// tokens, quotation marks and entity mentions of d; an unnamed source
// ("sources familiar with the talks") becomes a GROUP entity, so that every
// quote with a source refers to an entity.
func (f *Finder) Find(d *parley.Doc) {
	r := &run{f: f, d: d, ents: newMentionView(d), cueUsed: map[int]bool{}, byPara: map[int][]int{}, listParas: map[int]bool{}}
	r.pairs = make([]qpair, len(d.QuotePairs))
	r.quotedParas = make(map[int]bool)
	for i, p := range d.QuotePairs {
		r.pairs[i] = qpair{open: p.Open, close: p.Close, first: p.First, last: p.Last, para: p.Para}
		r.quotedParas[p.Para] = true
	}
	for si, s := range d.Sentences {
		if !r.heading(s.Para) {
			r.sentence(si)
		}
	}
	r.release()
	r.reportedBy()
	r.directQuotes()
	r.resolveDescriptions()
	d.Attitudes = r.attitudes()
	r.release()
	d.Quotes = r.emit()
	groupSources(d)
}

// groupSources gives each unnamed source of d's quotes a GROUP entity, one
// per label, with the speaker span as its mention.
func groupSources(d *parley.Doc) {
	groups := map[string]parley.EntityRef{}
	var ms []parley.Mention
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if q.Speaker != 0 || q.SpeakerName == "" || !q.Anonymous {
			continue
		}
		key := strings.ToLower(q.SpeakerName)
		ref, ok := groups[key]
		if !ok {
			ref = d.AddEntity(parley.Entity{Type: parley.Group, Name: q.SpeakerName})
			groups[key] = ref
		}
		ms = append(ms, parley.Mention{Span: q.SpeakerSpan, First: int32(d.TokenAt(q.SpeakerSpan.Start)),
			Last: int32(d.TokenAt(q.SpeakerSpan.End-1) + 1), Entity: ref, Kind: parley.NominalMention})
		q.Speaker = ref
	}
	d.AddMentions(ms...)
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

// pairAround returns the pair whose marks enclose token i, or nil.
func (r *run) pairAround(i int) *qpair {
	k := sort.Search(len(r.pairs), func(k int) bool { return r.pairs[k].open >= i })
	if k > 0 && r.pairs[k-1].first <= i && i < r.pairs[k-1].last {
		return &r.pairs[k-1]
	}
	return nil
}

// closesUp reports whether the pair's closing mark follows the word or
// punctuation before it with no space, as a closing mark does.
func (r *run) closesUp(p *qpair) bool {
	return p.close > 0 && p.close < len(r.d.Tokens) && r.d.Tokens[p.close].Start == r.d.Tokens[p.close-1].End
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
			r.accordingTo(si, v, 2)
			continue
		}
		if l == "per" && v > s.First && r.low(v-1) == "," && v+1 < s.Last && (r.low(v+1) == "the" || r.ents.RefAt(v+1) != nil) {
			r.accordingTo(si, v, 1) // ", per the WHO, …": set off, before a source (not "per cent", "per year")
			continue
		}
		if (speechNouns[l] || voicedNouns[l]) && r.nounCue(si, v) {
			continue
		}
		verb, ok := r.f.speech.Lookup(l)
		if !ok && l == "put" && r.low(v+1) == "it" && (r.low(v+2) == ":" || r.low(v+2) == "," || r.low(v+2) == "." || r.kind(v+2) == parley.Dash) {
			// "as Tom Ridge put it: “…”", "…, as one aide put it."
			verb, ok = lexicon.Verb{Lemma: "put it", Form: lexicon.Past, Frames: lexicon.FrameThat | lexicon.FrameInverted}, true
		}
		if !ok {
			verb, ok = r.madeClear(s, v) // "made it clear that …"
		}
		if !ok || verb.Frames == 0 {
			continue
		}
		if r.ents.RefAt(v) != nil || v > s.First && r.d.Tokens[v].Is(parley.Cap) && r.kind(v-1) != parley.OpenQuote && !r.headlineCue(v) {
			continue // part of a name: "United States", "Post"
		}
		if (verb.Form == lexicon.ThirdSingular || verb.Form == lexicon.Base) && !r.headlineCue(v) && !r.opensQuotation(v) && !r.taggedVerb(si, v) {
			continue // a plural noun: "the four states", "his remarks"
		}
		if v == s.First && r.openingCue(s, v, verb) {
			continue // "Said Comey, “…”"
		}
		r.cue(si, v, verb)
	}
}

// openingCue reads a sentence that opens with an inverted cue, its
// source, a comma or colon and a quotation: "Said Comey, “…”", "Says the
// report: “…”". It reports whether it added the quote.
func (r *run) openingCue(s parley.Sentence, v int, verb lexicon.Verb) bool {
	if verb.Frames&lexicon.FrameInverted == 0 || verb.Form != lexicon.Past && verb.Form != lexicon.ThirdSingular {
		return false
	}
	sp := r.nounPhraseAt(s, v+1)
	if !sp.ok || sp.last >= s.Last {
		return false // (the quotation may open the next paragraph: "Stated Stone:")
	}
	a := r.skipAppositive(s, sp.last)
	if l := r.low(a); l != "," && l != ":" {
		return false
	}
	p := r.pairAt(a + 1)
	if p == nil || p.close < 0 {
		return false
	}
	q := found{sp: sp, cue: v, cueEnd: v + 1, addresseeEn: -1, nestedIn: -1, para: s.Para, direct: true}
	r.setContent(&q, p.first, p.last)
	r.cueUsed[v] = true
	r.add(q)
	return true
}

// madeClear reads "made (it) clear that …" at v as one speech verb: a
// form of "make" with "clear" right after it or after "it", and "that"
// next.
func (r *run) madeClear(s parley.Sentence, v int) (lexicon.Verb, bool) {
	l := r.low(v)
	if !makeForms[l] {
		return lexicon.Verb{}, false
	}
	form := lexicon.Base
	switch {
	case strings.HasSuffix(l, "ing"):
		form = lexicon.Gerund
	case strings.HasSuffix(l, "s"):
		form = lexicon.ThirdSingular
	case strings.HasSuffix(l, "de"):
		form = lexicon.Past
	}
	k := v + 1
	if k < s.Last && r.low(k) == "it" {
		k++
	}
	if k+1 >= s.Last || r.low(k) != "clear" || r.low(k+1) != "that" {
		return lexicon.Verb{}, false
	}
	return lexicon.Verb{Lemma: "make clear", Form: form, Frames: lexicon.FrameThat | lexicon.FrameThatOnly}, true
}

// quotedAttribution reports whether the speech verb at v, inside a direct
// quotation, attributes a that-clause to someone the quotation names:
// "“Ambassador Volker confirmed under oath that he had no indication …,”
// Grisham said" reports Volker's words inside Grisham's. The verb follows
// the name of a person or organisation and a "that" follows within a few
// words; the rest of a quotation's verbs are its speaker's own words.
func (r *run) quotedAttribution(s parley.Sentence, v int) bool {
	ref := r.ents.RefAt(v - 1)
	if ref == nil || ref.Kind != parley.NameMention || r.ents.Entities[ref.Entity].Type == parley.Place {
		return false
	}
	for k := v + 1; k < s.Last && k <= v+4; k++ {
		switch {
		case r.low(k) == "that":
			return true
		case !r.isWord(k):
			return false
		}
	}
	return false
}

// opensQuotation reports whether the word at v is followed by a comma or
// colon and a quotation mark (", Doctor asks, “…"): a cue whatever the
// tagger makes of it inside the quotation's marks.
func (r *run) opensQuotation(v int) bool {
	if l := r.low(v + 1); l != "," && l != ":" || v+2 >= len(r.d.Tokens) {
		return false
	}
	k := r.kind(v + 2)
	return k == parley.OpenQuote || k == parley.StraightQuote
}

func (r *run) indexOf(a, b int, tok string) int {
	for k := a; k < b; k++ {
		if r.low(k) == tok {
			return k
		}
	}
	return -1
}

// heading reports whether paragraph p is a heading, byline, caption or
// label of a longer document, which restates the body's attributions in
// telegraphic words: not a text of one paragraph (a line given to the CLI
// or the API), nor a line with a quotation in it.
func (r *run) heading(p int) bool {
	return r.d.Paragraphs[p].Structure && len(r.d.Paragraphs) > 1 && !r.quotedParas[p]
}

// headlineCue reports "Says" right after a name in a title-case line:
// "Chris Christie Says He Would Issue A Quarantine".
func (r *run) headlineCue(v int) bool {
	ref := r.ents.RefAt(v - 1)
	return ref != nil && ref.Last == v && headlineCues[r.low(v)]
}

// invertedAtEnd reports whether the cue at v is followed by a person's
// name that closes the sentence, alone or with an apposition (", said Lt.
// Ann Roe, police spokeswoman."): the speaker is after the cue, whatever
// name stands before it.
func (r *run) invertedAtEnd(s parley.Sentence, v int) bool {
	k := v + 1
	ref := r.ents.RefAt(k)
	for ref == nil && k < s.Last && k-v <= 3 && (r.f.roles.Is(strings.TrimSuffix(r.low(k), "."), lexicon.Title) || r.low(k) == ".") {
		k++ // a title the mention leaves out
		ref = r.ents.RefAt(k)
	}
	if ref == nil || ref.First != k && ref.First != v+1 || r.ents.Entities[ref.Entity].Type != parley.Person {
		return false
	}
	k = ref.Last
	if k < s.Last && r.low(k) == "," {
		for k++; k < s.Last && k-ref.Last <= 12 && (r.isWord(k) || r.kind(k) == parley.Possessive); k++ {
			// a verb, not the capitalised word of a name ("editor of Microprocessor Report")
			if _, ok := r.f.speech.Lookup(r.low(k)); ok && !r.d.Tokens[k].Is(parley.Cap) || r.low(k) == "who" || r.low(k) == "that" {
				return false
			}
		}
	}
	return k == s.Last || k == s.Last-1 && r.kind(k) == parley.Punct && r.low(k) != ","
}

// quotedAs returns the index of the auxiliary in "X was quoted as saying"
// when v is the gerund of such a construction, else -1.
func (r *run) quotedAs(s parley.Sentence, v int) int {
	if v-3 <= s.First || r.low(v-1) != "as" {
		return -1
	}
	pv, ok := r.f.speech.Lookup(r.low(v - 2))
	if !ok || pv.Frames&lexicon.FrameQuotedAs == 0 || pv.Form != lexicon.Past && pv.Form != lexicon.PastParticiple {
		return -1
	}
	if g, ok := r.f.speech.Lookup(r.low(v)); !ok || g.Form != lexicon.Gerund {
		return -1
	}
	if quotedAsBe[r.low(v-3)] {
		return v - 3
	}
	return -1
}

// relativeCue reports whether the cue at v is the verb of a relative
// clause set off after its speaker: "Jane Porter, who said …, left".
func (r *run) relativeCue(s parley.Sentence, sp speaker, v int) bool {
	// the speaker is the mention "who" (speaker.go), its antecedent before
	return sp.first < v && sp.first > s.First && r.low(sp.first) == "who" && r.low(sp.first-1) == ","
}

// relativeEnd cuts content that runs past the comma closing its relative
// clause: ", left the meeting" goes on with the main clause's finite verb.
func (r *run) relativeEnd(s parley.Sentence, a, end int) int {
	for k := a + 1; k+1 < end; k++ {
		if r.low(k) != "," {
			continue
		}
		switch r.posAt(s, k+1) {
		case parley.VERB, parley.AUX:
			switch r.d.XPOS(k + 1) {
			case "VBD", "VBZ", "VBP", "MD":
				return k
			case "VBN":
				if r.low(k+2) != "by" {
					return k // "…, marched on Monday" read as a participle; not "…, adopted by the council"
				}
			}
		}
	}
	return end
}

// callNamed reads "called the TPP pact “insanity”", "calls it her
// ”responsibility gene”": the object and the quoted name it is given.
func (r *run) callNamed(s parley.Sentence, v int, q *found) bool {
	if v+1 >= s.Last || isPreposition(r.low(v+1)) || r.low(v+1) == "for" {
		return false
	}
	for b := v + 1; b < s.Last && b-v < 16; b++ {
		if r.kind(b) == parley.OpenQuote || r.kind(b) == parley.StraightQuote {
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
			r.setContent(q, v+1, r.relativeAfterName(s, end))
			r.cueUsed[v] = true
			return true
		}
		if !r.isWord(b) && r.kind(b) != parley.Possessive && r.kind(b) != parley.Number {
			break
		}
	}
	return r.callPredicate(s, v, q)
}

// relativeAfterName extends a name that ends at end over a relative clause
// right after it, which is part of the name: `a "hater of Donald Trump"
// who had "railroaded" him`, "a political opportunist who has neglected
// his duties".
func (r *run) relativeAfterName(s parley.Sentence, end int) int {
	if end < s.Last && (r.low(end) == "who" || r.low(end) == "that" || r.low(end) == "which") {
		return max(end, r.contentEnd(s, end, false))
	}
	return end
}

// callPredicate reads an unquoted characterisation: "called the
// impeachment process a sham", "called him a liar". The object is a noun
// phrase of words, the predicate starts with "a" or "an" and runs to the
// clause's end, a preposition other than "of" or a time word; the content
// is both, as when the name is quoted.
func (r *run) callPredicate(s parley.Sentence, v int, q *found) bool {
	art := -1
	for b := v + 1; b < s.Last && b-v <= 8; b++ {
		if !r.isWord(b) && r.kind(b) != parley.Possessive {
			return false
		}
		if l := r.low(b); (l == "a" || l == "an") && b > v+1 {
			art = b
			break
		}
		if b > v+1 && isPreposition(r.low(b)) {
			return false
		}
	}
	if art < 0 {
		return false
	}
	end := art + 1
	for end < s.Last && end-art <= 10 {
		l := r.low(end)
		// "a kind, loving and admirable person": adjectives run on
		if (l == "," || l == "and") && end > art+1 && end+1 < s.Last && r.isWord(end+1) && (r.posAt(s, end-1) == parley.ADJ || r.posAt(s, end+1) == parley.ADJ) {
			end++
			continue
		}
		if !r.isWord(end) || l != "of" && isPreposition(l) || isTimeWord(l) || l == "and" || l == "but" || l == "who" || l == "which" || l == "that" {
			break
		}
		end++
	}
	if end < s.Last && isTimeWord(r.low(end)) && end-1 > art {
		if nameTimeModifiers[r.low(end-1)] {
			end-- // "a disaster last week"
		}
	}
	if end-art < 2 {
		return false
	}
	if notNamed[r.low(art+1)] {
		return false // "called him an hour later", "called it a day": a call or an idiom, no name
	}
	end = r.relativeAfterName(s, end)
	r.setContent(q, v+1, end)
	r.cueUsed[v] = true
	return true
}

// naming reports verbs that give something a name in quotation marks.
func naming(lemma string) bool { return namingVerbs[lemma] }

// quotationAfter attributes to q the quotation that opens the sentence after
// the cue's own, when the cue's sentence ends right after the cue.
func (r *run) quotationAfter(si, a int, q *found) {
	s := r.d.Sentences[si]
	if a < s.Last && !(r.low(a) == "." || r.low(a) == ":") || si+1 >= len(r.d.Sentences) {
		return
	}
	next := r.d.Sentences[si+1]
	if next.Para != s.Para && (next.Para != s.Para+1 || r.low(a) != ":") {
		return // only a colon introduces the next paragraph's quotation
	}
	p := r.pairAt(next.First)
	if p == nil || p.last <= p.first {
		return
	}
	if k := p.close + 1; p.close >= 0 && (r.trailingAttribution(next, k) || r.low(k) == "," && r.trailingAttribution(next, k+1)) {
		return // “…,” said Stanley Greenberg: the quotation has a source of its own
	}
	r.setContent(q, p.first, p.last)
	q.direct = true
	r.cueUsed[q.cue] = true
	r.add(*q)
}

// contentBefore handles "CONTENT, X said." where sub is the first token of
// the attribution (the subject, or the inverted verb).
func (r *run) contentBefore(si, sub int, q *found) {
	s := r.d.Sentences[si]
	c := sub - 1
	// pass over a role phrase in front of the speaker's name:
	// "…, senior aide to Vladimir Putin and member of the Russian delegation Yury Ushakov told reporters"
	// (a person, or a capitalised name the entity layer missed: "Yukos spokesman Mike Lake told")
	if ref := r.ents.RefAt(sub); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person ||
		ref == nil && q.sp.entity < 0 && q.sp.label != "" && q.sp.first == sub && r.d.Tokens[sub].Is(parley.Cap) && !r.isFunctionCap(sub) {
		for c >= s.First && c > sub-20 && r.rolePhraseToken(c) {
			c--
		}
		// "…,” former FBI agent Timothy Gill explained": a short description of any words
		if c >= s.First && !(r.low(c) == "," || r.kind(c) == parley.Dash || r.kind(c) == parley.CloseQuote || r.kind(c) == parley.StraightQuote) {
			for k := c; k >= s.First && k > sub-9; k-- {
				if r.low(k) == "," || r.kind(k) == parley.CloseQuote || r.kind(k) == parley.StraightQuote {
					c = k
					break
				}
				if !r.isWord(k) && r.kind(k) != parley.Possessive && r.kind(k) != parley.Number && r.low(k) != "$" && r.ents.RefAt(k) == nil || r.isSpeechWord(k) {
					break // the period of a name's initial goes on: "former George W. Bush aide Jo Roe said"
				}
			}
		}
		// "“…,” Ryan’s spokeswoman, AshLee Strong, said": a role set off before the name
		if c-1 >= s.First && r.low(c) == "," {
			for k := c - 1; k >= s.First && k > c-8; k-- {
				if r.kind(k) == parley.CloseQuote || r.kind(k) == parley.StraightQuote || r.low(k) == "," && k < c-1 {
					if r.f.roles.Is(r.low(c-1), lexicon.RoleNoun) {
						c = k
					}
					break
				}
				if !r.rolePhraseToken(k) && !r.isWord(k) {
					break
				}
			}
		}
	}
	if c > s.First && (r.low(c) == "the" || r.low(c) == "a" || r.low(c) == "an") {
		c-- // "…, the US military said": the speaker's article
	}
	if c >= s.First && r.low(c) == "'" && c-1 >= s.First && r.kind(c-1) == parley.StraightQuote {
		c-- // a single mark closing inside the double one (NYT: ''the word 'old-school,'' + ')
	}
	// the attribution must be set off from its content: "…, X said", "“…” X said", "… — X said"
	if c < s.First && s.First > 0 && (r.kind(s.First-1) == parley.CloseQuote || r.kind(s.First-1) == parley.StraightQuote) {
		// “… Donald J. Trump!” US Senator Jeff Sessions said: the quotation ended the previous sentence
		if p := r.pairClosingAt(s.First - 1); p != nil && p.para == s.Para {
			r.setContent(q, p.first, p.last)
			q.direct = true
			r.cueUsed[q.cue] = true
			r.add(*q)
		}
		return
	}
	if c < s.First || !(r.low(c) == "," || r.kind(c) == parley.Dash || r.kind(c) == parley.CloseQuote || r.kind(c) == parley.StraightQuote) {
		return
	}
	for c >= s.First && (r.low(c) == "," || r.kind(c) == parley.Dash) {
		c--
	}
	if c < s.First {
		// the attribution opens the sentence without content: maybe the quote is in the previous sentence(s)
		return
	}
	end := c + 1
	// a closing quotation mark right before: the content is the quotation
	if r.kind(c) == parley.CloseQuote || r.kind(c) == parley.StraightQuote {
		if p := r.pairClosingAt(c); p != nil {
			from, afterCue := s.First, false
			for k := p.open - 1; k > s.First; k-- {
				if r.cueUsed[k] {
					from, afterCue = k+1, true
					break
				}
			}
			if !afterCue && p.open > from && r.wordsIn(from, p.open) >= 3 && r.d.SentenceOf(p.open) == si && !r.endsWithCue(s, from, p.open) && !r.sentenceEndIn(from, p.open) &&
				r.kind(p.open-1) != parley.Dash && r.low(p.open-1) != ":" {
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
	rest, restEnd := r.continuation(s, after)
	if c+1-start < 3 && rest < 0 {
		return
	}
	if rest < 0 && !r.hasVerb(s, start, end) {
		return // "Later in the day, Kurt Volker, former special envoy, … testified": no clause, no content
	}
	r.setContent(q, start, end)
	r.cueUsed[q.cue] = true
	r.add(*q)
	if rest >= 0 {
		// "A, X said, B": the second half is a quote of its own that continues the first
		second := *q
		r.setContent(&second, rest, restEnd)
		second.cue, second.cont = -1, q.content
		r.add(second)
	}
}

// sentenceEndIn reports a full stop, question or exclamation mark that a
// closing quotation mark follows in [a, b): a sentence the segmenter could
// not split ("… to film ‘A Question
// of Sport.’ “I always said …,” Robinson said").
func (r *run) sentenceEndIn(a, b int) bool {
	for k := a; k < b; k++ {
		// a stop inside a closing mark, not the period of "Mr." or "Inc."
		if l := r.low(k); (l == "." || l == "?" || l == "!") && (r.kind(k+1) == parley.CloseQuote || r.kind(k+1) == parley.StraightQuote || r.low(k+1) == "'") {
			return true
		}
	}
	return false
}

// speechVerbWithin reports whether a finite speech verb occurs in [a, a+n).
func (r *run) speechVerbWithin(s parley.Sentence, a, n int) bool {
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

// isSpeechWord reports whether token k is a form of a speech verb, outside
// any name ("Kent State University" holds no verb).
func (r *run) isSpeechWord(k int) bool {
	if _, ok := r.f.speech.Lookup(r.low(k)); !ok {
		return false
	}
	ref := r.ents.RefAt(k)
	return ref == nil || ref.First == k && ref.Last == k+1
}

// nounContent reports whether the noun phrase at a can be what a cue
// says ("denied any knowledge of …", "announced a plan"): not a person
// questioned or told about something ("questioned Morrison about his
// testimony").
func (r *run) nounContent(s parley.Sentence, a int) bool {
	if a >= s.Last {
		return false
	}
	if ref := r.ents.RefAt(a); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person {
		return ref.Last >= s.Last || r.low(ref.Last) != "about"
	}
	if r.noPhraseAt(s, a) {
		return false // "slammed well over the bar", "was criticised by": no noun phrase, no content
	}
	// "blasts a forehand past his opponent", "fired a shot wide": a thing
	// moved, not words
	k := a
	for k < s.Last && k-a < 4 && nominal(r.posAt(s, k)) {
		k++
	}
	return !(k > a && k < s.Last && motionPreps[r.low(k)])
}

// nominal reports the tags of the words of a simple noun phrase.
func nominal(p parley.POS) bool {
	switch p {
	case parley.DET, parley.ADJ, parley.NOUN, parley.PROPN, parley.NUM:
		return true
	}
	return false
}

// noPhraseAt reports a preposition, a particle or an adverb before a
// preposition or conjunction at a, where a noun-phrase content would start
// ("rejected by", "blasted away", "blasted wide when clear"); an adverb
// before a clause or a noun phrase is content ("denied ever taking",
// "admitted afterwards it was").
func (r *run) noPhraseAt(s parley.Sentence, a int) bool {
	switch r.posAt(s, a) {
	case parley.ADP:
		if r.indexOf(a, min(a+8, s.Last), "that") >= 0 {
			return false // "denied to Reuters that …", "acknowledged for the first time that …"
		}
		switch r.low(a) {
		case "to": // not "pledged to work"
			return r.posAt(s, min(a+1, s.Last-1)) != parley.VERB
		case "as": // not "described as “his brother”"
			return !r.quotationWithin(a+1, min(a+5, s.Last))
		}
		return true
	case parley.ADV:
		if questionWords[r.low(a)] {
			return false // "revealed how quickly …"
		}
		if verbParticles[r.low(a)] {
			return true
		}
		switch r.posAt(s, min(a+1, s.Last-1)) {
		case parley.ADP, parley.SCONJ, parley.ADV, parley.PUNCT:
			return a+1 < s.Last
		}
	}
	return false
}

// quotationWithin reports an opening quotation mark in [a, b).
func (r *run) quotationWithin(a, b int) bool {
	for k := a; k < b; k++ {
		if r.kind(k) == parley.OpenQuote || r.kind(k) == parley.StraightQuote {
			return true
		}
	}
	return false
}

// dataSource reports whether the speaker is figures or measurements and
// the cue one of evidence: "the numbers suggested", "the data shows".
// Studies, surveys and reports speak for their authors; data does not.
func (r *run) dataSource(sp speaker, verb lexicon.Verb) bool {
	if sp.entity >= 0 || sp.last <= sp.first || !evidenceCues[verb.Lemma] {
		return false
	}
	return dataNouns[r.low(sp.last-1)]
}

// claimedThing reports whether the noun content of "claim" at a is a thing
// won, not a claim made: "claimed the title", "claims Dubai crown",
// "claimed victory"; "claimed responsibility for" is a claim
// (claim_object).
func (r *run) claimedThing(s parley.Sentence, a int) bool {
	if r.hasVerb(s, a, r.nextComma(s, a, 12)) {
		return false // a clause without "that": "claimed the Fed's view was positive"
	}
	for k := a; k < s.Last && k < a+3; k++ {
		if l := r.low(k); !isDeterminer(l) {
			return !claimObjects[l]
		}
	}
	return true
}

// contestedRace reports whether the noun content of "contest" at a is a
// race run, not a claim disputed: "contested the general election in an
// East Midlands constituency" (race_noun, within the first four words).
func (r *run) contestedRace(s parley.Sentence, a int) bool {
	for k := a; k < s.Last && k < a+4; k++ {
		if raceNouns[r.low(k)] {
			return true
		}
	}
	return false
}

// hasVerb reports whether the tagger reads a verb or an auxiliary in
// [a, b); true without a syntax model.
func (r *run) hasVerb(s parley.Sentence, a, b int) bool {
	if r.f.parsers == nil {
		return true
	}
	for k := a; k < b; k++ {
		switch r.posAt(s, k) {
		case parley.VERB, parley.AUX:
			return true
		}
	}
	return false
}

func (r *run) isFunctionCap(k int) bool { return isFunction(r.low(k)) || isSubjectPronoun(r.low(k)) }

// spanText returns the text of tokens [a, b).
func (r *run) spanText(a, b int) string {
	if b <= a {
		return ""
	}
	return r.d.Text[r.d.Tokens[a].Start:r.d.Tokens[b-1].End]
}
