package claim

import (
	"sort"
	"strings"

	"github.com/parley-news/parley"
)

// answerParagraphs is how many paragraphs after a criticism its target's
// answer may come: news puts the reply next to the charge ("X was accused
// of… X defended…"); further away, the target's words are about
// something else as often as not.
const answerParagraphs = 2

// defenceParagraphs is how far an answer that says it answers ("defended",
// "denied") may follow the criticism: the charge is often developed over
// a few paragraphs of critics' quotes before the reply.
const defenceParagraphs = 4

// accusation is a criticism of an entity that the entity, or someone
// defending it, may answer: the claim the criticism makes is disputed by
// the answer.
type accusation struct {
	stance *stance
	target parley.EntityRef
	para   int // the paragraph it is made in
	end    int // where its evidence ends
}

// answers joins to a charge ("X was accused of…", "X is under fire
// for…", "Y sued X") the answer that follows it closely: a quote that says
// it answers ("defended", "denied", "hit back"); a reply ("insisted") about
// the charge; or a quote of X about the charge. The charge asserts the
// claim and the answer disputes it. The stances of charges that no quote
// carries (an event with no quote: "under fire") are added to sts; it
// returns the new slice.
func answers(d *parley.Doc, sts []*stance) []*stance {
	accs, sts := accusations(d, sts)
	if len(accs) == 0 {
		return sts
	}
	// A quote already in a claim with another source keeps it: what it
	// says was matched on its content, which is better evidence than
	// nearness to a charge. A placeholder source is no other source.
	sources := map[int]map[string]bool{}
	placeholders := map[int][]*stance{}
	for _, s := range sts {
		if s.placeholder {
			placeholders[s.group] = append(placeholders[s.group], s)
			continue
		}
		if sources[s.group] == nil {
			sources[s.group] = map[string]bool{}
		}
		sources[s.group][sourceKey(s)] = true
	}
	for _, s := range sts {
		if s.quoteIdx < 0 || s.Source == 0 || len(sources[s.group]) > 1 {
			continue
		}
		q := &d.Quotes[s.quoteIdx]
		if denyCues[strings.ToLower(q.Cue)] && refusal(d, q.Content) {
			continue // "denied bail": a thing withheld answers no charge
		}
		a := answered(d, accs, s, q)
		if a == nil {
			continue
		}
		// The placeholder accuser of a denial ("unnamed accusers" behind
		// "denied the charges") gives way to the charge it answers.
		for _, o := range placeholders[s.group] {
			o.group = -1 - o.group
		}
		delete(placeholders, s.group)
		s.group = a.stance.group
		// The charge is what the accuser asserts, whatever negation its
		// wording holds ("accused X of not paying").
		a.stance.Stance, a.stance.negation = parley.Asserts, false
		if denyCues[strings.ToLower(q.Cue)] {
			s.Stance = parley.Denies
		} else {
			s.Stance = parley.Disputes
		}
		s.negation = false // an answer disputes the charge whatever its wording
	}
	return sts
}

// answered is the latest charge before stance s that s answers, or nil.
func answered(d *parley.Doc, accs []accusation, s *stance, q *parley.Quote) *accusation {
	para := paragraphOf(d, q.Content.Start)
	limit := min(q.Content.Start, q.CueSpan.Start)
	for i := sort.Search(len(accs), func(i int) bool { return accs[i].end > limit }) - 1; i >= 0; i-- {
		a := &accs[i]
		if a.stance == s {
			continue
		}
		if para-a.para > defenceParagraphs {
			return nil
		}
		if s.Source == a.stance.Source || s.group == a.stance.group {
			return nil
		}
		switch how := answerKind(d, q); {
		case how == rebuts:
			return a
		case how == replies && sharesWord(s, a.stance):
			return a
		case s.Source == a.target && para-a.para <= answerParagraphs && sharesWord(s, a.stance):
			return a
		}
		// Only the latest charge is answered.
		return nil
	}
	return nil
}

// accusations lists the charges against an entity in text order of their
// ends, from the event layer's ACCUSE events with a target and a charge
// trigger. A charge a quote carries ("accused X of…" as the cue) is that
// quote's stance; one no quote carries gets a stance of its own, by its
// source or by unnamed critics, in a group of its own, merged into sts in
// text order.
func accusations(d *parley.Doc, sts []*stance) ([]accusation, []*stance) {
	var out []accusation
	var added []*stance
	next := 0
	for _, s := range sts {
		next = max(next, s.group+1)
	}
	cues := cueIndex(d, sts)
	for _, e := range d.Events {
		if e.PLOVER != "ACCUSE" || !charges[e.Trigger] || e.Target == 0 || e.Target == e.Source || e.Negated {
			continue
		}
		s := cues.carrier(d, e)
		if s == nil {
			s = chargeStance(d, e, next)
			next++
			added = append(added, s)
		}
		out = append(out, accusation{stance: s, target: e.Target, para: paragraphOf(d, e.Evidence.Start), end: e.Evidence.End})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].end < out[j].end })
	return out, mergeStances(sts, added)
}

// chargeStance is the asserting stance of a charge that no quote carries:
// by the event's source, or by unnamed critics ("X is under fire for…").
func chargeStance(d *parley.Doc, e parley.Event, group int) *stance {
	s := &stance{
		ClaimStance: parley.ClaimStance{Source: e.Source, Stance: parley.Asserts, Evidence: e.Evidence},
		content:     e.Evidence, quoteIdx: -1, group: group,
	}
	if e.Source == 0 {
		e.Source = chargeSubject(d, e)
		s.Source = e.Source
	}
	if e.Source == 0 {
		s.SourceName = "unnamed critics"
	} else if x := d.Entity(e.Source); x != nil {
		s.SourceName = x.Name
	}
	ev := d.Text[e.Evidence.Start:e.Evidence.End]
	s.words, s.names = contentWords(words(ev)), names(ev, 0, d)
	return s
}

// chargeSubject is the entity that makes a charge the event layer gave no
// source, when a mention of it stands just before the trigger, with only
// auxiliaries and adverbs between ("Yukos is currently suing", "AMF is
// investigating claims", "it sued"); 0 for none, and for a passive ("has
// been criticised"), whose critics the text does not name.
func chargeSubject(d *parley.Doc, e parley.Event) parley.EntityRef {
	if len(d.Tokens) == 0 || e.Evidence.End > len(d.Text) || e.Trigger == "" {
		return 0
	}
	head := strings.Fields(e.Trigger)[0]
	k := triggerToken(d, e, head)
	if k < 0 {
		return 0
	}
	j, be := k-1, false
	for ; j >= 0 && j >= k-1-authorReach && chargeInterposed(d.Lower(j)); j-- {
		be = be || beForms[d.Lower(j)]
	}
	if be && !strings.HasSuffix(head, "ing") {
		return 0 // "has been criticised": a passive
	}
	if j < 0 {
		return 0
	}
	if m := d.MentionAt(j); m != nil && int(m.Last) == j+1 && m.Entity != 0 {
		return m.Entity
	}
	return 0
}

// triggerToken is the index of e's trigger (its first word, head) in
// d.Tokens: the position the event layer recorded, else, for an event read
// back without it, the first token of the evidence that is the head; -1
// for none.
func triggerToken(d *parley.Doc, e parley.Event, head string) int {
	if k := int(e.TriggerToken) - 1; k >= 0 && k < len(d.Tokens) {
		if d.Lower(k) == head {
			return k
		}
		return -1
	}
	for i, last := d.TokenAt(e.Evidence.Start), d.TokenAt(e.Evidence.End-1); i <= last && i < len(d.Tokens); i++ {
		if d.Lower(i) == head {
			return i
		}
	}
	return -1
}

// chargeInterposed reports whether w may stand between a charge's maker and
// its trigger: an auxiliary or an adverb of time ("is currently suing",
// "had earlier accused").
func chargeInterposed(w string) bool {
	return beForms[w] || relayInterposed[w] || chargeAdverbs[w]
}

// cueStances are the quote stances in order of their cues' starts.
type cueStances []*stance

func cueIndex(d *parley.Doc, sts []*stance) cueStances {
	var out cueStances
	for _, s := range sts {
		if s.quoteIdx >= 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return d.Quotes[out[i].quoteIdx].CueSpan.Start < d.Quotes[out[j].quoteIdx].CueSpan.Start
	})
	return out
}

// carrier is the stance of the quote whose cue, inside the event's
// evidence, is the event's trigger, or nil.
func (cs cueStances) carrier(d *parley.Doc, e parley.Event) *stance {
	i := sort.Search(len(cs), func(i int) bool { return d.Quotes[cs[i].quoteIdx].CueSpan.Start >= e.Evidence.Start })
	for ; i < len(cs); i++ {
		q := &d.Quotes[cs[i].quoteIdx]
		if q.CueSpan.Start >= e.Evidence.End {
			break
		}
		if q.CueSpan.End <= e.Evidence.End && strings.HasPrefix(e.Trigger, strings.ToLower(q.Cue)) {
			return cs[i]
		}
	}
	return nil
}

// mergeStances puts the stances of added (in text order) among sts, each
// after the stances that start at or before it.
func mergeStances(sts, added []*stance) []*stance {
	if len(added) == 0 {
		return sts
	}
	out := make([]*stance, 0, len(sts)+len(added))
	j := 0
	for _, s := range sts {
		for j < len(added) && added[j].Evidence.Start < s.Evidence.Start {
			out = append(out, added[j])
			j++
		}
		out = append(out, s)
	}
	return append(out, added[j:]...)
}

// How a quote's wording marks it as an answer.
const (
	plain   = iota
	replies // "insisted", "replied": an answer when it is about the charge
	rebuts  // "defended", "denied", "hit back": an answer
)

// answerKind reads the quote's cue, and the words between its speaker and
// its cue ("Raab defended the party's actions, saying…"), for a verb that
// marks it as an answer.
func answerKind(d *parley.Doc, q *parley.Quote) int {
	kind := func(w string) int {
		switch {
		case denyCues[w] || rebutCues[w]:
			return rebuts
		case replyCues[w]:
			return replies
		}
		return plain
	}
	how := kind(strings.ToLower(q.Cue))
	if how == rebuts || q.SpeakerSpan.IsZero() || q.SpeakerSpan.End >= q.CueSpan.Start {
		return how
	}
	first, last := d.TokenAt(q.SpeakerSpan.End), d.TokenAt(q.CueSpan.Start)
	for i := first; i < last && i < first+12; i++ {
		w := d.Lower(i)
		k := kind(w)
		if i+1 < last {
			k = max(k, kind(w+" "+d.Lower(i+1)))
		}
		how = max(how, k)
	}
	return how
}

// paragraphOf is the index of the paragraph of the sentence holding byte
// offset off.
func paragraphOf(d *parley.Doc, off int) int {
	if si := d.SentenceOf(d.TokenAt(off)); si < len(d.Sentences) {
		return d.Sentences[si].Para
	}
	return len(d.Paragraphs)
}

// sharesWord reports whether an answer and the criticism it may answer have
// a content word in common that is not a name: the target's words are about
// the charge ("failing to deliver on his vow" … "look what I've
// delivered"), not only by the one charged.
func sharesWord(a, b *stance) bool {
	for w := range a.words {
		if b.words[w] && !a.names[w] && !b.names[w] {
			return true
		}
	}
	return false
}
