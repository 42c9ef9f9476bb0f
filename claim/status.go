package claim

import (
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
		if !pronounSources[strings.ToLower(s.SourceName)] {
			known = append(known, s)
		}
	}
	st := Status(known)
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
