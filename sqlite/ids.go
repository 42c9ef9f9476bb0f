package sqlite

// The ids users give documents. A document is stored once per text (its
// article id comes from the content hash), but it may be given several ids,
// and one id may be given to several texts (an article edited after it was
// first ingested). The rule, which the conformance suite pins down:
//
//   - an article id (16 hex digits of the content hash) names its article,
//     even when some document was given that string as its id;
//   - otherwise a given id names the text it was most recently given to for
//     the first time: a later text given the same id takes it over, the
//     earlier one stays addressable by its article id, and storing a text
//     again under an id it already had changes nothing.

// documentByID is the SQL for the row id of the document an id names; it
// takes the id twice as its parameters.
const documentByID = `coalesce((SELECT id FROM documents WHERE article_id = ?),
	(SELECT document FROM source_ids WHERE source_id = ? ORDER BY seq DESC LIMIT 1))`

// sourceID is one id given to a document, with its place in the order ids
// were given.
type sourceID struct {
	seq int64
	id  string
}

// giveID records that the document was given id; a document that already
// had it keeps its place.
func (w *writer) giveID(doc int64, id string) error {
	if id == "" {
		return nil
	}
	_, err := w.exec("INSERT OR IGNORE INTO source_ids (source_id, document) VALUES (?, ?)", id, doc)
	return err
}

// sourceIDs returns the ids a document was given, so that they survive its
// replacement by a newer analysis (deleting the document deletes them).
func (w *writer) sourceIDs(doc int64) ([]sourceID, error) {
	rows, err := w.rows("SELECT seq, source_id FROM source_ids WHERE document = ? ORDER BY seq", doc)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sourceID
	for rows.Next() {
		var s sourceID
		if err := rows.Scan(&s.seq, &s.id); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// restoreSourceIDs gives the replacing document the ids of the one it
// replaced, in their old places.
func (w *writer) restoreSourceIDs(doc int64, ids []sourceID) error {
	for _, s := range ids {
		if _, err := w.exec("INSERT OR IGNORE INTO source_ids (seq, source_id, document) VALUES (?, ?, ?)", s.seq, s.id, doc); err != nil {
			return err
		}
	}
	return nil
}
