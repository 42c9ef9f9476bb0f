package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// buysCompany reports whether a verb of acquiring (`deal_verb` in
// data/senses.tsv: "bought", "acquired", "merged with") has a company or
// another organisation for what is acquired: its object ("bought Giant
// Company Software"), the holder of a stake its object names ("bought 20%
// of Fiat's auto division", "a stake in GateHouse"), its passive subject
// ("was acquired by Google"), the organisation it is merged with or
// bought from ("bought two brands from LVMH"). "Bought a new home", "buy the PlayStation" are trade, not
// a deal between two parties. The parse decides; without one, no deal.
func (c *Coder) buysCompany(s *sentence, t trig) bool {
	orgs := 0 // the cheap test before the parse: an organisation named
	for k := range s.words {
		if c.orgAt(s, k) && (k == 0 || !c.orgAt(s, k-1)) {
			orgs++
		}
	}
	if orgs == 0 || !s.parse() {
		return false
	}
	v := t.first
	for k := range s.words {
		if s.head(k) != v {
			continue
		}
		switch r := s.rel(k); {
		case (r == parley.RelObj || r == parley.RelNsubjPass) && strings.HasPrefix(s.words[t.first], "MERG") && (t.last >= len(s.words) || s.words[t.last] != "WITH"):
			// "merged the university and the polytechnic": a third party
			// reorganising what it runs, not a deal of the two; a merger
			// is made with someone.
			continue
		case r == parley.RelObj, r == parley.RelNsubjPass:
			if c.orgIn(s, k) {
				return true
			}
		case r.Main() == parley.RelObl && (hasCase(s, k, "WITH") || hasCase(s, k, "FROM")):
			// "merged with X", "bought two brands from LVMH"
			if c.orgIn(s, k) {
				return true
			}
		}
	}
	return false
}

// orgIn reports whether the phrase headed by word k names an organisation:
// k itself, or a word at most two steps down its noun phrase through names,
// appositions, possessors and "of", "in" or "from" ("a 25% stake in
// GateHouse Media", "20% of Fiat's auto division"); not a clause or
// another preposition ("bought time for Gazprom").
func (c *Coder) orgIn(s *sentence, k int) bool {
	for i := range s.words {
		if !c.orgAt(s, i) {
			continue
		}
		j := i
		for steps := 0; j != k && steps < 2 && j >= 0 && ownPhrase(s, j); steps++ {
			j = s.head(j)
		}
		if j == k {
			return true
		}
	}
	return false
}

// ownPhrase reports whether word j belongs to its head's noun phrase as a
// name, apposition, possessor or "of", "in" or "from" dependent.
func ownPhrase(s *sentence, j int) bool {
	switch s.rel(j).Main() {
	case parley.RelCompound, parley.RelFlat, parley.RelAppos:
		return true
	case parley.RelNmod:
		// "from": the seller, where the parse hangs it on the goods
		// ("bought two brands from LVMH").
		return s.rel(j) == parley.RelNmodPoss || hasCase(s, j, "OF") || hasCase(s, j, "IN") || hasCase(s, j, "FROM")
	}
	return false
}

// orgAt reports whether word k is part of a name or description of an
// organisation ("GateHouse Media", "the firm"); a pronoun ("bought it on
// DVD") says nothing of what it stands for being a firm.
func (c *Coder) orgAt(s *sentence, k int) bool {
	d := s.in.Doc
	if m := d.MentionAt(s.first + k); m != nil && m.Kind != parley.PronounMention && m.Kind != parley.AdjMention {
		if e := d.Entity(m.Entity); e != nil && e.Type == parley.Organization {
			return true
		}
	}
	return false
}

// hasCase reports whether word k has a case marker w ("with" of "merged
// with X").
func hasCase(s *sentence, k int, w string) bool {
	for j := range s.words {
		if s.head(j) == k && s.rel(j) == parley.RelCase && s.words[j] == w {
			return true
		}
	}
	return false
}
