package sqlite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/resolve"
)

// An article that names a person by the surname alone ("Greenspan said")
// gives resolution too little to link them by name (a lone surname is not
// enough for people: too many share one). The company they keep can: the
// one person of that surname named in full elsewhere, whose articles also
// name at least minShared of the entities this article names, is them. The
// link is a merge of the new entity into that person, with the shared
// entities as its reason, so it is explained and can be undone (Unmerge).

// ResolvesSurnamesByCompany says that the store merges people named by
// surname alone as above (storetest.SurnameResolver).
func (s *Store) ResolvesSurnamesByCompany() {}

// minShared is how many of an article's other entities the articles of a
// person must also name for a lone surname to be that person.
const minShared = 2

// surnameMerges merges the people of an article named only by a surname
// into the one person of that surname its other entities point to. ids maps
// the article's entities to the cross-article entities they were linked
// to; fresh says which of those were created for this article.
func (w *writer) surnameMerges(a *parley.Doc, ids []int64, fresh []bool) error {
	var others []int64
	for i, e := range a.Entities {
		// countries are named beside nearly everyone: no evidence
		if e.Type != parley.Group && !(e.Type == parley.Place && e.Kind == "country") && !(e.Type == parley.Person && !strings.Contains(e.Name, " ")) {
			others = append(others, ids[i])
		}
	}
	if len(others) < minShared {
		return nil
	}
	for i, e := range a.Entities {
		if e.Type != parley.Person || !fresh[i] {
			continue
		}
		n := resolve.Norm(e.Name)
		keep, drop := int64(0), ids[i]
		var shared []string
		var err error
		if sp := strings.LastIndexByte(n, ' '); sp >= 0 {
			// named in full here: an earlier article's lone surname may be them
			drop, shared, err = w.loneSurname(ids[i], n[sp+1:], others)
			keep = ids[i]
		} else {
			keep, shared, err = w.surnameCandidate(ids[i], n, others)
		}
		if err != nil {
			return err
		}
		if keep == 0 || drop == 0 {
			continue
		}
		if err := w.flush(); err != nil {
			return err
		}
		reason := fmt.Sprintf("surname and co-occurring entities %s", strings.Join(shared, ", "))
		if _, err := w.merge(keep, drop, reason); err != nil {
			return err
		}
		if err := w.afterMerge(parley.Person, keep, drop); err != nil {
			return err
		}
	}
	return nil
}

// surnameCandidate returns the one live person other than self, named with
// more than the surname, whose articles name minShared or more of others,
// and the names of those shared entities; 0 when there is none or more than
// one.
func (w *writer) surnameCandidate(self int64, surname string, others []int64) (int64, []string, error) {
	ids, err := w.lookup(parley.Person, surname)
	if err != nil {
		return 0, nil, err
	}
	var found int64
	var names []string
	for _, id := range ids {
		c := w.cache.ents[id]
		if id == self || c == nil || !strings.Contains(c.Norm, " ") || !strings.HasSuffix(c.Norm, " "+surname) {
			continue
		}
		shared, err := w.sharedEntities(id, others)
		if err != nil {
			return 0, nil, err
		}
		if len(shared) < minShared {
			continue
		}
		if found != 0 {
			return 0, nil, nil // two people could be meant
		}
		found, names = id, shared
	}
	return found, names, nil
}

// loneSurname returns the live person named by surname alone whose
// articles name minShared or more of others, when self is the only person
// of that surname named in full, and the names of the shared entities.
func (w *writer) loneSurname(self int64, surname string, others []int64) (int64, []string, error) {
	ids, err := w.lookup(parley.Person, surname)
	if err != nil {
		return 0, nil, err
	}
	var lone int64
	for _, id := range ids {
		c := w.cache.ents[id]
		switch {
		case id == self || c == nil:
		case c.Norm == surname:
			lone = id
		case strings.HasSuffix(c.Norm, " "+surname):
			return 0, nil, nil // another person of that surname: either could be meant
		}
	}
	if lone == 0 {
		return 0, nil, nil
	}
	shared, err := w.sharedEntities(lone, others)
	if err != nil || len(shared) < minShared {
		return 0, nil, err
	}
	return lone, shared, nil
}

// sharedEntities returns the names of the entities of others that some
// article linked to entity id also names.
func (w *writer) sharedEntities(id int64, others []int64) ([]string, error) {
	q := `SELECT DISTINCT en.name FROM doc_entities mine
		JOIN doc_entities de ON de.document = mine.document AND de.entity != mine.entity
		JOIN entities en ON en.id = de.entity
		WHERE mine.entity = ? AND de.entity IN (?` + strings.Repeat(",?", len(others)-1) + `) ORDER BY en.name`
	args := make([]any, 0, len(others)+1)
	args = append(args, id)
	for _, o := range others {
		args = append(args, o)
	}
	// DISTINCT names distinct entities: two of one name count once
	names, err := w.strings(q, args...)
	if err != nil {
		return nil, err
	}
	return slices.Compact(names), nil // sorted by the query
}
