package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// Sense and modality read on the parse (issue 13, item 4): acts a news
// report tells that are not political acts that happened. The word lists
// are in data/realis.tsv. Each check is one reason; notAnAct joins them.

// notAnAct reports whether the coded trigger t, with its events es, tells
// no act: a game's act in a sports report, what is hoped, expected,
// wanted or requested, or an act whose subject is a thing. The sentence
// is parsed only when a check on the parse may apply.
func (c *Coder) notAnAct(s *sentence, t trig, code Code, es []parley.Event) bool {
	if c.sportSense(s.in, code, es, venues(s)) || !t.noun && c.classes.at("no_act_phrase", s.words, t.first) > 1 {
		return true // a game's act; "settles in London", "the call comes as …"
	}
	if !t.noun && c.askedAfterQuestion(s, t.first) {
		return true
	}
	hoped := c.hasClass(s, "irrealis_head")
	thing := !t.noun && !t.passive && code.Root != "14" && !actorRightBefore(s, t.first)
	met := !t.noun && c.classes.at("meet_verb", s.words, t.first) > 0
	offer := !t.noun && c.classes.at("offer_verb", s.words, t.first) > 0
	if !hoped && !thing && !met && !offer || !s.parse() {
		return false
	}
	i := t.first
	if t.noun {
		i = nounHead(s, t)
	}
	return hoped && c.irrealis(s, i) || thing && c.thingActs(s, i) || met && c.objectIn(s, i, "met_object") ||
		offer && c.objectIn(s, i, "offer_object")
}

// hasClass reports whether some word of s starts a phrase of class.
func (c *Coder) hasClass(s *sentence, class string) bool {
	for k := range s.words {
		if c.classes.at(class, s.words, k) > 0 {
			return true
		}
	}
	return false
}

// actorRightBefore reports whether an actor ends right before word i, over
// auxiliaries and adverbs ("Russian officials have strongly accused"):
// the act's subject is then that actor, and no thing.
func actorRightBefore(s *sentence, i int) bool {
	k := i - 1
	for k >= 0 && (auxWords[s.words[k]] || strings.HasSuffix(s.words[k], "LY")) {
		k--
	}
	return k >= 0 && s.inActor(k)
}

// objectIn reports whether the verb at i has an object of class, or a
// quantifier object whose "of" phrase is one ("met many of the
// demands"): meeting a demand (met_object) fulfils it and meets no one;
// offering voters a choice (offer_object) is no cooperation.
func (c *Coder) objectIn(s *sentence, i int, class string) bool {
	k := s.dependent(i, parley.RelObj)
	if k >= 0 && c.classes.at(class, s.words, k) == 0 {
		k = s.dependent(k, parley.RelNmod)
	}
	return k >= 0 && c.classes.at(class, s.words, k) > 0
}

// askedAfterQuestion reports whether the verb of asking at i ends a
// quoted question ("… lay the responsibility at the door of?" he asked on
// the radio): the cue of a question, not a request, wherever the sentence
// goes on.
func (c *Coder) askedAfterQuestion(s *sentence, i int) bool {
	if c.classes.at("ask", s.words, i) == 0 {
		return false
	}
	for k := i - 1; k >= 1 && k >= i-5; k-- {
		if s.kinds[k] == parley.CloseQuote || s.kinds[k] == parley.StraightQuote {
			return s.words[k-1] == "?"
		}
	}
	return false
}

// sportSense reports whether code, with its events es, is a game's act in
// the sports report of in (verb coder and speech acts alike; venue holds
// the codes of the sentence's cities read as governments):
// meetings, agreements, rejections, seizures and fights between teams and
// players ("snatching a second try", "rejected the chance to manage the
// club"). Criticism, demands, threats, sanctions, arrests and bodily
// assault stay (sport_keeps): a ban of a player or a punch is news. So
// does any act by or on a civil organ of a state or an IGO (a minister's
// summit with the clubs, a judge's ruling on a player).
func (c *Coder) sportSense(in *input, code Code, es []parley.Event, venue map[string]bool) bool {
	if !c.sportReport(in) {
		return false
	}
	for i := range es {
		if stateSide(in.Doc, es[i].Source, es[i].SourceCode, venue) || stateSide(in.Doc, es[i].Target, es[i].TargetCode, venue) {
			return false
		}
	}
	cc := code.Code
	for _, n := range []int{2, 3} {
		if len(cc) >= n && c.classes.at("sport_keeps", []string{cc[:n]}, 0) > 0 {
			return false
		}
	}
	return true
}

// stateSide reports whether an event's side, entity ref with its code,
// is an organ of a state other than its forces, or an international
// organisation. In a sports report a place is none ("Italy came to
// Dublin" names a venue, not the Irish government), nor is an armed role:
// a "captain", the "Red Rose Army" are a team's.
func stateSide(d *parley.Doc, ref parley.EntityRef, code string, venue map[string]bool) bool {
	if e := d.Entity(ref); e != nil && e.Type == parley.Place || venue[code] {
		return false
	}
	return hasRole(code, stateRoles) && !hasRole(code, armedRoles) || strings.HasPrefix(code, "IGO")
}

// venues returns the codes of the capitals and seats of the sentence
// that the coder reads as governments ("Dublin" → IRLGOV).
func venues(s *sentence) map[string]bool {
	var m map[string]bool
	for k := range s.actors {
		if a := &s.actors[k]; a.capital {
			if m == nil {
				m = map[string]bool{}
			}
			m[a.actorCode()] = true
		}
	}
	return m
}

// irrealisChain is how far up the parse irrealis looks: "wants to see a
// withdrawal" is two steps (obj, xcomp), "expected to be allowed a visit"
// two.
const irrealisChain = 3

// irrealis reports whether token i is the complement, or the object of a
// complement, of a word of hoping, expecting, wanting or requesting
// (irrealis_head): "hope that the fans will respect my decision", "remain
// optimistic that the judges will rule", "wants to see a phased
// withdrawal", "requested the advert be removed". What is hoped for has
// not happened.
func (c *Coder) irrealis(s *sentence, i int) bool {
	for step := 0; step < irrealisChain; step++ {
		h := s.head(i)
		if h < 0 {
			return false
		}
		if clauseBreak(s, h, i) {
			return false // "… want the budget capped - the Commission has urged an increase"
		}
		switch s.rel(i) {
		case parley.RelCcomp, parley.RelXcomp:
			if c.classes.at("irrealis_head", s.words, h) == 1 {
				return true
			}
		case parley.RelObj:
			if step == 0 && c.classes.at("irrealis_head", s.words, h) == 1 {
				return true // "wants a withdrawal"
			}
		default:
			return false
		}
		i = h
	}
	return false
}

// thingActs reports whether the verb at i has a thing for its subject: a
// common noun that is no actor, no entity's mention, no pronoun and no
// noun for people or a body ("excess volatility would impede growth", "the
// new programme will help Turkey … enhance the economy's resilience").
// Things do not act. The subject of an infinitive or of a coordinated verb
// is its governor's.
func (c *Coder) thingActs(s *sentence, i int) bool {
	for step := 0; step < 3 && i >= 0; step++ {
		if k := s.dependent(i, parley.RelNsubj); k >= 0 {
			// "a turnover of staff which had interfered with its work":
			// a relative pronoun stands for the noun the clause modifies.
			if h := s.head(i); s.pos(k) == parley.PRON && s.rel(i) == parley.RelAclRelcl && h >= 0 && h < k && c.classes.at("relative_pronoun", s.words, k) > 0 {
				return c.thingNoun(s, h, k)
			}
			return c.thingNoun(s, k, i)
		}
		if s.dependent(i, parley.RelNsubjPass) >= 0 {
			return false
		}
		h := s.head(i)
		if h < 0 || nameBetween(s, h, i) {
			return false // "The move came after France and Germany vowed to …"
		}
		switch s.rel(i) {
		case parley.RelXcomp, parley.RelConj:
			i = h
		default:
			return false
		}
	}
	return false
}

// nameBetween reports whether an actor, a mention or a capitalised word
// stands between words a and b (either order): the parse may have joined
// the wrong words over a name.
func nameBetween(s *sentence, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for j := a + 1; j < b; j++ {
		if s.inActor(j) || s.caps[j] || s.in.Doc.MentionAt(s.first+j) != nil {
			return true
		}
	}
	return false
}

// clauseBreak reports whether a dash, a semicolon or a colon stands
// between words a and b: a complement does not reach over one.
func clauseBreak(s *sentence, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for j := a + 1; j < b; j++ {
		switch s.words[j] {
		case "-", "–", "—", ";", ":":
			return true
		}
	}
	return false
}

// underPhrase reports whether word j is in the noun phrase headed by k:
// k is reached from j over heads without passing a clause.
func (s *sentence) underPhrase(k, j int) bool {
	for n := 0; j >= 0 && n < 8; n++ {
		if j == k {
			return true
		}
		switch s.rel(j) {
		case parley.RelAcl, parley.RelAclRelcl, parley.RelAdvcl, parley.RelCcomp, parley.RelParataxis:
			return false
		}
		j = s.head(j)
	}
	return false
}

// dependent returns the first dependent of word i with relation r, or -1.
func (s *sentence) dependent(i int, r parley.DepRel) int {
	for k := range s.words {
		if k != i && s.head(k) == i && s.rel(k) == r {
			return k
		}
	}
	return -1
}

// thingNoun reports whether the subject at k of the verb at v is a thing:
// a lower-case common noun, not of time nor of an event, outside every
// actor and mention,
// whose lemma names neither people nor a body.
func (c *Coder) thingNoun(s *sentence, k, v int) bool {
	// "talks have resumed": an event noun is an act, not a thing.
	if s.pos(k) != parley.NOUN || s.caps[k] || s.flags[k]&keyEvent != 0 || timeWords[s.words[k]] || c.classes.at("time_noun", s.words, k) > 0 {
		return false
	}
	// "Last week in Paris, President Kirchner discussed": an actor or a
	// mention between the subject and its verb says the parse took the
	// wrong noun.
	if nameBetween(s, k, v) || s.inActor(k) || s.in.Doc.MentionAt(s.first+k) != nil {
		return false
	}
	for j := range s.words {
		if j != k && (s.inActor(j) || s.caps[j] && j > 0) && s.underPhrase(k, j) {
			return false // "the Tories and their allies", "a Saudi businessman", "the UNITA militarist wing"
		}
	}
	lemma := strings.ToUpper(s.in.Doc.Lemma(s.first + k))
	if personNouns[strings.ToLower(lemma)] || c.classes.at("agent_noun", []string{lemma}, 0) > 0 {
		return false
	}
	return !c.peopleSuffix(lemma)
}

// peopleSuffix reports whether an upper-case lemma ends like a noun for
// people (agent_suffix) and not like a thing (thing_suffix).
func (c *Coder) peopleSuffix(lemma string) bool {
	for w := range c.classes["thing_suffix"] {
		if strings.HasSuffix(lemma, w) {
			return false
		}
	}
	for w := range c.classes["agent_suffix"] {
		if strings.HasSuffix(lemma, w) && len(lemma) > len(w)+2 {
			return true
		}
	}
	return false
}
