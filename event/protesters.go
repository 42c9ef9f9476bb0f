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
// its target is the party after "against" in its clause, else, only with a
// stance modifier ("anti-government protests"), the government of that
// country: a sit-in in a capital names no one it is against.
func (c *Coder) unnamedProtesters(s *sentence, t trig, srcs, tgts []*actorSpan) ([]*actorSpan, []*actorSpan) {
	if len(srcs) > 0 || !c.occurringProtest(s, t) {
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
	if len(tgts) == 0 && stanceBefore(s, t) {
		tgts = []*actorSpan{{first: t.first, last: t.first, code: cc + "GOV"}}
	}
	return []*actorSpan{{first: t.first, last: t.first, code: cc + "CVL"}}, tgts
}

// stanceBefore reports whether a stance modifier stands right before the
// trigger t: "anti-government protests".
func stanceBefore(s *sentence, t trig) bool {
	return t.first > 0 && stanceModifier(s.words[t.first-1])
}

// eventOccurs reports whether the noun trigger t is the subject of a
// verb of going on (occur_verb): the verb follows the noun, with at most
// auxiliaries and adverbs between (occur_skip): "the rallies spread",
// "demonstrations have since resumed in …".
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
// begins ("had spread into a campaign against the governor and the
// army").
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
// sentence's main act ("Soldiers closed the bridge while the rallies
// intensified"), whose protesters are not the actor before it (the
// soldiers there). In a sports or business report, or a sentence or story window
// with a word of one ("the rally began in the seventh inning", "fans …:
// the protests grew louder"), the noun is no protest.
func (c *Coder) occurringProtest(s *sentence, t trig) bool {
	return protestGoesOn(s, t) && !c.contestContext(s) && !c.storyHas(s, "sport_context", "business_context")
}

// protestGoesOn reports whether trigger t is a protest noun that is the
// subject of a verb of its going on, whatever the context.
func protestGoesOn(s *sentence, t trig) bool {
	return t.noun && strings.HasPrefix(t.code, "14") && eventOccurs(s, t)
}

// storyHas reports whether one of the storyWindow sentences before s
// holds a word of one of classes.
func (c *Coder) storyHas(s *sentence, classes ...string) bool {
	d := s.in.Doc
	var words []string
	for si := max(0, s.in.si-storyWindow); si < s.in.si; si++ {
		words = words[:0]
		for i := d.Sentences[si].First; i < d.Sentences[si].Last; i++ {
			words = append(words, strings.ToUpper(d.Lower(i)))
		}
		for k := range words {
			for _, class := range classes {
				if c.classes.at(class, words, k) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// storyProtesters reports whether the storyWindow sentences before s, or
// s itself, name protesters: an agent word of the opposition role
// (agents.txt: "demonstrators", "protesters", "activists"). A definite
// protest noun with no actor of its own ("The rallies resumed on Monday")
// goes on from them; without them ("Apple unveiled a phone. The
// demonstration began with a video.") it is no protest.
func (c *Coder) storyProtesters(s *sentence) bool {
	d := s.in.Doc
	var words []string
	for si := max(0, s.in.si-storyWindow); si <= s.in.si; si++ {
		words = words[:0]
		for i := d.Sentences[si].First; i < d.Sentences[si].Last; i++ {
			words = append(words, strings.ToUpper(d.Lower(i)))
		}
		for k := range words {
			if p, _ := c.actors.matchIn(c.actors.agentsBy, words, k); p != nil && strings.HasSuffix(p.agent, "OPP") {
				return true
			}
		}
	}
	return false
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
// ("The marches resumed on Tuesday") as a protest of the citizens of the
// country the story has just named (storyCountry), when the noun is the
// subject of a verb of its going on and the story has named protesters
// (storyProtesters); against their government only with a stance modifier
// ("the anti-government marches resumed"). It reports false when the
// story names no country.
func (c *Coder) storyProtest(s *sentence, t trig, code Code) (parley.Event, bool) {
	if !c.occurringProtest(s, t) || !c.storyProtesters(s) {
		return parley.Event{}, false
	}
	cc := c.storyCountry(s)
	if cc == "" {
		return parley.Event{}, false
	}
	tgt := ""
	if stanceBefore(s, t) {
		tgt = cc + "GOV"
	}
	ev := s.evidence(t, nil, nil)
	return parley.Event{
		PLOVER: code.PLOVER, PLOVERMode: code.PLOVERMode, CAMEO: code.Code, CAMEORoot: code.Root,
		QuadClass: code.QuadClass, Goldstein: code.Goldstein,
		SourceCode: cc + "CVL", TargetCode: tgt,
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

// nounRoles picks the source and target actors of a noun trigger: the
// actors of its window and phrase, else the clause's subject, else the
// unnamed protesters of an occurring protest.
func (c *Coder) nounRoles(s *sentence, t trig, before func() []*actorSpan) (srcs, tgts []*actorSpan) {
	srcs, tgts = c.windowNounRoles(s, t)
	// The subject of a light verb holds its noun's act: "Klibi
	// undertook a mediation mission between…", "the judge opened
	// investigations against…".
	if len(srcs) == 0 && (len(tgts) == 0 || lightVerb(s, t.first)) && !c.occurringProtest(s, t) {
		// "Thousands of Nigerians were converging for a rally": the
		// clause's subject holds the event.
		srcs = before()
	}
	srcs, tgts = c.parsedOver(s, t, srcs, tgts)
	if len(srcs) == 0 {
		// the unnamed protesters' government is their target only as
		// unnamedProtesters says
		if u, ut := c.unnamedProtesters(s, t, srcs, tgts); len(u) > 0 {
			return u, ut
		}
	}
	return srcs, ownGovernment(t, srcs, tgts)
}

// ownGovernment: a protest with no named target is addressed to the
// protesters' own government, whether a verb or a noun names it ("Young
// Algerians blocked roads…", "Nepal's opposition parties organised a
// general strike"); not when the protesters are an organ of that state.
func ownGovernment(t trig, srcs, tgts []*actorSpan) []*actorSpan {
	if len(tgts) == 0 && strings.HasPrefix(t.code, "14") && len(srcs) > 0 && hasCountry(srcs[0].code) &&
		!(len(srcs[0].code) >= 6 && stateRoles[srcs[0].code[3:6]]) {
		return []*actorSpan{{first: srcs[0].first, last: srcs[0].first, code: srcs[0].code[:3] + "GOV"}}
	}
	return tgts
}
