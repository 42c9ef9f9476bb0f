package storetest

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// SurnameResolver is a store that merges a person named by surname alone
// into the one person of that surname named in full whose articles name the
// same other entities (the sqlite store does; see its surname.go). The
// suite's test of it runs for such stores and skips, saying so, for the
// others until they do it too.
type SurnameResolver interface {
	parley.Store
	ResolvesSurnamesByCompany()
}

// testSurnameByCompany checks that a person an article names by the surname
// alone is the one person of that surname named in full elsewhere when the
// two articles name the same other entities (two or more, countries aside),
// whichever article came first; that the link is a merge with the shared
// entities as its reason, undone by Unmerge; and that a lone surname in
// other company stays apart.
func testSurnameByCompany(t *testing.T, s parley.Store) {
	if _, ok := s.(SurnameResolver); !ok {
		t.Skipf("%T does not merge people named by surname alone (storetest.SurnameResolver)", s)
	}
	full := NewAnalysis("voss-1", "t", "X", "2025-02-01", "Alan Voss of the Harbour Bank spoke at the Lisbon Forum.").
		Person("E1", "Alan Voss", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.Company), "Harbour Bank", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Lisbon Forum", nil, nil, "", "").Analysis()
	lone := NewAnalysis("voss-2", "t", "X", "2025-02-02", "Voss told the Lisbon Forum that the Harbour Bank would hold rates.").
		Person("E1", "Voss", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.OtherOrg), "Lisbon Forum", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.Company), "Harbour Bank", nil, nil, "", "").Analysis()
	other := NewAnalysis("voss-3", "t", "X", "2025-02-03", "Voss won the race in Ghent.").
		Person("E1", "Voss", nil, nil, "", "").
		Entity("E2", parley.Place, "city", "Ghent", nil, nil, "", "BE").Analysis()
	if _, err := s.PutAnalyses(ctx(t), []*parley.Doc{full, lone, other}); err != nil {
		t.Fatal(err)
	}
	alan := findEntity(t, s, "Alan Voss")
	rec, err := s.Entity(ctx(t), alan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if alan.Articles != 2 || len(rec.Merges) != 1 || !strings.Contains(rec.Merges[0].Reason, "Harbour Bank") || !strings.Contains(rec.Merges[0].Reason, "Lisbon Forum") {
		t.Fatalf("Alan Voss = %+v, merges %+v; want the lone Voss of the second article merged in, the shared entities as the reason", alan, rec.Merges)
	}
	p, err := s.Entities(ctx(t), parley.EntityFilter{Name: "Voss", Type: string(parley.Person)})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Errorf("people named Voss = %+v; want Alan Voss and the racer of the third article apart", p.Items)
	}
	if err := s.Unmerge(ctx(t), rec.Merges[0].ID); err != nil {
		t.Fatal(err)
	}
	if again := findEntity(t, s, "Alan Voss"); again.Articles != 1 {
		t.Errorf("after unmerge, Alan Voss = %+v; want one article", again)
	}

	// The other order: the lone surname first, the full name later.
	first := NewAnalysis("okafor-1", "t", "X", "2025-03-01", "Okafor said the Delta Trust and the Coastal League would talk.").
		Person("E1", "Okafor", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.NGO), "Delta Trust", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Coastal League", nil, nil, "", "").Analysis()
	later := NewAnalysis("okafor-2", "t", "X", "2025-03-02", "Grace Okafor leads the Delta Trust, a member of the Coastal League.").
		Person("E1", "Grace Okafor", nil, nil, "", "").
		Entity("E2", parley.Organization, string(parley.NGO), "Delta Trust", nil, nil, "", "").
		Entity("E3", parley.Organization, string(parley.OtherOrg), "Coastal League", nil, nil, "", "").Analysis()
	if _, err := s.PutAnalyses(ctx(t), []*parley.Doc{first}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutAnalyses(ctx(t), []*parley.Doc{later}); err != nil {
		t.Fatal(err)
	}
	if g := findEntity(t, s, "Grace Okafor"); g.Articles != 2 {
		t.Errorf("Grace Okafor = %+v; want the earlier lone Okafor merged in", g)
	}
}
