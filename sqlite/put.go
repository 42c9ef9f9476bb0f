package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/resolve"
)

// timeLayout stores times as fixed-width UTC text, so that they compare as
// strings in range queries.
const timeLayout = "2006-01-02T15:04:05Z"

// articleID is the stable public id of a document: a prefix of its content
// hash, so that it is the same in every database that stores the text.
func articleID(hash string) string { return hash[:16] }

// PutAnalysis stores one analysis. See parley.Store.
func (s *Store) PutAnalysis(ctx context.Context, a *parley.Doc) (bool, error) {
	stored, err := s.PutAnalyses(ctx, []*parley.Doc{a})
	if err != nil {
		return false, err
	}
	return stored[0], nil
}

// PutAnalyses stores a batch of analyses in one transaction.
func (s *Store) PutAnalyses(ctx context.Context, as []*parley.Doc) ([]bool, error) {
	stored := make([]bool, len(as))
	if len(as) == 0 {
		return stored, nil
	}
	// Serialise before taking the write lock: JSON encoding is the costly part
	// and need not hold up other writers.
	prepared := make([]*prepared, len(as))
	for i, a := range as {
		if a == nil {
			return nil, fmt.Errorf("sqlite: analysis %d of the batch is nil", i)
		}
		p, err := prepare(a)
		if err != nil {
			return nil, err
		}
		prepared[i] = p
	}
	b, err := s.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer b.Rollback()
	for i, p := range prepared {
		if stored[i], err = b.put(p); err != nil {
			return nil, err
		}
	}
	return stored, b.Commit()
}

// Batch is one write transaction whose analyses are added one at a time, so
// that a writer can store each as the pipeline delivers it and commit them
// together (ingest.StoreSink): the work of a batch is then done while the
// next documents are analysed, not all after the last one. It holds the
// store's write lock from Begin to Commit or Rollback; it is not safe for
// concurrent use.
type Batch struct {
	s      *Store
	tx     *sql.Tx
	w      *writer
	before int64 // rows of this batch not yet indexed for full-text search get ids above it
	// unindexed counts the documents stored since the last index.
	unindexed int
	err       error // the first failed Put: the transaction can only roll back
}

// Begin starts a batch. The caller must Commit or Rollback it.
func (s *Store) Begin(ctx context.Context) (*Batch, error) {
	s.mu.Lock()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		s.mu.Unlock()
		return nil, s.wrap("begin write", err)
	}
	b := &Batch{s: s, tx: tx}
	if b.w, err = s.begin(ctx, tx); err != nil {
		tx.Rollback()
		s.mu.Unlock()
		return nil, err
	}
	if err := b.w.queryRow("SELECT coalesce(max(id), 0) FROM documents").Scan(&b.before); err != nil {
		b.Rollback()
		return nil, s.wrap("begin write", err)
	}
	return b, nil
}

// Put stores one analysis in the batch and reports whether it was stored
// (false: this text was stored before by this extractor version). After an
// error the batch can only be rolled back.
func (b *Batch) Put(a *parley.Doc) (bool, error) {
	if b.err != nil || b.w == nil {
		return b.put(nil)
	}
	var p *prepared
	var err error
	if a == nil {
		err = errors.New("sqlite: Batch.Put of a nil analysis")
	} else {
		p, err = prepare(a)
	}
	if err != nil {
		b.err = err
		return false, err
	}
	return b.put(p)
}

func (b *Batch) put(p *prepared) (bool, error) {
	switch {
	case b.err != nil:
		return false, b.err
	case b.w == nil:
		return false, errors.New("sqlite: Put on a batch that has ended")
	}
	ok, err := b.w.put(p)
	if err != nil {
		b.err = b.s.wrap(fmt.Sprintf("store document %q", p.a.Document.ID), err)
		return false, b.err
	}
	if ok {
		b.unindexed++
	}
	if b.unindexed >= indexChunk {
		if err := b.w.index(b.before); err != nil {
			b.err = b.s.wrap("full-text index", err)
			return false, b.err
		}
		b.before, b.unindexed = b.w.lastDoc, 0
	}
	return ok, nil
}

// indexChunk is how many documents a batch stores before it indexes them
// for full-text search, so that what is left for Commit, after the last
// document of an ingest, is the index of at most this many (it was the
// whole batch's, up to 1,024 documents); each index flushes one FTS5
// segment, which the commits merge.
const indexChunk = 256

// Commit indexes the batch's documents and quotes for full-text search and
// commits the transaction.
func (b *Batch) Commit() error {
	if b.w == nil {
		return errors.New("sqlite: Commit of a batch that has ended")
	}
	defer b.Rollback()
	if b.err != nil {
		return b.err
	}
	w, s := b.w, b.s
	if err := w.flush(); err != nil {
		return s.wrap("update entities", err)
	}
	if err := w.index(b.before); err != nil {
		return s.wrap("full-text index", err)
	}
	if err := b.tx.Commit(); err != nil {
		return s.wrap("commit", err)
	}
	s.ver.writes.Add(1)
	s.cache = w.cache
	s.keep(w.ctx, w.unprepared)
	return nil
}

// Rollback ends the batch without storing it, if Commit has not ended it.
func (b *Batch) Rollback() {
	if b.w == nil {
		return
	}
	b.w.close()
	b.tx.Rollback()
	b.w = nil
	b.s.mu.Unlock()
}

const hasContentQuery = `SELECT (SELECT count(*) FROM documents WHERE content_hash = ?1)
	+ (SELECT count(*) FROM duplicates WHERE content_hash = ?1)`

// HasContent reports whether a document with this content hash is stored.
func (s *Store) HasContent(ctx context.Context, contentHash string) (bool, error) {
	var n int
	err := s.hasContent.QueryRowContext(ctx, contentHash).Scan(&n)
	if err != nil {
		return false, s.wrap("has content", err)
	}
	return n > 0, nil
}

// PutDuplicate implements parley.Store.
func (s *Store) PutDuplicate(ctx context.Context, d parley.Duplicate) error {
	if d.ContentHash == "" || d.OriginalID == "" {
		return s.wrap("put duplicate", fmt.Errorf("%w: a duplicate needs its content hash and its original's id", parley.ErrInvalid))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.w.ExecContext(ctx, `INSERT INTO duplicates (content_hash, id, original, url, title, outlet, source)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO NOTHING`,
		d.ContentHash, d.ID, d.OriginalID, d.URL, d.Title, d.Outlet, d.Source)
	if err == nil {
		s.ver.writes.Add(1)
	}
	return s.wrap("put duplicate", err)
}

// DuplicatesOf implements parley.Store.
func (s *Store) DuplicatesOf(ctx context.Context, originalID string) ([]parley.Duplicate, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT content_hash, id, original, url, title, outlet, source
		FROM duplicates WHERE original = ? ORDER BY id`, originalID)
	if err != nil {
		return nil, s.wrap("duplicates", err)
	}
	defer rows.Close()
	var out []parley.Duplicate
	for rows.Next() {
		var d parley.Duplicate
		if err := rows.Scan(&d.ContentHash, &d.ID, &d.OriginalID, &d.URL, &d.Title, &d.Outlet, &d.Source); err != nil {
			return nil, s.wrap("duplicates", err)
		}
		out = append(out, d)
	}
	return out, s.wrap("duplicates", rows.Err())
}

// begin starts a writer on tx with the resolution cache, dropping the cache
// if another connection wrote to the database since. The cache goes back to
// the store only when the transaction commits.
func (s *Store) begin(ctx context.Context, tx *sql.Tx) (*writer, error) {
	var v int64
	if err := tx.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return nil, s.wrap("begin write", err)
	}
	c := s.cache
	s.cache = nil
	if c == nil || c.dataVersion != v {
		c = newResolveCache(v)
		if err := c.load(ctx, tx); err != nil {
			return nil, s.wrap("load entity index", err)
		}
	}
	return &writer{tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, cache: c, dirty: map[int64]*delta{}, prepared: s.stmts}, nil
}

// keep prepares statements on the writer's connection, now that no
// transaction holds it, for the transactions to come. Failing to is no
// error: they are prepared again when used.
func (s *Store) keep(ctx context.Context, queries []string) {
	for _, q := range queries {
		if _, ok := s.stmts[q]; ok || len(s.stmts) >= 512 {
			continue
		}
		if st, err := s.w.PrepareContext(ctx, q); err == nil {
			s.stmts[q] = st
		}
	}
}

// prepared is an analysis with what the write needs computed up front.
type prepared struct {
	a        *parley.Doc
	hash     string
	doc      export.Document
	analysis []byte
	meta     []byte
}

func prepare(a *parley.Doc) (*prepared, error) {
	d := export.FromAnalysis(a, export.Options{})
	js, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document %q: encode analysis: %w", a.Document.ID, err)
	}
	p := &prepared{a: a, hash: a.Document.ContentHash(), doc: d, analysis: js}
	if len(a.Document.Meta) > 0 {
		if p.meta, err = json.Marshal(a.Document.Meta); err != nil {
			return nil, fmt.Errorf("sqlite: document %q: encode metadata: %w", a.Document.ID, err)
		}
	}
	return p, nil
}

// writer holds the statements of one write transaction.
type writer struct {
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
	cache *resolveCache
	dirty map[int64]*delta // entity rows to update when the batch ends
	// prepared are the store's statements kept across transactions;
	// unprepared lists those this transaction had to prepare for itself.
	prepared   map[string]*sql.Stmt
	unprepared []string
	// The entities and alias keys an article adds are inserted together,
	// in two statements, once it is linked (see pending); nextEntity is the
	// row id the next new entity gets, 0 until it is read.
	nextEntity  int64
	pendingEnts [][]any
	lastDoc     int64 // the row id of the document stored last
	pendingKeys [][]any
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func (w *writer) stmt(q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if ds := w.prepared[q]; ds != nil {
		// Prepared on the writer's one connection between transactions:
		// the transaction uses it as it is.
		st = w.tx.StmtContext(w.ctx, ds)
	} else {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			return nil, fmt.Errorf("prepare %q: %w", q, err)
		}
		w.unprepared = append(w.unprepared, q)
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// rows runs a query with a statement prepared once per connection (see
// stmt): preparing it anew for every claim and surname took a tenth of the
// store's CPU.
func (w *writer) rows(q string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

func (w *writer) queryRow(q string, args ...any) *sql.Row {
	st, err := w.stmt(q)
	if err != nil {
		// A prepare error surfaces from Scan as a row error.
		return w.tx.QueryRowContext(w.ctx, q, args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

// index adds the documents and quotes stored after row id before to the
// full-text indexes, in two statements for the whole batch.
func (w *writer) index(before int64) error {
	if _, err := w.exec("INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents WHERE id > ?", before); err != nil {
		return err
	}
	_, err := w.exec("INSERT INTO quotes_fts (rowid, content) SELECT id, content FROM quotes WHERE document > ?", before)
	return err
}

func published(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func (w *writer) put(p *prepared) (bool, error) {
	a := p.a
	var docID int64
	var version string
	err := w.queryRow("SELECT id, version FROM documents WHERE content_hash = ?", p.hash).Scan(&docID, &version)
	var ids []sourceID
	switch {
	case err == nil && version == parley.Version:
		return false, w.giveID(docID, a.Document.ID)
	case err == nil:
		// An older (or other) extractor's analysis: replace it.
		if ids, err = w.sourceIDs(docID); err != nil {
			return false, err
		}
		if err := w.deleteDocument(docID); err != nil {
			return false, err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	d := a.Document
	pub := published(d.Published)
	res, err := w.exec(`INSERT INTO documents (article_id, content_hash, version, source_id, title, url, outlet, author,
		language, published, source, meta, text, analysis, n_quotes, n_events, n_claims, stored_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		articleID(p.hash), p.hash, parley.Version, d.ID, d.Title, d.URL, d.Outlet, d.Author, d.Language, pub,
		d.Source, string(p.meta), d.Text, string(p.analysis), len(a.Quotes), len(a.Events), len(a.Claims),
		time.Now().UTC().Format(timeLayout))
	if err != nil {
		return false, err
	}
	if docID, err = res.LastInsertId(); err != nil {
		return false, err
	}
	w.lastDoc = docID
	if err := w.restoreSourceIDs(docID, ids); err != nil {
		return false, err
	}
	if err := w.giveID(docID, d.ID); err != nil {
		return false, err
	}
	speakerQuotes := map[parley.EntityRef]int{}
	for _, q := range a.Quotes {
		if q.Speaker != 0 {
			speakerQuotes[q.Speaker]++
		}
	}
	linked := map[int64]bool{} // cross-article entities this article already counts for
	links := make([][]any, 0, len(a.Entities))
	global := map[string]any{} // local entity id → cross-article id
	entIDs, fresh := make([]int64, len(a.Entities)), make([]bool, len(a.Entities))
	for i, e := range a.Entities {
		ref := parley.EntityAt(i)
		row, err := w.linkEntity(docID, ref.ID(), e, speakerQuotes[ref], linked)
		if err != nil {
			return false, fmt.Errorf("entity %s: %w", ref.ID(), err)
		}
		links = append(links, row)
		global[ref.ID()] = row[2]
		entIDs[i], fresh[i] = row[2].(int64), row[7] == resolve.ReasonNew
	}
	if err := w.writePending(); err != nil {
		return false, fmt.Errorf("entities: %w", err)
	}
	if err := w.insertRows(`INSERT INTO doc_entities (document, local_id, entity, type, name, affiliation, roles, reason, aliases, keys) VALUES `, links); err != nil {
		return false, fmt.Errorf("entities: %w", err)
	}
	rows := make([][]any, 0, len(p.doc.Quotes))
	for _, q := range p.doc.Quotes {
		name := deref(q.SpeakerName)
		rows = append(rows, []any{docID, q.ID, q.Type, q.Content, q.Start, q.End, deref(q.Speaker), name, resolve.Norm(name), q.Cue,
			deref(q.Channel), deref(q.ReportedBy), deref(q.NestedIn), q.Anonymous, pub, global[deref(q.Speaker)]})
	}
	if err := w.insertRows(`INSERT INTO quotes (document, local_id, type, content, start, end, speaker, speaker_name, speaker_norm,
		cue, channel, reported_by, nested_in, anonymous, published, entity) VALUES `, rows); err != nil {
		return false, fmt.Errorf("quotes: %w", err)
	}
	runes := []rune(d.Text)
	rows = rows[:0]
	for i, e := range p.doc.Events {
		date := e.Date
		if date == "" && !d.Published.IsZero() {
			date = d.Published.UTC().Format(time.DateOnly)
		}
		var loc, country string
		var lat, lon *float64
		if e.Location != nil {
			loc, country = e.Location.Name, e.Location.Country
			if e.Location.Lat != 0 || e.Location.Lon != 0 {
				lat, lon = &e.Location.Lat, &e.Location.Lon
			}
		}
		rows = append(rows, []any{docID, e.ID, e.PLOVER, e.PLOVERMode, e.CAMEO, e.QuadClass, e.Goldstein, deref(e.Source), deref(e.Target),
			entityName(a, a.Events[i].Source), entityName(a, a.Events[i].Target), e.SourceCode, e.TargetCode,
			loc, country, lat, lon, date, substr(runes, e.Evidence.Start, e.Evidence.End), e.Evidence.Start, e.Evidence.End,
			deref(e.ReportedIn), e.Negated})
	}
	if err := w.insertRows(`INSERT INTO events (document, local_id, plover, plover_mode, cameo, quad_class, goldstein, source, target,
		source_name, target_name, source_code, target_code, location, country, lat, lon, date, evidence, start, end,
		reported_in, negated) VALUES `, rows); err != nil {
		return false, fmt.Errorf("events: %w", err)
	}
	for _, c := range p.doc.Claims {
		if err := w.putClaim(docID, articleID(p.hash), c, runes); err != nil {
			return false, fmt.Errorf("claim %s: %w", c.ID, err)
		}
	}
	if err := w.surnameMerges(a, entIDs, fresh); err != nil {
		return false, fmt.Errorf("people named by surname: %w", err)
	}
	return true, nil
}

// insertRows inserts rows with multi-row INSERT statements (fewer statement
// executions is what makes batches fast), head ending in "VALUES ".
func (w *writer) insertRows(head string, rows [][]any) error {
	return w.execRows(head, "", rows)
}

// execRows runs head, a VALUES list of rows, tail, for 64 rows at a time.
func (w *writer) execRows(head, tail string, rows [][]any) error {
	const chunk = 64
	for len(rows) > 0 {
		n := min(len(rows), chunk)
		var q strings.Builder
		q.WriteString(head)
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteString("(?" + strings.Repeat(",?", len(r)-1) + ")")
			args = append(args, r...)
		}
		q.WriteString(tail)
		if _, err := w.exec(q.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func sortedKeys(m map[int64]int64) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func substr(runes []rune, start, end int) string {
	start, end = max(0, start), min(len(runes), end)
	if start >= end {
		return ""
	}
	return string(runes[start:end])
}

func entityName(a *parley.Doc, id parley.EntityRef) string {
	if e := a.Entity(id); e != nil {
		return e.Name
	}
	return ""
}

// deleteDocument removes a document and what was derived from it, keeping
// the counters of the entities and the status of the claims it touched right.
func (w *writer) deleteDocument(docID int64) error {
	// Entities may disappear with the document: write what the batch holds
	// back and resolve from the database from now on.
	if err := w.flush(); err != nil {
		return err
	}
	*w.cache = *newResolveCache(w.cache.dataVersion)
	rows, err := w.rows(`SELECT de.entity, de.local_id,
		(SELECT count(*) FROM quotes q WHERE q.document = de.document AND q.speaker = de.local_id)
		FROM doc_entities de WHERE de.document = ?`, docID)
	if err != nil {
		return err
	}
	quotes := map[int64]int64{} // entity → quotes of this document
	for rows.Next() {
		var entity, n int64
		var local string
		if err := rows.Scan(&entity, &local, &n); err != nil {
			rows.Close()
			return err
		}
		quotes[entity] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	claims, err := w.int64s("SELECT DISTINCT claim FROM doc_claims WHERE document = ?", docID)
	if err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM stances WHERE document = ?",
		"DELETE FROM doc_claims WHERE document = ?",
		"DELETE FROM quotes WHERE document = ?",
		"DELETE FROM events WHERE document = ?",
		"DELETE FROM doc_entities WHERE document = ?",
		"DELETE FROM documents WHERE id = ?",
	} {
		if _, err := w.exec(q, docID); err != nil {
			return err
		}
	}
	w.nextEntity = 0 // orphans are deleted below: SQLite may give their ids again
	for _, entity := range sortedKeys(quotes) {
		if _, err := w.exec("UPDATE entities SET n_articles = n_articles - 1, n_quotes = n_quotes - ? WHERE id = ?", quotes[entity], entity); err != nil {
			return err
		}
		if err := w.dropIfOrphan(entity); err != nil {
			return err
		}
	}
	for _, c := range claims {
		if err := w.updateClaimStatus(c); err != nil {
			return err
		}
	}
	return nil
}

// dropIfOrphan deletes an entity that no article refers to any more.
func (w *writer) dropIfOrphan(id int64) error {
	var n int
	if err := w.queryRow("SELECT count(*) FROM doc_entities WHERE entity = ?", id).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	var merges int
	if err := w.queryRow("SELECT count(*) FROM merges WHERE keep = ? OR drop_id = ?", id, id).Scan(&merges); err != nil {
		return err
	}
	if merges > 0 {
		return nil // kept so that the merge history stays readable
	}
	if _, err := w.exec("DELETE FROM entity_aliases WHERE entity = ?", id); err != nil {
		return err
	}
	_, err := w.exec("DELETE FROM entities WHERE id = ?", id)
	return err
}

func (w *writer) int64s(q string, args ...any) ([]int64, error) {
	rows, err := w.rows(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (w *writer) putClaim(docID int64, article string, c export.Claim, runes []rune) error {
	key := c.Key
	if key == "" {
		// Without a grouping key a claim stands alone.
		key = "article:" + article + ":" + c.ID
	}
	var claimID int64
	err := w.queryRow("SELECT id FROM claims WHERE key = ?", key).Scan(&claimID)
	if errors.Is(err, sql.ErrNoRows) && c.Key != "" {
		// a claim from another article whose key is close: the same proposition in other words
		claimID, err = w.similarClaim(c.Key)
		if err == nil && claimID == 0 {
			err = sql.ErrNoRows
		}
	}
	if errors.Is(err, sql.ErrNoRows) {
		res, err := w.exec("INSERT INTO claims (key, text, status) VALUES (?,?,?)", key, c.Text, c.Status)
		if err != nil {
			return err
		}
		if claimID, err = res.LastInsertId(); err != nil {
			return err
		}
		words := strings.Fields(c.Key)
		rows := make([][]any, len(words))
		for i, word := range words {
			rows[i] = []any{word, claimID}
		}
		if err := w.insertRows("INSERT OR IGNORE INTO claim_words (word, claim) VALUES ", rows); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if _, err := w.exec("INSERT INTO doc_claims (document, local_id, claim, status) VALUES (?,?,?,?)", docID, c.ID, claimID, c.Status); err != nil {
		return err
	}
	rows := make([][]any, len(c.Stances))
	for i, st := range c.Stances {
		rows[i] = []any{claimID, docID, st.Source, st.SourceName, st.Stance, st.Quote, substr(runes, st.Evidence.Start, st.Evidence.End)}
	}
	if err := w.insertRows(`INSERT INTO stances (claim, document, source, source_name, stance, quote, evidence) VALUES `, rows); err != nil {
		return err
	}
	return w.updateClaimStatus(claimID)
}

// similarClaim returns the stored claim whose key claim.SameKey matches key,
// or 0: candidates share at least three words, the most shared first.
func (w *writer) similarClaim(key string) (int64, error) {
	words := strings.Fields(key)
	if len(words) < 3 {
		return 0, nil
	}
	args := make([]any, len(words))
	for i, wd := range words {
		args[i] = wd
	}
	rows, err := w.rows(`SELECT cw.claim, c.key FROM claim_words cw JOIN claims c ON c.id = cw.claim
		WHERE cw.word IN (?`+strings.Repeat(",?", len(words)-1)+`) GROUP BY cw.claim HAVING count(*) >= 3
		ORDER BY count(*) DESC, cw.claim LIMIT 20`, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var other string
		if err := rows.Scan(&id, &other); err != nil {
			return 0, err
		}
		if claim.SameKey(key, other) {
			return id, nil
		}
	}
	return 0, rows.Err()
}

func (w *writer) updateClaimStatus(claimID int64) error {
	rows, err := w.rows("SELECT status FROM doc_claims WHERE claim = ?", claimID)
	if err != nil {
		return err
	}
	var statuses []string
	for rows.Next() {
		var st string
		if err := rows.Scan(&st); err != nil {
			rows.Close()
			return err
		}
		statuses = append(statuses, st)
	}
	rows.Close()
	if len(statuses) == 0 {
		if _, err := w.exec("DELETE FROM claim_words WHERE claim = ?", claimID); err != nil {
			return err
		}
		_, err := w.exec("DELETE FROM claims WHERE id = ?", claimID)
		return err
	}
	rows, err = w.rows(`SELECT st.stance, coalesce(de.entity, ''), st.source_name
		FROM stances st LEFT JOIN doc_entities de ON de.document = st.document AND de.local_id = st.source
		WHERE st.claim = ?`, claimID)
	if err != nil {
		return err
	}
	support, deny := map[string]bool{}, map[string]bool{}
	for rows.Next() {
		var stance, entity, name string
		if err := rows.Scan(&stance, &entity, &name); err != nil {
			rows.Close()
			return err
		}
		who := entity
		if who == "" {
			who = "name:" + resolve.Norm(name)
		}
		switch parley.Stance(stance) {
		case parley.Asserts, parley.Confirms:
			support[who] = true
		case parley.Denies, parley.Disputes:
			deny[who] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = w.exec("UPDATE claims SET status = ? WHERE id = ?", string(resolve.ClaimStatus(statuses, support, deny)), claimID)
	return err
}
