package storetest

import (
	"testing"

	"github.com/parley-news/parley"
)

// testCountsAndDatedRoles: what the web UI shows beside lists — claims
// counted by status, whether a stance's evidence is quoted or reported, and
// a person's roles and links dated and with the outlet of the article that
// gave them.
func testCountsAndDatedRoles(t *testing.T, s parley.Store) {
	putCorpus(t, s)
	st, err := s.Stats(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	want := parley.ClaimCounts{Disputed: 1, Corroborated: 1}
	if st.ClaimsByStatus != want || st.Claims != 2 {
		t.Errorf("Stats claims = %d by status %+v; want 2, %+v", st.Claims, st.ClaimsByStatus, want)
	}
	// A stance says whether its evidence is the source's own words.
	c, err := s.Claims(ctx(t), parley.ClaimFilter{Status: "disputed"})
	if err != nil || len(c.Items) != 1 {
		t.Fatalf("disputed claims = %v, %v", c.Items, err)
	}
	types := map[string]string{}
	for _, st := range c.Items[0].Stances {
		types[st.SourceName] = st.QuoteType
	}
	if types["sources familiar with the talks"] != "indirect" || types["Dmitry Peskov"] != "direct" {
		t.Errorf("quote types of the stances = %v; want indirect (reported) and direct (Peskov's words)", types)
	}
	e, err := s.Entity(ctx(t), findEntity(t, s, "Sergey Lavrov").ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Roles) != 2 || e.Roles[0].Outlet != "Example Wire" || e.Roles[1].Outlet != "Daily Ledger" || e.Roles[1].Published != "2025-03-04" {
		t.Errorf("Lavrov's roles = %+v; want each with its article's date and outlet", e.Roles)
	}
	if len(e.Links) != 2 || e.Links[0].Published != "2025-03-03" || e.Links[0].Outlet != "Example Wire" || e.Links[1].Outlet != "Daily Ledger" {
		t.Errorf("Lavrov's links = %+v; want each with its article's date and outlet", e.Links)
	}
}
