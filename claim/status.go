package claim

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// opposed reports whether one source is for and another against: a
// source that both says a thing and takes it back (an admission after a
// denial) is not a dispute by itself.
func opposed(pos, neg map[string]bool) bool {
	for a := range pos {
		for b := range neg {
			if a != b {
				return true
			}
		}
	}
	return false
}

// Status summarises stances: disputed when sources take opposite sides,
// corroborated when two or more sources agree, else single-source.
func Status(ss []parley.ClaimStance) parley.ClaimStatus {
	pos, neg := map[string]bool{}, map[string]bool{}
	denied := false
	for _, s := range ss {
		k := stanceKey(s)
		switch s.Stance {
		case parley.Denies, parley.Disputes:
			neg[k] = true
			denied = denied || s.Stance == parley.Denies
		default:
			pos[k] = true
		}
	}
	switch {
	case opposed(pos, neg):
		return parley.Disputed
	case len(neg) >= 2 && denied:
		// Several sources deny it: someone has put it forward. Negative
		// statements alone ("X was not …", "Y did not …") dispute nothing.
		return parley.Disputed
	case len(pos) >= 2:
		return parley.Corroborated
	}
	return parley.SingleSource
}

// statusIn is the status of a document's claim. A source known only by a
// pronoun ("he", "I"), which coreference left unresolved, may be any of
// the other sources, so it takes no side in the status. A claim that no
// one asserts is disputed only by two named persons or organisations: two
// unnamed labels who deny ("the Welsh striker", "the player") are, as
// often as not, one person.
func statusIn(d *parley.Doc, ss []parley.ClaimStance) parley.ClaimStatus {
	known := make([]parley.ClaimStance, 0, len(ss))
	for _, s := range ss {
		if !pronounSources[strings.ToLower(s.SourceName)] && !share(s.SourceName) {
			known = append(known, s)
		}
	}
	st := Status(sides(d, known))
	if st != parley.Disputed {
		return st
	}
	named := map[parley.EntityRef]bool{}
	for _, s := range known {
		switch s.Stance {
		case parley.Asserts, parley.Confirms:
			return st
		}
		if e := d.Entity(s.Source); e != nil && (e.Type == parley.Person || e.Type == parley.Organization) {
			named[s.Source] = true
		}
	}
	if len(named) >= 2 {
		return st
	}
	return parley.SingleSource
}

// share reports whether a source name is a share of the people a survey
// asked ("61%", "14% of people aged 18 to 34", "more than half of those
// questioned"): what they said is the survey's finding, reported beside
// its other figures ("69% always vote", "14% never voted"), not a side
// taken on a claim; the survey, when it is a source, takes that side.
func share(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	i := 0
	for i < len(ws)-1 && shareOpeners[ws[i]] {
		i++
	}
	if i >= len(ws) {
		return false
	}
	w := ws[i]
	if shareWords[w] {
		// "half", "a third of voters"; not "the majority leader", "the third man"
		return i+1 == len(ws) || ws[i+1] == "of"
	}
	num := strings.TrimRight(w, "%")
	if num == "" || strings.Trim(num, "0123456789.,") != "" {
		return false
	}
	return strings.HasSuffix(w, "%") || i+1 < len(ws) && (ws[i+1] == "per" || ws[i+1] == "percent")
}

// sides returns ss with each person who speaks for an organisation of the
// document (the entity layer's affiliation: "Southcorp chairman Brian
// Finn") standing as that organisation: a company and its chairman, a
// party and its spokesman, take one side, so they dispute nothing between
// them. An affiliation to a place is not read: a minister and a country's
// other voices disagree often enough.
func sides(d *parley.Doc, ss []parley.ClaimStance) []parley.ClaimStance {
	out := ss
	for i, s := range ss {
		org := speaksFor(d, s.Source)
		if org == 0 {
			continue
		}
		if &out[0] == &ss[0] {
			out = slices.Clone(ss)
		}
		out[i].Source, out[i].SourceName = org, d.Entity(org).Name
	}
	return out
}

// speaksFor is the organisation of the document that person p speaks for:
// its affiliation, else an organisation its role names ("Southcorp
// chairman"); 0 for none.
func speaksFor(d *parley.Doc, p parley.EntityRef) parley.EntityRef {
	e := d.Entity(p)
	if e == nil || e.Type != parley.Person {
		return 0
	}
	isOrg := func(r parley.EntityRef) bool { o := d.Entity(r); return o != nil && o.Type == parley.Organization }
	if e.Affiliation != "" {
		if r := d.EntityNamed(e.Affiliation); isOrg(r) {
			return r
		}
		return 0
	}
	for _, role := range e.Roles {
		for i := range d.Entities {
			o := &d.Entities[i]
			if o.Type == parley.Organization && containsWords(role, o.Name) {
				return parley.EntityRef(i + 1)
			}
		}
	}
	return 0
}

// containsWords reports whether phrase holds name as whole words.
func containsWords(phrase, name string) bool {
	p, n := strings.Fields(phrase), strings.Fields(name)
	if len(n) == 0 {
		return false
	}
	for i := 0; i+len(n) <= len(p); i++ {
		if slices.Equal(p[i:i+len(n)], n) {
			return true
		}
	}
	return false
}
