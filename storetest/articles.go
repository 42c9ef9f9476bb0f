package storetest

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
)

func sourceIDs(p parley.Page[parley.ArticleRecord]) []string {
	var out []string
	for _, a := range p.Items {
		out = append(out, a.SourceID)
	}
	slices.Sort(out)
	return out
}

// testArticlesFilters checks the filters parley export uses to select
// articles: the speaker quoted, the outlet, the publication dates.
func testArticlesFilters(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	// The articles that quote a speaker are those of the speaker's quotes.
	for _, name := range []string{"Lavrov", "sergei lavrov", "Jane Smith", "Mao Ning"} {
		qs, err := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: name, PageRequest: parley.PageRequest{Limit: parley.MaxLimit}})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, q := range qs.Items {
			a, err := s.Article(ctx(t), q.ArticleID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(want, a.SourceID) {
				want = append(want, a.SourceID)
			}
		}
		slices.Sort(want)
		p, err := s.Articles(ctx(t), parley.ArticleFilter{Speaker: name})
		if err != nil {
			t.Fatal(err)
		}
		if got := sourceIDs(p); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Articles(speaker %q) = %q; want %q", name, got, want)
		}
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	all, err := s.Articles(ctx(t), parley.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    parley.ArticleFilter
		keep func(parley.ArticleRecord) bool
	}{
		{"speaker and outlet", parley.ArticleFilter{Speaker: "Lavrov", Outlet: "Example Wire"}, nil},
		{"since", parley.ArticleFilter{Since: day("2025-03-04")}, func(a parley.ArticleRecord) bool { return a.Published >= "2025-03-04" }},
		{"until", parley.ArticleFilter{Until: day("2025-03-04")}, func(a parley.ArticleRecord) bool { return a.Published != "" && a.Published < "2025-03-04" }},
		{"unknown speaker", parley.ArticleFilter{Speaker: "Nobody Known"}, func(parley.ArticleRecord) bool { return false }},
		{"blank speaker", parley.ArticleFilter{Speaker: " \x00 "}, func(parley.ArticleRecord) bool { return false }},
	} {
		p, err := s.Articles(ctx(t), tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tc.keep == nil {
			for _, a := range p.Items {
				if a.Outlet != "Example Wire" {
					t.Errorf("%s: %s is from %q", tc.name, a.SourceID, a.Outlet)
				}
			}
			if len(p.Items) == 0 {
				t.Errorf("%s: no article", tc.name)
			}
			continue
		}
		var want []string
		for _, a := range all.Items {
			if tc.keep(a) {
				want = append(want, a.SourceID)
			}
		}
		slices.Sort(want)
		if got := sourceIDs(p); !slices.Equal(got, want) {
			t.Errorf("%s: %q; want %q", tc.name, got, want)
		}
	}
}

// testStoredAnalysisRoundTrip: the analysis JSON a store keeps, read back
// with export.ToAnalysis, is the analysis that was put, so that exports
// from a store equal exports of the analyses themselves.
func testStoredAnalysisRoundTrip(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	for _, want := range Corpus() {
		p, err := s.Articles(ctx(t), parley.ArticleFilter{Text: "", PageRequest: parley.PageRequest{Limit: parley.MaxLimit}})
		if err != nil {
			t.Fatal(err)
		}
		var id string
		for _, a := range p.Items {
			if a.SourceID == want.Document.ID {
				id = a.ID
			}
		}
		sa, err := s.Article(ctx(t), id)
		if err != nil {
			t.Fatalf("Article(%s): %v", want.Document.ID, err)
		}
		var d export.Document
		if err := json.Unmarshal(sa.Analysis, &d); err != nil {
			t.Fatalf("%s: stored analysis is not export JSON: %v", want.Document.ID, err)
		}
		got, err := export.ToAnalysis(d, sa.Text)
		if err != nil {
			t.Fatalf("%s: %v", want.Document.ID, err)
		}
		for _, c := range []struct {
			name   string
			got, w any
		}{{"quotes", got.Quotes, want.Quotes}, {"events", got.Events, want.Events}, {"claims", got.Claims, want.Claims},
			{"entities", got.Entities, want.Entities}} {
			if !reflect.DeepEqual(c.got, c.w) {
				t.Errorf("%s: stored %s differ:\n got %+v\nwant %+v", want.Document.ID, c.name, c.got, c.w)
			}
		}
	}
}
