// Package claim groups the propositions that sources take sides on: within
// an article, the quotes that assert, confirm, deny or dispute the same
// statement, with the outlets that first reported it ("as Bloomberg had
// earlier reported"); across articles, claims with the same normalised key
// and overlapping content. Each stance links to the quote that carries it,
// and a claim's status says whether it rests on one source, is corroborated
// by several, or is disputed.
package claim

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parley-news/parley"
)

// stance is a candidate stance before grouping.
type stance struct {
	parley.ClaimStance
	content parley.Span
	words   map[string]bool // content words of the proposition
	anaphor bool            // refers back to an earlier report ("the reports")
	names   map[string]bool // content words that are names (capitalised inside the text)
	// people are the persons the content names: two statements about
	// different people are different propositions ("X was held on bond",
	// "Y was held on bond").
	people   map[parley.EntityRef]bool
	quoteIdx int
	group    int
	// placeholder marks a source the text does not name ("unnamed
	// accusers" behind "denied the accusations"): a named charge the
	// denial answers takes its place.
	placeholder bool
	// negation marks a stance whose only mark of dispute is a plain
	// negation ("not", "no"): build asks the parse whether it bears on
	// the content's predicate.
	negation bool
	// own marks a stance read from a sentence of the article rather than
	// from a quote (a belief it reports): grouped by its content, as a
	// quote is, not with the stance before it.
	own bool
	// verdict marks a stance that disputes by a verdict word ("false",
	// "lie"); fallback is its stance if the parse finds the word
	// is no verdict on the content (then negation, if set, is judged as
	// for any plain negation).
	verdict  bool
	fallback parley.Stance
	// effects are the words the content says something harms (−1) or
	// protects (+1): "eroding autonomy", "granting autonomy".
	effects map[string]int
}

// Find groups the stances that the quotes of d take into claims and sets
// d.Claims, in order of their first stance; a quote that nobody else takes a
// side on, and that denies nothing, is not a claim. A stance whose source
// the entity layer does not know (an outlet named only in "as X reported",
// the possessor of "the Democrats' allegation") gets a GROUP entity, as
// unnamed quote sources do, so that every stance refers to one. Find reads
// no parse: any plain negation in a content disputes; a Grouper with a
// syntax model reads its scope.
func Find(d *parley.Doc) { findClaims(d, nil) }

func findClaims(d *parley.Doc, neg *negations) {
	d.Claims = find(d, neg)
	var ms []parley.Mention
	for ci := range d.Claims {
		for si := range d.Claims[ci].Stances {
			st := &d.Claims[ci].Stances[si]
			if st.Source != 0 && st.SourceName == "" {
				// "a prospect Hale denied": every stance names its source.
				if e := d.Entity(st.Source); e != nil {
					st.SourceName = e.Name
				}
			}
			if st.Source != 0 || st.SourceName == "" {
				continue
			}
			if st.Source = d.EntityNamed(st.SourceName); st.Source == 0 {
				st.Source = d.AddEntity(parley.Entity{Type: parley.Group, Name: st.SourceName})
				sp := st.Evidence
				ms = append(ms, parley.Mention{Span: sp, First: int32(d.TokenAt(sp.Start)), Last: int32(d.TokenAt(sp.End-1) + 1),
					Entity: st.Source, Kind: parley.NameMention})
			}
		}
	}
	d.AddMentions(ms...)
}

func find(d *parley.Doc, neg *negations) []parley.Claim {
	src := d.Text
	var sts []*stance
	var appended []parley.Span // the appended denials' clauses
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		if q.Content.End > len(src) || q.Content.Start >= q.Content.End {
			continue
		}
		content := src[q.Content.Start:q.Content.End]
		if strings.TrimSpace(content) == "" {
			continue // a content of blanks states nothing
		}
		toks := words(content)
		s := &stance{
			ClaimStance: parley.ClaimStance{Source: q.Speaker, SourceName: q.SpeakerName, Quote: parley.QuoteAt(qi), Evidence: q.Content},
			content:     q.Content, words: contentWords(toks), quoteIdx: qi, group: -1,
		}
		if s.SourceName == "" && !q.SpeakerSpan.IsZero() && q.SpeakerSpan.End <= len(src) {
			s.SourceName = src[q.SpeakerSpan.Start:q.SpeakerSpan.End]
		}
		cue := strings.ToLower(q.Cue)
		// "ruled out Taliban involvement": the cue may stop before its
		// particle.
		if (cue == "ruled" || cue == "rules" || cue == "ruling") && q.CueSpan.End > 0 && q.CueSpan.End < len(src) &&
			strings.HasPrefix(strings.ToLower(strings.TrimLeft(src[q.CueSpan.End:], " ")), "out") {
			cue = "ruled out"
		}
		setStance(d, q, cue, toks, s)
		s.anaphor = refersBack(toks)
		s.names = names(content, q.Content.Start, d)
		s.people = people(d, q.Content, q.Speaker)
		sts = append(sts, s)
		if r := relay(d, q); r != nil {
			sts = append(sts, r)
		}
		if a := authorVerdict(d, q, s); a != nil {
			sts = append(sts, a)
		}
		// "…, a charge he denies": the proposition ends before the
		// appended denial, whose source denies it.
		if s.Stance != parley.Denies {
			if r, end := appendedDenial(d, q); r != nil {
				s.content.End, s.Evidence.End = end, end
				s.words = contentWords(words(src[q.Content.Start:end]))
				r.content, r.words, r.people = s.content, s.words, s.people
				sts = append(sts, r)
				appended = append(appended, r.Evidence)
			}
		}
		if s.Stance == parley.Denies || s.Stance == parley.Disputes {
			if r := allegedBy(d, content, q.Content.Start, s.Stance == parley.Denies); r != nil {
				r.content, r.words, r.people = s.content, s.words, s.people
				sts = append(sts, r)
			}
		}
	}
	sts = append(sts, beliefs(d)...)
	for _, s := range sts {
		s.effects = effects(d, s.content)
	}
	sts = withoutAppendedCues(d, sts, appended)
	group(d, sts)
	campSides(d, sts)
	sts = answers(d, sts)
	return build(d, sts, neg)
}

// setStance sets the stance of s, the stance of quote q whose cue is cue
// and whose content words are toks: the cue decides a denial or
// confirmation, the content's verdict words or plain negation a dispute.
func setStance(d *parley.Doc, q *parley.Quote, cue string, toks []string, s *stance) {
	switch {
	case denyCues[cue] && refusal(d, q.Content):
		// "rejected a takeover offer": a course of action turned
		// down, which the one who reports it asserts as well.
		s.Stance = parley.Asserts
	case denyCues[cue]:
		s.Stance = parley.Denies
	case hasAny(toks, verdictWords):
		// Whether the verdict word is a verdict ("the reports were
		// lies") or a verb ("left to lie", "lies at the heart of")
		// is read from the parse in build, which falls back on the
		// stance the other words give.
		s.Stance, s.verdict = parley.Disputes, true
		s.fallback, s.negation = parley.Asserts, hasAny(toks, plainNegations) && !infinitive(d, q.Content)
		if confirmCues[cue] {
			s.fallback = parley.Confirms
		}
	case hasAny(toks, plainNegations) && !infinitive(d, q.Content):
		// Whether the negation bears on the proposition is read from
		// the parse only for a stance that ends in a claim (build).
		s.Stance, s.negation = parley.Disputes, true
	case confirmCues[cue]:
		s.Stance = parley.Confirms
	default:
		s.Stance = parley.Asserts
	}
}

// build turns groups into claims: a group is a claim when two sources take
// a side on it, or when its only source denies or disputes it.
func build(d *parley.Doc, sts []*stance, negs *negations) []parley.Claim {
	byGroup := map[int][]*stance{}
	var order []int
	for _, s := range sts {
		if _, ok := byGroup[s.group]; !ok {
			order = append(order, s.group)
		}
		byGroup[s.group] = append(byGroup[s.group], s)
	}
	var out []parley.Claim
	for _, g := range order {
		raw := byGroup[g]
		ss := withoutRelays(d, withoutPlaceholders(dedupe(withoutNested(raw, raw, false))))
		if !isClaim(ss) {
			continue
		}
		for _, s := range ss {
			if s.verdict && !negs.verdictHeld(d, s.content) {
				s.Stance, s.verdict = s.fallback, false
				if s.negation {
					s.Stance = parley.Disputes
				}
			}
		}
		// Decided against the group as it stands, so that a negation
		// turned into an assertion is not what another negation denies.
		var flip []*stance
		for _, s := range ss {
			if s.negation && !s.verdict && s.Stance == parley.Disputes && !negatesClaim(d, negs, s, ss) {
				flip = append(flip, s)
			}
		}
		for _, s := range flip {
			s.Stance = parley.Asserts
		}
		againstHarm(ss)
		// Sides as the parse left them: a relayed quote and a
		// continuation paragraph may no longer stand where they did.
		if ss = withoutLoneContinuations(d, withoutNested(ss, raw, true)); !isClaim(ss) {
			continue
		}
		c := parley.Claim{Text: claimText(d.Text, ss)}
		c.Key = Key(c.Text)
		for _, s := range ss {
			c.Stances = append(c.Stances, s.ClaimStance)
		}
		c.Status = statusIn(d, c.Stances)
		out = append(out, c)
	}
	return out
}

// isClaim reports whether stances ss make a claim: two sources, or one
// alone that denies something ("denied any knowledge of…"); a negative
// statement by itself disputes nothing.
func isClaim(ss []*stance) bool {
	sources := map[string]bool{}
	for _, s := range ss {
		sources[sourceKey(s)] = true
	}
	return len(sources) >= 2 || hasStance(ss, parley.Denies)
}

func sourceKey(s *stance) string { return stanceKey(s.ClaimStance) }

// stanceKey identifies the source of a stance: its entity, else its name.
func stanceKey(s parley.ClaimStance) string {
	if s.Source != 0 {
		return s.Source.ID()
	}
	return strings.ToLower(s.SourceName)
}

// dedupe keeps one stance per source and position (a source repeating
// itself is not corroboration).
func dedupe(ss []*stance) []*stance {
	seen := map[string]bool{}
	var out []*stance
	for _, s := range ss {
		k := sourceKey(s) + "|" + string(s.Stance)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// withoutPlaceholders drops the placeholder sources ("unnamed reports"
// behind "dismissed the latest claims") of a group that a named source
// asserts ("Ernst & Young claimed …"): the placeholder stood for that
// source.
func withoutPlaceholders(ss []*stance) []*stance {
	against := map[string]bool{}
	for _, s := range ss {
		if s.Stance == parley.Denies || s.Stance == parley.Disputes {
			against[sourceKey(s)] = true
		}
	}
	named := slices.ContainsFunc(ss, func(s *stance) bool {
		return !s.placeholder && (s.Stance == parley.Asserts || s.Stance == parley.Confirms) && !against[sourceKey(s)]
	})
	if !named {
		return ss
	}
	return slices.DeleteFunc(ss, func(s *stance) bool { return s.placeholder })
}

// withoutRelays drops the stances whose content holds the cue of a quote
// on the other side of the claim ("Mantooth says Mars denied any such
// agreement", "Georgia says a chip in the cartridge tells the printer …"):
// the outer quote reports the inner one, or the inner one was read from
// its words, and either way its source does not take the other side.
func withoutRelays(d *parley.Doc, ss []*stance) []*stance {
	negative := func(s *stance) bool { return s.Stance == parley.Denies || s.Stance == parley.Disputes }
	relays := func(s *stance) bool {
		// An explicit denial is its source's own side, whatever a quote
		// finder read inside it ("denied accusations that he threatened
		// X").
		return s.quoteIdx >= 0 && s.Stance != parley.Denies && slices.ContainsFunc(ss, func(t *stance) bool {
			if t == s || t.quoteIdx < 0 || negative(t) == negative(s) {
				return false
			}
			cue := d.Quotes[t.quoteIdx].CueSpan
			return !cue.IsZero() && s.content.Contains(cue)
		})
	}
	if !slices.ContainsFunc(ss, relays) {
		return ss
	}
	return slices.DeleteFunc(slices.Clone(ss), relays)
}

// claimText states the proposition: the content of the first stance that
// asserts it, else of the first stance, without its leading attribution.
func claimText(src string, ss []*stance) string {
	pick := ss[0]
	for _, s := range ss {
		if s.Stance == parley.Asserts || s.Stance == parley.Confirms {
			pick = s
			break
		}
	}
	t := src[pick.content.Start:pick.content.End]
	// "according to her sources with knowledge of the talks, X" → "X"
	if strings.HasPrefix(strings.ToLower(t), "according to") {
		if i := strings.Index(t, ", "); i > 0 && i < len(t)-2 {
			t = t[i+2:]
		}
	}
	return strings.TrimSpace(t)
}

// Key is the normalised form of a claim's text used to group claims across
// articles: its content-word stems, sorted and de-duplicated.
func Key(s string) string {
	m := contentWords(words(s))
	ks := make([]string, 0, len(m))
	for w := range m {
		ks = append(ks, w)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

func hasStance(ss []*stance, st parley.Stance) bool {
	for _, s := range ss {
		if s.Stance == st {
			return true
		}
	}
	return false
}

// refusalReach is how many words may open a denial's content before the
// proposal it turns down: "a third bid from Rangers", "Mr Glazer's
// approaches". Amounts and their brackets are not counted: "a £1.3bn
// ($2.5bn) takeover offer".
const refusalReach = 3

// refusal reports whether a denial's content sp opens with a proposal
// (data/words.tsv class proposal_noun: "rejected a takeover offer",
// "rebuffed the approach", "denied bail"): what is turned down is a course
// of action or a thing asked for, not a statement, so the denial disputes
// nothing.
func refusal(d *parley.Doc, sp parley.Span) bool {
	if len(d.Tokens) == 0 || sp.End > len(d.Text) {
		return false
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	for k, n := first, 0; k < last && k < len(d.Tokens) && n <= refusalReach; k++ {
		if proposalNouns[d.Lower(k)] {
			return true
		}
		switch t := d.Tok(k); {
		case amount(t):
		case d.Tokens[k].Kind == parley.Word || d.Tokens[k].Kind == parley.Possessive:
			n++
		default:
			return false
		}
	}
	return false
}

// amount reports whether token t is part of an amount: a number ("1.3bn"),
// a currency sign or a bracket around one.
func amount(t string) bool {
	if t == "" {
		return false
	}
	r := []rune(t)[0]
	return unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || t == "(" || t == ")"
}

// infinitive reports whether a content is a to-infinitive ("urged Muslims
// not to vote for Labour", "asked them to stay"): a course of action
// urged, whose negation denies no proposition.
func infinitive(d *parley.Doc, sp parley.Span) bool {
	if len(d.Tokens) == 0 {
		return false
	}
	i := d.TokenAt(sp.Start)
	if i > 0 && d.Lower(i-1) == "to" {
		return true
	}
	for k := i; k < len(d.Tokens) && k < i+2; k++ {
		if d.Lower(k) == "to" {
			return k == i || plainNegations[d.Lower(i)]
		}
	}
	return false
}
