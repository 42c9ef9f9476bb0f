package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley"
)

// query accumulates a WHERE clause and its arguments. Only constant SQL
// fragments are appended; every value is a parameter, written "?" in the
// fragment and numbered here.
type query struct {
	where []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	for _, a := range args {
		q.args = append(q.args, a)
		cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(q.args)), 1)
	}
	q.where = append(q.where, cond)
}

// param adds a value used by SQL outside the WHERE clause and returns its
// placeholder.
func (q *query) param(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *query) clause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// cleanFilters makes filter values storable strings (see clean) and
// reports whether a value that was given is now empty: such a filter
// matches nothing.
func cleanFilters(fields ...*string) (matchesNothing bool) {
	for _, f := range fields {
		if *f == "" {
			continue
		}
		if *f = strings.ReplaceAll(clean(*f), "\uFFFD", ""); strings.TrimSpace(*f) == "" {
			matchesNothing = true
		}
	}
	return matchesNothing
}

// Entity, claim and merge ids are a letter and the row id.
func formatID(prefix string, id int64) string { return prefix + strconv.FormatInt(id, 10) }

func parseID(prefix, s string) (int64, error) {
	v, err := strconv.ParseInt(strings.TrimPrefix(s, prefix), 10, 64)
	if !strings.HasPrefix(s, prefix) || err != nil || v <= 0 {
		return 0, fmt.Errorf("%w: malformed id %q (want %s followed by a number)", parley.ErrInvalid, s, prefix)
	}
	return v, nil
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func page[T any](items []T, p parley.PageRequest) parley.Page[T] {
	out := parley.Page[T]{Items: items}
	if len(items) > p.Limit {
		out.Items = items[:p.Limit]
		out.Next = p.Offset + p.Limit
	}
	if out.Items == nil {
		out.Items = []T{}
	}
	return out
}

const articleCols = `d.article_id, d.source_id, d.content_hash, d.version, d.title, d.url, d.outlet, d.author, d.published,
	d.source, d.n_quotes, d.n_events, d.n_claims`

func scanArticle(sc pgx.Row, a *parley.ArticleRecord, extra ...any) error {
	var pub *time.Time
	err := sc.Scan(append([]any{&a.ID, &a.SourceID, &a.ContentHash, &a.Version, &a.Title, &a.URL, &a.Outlet, &a.Author,
		&pub, &a.Source, &a.Quotes, &a.Events, &a.Claims}, extra...)...)
	a.Published = day(pub)
	return err
}

// Articles lists stored articles, newest first.
func (s *Store) Articles(ctx context.Context, f parley.ArticleFilter) (parley.Page[parley.ArticleRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.ArticleRecord]{}, err
	}
	if cleanFilters(&f.Outlet, &f.Text, &f.Speaker) {
		return page([]parley.ArticleRecord(nil), p), nil
	}
	var q query
	snippet := "''"
	if f.Text != "" {
		ph := q.param(f.Text)
		q.where = append(q.where, "d.tsv @@ plainto_tsquery('english', "+ph+")")
		// The passage that matched, for the page's rows only.
		snippet = "ts_headline('english', left(d.text, 100000), plainto_tsquery('english', " + ph + "), " +
			`'StartSel="", StopSel="", MinWords=5, MaxWords=16, MaxFragments=1, FragmentDelimiter="…"')`
	}
	if f.Outlet != "" {
		q.add("lower(d.outlet) = lower(?)", f.Outlet)
	}
	if f.Speaker != "" {
		n := normKey(f.Speaker)
		if n == "" {
			return page([]parley.ArticleRecord(nil), p), nil
		}
		q.add("d.id IN (SELECT q.document FROM quotes q WHERE "+speakerQuotes+")", n, n)
	}
	if !f.Since.IsZero() {
		q.add("d.published >= ?", f.Since.UTC())
	}
	if !f.Until.IsZero() {
		q.add("d.published < ?", f.Until.UTC())
	}
	limit, offset := q.param(p.Limit+1), q.param(p.Offset)
	rows, err := s.pool.Query(ctx, "SELECT "+articleCols+", "+snippet+" FROM (SELECT * FROM documents d"+q.clause()+
		" ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT "+limit+" OFFSET "+offset+") d"+
		" ORDER BY d.published DESC NULLS LAST, d.id DESC", q.args...)
	if err != nil {
		return parley.Page[parley.ArticleRecord]{}, s.wrap("list articles", err)
	}
	defer rows.Close()
	var out []parley.ArticleRecord
	for rows.Next() {
		var a parley.ArticleRecord
		if err := scanArticle(rows, &a, &a.Snippet); err != nil {
			return parley.Page[parley.ArticleRecord]{}, s.wrap("list articles", err)
		}
		out = append(out, a)
	}
	return page(out, p), s.wrap("list articles", rows.Err())
}

// Article returns one stored article with its text and analysis.
func (s *Store) Article(ctx context.Context, id string) (*parley.StoredArticle, error) {
	var a parley.StoredArticle
	var docID int64
	var analysis string
	err := scanArticle(s.pool.QueryRow(ctx, "SELECT "+articleCols+", d.id, d.text, d.analysis FROM documents d WHERE d.id = "+
		strings.ReplaceAll(strings.Replace(documentByID, "?", "$1", 1), "?", "$1"), clean(id)),
		&a.ArticleRecord, &docID, &a.Text, &analysis)
	if errNoRows(err) {
		return nil, fmt.Errorf("article %q: %w", id, parley.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	a.Analysis = json.RawMessage(analysis)
	if a.EntityIDs, err = s.idMap(ctx, "SELECT local_id, entity FROM doc_entities WHERE document = $1", "e", docID); err != nil {
		return nil, s.wrap("article "+id, err)
	}
	if a.ClaimIDs, err = s.idMap(ctx, "SELECT local_id, claim FROM doc_claims WHERE document = $1", "c", docID); err != nil {
		return nil, s.wrap("article "+id, err)
	}
	return &a, nil
}

func (s *Store) idMap(ctx context.Context, q, prefix string, docID int64) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, q, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var local string
		var id int64
		if err := rows.Scan(&local, &id); err != nil {
			return nil, err
		}
		m[local] = formatID(prefix, id)
	}
	return m, rows.Err()
}

// Documents calls fn for each stored document analysed by another extractor
// version than version ("" for all).
func (s *Store) Documents(ctx context.Context, version string, fn func(parley.Document) error) error {
	// Page by row id so that fn may write to the store between pages.
	last := int64(0)
	for {
		rows, err := s.pool.Query(ctx, `SELECT id, source_id, text, title, url, outlet, author, language, published, source, meta
			FROM documents WHERE id > $1 AND ($2 = '' OR version <> $2) ORDER BY id LIMIT 256`, last, version)
		if err != nil {
			return s.wrap("list documents", err)
		}
		var docs []parley.Document
		for rows.Next() {
			var d parley.Document
			var pub *time.Time
			var meta string
			if err := rows.Scan(&last, &d.ID, &d.Text, &d.Title, &d.URL, &d.Outlet, &d.Author, &d.Language, &pub, &d.Source, &meta); err != nil {
				rows.Close()
				return s.wrap("list documents", err)
			}
			if pub != nil {
				d.Published = pub.UTC()
			}
			if meta != "" {
				_ = json.Unmarshal([]byte(meta), &d.Meta)
			}
			docs = append(docs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.wrap("list documents", err)
		}
		if len(docs) == 0 {
			return nil
		}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(d); err != nil {
				return err
			}
		}
	}
}

// Stats counts the stored records.
func (s *Store) Stats(ctx context.Context) (parley.Stats, error) {
	var st parley.Stats
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities WHERE merged_into IS NULL),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events), (SELECT count(*) FROM claims)`).
		Scan(&st.Articles, &st.Entities, &st.Quotes, &st.Events, &st.Claims)
	if err != nil {
		return st, s.wrap("stats", err)
	}
	rows, err := s.pool.Query(ctx, "SELECT status, count(*) FROM claims GROUP BY status")
	if err != nil {
		return st, s.wrap("stats", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			return st, s.wrap("stats", err)
		}
		switch parley.ClaimStatus(status) {
		case parley.SingleSource:
			st.ClaimsByStatus.SingleSource = n
		case parley.Corroborated:
			st.ClaimsByStatus.Corroborated = n
		case parley.Disputed:
			st.ClaimsByStatus.Disputed = n
		}
	}
	return st, s.wrap("stats", rows.Err())
}
