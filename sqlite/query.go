package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/resolve"
)

// query accumulates a WHERE clause and its arguments. Only constant SQL
// fragments are appended; every value is a parameter.
type query struct {
	where []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	for _, a := range args {
		if s, ok := a.(string); ok {
			// NUL would end the C string SQLite sees: drop it.
			a = strings.ReplaceAll(s, "\x00", "")
		}
		q.args = append(q.args, a)
	}
}

// clean removes NUL bytes from filter values (SQLite would see a shorter
// string) and reports whether a value that was given is now empty: such a
// filter matches nothing.
func clean(fields ...*string) (matchesNothing bool) {
	for _, f := range fields {
		if *f == "" {
			continue
		}
		if *f = strings.ReplaceAll(*f, "\x00", ""); strings.TrimSpace(*f) == "" {
			matchesNothing = true
		}
	}
	return matchesNothing
}

func (q *query) clause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// ftsQuery turns free text into an FTS5 query that cannot be a syntax error:
// each word becomes a quoted term, all of them required.
func ftsQuery(s string) string {
	var terms []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !resolve.IsWordRune(resolve.Fold(toLower(r))) && r != '\'' }) {
		f = strings.ReplaceAll(f, `"`, "")
		if f != "" {
			terms = append(terms, `"`+f+`"`)
		}
	}
	return strings.Join(terms, " ")
}

func toLower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
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

func dateString(t time.Time) string { return t.UTC().Format(timeLayout) }

func shortDate(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
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

func scanArticle(sc interface{ Scan(...any) error }, a *parley.ArticleRecord, extra ...any) error {
	err := sc.Scan(append([]any{&a.ID, &a.SourceID, &a.ContentHash, &a.Version, &a.Title, &a.URL, &a.Outlet, &a.Author,
		&a.Published, &a.Source, &a.Quotes, &a.Events, &a.Claims}, extra...)...)
	a.Published = shortDate(a.Published)
	return err
}

// Articles lists stored articles, newest first.
func (s *Store) Articles(ctx context.Context, f parley.ArticleFilter) (parley.Page[parley.ArticleRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.ArticleRecord]{}, err
	}
	if clean(&f.Outlet, &f.Text, &f.Speaker) {
		return page([]parley.ArticleRecord(nil), p), nil
	}
	var q query
	from, snippet, fq := "documents d", "''", ""
	if f.Text != "" {
		fq = ftsQuery(f.Text)
		if fq == "" {
			return page([]parley.ArticleRecord(nil), p), nil
		}
		// Reading from the FTS table gives the passage that matched.
		from = "documents_fts JOIN documents d ON d.id = documents_fts.rowid"
		snippet = "snippet(documents_fts, 1, '', '', '…', 16)"
		q.add("documents_fts MATCH ?", fq)
	}
	if f.Outlet != "" {
		q.add("d.outlet = ? COLLATE NOCASE", f.Outlet)
	}
	if f.Speaker != "" {
		n := resolve.Norm(f.Speaker)
		if n == "" {
			return page([]parley.ArticleRecord(nil), p), nil
		}
		q.add(`d.id IN (SELECT q.document FROM quotes q WHERE q.entity IN (`+speakerEntities+`) OR q.speaker_norm = ?)`, n, n)
	}
	if !f.Since.IsZero() {
		q.add("d.published >= ?", dateString(f.Since))
	}
	if !f.Until.IsZero() {
		q.add("d.published < ? AND d.published != ''", dateString(f.Until))
	}
	// The page is chosen first, so that snippets are made for its rows only.
	args := append(q.args, p.Limit+1, p.Offset)
	pageIDs := "SELECT d.id FROM " + from + q.clause() + " ORDER BY d.published DESC, d.id DESC LIMIT ? OFFSET ?"
	where := " WHERE d.id IN (" + pageIDs + ")"
	if fq != "" {
		where += " AND documents_fts MATCH ?"
		args = append(args, fq)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+articleCols+", "+snippet+" FROM "+from+where+
		" ORDER BY d.published DESC, d.id DESC", args...)
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
	err := scanArticle(s.r.QueryRowContext(ctx, "SELECT "+articleCols+", d.id, d.text, d.analysis FROM documents d WHERE d.id = "+documentByID, id, id),
		&a.ArticleRecord, &docID, &a.Text, &analysis)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, parley.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	a.Analysis = json.RawMessage(analysis)
	a.EntityIDs, err = s.idMap(ctx, "SELECT local_id, entity FROM doc_entities WHERE document = ?", "e", docID)
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	a.ClaimIDs, err = s.idMap(ctx, "SELECT local_id, claim FROM doc_claims WHERE document = ?", "c", docID)
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	return &a, nil
}

func (s *Store) idMap(ctx context.Context, q, prefix string, docID int64) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, q, docID)
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
		rows, err := s.r.QueryContext(ctx, `SELECT id, source_id, text, title, url, outlet, author, language, published, source, meta
			FROM documents WHERE id > ? AND (? = '' OR version != ?) ORDER BY id LIMIT 256`, last, version, version)
		if err != nil {
			return s.wrap("list documents", err)
		}
		var docs []parley.Document
		for rows.Next() {
			var d parley.Document
			var pub, meta string
			if err := rows.Scan(&last, &d.ID, &d.Text, &d.Title, &d.URL, &d.Outlet, &d.Author, &d.Language, &pub, &d.Source, &meta); err != nil {
				rows.Close()
				return s.wrap("list documents", err)
			}
			if pub != "" {
				d.Published, _ = time.Parse(timeLayout, pub)
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

// speakerEntities is the SQL that finds the cross-article entities a name or
// alias (normalised, the parameter) refers to.
const speakerEntities = `SELECT ea.entity FROM entity_aliases ea WHERE ea.norm = ?`

// Quotes lists quotes, newest first.
func (s *Store) Quotes(ctx context.Context, f parley.QuoteFilter) (parley.Page[parley.QuoteRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.QuoteRecord]{}, err
	}
	if clean(&f.Speaker, &f.SpeakerID, &f.Outlet, &f.Article, &f.Text) {
		return page([]parley.QuoteRecord(nil), p), nil
	}
	var q query
	// selective filters narrow the quotes to a few; the query then starts
	// from them and sorts, instead of walking every quote by date.
	selective := false
	if f.Speaker != "" {
		n := resolve.Norm(f.Speaker)
		if n == "" {
			return page([]parley.QuoteRecord(nil), p), nil
		}
		q.add(`(q.entity IN (`+speakerEntities+`) OR q.speaker_norm = ?)`, n, n)
		selective = true
	}
	if f.SpeakerID != "" {
		id, err := parseID("e", f.SpeakerID)
		if err != nil {
			return parley.Page[parley.QuoteRecord]{}, err
		}
		q.add("q.entity = ?", id)
		selective = true
	}
	if f.Article != "" {
		q.add("q.document = "+documentByID, f.Article, f.Article)
		selective = true
	}
	if f.Outlet != "" {
		// Two indexed terms, so that SQLite can answer the OR from two indexes.
		q.add(`q.id IN (SELECT q2.id FROM documents d2 JOIN quotes q2 ON q2.document = d2.id WHERE d2.outlet = ? COLLATE NOCASE
			UNION SELECT q3.id FROM quotes q3 WHERE q3.reported_by = ? COLLATE NOCASE)`, f.Outlet, f.Outlet)
		selective = true
	}
	if !f.Since.IsZero() {
		q.add("q.published >= ?", dateString(f.Since))
	}
	if !f.Until.IsZero() {
		q.add("q.published < ? AND q.published != ''", dateString(f.Until))
	}
	from := "quotes q"
	var fromArgs []any
	order := " ORDER BY q.published DESC, q.id DESC"
	if selective {
		order = " ORDER BY +q.published DESC, q.id DESC"
	}
	limit, offset := p.Limit+1, p.Offset
	if f.Text != "" {
		fq := ftsQuery(f.Text)
		if fq == "" {
			return page([]parley.QuoteRecord(nil), p), nil
		}
		if len(q.where) == 0 {
			// Words alone: the full-text index gives the page directly,
			// most recently stored first, without collecting every match.
			from = "(SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) m JOIN quotes q ON q.id = m.id"
			fromArgs = []any{fq, limit, offset}
			order, offset = " ORDER BY q.id DESC", 0
		} else {
			q.add("EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)", fq)
		}
	}
	if f.Article != "" {
		order = " ORDER BY q.start, q.id"
	}
	// The page is chosen from the quotes' index columns first; only its rows
	// are then read whole and joined with their articles.
	rows, err := s.r.QueryContext(ctx, `SELECT d.article_id, q.local_id, q.type, q.content, q.start, q.end, coalesce(q.entity, 0),
		q.speaker_name, q.cue, q.channel, q.reported_by, q.nested_in, q.anonymous, q.published, d.outlet, d.title
		FROM quotes q JOIN documents d ON d.id = q.document
		WHERE q.id IN (SELECT q.id FROM `+from+q.clause()+order+" LIMIT ? OFFSET ?)"+strings.ReplaceAll(order, "+", ""),
		append(append(fromArgs, q.args...), limit, offset)...)
	if err != nil {
		return parley.Page[parley.QuoteRecord]{}, s.wrap("list quotes", err)
	}
	defer rows.Close()
	var out []parley.QuoteRecord
	for rows.Next() {
		var r parley.QuoteRecord
		var entity int64
		if err := rows.Scan(&r.ArticleID, &r.LocalID, &r.Type, &r.Content, &r.Start, &r.End, &entity, &r.SpeakerName,
			&r.Cue, &r.Channel, &r.ReportedBy, &r.NestedIn, &r.Anonymous, &r.Published, &r.Outlet, &r.Title); err != nil {
			return parley.Page[parley.QuoteRecord]{}, s.wrap("list quotes", err)
		}
		r.ID = r.ArticleID + "-" + r.LocalID
		if entity > 0 {
			r.SpeakerID = formatID("e", entity)
		}
		if r.NestedIn != "" {
			r.NestedIn = r.ArticleID + "-" + r.NestedIn
		}
		r.Published = shortDate(r.Published)
		out = append(out, r)
	}
	return page(out, p), s.wrap("list quotes", rows.Err())
}

// actorCond matches an event whose source or target is the actor: an entity
// id ("e12"), a CAMEO actor code or its prefix ("RUS", "RUSGOV"), or a name
// or alias.
func actorCond(q *query, actor string) error {
	// Each form is a set of event ids found through an index.
	const byEntity = `SELECT v2.id FROM doc_entities de JOIN events v2 ON v2.document = de.document AND v2.source = de.local_id WHERE %s
		UNION SELECT v3.id FROM doc_entities de JOIN events v3 ON v3.document = de.document AND v3.target = de.local_id WHERE %s`
	if id, err := parseID("e", actor); err == nil {
		q.add("v.id IN ("+fmt.Sprintf(byEntity, "de.entity = ?", "de.entity = ?")+")", id, id)
		return nil
	}
	n := resolve.Norm(actor)
	if n == "" {
		return fmt.Errorf("%w: empty actor", parley.ErrInvalid)
	}
	// A CAMEO code or its prefix ("RUS" for "RUSGOV"), as an index range.
	code := strings.ToUpper(strings.TrimSpace(actor))
	end := code + "\U0010FFFF"
	alias := "de.entity IN (SELECT entity FROM entity_aliases WHERE norm = ?)"
	q.add(`v.id IN (SELECT id FROM events WHERE source_code >= ? AND source_code < ?
		UNION SELECT id FROM events WHERE target_code >= ? AND target_code < ?
		UNION `+fmt.Sprintf(byEntity, alias, alias)+")", code, end, code, end, n, n)
	return nil
}

// Events lists events, newest first.
func (s *Store) Events(ctx context.Context, f parley.EventFilter) (parley.Page[parley.EventRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.EventRecord]{}, err
	}
	if clean(&f.PLOVER, &f.Place, &f.Article) {
		return page([]parley.EventRecord(nil), p), nil
	}
	var q query
	for _, a := range f.Actors {
		if err := actorCond(&q, a); err != nil {
			return parley.Page[parley.EventRecord]{}, err
		}
	}
	if f.PLOVER != "" {
		q.add("v.plover = ? COLLATE NOCASE", f.PLOVER)
	}
	if f.Place != "" {
		q.add("(v.location = ? COLLATE NOCASE OR v.country = ? COLLATE NOCASE)", f.Place, f.Place)
	}
	if f.Article != "" {
		q.add("v.document = "+documentByID, f.Article, f.Article)
	}
	if !f.Since.IsZero() {
		q.add("v.date >= ?", f.Since.UTC().Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		q.add("v.date < ? AND v.date != ''", f.Until.UTC().Format(time.DateOnly))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT d.article_id, v.local_id, v.plover, v.plover_mode, v.cameo, v.quad_class, v.goldstein,
		coalesce((SELECT entity FROM doc_entities WHERE document = v.document AND local_id = v.source), 0),
		v.source_name, v.source_code,
		coalesce((SELECT entity FROM doc_entities WHERE document = v.document AND local_id = v.target), 0),
		v.target_name, v.target_code, v.location, v.country, v.lat, v.lon, v.date, v.evidence, v.start, v.end,
		v.reported_in, v.negated, d.outlet, d.title
		FROM events v JOIN documents d ON d.id = v.document`+q.clause()+" ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?",
		append(q.args, p.Limit+1, p.Offset)...)
	if err != nil {
		return parley.Page[parley.EventRecord]{}, s.wrap("list events", err)
	}
	defer rows.Close()
	var out []parley.EventRecord
	for rows.Next() {
		var r parley.EventRecord
		var src, tgt int64
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&r.ArticleID, &r.LocalID, &r.PLOVER, &r.PLOVERMode, &r.CAMEO, &r.QuadClass, &r.Goldstein,
			&src, &r.SourceName, &r.SourceCode, &tgt, &r.TargetName, &r.TargetCode, &r.Location, &r.Country, &lat, &lon,
			&r.Date, &r.Evidence, &r.Start, &r.End, &r.ReportedIn, &r.Negated, &r.Outlet, &r.ArticleTitle); err != nil {
			return parley.Page[parley.EventRecord]{}, s.wrap("list events", err)
		}
		r.ID = r.ArticleID + "-" + r.LocalID
		if src > 0 {
			r.SourceID = formatID("e", src)
		}
		if tgt > 0 {
			r.TargetID = formatID("e", tgt)
		}
		if lat.Valid && lon.Valid {
			r.Lat, r.Lon = &lat.Float64, &lon.Float64
		}
		if r.ReportedIn != "" {
			r.ReportedIn = r.ArticleID + "-" + r.ReportedIn
		}
		out = append(out, r)
	}
	return page(out, p), s.wrap("list events", rows.Err())
}

// Claims lists claims, most-discussed first.
func (s *Store) Claims(ctx context.Context, f parley.ClaimFilter) (parley.Page[parley.ClaimRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.ClaimRecord]{}, err
	}
	if clean(&f.Text, &f.EntityID, &f.Article) {
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
		q.add(`c.text LIKE ? ESCAPE '\'`, like)
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
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.text, c.status, c.key, (SELECT count(*) FROM doc_claims dc WHERE dc.claim = c.id) AS n
		FROM claims c`+q.clause()+" ORDER BY n DESC, c.id DESC LIMIT ? OFFSET ?", append(q.args, p.Limit+1, p.Offset)...)
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
	// One query for the stances of the whole page: a query per claim would
	// wait for a pooled connection once per claim under load.
	stances, err := s.stances(ctx, ids)
	if err != nil {
		return parley.Page[parley.ClaimRecord]{}, s.wrap("list claims", err)
	}
	for i := range out {
		out[i].Stances = stances[ids[i]]
		if out[i].Stances == nil {
			out[i].Stances = []parley.StanceRecord{}
		}
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
	err = s.r.QueryRowContext(ctx, `SELECT c.text, c.status, c.key, (SELECT count(*) FROM doc_claims dc WHERE dc.claim = c.id)
		FROM claims c WHERE c.id = ?`, n).Scan(&c.Text, &c.Status, &c.Key, &c.Articles)
	if errors.Is(err, sql.ErrNoRows) {
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
	if c.Stances = stances[n]; c.Stances == nil {
		c.Stances = []parley.StanceRecord{}
	}
	return &c, nil
}

// stances returns the stances on each of claims, in date order.
func (s *Store) stances(ctx context.Context, claims []int64) (map[int64][]parley.StanceRecord, error) {
	out := map[int64][]parley.StanceRecord{}
	if len(claims) == 0 {
		return out, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT st.claim, d.article_id, coalesce(de.entity, 0), st.source_name, st.stance, st.quote,
		coalesce(q.type, ''), st.evidence, d.outlet, d.published
		FROM stances st JOIN documents d ON d.id = st.document
		LEFT JOIN doc_entities de ON de.document = st.document AND de.local_id = st.source
		LEFT JOIN quotes q ON q.document = st.document AND q.local_id = st.quote AND st.quote != ''
		WHERE st.claim IN (`+placeholders(len(claims))+`) ORDER BY st.claim, d.published, st.id`, int64Args(claims)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r parley.StanceRecord
		var claim, entity int64
		if err := rows.Scan(&claim, &r.ArticleID, &entity, &r.SourceName, &r.Stance, &r.QuoteID, &r.QuoteType, &r.Evidence, &r.Outlet, &r.Published); err != nil {
			return nil, err
		}
		if entity > 0 {
			r.SourceID = formatID("e", entity)
		}
		if r.QuoteID != "" {
			r.QuoteID = r.ArticleID + "-" + r.QuoteID
		}
		r.Published = shortDate(r.Published)
		out[claim] = append(out[claim], r)
	}
	return out, rows.Err()
}

// placeholders returns n comma-separated parameters for an IN list.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// Stats counts the stored records.
func (s *Store) Stats(ctx context.Context) (parley.Stats, error) {
	var st parley.Stats
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities WHERE merged_into IS NULL),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events), (SELECT count(*) FROM claims)`).
		Scan(&st.Articles, &st.Entities, &st.Quotes, &st.Events, &st.Claims)
	if err != nil {
		return st, s.wrap("stats", err)
	}
	rows, err := s.r.QueryContext(ctx, "SELECT status, count(*) FROM claims GROUP BY status")
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
