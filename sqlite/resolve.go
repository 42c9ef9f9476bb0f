package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// Reasons recorded for linking an article's entity to a cross-article one.
const (
	reasonNew      = "new"
	reasonFullName = "same full name"
	reasonSurname  = "surname and role"
	reasonAlias    = "alias"
	reasonCountry  = "same country code"
)

// candidate is a cross-article entity an article entity may be.
type candidate struct {
	id          int64
	name, norm  string
	affiliation string
	country     string
	roles       []string
}

// keys returns the normalised lookup keys of an article entity: its name,
// aliases, a person's surname and a country's code.
func keys(e parley.Entity) []string {
	var ks []string
	add := func(k string) {
		if k != "" && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	add(norm(e.Name))
	for _, a := range e.Aliases {
		add(norm(a))
	}
	if e.Type == parley.Person {
		if f := strings.Fields(norm(e.Name)); len(f) > 1 {
			add(f[len(f)-1])
		}
	}
	if e.Type == parley.Place && e.Kind == "country" && e.Country != "" {
		add("country:" + strings.ToLower(e.Country))
	}
	return ks
}

// linkEntity resolves an article entity to a cross-article entity (creating
// one when none matches) and records the link and its reason.
// It returns the article entity's row of doc_entities, which the caller
// inserts with the article's other entities.
func (w *writer) linkEntity(docID int64, localID string, e parley.Entity, quotes int, linked map[int64]bool) ([]any, error) {
	ks := keys(e)
	id, reason, roles, err := w.resolve(e, ks)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		res, err := w.exec(`INSERT INTO entities (type, kind, name, norm, affiliation, country) VALUES (?,?,?,?,?,?)`,
			string(e.Type), e.Kind, e.Name, norm(e.Name), e.Affiliation, e.Country)
		if err != nil {
			return nil, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return nil, err
		}
		reason = reasonNew
	}
	js, _ := json.Marshal(nonNil(e.Roles))
	aliases, _ := json.Marshal(nonNil(e.Aliases))
	row := []any{docID, localID, id, string(e.Type), e.Name, e.Affiliation, string(js), reason, string(aliases), strings.Join(ks, "\n")}
	// Keys the cache shows the entity has need no insert.
	known := reason != reasonNew
	for _, k := range ks {
		if ids, ok := w.cache.keys[string(e.Type)+"\x00"+k]; !ok || !slices.Contains(ids, id) {
			known = false
			break
		}
	}
	if !known {
		if err := w.addKeys(id, ks); err != nil {
			return nil, err
		}
	}
	// Keep the fullest name as canonical, the first affiliation and country,
	// and the set of roles seen (bounded: it only serves resolution), in the
	// cache now and in the table when the batch ends (flush): an entity
	// named in many articles of a batch is updated once. An article counts
	// once even when two of its entities resolve to one.
	for _, r := range e.Roles {
		if n := norm(r); n != "" && !slices.Contains(roles, n) && len(roles) < 32 {
			roles = append(roles, n)
		}
	}
	c := candidate{id: id, name: e.Name, norm: norm(e.Name), affiliation: e.Affiliation, country: e.Country, roles: roles}
	if old := w.cache.ents[id]; old != nil && reason != reasonNew {
		if !(e.Type == parley.Person && fuller(old.norm, c.norm)) {
			c.name, c.norm = old.name, old.norm
		}
		if old.affiliation != "" {
			c.affiliation = old.affiliation
		}
		if old.country != "" {
			c.country = old.country
		}
	}
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

// delta is what a batch changes in an entity's row.
type delta struct {
	quotes, articles int
	c                candidate
}

// flush writes the entity changes of the batch so far.
func (w *writer) flush() error {
	ids := make([]int64, 0, len(w.dirty))
	for id := range w.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		d := w.dirty[id]
		if _, err := w.exec(`UPDATE entities SET n_quotes = n_quotes + ?, n_articles = n_articles + ?,
			name = ?, norm = ?, affiliation = ?, country = ?, roles = ? WHERE id = ?`,
			d.quotes, d.articles, d.c.name, d.c.norm, d.c.affiliation, d.c.country, strings.Join(d.c.roles, "\n"), id); err != nil {
			return err
		}
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

// resolve finds the cross-article entity e is, or returns 0. The rules, in
// order of strength: the same full name; for people, the same surname with a
// compatible first name and a shared affiliation or role word; a name of one
// that is an alias of the other; for countries, the same country code.
// Groups ("officials", "sources") are never merged across articles.
func (w *writer) resolve(e parley.Entity, ks []string) (id int64, reason string, roles []string, err error) {
	if e.Type == parley.Group || len(ks) == 0 {
		return 0, "", nil, nil
	}
	seen := map[int64]bool{}
	var cands []candidate
	var byName []int64 // the entities that have e's full name as a name or alias
	for i, k := range ks {
		ids, err := w.lookup(e.Type, k)
		if err != nil {
			return 0, "", nil, err
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
	bestRank := 0
	for _, c := range cands {
		rank, why := match(e, ks, c, slices.Contains(byName, c.id))
		if rank > bestRank {
			id, bestRank, reason, roles = c.id, rank, why, slices.Clone(c.roles)
		}
	}
	return id, reason, roles, nil
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
	ents        map[int64]*candidate
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
		cand := &candidate{}
		if err := rows.Scan(&key, &typ, &cand.id, &cand.name, &cand.norm, &cand.affiliation, &cand.country, &roles); err != nil {
			return err
		}
		if old := c.ents[cand.id]; old != nil {
			cand = old
		} else {
			cand.roles = splitLines(roles)
			c.ents[cand.id] = cand
		}
		ck := typ + "\x00" + key
		if ids := c.keys[ck]; len(ids) < 16 { // as lookup's LIMIT 16, ascending ids
			c.keys[ck] = append(ids, cand.id)
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
	return &resolveCache{dataVersion: dataVersion, keys: map[string][]int64{}, ents: map[int64]*candidate{}}
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
	rows, err := w.stmtQuery(`SELECT en.id, en.name, en.norm, en.affiliation, en.country, en.roles
		FROM entity_aliases ea JOIN entities en ON en.id = ea.entity
		WHERE ea.norm = ? AND en.type = ? AND en.merged_into IS NULL ORDER BY en.id LIMIT 16`, k, string(t))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		c := &candidate{}
		var roles string
		if err := rows.Scan(&c.id, &c.name, &c.norm, &c.affiliation, &c.country, &roles); err != nil {
			return nil, err
		}
		c.roles = splitLines(roles)
		w.cache.ents[c.id] = c
		ids = append(ids, c.id)
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

// remember records in the cache what linkEntity wrote for entity id.
func (w *writer) remember(t parley.EntityType, id int64, c candidate, ks []string) {
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

func (w *writer) stmtQuery(q string, args ...any) (interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

// match ranks how surely article entity e (with lookup keys ks) is candidate
// c: 0 not at all, higher is surer.
func match(e parley.Entity, ks []string, c candidate, hasFullName bool) (int, string) {
	// Different affiliations or countries keep apart what names would join
	// ("the foreign ministry" of two countries).
	if e.Affiliation != "" && c.affiliation != "" && !strings.EqualFold(e.Affiliation, c.affiliation) ||
		e.Country != "" && c.country != "" && !strings.EqualFold(e.Country, c.country) {
		return 0, ""
	}
	n := norm(e.Name)
	if n != "" && n == c.norm {
		return 4, reasonFullName
	}
	if e.Type == parley.Person {
		if sameSurname(n, c.norm) && sharesContext(e, c) {
			return 3, reasonSurname
		}
		// c goes by e's full name too (a merge gave it that alias).
		if hasFullName && strings.Contains(n, " ") {
			return 2, reasonAlias
		}
		// A lone surname is not enough for people: too many share one.
		return 0, ""
	}
	if e.Type == parley.Place && e.Kind == "country" && e.Country != "" && strings.EqualFold(e.Country, c.country) {
		return 2, reasonCountry
	}
	// Organisations and places: only when each goes by the other's name.
	// One-way aliases are too loose across articles: an article that calls
	// "BBC Scotland" "the BBC" would fold the whole BBC into it.
	if hasFullName && slices.Contains(ks, c.norm) {
		return 2, reasonAlias
	}
	return 0, ""
}

// fuller reports whether person name b spells out name a ("Lavrov" →
// "Sergey Lavrov"): the same surname and more words.
func fuller(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fb) > len(fa) && len(fa) > 0 && fa[len(fa)-1] == fb[len(fb)-1]
}

// sameSurname reports whether two normalised person names share the last
// word and, when both give a first name, its initial ("Sergey Lavrov",
// "Sergei Lavrov", "Lavrov").
func sameSurname(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 || fa[len(fa)-1] != fb[len(fb)-1] {
		return false
	}
	if len(fa) == 1 || len(fb) == 1 {
		return true
	}
	x, y := fa[0], fb[0]
	if x[0] != y[0] {
		return false
	}
	// An initial matches any first name of that letter; two spelled-out first
	// names must be spelling variants ("Sergey", "Sergei"), not "Jane", "John".
	return len(x) == 1 || len(y) == 1 || editDistance(x, y) <= 2
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// roleStop are words too common in roles to tie two people together.
var roleStop = map[string]bool{"the": true, "of": true, "a": true, "an": true, "and": true, "to": true,
	"for": true, "in": true, "former": true, "senior": true, "official": true, "deputy": true}

// sharesContext reports whether e and c share an affiliation, a country or a
// significant role word.
func sharesContext(e parley.Entity, c candidate) bool {
	if e.Affiliation != "" && strings.EqualFold(e.Affiliation, c.affiliation) {
		return true
	}
	if e.Country != "" && strings.EqualFold(e.Country, c.country) {
		return true
	}
	words := map[string]bool{}
	for _, r := range c.roles {
		for _, w := range strings.Fields(r) {
			if !roleStop[w] {
				words[w] = true
			}
		}
	}
	for _, r := range e.Roles {
		for _, w := range strings.Fields(norm(r)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}
