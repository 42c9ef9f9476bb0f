package event

import (
	"slices"
	"sort"
	"strings"

	"github.com/parley-news/parley"
)

// judgmentCode is the CAMEO code of a criticism made in words of judgment
// rather than by its cue: "these rioters are criminals", "it was an attempt
// to mislead voters", "called the process a sham" (111, criticise or
// denounce).
const judgmentCode = "111"

// defenceCode is the CAMEO code of a defence in words (052): the negation
// of a criticism ("they are not criminals", "I don't blame him").
const defenceCode = "052"

// judgments adds the criticisms that quotes make by what they say of
// someone rather than by their cue: the speaker of "X said: 'These rioters
// are criminals'" denounces the rioters. A word of judgment counts only
// where the parse makes it the speaker's verdict on a third party: the
// predicate of a copula ("they are criminals"), what a verb of naming
// calls its object ("called the process a sham", "described the ban as
// ridiculous"), the object of "make" ("made the mistake of"), a verb of
// deceit with a subject other than the speaker ("Mourinho lied"), or the
// whole of a fragment quote ("'false and misleading'"). It does not count
// when negated, asked, said of the speaker's own side ("we were wrong"),
// or under a cue that reports no verdict ("denied", "admitted"). A quote
// that makes no criticism may make a demand (demandIn). A quote that goes
// on from one already judged adds nothing.
func (c *Coder) judgments(in *input, skip []bool) []parley.Event {
	d := in.Doc
	var add []parley.Event
	judged := make([]bool, len(d.Quotes)) // one criticism per attribution
	for qi, q := range d.Quotes {
		if r := q.Continues.Index(); r >= 0 && r < qi && judged[r] {
			judged[qi] = true
			continue
		}
		if q.Speaker == 0 || q.Content.Len() <= 0 || c.discarded(d, skip, q.Content.Start) {
			continue
		}
		if _, ok := c.speechCode(q); ok || notJudgingCue(q.Cue) {
			continue
		}
		j, code, ok := c.judgmentIn(in, q)
		if !ok {
			code = demandCode
			j, ok = c.demandIn(in, q)
		}
		if !ok || codedNear(d.Events, d.Tokens[j], code) || codedNear(add, d.Tokens[j], code) {
			continue
		}
		add = append(add, c.judgmentEvent(in, q, j, code))
		judged[qi] = true
	}
	return add
}

// notJudgingCue reports whether a quote's cue reports no verdict of the
// speaker's: a denial, a confession, a question.
func notJudgingCue(cue string) bool {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(cue)), " ")
	return notJudging[w]
}

// judgmentIn returns the token of the first word of judgment in q's content
// that the parse makes a verdict, and the verdict's code.
func (c *Coder) judgmentIn(in *input, q parley.Quote) (int, string, bool) {
	d := in.Doc
	first, last := d.TokenAt(q.Content.Start), d.TokenAt(q.Content.End-1)+1
	if first < 0 || last <= first {
		return 0, "", false
	}
	fragment := wordsIn(d, first, last) <= maxFragmentWords
	for i := first; i < last; i++ {
		w := d.Lower(i)
		if !judgmentWords[w] && !deceitVerbs[w] && !blameVerbs[w] {
			continue
		}
		si := d.SentenceOf(i)
		if si < 0 || !in.parseSentence(d.Sentences[si]) {
			return 0, "", false
		}
		if code := verdict(d, d.Sentences[si], i, fragment, q.Speaker); code != "" {
			return i, code, true
		}
	}
	return 0, "", false
}

// maxFragmentWords is the most words a quote may have to be a fragment
// whose words of judgment are a verdict whatever their syntax
// ("'false and misleading'").
const maxFragmentWords = 4

// wordsIn counts the word tokens of [first, last).
func wordsIn(d *parley.Doc, first, last int) int {
	n := 0
	for i := first; i < last; i++ {
		if d.Tokens[i].Kind == parley.Word {
			n++
		}
	}
	return n
}

// parseSentence parses s unless it is parsed already, and reports whether
// it is: false when the coder has no syntax model.
func (in *input) parseSentence(s parley.Sentence) bool {
	if in.Doc.Parsed(s) {
		return true
	}
	if in.parser == nil {
		return false
	}
	in.words = in.parser.Annotate(in.Doc, s, true, in.words)
	return true
}

// verdict returns the CAMEO code of what the word of judgment at token j
// of the parsed sentence s makes the speaker's words about someone else: a
// criticism (judgmentCode), or, negated, a defence (defenceCode: "the
// councillors were not liars", "I don't blame him"); "" for neither.
func verdict(d *parley.Doc, s parley.Sentence, j int, fragment bool, speaker parley.EntityRef) string {
	if d.Tok(s.Last-1) == "?" {
		return ""
	}
	if blameVerbs[d.Lower(j)] {
		return blame(d, s, j, speaker)
	}
	deps := dependents(d, s, j)
	if h := d.Head(j); h >= 0 && !hasRel(d, deps, parley.RelCop) && !hasSubject(d, deps) && carriesVerdict(d, deps, j) && hasRel(d, dependents(d, s, h), parley.RelCop) {
		// "false and misleading", "an attempt to mislead": the copula is
		// the head's.
		j, deps = h, dependents(d, s, h)
	}
	h := d.Head(j)
	judged := deps // the dependents whose subject is the one judged
	var governor []int
	switch {
	case hasRel(d, deps, parley.RelCop):
	case deceitVerbs[d.Lower(j)] && d.Tokens[j].POS == parley.VERB:
		// "Mourinho lied", "Parliament may have been misled"; not "feels
		// betrayed", which has no subject of its own.
		if !hasSubject(d, deps) {
			return ""
		}
	case h >= 0 && namingVerbs[d.Lemma(h)] && objectLike(d.Tokens[j].Rel):
		governor = dependents(d, s, h) // its subject is the speaker
	case h >= 0 && secondObject(d, deps, j) && d.Tokens[h].Rel == parley.RelObj && d.Head(h) >= 0 && namingVerbs[d.Lemma(d.Head(h))]:
		// "called the process a sham", where the parse hangs the name on
		// the object rather than on the verb.
		governor = dependents(d, s, d.Head(h))
	case h >= 0 && strings.EqualFold(d.Lemma(h), "make") && d.Tokens[j].Rel == parley.RelObj:
		judged = dependents(d, s, h)
		governor = judged
		if !hasSubject(d, judged) {
			return "" // "make no mistake, …"
		}
	case fragment:
		if negated(d, deps) {
			return defenceCode
		}
		return judgmentCode
	default:
		return ""
	}
	all := append(slices.Clone(deps), governor...)
	if hypothetical(d, s, all) {
		return ""
	}
	if negated(d, all) {
		// "the councillors were not liars", "we did not lie": a defence,
		// of others or of one's own side.
		return defenceCode
	}
	for _, k := range judged {
		if !d.Tokens[k].Rel.Subject() {
			continue
		}
		if ownSide[d.Lower(k)] {
			return ""
		}
		if m := d.MentionAt(k); m != nil && m.Entity != 0 && m.Entity == speaker {
			return "" // "he lied", said of himself
		}
	}
	return judgmentCode
}

// blame returns the code of a verb of blaming at token v in the speaker's
// words: blaming someone is a criticism and not blaming them a defence,
// when the one who blames is the speaker (a first-person subject, or the
// speaker named); "they blame the referee" reports another's blame.
func blame(d *parley.Doc, s parley.Sentence, v int, speaker parley.EntityRef) string {
	deps := dependents(d, s, v)
	if d.Tokens[v].POS != parley.VERB || !blamesSomeone(d, deps) || hypothetical(d, s, deps) {
		return ""
	}
	for _, k := range deps {
		if !d.Tokens[k].Rel.Subject() {
			continue
		}
		m := d.MentionAt(k)
		if !ownSide[d.Lower(k)] && (m == nil || m.Entity != speaker) {
			return ""
		}
	}
	if negated(d, deps) {
		return defenceCode
	}
	return judgmentCode
}

// blamesSomeone reports whether a verb of blaming with dependents deps has
// a person or organisation for its object ("blame him", "blame Lucy's
// mother"), not a cause ("blamed cock-up").
func blamesSomeone(d *parley.Doc, deps []int) bool {
	for _, k := range deps {
		if d.Tokens[k].Rel != parley.RelObj {
			continue
		}
		if m := d.MentionAt(k); m != nil && m.Entity != 0 {
			return true
		}
		if personNouns[d.Lemma(k)] || objectPronouns[d.Lower(k)] {
			return true
		}
	}
	return false
}

// carriesVerdict reports whether token j, with dependents deps, shares
// its head's predicate: a conjunct joined by a conjunction ("false and
// misleading"; not the next clause of a run-on sentence) or a clause of the
// head noun ("an attempt to mislead").
func carriesVerdict(d *parley.Doc, deps []int, j int) bool {
	switch d.Tokens[j].Rel.Main() {
	case parley.RelConj:
		return hasRel(d, deps, parley.RelCc)
	case parley.RelAcl:
		return true
	}
	return false
}

// hypothetical reports whether a verdict is only supposed: under a
// conditional clause ("if it is a sham"), or under a conditional
// auxiliary with an expletive subject ("it would be irresponsible to …")
// or beside a conditional clause anywhere in its sentence ("if they
// ignore it, it would be an insult").
func hypothetical(d *parley.Doc, s parley.Sentence, deps []int) bool {
	if conditionalClause(d, s, deps) {
		return true
	}
	conditional, expletive := false, false
	for _, k := range deps {
		w := d.Lower(k)
		switch r := d.Tokens[k].Rel; {
		case r == parley.RelMark && conditionals[w]:
			return true
		case r.Main() == parley.RelAux && hypotheticalAux[w]:
			conditional = true
		case (r.Subject() || r.Main() == parley.RelExpl) && w == "it":
			expletive = true
		}
	}
	if !conditional || expletive {
		return conditional
	}
	for k := s.First; k < s.Last; k++ {
		if d.Tokens[k].Rel == parley.RelMark && conditionals[d.Lower(k)] {
			return true
		}
	}
	return false
}

// conditionalClause reports whether one of deps is a clause of condition
// ("… if he is found to have …"): an adverbial clause opened by "if" or
// "unless".
func conditionalClause(d *parley.Doc, s parley.Sentence, deps []int) bool {
	for _, k := range deps {
		if d.Tokens[k].Rel.Main() != parley.RelAdvcl {
			continue
		}
		for _, j := range dependents(d, s, k) {
			if d.Tokens[j].Rel == parley.RelMark && conditionals[d.Lower(j)] {
				return true
			}
		}
	}
	return false
}

// hasSubject reports whether one of toks is a subject.
func hasSubject(d *parley.Doc, toks []int) bool {
	for _, k := range toks {
		if d.Tokens[k].Rel.Subject() {
			return true
		}
	}
	return false
}

// objectLike reports whether a dependent of a verb of naming is what the
// object is called: "called it a sham" (xcomp or obj), "described it as
// reckless" (obl, advcl).
func objectLike(r parley.DepRel) bool {
	switch r.Main() {
	case parley.RelXcomp, parley.RelObj, parley.RelObl, parley.RelAdvcl:
		return true
	}
	return false
}

// secondObject reports whether token j, a dependent of a noun, is a noun
// phrase of its own beside it (appos, or an nmod with no preposition), as
// the name a verb of naming gives its object is when the parse hangs it on
// the object.
func secondObject(d *parley.Doc, deps []int, j int) bool {
	switch d.Tokens[j].Rel.Main() {
	case parley.RelAppos, parley.RelXcomp:
		return true
	case parley.RelNmod:
		return !hasRel(d, deps, parley.RelCase)
	}
	return false
}

// negated reports whether one of deps is a negation.
func negated(d *parley.Doc, deps []int) bool {
	for _, k := range deps {
		if negations[d.Lower(k)] {
			return true
		}
	}
	return false
}

// dependents returns the tokens of sentence s whose head is i.
func dependents(d *parley.Doc, s parley.Sentence, i int) []int {
	var out []int
	for k := s.First; k < s.Last; k++ {
		if d.Head(k) == i {
			out = append(out, k)
		}
	}
	return out
}

func hasRel(d *parley.Doc, toks []int, r parley.DepRel) bool {
	for _, k := range toks {
		if d.Tokens[k].Rel.Main() == r {
			return true
		}
	}
	return false
}

// codedNear reports whether one of evs of the same CAMEO root as code
// already holds token t in its evidence: the verb coder's own "accused"
// over a quote's verdict. An event of another kind over it ("decided to
// weigh in, saying he should be disciplined") is another act. The events
// are in text order of their evidence, nearly: those that start after t
// are skipped by a binary search, and only the nearest codedNearLimit
// before it are read, so that a document of many events stays linear.
func codedNear(evs []parley.Event, t parley.Token, code string) bool {
	tok := parley.Span{Start: int(t.Start), End: int(t.End)}
	end := sort.Search(len(evs), func(i int) bool { return evs[i].Evidence.Start > tok.Start })
	for i := end - 1; i >= 0 && i >= end-codedNearLimit; i-- {
		if e := &evs[i]; e.CAMEORoot == code[:2] && e.Evidence.Contains(tok) {
			return true
		}
	}
	return false
}

// codedNearLimit is how many events before a token codedNear reads: more
// than a sentence or a quote holds.
const codedNearLimit = 32

// judgmentEvent is the event of CAMEO code of quote q whose verdict or
// demand is token j: its evidence is the cue with the content's sentence
// that holds it.
func (c *Coder) judgmentEvent(in *input, q parley.Quote, j int, code string) parley.Event {
	d := in.Doc
	k := c.codes[code]
	s := d.Sentences[d.SentenceOf(j)]
	ev := parley.Span{Start: max(s.Start, q.Content.Start), End: min(s.End, q.Content.End)}
	if q.CueSpan.Len() > 0 && d.SentenceOf(d.TokenAt(q.CueSpan.Start)) == d.SentenceOf(j) {
		ev = parley.Span{Start: min(ev.Start, q.CueSpan.Start), End: max(ev.End, q.CueSpan.End)}
	}
	e := parley.Event{
		PLOVER: k.PLOVER, PLOVERMode: k.PLOVERMode, CAMEO: k.Code, CAMEORoot: k.Root,
		QuadClass: k.QuadClass, Goldstein: k.Goldstein,
		Source: q.Speaker, SourceCode: c.refCode(d, q.Speaker),
		Evidence: ev, ReportedIn: q.NestedIn,
		Trigger: strings.ToLower(d.Tok(j)), TriggerToken: int32(j + 1),
	}
	if t := speechTarget(d, q); t != 0 {
		e.Target, e.TargetCode = t, c.refCode(d, t)
	}
	return e
}
