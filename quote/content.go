package quote

// Where reported content starts and ends: clause openings, adjuncts and
// channels after the cue, attribution boundaries, quotation marks.

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// quotesInside reports whether tokens [a, b) include quoted material.
func (r *run) quotesInside(a, b int) bool {
	for k := a; k < b; k++ {
		if r.ents.InQuote[k] {
			return true
		}
	}
	return false
}

// andAgain returns the "and" of "… and that …", "… and to …", "… and of
// …" in content [a, b) that starts after the same marker, or 0: the second
// part is a quote of its own. After "to" and "of" the next word must open
// a verb phrase, not a noun phrase ("aid to Gaza and to Lebanon").
func (r *run) andAgain(a, b int, marker string) int {
	for k := a + 2; k+1 < b; k++ {
		if r.low(k) != "and" || r.low(k+1) != marker || r.ents.InQuote[k] || k+2 >= b {
			continue
		}
		if marker != "that" && (isDeterminer(r.low(k+2)) || r.d.Tokens[k+2].Is(parley.Cap) || !r.isWord(k+2)) {
			continue
		}
		return k
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
func (r *run) quotationEnd(s parley.Sentence, start, end int) int {
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

// clauseStart reports whether token a can begin a content clause without "that".
func (r *run) clauseStart(a int) bool {
	if a >= len(r.d.Tokens) {
		return false
	}
	t := r.d.Tokens[a]
	if t.Kind == parley.OpenQuote || t.Kind == parley.StraightQuote {
		return true
	}
	if t.Kind != parley.Word && t.Kind != parley.Number {
		return false
	}
	l := r.low(a)
	if i := strings.IndexAny(l, "'’"); i > 0 {
		l = l[:i] // "he'd", "they’re"
	}
	if clauseStarts[l] {
		return true
	}
	return t.Is(parley.Cap) || t.Kind == parley.Number
}

// skipParenthetical passes ", written by Kenneth Cohen, that" and "- falsely - that"
// up to the "that" of the content clause.
func (r *run) skipParenthetical(s parley.Sentence, a int) int {
	if a >= s.Last || !(r.low(a) == "," || r.kind(a) == parley.Dash) {
		return a
	}
	open := r.low(a)
	if r.isGerundCue(a + 1) {
		return a // ", adding, “…”": the participle's own quote, not a parenthetical
	}
	for b := a + 1; b+1 < s.Last && b-a < 16; b++ {
		if r.low(b) == ":" && open == "," && (r.kind(b+1) == parley.OpenQuote || r.kind(b+1) == parley.StraightQuote) {
			return b // "responded pointedly, with a smile: “…”"
		}
		if r.low(b) == open || r.kind(b) == parley.Dash && r.kind(a) == parley.Dash {
			if r.low(b+1) == "that" {
				return b + 1
			}
			if r.kind(b+1) == parley.OpenQuote || r.kind(b+1) == parley.StraightQuote {
				return b // ", when the story broke, “I did not …”": the comma introduces the quotation
			}
			return a
		}
		if r.kind(b) == parley.OpenQuote || r.kind(b) == parley.StraightQuote {
			return a
		}
	}
	return a
}

// finiteVerbSoon reports whether a clause that starts at a has its verb
// within a few words ("denied the payments were made" vs "denied the payments").
func (r *run) finiteVerbSoon(s parley.Sentence, a int) bool {
	l := r.low(a)
	if isSubjectPronoun(l) || l == "there" {
		return true
	}
	for k := a + 1; k < s.Last && k < a+8; k++ {
		if isAuxiliary(r.low(k)) {
			return true
		}
		if r.kind(k) == parley.Punct && r.low(k) != "-" {
			return false
		}
	}
	return false
}

// looseClauseStart accepts a content clause that opens with a bare noun
// phrase ("parts of his proposals are …", "such votes are …") when a verb
// follows within a few words.
func (r *run) looseClauseStart(s parley.Sentence, a int) bool {
	if a >= s.Last || !r.isWord(a) || isPreposition(r.low(a)) || isFunction(r.low(a)) {
		return false
	}
	if notLooseStart[r.low(a)] {
		return false
	}
	for k := a + 1; k < s.Last && k < a+14; k++ {
		if isAuxiliary(r.low(k)) {
			return true
		}
		if !r.isWord(k) && r.low(k) != "," && r.kind(k) != parley.Possessive && r.kind(k) != parley.Number {
			return false
		}
	}
	return false
}

// bareClauseStart accepts any word that can open a clause after a verb that
// takes nothing but clauses (say, argue, insist): everything but prepositions,
// conjunctions and the few words "say" takes as objects.
func (r *run) bareClauseStart(s parley.Sentence, a int) bool {
	if a >= s.Last || !r.isWord(a) && r.kind(a) != parley.Number {
		return false
	}
	l := r.low(a)
	if isPreposition(l) || isSubordinator(l) {
		return false
	}
	if notBareStart[l] {
		return false
	}
	return a+2 < s.Last // a clause has more than a word
}

// phraseBeforeThat returns the "that" that ends the phrase starting at b,
// or b: words, numbers and possessives, and commas that set off a place's
// region ("Columbus, Ohio,"), none of them a speech word.
func (r *run) phraseBeforeThat(s parley.Sentence, b int) int {
	for c := b; c < s.Last && c-b < 10; c++ {
		l := r.low(c)
		switch {
		case l == "that" && c > b:
			if r.low(c-1) == "," {
				return c - 1
			}
			return c
		case l == ",":
			if !r.d.Tokens[min(c+1, s.Last-1)].Is(parley.Cap) && r.low(c+1) != "that" {
				return b
			}
		case !r.isWord(c) && r.kind(c) != parley.Number && r.kind(c) != parley.Possessive, r.isSpeechWord(c):
			return b
		}
	}
	return b
}

// contentEnd returns the token where content that starts at a ends: the end
// of the sentence, or an earlier attribution boundary.
func (r *run) contentEnd(s parley.Sentence, a int, noun bool) int {
	end := s.Last
	depth := 0
	dashes := 0
	for k := s.First; k < a; k++ {
		if r.kind(k) == parley.Dash {
			dashes++
		}
	}
	for k := a; k < s.Last; k++ {
		t := r.d.Tokens[k]
		switch t.Kind {
		case parley.OpenQuote:
			depth++
		case parley.CloseQuote:
			if depth > 0 {
				depth--
			}
		}
		// `was "corrupt," noting that`: American style puts the comma
		// inside the closing mark; what follows the mark is the narrator's.
		if r.closesAfterComma(k, a) && k+1 < s.Last && r.narratorAfterComma(s, a, k) {
			return k + 1
		}
		if r.ents.InQuote[k] {
			continue
		}
		if t.Kind == parley.Dash && k > a && !r.suspendedHyphen(k) && (dashes%2 == 1 || r.low(k+1) == "but" || r.low(k+1) == "and" || r.low(k+1) == "though") {
			return k // "- some lobbyists said they know … -", "… — but it is impossible to know"
		}
		l := r.low(k)
		if (l == "and" || l == "but") && k+1 < s.Last && k > a {
			// "… and said that", ", but indicated that", "… and questioning how",
			// "… and has said that": a second attribution by the same speaker
			n := k + 1
			if (r.low(n) == "has" || r.low(n) == "have") && n+1 < s.Last {
				n++ // the narrator's present perfect; "and had agreed" is backshifted content
			}
			if n+1 < s.Last && strings.HasSuffix(r.low(n), "ly") && isInterposed(r.low(n)) {
				n++ // "… and specifically mentioned …"
			}
			if r.speechVerbAfterAnd(k, n) || r.secondSourceAfterAnd(s, k) {
				if k-1 >= a && r.low(k-1) == "," {
					return k - 1
				}
				return k
			}
		}
		if l == "," && k+1 < s.Last {
			n := r.low(k + 1)
			if r.narratorAfterComma(s, a, k) {
				return k
			}
			// ", but he gave no details": the narrator goes on about the
			// speaker; reported speech would keep its tense ("but he would")
			if n == "but" && k+3 < s.Last && k > a+2 && isThirdPersonSubject(r.low(k+2)) && !isAuxiliary(r.low(k+3)) {
				return k
			}
			if noun && !r.listComma(s, k) {
				return k // not the comma of a list: "applied to China, Burma and Zimbabwe"
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
		if l == ";" && k > a+2 && r.personSubjectAt(s, k+1) {
			// "calls for a single-payer system; Mrs. Clinton aims …", "accused
			// him of groping her; he has denied …": the narrator turns to a
			// person (a list of what was said goes on: "; Nike holds …")
			return k
		}
	}
	// drop the final full stop of indirect speech (kept inside a closing quote mark)
	for end > a && (r.d.Tokens[end-1].Kind == parley.Punct && r.isFinalPunct(end-1) || r.d.Tokens[end-1].Kind == parley.Dash) {
		end--
	}
	return end
}

// speechVerbAfterAnd reports the speaker's next verb of saying at n, right
// after the "and" or "but" at k or past the narrator's "has" or an adverb
// ("… and said that", "… and has said", "… and repeatedly says").
func (r *run) speechVerbAfterAnd(k, n int) bool {
	v, ok := r.f.speech.Lookup(r.low(n))
	return ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular || v.Form == lexicon.Gerund || n > k+1 && v.Form == lexicon.PastParticiple) && v.Frames&(lexicon.FrameThat|lexicon.FrameNoun|lexicon.FrameObject|lexicon.FrameInf) != 0
}

// secondSourceAfterAnd reports a second source's attribution after the
// "and" at k ("said the plan would fail and critics said it would work"),
// not an "and" after a noun that joins the second subject ("Tapper, Bash
// and Blitzer had mentioned it").
func (r *run) secondSourceAfterAnd(s parley.Sentence, k int) bool {
	if !r.trailingAttribution(s, k+1) && !r.shareSaid(s, k+1) {
		return false
	}
	p := r.posAt(s, k-1)
	return p != parley.NOUN && p != parley.PROPN
}

// shareSaid reports a share of people and its verb of saying at k: "14
// percent said", "a third of voters said".
func (r *run) shareSaid(s parley.Sentence, k int) bool {
	for j := k; j < s.Last && j-k < 5; j++ {
		if proportionNouns[r.low(j)] && j+1 < s.Last {
			v, ok := r.f.speech.Lookup(r.low(j + 1))
			return ok && (v.Form == lexicon.Past || v.Form == lexicon.ThirdSingular) && v.Frames&lexicon.FrameThat != 0
		}
		if !r.isWord(j) && r.kind(j) != parley.Number {
			return false
		}
	}
	return false
}

// suspendedHyphen reports a hyphen at k that hangs on the word before it
// ("above- and below-ground sensors"): no dash of the narrator's.
func (r *run) suspendedHyphen(k int) bool {
	return k > 0 && r.low(k) == "-" && r.d.Tokens[k].Start == r.d.Tokens[k-1].End && (r.low(k+1) == "and" || r.low(k+1) == "or")
}

// personSubjectAt reports a clause opening at k with a person for its
// subject: a third-person pronoun or a person's name before a verb.
func (r *run) personSubjectAt(s parley.Sentence, k int) bool {
	if k >= s.Last {
		return false
	}
	if isThirdPersonSubject(r.low(k)) {
		return true
	}
	ref := r.ents.RefAt(k)
	if ref == nil || ref.First != k || r.ents.Entities[ref.Entity].Type != parley.Person || ref.Last >= s.Last {
		return false
	}
	switch r.posAt(s, ref.Last) {
	case parley.VERB, parley.AUX:
		return true
	}
	return false
}

// listComma reports a comma between the items of a list of nouns or
// names that "and" or "or" closes: "China, Burma and Zimbabwe".
func (r *run) listComma(s parley.Sentence, k int) bool {
	if k-1 < s.First || !nominal(r.posAt(s, k-1)) {
		return false
	}
	for j := k + 1; j < s.Last && j-k <= 4; j++ {
		switch l := r.low(j); {
		case (l == "and" || l == "or") && j > k+1:
			return j+1 < s.Last && nominal(r.posAt(s, j+1))
		case l == "," && j > k+1:
			return r.listComma(s, j)
		case !nominal(r.posAt(s, j)):
			return false
		}
	}
	return false
}

// closesAfterComma reports whether token k closes a quotation right after
// a comma inside it (`"corrupt,"`), past the content's start a.
func (r *run) closesAfterComma(k, a int) bool {
	if k <= a+1 || r.low(k-1) != "," {
		return false
	}
	switch r.kind(k) {
	case parley.CloseQuote:
		return true
	case parley.StraightQuote:
		return r.pairClosingAt(k) != nil
	}
	return false
}

// narratorAfterComma reports whether what follows the comma (or the
// closing mark after it) at k goes on in the narrator's voice, ending
// content that began at a: ", adding that", ", saying", ", according to",
// ", as X reported", ", Reuters reported", ", sparking a firestorm".
func (r *run) narratorAfterComma(s parley.Sentence, a, k int) bool {
	n := r.low(k + 1)
	if v, ok := r.f.speech.Lookup(n); ok && v.Form == lexicon.Gerund && v.Frames != 0 {
		return true
	}
	if n == "according" || (n == "as" && r.reportClause(s, k+1)) {
		return true
	}
	if strings.HasSuffix(n, "ing") && len(n) > 5 && !r.d.Tokens[k+1].Is(parley.Cap) && r.isWord(k+1) && k > a+3 && !isPrepositionalIng(n) {
		return true // a participial phrase of the narrator's
	}
	if (n == "while" || n == "whereas") && r.speechVerbWithin(s, k+2, 8) {
		return true
	}
	if r.commentApposition(s, k+1) {
		return true
	}
	return r.trailingAttribution(s, k+1)
}

// commentApposition reports a noun phrase at a that comments on what was
// said rather than continuing it: ", a swipe at …", ", an apparent
// reference to …", ", an acknowledgment that …" (`comment_noun` in
// data/words.tsv, after "a" or "an" and at most one modifier).
func (r *run) commentApposition(s parley.Sentence, a int) bool {
	if a+1 >= s.Last || r.low(a) != "a" && r.low(a) != "an" {
		return false
	}
	for k := a + 1; k < s.Last && k <= a+2; k++ {
		if commentNouns[r.low(k)] {
			return k+1 < s.Last && (isPreposition(r.low(k+1)) || r.low(k+1) == "that")
		}
		if !r.isWord(k) {
			return false
		}
	}
	return false
}

func (r *run) isFinalPunct(k int) bool {
	switch r.low(k) {
	case ".", ";", ":", ",", "!", "?", "...", "…":
		return true
	}
	return false
}

// reportClause reports whether "as" at k opens "as X (had earlier) reported/said".
func (r *run) reportClause(s parley.Sentence, k int) bool {
	if r.low(k) != "as" {
		return false
	}
	for j := max(k-4, s.First); j < s.Last && j < k+5; j++ {
		if r.low(j) == "as" && j != k {
			return false // "10 times as many cases as they had reported": a comparison
		}
	}
	for j := k + 1; j < s.Last && j-k < 8; j++ {
		if v, ok := r.f.speech.Lookup(r.low(j)); ok && (v.Form == lexicon.Past || v.Form == lexicon.PastParticiple || v.Form == lexicon.ThirdSingular) {
			return true
		}
		// a clause's subject follows "as"; "as “totally pro-Israel” and has said" is a description
		if r.low(j) == "," || r.kind(j) == parley.OpenQuote || r.kind(j) == parley.StraightQuote || r.low(j) == "and" {
			return false
		}
	}
	return false
}

// trailingAttribution reports whether tokens from k are "X said." or
// "X reported." or "said X." ending the sentence (a second attribution).
func (r *run) trailingAttribution(s parley.Sentence, k int) bool {
	if k >= s.Last {
		return false
	}
	if v, ok := r.f.speech.Lookup(r.low(k)); ok && v.Frames&lexicon.FrameInverted != 0 && v.Form == lexicon.Past || ok && v.Form == lexicon.ThirdSingular && v.Frames&lexicon.FrameInverted != 0 {
		np := r.nounPhraseAt(s, k+1)
		return np.ok && r.endsClause(s, r.skipAppositive(s, np.last))
	}
	np := r.nounPhraseAt(s, k)
	if !np.ok && k+1 < s.Last && attributionJoiners[r.low(k)] {
		np = r.nounPhraseAt(s, k+1) // ", though she acknowledged …", ", and he urged …"
	}
	if !np.ok {
		// "…, whom he described as …", "…, whose genius he compared to …":
		// a relative clause whose subject is the speaker again
		if p := r.personPronounWithin(s, k, 3); p >= 0 {
			np = r.nounPhraseAt(s, p)
		}
	}
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

// personPronounWithin returns the first of the n words from k that is a
// pronoun standing for a person, or -1.
func (r *run) personPronounWithin(s parley.Sentence, k, n int) int {
	for b := k; b < s.Last && b-k < n && r.isWord(b); b++ {
		if ref := r.ents.RefAt(b); ref != nil {
			if ref.Kind == parley.PronounMention && r.ents.Entities[ref.Entity].Type == parley.Person {
				return b
			}
			return -1
		}
	}
	return -1
}

func (r *run) endsClause(s parley.Sentence, k int) bool {
	return k >= s.Last || r.low(k) == "," || r.low(k) == "." || r.low(k) == ";" || r.kind(k) == parley.Punct
}

// setContent fills the content span of q for tokens [a, b).
func (r *run) setContent(q *found, a, b int) {
	// outer quotation marks are not content
	if r.kind(a) == parley.OpenQuote || r.kind(a) == parley.StraightQuote {
		if p := r.pairAt(a); p != nil && (p.close == b || p.close == b-1 || p.close < 0 && p.last >= b) {
			if p.close == b-1 || p.close == b {
				b = p.close
			}
			a++
			q.direct = true
		}
	}
	// an attribution inside a quotation ends with it: "“Volker confirmed
	// that he had no indication,” Grisham said"; a closing mark that does
	// not close up to the word before it opens the next quotation (marks
	// paired one off), and ends nothing
	if q.cue >= 0 && r.ents.InQuote[q.cue] {
		if p := r.pairAround(q.cue); p != nil && b > p.last && a < p.last && r.closesUp(p) {
			b = p.last
			for b > a && r.low(b-1) == "," {
				b--
			}
		}
	}
	for b > a && (r.kind(b-1) == parley.OpenQuote || r.kind(b-1) == parley.StraightQuote && r.pairAt(b-1) != nil) {
		b--
	}
	if b <= a {
		q.cFirst, q.cLast = a, a
		return
	}
	q.cFirst, q.cLast = a, b
	q.content = parley.Span{Start: int(r.d.Tokens[a].Start), End: int(r.d.Tokens[b-1].End)}
}

// endsWithCue reports whether [a, b) ends in an attribution that introduces
// the quotation ("He said:", "X told reporters,"), which then stands alone.
// A speech word the tagger reads as a noun is no attribution: "the
// secretary of state will play the “woman card,” X said" is X's mixed quote.
func (r *run) endsWithCue(s parley.Sentence, a, b int) bool {
	for k := b - 1; k >= a && k > b-8; k-- {
		if r.isSpeechWord(k) && r.posAt(s, k) != parley.NOUN || r.low(k) == "according" {
			return true
		}
	}
	return false
}

// infinitiveEnd cuts "to"-infinitive content [a, end) before a comma and a
// subordinate clause of the narrator's ("threatened to use force, as the
// protests escalate"): what was urged or threatened is the verb phrase.
func (r *run) infinitiveEnd(a, end int) int {
	for k := a + 2; k+1 < end; k++ {
		if r.low(k) == "," && !r.ents.InQuote[k] && isClauseConjunction(r.low(k+1)) {
			return k
		}
	}
	return end
}
