package entity

import (
	"slices"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// A predicate gives a person a role as well as an apposition does: "Tom
// Hale was named finance minister in May", "Ann Lee became chief
// executive", "Hale is finance minister". The role is added to the
// person's roles, so that a later "the minister" finds its holder. ("Hale
// is the new minister" is read by description, after a copula.)

// predicateRole reads a bare role phrase after the copula or naming verb at
// token i of sentence si ("named finance minister", "became chief
// executive") and gives it to the sentence's subject.
func (c *coref) predicateRole(i, si int, s parley.Sentence) {
	if i == s.First || negations[c.d.Lower(i-1)] {
		return // "was not named minister"
	}
	a := i + 1
	if a < s.Last && c.d.Lower(a) == "as" {
		a++ // "was appointed as chief executive"
	}
	b := a
	for b < s.Last && c.d.Tokens[b].Kind == parley.Word && !c.d.Tokens[b].Is(parley.Cap) &&
		c.r.roles.Is(c.d.Lower(b), lexicon.RoleMod|lexicon.RoleNoun) {
		b++
	}
	if b == a || !c.r.roles.Is(c.d.Lower(b-1), lexicon.RoleNoun) || !c.parse(si) {
		return
	}
	t := c.d.Tokens
	if p := t[b-1].POS; p != parley.NOUN && (p != parley.ADJ || b-a < 2) || c.d.Head(b-1) > b-1 {
		return // "was hopeful"; "was chief financial officer": "chief" heads no phrase
	}
	if ent := c.predicateSubject(i, b-1, s); ent >= 0 {
		c.giveRole(ent, c.d.Text[t[a].Start:t[b-1].End])
	}
}

// predicateSubject is the person whose mention is the subject of the role
// noun h as the parse reads it: of the noun itself after a copula ("Hale
// is finance minister"), of the verb v that governs it otherwise ("Hale
// was named finance minister", "Lee became chief executive"); or -1.
func (c *coref) predicateSubject(v, h int, s parley.Sentence) int {
	pred := h
	if c.d.Tokens[v].Rel == parley.RelCop {
		if c.d.Head(v) != h || c.d.XPOS(v) == "VBD" {
			return -1 // "Hale was finance minister until 2019": a former role
		}
	} else {
		if c.d.Head(h) != v {
			return -1
		}
		pred = v
	}
	for k := s.First; k < pred; k++ {
		if c.d.Head(k) != pred {
			continue
		}
		if c.d.XPOS(k) == "MD" || c.d.Tokens[k].Rel == parley.RelMark {
			return -1 // "could be named", "would be minister if …", "to be named": not so yet
		}
	}
	for k := s.First; k < pred; k++ {
		if c.d.Head(k) != pred || !c.d.Tokens[k].Rel.Subject() {
			continue
		}
		return c.personIn(k, s)
	}
	return -1
}

// personIn is the person of the first mention in the subtree of k ("Mr.
// Tom Hale", where the parse heads the phrase with the title), or -1.
func (c *coref) personIn(k int, s parley.Sentence) int {
	for j := s.First; j < s.Last; j++ {
		if ri := c.res.At[j]; ri >= 0 && c.d.Dominates(s, k, j) {
			if e := c.res.Refs[ri].Entity; c.res.Entities[e].Type == parley.Person {
				return e
			}
			return -1
		}
	}
	return -1
}

// giveRole adds role to the roles of person ent, once.
func (c *coref) giveRole(ent int, role string) {
	e := &c.res.Entities[ent]
	if role == "" || slices.ContainsFunc(e.Roles, func(r string) bool { return equalFoldASCII(r, role) }) {
		return
	}
	e.Roles = append(e.Roles, role)
}
