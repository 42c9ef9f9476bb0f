package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
)

// Run runs the conformance suite. open must return a new, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) parley.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s parley.Store)
	}{
		{"PutIsIdempotentOnContentHash", testIdempotent},
		{"PutAnalysesReportsEachItem", testBatch},
		{"ArticleRoundTrip", testArticle},
		{"QuotesBySpeakerNameAliasAndID", testQuotesBySpeaker},
		{"QuotesByOutletDateAndText", testQuotesFilters},
		{"PaginationIsStableAndCapped", testPagination},
		{"SamePersonAcrossArticlesIsOneEntity", testResolution},
		{"MergeAndUnmerge", testMerge},
		{"SurnameJoinsTheFullNameByTheCompanyItKeeps", testSurnameByCompany},
		{"EventsByActorPairTypeAndPlace", testEvents},
		{"ClaimsGroupedAcrossArticlesWithStatus", testClaims},
		{"EntitiesByNameWithQuoteCounts", testEntities},
		{"HostileInputIsDataNotSQL", testHostile},
		{"MissingAndMalformedIDs", testNotFound},
		{"ConcurrentWritersLoseNothing", testConcurrent},
		{"DocumentsForReprocessing", testDocuments},
		{"DuplicatesLinkToTheirOriginal", testDuplicates},
		{"CloseClaimKeysGroupAcrossArticles", testCloseClaims},
		{"ArticlesBySpeakerOutletAndDate", testArticlesFilters},
		{"StoredAnalysisExportsAsPut", testStoredAnalysisRoundTrip},
		{"ArticlesByTheirIDOrTheIDTheyWereGiven", testArticleByGivenID},
		{"VersionChangesWithEveryWrite", testVersion},
		{"ClaimCountsAndDatedRoles", testCountsAndDatedRoles},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

func putCorpus(t *testing.T, s parley.Store) {
	t.Helper()
	stored, err := s.PutAnalyses(ctx(t), Corpus())
	if err != nil {
		t.Fatalf("PutAnalyses(corpus): %v", err)
	}
	for i, ok := range stored {
		if !ok {
			t.Fatalf("PutAnalyses(corpus)[%d] = false on an empty store", i)
		}
	}
}

// articleID finds the store's id of a corpus article by its source id.
func articleID(t *testing.T, s parley.Store, sourceID string) string {
	t.Helper()
	p, err := s.Articles(ctx(t), parley.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Items {
		if a.SourceID == sourceID {
			return a.ID
		}
	}
	t.Fatalf("article %q not listed", sourceID)
	return ""
}

func quoteContents(p parley.Page[parley.QuoteRecord]) []string {
	var out []string
	for _, q := range p.Items {
		out = append(out, q.Content)
	}
	slices.Sort(out)
	return out
}

func testIdempotent(t *testing.T, s parley.Store) {
	a := Corpus()[0]
	hash := a.Document.ContentHash()
	if ok, err := s.HasContent(ctx(t), hash); err != nil || ok {
		t.Fatalf("HasContent before put = %v, %v; want false, nil", ok, err)
	}
	if ok, err := s.PutAnalysis(ctx(t), a); err != nil || !ok {
		t.Fatalf("first PutAnalysis = %v, %v; want true, nil", ok, err)
	}
	// The same text under another id is the same content.
	b := Corpus()[0]
	b.Document.ID = "another-id"
	if ok, err := s.PutAnalysis(ctx(t), b); err != nil || ok {
		t.Fatalf("second PutAnalysis of the same text = %v, %v; want false, nil", ok, err)
	}
	if ok, err := s.HasContent(ctx(t), hash); err != nil || !ok {
		t.Fatalf("HasContent after put = %v, %v; want true, nil", ok, err)
	}
	st, err := s.Stats(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Quotes != 3 || st.Events != 2 || st.Claims != 2 {
		t.Errorf("Stats after a duplicate put = %+v; want 1 article, 3 quotes, 2 events, 2 claims", st)
	}
}

func testBatch(t *testing.T, s parley.Store) {
	c := Corpus()
	batch := []*parley.Doc{c[0], c[1], Corpus()[0], c[2]}
	stored, err := s.PutAnalyses(ctx(t), batch)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false, true}; !slices.Equal(stored, want) {
		t.Errorf("PutAnalyses = %v; want %v (the repeated article is not stored twice)", stored, want)
	}
	if stored, err := s.PutAnalyses(ctx(t), nil); err != nil || len(stored) != 0 {
		t.Errorf("PutAnalyses(nil) = %v, %v; want empty, nil", stored, err)
	}
}

func testArticle(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	id := articleID(t, s, "geneva")
	a, err := s.Article(ctx(t), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != TextGeneva || a.Title != "Lavrov and Rubio meet in Geneva" || a.Outlet != "Example Wire" || a.Published != "2025-03-03" {
		t.Errorf("Article = %q %q %q %q; want the stored text, title, outlet and date", a.Text[:20], a.Title, a.Outlet, a.Published)
	}
	if a.Version != parley.Version || a.Quotes != 3 || a.Events != 2 || a.Claims != 2 {
		t.Errorf("Article counts = %s %d %d %d; want %s 3 2 2", a.Version, a.Quotes, a.Events, a.Claims, parley.Version)
	}
	var doc struct {
		Quotes []struct {
			ID, Content string
			Start, End  int
		}
		Entities []struct{ ID string }
	}
	if err := json.Unmarshal(a.Analysis, &doc); err != nil {
		t.Fatalf("Analysis is not JSON: %v", err)
	}
	if len(doc.Quotes) != 3 || doc.Quotes[0].Content != "The talks were useful and frank," {
		t.Fatalf("Analysis quotes = %+v", doc.Quotes)
	}
	runes := []rune(a.Text)
	if got := string(runes[doc.Quotes[0].Start:doc.Quotes[0].End]); got != doc.Quotes[0].Content {
		t.Errorf("quote offsets are not code points into the text: %q", got)
	}
	for _, e := range doc.Entities {
		if !strings.HasPrefix(a.EntityIDs[e.ID], "e") {
			t.Errorf("EntityIDs[%s] = %q; want a cross-article id", e.ID, a.EntityIDs[e.ID])
		}
	}
	if len(a.ClaimIDs) != 2 {
		t.Errorf("ClaimIDs = %v; want two", a.ClaimIDs)
	}
}

func testQuotesBySpeaker(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	want := []string{"The talks were useful and frank,", `embassy staffing would be restored "within weeks"`}
	for _, name := range []string{"Sergey Lavrov", "sergei lavrov", "LAVROV", "Lavrov "} {
		p, err := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: name})
		if err != nil {
			t.Fatal(err)
		}
		if got := quoteContents(p); !slices.Equal(got, want) {
			t.Errorf("Quotes(speaker %q) = %q; want %q", name, got, want)
		}
		for _, q := range p.Items {
			if q.SpeakerName == "" || q.ArticleID == "" || q.ID == "" || q.SpeakerID == "" {
				t.Errorf("quote %+v lacks speaker name, id or article id", q)
			}
		}
	}
	p, err := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Lavrov"})
	if err != nil {
		t.Fatal(err)
	}
	byID, err := s.Quotes(ctx(t), parley.QuoteFilter{SpeakerID: p.Items[0].SpeakerID})
	if err != nil {
		t.Fatal(err)
	}
	if got := quoteContents(byID); !slices.Equal(got, want) {
		t.Errorf("Quotes(speaker id %s) = %q; want %q", p.Items[0].SpeakerID, got, want)
	}
	// Two people who share a surname are not one speaker.
	p, err = s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Jane Smith"})
	if err != nil {
		t.Fatal(err)
	}
	if got := quoteContents(p); !slices.Equal(got, []string{"the bridge would reopen in May"}) {
		t.Errorf("Quotes(Jane Smith) = %q", got)
	}
	if p, err = s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Nobody Known"}); err != nil || len(p.Items) != 0 {
		t.Errorf("Quotes(unknown speaker) = %v, %v; want none", p.Items, err)
	}
}

func testQuotesFilters(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name string
		f    parley.QuoteFilter
		want int
	}{
		{"all", parley.QuoteFilter{}, 9},
		{"outlet", parley.QuoteFilter{Outlet: "example wire"}, 5},
		{"relaying outlet", parley.QuoteFilter{Outlet: "Reuters"}, 1},
		{"since", parley.QuoteFilter{Since: day("2025-03-04")}, 4},
		{"until (exclusive)", parley.QuoteFilter{Until: day("2025-03-04")}, 5},
		{"range", parley.QuoteFilter{Since: day("2025-03-03"), Until: day("2025-03-05")}, 5},
		{"text", parley.QuoteFilter{Text: "proposal"}, 2},
		{"text, two words, stemmed", parley.QuoteFilter{Text: "embassy restored"}, 2},
		{"text and speaker", parley.QuoteFilter{Text: "unacceptable", Speaker: "Mao Ning"}, 1},
		{"text matches nothing", parley.QuoteFilter{Text: "zebra"}, 0},
	}
	for _, tc := range tests {
		p, err := s.Quotes(ctx(t), tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(p.Items) != tc.want {
			t.Errorf("%s: got %d quotes %q; want %d", tc.name, len(p.Items), quoteContents(p), tc.want)
		}
	}
	arts, err := s.Articles(ctx(t), parley.ArticleFilter{Text: "played down"})
	if err != nil || len(arts.Items) != 1 || !strings.Contains(arts.Items[0].Snippet, "played down") {
		t.Errorf("Articles(text) = %+v, %v; want the Kremlin article with the matching passage", arts.Items, err)
	}
	id := articleID(t, s, "geneva")
	p, err := s.Quotes(ctx(t), parley.QuoteFilter{Article: id})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 3 || p.Items[0].LocalID != "Q1" || p.Items[2].ReportedBy != "Reuters" || !p.Items[2].Anonymous {
		t.Errorf("Quotes(article) = %+v; want Q1..Q3 in text order, Q3 relayed by Reuters and anonymous", p.Items)
	}
}

func testPagination(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	var all []string
	for off := 0; ; {
		p, err := s.Quotes(ctx(t), parley.QuoteFilter{PageRequest: parley.PageRequest{Limit: 2, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) > 2 {
			t.Fatalf("page of limit 2 has %d items", len(p.Items))
		}
		for _, q := range p.Items {
			all = append(all, q.ID)
		}
		if p.Next == 0 {
			break
		}
		off = p.Next
	}
	if len(all) != 9 {
		t.Errorf("paging by 2 gave %d quotes; want 9", len(all))
	}
	seen := map[string]bool{}
	for _, id := range all {
		if seen[id] {
			t.Errorf("quote %s on two pages", id)
		}
		seen[id] = true
	}
	p, err := s.Quotes(ctx(t), parley.QuoteFilter{PageRequest: parley.PageRequest{Limit: 1 << 30}})
	if err != nil || len(p.Items) != 9 || p.Next != 0 {
		t.Errorf("huge limit = %d items, next %d, %v; want it capped, all 9, no error", len(p.Items), p.Next, err)
	}
	for _, pr := range []parley.PageRequest{{Limit: -1}, {Offset: -5}} {
		if _, err := s.Quotes(ctx(t), parley.QuoteFilter{PageRequest: pr}); !errors.Is(err, parley.ErrInvalid) {
			t.Errorf("page %+v: err = %v; want ErrInvalid", pr, err)
		}
	}
	if p, err := s.Quotes(ctx(t), parley.QuoteFilter{PageRequest: parley.PageRequest{Offset: 1000}}); err != nil || len(p.Items) != 0 {
		t.Errorf("offset past the end = %v, %v; want empty", p.Items, err)
	}
}

func findEntity(t *testing.T, s parley.Store, name string) parley.EntityRecord {
	t.Helper()
	p, err := s.Entities(ctx(t), parley.EntityFilter{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Items {
		if strings.EqualFold(e.Name, name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return e
		}
	}
	t.Fatalf("no entity named %q in %+v", name, p.Items)
	return parley.EntityRecord{}
}

func testResolution(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	e := findEntity(t, s, "Sergey Lavrov")
	if e.Articles != 2 || e.Quotes != 2 || !slices.Contains(e.Aliases, "Sergei Lavrov") {
		t.Errorf("Lavrov = %+v; want one entity in 2 articles with 2 quotes and alias Sergei Lavrov", e)
	}
	full, err := s.Entity(ctx(t), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Links) != 2 || full.Links[0].Reason != "new" || full.Links[1].Reason == "new" {
		t.Errorf("Lavrov links = %+v; want the first new and the second with a reason", full.Links)
	}
	if len(full.Roles) != 2 || full.Roles[0].Published != "2025-03-03" || full.Roles[1].Role != "Russia's foreign minister" {
		t.Errorf("Lavrov roles = %+v; want both articles' roles, dated", full.Roles)
	}
	jane, john := findEntity(t, s, "Jane Smith"), findEntity(t, s, "John Smith")
	if jane.ID == john.ID {
		t.Errorf("Jane Smith and John Smith resolved to one entity %s", jane.ID)
	}
	// An organisation an article also calls by a bigger one's name is not
	// folded into it, nor renamed after it.
	one := NewAnalysis("bbc-1", "t", "X", "2025-01-01", "The BBC said it would cut jobs.").
		Entity("E1", parley.Organization, string(parley.Media), "BBC", nil, nil, "", "").Analysis()
	two := NewAnalysis("bbc-2", "t", "X", "2025-01-02", "BBC Scotland said the BBC had not told it.").
		Entity("E1", parley.Organization, string(parley.Media), "BBC Scotland", []string{"BBC"}, nil, "", "").Analysis()
	if _, err := s.PutAnalyses(ctx(t), []*parley.Doc{one, two}); err != nil {
		t.Fatal(err)
	}
	bbc, scotland := findEntity(t, s, "BBC"), findEntity(t, s, "BBC Scotland")
	if bbc.ID == scotland.ID || bbc.Name != "BBC" {
		t.Errorf("BBC = %+v, BBC Scotland = %+v; want two entities, the first still named BBC", bbc, scotland)
	}
	// A country and its capital stay apart.
	china, beijing := findEntity(t, s, "China"), findEntity(t, s, "Beijing")
	if china.ID == beijing.ID {
		t.Errorf("China and Beijing are one entity")
	}
}

func testMerge(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	rubio, peskov := findEntity(t, s, "Marco Rubio"), findEntity(t, s, "Dmitry Peskov")
	if _, err := s.MergeEntities(ctx(t), rubio.ID, rubio.ID, "self"); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("merge into itself: %v; want ErrInvalid", err)
	}
	if _, err := s.MergeEntities(ctx(t), rubio.ID, "e999999", "x"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("merge of a missing entity: %v; want ErrNotFound", err)
	}
	m, err := s.MergeEntities(ctx(t), rubio.ID, peskov.ID, "test merge")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Quotes(ctx(t), parley.QuoteFilter{SpeakerID: rubio.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Errorf("after merge, %d quotes for the kept entity; want 2", len(p.Items))
	}
	// The dropped entity's aliases now name the kept one.
	if p, _ := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Peskov"}); len(p.Items) != 2 || p.Items[0].SpeakerID != rubio.ID {
		t.Errorf("after merge, quotes by alias Peskov = %+v; want both, by the kept entity", p.Items)
	}
	kept, err := s.Entity(ctx(t), rubio.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Quotes != 2 || len(kept.Merges) != 1 || kept.Merges[0].Reason != "test merge" {
		t.Errorf("kept entity = %+v; want 2 quotes and the merge recorded", kept)
	}
	if _, err := s.MergeEntities(ctx(t), peskov.ID, rubio.ID, "again"); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("merge into a merged entity: %v; want ErrInvalid", err)
	}
	if err := s.Unmerge(ctx(t), m); err != nil {
		t.Fatal(err)
	}
	if err := s.Unmerge(ctx(t), m); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("second unmerge: %v; want ErrInvalid", err)
	}
	p, _ = s.Quotes(ctx(t), parley.QuoteFilter{SpeakerID: rubio.ID})
	q, _ := s.Quotes(ctx(t), parley.QuoteFilter{SpeakerID: peskov.ID})
	if len(p.Items) != 1 || len(q.Items) != 1 {
		t.Errorf("after unmerge, %d and %d quotes; want 1 and 1", len(p.Items), len(q.Items))
	}
	back, err := s.Entity(ctx(t), peskov.ID)
	if err != nil || back.Quotes != 1 || len(back.Links) != 1 || back.Links[0].Reason != "new" {
		t.Errorf("after unmerge, Peskov = %+v, %v; want 1 quote and his original link", back, err)
	}
	if err := s.Unmerge(ctx(t), "m999999"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("unmerge of a missing merge: %v; want ErrNotFound", err)
	}
}

func testEvents(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name string
		f    parley.EventFilter
		want []string // local ids
	}{
		{"all", parley.EventFilter{}, []string{"V1", "V1", "V2"}},
		{"actor pair by names", parley.EventFilter{Actors: []string{"Lavrov", "Marco Rubio"}}, []string{"V1", "V2"}},
		{"actor by CAMEO code prefix", parley.EventFilter{Actors: []string{"CHN"}}, []string{"V1"}},
		{"actor pair by codes", parley.EventFilter{Actors: []string{"RUSGOV", "USA"}}, []string{"V1", "V2"}},
		{"plover", parley.EventFilter{PLOVER: "consult"}, []string{"V1"}},
		{"place name", parley.EventFilter{Place: "Geneva"}, []string{"V1"}},
		{"place country", parley.EventFilter{Place: "CN"}, []string{"V1"}},
		{"date", parley.EventFilter{Since: day("2025-03-05")}, []string{"V1"}},
		{"no such actor", parley.EventFilter{Actors: []string{"Lavrov", "Mao Ning"}}, nil},
	}
	for _, tc := range tests {
		p, err := s.Events(ctx(t), tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []string
		for _, e := range p.Items {
			got = append(got, e.LocalID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: events %v; want %v", tc.name, got, tc.want)
		}
	}
	p, err := s.Events(ctx(t), parley.EventFilter{PLOVER: "CONSULT"})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("CONSULT events: %v, %v", p.Items, err)
	}
	v := p.Items[0]
	if v.SourceName != "Sergey Lavrov" || v.TargetName != "Marco Rubio" || v.SourceID == "" || v.Location != "Geneva" ||
		v.Lat == nil || v.Date != "2025-03-03" || !strings.Contains(v.Evidence, "met in Geneva") {
		t.Errorf("CONSULT event = %+v", v)
	}
	p, _ = s.Events(ctx(t), parley.EventFilter{PLOVER: "AGREE"})
	if len(p.Items) != 1 || !strings.HasSuffix(p.Items[0].ReportedIn, "-Q2") {
		t.Errorf("AGREE event reported_in = %+v; want the article's Q2", p.Items)
	}
}

func testClaims(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	p, err := s.Claims(ctx(t), parley.ClaimFilter{Status: "disputed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 {
		t.Fatalf("disputed claims = %+v; want the summit claim", p.Items)
	}
	c := p.Items[0]
	stances := map[string]string{}
	for _, st := range c.Stances {
		stances[st.SourceName] = st.Stance
	}
	if c.Text != "a summit will take place next month" || c.Articles != 2 ||
		stances["sources familiar with the talks"] != "asserts" || stances["Dmitry Peskov"] != "denies" {
		t.Errorf("disputed claim = %+v; want both sides from two articles", c)
	}
	p, err = s.Claims(ctx(t), parley.ClaimFilter{Status: "corroborated"})
	if err != nil || len(p.Items) != 1 || len(p.Items[0].Stances) != 2 {
		t.Errorf("corroborated claims = %+v, %v; want embassy staffing with two sources", p.Items, err)
	}
	if _, err := s.Claims(ctx(t), parley.ClaimFilter{Status: "maybe"}); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("unknown status: %v; want ErrInvalid", err)
	}
	one, err := s.Claim(ctx(t), c.ID)
	if err != nil || one.Text != c.Text || len(one.Stances) != 2 {
		t.Errorf("Claim(%s) = %+v, %v", c.ID, one, err)
	}
	peskov := findEntity(t, s, "Peskov")
	p, err = s.Claims(ctx(t), parley.ClaimFilter{EntityID: peskov.ID})
	if err != nil || len(p.Items) != 1 || p.Items[0].ID != c.ID {
		t.Errorf("claims with a stance by Peskov = %+v, %v", p.Items, err)
	}
	p, err = s.Claims(ctx(t), parley.ClaimFilter{Text: "EMBASSY"})
	if err != nil || len(p.Items) != 1 {
		t.Errorf("claims by text = %+v, %v", p.Items, err)
	}
}

func testEntities(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	p, err := s.Entities(ctx(t), parley.EntityFilter{Name: "lav"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Name != "Sergey Lavrov" || p.Items[0].Quotes != 2 {
		t.Errorf("Entities(lav) = %+v; want Sergey Lavrov with 2 quotes", p.Items)
	}
	p, err = s.Entities(ctx(t), parley.EntityFilter{Type: "PERSON"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 6 || p.Items[0].Quotes < p.Items[len(p.Items)-1].Quotes {
		var names []string
		for _, e := range p.Items {
			names = append(names, fmt.Sprintf("%s(%d)", e.Name, e.Quotes))
		}
		t.Errorf("people = %v; want 6, most quoted first", names)
	}
	if _, err := s.Entities(ctx(t), parley.EntityFilter{Type: "ANIMAL"}); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("unknown type: %v; want ErrInvalid", err)
	}
}

func testHostile(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	hostile := []string{`x' OR '1'='1`, `"; DROP TABLE quotes; --`, `*`, `"`, `NEAR(a b)`, `a OR b`, "\x00", `%`, `_`, `\`,
		strings.Repeat("ab ", 5000), "Lavrov' OR 1=1 --", "😀", "e1; DELETE"}
	for _, h := range hostile {
		for _, f := range []parley.QuoteFilter{{Speaker: h}, {Text: h}, {Outlet: h}, {Article: h}} {
			p, err := s.Quotes(ctx(t), f)
			if err != nil {
				t.Errorf("Quotes(%+v): %v; want no error", f, err)
			} else if len(p.Items) != 0 {
				t.Errorf("Quotes(%q) found %d quotes", h, len(p.Items))
			}
		}
		if _, err := s.Events(ctx(t), parley.EventFilter{Actors: []string{h}, Place: h, PLOVER: h}); err != nil && !errors.Is(err, parley.ErrInvalid) {
			t.Errorf("Events(%q): %v", h, err)
		}
		if p, err := s.Claims(ctx(t), parley.ClaimFilter{Text: h}); err != nil || len(p.Items) != 0 {
			t.Errorf("Claims(%q) = %d, %v", h, len(p.Items), err)
		}
		if _, err := s.Entities(ctx(t), parley.EntityFilter{Name: h}); err != nil {
			t.Errorf("Entities(%q): %v", h, err)
		}
		if _, err := s.Articles(ctx(t), parley.ArticleFilter{Text: h, Outlet: h}); err != nil {
			t.Errorf("Articles(%q): %v", h, err)
		}
	}
	st, err := s.Stats(ctx(t))
	if err != nil || st.Quotes != 9 {
		t.Errorf("after hostile queries, stats = %+v, %v; want the 9 quotes intact", st, err)
	}
}

func testNotFound(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	if _, err := s.Article(ctx(t), "0000000000000000"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("missing article: %v; want ErrNotFound", err)
	}
	if _, err := s.Claim(ctx(t), "c999999"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("missing claim: %v; want ErrNotFound", err)
	}
	if _, err := s.Entity(ctx(t), "e999999"); !errors.Is(err, parley.ErrNotFound) {
		t.Errorf("missing entity: %v; want ErrNotFound", err)
	}
	for _, id := range []string{"", "e", "x1", "e-1", "e1x", "e99999999999999999999999"} {
		if _, err := s.Entity(ctx(t), id); !errors.Is(err, parley.ErrInvalid) {
			t.Errorf("Entity(%q): %v; want ErrInvalid", id, err)
		}
		if _, err := s.Claim(ctx(t), id); !errors.Is(err, parley.ErrInvalid) && !errors.Is(err, parley.ErrNotFound) {
			t.Errorf("Claim(%q): %v; want ErrInvalid", id, err)
		}
	}
}

func testConcurrent(t *testing.T, s parley.Store) {
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each+writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				text := fmt.Sprintf("Writer %d, article %d: %s", w, i, TextSmiths)
				a := NewAnalysis(fmt.Sprintf("w%d-%d", w, i), "t", "Concurrent Post", "2025-01-01", text).
					Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
					Quote(Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", Cue: "said"}).
					Analysis()
				var err error
				if i%2 == 0 {
					_, err = s.PutAnalysis(ctx(t), a)
				} else {
					_, err = s.PutAnalyses(ctx(t), []*parley.Doc{a})
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // a reader beside the writers
		defer wg.Done()
		for range 20 {
			if _, err := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Jane Smith"}); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	p, err := s.Quotes(ctx(t), parley.QuoteFilter{Speaker: "Jane Smith", PageRequest: parley.PageRequest{Limit: parley.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != writers*each {
		t.Errorf("%d quotes after concurrent writes; want %d", len(p.Items), writers*each)
	}
	e := findEntity(t, s, "Jane Smith")
	if e.Articles != writers*each || e.Quotes != writers*each {
		t.Errorf("Jane Smith = %d articles, %d quotes; want %d each (one entity)", e.Articles, e.Quotes, writers*each)
	}
}

func testDocuments(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	var ids []string
	err := s.Documents(ctx(t), "", func(d parley.Document) error {
		ids = append(ids, d.ID)
		if d.Text == "" || d.Published.IsZero() || d.Outlet == "" {
			t.Errorf("document %s lacks text, date or outlet", d.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	if want := []string{"beijing", "geneva", "kremlin", "smiths"}; !slices.Equal(ids, want) {
		t.Errorf("Documents(all) = %v; want %v", ids, want)
	}
	n := 0
	if err := s.Documents(ctx(t), parley.Version, func(parley.Document) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("Documents(not of this version) = %d, %v; want none", n, err)
	}
	stop := errors.New("stop")
	if err := s.Documents(ctx(t), "", func(parley.Document) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Documents did not return fn's error: %v", err)
	}
}

// testDuplicates: a near-copy is stored as a link to its original, counts as
// stored content (so ingest resumes past it), and is idempotent.
func testDuplicates(t *testing.T, s parley.Store) {
	c := ctx(t)
	d := parley.Duplicate{ID: "copy-1", ContentHash: "hash-of-the-copy", OriginalID: "original-1", URL: "https://example.org/copy", Title: "Talks end"}
	for range 2 {
		if err := s.PutDuplicate(c, d); err != nil {
			t.Fatalf("PutDuplicate: %v", err)
		}
	}
	if ok, err := s.HasContent(c, d.ContentHash); err != nil || !ok {
		t.Errorf("HasContent(copy) = %v, %v; want true", ok, err)
	}
	got, err := s.DuplicatesOf(c, "original-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != d {
		t.Errorf("DuplicatesOf = %+v, want [%+v]", got, d)
	}
	if err := s.PutDuplicate(c, parley.Duplicate{ID: "x"}); !errors.Is(err, parley.ErrInvalid) {
		t.Errorf("PutDuplicate without hash and original: %v, want ErrInvalid", err)
	}
}

// testCloseClaims: the same proposition worded differently in two articles
// (keys that share most content words) is one claim with both sides.
func testCloseClaims(t *testing.T, s parley.Store) {
	c := ctx(t)
	one := NewAnalysis("close-1", "Plan reported", "Daily A", "2025-03-01", "The envoy said the ceasefire plan has three stages.").
		Person("E1", "Anna Berg", nil, []string{"envoy"}, "", "").
		Quote(Quote{ID: "Q1", Type: "indirect", Content: "the ceasefire plan has three stages", Speaker: "E1", Cue: "said"}).
		Claim("C1", "the ceasefire plan has three stages", "ceasefire plan stage three", parley.SingleSource,
			Stance{Source: "E1", Stance: parley.Asserts, Quote: "Q1", Evidence: "the ceasefire plan has three stages"}).
		Analysis()
	two := NewAnalysis("close-2", "Plan denied", "Daily B", "2025-03-02", "The minister denied a three-stage ceasefire plan for the region.").
		Person("E1", "Ivan Sokol", nil, []string{"minister"}, "", "").
		Quote(Quote{ID: "Q1", Type: "indirect", Content: "a three-stage ceasefire plan for the region", Speaker: "E1", Cue: "denied"}).
		Claim("C1", "a three-stage ceasefire plan for the region", "ceasefire plan region stage three", parley.SingleSource,
			Stance{Source: "E1", Stance: parley.Denies, Quote: "Q1", Evidence: "a three-stage ceasefire plan for the region"}).
		Analysis()
	if _, err := s.PutAnalyses(c, []*parley.Doc{one, two}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Claims(c, parley.ClaimFilter{Status: "disputed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Articles != 2 {
		t.Fatalf("disputed claims = %+v; want one claim from both articles", p.Items)
	}
}
