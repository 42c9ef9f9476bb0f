package postgres

// deleteDocument removes a document and what was derived from it (before a
// newer extractor's analysis replaces it), keeping the counters of the
// entities and the status of the claims it touched right. The caller holds
// lockResolve.
func (w *writer) deleteDocument(docID int64) error {
	rows, err := w.tx.Query(w.ctx, `SELECT de.entity, count(q.id)
		FROM doc_entities de LEFT JOIN quotes q ON q.document = de.document AND q.speaker = de.local_id
		WHERE de.document = $1 GROUP BY de.entity ORDER BY de.entity`, docID)
	if err != nil {
		return err
	}
	var entities, quotes []int64
	for rows.Next() {
		var e, n int64
		if err := rows.Scan(&e, &n); err != nil {
			rows.Close()
			return err
		}
		entities, quotes = append(entities, e), append(quotes, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var claims []int64
	rows, err = w.tx.Query(w.ctx, "SELECT DISTINCT claim FROM doc_claims WHERE document = $1", docID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		claims = append(claims, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM stances WHERE document = $1",
		"DELETE FROM doc_claims WHERE document = $1",
		"DELETE FROM quotes WHERE document = $1",
		"DELETE FROM events WHERE document = $1",
		"DELETE FROM doc_entities WHERE document = $1",
		"DELETE FROM documents WHERE id = $1",
	} {
		if _, err := w.tx.Exec(w.ctx, q, docID); err != nil {
			return err
		}
	}
	if len(entities) > 0 {
		if _, err := w.tx.Exec(w.ctx, `UPDATE entities en SET n_articles = en.n_articles - 1, n_quotes = en.n_quotes - u.q
			FROM unnest($1::int8[], $2::int8[]) AS u(id, q) WHERE en.id = u.id`, entities, quotes); err != nil {
			return err
		}
		// An entity no article refers to any more goes, unless a merge
		// names it (so that the merge history stays readable).
		if _, err := w.tx.Exec(w.ctx, `WITH orphans AS (
			SELECT id FROM unnest($1::int8[]) AS id
			WHERE NOT EXISTS (SELECT 1 FROM doc_entities WHERE entity = id)
			AND NOT EXISTS (SELECT 1 FROM merges WHERE keep = id OR drop_id = id)),
			keys AS (DELETE FROM entity_aliases WHERE entity IN (SELECT id FROM orphans))
			DELETE FROM entities WHERE id IN (SELECT id FROM orphans)`, entities); err != nil {
			return err
		}
	}
	return w.updateClaimStatuses(claims)
}
