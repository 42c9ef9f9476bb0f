package storetest

import (
	"errors"
	"testing"

	"github.com/parley-news/parley"
)

// testArticleByGivenID pins down how articles are named: by their article
// id, by the id they were given, and what an id given to two texts names.
func testArticleByGivenID(t *testing.T, s parley.Store) {
	c := ctx(t)
	put := func(id, text string) (string, bool) {
		t.Helper()
		a := NewAnalysis(id, "Title of "+id, "Daily A", "2025-03-01", text).Analysis()
		stored, err := s.PutAnalysis(c, a)
		if err != nil {
			t.Fatalf("PutAnalysis(%s): %v", id, err)
		}
		return a.Document.ContentHash()[:16], stored
	}
	get := func(id string) string {
		t.Helper()
		a, err := s.Article(c, id)
		if err != nil {
			t.Fatalf("Article(%q): %v", id, err)
		}
		return a.Text
	}
	const textA, textB, textC = "The first text of the story.", "The story, as corrected later.", "Another story altogether."
	artA, _ := put("story-1", textA)
	if got := get("story-1"); got != textA {
		t.Errorf("Article(given id) = %q; want the text given that id", got)
	}
	if got := get(artA); got != textA {
		t.Errorf("Article(article id) = %q; want %q", got, textA)
	}
	// A later text given the same id takes it over; the first stays
	// addressable by its article id.
	artB, _ := put("story-1", textB)
	if got := get("story-1"); got != textB {
		t.Errorf("after a second text was given the id, Article(id) = %q; want the second", got)
	}
	if got := get(artA); got != textA {
		t.Errorf("Article(first text's article id) = %q; want the first text", got)
	}
	// Storing the first text again under the id it already had changes
	// nothing; under a new id, it is stored once and has both ids.
	if _, stored := put("story-1", textA); stored {
		t.Errorf("the same text stored twice")
	}
	if got := get("story-1"); got != textB {
		t.Errorf("storing a text again under an id it had moved the id: Article = %q", got)
	}
	if _, stored := put("story-1-copy", textA); stored {
		t.Errorf("the same text under another id stored twice")
	}
	if got := get("story-1-copy"); got != textA {
		t.Errorf("Article(second id of a text) = %q; want that text", got)
	}
	// An article id wins over the same string given as an id.
	put(artB, textC)
	if got := get(artB); got != textB {
		t.Errorf("Article(%s), an article id that another text was given as its id = %q; want the article", artB, got)
	}
	// The filters name articles the same way.
	quotesBy := func(id string) int {
		p, err := s.Quotes(c, parley.QuoteFilter{Article: id})
		if err != nil {
			t.Fatal(err)
		}
		return len(p.Items)
	}
	q := NewAnalysis("quoted-1", "Quoted", "Daily A", "2025-03-02", `"We agree," Anna Berg said.`).
		Person("E1", "Anna Berg", nil, nil, "", "").
		Quote(Quote{ID: "Q1", Content: "We agree,", Speaker: "E1", SpeakerForm: "Anna Berg", Cue: "said"}).
		Claim("C1", "we agree", "agree", parley.SingleSource, Stance{Source: "E1", Stance: parley.Asserts, Quote: "Q1", Evidence: "We agree"}).
		Event(parley.Event{PLOVER: "AGREE", CAMEO: "057", Source: 1}, "We agree").
		Analysis()
	if _, err := s.PutAnalysis(c, q); err != nil {
		t.Fatal(err)
	}
	if n, m := quotesBy("quoted-1"), quotesBy(q.Document.ContentHash()[:16]); n != 1 || m != 1 {
		t.Errorf("Quotes(article: given id) = %d, (article id) = %d; want 1 and 1", n, m)
	}
	if ev, err := s.Events(c, parley.EventFilter{Article: "quoted-1"}); err != nil || len(ev.Items) != 1 {
		t.Errorf("Events(article: given id) = %v, %v; want 1", ev.Items, err)
	}
	if cl, err := s.Claims(c, parley.ClaimFilter{Article: "quoted-1"}); err != nil || len(cl.Items) != 1 {
		t.Errorf("Claims(article: given id) = %v, %v; want 1", cl.Items, err)
	}
	for _, id := range []string{"story-2", "", "0000000000000000"} {
		if _, err := s.Article(c, id); !errors.Is(err, parley.ErrNotFound) {
			t.Errorf("Article(%q) = %v; want ErrNotFound", id, err)
		}
	}
}
