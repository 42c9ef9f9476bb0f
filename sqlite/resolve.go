package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/resolve"
)

// linkEntity resolves an article entity to a cross-article entity (creating
// one when none matches) and records the link and its reason.
// It returns the article entity's row of doc_entities, which the caller
// inserts with the article's other entities.
func (w *writer) linkEntity(docID int64, localID string, e parley.Entity, quotes int, linked map[int64]bool) ([]any, error) {
	ks := resolve.Keys(e)
	best, reason, err := w.resolve(e, ks)
	if err != nil {
		return nil, err
	}
	isNew := reason == ""
	id := best.ID
	if isNew {
		if id, err = w.newEntity(e); err != nil {
			return nil, err
		}
		best, reason = resolve.Candidate{ID: id}, resolve.ReasonNew
	}
	js, _ := json.Marshal(nonNil(e.Roles))
	aliases, _ := json.Marshal(nonNil(e.Aliases))
	row := []any{docID, localID, id, string(e.Type), e.Name, e.Affiliation, string(js), reason, string(aliases), strings.Join(ks, "\n")}
	// Keys the cache shows the entity has need no insert.
	known := !isNew
	for _, k := range ks {
		if ids, ok := w.cache.keys[string(e.Type)+"\x00"+k]; !ok || !slices.Contains(ids, id) {
			known = false
			break
		}
	}
	if !known {
		for _, k := range ks {
			w.pendingKeys = append(w.pendingKeys, []any{k, id})
		}
	}
	// The entity as it is after this link, in the cache now and in the
	// table when the batch ends (flush): an entity named in many articles of
	// a batch is updated once. An article counts once even when two of its
	// entities resolve to one.
	c := resolve.Merged(best, e, isNew)
	d := w.dirty[id]
	if d == nil {
		d = &delta{}
		w.dirty[id] = d
	}
	d.quotes += quotes
	if !linked[id] {
		linked[id] = true
		d.articles++
	}
	d.c = c
	w.remember(e.Type, id, c, ks)
	return row, nil
}

// newEntity gives e the row id SQLite would give it (one more than the
// largest: entities has no AUTOINCREMENT) and queues its row for
// writePending.
func (w *writer) newEntity(e parley.Entity) (int64, error) {
	if w.nextEntity == 0 {
		if err := w.queryRow("SELECT coalesce(max(id), 0) + 1 FROM entities").Scan(&w.nextEntity); err != nil {
			return 0, err
		}
	}
	id := w.nextEntity
	w.nextEntity++
	w.pendingEnts = append(w.pendingEnts, []any{id, string(e.Type), e.Kind, e.Name, resolve.Norm(e.Name), e.Affiliation, e.Country})
	return id, nil
}

// writePending inserts the entities and alias keys linkEntity queued, with
// multi-row statements: one statement per entity and another per entity's
// keys took a quarter of storing an article's entities. It runs before any
// statement that reads entities or their keys.
func (w *writer) writePending() error {
	if err := w.insertRows("INSERT INTO entities (id, type, kind, name, norm, affiliation, country) VALUES ", w.pendingEnts); err != nil {
		return err
	}
	if err := w.insertRows("INSERT OR IGNORE INTO entity_aliases (norm, entity) VALUES ", w.pendingKeys); err != nil {
		return err
	}
	w.pendingEnts, w.pendingKeys = w.pendingEnts[:0], w.pendingKeys[:0]
	return nil
}

// delta is what a batch changes in an entity's row.
type delta struct {
	quotes, articles int
	c                resolve.Candidate
}

// flush writes the entity changes of the batch so far.
func (w *writer) flush() error {
	if err := w.writePending(); err != nil {
		return err
	}
	ids := make([]int64, 0, len(w.dirty))
	for id := range w.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rows := make([][]any, len(ids))
	for i, id := range ids {
		d := w.dirty[id]
		rows[i] = []any{id, d.quotes, d.articles, d.c.Name, d.c.Norm, d.c.Affiliation, d.c.Country, strings.Join(d.c.Roles, "\n")}
	}
	// One statement for 64 entities: the rows of a VALUES list, joined to
	// entities by id.
	if err := w.execRows("UPDATE entities SET n_quotes = n_quotes + v.column2, n_articles = n_articles + v.column3, "+
		"name = v.column4, norm = v.column5, affiliation = v.column6, country = v.column7, roles = v.column8 FROM (VALUES ",
		") AS v WHERE entities.id = v.column1", rows); err != nil {
		return err
	}
	clear(w.dirty)
	return nil
}

// addKeys adds lookup keys to an entity's alias index, in one statement.
func (w *writer) addKeys(id int64, ks []string) error {
	if len(ks) == 0 {
		return nil
	}
	var q strings.Builder
	args := make([]any, 0, 2*len(ks))
	q.WriteString("INSERT OR IGNORE INTO entity_aliases (norm, entity) VALUES ")
	for i, k := range ks {
		if i > 0 {
			q.WriteString(",")
		}
		q.WriteString("(?,?)")
		args = append(args, k, id)
	}
	_, err := w.exec(q.String(), args...)
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// resolve finds the cross-article entity e is (see resolve.Best), or
// returns an empty reason.
func (w *writer) resolve(e parley.Entity, ks []string) (resolve.Candidate, string, error) {
	if e.Type == parley.Group || len(ks) == 0 {
		return resolve.Candidate{}, "", nil
	}
	seen := map[int64]bool{}
	var cands []resolve.Candidate
	var byName []int64 // the entities that have e's full name as a name or alias
	for i, k := range ks {
		ids, err := w.lookup(e.Type, k)
		if err != nil {
			return resolve.Candidate{}, "", err
		}
		if i == 0 { // keys begins with the full name
			byName = ids
		}
		for _, id := range ids {
			if c := w.cache.ents[id]; c != nil && !seen[id] {
				seen[id] = true
				cands = append(cands, *c)
			}
		}
	}
	best, reason, _ := resolve.Best(e, ks, cands, byName)
	return best, reason, nil
}

// resolveCache remembers, across the write transactions of this process,
// which cross-article entities each lookup key names and what resolution
// needs to know of them, so that resolving an article entity usually needs no
// query. It is dropped when another connection has written to the database
// (PRAGMA data_version), when a transaction fails, and on merges and
// deletions.
type resolveCache struct {
	dataVersion int64
	keys        map[string][]int64 // entity type, NUL, key → entity ids, ascending, at most 16
	ents        map[int64]*resolve.Candidate
	// complete says keys holds every key of the database: a key it lacks
	// names no entity, and looking it up needs no query. A fresh cache
	// loads the whole alias index when it is small enough (load).
	complete bool
}

// maxPreload is the largest alias index a fresh cache loads whole.
const maxPreload = 200_000

// load fills a fresh cache with the whole alias index, when it has at most
// maxPreload keys, in one query: resolving the entities of a batch then
// needs no query at all (the index of a new store is empty).
func (c *resolveCache) load(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM entity_aliases").Scan(&n); err != nil {
		return err
	}
	if n > maxPreload {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT ea.norm, en.type, en.id, en.name, en.norm, en.affiliation, en.country, en.roles
		FROM entity_aliases ea JOIN entities en ON en.id = ea.entity
		WHERE en.merged_into IS NULL ORDER BY en.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, typ, roles string
		cand := &resolve.Candidate{}
		if err := rows.Scan(&key, &typ, &cand.ID, &cand.Name, &cand.Norm, &cand.Affiliation, &cand.Country, &roles); err != nil {
			return err
		}
		if old := c.ents[cand.ID]; old != nil {
			cand = old
		} else {
			cand.Roles = splitLines(roles)
			c.ents[cand.ID] = cand
		}
		ck := typ + "\x00" + key
		if ids := c.keys[ck]; len(ids) < 16 { // as lookup's LIMIT 16, ascending ids
			c.keys[ck] = append(ids, cand.ID)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	c.complete = true
	return nil
}

// maxCached bounds the cache; past it, it starts again empty.
const maxCached = 500_000

func newResolveCache(dataVersion int64) *resolveCache {
	return &resolveCache{dataVersion: dataVersion, keys: map[string][]int64{}, ents: map[int64]*resolve.Candidate{}}
}

// lookup returns the live entities of type t that have key k.
func (w *writer) lookup(t parley.EntityType, k string) ([]int64, error) {
	ck := string(t) + "\x00" + k
	if ids, ok := w.cache.keys[ck]; ok {
		return ids, nil
	}
	if w.cache.complete {
		return nil, nil
	}
	return w.query(t, k)
}

// query looks key k up in the database and caches what it finds.
func (w *writer) query(t parley.EntityType, k string) ([]int64, error) {
	if err := w.writePending(); err != nil {
		return nil, err
	}
	ck := string(t) + "\x00" + k
	rows, err := w.rows(`SELECT en.id, en.name, en.norm, en.affiliation, en.country, en.roles
		FROM entity_aliases ea JOIN entities en ON en.id = ea.entity
		WHERE ea.norm = ? AND en.type = ? AND en.merged_into IS NULL ORDER BY en.id LIMIT 16`, k, string(t))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		c := &resolve.Candidate{}
		var roles string
		if err := rows.Scan(&c.ID, &c.Name, &c.Norm, &c.Affiliation, &c.Country, &roles); err != nil {
			return nil, err
		}
		c.Roles = splitLines(roles)
		w.cache.ents[c.ID] = c
		ids = append(ids, c.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(w.cache.ents) > maxCached {
		*w.cache = *newResolveCache(w.cache.dataVersion)
	}
	w.cache.keys[ck] = ids
	return ids, nil
}

// afterMerge brings the cache up to date after entity drop was merged into
// keep. The only keys whose live entities changed are keep's, which now
// include drop's: those are looked up again, and the rest of the cache stays
// valid, and complete if it was (dropping it made every later lookup of an
// ingest a query).
func (w *writer) afterMerge(t parley.EntityType, keep, drop int64) error {
	delete(w.cache.ents, drop)
	ks, err := w.strings("SELECT norm FROM entity_aliases WHERE entity = ? ORDER BY norm", keep)
	if err != nil {
		return err
	}
	for _, k := range ks {
		if _, err := w.query(t, k); err != nil {
			return err
		}
	}
	return nil
}

// strings returns the one text column of a query's rows.
func (w *writer) strings(q string, args ...any) ([]string, error) {
	rows, err := w.rows(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// remember records in the cache what linkEntity wrote for entity id.
func (w *writer) remember(t parley.EntityType, id int64, c resolve.Candidate, ks []string) {
	w.cache.ents[id] = &c
	for _, k := range ks {
		ck := string(t) + "\x00" + k
		ids, ok := w.cache.keys[ck]
		if !ok && w.cache.complete {
			w.cache.keys[ck] = []int64{id} // a key new to the database
			continue
		}
		if !ok || slices.Contains(ids, id) {
			continue
		}
		if len(ids) < 16 || id < ids[len(ids)-1] {
			ids = append(ids, id)
			slices.Sort(ids)
			w.cache.keys[ck] = ids[:min(len(ids), 16)]
		}
	}
}
