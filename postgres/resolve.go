package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/resolve"
)

// normKey is the lookup key of a name, as package resolve normalises it.
func normKey(s string) string { return resolve.Norm(s) }

// tempBase starts the ids given to entities and claims a batch creates,
// until the batch ends and real ids are drawn from the sequence. They sort
// after every stored id, as the real ones will.
const tempBase = int64(1) << 62

// maxPerKey bounds the entities a lookup key brings as candidates (as in
// the sqlite store).
const maxPerKey = 16

// resolution links the entities of one batch's articles to cross-article
// entities: the rules of package resolve, applied to candidates fetched
// for the whole batch in one query and to the entities the batch creates.
type resolution struct {
	keys    map[string][]int64 // entity type, NUL, key → entity ids, ascending, at most maxPerKey
	ents    map[int64]*resolve.Candidate
	created map[int64]parley.Entity // new entities (temporary id) → the article entity that made it
	dirty   map[int64]*delta
	aliases map[[2]any]bool // (key, entity) to add to entity_aliases
	links   [][]any         // doc_entities rows
	next    int64
}

// delta is what the batch changes in an entity's row.
type delta struct {
	quotes, articles int
	c                resolve.Candidate
}

func cacheKey(t parley.EntityType, k string) string { return string(t) + "\x00" + k }

// newResolution fetches the candidates for every lookup key of the
// entities of ps[put].
func (w *writer) newResolution(ps []*prepared, put []int) (*resolution, error) {
	r := &resolution{keys: map[string][]int64{}, ents: map[int64]*resolve.Candidate{}, created: map[int64]parley.Entity{},
		dirty: map[int64]*delta{}, aliases: map[[2]any]bool{}, next: tempBase}
	var norms, types []string
	seen := map[string]bool{}
	for _, i := range put {
		for _, e := range ps[i].a.Entities {
			if e.Type == parley.Group {
				continue
			}
			for _, k := range resolve.Keys(e) {
				if ck := cacheKey(e.Type, k); !seen[ck] {
					seen[ck] = true
					norms, types = append(norms, k), append(types, string(e.Type))
					r.keys[ck] = []int64{}
				}
			}
		}
	}
	if len(norms) == 0 {
		return r, nil
	}
	// Keys, then their aliases (primary key (norm, entity)), then the
	// entities (primary key): each step a lateral subquery that cannot be
	// flattened (OFFSET 0), so that the plan follows them whatever the
	// statistics say.
	rows, err := w.tx.Query(w.ctx, `SELECT k.norm, k.type, en.id, en.name, en.norm, en.affiliation, en.country, en.roles
		FROM unnest($1::text[], $2::text[]) AS k(norm, type)
		CROSS JOIN LATERAL (SELECT ea.entity FROM entity_aliases ea WHERE ea.norm = k.norm OFFSET 0) a
		CROSS JOIN LATERAL (SELECT en.* FROM entities en
			WHERE en.id = a.entity AND en.type = k.type AND en.merged_into IS NULL OFFSET 0) en
		ORDER BY k.type, k.norm, en.id`, norms, types)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, t, roles string
		c := &resolve.Candidate{}
		if err := rows.Scan(&k, &t, &c.ID, &c.Name, &c.Norm, &c.Affiliation, &c.Country, &roles); err != nil {
			return nil, err
		}
		c.Roles = splitLines(roles)
		r.ents[c.ID] = c
		if ck := cacheKey(parley.EntityType(t), k); len(r.keys[ck]) < maxPerKey {
			r.keys[ck] = append(r.keys[ck], c.ID)
		}
	}
	return r, rows.Err()
}

// link resolves the entities of one stored article (row docID), as the
// sqlite store does one at a time: an entity an earlier article of the
// batch created or changed is a candidate as it is now. It returns the
// cross-article entity of each of the article's entities (a temporary id
// for one the batch created) and which of them this article created.
func (r *resolution) link(docID int64, a *parley.Doc) (ids []int64, fresh []bool) {
	speakerQuotes := map[parley.EntityRef]int{}
	for _, q := range a.Quotes {
		if q.Speaker != 0 {
			speakerQuotes[q.Speaker]++
		}
	}
	linked := map[int64]bool{} // an article counts once for an entity even when two of its entities resolve to it
	ids, fresh = make([]int64, len(a.Entities)), make([]bool, len(a.Entities))
	for i, e := range a.Entities {
		ref := parley.EntityAt(i)
		ks := resolve.Keys(e)
		best, reason, found := r.best(e, ks)
		id := best.ID
		if !found {
			id = r.next
			r.next++
			best, reason = resolve.Candidate{ID: id}, resolve.ReasonNew
			r.created[id] = e
		}
		ids[i], fresh[i] = id, !found
		r.links = append(r.links, docEntityRow(docID, ref.ID(), e, id, reason, ks))
		for _, k := range ks {
			if !slices.Contains(r.keys[cacheKey(e.Type, k)], id) || !found {
				r.aliases[[2]any{k, id}] = true
			}
		}
		c := resolve.Merged(best, e, !found)
		d := r.dirty[id]
		if d == nil {
			d = &delta{}
			r.dirty[id] = d
		}
		d.quotes += speakerQuotes[ref]
		if !linked[id] {
			linked[id] = true
			d.articles++
		}
		d.c = c
		r.remember(e.Type, id, c, ks)
	}
	return ids, fresh
}

func (r *resolution) best(e parley.Entity, ks []string) (resolve.Candidate, string, bool) {
	if e.Type == parley.Group || len(ks) == 0 {
		return resolve.Candidate{}, "", false
	}
	seen := map[int64]bool{}
	var cands []resolve.Candidate
	var byName []int64
	for i, k := range ks {
		ids := r.keys[cacheKey(e.Type, k)]
		if i == 0 { // keys begin with the full name
			byName = ids
		}
		for _, id := range ids {
			if c := r.ents[id]; c != nil && !seen[id] {
				seen[id] = true
				cands = append(cands, *c)
			}
		}
	}
	return resolve.Best(e, ks, cands, byName)
}

// remember records what link made of entity id, for the rest of the batch.
func (r *resolution) remember(t parley.EntityType, id int64, c resolve.Candidate, ks []string) {
	r.ents[id] = &c
	for _, k := range ks {
		ck := cacheKey(t, k)
		ids := r.keys[ck]
		if slices.Contains(ids, id) {
			continue
		}
		if len(ids) < maxPerKey || id < ids[len(ids)-1] {
			ids = append(ids, id)
			slices.Sort(ids)
			r.keys[ck] = ids[:min(len(ids), maxPerKey)]
		}
	}
}

// write stores what the resolution decided so far: new entities (with ids
// from the sequence), changed counters and names, lookup keys and the
// article entities' links. It returns the real id of each temporary one;
// the resolution goes on with the real ids, with nothing left to write.
func (r *resolution) write(w *writer) (map[int64]int64, error) {
	remap, err := r.writeRows(w)
	if err != nil {
		return nil, err
	}
	for t, id := range remap {
		if c := r.ents[t]; c != nil {
			delete(r.ents, t)
			c.ID = id
			r.ents[id] = c
		}
	}
	for k, ids := range r.keys {
		if len(ids) == 0 || ids[len(ids)-1] < tempBase {
			continue
		}
		for i, id := range ids {
			if id >= tempBase {
				ids[i] = remap[id]
			}
		}
		slices.Sort(ids)
		r.keys[k] = ids
	}
	r.created, r.dirty, r.aliases, r.links = map[int64]parley.Entity{}, map[int64]*delta{}, map[[2]any]bool{}, nil
	return remap, nil
}

func (r *resolution) writeRows(w *writer) (map[int64]int64, error) {
	real, err := w.drawIDs("entities", len(r.created))
	if err != nil {
		return nil, err
	}
	remap := map[int64]int64{}
	var temps []int64
	for id := range r.created {
		temps = append(temps, id)
	}
	slices.Sort(temps)
	for i, id := range temps {
		remap[id] = real[i]
	}
	id := func(v int64) int64 {
		if v >= tempBase {
			return remap[v]
		}
		return v
	}
	var fresh [][]any
	var ids, quotes, articles []int64
	var names, norms, affs, countries, roles []string
	for _, t := range temps {
		e, d := r.created[t], r.dirty[t]
		fresh = append(fresh, []any{remap[t], string(e.Type), e.Kind, clean(d.c.Name), d.c.Norm, clean(d.c.Affiliation),
			clean(d.c.Country), strings.Join(d.c.Roles, "\n"), d.quotes, d.articles})
	}
	for _, k := range sortedIDs(r.dirty) {
		if k >= tempBase {
			continue
		}
		d := r.dirty[k]
		ids, quotes, articles = append(ids, k), append(quotes, int64(d.quotes)), append(articles, int64(d.articles))
		names, norms, affs = append(names, clean(d.c.Name)), append(norms, d.c.Norm), append(affs, clean(d.c.Affiliation))
		countries, roles = append(countries, clean(d.c.Country)), append(roles, strings.Join(d.c.Roles, "\n"))
	}
	if err := w.copy("entities", []string{"id", "type", "kind", "name", "norm", "affiliation", "country", "roles",
		"n_quotes", "n_articles"}, fresh); err != nil {
		return nil, err
	}
	if len(ids) > 0 {
		// In id order, so that concurrent merges and deletions lock rows in
		// the same order.
		if _, err := w.tx.Exec(w.ctx, `UPDATE entities en SET n_quotes = en.n_quotes + u.q, n_articles = en.n_articles + u.a,
			name = u.name, norm = u.norm, affiliation = u.aff, country = u.country, roles = u.roles
			FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
				AS u(id, q, a, name, norm, aff, country, roles)
			WHERE en.id = u.id`, ids, quotes, articles, names, norms, affs, countries, roles); err != nil {
			return nil, fmt.Errorf("update entities: %w", err)
		}
	}
	var keyNorms []string
	var keyIDs []int64
	for ka := range r.aliases {
		keyNorms, keyIDs = append(keyNorms, ka[0].(string)), append(keyIDs, id(ka[1].(int64)))
	}
	if len(keyNorms) > 0 {
		if _, err := w.tx.Exec(w.ctx, `INSERT INTO entity_aliases (norm, entity) SELECT * FROM unnest($1::text[], $2::int8[])
			ON CONFLICT DO NOTHING`, keyNorms, keyIDs); err != nil {
			return nil, fmt.Errorf("entity keys: %w", err)
		}
	}
	for _, row := range r.links {
		row[2] = id(row[2].(int64))
	}
	return remap, w.copy("doc_entities", docEntityCols, r.links)
}

// drawIDs takes n ids from the sequence of table's id column.
func (w *writer) drawIDs(table string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := w.tx.Query(w.ctx, "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)", table, n)
	if err != nil {
		return nil, fmt.Errorf("ids for %s: %w", table, err)
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("ids for %s: got %d of %d", table, len(ids), n)
	}
	slices.Sort(ids)
	return ids, nil
}

func sortedIDs[V any](m map[int64]V) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
