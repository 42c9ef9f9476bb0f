package resolve

import (
	"slices"
	"testing"

	"github.com/parley-news/parley"
)

func TestNormFoldsCaseDiacriticsAndPunctuation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sergey Lavrov", "sergey lavrov"},
		{"  José  Núñez ", "jose nunez"},
		{"O'Brien", "obrien"},
		{"U.S. State Department", "us state department"},
		{"Łukasz Żółć", "lukasz zolc"},
		{"Москва", "москва"},
		{"—", ""},
	}
	for _, tc := range tests {
		if got := Norm(tc.in); got != tc.want {
			t.Errorf("Norm(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestKeysNameAliasesSurnameCountry(t *testing.T) {
	p := parley.Entity{Type: parley.Person, Name: "Sergey Lavrov", Aliases: []string{"Lavrov", "S. Lavrov"}}
	if got, want := Keys(p), []string{"sergey lavrov", "lavrov", "s lavrov"}; !slices.Equal(got, want) {
		t.Errorf("Keys(person) = %q; want %q", got, want)
	}
	c := parley.Entity{Type: parley.Place, Kind: "country", Name: "Russia", Country: "RU"}
	if got, want := Keys(c), []string{"russia", "country:ru"}; !slices.Equal(got, want) {
		t.Errorf("Keys(country) = %q; want %q", got, want)
	}
}

func TestMatchRules(t *testing.T) {
	lavrov := Candidate{ID: 1, Name: "Sergey Lavrov", Norm: "sergey lavrov", Affiliation: "Russia", Roles: []string{"foreign minister"}}
	tests := []struct {
		name     string
		e        parley.Entity
		c        Candidate
		byName   bool
		wantRank int
	}{
		{"same full name", parley.Entity{Type: parley.Person, Name: "Sergey Lavrov"}, lavrov, false, 4},
		{"spelling variant with shared role word", parley.Entity{Type: parley.Person, Name: "Sergei Lavrov", Roles: []string{"Russia's foreign minister"}}, lavrov, false, 3},
		{"spelling variant without context", parley.Entity{Type: parley.Person, Name: "Sergei Lavrov"}, lavrov, false, 0},
		{"other first name", parley.Entity{Type: parley.Person, Name: "John Smith", Roles: []string{"mayor"}},
			Candidate{Norm: "jane smith", Roles: []string{"mayor"}}, false, 0},
		{"other affiliation", parley.Entity{Type: parley.Person, Name: "Sergey Lavrov", Affiliation: "Ukraine"}, lavrov, false, 0},
		{"stop words do not tie", parley.Entity{Type: parley.Person, Name: "S. Lavrov", Roles: []string{"the senior official"}},
			Candidate{Norm: "sergey lavrov", Roles: []string{"the senior official of"}}, false, 0},
		{"org by one-way alias", parley.Entity{Type: parley.Organization, Name: "BBC Scotland", Aliases: []string{"BBC"}},
			Candidate{Norm: "bbc"}, false, 0},
		{"country code", parley.Entity{Type: parley.Place, Kind: "country", Name: "Russian Federation", Country: "RU"},
			Candidate{Norm: "russia", Country: "RU"}, false, 2},
	}
	for _, tc := range tests {
		rank, _ := Match(tc.e, Keys(tc.e), tc.c, tc.byName)
		if rank != tc.wantRank {
			t.Errorf("%s: rank %d; want %d", tc.name, rank, tc.wantRank)
		}
	}
}

func TestMergedKeepsFullestNameAndBoundsRoles(t *testing.T) {
	c := Candidate{ID: 7, Name: "Lavrov", Norm: "lavrov", Affiliation: "Russia"}
	m := Merged(c, parley.Entity{Type: parley.Person, Name: "Sergey Lavrov", Affiliation: "Russian Federation", Roles: []string{"Foreign Minister"}}, false)
	if m.ID != 7 || m.Name != "Sergey Lavrov" || m.Affiliation != "Russia" || !slices.Equal(m.Roles, []string{"foreign minister"}) {
		t.Errorf("Merged = %+v", m)
	}
	var many []string
	for i := range MaxRoles + 5 {
		many = append(many, "role "+string(rune('a'+i)))
	}
	if m := Merged(Candidate{}, parley.Entity{Name: "X", Roles: many}, true); len(m.Roles) != MaxRoles {
		t.Errorf("Merged kept %d roles; want at most %d", len(m.Roles), MaxRoles)
	}
}

func TestClaimStatus(t *testing.T) {
	yes := map[string]bool{"a": true}
	two := map[string]bool{"a": true, "b": true}
	tests := []struct {
		docs          []string
		support, deny map[string]bool
		want          parley.ClaimStatus
	}{
		{nil, yes, nil, parley.SingleSource},
		{nil, two, nil, parley.Corroborated},
		{nil, yes, map[string]bool{"c": true}, parley.Disputed},
		{[]string{"disputed"}, yes, nil, parley.Disputed},
		{[]string{"corroborated"}, yes, nil, parley.Corroborated},
	}
	for i, tc := range tests {
		if got := ClaimStatus(tc.docs, tc.support, tc.deny); got != tc.want {
			t.Errorf("case %d: %s; want %s", i, got, tc.want)
		}
	}
}
