package postgres_test

import (
	"context"

	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/postgres/pgtest"
	"github.com/parley-news/parley/storetest"
)

// FuzzQueryText checks that no user text, as a full-text query, speaker,
// outlet, claim text or entity name, makes a query fail: every value is
// data, and the full-text query (plainto_tsquery) cannot be a syntax
// error.
func FuzzQueryText(f *testing.F) {
	for _, s := range []string{"summit", `"`, `a OR b`, `NEAR(a b)`, "*", "-x", "x:y", "(", "^", `\`, "%_", "é ü", "\x00", "Lavrov's", "\xff\xfe", "a:* & !b"} {
		f.Add(s)
	}
	_, dsn := pgtest.Schema(f)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAnalyses(context.Background(), storetest.Corpus()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ctx := context.Background()
		if _, err := s.Quotes(ctx, parley.QuoteFilter{Text: text}); err != nil {
			t.Errorf("Quotes(text %q): %v", text, err)
		}
		if _, err := s.Quotes(ctx, parley.QuoteFilter{Speaker: text, Outlet: text}); err != nil {
			t.Errorf("Quotes(speaker %q): %v", text, err)
		}
		if _, err := s.Articles(ctx, parley.ArticleFilter{Text: text}); err != nil {
			t.Errorf("Articles(text %q): %v", text, err)
		}
		if _, err := s.Claims(ctx, parley.ClaimFilter{Text: text}); err != nil {
			t.Errorf("Claims(text %q): %v", text, err)
		}
		if _, err := s.Entities(ctx, parley.EntityFilter{Name: text}); err != nil {
			t.Errorf("Entities(name %q): %v", text, err)
		}
	})
}
