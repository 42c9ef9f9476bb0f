package event

import (
	"sort"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// actorSpan is an actor mention in a sentence: tokens [first, last), its
// CAMEO actor code and, when the entity layer knows it, the entity id.
type actorSpan struct {
	first, last int
	code        string
	entity      parley.EntityRef
	possessor   bool // entity is the possessor ("Britain's") of a name that may follow
	place       bool // a place name (city or country) rather than an agent
	capital     bool // a capital city or seat: the government when it acts
}

// piece is a dictionary match before countries and agents are combined.
type piece struct {
	first, last int
	code        string // actor code ("RUS", "USAGOV") or "" for an agent
	role        string // agent role ("GOV")
	place       bool
	capital     bool
}

// lexActor matches the lexicon at token i: a seat of government is the
// government ("the Kremlin" → RUSGOV), a country name or demonym the
// country, an organisation its CAMEO code.
func (c *Coder) lexActor(s *sentence, i int) (piece, int) {
	if c.lex == nil || !s.caps[i] {
		return piece{}, 0
	}
	m, ok := c.lex.MatchAt(s.orig[i:])
	if !ok || m.Words == 0 {
		return piece{}, 0
	}
	p := piece{first: i, last: i + m.Words}
	switch {
	case m.Seat != nil && m.Seat.CAMEO != "":
		p.code = m.Seat.CAMEO + "GOV"
	case m.Org != nil && m.Org.CAMEO != "" && !m.Ambiguous:
		p.code = m.Org.CAMEO
	case m.Country != nil && m.Country.CAMEO != "":
		p.code, p.place = m.Country.CAMEO, true
	case m.Demonym != nil && m.Demonym.CAMEO != "" && i > 0 && s.words[i-1] == "ETHNIC":
		p.role = "CVL" // "ethnic Albanians": a group, not the state
	case m.Demonym != nil && m.Demonym.CAMEO != "":
		p.code = m.Demonym.CAMEO
	case m.Place != nil && placeContext(s, i, m.Words) && (m.Place.Kind == "region" || m.Place.Population >= 500000):
		// "the government of Sindh province", "in Gaza": a region or large
		// city of the gazetteer places its actors in its country.
		k := c.lex.CountryByCode(m.Place.Country)
		if k == nil || k.CAMEO == "" {
			return piece{}, 0
		}
		p.code, p.place = k.CAMEO, true
	default:
		return piece{}, 0
	}
	return p, m.Words
}

// placeContext reports whether the words at [i, i+n) stand where a place
// name does: after in/of/from/near/at, or before "province", "region".
func placeContext(s *sentence, i, n int) bool {
	if i > 0 {
		if placePreps[s.words[i-1]] {
			return true
		}
	}
	if j := i + n; j < len(s.words) {
		if placeNouns[s.words[j]] {
			return true
		}
	}
	return false
}

// findActors finds the actor mentions of a sentence: dictionary actors
// (countries and their cities, leaders, organisations), agents ("police",
// "foreign minister") combined with the country next to them ("Russian
// officials", "the foreign minister of France"), and entities of the entity
// layer that the dictionaries do not know, coded through their affiliation
// and roles.
func (c *Coder) findActors(s *sentence) []actorSpan {
	out := mergePieces(s, c.actorPieces(s))
	out = c.linkEntities(s, out)
	out = c.firstPerson(s, out)
	c.shareConjunctRole(s, out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// actorPieces finds the pieces of actors in s: dictionary phrases,
// lexicon actors and hyphenated countries ("US-backed"), each with its
// code or its role.
func (c *Coder) actorPieces(s *sentence) []piece {
	var ps []piece
	n := len(s.words)
	for i := 0; i < n; {
		if s.kinds[i] != parley.Word {
			i++
			continue
		}
		var p *phrase
		k := 0
		if s.flags[i]&(keyActor|keyAgent) != 0 {
			p, k = c.actors.match(s.words, i, s.caps[i])
		}
		if lp, lk := c.lexActor(s, i); lk > k || p == nil && lk > 0 {
			if lk > k {
				p, k = nil, lk
				ps = append(ps, lp)
				i += lk
				continue
			}
		}
		if p == nil {
			// "Vietnamese-led forces", "US-backed rebels": the country
			// before the hyphen.
			if h := strings.IndexByte(s.words[i], '-'); h > 0 && s.caps[i] && hyphenRoles[s.words[i][h+1:]] {
				if hp, _ := c.actors.match([]string{s.words[i][:h]}, 0, true); hp != nil && hp.actor >= 0 {
					if cc, _ := splitActor(c.actors.codeAt(hp.actor, s.in.Published)); cc != "" {
						ps = append(ps, piece{first: i, last: i + 1, code: cc})
					}
				}
			}
			i++
			continue
		}
		// A capitalised dictionary phrase must be capitalised in the text;
		// agents are common nouns and need not be.
		if p.actor >= 0 && !s.caps[i] {
			i++
			continue
		}
		pc := piece{first: i, last: i + k}
		// "military aid", "police custody": an agent noun used as a
		// modifier of the next word is no actor.
		if p.actor < 0 && c.modifierUse(s, i+k, p.agent) {
			i += k
			continue
		}
		if p.actor >= 0 {
			pc.code = c.actors.codeAt(p.actor, s.in.Published)
			pc.place = len(pc.code) == 3
			// "ethnic Albanians in southern Serbia": an ethnic group, not
			// the state its name recalls.
			if i > 0 && s.words[i-1] == "ETHNIC" && len(pc.code) == 3 {
				pc.code, pc.place = "", false
				pc.role = "CVL"
			}
		} else {
			pc.role = p.agent
		}
		if pc.place && c.capital[strings.Join(s.words[i:i+k], " ")] != "" {
			pc.capital = true
		}
		if pc.code != "" || pc.role != "" {
			ps = append(ps, pc)
		}
		i += k
	}
	return ps
}

// mergePieces merges a country with an adjacent agent: "Russian
// officials", "Russia's foreign minister", "the foreign minister of
// Russia", "French Foreign Minister Jean-Yves Le Drian".
func mergePieces(s *sentence, ps []piece) []actorSpan {
	var out []actorSpan
	for i := 0; i < len(ps); i++ {
		a := actorSpan{first: ps[i].first, last: ps[i].last, code: ps[i].code, place: ps[i].place, capital: ps[i].capital}
		// A role the text states ("President") beats one from the
		// dictionary's dates, which may not fit an undated article.
		country, role := splitActor(ps[i].code)
		textRole := ps[i].role
		for i+1 < len(ps) && joinable(s, ps[i].last, ps[i+1].first) {
			nx := ps[i+1]
			// "rebels in the Ivory Coast", "officials from Russia": only a
			// role takes its country from a place after in/from.
			if locJoin(s, ps[i].last, nx.first) && (country != "" || !nx.place) {
				break
			}
			nc, nr := splitActor(nx.code)
			if country == "" {
				country = nc
			} else if nc != "" && nc != country && nr == "" {
				break
			}
			if nr != "" && (role == "" || len(nr) > len(role)) {
				role = nr
			}
			if nx.role != "" && textRole == "" {
				textRole = nx.role
			}
			a.last = nx.last
			a.place = false
			i++
		}
		if textRole != "" {
			role = textRole
		}
		if country == "" && role == "" {
			continue
		}
		a.code = country + role
		if role != "" {
			a.place = false
		}
		out = append(out, a)
	}
	return out
}

// shareConjunctRole gives a bare country before "and" the role of the
// next conjunct when an agent word of that conjunct gives it: "US and
// British forces", "US and British Army units" (ARMY an agent though
// capitalised); not a name ("Israel and Hamas": Israel is no Hamas).
func (c *Coder) shareConjunctRole(s *sentence, out []actorSpan) {
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], &out[k+1]
		if len(a.code) == 3 && a.last+1 == b.first && s.words[a.last] == "AND" && len(b.code) > 3 && !roleOnlyCode[b.code[:3]] && c.agentIn(s, b.first, b.last) {
			a.code += b.code[3:]
			a.place, a.capital = false, false
		}
	}
}

// agentIn reports whether the role of the actor words[first:last] comes
// from an agent word (agents.txt: "forces", "Army", "police"), not a
// name: an agent word starts in it, and it ends in a common noun or
// within that agent ("British Army units", "British Army"; not "Chancellor Gordon
// Brown", a person with a title).
func (c *Coder) agentIn(s *sentence, first, last int) bool {
	for k := first; k < last; k++ {
		if p, n := c.actors.matchIn(c.actors.agentsBy, s.words, k); p != nil && (!s.caps[last-1] || k+n >= last) {
			return true
		}
	}
	return false
}

// joinable reports whether two pieces with only a possessive, "of" or a
// determiner between them form one actor.
func joinable(s *sentence, end, next int) bool {
	if next == end {
		return true
	}
	// "British Defence Secretary Tom King": a title, a name, and a name the
	// dictionaries know.
	if next-end <= 3 && s.caps[end-1] {
		ok := true
		for k := end; k < next; k++ {
			if !s.caps[k] || s.kinds[k] != parley.Word || timeWords[s.words[k]] {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	// "opposition groups in Zimbabwe": a role noun's head, then in/from.
	if next-end == 2 && !s.caps[end] && s.kinds[end] == parley.Word && (s.words[end+1] == "IN" || s.words[end+1] == "FROM") {
		return true
	}
	// "French paper workers", "Kampuchean guerrilla camps": a modifier or
	// two between a nationality and a role noun.
	if next-end <= 2 && s.caps[end-1] && !s.caps[end] {
		ok := true
		for k := end; k < next; k++ {
			if s.kinds[k] != parley.Word || s.caps[k] || s.flags[k]&keyVerb != 0 && !strings.HasSuffix(s.words[k], "IST") {
				ok = false
			}
		}
		if ok && next < len(s.words) && !s.caps[next] {
			return true
		}
	}
	for k := end; k < next; k++ {
		if !actorJoiners[s.words[k]] {
			return false
		}
	}
	return next-end <= 2
}

// splitActor cuts an actor code into its country/IGO part and its role part.
func splitActor(code string) (country, role string) {
	if len(code) < 3 {
		return "", code
	}
	return code[:3], code[3:]
}

// linkEntities attaches entity ids to actor spans and adds the entities the
// dictionaries missed, coded through their affiliation and roles.
func (c *Coder) linkEntities(s *sentence, spans []actorSpan) []actorSpan {
	d := s.in.Doc
	n := len(s.words)
	for i := 0; i < n; i++ {
		ref := d.MentionAt(s.first + i)
		if ref == nil || d.Entity(ref.Entity) == nil {
			continue
		}
		ent := d.Entity(ref.Entity)
		id := ref.Entity
		last := int(ref.Last) - s.first
		if last > n {
			last = n
		}
		if last <= i {
			last = i + 1
		}
		found := false
		for k := range spans {
			if spans[k].first < last && i < spans[k].last {
				// "Britain's Conservative Party": the possessed name, not
				// its possessor, is the actor.
				if spans[k].entity == 0 || spans[k].possessor && (ent.Type == parley.Person || ent.Type == parley.Organization) {
					spans[k].entity = id
					spans[k].possessor = last < n && s.kinds[last] == parley.Possessive
				}
				found = true
			}
		}
		if !found && ent.Type != parley.Place {
			code, ok := s.in.entCodes[ref.Entity.Index()]
			if !ok {
				code = c.entityCode(ent, s.in.Published)
				s.in.entCodes[ref.Entity.Index()] = code
			}
			if code != "" {
				spans = append(spans, actorSpan{first: i, last: last, code: code, entity: id})
			}
		}
		i = last - 1
	}
	return spans
}

// entityCode codes an entity the dictionaries do not name through its
// affiliation ("Russia" → RUS) and roles ("foreign minister" → GOV).
func (c *Coder) entityCode(e *parley.Entity, t time.Time) string {
	// The name itself may be in the dictionaries ("Taliban", "Pentagon",
	// a country), or a place the lexicon knows.
	if code := c.codePhrase(e.Name, t); len(code) >= 3 {
		return code
	}
	if c.lex != nil {
		if e.Country != "" && e.Type == parley.Place {
			if k := c.lex.CountryByCode(e.Country); k != nil && k.CAMEO != "" {
				return k.CAMEO
			}
		}
		if o := c.lex.Org(e.Name); o != nil && o.CAMEO != "" {
			return o.CAMEO
		}
	}
	country := ""
	if e.Affiliation != "" {
		country = c.codePhrase(e.Affiliation, t)
		if len(country) > 3 {
			country = country[:3]
		}
	}
	role := ""
	for _, r := range e.Roles {
		code := c.codePhrase(r, t)
		cc, rr := splitActor(code)
		if country == "" {
			country = cc
		}
		if rr != "" {
			role = rr
			break
		}
	}
	if country == "" && e.Country != "" && c.lex != nil {
		if k := c.lex.CountryByCode(e.Country); k != nil {
			country = k.CAMEO
		}
	}
	if role == "" {
		role = c.kinds.role(e)
	}
	// Without a country the role alone codes the actor ("BUS", "CVL").
	return country + role
}

// codePhrase codes a short phrase (an affiliation or role) with the
// dictionaries.
func (c *Coder) codePhrase(p string, t time.Time) string {
	d := text.SegmentString(p)
	words := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		words[i] = strings.ToUpper(d.Tok(i))
	}
	country, role := "", ""
	for i := 0; i < len(words); {
		ph, k := c.actors.match(words, i, true)
		if ph == nil {
			i++
			continue
		}
		if ph.actor >= 0 {
			cc, rr := splitActor(c.actors.codeAt(ph.actor, t))
			if country == "" {
				country = cc
			}
			if role == "" {
				role = rr
			}
		} else if role == "" {
			role = ph.agent
		}
		i += k
	}
	return country + role
}

// actorCode is the span's code as an actor: a capital that acts is its
// government ("Moscow and Washington agreed").
func (a *actorSpan) actorCode() string {
	if a.capital && len(a.code) == 3 {
		return a.code + "GOV"
	}
	return a.code
}

// firstPerson resolves "we", "I" and "us" inside a quote to the quote's
// speaker: "“We will not accept attempts…,” Esper said" has Esper (and so
// the United States government) as its source.
func (c *Coder) firstPerson(s *sentence, spans []actorSpan) []actorSpan {
	d := s.in.Doc
	if len(d.Quotes) == 0 || len(d.Entities) == 0 {
		return spans
	}
	for i, w := range s.words {
		if w != "WE" && w != "I" && w != "US" || s.inActorSpans(spans, i) || w == "US" && s.orig[i] == "US" {
			continue
		}
		tok := s.in.Doc.Tokens[s.first+i]
		for _, q := range d.Quotes {
			if q.Speaker == 0 || !q.Content.Contains(parley.Span{Start: int(tok.Start), End: int(tok.End)}) {
				continue
			}
			if code := c.entityCode(d.Entity(q.Speaker), s.in.Published); code != "" {
				spans = append(spans, actorSpan{first: i, last: i + 1, code: code, entity: q.Speaker})
			}
			break
		}
	}
	return spans
}

func (s *sentence) inActorSpans(spans []actorSpan, i int) bool {
	for _, a := range spans {
		if i >= a.first && i < a.last {
			return true
		}
	}
	return false
}

func locJoin(s *sentence, end, next int) bool {
	for k := end; k < next; k++ {
		if s.words[k] == "IN" || s.words[k] == "FROM" {
			return true
		}
	}
	return false
}

// sentenceCountry returns the one country the sentence's places and
// country-coded actors name, or "" when there are none or several.
func sentenceCountry(spans []actorSpan) string {
	c := ""
	for _, a := range spans {
		cc, _ := splitActor(a.code)
		if cc == "" || cc == "IGO" || cc == "NGO" || cc == "IMG" || cc == "MNC" || roleOnlyCode[cc] {
			continue
		}
		if c != "" && cc != c {
			return ""
		}
		c = cc
	}
	return c
}

// modifierUse reports whether the word at j makes the agent (role code
// agent) before it a modifier: a lower-case noun that is neither a verb, a function word nor
// another role ("military aid", "police custody", but not "police said",
// "security forces").
func (c *Coder) modifierUse(s *sentence, j int, agent string) bool {
	if j >= len(s.words) || s.kinds[j] != parley.Word || s.caps[j] {
		return false
	}
	w := s.words[j]
	if prepositions[w] || auxWords[w] || determiners[w] || pronouns[w] || declareVerbs[w] || pastIrregular[w] {
		return false
	}
	// a violent or coercive event noun after an armed group or the police
	// is its act ("terrorist attack", "police raid"); "military offensive"
	// is no such actor's, the military being the state's own, and a
	// "police investigation" is the police's only as a modifier
	if e := c.nouns.entry(s.words, j); e != nil && doerRoles[strings.TrimPrefix(agent, "~")] && e.code[:2] >= "17" && e.code[:2] <= "20" {
		return false
	}
	// another role after it ("police officers"); a word that only begins
	// one elsewhere ("aid" of "aid workers") does not make one here
	if s.flags[j]&keyAgent != 0 {
		if ph, _ := c.actors.match(s.words, j, false); ph != nil {
			return false
		}
	}
	if modifierStop[w] {
		return false
	}
	// "opposition groups", "guerrilla camps": the head is the actor's own.
	if actorHeads[w] {
		return false
	}
	// Past and third-person verbs ("police fired", "the military says").
	if s.flags[j]&keyVerb != 0 && strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") {
		return false
	}
	return !strings.HasSuffix(w, "ED") && !strings.HasSuffix(w, "ING") && !strings.HasSuffix(w, "LY")
}
