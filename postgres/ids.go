package postgres

// The ids users give documents, under the rule of parley.Store.Article
// (and of package sqlite): an article id names its article; otherwise a
// given id names the text it was most recently given to for the first time.

// documentByID is the SQL for the row id of the document an id names; it
// takes the id twice as its parameters.
const documentByID = `coalesce((SELECT id FROM documents WHERE article_id = ?),
	(SELECT document FROM source_ids WHERE source_id = ? ORDER BY seq DESC LIMIT 1))`

// moveSourceIDs gives each replacing document the ids of the one it
// replaced (replaced: content hash → old row id; ids: hash → new row id),
// in their places. The ids of a replaced document that a concurrent batch
// stored again are dropped with it.
func (w *writer) moveSourceIDs(replaced, ids map[string]int64) error {
	var olds, news []int64
	for h, old := range replaced {
		if id, ok := ids[h]; ok {
			olds, news = append(olds, old), append(news, id)
		}
	}
	if len(olds) > 0 {
		if _, err := w.tx.Exec(w.ctx, `UPDATE source_ids s SET document = u.new
			FROM unnest($1::int8[], $2::int8[]) AS u(old, new) WHERE s.document = u.old`, olds, news); err != nil {
			return err
		}
	}
	var gone []int64
	for _, old := range replaced {
		gone = append(gone, old)
	}
	if len(gone) == 0 {
		return nil
	}
	_, err := w.tx.Exec(w.ctx, "DELETE FROM source_ids WHERE document = ANY($1)", gone)
	return err
}

// giveIDs records the id each document of the batch came with, in batch
// order; a document that already had its id keeps its place.
func (w *writer) giveIDs(ps []*prepared) error {
	var hashes []string
	for _, p := range ps {
		if p.a.Document.ID != "" {
			hashes = append(hashes, p.hash)
		}
	}
	if len(hashes) == 0 {
		return nil
	}
	rows, err := w.tx.Query(w.ctx, "SELECT content_hash, id FROM documents WHERE content_hash = ANY($1)", hashes)
	if err != nil {
		return err
	}
	docs := map[string]int64{}
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			rows.Close()
			return err
		}
		docs[h] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var given []string
	var of []int64
	for _, p := range ps {
		if id, ok := docs[p.hash]; ok && p.a.Document.ID != "" {
			given, of = append(given, clean(p.a.Document.ID)), append(of, id)
		}
	}
	// Under the lock, so that concurrent batches giving the same ids wait
	// for each other instead of deadlocking.
	if err := w.lock(); err != nil {
		return err
	}
	tag, err := w.tx.Exec(w.ctx, `INSERT INTO source_ids (source_id, document)
		SELECT s, d FROM unnest($1::text[], $2::int8[]) WITH ORDINALITY AS u(s, d, n) ORDER BY n
		ON CONFLICT DO NOTHING`, given, of)
	if err == nil && tag.RowsAffected() > 0 {
		w.changed = true // the article can be asked for by a new id
	}
	return err
}
