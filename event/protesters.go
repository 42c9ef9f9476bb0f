package event

import (
	_ "embed"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

//go:embed data/recall.tsv
var recallTSV string

// The word classes of data/recall.tsv, upper-cased as the coder reads
// words.
var (
	recallWords = lexicon.MustReadWordSets("recall.tsv", recallTSV)

	occurVerbs = recallWords.Upper("occur_verb")
	occurSkip  = recallWords.Upper("occur_skip")
	// stancePrefixes open a modifier that makes a noun an act for or
	// against something: "anti-government protests", "pro-democracy
	// rallies" (nounContext, trigger.go).
	stancePrefixes = recallWords.Upper("stance_prefix")
)

// unnamedProtesters gives a protest noun whose phrase names no protester
// the sentence's citizens as protesters, when the noun is the subject of a
// verb of its going on ("the protests in Freedonia spread", "as
// anti-government demonstrations escalated"): the news reports the protest
// itself, not who organised it. The protesters are the civilians (CVL) of
// the country of its target, else of the one country the sentence names;
// its target is the party after "against" in its clause, else the
// government of that country ("anti-government protests", or none named).
func (c *Coder) unnamedProtesters(s *sentence, t trig, srcs, tgts []*actorSpan) ([]*actorSpan, []*actorSpan) {
	if len(srcs) > 0 || !occurringProtest(s, t) {
		return srcs, tgts
	}
	if len(tgts) == 0 {
		tgts = againstParty(s, t)
	}
	cc := ""
	if len(tgts) > 0 && hasCountry(tgts[0].code) {
		cc = tgts[0].code[:3]
	} else if len(tgts) == 0 {
		cc = sentenceCountry(s.actors)
		if cc == "" {
			cc = c.storyCountry(s)
		}
	}
	if cc == "" {
		return srcs, tgts
	}
	if len(tgts) == 0 {
		tgts = []*actorSpan{{first: t.first, last: t.first, code: cc + "GOV"}}
	}
	return []*actorSpan{{first: t.first, last: t.first, code: cc + "CVL"}}, tgts
}

// eventOccurs reports whether the noun trigger t is the subject of a
// verb of going on (occur_verb): the verb follows the noun, with at most
// auxiliaries and adverbs between (occur_skip): "the protests spread",
// "protests have since broadened into …".
func eventOccurs(s *sentence, t trig) bool {
	for k := t.last; k < len(s.words) && k < t.last+8; k++ {
		w := s.words[k]
		if occurVerbs[w] {
			return true
		}
		// "the protests in Peru spread": a place the noun happens in.
		if placePreps[w] && s.inActor(k+1) && s.actors[s.actorAt[k+1]].place {
			k = s.actors[s.actorAt[k+1]].last - 1
			continue
		}
		if s.kinds[k] != parley.Word || !occurSkip[w] {
			return false
		}
	}
	return false
}

// againstParty is the target that a protest noun's clause names: the
// actors after "against" within the next ten words, before another clause
// begins ("had broadened into a movement against the government and
// Beijing").
func againstParty(s *sentence, t trig) []*actorSpan {
	for k := t.last; k < len(s.words) && k < t.last+10; k++ {
		if stopTarget(s.words[k]) {
			return nil
		}
		if s.words[k] != "AGAINST" {
			continue
		}
		for j := s.actorBefore(k+1) + 1; j < len(s.actors); j++ {
			if a := &s.actors[j]; a.first > k && a.first-k <= 4 {
				return coordinated(s, j, +1)
			}
		}
		return nil
	}
	return nil
}

// occurringProtest reports whether trigger t is a protest noun that is
// the subject of a verb of its going on: an act of its own beside the
// sentence's main act ("Police laid siege to the campus as the protests
// escalated"), whose protesters are not the actor before it (the police
// there).
func occurringProtest(s *sentence, t trig) bool {
	return t.noun && strings.HasPrefix(t.code, "14") && eventOccurs(s, t)
}

// stanceModifier reports whether word w is a modifier of stance:
// "anti-government", "pro-democracy" (stance_prefix).
func stanceModifier(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 {
		return stancePrefixes[w[:i+1]]
	}
	return false
}

// storyProtest codes a protest noun of a sentence that names no actor
// ("The protests began peacefully in June") as a protest of the citizens
// of the country the story has just named (storyCountry) against their
// government, when the noun is the subject of a verb of its going on. It
// reports false when the story names no country.
func (c *Coder) storyProtest(s *sentence, t trig, code Code) (parley.Event, bool) {
	if !occurringProtest(s, t) {
		return parley.Event{}, false
	}
	cc := c.storyCountry(s)
	if cc == "" {
		return parley.Event{}, false
	}
	ev := s.evidence(t, nil, nil)
	return parley.Event{
		PLOVER: code.PLOVER, PLOVERMode: code.PLOVERMode, CAMEO: code.Code, CAMEORoot: code.Root,
		QuadClass: code.QuadClass, Goldstein: code.Goldstein,
		SourceCode: cc + "CVL", TargetCode: cc + "GOV",
		Evidence: ev, ReportedIn: reportedIn(s.in.Doc.Quotes, ev),
		Trigger:      strings.ToLower(strings.Join(s.words[t.first:t.last], " ")),
		TriggerToken: int32(s.first + t.first + 1),
	}, true
}

// storyCountry is the CAMEO code of the country of the last place that
// the storyWindow sentences before s, or s itself, mention (a place
// entity of the entity layer with its country), or "".
func (c *Coder) storyCountry(s *sentence) string {
	if c.lex == nil {
		return ""
	}
	d := s.in.Doc
	from := d.Sentences[max(0, s.in.si-storyWindow)].First
	end := s.first + len(s.words)
	for k := len(d.Mentions) - 1; k >= 0; k-- {
		m := &d.Mentions[k]
		if int(m.First) >= end {
			continue
		}
		if int(m.First) < from {
			break
		}
		i := m.Entity.Index()
		if i < 0 || i >= len(d.Entities) || d.Entities[i].Type != parley.Place || d.Entities[i].Country == "" {
			continue
		}
		if co := c.lex.CountryByCode(d.Entities[i].Country); co != nil && co.CAMEO != "" {
			return co.CAMEO
		}
	}
	return ""
}
