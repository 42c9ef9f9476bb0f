package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parley-news/parley"
)

// TestMigrationsKeepData builds a database at schema 1 with an entity and
// its aliases, opens it with this version, and checks that the data came
// through the later migrations.
func TestMigrationsKeepData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations[0],
		fmt.Sprintf("PRAGMA user_version=1; PRAGMA application_id=%d", applicationID),
		`INSERT INTO documents (id, article_id, content_hash, version, source_id, text, analysis, stored_at)
			VALUES (1, 'aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', '0.0.1', 'lavrov-1', 'Sergey Lavrov spoke.', '{}', '2025-01-01T00:00:00Z')`,
		`INSERT INTO entities (id, type, name, norm, n_articles) VALUES (1, 'PERSON', 'Sergey Lavrov', 'sergey lavrov', 1)`,
		`INSERT INTO doc_entities (document, local_id, entity, type, name, reason) VALUES (1, 'E1', 1, 'PERSON', 'Sergey Lavrov', 'new')`,
		`INSERT INTO doc_aliases (norm, document, local_id, alias) VALUES ('sergey lavrov', 1, 'E1', 'Sergey Lavrov'), ('lavrov', 1, 'E1', 'Lavrov')`,
		`INSERT INTO entity_aliases (norm, entity) VALUES ('sergey lavrov', 1), ('lavrov', 1)`,
		`INSERT INTO quotes (document, local_id, type, content, start, end, speaker, speaker_name, speaker_norm)
			VALUES (1, 'Q1', 'direct', 'spoke', 14, 19, 'E1', 'Sergey Lavrov', 'sergey lavrov')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("user_version after open = %d, %v; want %d", v, err, len(migrations))
	}
	if a, err := s.Article(context.Background(), "lavrov-1"); err != nil || a.ID != "aaaaaaaaaaaaaaaa" {
		t.Errorf("article by the id it came with, after migration = %v, %v", a, err)
	}
	e, err := s.Entity(context.Background(), "e1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Aliases, []string{"Lavrov"}) {
		t.Errorf("aliases after migration = %v; want [Lavrov]", e.Aliases)
	}
	q, err := s.Quotes(context.Background(), parley.QuoteFilter{Speaker: "Lavrov"})
	if err != nil || len(q.Items) != 1 || q.Items[0].SpeakerID != "e1" {
		t.Errorf("quotes by Lavrov after migration = %+v, %v; want Q1 by e1", q.Items, err)
	}
	// A merge rebuilds the alias index from the migrated keys.
	p, err := s.Entities(context.Background(), parley.EntityFilter{Name: "lavrov"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("entity by alias after migration = %v, %v", p.Items, err)
	}
	if err := s.write(context.Background(), "refresh", func(w *writer) error { return w.refresh(1) }); err != nil {
		t.Fatal(err)
	}
	if p, err = s.Entities(context.Background(), parley.EntityFilter{Name: "lavrov"}); err != nil || len(p.Items) != 1 {
		t.Errorf("entity by alias after rebuilding its index = %v, %v", p.Items, err)
	}
}
