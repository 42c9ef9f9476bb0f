package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// inquirySource gives a nominal investigation (CAMEO 09: "the impeachment
// inquiry", "a narcotics investigation", "the cases against X") whose own
// phrase names no investigator the organ of the state in its sentence
// that investigates (investigator_role in data/codes.tsv: a legislature, a
// court, the police), the one nearest the noun: a committee that hears
// testimony about an inquiry, a court that decides on cases, police who
// arrest during an investigation conduct it. Such background acts are
// events of the story though the sentence reports another act, so ok
// tells the caller to keep the noun beside the main act. A party the noun
// itself targets is not its investigator, and a source that is no
// political actor ("arrested six people during an investigation": the
// people, found before the noun) gives way to the investigator.
func inquirySource(s *sentence, t trig, code Code, es []parley.Event) (out []parley.Event, ok bool) {
	if !t.noun || t.negated || code.Root != "09" || politicalSource(es) {
		return es, false
	}
	best, dist := -1, 0
	for k := range s.actors {
		a := &s.actors[k]
		if !hasRole(a.code, investigators) || targetOf(es, a) {
			continue
		}
		d := a.first - t.last
		if a.last <= t.first {
			d = t.first - a.last
		}
		if best < 0 || d < dist {
			best, dist = k, d
		}
	}
	if best < 0 {
		return es, false
	}
	a := &s.actors[best]
	out = make([]parley.Event, len(es))
	for i, e := range es {
		e.Source, e.SourceCode = a.entity, a.actorCode()
		out[i] = e
	}
	return out, true
}

// targetOf reports whether the actor a is the target of an event of es.
func targetOf(es []parley.Event, a *actorSpan) bool {
	return anyEvent(es, func(e *parley.Event) bool {
		return a.entity != 0 && e.Target == a.entity || a.entity == 0 && e.TargetCode != "" && e.TargetCode == a.actorCode()
	})
}

// investigated reports whether a noun of code is an investigation in a
// sentence that names an organ that investigates: such a noun is an act
// wherever it stands, after a modifier ("a narcotics investigation") or
// as a proceeding already under way ("testified about the inquiry"), which
// for other event nouns is a back reference (backReference).
func investigated(s *sentence, code string) bool {
	if !strings.HasPrefix(code, "09") {
		return false
	}
	for k := range s.actors {
		if hasRole(s.actors[k].code, investigators) {
			return true
		}
	}
	return false
}
