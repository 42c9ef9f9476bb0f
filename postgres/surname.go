package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

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
// The rules are the sqlite store's (its surname.go), applied article by
// article within a batch, so that a batch ends as the same articles stored
// one at a time would.

// ResolvesSurnamesByCompany says that the store merges people named by
// surname alone as above (storetest.SurnameResolver).
func (s *Store) ResolvesSurnamesByCompany() {}

// minShared is how many of an article's other entities the articles of a
// person must also name for a lone surname to be that person.
const minShared = 2

// surnameMerges merges the people of an article named only by a surname
// into the one person of that surname its other entities point to. ids are
// the cross-article entities its entities were linked to (w.res's ids);
// fresh says which of those the article created. The candidates come from
// the resolution's cache; only when there is one is the batch so far
// written, for the database to tell which entities the candidate's
// articles share with this one.
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
		keep, drop, shared, err := w.surnameMatch(resolve.Norm(e.Name), ids, others, i)
		if err != nil {
			return err
		}
		if keep == 0 || drop == 0 {
			continue
		}
		reason := fmt.Sprintf("surname and co-occurring entities %s", strings.Join(shared, ", "))
		if _, err := w.merge(keep, drop, reason); err != nil {
			return err
		}
		w.res.afterMerge(drop, keep)
	}
	return nil
}

// surnameMatch returns the entities to merge for the person ids[i], named
// n: into the one person named in full whose articles share minShared or
// more of others when n is a lone surname; the earlier lone surname whose
// articles do when n is the only full name of its surname. When there are
// some it writes the batch so far, for the merge, and ids and others then
// hold real ids.
func (w *writer) surnameMatch(n string, ids, others []int64, i int) (keep, drop int64, shared []string, err error) {
	sp := strings.LastIndexByte(n, ' ')
	var cands []int64
	if sp >= 0 {
		// named in full here: an earlier article's lone surname may be them
		if lone := w.res.loneSurname(ids[i], n[sp+1:]); lone != 0 {
			cands = []int64{lone}
		}
	} else {
		cands = w.res.fullNames(ids[i], n)
	}
	var found int64
	for _, c := range cands {
		names, err := w.sharedEntities(c, others)
		if err != nil {
			return 0, 0, nil, err
		}
		if len(names) < minShared {
			continue
		}
		if found != 0 {
			return 0, 0, nil, nil // two people could be meant
		}
		found, shared = c, names
	}
	if found == 0 {
		return 0, 0, nil, nil
	}
	remap, err := w.res.write(w)
	if err != nil {
		return 0, 0, nil, err
	}
	real := func(id int64) int64 {
		if id >= tempBase {
			return remap[id]
		}
		return id
	}
	for _, s := range [][]int64{ids, others} {
		for j, id := range s {
			s[j] = real(id)
		}
	}
	if sp >= 0 {
		return ids[i], real(found), shared, nil
	}
	return real(found), ids[i], shared, nil
}

// fullNames returns the live people other than self named with more than
// surname and ending with it.
func (r *resolution) fullNames(self int64, surname string) []int64 {
	var out []int64
	for _, id := range r.keys[cacheKey(parley.Person, surname)] {
		c := r.ents[id]
		if id != self && c != nil && strings.Contains(c.Norm, " ") && strings.HasSuffix(c.Norm, " "+surname) {
			out = append(out, id)
		}
	}
	return out
}

// loneSurname returns the live person named by surname alone, when self is
// the only person of that surname named in full; else 0.
func (r *resolution) loneSurname(self int64, surname string) int64 {
	var lone int64
	for _, id := range r.keys[cacheKey(parley.Person, surname)] {
		c := r.ents[id]
		switch {
		case id == self || c == nil:
		case c.Norm == surname:
			lone = id
		case strings.HasSuffix(c.Norm, " "+surname):
			return 0 // another person of that surname: either could be meant
		}
	}
	return lone
}

// afterMerge brings the resolution up to date after entity drop was merged
// into keep (both written): drop is no longer a candidate, and keep goes by
// drop's keys too.
func (r *resolution) afterMerge(drop, keep int64) {
	delete(r.ents, drop)
	for k, ids := range r.keys {
		j := slices.Index(ids, drop)
		if j < 0 {
			continue
		}
		ids = slices.Delete(ids, j, j+1)
		if !slices.Contains(ids, keep) {
			ids = append(ids, keep)
			slices.Sort(ids)
		}
		r.keys[k] = ids
	}
}

// sharedEntities returns the names of the entities of others that some
// article linked to entity id also names: the articles of the batch not
// yet written from the resolution, the others from the database. Ids may
// be temporary; the names are the entities' as the batch leaves them.
func (w *writer) sharedEntities(id int64, others []int64) ([]string, error) {
	want := map[int64]bool{}
	var stored []int64
	for _, o := range others {
		want[o] = true
		if o < tempBase {
			stored = append(stored, o)
		}
	}
	got := map[int64]bool{}
	docs := map[int64]bool{} // unwritten articles that name id
	for _, row := range w.res.links {
		if row[2].(int64) == id {
			docs[row[0].(int64)] = true
		}
	}
	for _, row := range w.res.links {
		if e := row[2].(int64); docs[row[0].(int64)] && e != id && want[e] {
			got[e] = true
		}
	}
	if id < tempBase && len(stored) > 0 {
		rows, err := w.tx.Query(w.ctx, `SELECT DISTINCT de.entity FROM doc_entities mine
			JOIN doc_entities de ON de.document = mine.document AND de.entity <> mine.entity
			WHERE mine.entity = $1 AND de.entity = ANY($2)`, id, stored)
		if err != nil {
			return nil, err
		}
		es, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			got[e] = true
		}
	}
	var out []string
	for e := range got {
		if c := w.res.ents[e]; c != nil && !slices.Contains(out, c.Name) {
			out = append(out, c.Name)
		}
	}
	slices.Sort(out)
	return out, nil
}
