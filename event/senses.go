package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// sense settles the word sense of a violent trigger (CAMEO 18-20) from its
// object and context: an attack on a plan is criticism (111), a fight
// against misinformation, a win in a final or a slump of shares is no
// event. A transfer of information or gains ("gave no details", "sent
// shares higher") is no cooperation, aid or release either. It returns the
// trigger, possibly recoded, and whether it stays.
func (c *Coder) sense(s *sentence, t trig) (trig, bool) {
	if len(t.code) < 2 {
		return t, true
	}
	if t.code[:2] == "14" && c.classes.at("show_verb", s.words, t.first) > 0 && c.shown(s, t.last) {
		return t, false // "demonstrated the widely-held view", "demonstrated that …"
	}
	if t.code[:2] == "14" && c.classes.at("rally_word", s.words, t.first) > 0 && !c.gathering(s, t) {
		return t, false
	}
	if t.noun && c.classes.at("market_noun", s.words, t.first) > 0 && !c.demandMade(s, t) {
		return t, false // "strong demand for mining products"
	}
	if t.noun {
		// "the latest Tory attack", "his attack on Labour": an attack by
		// or on a party is one in words.
		if root := t.code[:2]; (root == "18" || root == "19") && c.classes.at("attack_verb", s.words, t.first) > 0 && partyBeside(s, t) {
			t.code = "111"
		}
		return t, true
	}
	if c.classes.at("attraction_verb", s.words, t.first) > 0 && !c.appealAsked(s, t) {
		return t, false
	}
	// A deal, or its refusal ("did not acquire", "not to finance"), needs
	// an organisation on the other side.
	if c.classes.at("deal_verb", s.words, t.first) > 0 {
		return t, c.buysCompany(s, t)
	}
	if root := t.code[:2]; (root == "02" || root == "05") && !t.noun && (c.objectSense(s, t.last, "public_object") != "" || thoseWho(s, t.last)) {
		return t, false // "urged the American public not to tolerate …"
	}
	// "assured the public", "promised voters": a reassurance or a promise
	// to the public is a statement, not an intent to cooperate (03); the
	// public is the object itself, not a word further on ("consult the
	// Director of Public Prosecutions").
	if t.code[:2] == "03" && !t.noun && c.publicObject(s, t.last) {
		return t, false
	}
	if (t.code[:2] == "12" || !t.noun && c.classes.at("dispute_verb", s.words, t.first) > 0) && (c.objectSense(s, t.last, "claim_object", "comment_object") != "" && !c.claimToSomething(s.words, t.last) || c.withObjectSense(s, t, "comment_object") != "") {
		return t, false // "rejected allegations he …", "disputed the notion that …", "did not offer a response", "did not provide X with further information"
	}
	switch t.code[:2] {
	case "18", "19", "20":
	case "03", "06", "07":
		return t, c.objectSense(s, t.last, "yield_object") == "" && c.withObjectSense(s, t, "yield_object") == ""
	case "08", "17":
		return t, c.peopleActedOn(s, t)
	default:
		return t, true
	}
	if c.classes.at("particle", s.words, t.last) > 0 {
		return t, false // "fired up the crowd"
	}
	// "battle to win", "fight to keep": an effort, not a fight.
	if t.last+1 < len(s.words) && s.words[t.last] == "TO" && s.flags[t.last+1]&keyVerb != 0 {
		return t, false
	}
	attack := c.classes.at("attack_verb", s.words, t.first) > 0
	switch c.objectSense(s, t.last, "figurative_object", "verbal_object", "abstract_object") {
	case "figurative_object":
		if attack {
			t.code = "111" // "attacked Bush's record"
			return t, true
		}
		return t, false // "broke the record", "broke its promise"
	case "verbal_object":
		t.code = "111" // "attacked each other's policies"
		return t, true
	case "":
		if attack && (c.wordsAbout(s, t.last) || partyBeside(s, t)) {
			t.code = "111" // "attacked Labour's pledges as “vacuous”"
			return t, true
		}
	case "abstract_object":
		return t, false
	}
	if c.classes.at("contest_verb", s.words, t.first) > 0 && c.contestContext(s) {
		return t, false
	}
	return t, !c.accidental(s, t)
}

// thoseWho reports "those who …", "those (recently) released …" as the
// object at i: people in general, where "those countries" is a determiner.
func thoseWho(s *sentence, i int) bool {
	if i+1 >= len(s.words) || s.words[i] != "THOSE" {
		return false
	}
	n := s.words[i+1]
	if strings.HasSuffix(n, "LY") && i+2 < len(s.words) {
		n = s.words[i+2]
	}
	return n == "WHO" || strings.HasSuffix(n, "ED")
}

// claimToSomething reports "claims to the north", "claims of Hamas to
// Gaza", "claim on the islands" among words[i:i+8]: a claim to territory or
// a right, whose rejection is a rejection, not a denial.
func (c *Coder) claimToSomething(words []string, i int) bool {
	for k := i; k < len(words) && k < i+8; k++ {
		if c.classes.at("claim_object", words, k) == 0 {
			continue
		}
		// right after the noun, or after its "of" phrase: "claims to the
		// north", "claims of Hamas to Gaza"; not "claims government plans
		// to …", a claim without its "that"
		j := k + 1
		if j < len(words) && words[j] == "OF" {
			for j++; j < len(words) && j <= k+4 && words[j] != "TO" && words[j] != "ON" && words[j] != "OVER"; j++ {
			}
		}
		return j < len(words) && (words[j] == "TO" || words[j] == "ON" || words[j] == "OVER")
	}
	return false
}

// shown reports whether what follows a verb of showing at i is what it
// shows: "that", "how" …, or a determiner before anything but a time
// ("demonstrated the view", not "demonstrated this week", "demonstrated
// the day after the vote").
func (c *Coder) shown(s *sentence, i int) bool {
	if i >= len(s.words) {
		return false
	}
	if c.classes.at("show_complement", s.words, i) > 0 {
		return true
	}
	return determiners[s.words[i]] && i+1 < len(s.words) && c.classes.at("time_noun", s.words, i+1) == 0
}

// wordsAbout reports whether words said about the object follow the
// trigger ending at i, within its clause: "as" before a quotation or an
// adjective, a quotation inside the object, or ", saying" after it.
func (c *Coder) wordsAbout(s *sentence, i int) bool {
	for k := i; k < len(s.words) && k < i+10; k++ {
		switch s.kinds[k] {
		case parley.OpenQuote, parley.StraightQuote:
			return true
		}
		switch s.words[k] {
		case "AS":
			return k+1 < len(s.words) && (s.kinds[k+1] == parley.OpenQuote || s.kinds[k+1] == parley.StraightQuote || s.tagged && s.pos(k+1) == parley.ADJ)
		case ",":
			return k+1 < len(s.words) && (s.words[k+1] == "SAYING" || s.words[k+1] == "CALLING")
		case ";", ":", ".":
			return false
		}
	}
	return false
}

// partyBeside reports whether a political party is the actor right before
// or after the trigger: "Tories attack EU asylum moves", "attacked Labour".
// Parties attack in words.
func partyBeside(s *sentence, t trig) bool {
	for _, a := range s.actors {
		near := a.last <= t.first && t.first-a.last <= 2 || a.first >= t.last && a.first-t.last <= 2
		if near && strings.Contains(a.code, "PTY") {
			return true
		}
	}
	return false
}

// accidental reports whether "in" or "by" after a violent trigger names a
// crash, an accident or a disaster as the cause, within a few words:
// "killed in a helicopter crash", "destroyed by fire".
func (c *Coder) accidental(s *sentence, t trig) bool {
	for k := t.last; k < len(s.words) && k < t.last+3; k++ {
		if s.words[k] != "IN" && s.words[k] != "BY" {
			continue
		}
		for j := k + 1; j < len(s.words) && j <= k+4; j++ {
			if c.classes.at("accident_cause", s.words, j) > 0 {
				return true
			}
			if s.kinds[j] != parley.Word || prepositions[s.words[j]] {
				break
			}
		}
	}
	return false
}

// objectSense returns the first of classes that the object phrase after
// token i holds, or "": the words up to the first preposition other than
// "of", punctuation or verb, at most eight.
func (c *Coder) objectSense(s *sentence, i int, classes ...string) string {
	for k := i; k < len(s.words) && k < i+8; k++ {
		w := s.words[k]
		if s.kinds[k] != parley.Word && s.kinds[k] != parley.Possessive || prepositions[w] && w != "OF" {
			return ""
		}
		for _, class := range classes {
			if c.classes.at(class, s.words, k) > 0 {
				return class
			}
		}
		if k > i && s.flags[k]&keyVerb != 0 && !determiners[w] && !strings.HasSuffix(w, "S") {
			return ""
		}
	}
	return ""
}

// withObjectSense is objectSense of what a verb of giving (with_gift_verb
// at t.first) gives when its first object is the receiver: "provided
// reporters with further information", "supplied the firm with data". The
// "with" must follow within five words, with no other preposition or
// punctuation before it.
func (c *Coder) withObjectSense(s *sentence, t trig, classes ...string) string {
	if c.classes.at("with_gift_verb", s.words, t.first) == 0 {
		return ""
	}
	i := t.last
	for k := i; k < len(s.words) && k < i+6; k++ {
		w := s.words[k]
		if w == "WITH" {
			return c.objectSense(s, k+1, classes...)
		}
		if s.kinds[k] != parley.Word && s.kinds[k] != parley.Possessive || prepositions[w] {
			return ""
		}
	}
	return ""
}

// contestContext reports whether the sentence is a sports or business
// report, or stands in a sports report, where verbs of fighting and winning
// are figurative ("Contepomi matched it three minutes later").
func (c *Coder) contestContext(s *sentence) bool {
	for k := range s.words {
		if c.classes.at("sport_context", s.words, k) > 0 || c.classes.at("business_context", s.words, k) > 0 {
			return true
		}
	}
	return c.sportReport(s.in)
}

// sportShare is the share of a document's sentences that must hold a word
// of a sports report for the document to be one.
const sportShare = 0.3

// minSportSentences keeps a short story with one "crowd" or "played" from
// being a sports report.
const minSportSentences = 4

// sportReport reports whether the document of in is a sports report: at
// least sportShare of its sentences hold a sport_context word.
func (c *Coder) sportReport(in *input) bool {
	if in.sport == 0 {
		in.sport = -1
		d, n := in.Doc, 0
		var words []string
		for _, st := range d.Sentences {
			words = words[:0]
			for i := st.First; i < st.Last; i++ {
				words = append(words, strings.ToUpper(d.Lower(i)))
			}
			for k := range words {
				if c.classes.at("sport_context", words, k) > 0 {
					n++
					break
				}
			}
		}
		if n >= minSportSentences && float64(n) >= sportShare*float64(len(d.Sentences)) {
			in.sport = 1
		}
	}
	return in.sport > 0
}

// releasesPeople reports whether a release (0841) sets people free: its
// object, or the subject of a passive "were released", is a person or a
// captive ("hostages", "prisoners"). Statistics, films and supplies that
// are released are no event.
func (c *Coder) releasesPeople(s *sentence, t trig) bool {
	if c.objectSense(s, t.last, "yield_object") != "" {
		return false
	}
	d := s.in.Doc
	person := func(k int) bool {
		if c.classes.at("captive", s.words, k) > 0 {
			return true
		}
		m := d.MentionAt(s.first + k)
		return m != nil && d.Entity(m.Entity) != nil && d.Entity(m.Entity).Type == parley.Person
	}
	for k := t.last; k < len(s.words) && k < t.last+6; k++ {
		if s.kinds[k] != parley.Word && s.kinds[k] != parley.Number || prepositions[s.words[k]] {
			break
		}
		if person(k) {
			return true
		}
	}
	// the subject of a passive, back to a preposition: "the transcript of
	// the call was released" is no person's release
	for k := t.first - 1; k >= 0 && k >= t.first-8; k-- {
		if s.kinds[k] != parley.Word && s.kinds[k] != parley.Number || prepositions[s.words[k]] {
			break
		}
		if person(k) {
			return true
		}
	}
	return false
}

// demandMade reports whether a nominal demand is made by someone: an
// actor or a possessive just before it ("an EU demand", "the union's
// demand", "their demand"), or what is demanded is an act ("demand
// that…", "demand for Turkey to recognise…", "demand for the release of…").
func (c *Coder) demandMade(s *sentence, t trig) bool {
	if p := t.first - 1; p >= 0 && (s.kinds[p] == parley.Possessive || possessiveDeterminers[s.words[p]]) {
		return true
	}
	// "an EU demand", "Tory demands"; a bare nationality is the market's
	// ("Chinese demand for oil").
	if p := t.first - 1; p >= 0 && s.inActor(p) {
		if a := &s.actors[s.actorAt[p]]; len(a.code) > 3 {
			return true
		}
	}
	for k := t.last; k < len(s.words) && k < t.last+6; k++ {
		switch w := s.words[k]; {
		case w == "THAT" && k == t.last:
			return true
		case w == "TO" && k > t.last:
			return true
		case k <= t.last+3 && (strings.HasSuffix(w, "ION") || strings.HasSuffix(w, "MENT") || c.classes.at("demanded_act", s.words, k) > 0):
			// "demand for the release of hostages", "demand for an
			// investigation": an act is demanded.
			return true
		case isDelim(w):
			return false
		}
	}
	return false
}

// gathering reports whether a rally word names people gathered: not in a
// sport or market report, not a modifier ("rally driver", "rallying
// cry"), and as a verb only where people rally ("rallied outside the
// parliament"), not whom someone rallies ("rallies Labour voters").
func (c *Coder) gathering(s *sentence, t trig) bool {
	if c.contestContext(s) || c.classes.at("rally_modified", s.words, t.last) > 0 {
		return false
	}
	if t.noun {
		// "rallies Labour voters": a noun reading followed by whom it
		// rallies is the verb misread.
		return t.last >= len(s.words) || !s.inActor(t.last) && !s.caps[t.last]
	}
	return c.classes.at("rally_place", s.words, t.last) > 0
}

// appealAsked reports whether "appeal to" asks for something: a
// "to"-infinitive or "for" follows its object in the clause ("appealed to
// the UN to end the embargo", "appealed to donors for help"), or the one
// appealed to is a political actor ("appealed to the Security Council").
func (c *Coder) appealAsked(s *sentence, t trig) bool {
	if k := s.actorBefore(t.last-1) + 1; k < len(s.actors) && s.actors[k].first >= t.last && s.actors[k].first <= t.last+2 && political(s.actors[k].code) {
		return true
	}
	for k := t.last; k < len(s.words) && k < t.last+12; k++ {
		w := s.words[k]
		if isDelim(w) || w == "." || w == ";" {
			return false
		}
		if w == "FOR" || w == "TO" && k+1 < len(s.words) && s.flags[k+1]&keyVerb != 0 {
			return true
		}
	}
	return false
}

// publicObject reports whether the object at word i, past one determiner,
// is the general public (public_object), in lower case.
func (c *Coder) publicObject(s *sentence, i int) bool {
	if i < len(s.words) && determiners[s.words[i]] {
		i++
	}
	return i < len(s.words) && !s.caps[i] && c.classes.at("public_object", s.words, i) > 0
}

// peopleActedOn reports whether a release (0841) or a holding (173 of a
// hold_verb) acts on people, as it must to be an event.
func (c *Coder) peopleActedOn(s *sentence, t trig) bool {
	switch {
	case t.code == "0841":
		return c.releasesPeople(s, t)
	case t.code == "173" && c.classes.at("hold_verb", s.words, t.first) > 0:
		return c.holdsPeople(s, t)
	}
	return true
}

// holdsPeople reports whether a holding (hold_verb coded 173: "held in
// custody", "held without charge") holds people: its object is a person
// (a captive or person noun, an actor, a person's mention, an object
// pronoun), or, in the passive, its subject is. A firm holding gold in
// custody or a museum holding letters in a cell detains no one.
func (c *Coder) holdsPeople(s *sentence, t trig) bool {
	d := s.in.Doc
	person := func(k int) bool {
		w := strings.ToLower(s.words[k])
		if c.classes.at("captive", s.words, k) > 0 || personNouns[w] || personNouns[strings.TrimSuffix(w, "s")] || objectPronouns[w] || s.inActor(k) {
			return true
		}
		m := d.MentionAt(s.first + k)
		return m != nil && d.Entity(m.Entity) != nil && d.Entity(m.Entity).Type == parley.Person
	}
	from, to, step := t.last, min(len(s.words), t.last+6), 1
	if t.passive || passiveBefore(s, t.first) {
		from, to, step = t.first-1, max(-1, t.first-9), -1
	}
	for k := from; k != to; k += step {
		if s.kinds[k] != parley.Word && s.kinds[k] != parley.Number || prepositions[s.words[k]] {
			break
		}
		if person(k) {
			return true
		}
	}
	return false
}

// passiveBefore reports whether a form of "be" stands before the
// participle at i, past adverbs in -ly: "are mainly held", "were being
// indefinitely held".
func passiveBefore(s *sentence, i int) bool {
	k := i - 1
	for k >= 0 && strings.HasSuffix(s.words[k], "LY") {
		k--
	}
	if k < 0 {
		return false
	}
	switch s.words[k] {
	case "BE", "BEEN", "BEING", "IS", "ARE", "WAS", "WERE":
		return true
	}
	return false
}
