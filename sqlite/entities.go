package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/resolve"
)

// Entities lists cross-article entities, most quoted first.
func (s *Store) Entities(ctx context.Context, f parley.EntityFilter) (parley.Page[parley.EntityRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.EntityRecord]{}, err
	}
	q := query{where: []string{"en.merged_into IS NULL"}}
	if f.Name != "" {
		n := resolve.Norm(f.Name)
		if n == "" {
			return page([]parley.EntityRecord(nil), p), nil
		}
		// A prefix range over the alias index: "lav" finds "lavrov".
		q.add("en.id IN (SELECT entity FROM entity_aliases WHERE norm >= ? AND norm < ?)", n, n+"\U0010FFFF")
	}
	if f.Type != "" {
		switch parley.EntityType(f.Type) {
		case parley.Person, parley.Organization, parley.Place, parley.Group:
		default:
			return parley.Page[parley.EntityRecord]{}, fmt.Errorf("%w: unknown entity type %q (PERSON, ORG, PLACE, GROUP)", parley.ErrInvalid, f.Type)
		}
		q.add("en.type = ?", f.Type)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT en.id, en.type, en.kind, en.name, en.affiliation, en.country, en.n_quotes, en.n_articles
		FROM entities en`+q.clause()+" ORDER BY en.n_quotes DESC, en.id LIMIT ? OFFSET ?", append(q.args, p.Limit+1, p.Offset)...)
	if err != nil {
		return parley.Page[parley.EntityRecord]{}, s.wrap("list entities", err)
	}
	var out []parley.EntityRecord
	var ids []int64
	for rows.Next() {
		var e parley.EntityRecord
		var id int64
		if err := rows.Scan(&id, &e.Type, &e.Kind, &e.Name, &e.Affiliation, &e.Country, &e.Quotes, &e.Articles); err != nil {
			rows.Close()
			return parley.Page[parley.EntityRecord]{}, s.wrap("list entities", err)
		}
		e.ID = formatID("e", id)
		out = append(out, e)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return parley.Page[parley.EntityRecord]{}, s.wrap("list entities", err)
	}
	// One query for the aliases of the whole page (see Claims).
	aliases, err := s.aliases(ctx, ids)
	if err != nil {
		return parley.Page[parley.EntityRecord]{}, s.wrap("list entities", err)
	}
	for i := range out {
		out[i].Aliases = aliasList(aliases[ids[i]], out[i].Name)
	}
	return page(out, p), nil
}

// aliases returns the names and aliases the article entities linked to
// each of ids go by. A sample of 100 article entities an entity is enough to
// list the forms in use; SQLite keeps only their distinct forms, so that
// few rows come back.
func (s *Store) aliases(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT en.id, (SELECT json_group_array(json_object('n', x.name, 'a', x.aliases))
		FROM (SELECT DISTINCT name, aliases FROM (SELECT name, aliases FROM doc_entities WHERE entity = en.id LIMIT 100)) x)
		FROM entities en WHERE en.id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var js string
		if err := rows.Scan(&id, &js); err != nil {
			return nil, err
		}
		var forms []struct {
			Name    string `json:"n"`
			Aliases string `json:"a"`
		}
		if err := json.Unmarshal([]byte(js), &forms); err != nil {
			return nil, fmt.Errorf("aliases of entity %d: %w", id, err)
		}
		for _, f := range forms {
			var as []string
			_ = json.Unmarshal([]byte(f.Aliases), &as)
			out[id] = append(append(out[id], as...), f.Name)
		}
	}
	return out, rows.Err()
}

// aliasList returns the distinct forms other than name, sorted, at most 64.
func aliasList(forms []string, name string) []string {
	seen := map[string]bool{name: true}
	out := []string{}
	for _, a := range forms {
		if !seen[a] && len(out) < 64 {
			seen[a] = true
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// Entity returns one entity with its roles over time, links and merges.
func (s *Store) Entity(ctx context.Context, id string) (*parley.EntityRecord, error) {
	n, err := parseID("e", id)
	if err != nil {
		return nil, err
	}
	var e parley.EntityRecord
	err = s.r.QueryRowContext(ctx, `SELECT type, kind, name, affiliation, country, n_quotes, n_articles FROM entities WHERE id = ?`, n).
		Scan(&e.Type, &e.Kind, &e.Name, &e.Affiliation, &e.Country, &e.Quotes, &e.Articles)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", id, parley.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	e.ID = id
	aliases, err := s.aliases(ctx, []int64{n})
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	e.Aliases = aliasList(aliases[n], e.Name)
	rows, err := s.r.QueryContext(ctx, `SELECT d.article_id, d.published, d.outlet, de.local_id, de.name, de.roles, de.reason
		FROM doc_entities de JOIN documents d ON d.id = de.document WHERE de.entity = ? ORDER BY d.published, d.id LIMIT 1000`, n)
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	for rows.Next() {
		var l parley.EntityLink
		var roles string
		if err := rows.Scan(&l.ArticleID, &l.Published, &l.Outlet, &l.LocalID, &l.Name, &roles, &l.Reason); err != nil {
			rows.Close()
			return nil, s.wrap("entity "+id, err)
		}
		l.Published = shortDate(l.Published)
		e.Links = append(e.Links, l)
		var rs []string
		_ = json.Unmarshal([]byte(roles), &rs)
		for _, r := range rs {
			e.Roles = append(e.Roles, parley.RoleRecord{Role: r, ArticleID: l.ArticleID, Published: l.Published, Outlet: l.Outlet})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	rows, err = s.r.QueryContext(ctx, `SELECT id, keep, drop_id, reason, undone IS NOT NULL FROM merges WHERE keep = ?1 OR drop_id = ?1 ORDER BY id`, n)
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m parley.MergeRecord
		var mid, keep, drop int64
		if err := rows.Scan(&mid, &keep, &drop, &m.Reason, &m.Undone); err != nil {
			return nil, s.wrap("entity "+id, err)
		}
		m.ID, m.Keep, m.Drop = formatID("m", mid), formatID("e", keep), formatID("e", drop)
		e.Merges = append(e.Merges, m)
	}
	return &e, s.wrap("entity "+id, rows.Err())
}

// MergeEntities folds drop into keep. The article entities that moved are
// recorded with the merge, so Unmerge can move exactly those back.
func (s *Store) MergeEntities(ctx context.Context, keep, drop, reason string) (string, error) {
	k, err := parseID("e", keep)
	if err != nil {
		return "", err
	}
	d, err := parseID("e", drop)
	if err != nil {
		return "", err
	}
	if k == d {
		return "", fmt.Errorf("%w: cannot merge entity %s into itself", parley.ErrInvalid, keep)
	}
	if reason == "" {
		return "", fmt.Errorf("%w: a merge needs a reason", parley.ErrInvalid)
	}
	var mergeID int64
	err = s.write(ctx, "merge entities", func(w *writer) error {
		var kt, dt string
		var km, dm sql.NullInt64
		if err := w.queryRow("SELECT type, merged_into FROM entities WHERE id = ?", k).Scan(&kt, &km); err != nil {
			return notFound(err, "entity "+keep)
		}
		if err := w.queryRow("SELECT type, merged_into FROM entities WHERE id = ?", d).Scan(&dt, &dm); err != nil {
			return notFound(err, "entity "+drop)
		}
		if km.Valid || dm.Valid {
			return fmt.Errorf("%w: entity already merged into another; merge into that one", parley.ErrInvalid)
		}
		if kt != dt {
			return fmt.Errorf("%w: cannot merge a %s into a %s", parley.ErrInvalid, dt, kt)
		}
		var err error
		mergeID, err = w.merge(k, d, reason)
		return err
	})
	if err != nil {
		return "", err
	}
	return formatID("m", mergeID), nil
}

// merge folds live entity d into live entity k of the same type, recording
// the article entities that moved so that Unmerge can move exactly those
// back, and returns the merge's row id.
func (w *writer) merge(k, d int64, reason string) (int64, error) {
	rows, err := w.rows("SELECT document, local_id, reason FROM doc_entities WHERE entity = ?", d)
	if err != nil {
		return 0, err
	}
	var moved [][3]any
	for rows.Next() {
		var doc int64
		var local, why string
		if err := rows.Scan(&doc, &local, &why); err != nil {
			rows.Close()
			return 0, err
		}
		moved = append(moved, [3]any{doc, local, why})
	}
	rows.Close()
	js, _ := json.Marshal(moved)
	res, err := w.exec("INSERT INTO merges (keep, drop_id, reason, moved, created) VALUES (?,?,?,?,?)",
		k, d, reason, string(js), time.Now().UTC().Format(timeLayout))
	if err != nil {
		return 0, err
	}
	mergeID, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := w.exec("UPDATE doc_entities SET entity = ?, reason = ? WHERE entity = ?", k, "merge: "+reason, d); err != nil {
		return 0, err
	}
	if _, err := w.exec("UPDATE quotes SET entity = ? WHERE entity = ?", k, d); err != nil {
		return 0, err
	}
	if _, err := w.exec("UPDATE entities SET merged_into = ? WHERE id = ?", k, d); err != nil {
		return 0, err
	}
	return mergeID, w.refresh(k, d)
}

// Unmerge undoes a merge: the article entities it moved go back to the
// dropped entity (with their original reasons), which becomes live again.
func (s *Store) Unmerge(ctx context.Context, mergeID string) error {
	m, err := parseID("m", mergeID)
	if err != nil {
		return err
	}
	return s.write(ctx, "unmerge", func(w *writer) error {
		var keep, drop int64
		var moved string
		var undone sql.NullString
		if err := w.queryRow("SELECT keep, drop_id, moved, undone FROM merges WHERE id = ?", m).Scan(&keep, &drop, &moved, &undone); err != nil {
			return notFound(err, "merge "+mergeID)
		}
		if undone.Valid {
			return fmt.Errorf("%w: merge %s was already undone", parley.ErrInvalid, mergeID)
		}
		var items [][3]any
		if err := json.Unmarshal([]byte(moved), &items); err != nil {
			return fmt.Errorf("merge %s: %w", mergeID, err)
		}
		for _, it := range items {
			doc, _ := it[0].(float64)
			local, _ := it[1].(string)
			why, _ := it[2].(string)
			if _, err := w.exec("UPDATE doc_entities SET entity = ?, reason = ? WHERE document = ? AND local_id = ? AND entity = ?",
				drop, why, int64(doc), local, keep); err != nil {
				return err
			}
			if _, err := w.exec("UPDATE quotes SET entity = ? WHERE document = ? AND speaker = ? AND entity = ?",
				drop, int64(doc), local, keep); err != nil {
				return err
			}
		}
		if _, err := w.exec("UPDATE entities SET merged_into = NULL WHERE id = ?", drop); err != nil {
			return err
		}
		if _, err := w.exec("UPDATE merges SET undone = ? WHERE id = ?", time.Now().UTC().Format(timeLayout), m); err != nil {
			return err
		}
		return w.refresh(keep, drop)
	})
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, parley.ErrNotFound)
	}
	return err
}

// refresh rebuilds the derived alias index and counters of entities after
// their links changed.
func (w *writer) refresh(ids ...int64) error {
	for _, id := range ids {
		if _, err := w.exec("DELETE FROM entity_aliases WHERE entity = ?", id); err != nil {
			return err
		}
		rows, err := w.rows("SELECT keys FROM doc_entities WHERE entity = ?", id)
		if err != nil {
			return err
		}
		var ks []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return err
			}
			for _, key := range splitLines(k) {
				if !slices.Contains(ks, key) {
					ks = append(ks, key)
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := 0; i < len(ks); i += 100 {
			if err := w.addKeys(id, ks[i:min(i+100, len(ks))]); err != nil {
				return err
			}
		}
		if _, err := w.exec(`UPDATE entities SET n_articles = (SELECT count(DISTINCT document) FROM doc_entities WHERE entity = ?1),
			n_quotes = (SELECT count(*) FROM quotes q JOIN doc_entities de ON de.document = q.document AND de.local_id = q.speaker
			WHERE de.entity = ?1) WHERE id = ?1`, id); err != nil {
			return err
		}
	}
	return nil
}

// write runs fn in a write transaction.
func (s *Store) write(ctx context.Context, op string, fn func(*writer) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(op, err)
	}
	defer tx.Rollback()
	// Merges change which entities are live: resolve from the database.
	s.cache = nil
	w := &writer{tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, cache: newResolveCache(-1), dirty: map[int64]*delta{}}
	defer w.close()
	if err := fn(w); err != nil {
		return s.wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(op, err)
	}
	s.ver.writes.Add(1)
	return nil
}
