package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-news/parley"
)

// PutAnalysis stores one analysis. See parley.Store.
func (s *Store) PutAnalysis(ctx context.Context, a *parley.Doc) (bool, error) {
	stored, err := s.PutAnalyses(ctx, []*parley.Doc{a})
	if err != nil {
		return false, err
	}
	return stored[0], nil
}

// PutAnalyses stores a batch in one transaction. Concurrent batches (other
// goroutines, processes, machines) may hold the same documents: each is
// stored once, and reported stored by the batch that stored it.
func (s *Store) PutAnalyses(ctx context.Context, as []*parley.Doc) ([]bool, error) {
	stored := make([]bool, len(as))
	if len(as) == 0 {
		return stored, nil
	}
	ps := make([]*prepared, len(as))
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("postgres: analysis %d of the batch is nil", i)
		}
		p, err := prepare(a)
		if err != nil {
			return nil, err
		}
		ps[i] = p
	}
	err := s.inTx(ctx, "store batch", func(tx pgx.Tx) error {
		clear(stored)
		w := &writer{tx: tx, ctx: ctx}
		if err := w.putBatch(ps, stored); err != nil || !w.changed {
			return err
		}
		return w.bump()
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}

// writer holds what one write transaction has done so far.
type writer struct {
	tx     pgx.Tx
	ctx    context.Context
	locked bool // holds lockResolve
	// changed says that the transaction changed what the store holds (and
	// holds lockResolve): it raises the version before it commits.
	changed bool
	res     *resolution
}

// lock takes the advisory lock that serialises cross-article writes, for
// the rest of the transaction.
func (w *writer) lock() error {
	if w.locked {
		return nil
	}
	if _, err := w.tx.Exec(w.ctx, lockSQL, int32(lockResolve)); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	w.locked = true
	return nil
}

// indexPlans makes the planner use indexes for the rest of a write
// transaction. Every statement of a batch is meant to touch a few thousand
// rows through indexes of tables that may hold millions; while a database
// grows fast from empty, the statistics lag behind (autovacuum analyses
// late on a busy machine) and the planner hashes or scans whole tables at
// every batch, or joins the tables in the wrong order, which made a
// 2,226-document load take minutes instead of seconds. The joins of the
// write statements are written in the order they should run
// (join_collapse_limit = 1 keeps it).
const indexPlans = "SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL join_collapse_limit = 1"

func (w *writer) putBatch(ps []*prepared, stored []bool) error {
	if _, err := w.tx.Exec(w.ctx, indexPlans); err != nil {
		return err
	}
	fresh, replaced, err := w.replaceStale(ps)
	if err != nil {
		return err
	}
	ids, err := w.insertDocuments(ps, fresh)
	if err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if err := w.moveSourceIDs(replaced, ids); err != nil {
		return fmt.Errorf("ids: %w", err)
	}
	if err := w.giveIDs(ps); err != nil {
		return fmt.Errorf("ids: %w", err)
	}
	var quotes, events [][]any
	var put []int // indexes of ps stored by this batch, in batch order
	for i, p := range ps {
		id, ok := ids[p.hash]
		if !ok || !fresh[i] {
			continue
		}
		stored[i] = true
		put = append(put, i)
		quotes = append(quotes, quoteRows(id, p)...)
		events = append(events, eventRows(id, p)...)
	}
	if len(put) == 0 {
		return nil
	}
	w.changed = true
	if err := w.copy("quotes", quoteCols, quotes); err != nil {
		return err
	}
	if err := w.copy("events", eventCols, events); err != nil {
		return err
	}
	// From here on the batch reads and changes what other articles share.
	if err := w.lock(); err != nil {
		return err
	}
	if w.res, err = w.newResolution(ps, put); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	for _, i := range put {
		ents, fresh := w.res.link(ids[ps[i].hash], ps[i].a)
		if err := w.surnameMerges(ps[i].a, ents, fresh); err != nil {
			return fmt.Errorf("document %q: people named by surname: %w", ps[i].a.Document.ID, err)
		}
	}
	if _, err := w.res.write(w); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	return w.putClaims(ps, put, ids)
}

// replaceStale deletes the stored documents of the batch that an older (or
// other) extractor analysed, and reports which items of the batch are to
// be stored: not the ones stored by this version, nor a second copy within
// the batch; and the row ids of the documents it deleted, by content hash.
func (w *writer) replaceStale(ps []*prepared) ([]bool, map[string]int64, error) {
	hashes := make([]string, len(ps))
	for i, p := range ps {
		hashes[i] = p.hash
	}
	rows, err := w.tx.Query(w.ctx, "SELECT content_hash, id, version FROM documents WHERE content_hash = ANY($1)", hashes)
	if err != nil {
		return nil, nil, err
	}
	type row struct {
		id      int64
		version string
	}
	have := map[string]row{}
	for rows.Next() {
		var h string
		var r row
		if err := rows.Scan(&h, &r.id, &r.version); err != nil {
			rows.Close()
			return nil, nil, err
		}
		have[h] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	fresh := make([]bool, len(ps))
	replaced := map[string]int64{}
	seen := map[string]bool{}
	for i, p := range ps {
		if seen[p.hash] {
			continue
		}
		seen[p.hash] = true
		r, ok := have[p.hash]
		if ok && r.version == parley.Version {
			continue
		}
		fresh[i] = true
		if ok {
			if err := w.lock(); err != nil {
				return nil, nil, err
			}
			if err := w.deleteDocument(r.id); err != nil {
				return nil, nil, fmt.Errorf("replace document %q: %w", p.a.Document.ID, err)
			}
			replaced[p.hash] = r.id
			w.changed = true
		}
	}
	return fresh, replaced, nil
}

// insertDocuments inserts the fresh documents in one statement, in content
// hash order (so that two batches with common documents wait for each
// other instead of deadlocking), and returns the ids of the rows it
// inserted by hash. A document that a concurrent transaction stored first
// is left out: that one reports it stored. (No conflict target: the
// article id, a prefix of the hash, is unique too, and a concurrent copy
// may meet either index first.)
func (w *writer) insertDocuments(ps []*prepared, fresh []bool) (map[string]int64, error) {
	var order []*prepared
	for i, p := range ps {
		if fresh[i] {
			order = append(order, p)
		}
	}
	ids := map[string]int64{}
	if len(order) == 0 {
		return ids, nil
	}
	slices.SortFunc(order, func(a, b *prepared) int { return strings.Compare(a.hash, b.hash) })
	cols := make([][]any, len(documentCols))
	for _, p := range order {
		for j, v := range documentRow(p) {
			cols[j] = append(cols[j], v)
		}
	}
	// One array parameter a column; unnest turns them back into rows.
	var sel []string
	args := make([]any, len(cols))
	for j, c := range documentCols {
		sel = append(sel, fmt.Sprintf("$%d::%s[]", j+1, documentTypes[c]))
		args[j] = typedColumn(documentTypes[c], cols[j])
	}
	q := "INSERT INTO documents (" + strings.Join(documentCols, ", ") + ") SELECT * FROM unnest(" + strings.Join(sel, ", ") +
		") ON CONFLICT DO NOTHING RETURNING content_hash, id"
	rows, err := w.tx.Query(w.ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		ids[h] = id
	}
	return ids, rows.Err()
}

// documentTypes are the SQL types of documentCols.
var documentTypes = map[string]string{"article_id": "text", "content_hash": "text", "version": "text", "source_id": "text",
	"title": "text", "url": "text", "outlet": "text", "author": "text", "language": "text", "published": "timestamptz",
	"source": "text", "meta": "text", "text": "text", "analysis": "text", "n_quotes": "int4", "n_events": "int4", "n_claims": "int4"}

// typedColumn turns a column of values into a slice pgx encodes as an
// array of that type (NULLs included).
func typedColumn(typ string, vals []any) any {
	switch typ {
	case "int4":
		out := make([]int32, len(vals))
		for i, v := range vals {
			out[i] = int32(v.(int))
		}
		return out
	case "text":
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = v.(string)
		}
		return out
	case "timestamptz":
		out := make([]*time.Time, len(vals))
		for i, v := range vals {
			if t, ok := v.(time.Time); ok {
				out[i] = &t
			}
		}
		return out
	}
	panic("postgres: no array type for " + typ)
}

// copy writes rows with COPY.
func (w *writer) copy(table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := w.tx.CopyFrom(w.ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	return nil
}

// HasContent reports whether a document with this content hash is stored.
func (s *Store) HasContent(ctx context.Context, contentHash string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = $1)
		OR EXISTS (SELECT 1 FROM duplicates WHERE content_hash = $1)`, clean(contentHash)).Scan(&ok)
	return ok, s.wrap("has content", err)
}

// PutDuplicate implements parley.Store.
func (s *Store) PutDuplicate(ctx context.Context, d parley.Duplicate) error {
	if d.ContentHash == "" || d.OriginalID == "" {
		return s.wrap("put duplicate", fmt.Errorf("%w: a duplicate needs its content hash and its original's id", parley.ErrInvalid))
	}
	// Without lockResolve: a copy touches nothing that batches write, and
	// the version's row is its only other lock.
	return s.inTx(ctx, "put duplicate", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO duplicates (content_hash, id, original, url, title, outlet, source)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (content_hash) DO NOTHING`,
			clean(d.ContentHash), clean(d.ID), clean(d.OriginalID), clean(d.URL), clean(d.Title), clean(d.Outlet), clean(d.Source))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		return (&writer{tx: tx, ctx: ctx}).bump()
	})
}

// DuplicatesOf implements parley.Store.
func (s *Store) DuplicatesOf(ctx context.Context, originalID string) ([]parley.Duplicate, error) {
	rows, err := s.pool.Query(ctx, `SELECT content_hash, id, original, url, title, outlet, source
		FROM duplicates WHERE original = $1 ORDER BY id`, clean(originalID))
	if err != nil {
		return nil, s.wrap("duplicates", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (parley.Duplicate, error) {
		var d parley.Duplicate
		err := r.Scan(&d.ContentHash, &d.ID, &d.OriginalID, &d.URL, &d.Title, &d.Outlet, &d.Source)
		return d, err
	})
	return out, s.wrap("duplicates", err)
}

// errNoRows tells pgx.ErrNoRows apart.
func errNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
