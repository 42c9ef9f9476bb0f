package http_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

// fillers is how many generated articles uiStore adds to the corpus: more
// than a page of articles (50) and of a claims column (20).
const fillers = 60

// uiStore is the storetest corpus and fillers generated articles, each with
// a quote, a single-source claim and, every third, an event with a side that
// is not known; and one article in which one person mentions another.
func uiStore(t *testing.T) *sqlite.Store {
	s := newStore(t)
	var as []*parley.Doc
	for i := range fillers {
		name := fmt.Sprintf("Person Number%d", i)
		text := fmt.Sprintf("%s said the bridge number %d would open soon.", name, i)
		b := storetest.NewAnalysis(fmt.Sprint("filler-", i), fmt.Sprint("Filler story ", i), "Filler Daily",
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(time.DateOnly), text).
			Person("E1", name, nil, nil, "", "").
			Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: fmt.Sprintf("the bridge number %d would open soon", i), Speaker: "E1", SpeakerForm: name, Cue: "said"}).
			Claim("C1", fmt.Sprintf("bridge %d opens soon", i), fmt.Sprintf("bridge%d opens soon", i), parley.SingleSource,
				storetest.Stance{Source: "E1", Stance: parley.Asserts, Quote: "Q1", Evidence: fmt.Sprintf("the bridge number %d would open soon", i)})
		if i%3 == 0 {
			b.Event(parley.Event{PLOVER: "CONSULT", CAMEO: "040", Source: 1}, name+" said")
		}
		as = append(as, b.Analysis())
	}
	as = append(as, storetest.NewAnalysis("mention", "Rubio on Lavrov", "Example Wire", "2025-03-06",
		"Marco Rubio said Lavrov was ready to talk.").
		Person("E1", "Marco Rubio", nil, nil, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "Lavrov was ready to talk", Speaker: "E1", SpeakerForm: "Marco Rubio", Cue: "said"}).
		Analysis())
	if _, err := s.PutAnalyses(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	return s
}

// reportedSpeech returns the contents of the store's indirect and mixed
// quotes: none of them may be shown between quotation marks.
func reportedSpeech(t *testing.T, s parley.Store) map[string]bool {
	out := map[string]bool{}
	p, err := s.Quotes(context.Background(), parley.QuoteFilter{PageRequest: parley.PageRequest{Limit: parley.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range p.Items {
		if q.Type != "direct" {
			out[strings.TrimSpace(q.Content)] = true
		}
	}
	return out
}

// checkNoReportedSpeechQuoted fails when a <q> element on the page holds
// reported speech, and returns how many reported-speech elements it shows.
func checkNoReportedSpeechQuoted(t *testing.T, ctx context.Context, page string, reported map[string]bool) int {
	t.Helper()
	qs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main q")].map(q => q.textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if reported[q] {
			t.Errorf("%s shows reported speech between quotation marks: %q", page, q)
		}
	}
	return count(t, ctx, "main .said.reported")
}

func TestUIPagesFiltersAndReportedSpeech(t *testing.T) {
	ctx := browser(t)
	store := uiStore(t)
	srv := httptest.NewServer(parleyhttp.NewServer(store, parleyhttp.Options{}))
	defer srv.Close()
	reported := reportedSpeech(t, store)
	total := 4 + fillers + 1

	t.Run("articles are paged and filtered", func(t *testing.T) {
		if err := chromedp.Do(ctx, open(srv.URL, "/")); err != nil {
			t.Fatal(err)
		}
		if n := count(t, ctx, "#articles li"); n != 50 {
			t.Errorf("the first page lists %d articles; want 50", n)
		}
		if r := text(t, ctx, ".pager .range"); r != fmt.Sprintf("1–50 of %d", total) {
			t.Errorf("pager says %q", r)
		}
		next := attr(t, ctx, `.pager a[rel="next"]`, "href")
		if err := chromedp.Do(ctx, open(srv.URL, strings.TrimPrefix(next, "#"))); err != nil {
			t.Fatal(err)
		}
		if n := count(t, ctx, "#articles li"); n != total-50 {
			t.Errorf("the second page lists %d articles; want %d", n, total-50)
		}
		screenshot(t, ctx, "articles-page-2.png")
		if err := chromedp.Do(ctx, open(srv.URL, "/"),
			chromedp.SetValue(`form.filters input[name="outlet"]`, "Filler Daily"),
			chromedp.Click(`form.filters button`),
			chromedp.WaitReady(`body[data-ready="/?outlet=Filler+Daily"]`)); err != nil {
			t.Fatal(err)
		}
		if n, r := count(t, ctx, "#articles li"), text(t, ctx, ".pager .range"); n != 50 || r != "1–50" {
			t.Errorf("filtered by outlet: %d articles, pager %q; want 50 and no total", n, r)
		}
		if titles := text(t, ctx, "#articles"); strings.Contains(titles, "Geneva") {
			t.Errorf("the outlet filter let another outlet's article through")
		}
	})

	t.Run("claims board counts every claim", func(t *testing.T) {
		if err := chromedp.Do(ctx, open(srv.URL, "/claims")); err != nil {
			t.Fatal(err)
		}
		if h := text(t, ctx, "#single-source h2"); h != fmt.Sprintf("Single source (%d)", fillers) {
			t.Errorf("single-source column heading = %q; want the count of all %d", h, fillers)
		}
		if n := count(t, ctx, "#single-source .claim-card"); n != 20 {
			t.Errorf("the column shows %d claims; want its first 20", n)
		}
		screenshot(t, ctx, "claims-board-counts.png")
		more := attr(t, ctx, "#single-source a.more", "href")
		if err := chromedp.Do(ctx, open(srv.URL, strings.TrimPrefix(more, "#"))); err != nil {
			t.Fatal(err)
		}
		if n, r := count(t, ctx, "#single-source .claim-card"), text(t, ctx, ".pager .range"); n != 50 || r != fmt.Sprintf("1–50 of %d", fillers) {
			t.Errorf("all single-source claims: %d shown, pager %q", n, r)
		}
		checkNoReportedSpeechQuoted(t, ctx, "the claims list", reported)
	})

	t.Run("events: timeline first, pairs with both sides known", func(t *testing.T) {
		if err := chromedp.Do(ctx, open(srv.URL, "/events")); err != nil {
			t.Fatal(err)
		}
		first, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(document.querySelector("#timeline").compareDocumentPosition(document.querySelector("#pairs")) & Node.DOCUMENT_POSITION_FOLLOWING)`))
		if err != nil {
			t.Fatal(err)
		}
		if !first {
			t.Errorf("the actor pairs come before the timeline")
		}
		if pairs := text(t, ctx, "#pairs"); strings.Contains(pairs, "Number") {
			t.Errorf("actor pairs list events with an unknown side: %q", pairs)
		}
		if note := text(t, ctx, "#pairs-note"); !strings.Contains(note, "20 of the") || !strings.Contains(note, "not known") {
			t.Errorf("the note on unknown sides = %q; want the 20 events without a target counted", note)
		}
		screenshot(t, ctx, "events-timeline-first.png")
	})

	t.Run("reported speech is not shown as a quotation", func(t *testing.T) {
		arts, _ := store.Articles(context.Background(), parley.ArticleFilter{Text: "Geneva"})
		claims, _ := store.Claims(context.Background(), parley.ClaimFilter{Status: "disputed"})
		jane, _ := store.Entities(context.Background(), parley.EntityFilter{Name: "Jane Smith"})
		for _, tc := range []struct {
			route   string
			reports int // reported-speech elements the page must show
		}{
			{"/article/" + arts.Items[0].ID, 2},
			{"/claim/" + claims.Items[0].ID, 1},
			{"/entity/" + jane.Items[0].ID, 1},
			{"/search?q=bridge", 20},
		} {
			if err := chromedp.Do(ctx, open(srv.URL, tc.route)); err != nil {
				t.Fatal(err)
			}
			if n := checkNoReportedSpeechQuoted(t, ctx, tc.route, reported); n < tc.reports {
				t.Errorf("%s shows %d reported-speech passages; want %d", tc.route, n, tc.reports)
			}
		}
		if err := chromedp.Do(ctx, open(srv.URL, "/article/"+arts.Items[0].ID)); err != nil {
			t.Fatal(err)
		}
		marked := func(class string) int {
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`new Set([...document.querySelectorAll("#article-text mark.quote.%s")].map(m => m.dataset.quoteId)).size`, class)))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n, m := marked("direct"), marked("indirect"); n != 1 || m != 2 {
			t.Errorf("the article marks %d direct and %d indirect quotes; want 1 and 2, styled apart", n, m)
		}
		if n := count(t, ctx, `#quote-list q`); n != 1 {
			t.Errorf("%d quotes beside the article are in quotation marks; want only the direct one", n)
		}
		screenshot(t, ctx, "article-reported-speech.png")
	})

	t.Run("search separates quotes by a person from quotes mentioning them", func(t *testing.T) {
		if err := chromedp.Do(ctx, open(srv.URL, "/search?q=Lavrov")); err != nil {
			t.Fatal(err)
		}
		if n := count(t, ctx, "#quotes-by li"); n != 2 {
			t.Errorf("%d quotes by Lavrov; want his 2", n)
		}
		if m := text(t, ctx, "#quotes-mentioning"); count(t, ctx, "#quotes-mentioning li") != 1 || !strings.Contains(m, "Marco Rubio") {
			t.Errorf("quotes mentioning Lavrov = %q; want Rubio's", m)
		}
		screenshot(t, ctx, "search-by-and-mentioning.png")
	})

	t.Run("person pages have dates and outlets", func(t *testing.T) {
		lavrov, _ := store.Entities(context.Background(), parley.EntityFilter{Name: "Sergey Lavrov"})
		if err := chromedp.Do(ctx, open(srv.URL, "/entity/"+lavrov.Items[0].ID)); err != nil {
			t.Fatal(err)
		}
		quotes := text(t, ctx, "#person-quotes")
		roles := text(t, ctx, "#roles")
		links := text(t, ctx, "#links")
		for _, want := range []string{"2025-03-03", "Example Wire", "2025-03-04", "Daily Ledger"} {
			if !strings.Contains(quotes, want) || !strings.Contains(roles, want) || !strings.Contains(links, want) {
				t.Errorf("%q missing from the quotes %q, roles %q or links %q", want, quotes, roles, links)
			}
		}
		screenshot(t, ctx, "person-dates-outlets.png")
	})
}
