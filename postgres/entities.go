package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley"
)

// Entities lists cross-article entities, most quoted first.
func (s *Store) Entities(ctx context.Context, f parley.EntityFilter) (parley.Page[parley.EntityRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.EntityRecord]{}, err
	}
	q := query{where: []string{"en.merged_into IS NULL"}}
	if f.Name != "" {
		n := normKey(f.Name)
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
	limit, offset := q.param(p.Limit+1), q.param(p.Offset)
	rows, err := s.pool.Query(ctx, `SELECT en.id, en.type, en.kind, en.name, en.affiliation, en.country, en.n_quotes, en.n_articles
		FROM entities en`+q.clause()+" ORDER BY en.n_quotes DESC, en.id LIMIT "+limit+" OFFSET "+offset, q.args...)
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
	for i := range out {
		if out[i].Aliases, err = s.aliases(ctx, ids[i], out[i].Name); err != nil {
			return parley.Page[parley.EntityRecord]{}, s.wrap("list entities", err)
		}
	}
	return page(out, p), nil
}

func (s *Store) aliases(ctx context.Context, id int64, name string) ([]string, error) {
	// A sample of the article entities is enough to list the forms in use.
	rows, err := s.pool.Query(ctx, `SELECT name, aliases FROM doc_entities WHERE entity = $1 LIMIT 100`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]bool{name: true}
	out := []string{}
	for rows.Next() {
		var n, js string
		if err := rows.Scan(&n, &js); err != nil {
			return nil, err
		}
		var as []string
		_ = json.Unmarshal([]byte(js), &as)
		for _, a := range append(as, n) {
			if !seen[a] && len(out) < 64 {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	slices.Sort(out)
	return out, rows.Err()
}

// Entity returns one entity with its roles over time, links and merges.
func (s *Store) Entity(ctx context.Context, id string) (*parley.EntityRecord, error) {
	n, err := parseID("e", id)
	if err != nil {
		return nil, err
	}
	var e parley.EntityRecord
	err = s.pool.QueryRow(ctx, `SELECT type, kind, name, affiliation, country, n_quotes, n_articles FROM entities WHERE id = $1`, n).
		Scan(&e.Type, &e.Kind, &e.Name, &e.Affiliation, &e.Country, &e.Quotes, &e.Articles)
	if errNoRows(err) {
		return nil, fmt.Errorf("entity %q: %w", id, parley.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	e.ID = id
	if e.Aliases, err = s.aliases(ctx, n, e.Name); err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT d.article_id, d.published, d.outlet, de.local_id, de.name, de.roles, de.reason
		FROM doc_entities de JOIN documents d ON d.id = de.document WHERE de.entity = $1
		ORDER BY d.published NULLS FIRST, d.id LIMIT 1000`, n)
	if err != nil {
		return nil, s.wrap("entity "+id, err)
	}
	for rows.Next() {
		var l parley.EntityLink
		var pub *time.Time
		var roles string
		if err := rows.Scan(&l.ArticleID, &pub, &l.Outlet, &l.LocalID, &l.Name, &roles, &l.Reason); err != nil {
			rows.Close()
			return nil, s.wrap("entity "+id, err)
		}
		l.Published = day(pub)
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
	rows, err = s.pool.Query(ctx, `SELECT id, keep, drop_id, reason, undone IS NOT NULL FROM merges WHERE keep = $1 OR drop_id = $1 ORDER BY id`, n)
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

// write runs fn in a write transaction that holds lockResolve and raises
// the store's version.
func (s *Store) write(ctx context.Context, op string, fn func(*writer) error) error {
	return s.inTx(ctx, op, func(tx pgx.Tx) error {
		w := &writer{tx: tx, ctx: ctx}
		if err := w.lock(); err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		return w.bump()
	})
}

func notFound(err error, what string) error {
	if errNoRows(err) {
		return fmt.Errorf("%s: %w", what, parley.ErrNotFound)
	}
	return err
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
	if reason = clean(reason); reason == "" {
		return "", fmt.Errorf("%w: a merge needs a reason", parley.ErrInvalid)
	}
	var mergeID int64
	err = s.write(ctx, "merge entities", func(w *writer) error {
		var kt, dt string
		var km, dm *int64
		if err := w.tx.QueryRow(ctx, "SELECT type, merged_into FROM entities WHERE id = $1", k).Scan(&kt, &km); err != nil {
			return notFound(err, "entity "+keep)
		}
		if err := w.tx.QueryRow(ctx, "SELECT type, merged_into FROM entities WHERE id = $1", d).Scan(&dt, &dm); err != nil {
			return notFound(err, "entity "+drop)
		}
		if km != nil || dm != nil {
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
// back, and returns the merge's row id. The caller holds lockResolve.
func (w *writer) merge(k, d int64, reason string) (int64, error) {
	rows, err := w.tx.Query(w.ctx, "SELECT document, local_id, reason FROM doc_entities WHERE entity = $1", d)
	if err != nil {
		return 0, err
	}
	moved, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([3]any, error) {
		var doc int64
		var local, why string
		err := r.Scan(&doc, &local, &why)
		return [3]any{doc, local, why}, err
	})
	if err != nil {
		return 0, err
	}
	js, _ := json.Marshal(moved)
	var mergeID int64
	if err := w.tx.QueryRow(w.ctx, "INSERT INTO merges (keep, drop_id, reason, moved) VALUES ($1, $2, $3, $4) RETURNING id",
		k, d, reason, string(js)).Scan(&mergeID); err != nil {
		return 0, err
	}
	if _, err := w.tx.Exec(w.ctx, "UPDATE doc_entities SET entity = $1, reason = $2 WHERE entity = $3", k, "merge: "+reason, d); err != nil {
		return 0, err
	}
	if _, err := w.tx.Exec(w.ctx, "UPDATE entities SET merged_into = $1 WHERE id = $2", k, d); err != nil {
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
		var undone *time.Time
		if err := w.tx.QueryRow(ctx, "SELECT keep, drop_id, moved, undone FROM merges WHERE id = $1", m).Scan(&keep, &drop, &moved, &undone); err != nil {
			return notFound(err, "merge "+mergeID)
		}
		if undone != nil {
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
			if _, err := w.tx.Exec(ctx, "UPDATE doc_entities SET entity = $1, reason = $2 WHERE document = $3 AND local_id = $4 AND entity = $5",
				drop, why, int64(doc), local, keep); err != nil {
				return err
			}
		}
		if _, err := w.tx.Exec(ctx, "UPDATE entities SET merged_into = NULL WHERE id = $1", drop); err != nil {
			return err
		}
		if _, err := w.tx.Exec(ctx, "UPDATE merges SET undone = now() WHERE id = $1", m); err != nil {
			return err
		}
		return w.refresh(keep, drop)
	})
}

// refresh rebuilds the derived alias index and counters of entities after
// their links changed.
func (w *writer) refresh(ids ...int64) error {
	slices.Sort(ids)
	for _, id := range ids {
		if _, err := w.tx.Exec(w.ctx, "DELETE FROM entity_aliases WHERE entity = $1", id); err != nil {
			return err
		}
		rows, err := w.tx.Query(w.ctx, "SELECT keys FROM doc_entities WHERE entity = $1", id)
		if err != nil {
			return err
		}
		lists, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		var ks []string
		for _, l := range lists {
			for _, k := range splitLines(l) {
				if !slices.Contains(ks, k) {
					ks = append(ks, k)
				}
			}
		}
		if _, err := w.tx.Exec(w.ctx, `INSERT INTO entity_aliases (norm, entity) SELECT k, $2 FROM unnest($1::text[]) AS k
			ON CONFLICT DO NOTHING`, ks, id); err != nil {
			return err
		}
		if _, err := w.tx.Exec(w.ctx, `UPDATE entities SET n_articles = (SELECT count(DISTINCT document) FROM doc_entities WHERE entity = $1),
			n_quotes = (SELECT count(*) FROM quotes q JOIN doc_entities de ON de.document = q.document AND de.local_id = q.speaker
			WHERE de.entity = $1) WHERE id = $1`, id); err != nil {
			return err
		}
	}
	return nil
}

// Claims lists claims, most-discussed first.
func (s *Store) Claims(ctx context.Context, f parley.ClaimFilter) (parley.Page[parley.ClaimRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.ClaimRecord]{}, err
	}
	if cleanFilters(&f.Text, &f.EntityID, &f.Article) {
		return page([]parley.ClaimRecord(nil), p), nil
	}
	var q query
	if f.Status != "" {
		switch parley.ClaimStatus(f.Status) {
		case parley.SingleSource, parley.Corroborated, parley.Disputed:
		default:
			return parley.Page[parley.ClaimRecord]{}, fmt.Errorf("%w: unknown claim status %q (single-source, corroborated, disputed)", parley.ErrInvalid, f.Status)
		}
		q.add("c.status = ?", f.Status)
	}
	if f.Text != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Text) + "%"
		q.add(`c.text ILIKE ? ESCAPE '\'`, like)
	}
	if f.EntityID != "" {
		id, err := parseID("e", f.EntityID)
		if err != nil {
			return parley.Page[parley.ClaimRecord]{}, err
		}
		q.add(`c.id IN (SELECT st.claim FROM stances st JOIN doc_entities de ON de.document = st.document AND de.local_id = st.source WHERE de.entity = ?)`, id)
	}
	if f.Article != "" {
		q.add("c.id IN (SELECT dc.claim FROM doc_claims dc WHERE dc.document = "+documentByID+")", f.Article, f.Article)
	}
	limit, offset := q.param(p.Limit+1), q.param(p.Offset)
	rows, err := s.pool.Query(ctx, `SELECT c.id, c.text, c.status, c.key, (SELECT count(*) FROM doc_claims dc WHERE dc.claim = c.id) AS n
		FROM claims c`+q.clause()+" ORDER BY n DESC, c.id DESC LIMIT "+limit+" OFFSET "+offset, q.args...)
	if err != nil {
		return parley.Page[parley.ClaimRecord]{}, s.wrap("list claims", err)
	}
	var out []parley.ClaimRecord
	var ids []int64
	for rows.Next() {
		var c parley.ClaimRecord
		var id int64
		if err := rows.Scan(&id, &c.Text, &c.Status, &c.Key, &c.Articles); err != nil {
			rows.Close()
			return parley.Page[parley.ClaimRecord]{}, s.wrap("list claims", err)
		}
		c.ID = formatID("c", id)
		out = append(out, c)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return parley.Page[parley.ClaimRecord]{}, s.wrap("list claims", err)
	}
	stances, err := s.stances(ctx, ids)
	if err != nil {
		return parley.Page[parley.ClaimRecord]{}, s.wrap("list claims", err)
	}
	for i := range out {
		out[i].Stances = nonNilStances(stances[ids[i]])
	}
	return page(out, p), nil
}

// Claim returns one claim with its stances.
func (s *Store) Claim(ctx context.Context, id string) (*parley.ClaimRecord, error) {
	n, err := parseID("c", id)
	if err != nil {
		return nil, err
	}
	var c parley.ClaimRecord
	err = s.pool.QueryRow(ctx, `SELECT c.text, c.status, c.key, (SELECT count(*) FROM doc_claims dc WHERE dc.claim = c.id)
		FROM claims c WHERE c.id = $1`, n).Scan(&c.Text, &c.Status, &c.Key, &c.Articles)
	if errNoRows(err) {
		return nil, fmt.Errorf("claim %q: %w", id, parley.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("claim "+id, err)
	}
	c.ID = id
	stances, err := s.stances(ctx, []int64{n})
	if err != nil {
		return nil, s.wrap("claim "+id, err)
	}
	c.Stances = nonNilStances(stances[n])
	return &c, nil
}

func nonNilStances(s []parley.StanceRecord) []parley.StanceRecord {
	if s == nil {
		return []parley.StanceRecord{}
	}
	return s
}

// stances returns the stances on the claims, by claim, oldest article first.
func (s *Store) stances(ctx context.Context, claims []int64) (map[int64][]parley.StanceRecord, error) {
	out := map[int64][]parley.StanceRecord{}
	if len(claims) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT st.claim, d.article_id, coalesce(de.entity, 0), st.source_name, st.stance, st.quote,
		coalesce(q.type, ''), st.evidence, d.outlet, d.published
		FROM stances st JOIN documents d ON d.id = st.document
		LEFT JOIN doc_entities de ON de.document = st.document AND de.local_id = st.source
		LEFT JOIN quotes q ON q.document = st.document AND q.local_id = st.quote AND st.quote <> ''
		WHERE st.claim = ANY($1) ORDER BY d.published NULLS FIRST, st.id`, claims)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r parley.StanceRecord
		var claim, entity int64
		var pub *time.Time
		if err := rows.Scan(&claim, &r.ArticleID, &entity, &r.SourceName, &r.Stance, &r.QuoteID, &r.QuoteType, &r.Evidence, &r.Outlet, &pub); err != nil {
			return nil, err
		}
		if entity > 0 {
			r.SourceID = formatID("e", entity)
		}
		if r.QuoteID != "" {
			r.QuoteID = r.ArticleID + "-" + r.QuoteID
		}
		r.Published = day(pub)
		out[claim] = append(out[claim], r)
	}
	return out, rows.Err()
}
