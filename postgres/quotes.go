package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parley-news/parley"
)

// speakerEntity is the SQL of the cross-article entity of quote q's speaker.
const speakerEntity = `coalesce((SELECT de.entity FROM doc_entities de WHERE de.document = q.document AND de.local_id = q.speaker), 0)`

// speakerQuotes is the condition on quote q of a speaker's normalised name
// (given twice): the speaker's entities by name or alias, and quotes whose
// speaker is only a name, each a set of ids found through an index.
const speakerQuotes = `q.id IN (SELECT q2.id FROM entity_aliases ea JOIN doc_entities de ON de.entity = ea.entity
	JOIN quotes q2 ON q2.document = de.document AND q2.speaker = de.local_id WHERE ea.norm = ?
	UNION SELECT q3.id FROM quotes q3 WHERE q3.speaker_norm = ?)`

// Quotes lists quotes, newest first.
func (s *Store) Quotes(ctx context.Context, f parley.QuoteFilter) (parley.Page[parley.QuoteRecord], error) {
	p, err := f.PageRequest.Norm()
	if err != nil {
		return parley.Page[parley.QuoteRecord]{}, err
	}
	if cleanFilters(&f.Speaker, &f.SpeakerID, &f.Outlet, &f.Article, &f.Text) {
		return page([]parley.QuoteRecord(nil), p), nil
	}
	var q query
	order := "q.published DESC NULLS LAST, q.id DESC"
	if f.Speaker != "" {
		n := normKey(f.Speaker)
		if n == "" {
			return page([]parley.QuoteRecord(nil), p), nil
		}
		q.add(speakerQuotes, n, n)
	}
	if f.SpeakerID != "" {
		id, err := parseID("e", f.SpeakerID)
		if err != nil {
			return parley.Page[parley.QuoteRecord]{}, err
		}
		q.add(`q.id IN (SELECT q2.id FROM doc_entities de JOIN quotes q2 ON q2.document = de.document AND q2.speaker = de.local_id
			WHERE de.entity = ?)`, id)
	}
	if f.Article != "" {
		q.add("q.document = "+documentByID, f.Article, f.Article)
		order = "q.span_start, q.id"
	}
	if f.Outlet != "" {
		q.add(`q.id IN (SELECT q2.id FROM documents d2 JOIN quotes q2 ON q2.document = d2.id WHERE lower(d2.outlet) = lower(?)
			UNION SELECT q3.id FROM quotes q3 WHERE lower(q3.reported_by) = lower(?))`, f.Outlet, f.Outlet)
	}
	if !f.Since.IsZero() {
		q.add("q.published >= ?", f.Since.UTC())
	}
	if !f.Until.IsZero() {
		q.add("q.published < ?", f.Until.UTC())
	}
	if f.Text != "" {
		if len(q.where) == 0 {
			// Words alone: the most recently stored matches first.
			order = "q.id DESC"
		}
		q.add("q.tsv @@ plainto_tsquery('english', ?)", f.Text)
	}
	limit, offset := q.param(p.Limit+1), q.param(p.Offset)
	// The page is chosen from the quotes first; only its rows are joined
	// with their articles.
	rows, err := s.pool.Query(ctx, `SELECT d.article_id, q.local_id, q.type, q.content, q.span_start, q.span_end, `+speakerEntity+`,
		q.speaker_name, q.cue, q.channel, q.reported_by, q.nested_in, q.anonymous, q.published, d.outlet, d.title
		FROM (SELECT q.* FROM quotes q`+q.clause()+" ORDER BY "+order+" LIMIT "+limit+" OFFSET "+offset+`) q
		JOIN documents d ON d.id = q.document ORDER BY `+order, q.args...)
	if err != nil {
		return parley.Page[parley.QuoteRecord]{}, s.wrap("list quotes", err)
	}
	defer rows.Close()
	var out []parley.QuoteRecord
	for rows.Next() {
		var r parley.QuoteRecord
		var entity int64
		var pub *time.Time
		if err := rows.Scan(&r.ArticleID, &r.LocalID, &r.Type, &r.Content, &r.Start, &r.End, &entity, &r.SpeakerName,
			&r.Cue, &r.Channel, &r.ReportedBy, &r.NestedIn, &r.Anonymous, &pub, &r.Outlet, &r.Title); err != nil {
			return parley.Page[parley.QuoteRecord]{}, s.wrap("list quotes", err)
		}
		r.ID = r.ArticleID + "-" + r.LocalID
		if entity > 0 {
			r.SpeakerID = formatID("e", entity)
		}
		if r.NestedIn != "" {
			r.NestedIn = r.ArticleID + "-" + r.NestedIn
		}
		r.Published = day(pub)
		out = append(out, r)
	}
	return page(out, p), s.wrap("list quotes", rows.Err())
}

// actorCond matches an event whose source or target is the actor: an entity
// id ("e12"), a CAMEO actor code or its prefix ("RUS", "RUSGOV"), or a name
// or alias.
func actorCond(q *query, actor string) error {
	const byEntity = `SELECT v2.id FROM doc_entities de JOIN events v2 ON v2.document = de.document AND v2.source = de.local_id WHERE %s
		UNION SELECT v3.id FROM doc_entities de JOIN events v3 ON v3.document = de.document AND v3.target = de.local_id WHERE %s`
	if id, err := parseID("e", actor); err == nil {
		q.add("v.id IN ("+fmt.Sprintf(byEntity, "de.entity = ?", "de.entity = ?")+")", id, id)
		return nil
	}
	n := normKey(actor)
	if n == "" {
		return fmt.Errorf("%w: empty actor", parley.ErrInvalid)
	}
	// A CAMEO code or its prefix ("RUS" for "RUSGOV"), as an index range
	// (the code columns are COLLATE "C").
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
	if cleanFilters(&f.PLOVER, &f.Place, &f.Article) {
		return page([]parley.EventRecord(nil), p), nil
	}
	var q query
	for _, a := range f.Actors {
		if err := actorCond(&q, clean(a)); err != nil {
			return parley.Page[parley.EventRecord]{}, err
		}
	}
	if f.PLOVER != "" {
		q.add("lower(v.plover) = lower(?)", f.PLOVER)
	}
	if f.Place != "" {
		q.add("(lower(v.location) = lower(?) OR lower(v.country) = lower(?))", f.Place, f.Place)
	}
	if f.Article != "" {
		q.add("v.document = "+documentByID, f.Article, f.Article)
	}
	if !f.Since.IsZero() {
		q.add("v.date >= ?::date", f.Since.UTC().Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		q.add("v.date < ?::date", f.Until.UTC().Format(time.DateOnly))
	}
	limit, offset := q.param(p.Limit+1), q.param(p.Offset)
	rows, err := s.pool.Query(ctx, `SELECT d.article_id, v.local_id, v.plover, v.plover_mode, v.cameo, v.quad_class, v.goldstein,
		coalesce((SELECT entity FROM doc_entities WHERE document = v.document AND local_id = v.source), 0),
		v.source_name, v.source_code,
		coalesce((SELECT entity FROM doc_entities WHERE document = v.document AND local_id = v.target), 0),
		v.target_name, v.target_code, v.location, v.country, v.lat, v.lon, v.date, v.evidence, v.span_start, v.span_end,
		v.reported_in, v.negated, d.outlet, d.title
		FROM events v JOIN documents d ON d.id = v.document`+q.clause()+" ORDER BY v.date DESC NULLS LAST, v.id DESC LIMIT "+limit+" OFFSET "+offset,
		q.args...)
	if err != nil {
		return parley.Page[parley.EventRecord]{}, s.wrap("list events", err)
	}
	defer rows.Close()
	var out []parley.EventRecord
	for rows.Next() {
		var r parley.EventRecord
		var src, tgt int64
		var date *time.Time
		if err := rows.Scan(&r.ArticleID, &r.LocalID, &r.PLOVER, &r.PLOVERMode, &r.CAMEO, &r.QuadClass, &r.Goldstein,
			&src, &r.SourceName, &r.SourceCode, &tgt, &r.TargetName, &r.TargetCode, &r.Location, &r.Country, &r.Lat, &r.Lon,
			&date, &r.Evidence, &r.Start, &r.End, &r.ReportedIn, &r.Negated, &r.Outlet, &r.ArticleTitle); err != nil {
			return parley.Page[parley.EventRecord]{}, s.wrap("list events", err)
		}
		r.ID = r.ArticleID + "-" + r.LocalID
		if src > 0 {
			r.SourceID = formatID("e", src)
		}
		if tgt > 0 {
			r.TargetID = formatID("e", tgt)
		}
		r.Date = day(date)
		if r.Lat == nil || r.Lon == nil {
			r.Lat, r.Lon = nil, nil
		}
		if r.ReportedIn != "" {
			r.ReportedIn = r.ArticleID + "-" + r.ReportedIn
		}
		out = append(out, r)
	}
	return page(out, p), s.wrap("list events", rows.Err())
}
