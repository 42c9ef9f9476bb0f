package quote

import (
	"sort"
	"strings"

	"github.com/parley-news/parley"
)

// minDirectWords is the fewest words a quotation needs to stand as a quote
// on its own; shorter ones are scare quotes, titles or fragments of indirect
// speech ("the reports were “fake”").
const minDirectWords = 4

// maxNestingLookBack is how many earlier quotes of its paragraph a quote
// looks at for the one it is nested in.
const maxNestingLookBack = 32

// directQuotes attributes the quotations that no cue has claimed yet.
func (r *run) directQuotes() {
	var last *found
	for pi := range r.pairs {
		p := &r.pairs[pi]
		if p.last <= p.first {
			continue
		}
		if r.coveredByFound(p) {
			continue
		}
		if r.titleCase(p.first, p.last) {
			continue
		}
		q := found{cue: -1, addresseeEn: -1, nestedIn: -1, para: p.para, direct: true}
		r.setContent(&q, p.first, p.last)
		if q.cLast <= q.cFirst {
			continue
		}
		// “…,” Trump barked / “…!” beamed Donald Hartley: a name right
		// after the quotation, and a verb the lexicon does not list; so
		// set off, a quotation of a word or two is a quote too ("“Go
		// home,” Trump barked")
		sp, v, ok := r.nameVerbAfter(p)
		if !ok {
			sp, v, ok = r.verbNameAfter(p)
		}
		short := r.wordsIn(p.first, p.last) < minDirectWords
		if !ok && !short {
			sp, v, ok = r.clauseBeforeColon(p) // Rubio fired back forcefully: “…”
		}
		if ok {
			q.sp, q.cue, q.cueEnd = sp, v, v+1
			r.add(q)
			continue
		}
		if short {
			// “A,” he said. “Everybody sues.”: a short quotation that is a
			// sentence of its own goes on from the direct quote just before
			if src := r.nearestCue(p); src != nil && src.direct && src.cue < p.open && r.sentenceQuotation(p) {
				q.sp, q.cue, q.cueEnd, q.channel, q.reportedBy, q.cont = src.sp, -1, -1, src.channel, src.reportedBy, src.content
				r.add(q)
			}
			continue
		}
		// the nearest attribution in the same paragraph: “A,” he said, “B.”
		if src := r.nearestCue(p); src != nil {
			q.sp, q.cue, q.cueEnd, q.channel, q.reportedBy = src.sp, -1, -1, src.channel, src.reportedBy
			if src.direct || r.quoteType(*src) != parley.Indirect {
				q.cont = src.content
			}
			r.add(q)
			continue
		}
		// “…” ― Jorge Falcon: a dash and a name after the quotation
		if sp, ok := r.dashAttribution(p); ok {
			q.sp = sp
			r.add(q)
			continue
		}

		// “A,” said X. He holds two degrees. “B.”: one quiet sentence of the
		// narrator's between the quote and the quotation
		if src := r.acrossQuietSentence(p); src != nil {
			q.sp, q.channel, q.reportedBy, q.cont = src.sp, src.channel, src.reportedBy, src.content
			r.add(q)
			continue
		}
		// a quotation alone in its paragraph continues the previous speaker
		last = r.lastBefore(p.open)
		if last != nil && p.para-last.para <= 1 && r.opensParagraph(p) {
			q.sp, q.channel, q.reportedBy = last.sp, last.channel, last.reportedBy
			if lp := r.pairAround(last.cFirst); last.direct && lp != nil && lp.close < 0 {
				// the quotation before was left open at its paragraph's end,
				// as a quotation running over paragraphs is: this one goes on
				q.cont = last.content
			}
			r.add(q)
		}
	}
}

// sentenceQuotation reports a quotation that is a whole sentence: it opens
// its sentence with a capital and ends inside its marks with a full stop,
// a question or an exclamation mark, so it is no scare quote.
func (r *run) sentenceQuotation(p *qpair) bool {
	if !r.opensSentence(p) || p.last <= p.first || !r.d.Tokens[p.first].Is(parley.Cap) {
		return false
	}
	l := r.low(p.last - 1)
	return l == "." || l == "?" || l == "!"
}

// clauseBeforeColon reads a quotation that a colon introduces after a
// clause whose subject is a person, an organisation or a pronoun ("Rubio
// fired back forcefully: “…”", "O'Malley interjected to say: “…”"): the
// clause's verb, within a few words of the colon, is the cue whatever the
// lexicon lists.
func (r *run) clauseBeforeColon(p *qpair) (speaker, int, bool) {
	c := p.open - 1
	if c < 1 || r.low(c) != ":" {
		return speaker{}, 0, false
	}
	s := r.d.Sentences[r.d.SentenceOf(c)]
	if r.posAt(s, c-1) == parley.NoPOS {
		return speaker{}, 0, false
	}
	// the verb within four words, or within eight with a verb of saying: "went so far as to say:"
	for k := c - 1; k > s.First && c-k <= 8 && (r.isWord(k) || r.kind(k) == parley.Possessive); k-- {
		// a finite verb, or a participle the tagger gave a bare past
		// ("Rubio fired back"); not a passive ("he was asked: …")
		if x := r.d.XPOS(k); r.d.Tokens[k].POS != parley.VERB || x == "VB" || x == "VBG" || x == "VBN" && (passiveBe[r.low(k-1)] || c-k > 4) {
			continue // further back, a participle modifies a noun: "the number of people allowed into Britain with the slogan:"
		}
		if othersWordsVerbs[r.d.Lemma(k)] {
			return speaker{}, 0, false // "Police found a note: “…”": the note's words
		}
		if c-k > 4 && !r.speechWordIn(k, c) && !r.speechNounIn(k, c) {
			// "wore a T-shirt with the words: “…”": far from the colon, only a verb
			// of saying, or a noun of it ("delivered a blunt message to Trump:")
			return speaker{}, 0, false
		}
		sp := r.subject(s, k)
		if !sp.ok || sp.last > k {
			return speaker{}, 0, false
		}
		if sp.entity >= 0 && r.ents.Entities[sp.entity].Type != parley.Place || sp.entity < 0 && (r.namedOrPronoun(sp) || r.sourceNoun(s, sp.last-1)) {
			return sp, k, true // a person, an organisation, a pronoun, "a footnote in the report"
		}
		return speaker{}, 0, false
	}
	return speaker{}, 0, false
}

// speechNounIn reports a noun of something said, or of the channel it is
// said through, in [a, b).
func (r *run) speechNounIn(a, b int) bool {
	for k := a; k < b; k++ {
		if _, ok := channelNouns[r.low(k)]; ok || speechNouns[r.low(k)] {
			return true
		}
	}
	return false
}

// speechWordIn reports a speech verb in [a, b).
func (r *run) speechWordIn(a, b int) bool {
	for k := a; k < b; k++ {
		if r.isSpeechWord(k) {
			return true
		}
	}
	return false
}

// namedOrPronoun reports whether an unresolved source phrase is a name (its
// first word capitalised, no function word) or a lone subject pronoun.
func (r *run) namedOrPronoun(sp speaker) bool {
	if sp.last == sp.first+1 && isSubjectPronoun(r.low(sp.first)) {
		return true
	}
	if ref := r.ents.RefAt(sp.first); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Place {
		return false
	}
	return r.d.Tokens[sp.first].Is(parley.Cap) && !r.isFunctionCap(sp.first)
}

// titleCase reports whether most words in [a, b) are capitalised: a title or
// a name in quotation marks ("Indian Americans for Hillary 2008").
func (r *run) titleCase(a, b int) bool {
	words, caps := 0, 0
	for k := a; k < b; k++ {
		if !r.isWord(k) {
			continue
		}
		words++
		if r.d.Tokens[k].Is(parley.Cap) {
			caps++
		}
	}
	return words > 0 && caps*4 >= words*3
}

func (r *run) opensParagraph(p *qpair) bool {
	para := r.d.Paragraphs[p.para]
	if para.First >= para.Last {
		return false
	}
	return r.d.Sentences[para.First].First == p.open
}

func (r *run) wordsIn(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if r.isWord(k) || r.kind(k) == parley.Number {
			n++
		}
	}
	return n
}

// coveredByFound reports whether a found quote already contains (or is) the pair.
func (r *run) coveredByFound(p *qpair) bool {
	for _, k := range r.byPara[p.para] {
		q := r.out[k]
		if q.cFirst <= p.first && q.cLast >= p.last {
			return true
		}
		// overlapping by most of the pair
		lo, hi := max(q.cFirst, p.first), min(q.cLast, p.last)
		if hi-lo > (p.last-p.first)/2 {
			return true
		}
	}
	return false
}

// dashAttribution reads "“…” ― NAME" ending the paragraph.
func (r *run) dashAttribution(p *qpair) (speaker, bool) {
	if p.close < 0 || p.close+2 >= len(r.d.Tokens) {
		return speaker{}, false
	}
	k := p.close + 1
	if r.kind(k) != parley.Dash {
		return speaker{}, false
	}
	s := r.d.Sentences[r.d.SentenceOf(k)]
	if ref := r.ents.RefAt(k + 1); ref != nil && r.ents.Entities[ref.Entity].Type == parley.Person && (ref.Last >= s.Last || r.low(ref.Last) == "," || r.kind(ref.Last) == parley.Punct) {
		return speaker{first: ref.First, last: ref.Last, entity: ref.Entity, ok: true}, true
	}
	return speaker{}, false
}

// nameVerbAfter reads a person's name and one lower-case word closing the
// sentence right after a quotation that ends in a comma, "!" or "?" (“…,”
// Trump barked.): the manner of speaking is open-ended, the construction is
// not.
func (r *run) nameVerbAfter(p *qpair) (speaker, int, bool) {
	if p.close < 0 || p.close+3 >= len(r.d.Tokens) {
		return speaker{}, 0, false
	}
	switch r.low(p.close - 1) {
	case ",", "!", "?":
	default:
		return speaker{}, 0, false
	}
	k := p.close + 1
	sp := speaker{first: k, entity: -1, ok: true}
	if ref := r.ents.RefAt(k); ref != nil {
		if ref.First != k || r.ents.Entities[ref.Entity].Type != parley.Person {
			return speaker{}, 0, false
		}
		sp.last, sp.entity = ref.Last, ref.Entity
	} else {
		// a name the entity layer did not take: capitalised words
		for sp.last = k; sp.last < k+3 && r.isWord(sp.last) && r.d.Tokens[sp.last].Is(parley.Cap) && !r.isFunctionCap(sp.last); sp.last++ {
		}
		if sp.last == k {
			return speaker{}, 0, false
		}
		sp.label = r.spanText(k, sp.last)
	}
	v := sp.last
	s := r.d.Sentences[r.d.SentenceOf(k)]
	if v+1 >= s.Last || !r.isWord(v) || r.d.Tokens[v].Is(parley.Cap) || isFunction(r.low(v)) {
		return speaker{}, 0, false
	}
	end := v + 1
	if verbParticles[r.low(end)] && end+1 < s.Last {
		end++ // "“…,” Trump shot back."
	}
	if l := r.low(end); l != "." && l != "," {
		return speaker{}, 0, false
	}
	return sp, v, true
}

// verbNameAfter reads the inverted form of nameVerbAfter: a past-tense
// verb and a person or a source noun phrase right after a quotation that
// ends in a comma, "!" or "?" (“This is fantastic!” beamed Donald Hartley of
// Madison; “It is over,” boomed the senator).
func (r *run) verbNameAfter(p *qpair) (speaker, int, bool) {
	if p.close < 0 || p.close+3 >= len(r.d.Tokens) {
		return speaker{}, 0, false
	}
	switch r.low(p.close - 1) {
	case ",", "!", "?":
	default:
		return speaker{}, 0, false
	}
	v := p.close + 1
	l := r.low(v)
	if !r.isWord(v) || r.d.Tokens[v].Is(parley.Cap) || isFunction(l) || !strings.HasSuffix(l, "ed") {
		return speaker{}, 0, false
	}
	s := r.d.Sentences[r.d.SentenceOf(v)]
	sp := r.nounPhraseAt(s, v+1)
	if !sp.ok || sp.first != v+1 || sp.entity >= 0 && r.ents.Entities[sp.entity].Type == parley.Place {
		return speaker{}, 0, false
	}
	if ref := r.ents.RefAt(v + 1); ref == nil && !isDeterminer(r.low(v+1)) {
		return speaker{}, 0, false // a name or "the senator", not "gushed praise"
	}
	e := r.skipAppositive(s, sp.last)
	if e+1 < s.Last && r.low(e) == "of" && r.d.Tokens[e+1].Is(parley.Cap) {
		return sp, v, true // "beamed Donald Hartley of Madison, Alabama"
	}
	if e < s.Last && r.low(e) != "." && r.low(e) != "," {
		return speaker{}, 0, false
	}
	return sp, v, true
}

// reportedBy finds relaying outlets: "…, Reuters reported." makes Reuters
// the relay of the sentence's other attributions, not a speaker of its own.
func (r *run) reportedBy() {
	for i := range r.out {
		q := &r.out[i]
		if q.sp.entity < 0 || q.cue < 0 {
			continue
		}
		e := r.ents.Entities[q.sp.entity]
		if e.Type != parley.Organization || e.Kind != string(parley.Media) {
			continue
		}
		cue := r.low(q.cue)
		if !(strings.HasPrefix(cue, "report") || cue == "according" || cue == "said" || cue == "says") {
			continue
		}
		si := r.d.SentenceOf(q.cue)
		relayed := false
		for _, j := range r.byPara[q.para] {
			o := &r.out[j]
			if j == i || o.cue < 0 && !o.direct {
				continue
			}
			at := o.cue
			if at < 0 {
				at = o.cFirst
			}
			if r.d.SentenceOf(at) != si {
				continue
			}
			if o.sp.entity == q.sp.entity {
				continue
			}
			if o.cFirst <= q.cue && q.cue < o.cLast {
				continue // "Volker said he acted after Politico reported …": the outlet's report is inside his words
			}
			o.reportedBy = e.Name
			relayed = true
		}
		if relayed {
			q.cLast = q.cFirst // dropped in emit
		}
	}
}

// emit turns the found quotes into parley quotes, in text order.
func (r *run) emit() []parley.Quote {
	out := r.out[:0]
	for _, q := range r.out {
		if q.cLast > q.cFirst {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].content.Start != out[j].content.Start {
			return out[i].content.Start < out[j].content.Start
		}
		return out[i].content.End > out[j].content.End
	})
	// drop duplicates: the same content found twice
	dedup := out[:0]
	for i, q := range out {
		if i > 0 && q.content == dedup[len(dedup)-1].content {
			continue
		}
		dedup = append(dedup, q)
	}
	out = dedup
	ids := make(map[parley.Span]parley.QuoteRef, len(out))
	for i, q := range out {
		if _, ok := ids[q.content]; !ok {
			ids[q.content] = parley.QuoteAt(i)
		}
	}
	quotes := make([]parley.Quote, 0, len(out))
	for i, q := range out {
		pq := parley.Quote{
			Content:     q.content,
			SpeakerSpan: parley.Span{Start: int(r.d.Tokens[q.sp.first-q.sp.lead].Start), End: int(r.d.Tokens[q.sp.last-1].End)},
			Channel:     q.channel,
			ReportedBy:  q.reportedBy,
			Addressee:   q.addressee,
			Type:        r.quoteType(q),
		}
		if q.cont != (parley.Span{}) {
			pq.Continues = ids[q.cont]
		}
		if q.cue >= 0 {
			pq.Cue = r.d.Text[r.d.Tokens[q.cue].Start:r.d.Tokens[min(q.cue+1, len(r.d.Tokens))-1].End]
			if r.low(q.cue) == "according" {
				pq.Cue = "according to"
			}
			pq.CueSpan = parley.Span{Start: int(r.d.Tokens[q.cue].Start), End: int(r.d.Tokens[q.cue].End)}
		}
		// nesting: the cue lies inside another quote's content, one of the
		// few before it in its paragraph (a bound keeps one-paragraph
		// transcripts linear)
		for j := i - 1; j >= 0 && j >= i-maxNestingLookBack && out[j].para == q.para; j-- {
			o := out[j]
			if q.cue >= o.cFirst && q.cue < o.cLast && q.cLast <= o.cLast {
				pq.NestedIn = parley.QuoteAt(j)
				if isObjectPronoun(strings.ToLower(q.addressee)) && o.sp.entity >= 0 {
					// "Lavrov said that Rubio told him …": "him" is the one who reports it
					q.addresseeEn = o.sp.entity
				}
				if pq.ReportedBy == "" {
					pq.ReportedBy = o.reportedBy
				}
				break
			}
		}
		if q.addresseeEn >= 0 {
			pq.Addressee = r.ents.Entities[q.addresseeEn].Name
		}
		pq.Speaker, pq.SpeakerName, pq.Anonymous = r.nameOf(q.sp)
		quotes = append(quotes, pq)
	}
	return quotes
}

// nameOf returns the entity, the name and whether the source is unnamed:
// the first of coordinated names ("Jo Roe; Al Lee" its name), the
// entity's, or the label of an unnamed phrase.
func (r *run) nameOf(sp speaker) (parley.EntityRef, string, bool) {
	switch {
	case len(sp.entities) > 1:
		names := make([]string, 0, len(sp.entities))
		for _, e := range sp.entities {
			names = append(names, r.ents.Entities[e].Name)
		}
		return parley.EntityAt(sp.entities[0]), strings.Join(names, "; "), false
	case sp.entity >= 0:
		return parley.EntityAt(sp.entity), r.ents.Entities[sp.entity].Name, false
	}
	return 0, sp.label, !isPronounLabel(sp.label)
}

func isObjectPronoun(l string) bool { return objectPronouns[l] }

func isPronounLabel(l string) bool { return pronounLabels[strings.ToLower(l)] }

// quoteType classifies by the share of content words inside quotation marks,
// the rule the annotations use.
func (r *run) quoteType(q found) parley.QuoteType {
	if q.cue >= 0 && r.ents.InQuote[q.cue] {
		return r.nestedType(q)
	}
	in, all := 0, 0
	for k := q.cFirst; k < q.cLast; k++ {
		if r.kind(k) != parley.Word && r.kind(k) != parley.Number {
			continue
		}
		all++
		if r.ents.InQuote[k] {
			in++
		}
	}
	switch {
	case all == 0 || in*10 >= all*9:
		if q.direct || in > 0 {
			return parley.Direct
		}
		return parley.Indirect
	case in == 0:
		return parley.Indirect
	}
	return parley.Mixed
}

// nestedType is the type of an attribution made inside a quotation: the
// outer marks are the outer speaker's, so it is indirect speech, mixed or
// direct by the marks inside its own content ("testified that the
// transcript was ‘accurate’").
func (r *run) nestedType(q found) parley.QuoteType {
	in, all, open := 0, 0, false
	for k := q.cFirst; k < q.cLast; k++ {
		switch r.kind(k) {
		case parley.OpenQuote:
			open = true
		case parley.CloseQuote:
			open = false
		case parley.StraightQuote:
			open = !open
		case parley.Word, parley.Number:
			all++
			if open {
				in++
			}
		}
	}
	switch {
	case in == 0:
		return parley.Indirect
	case in*10 >= all*9:
		return parley.Direct
	}
	return parley.Mixed
}
