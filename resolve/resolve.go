package resolve

import (
	"slices"
	"strings"

	"github.com/parley-news/parley"
)

// Reasons recorded for linking an article's entity to a cross-article one.
const (
	ReasonNew      = "new"
	ReasonFullName = "same full name"
	ReasonSurname  = "surname and role"
	ReasonAlias    = "alias"
	ReasonCountry  = "same country code"
)

// Candidate is what resolution needs to know of a stored cross-article
// entity that an article entity may be.
type Candidate struct {
	ID          int64
	Name, Norm  string
	Affiliation string
	Country     string
	Roles       []string // normalised
}

// MaxRoles bounds the roles a store keeps for resolution.
const MaxRoles = 32

// Keys returns the normalised lookup keys of an article entity: its name
// first, then its aliases, a person's surname and a country's code.
func Keys(e parley.Entity) []string {
	var ks []string
	add := func(k string) {
		if k != "" && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	add(Norm(e.Name))
	for _, a := range e.Aliases {
		add(Norm(a))
	}
	if e.Type == parley.Person {
		if f := strings.Fields(Norm(e.Name)); len(f) > 1 {
			add(f[len(f)-1])
		}
	}
	if e.Type == parley.Place && e.Kind == "country" && e.Country != "" {
		add("country:" + strings.ToLower(e.Country))
	}
	return ks
}

// Best returns the candidate e (with lookup keys ks) most surely is, its
// reason, and whether any matched; byName lists the candidates that have
// e's full name as a name or alias. Groups ("officials", "sources") never
// resolve across articles.
func Best(e parley.Entity, ks []string, cands []Candidate, byName []int64) (Candidate, string, bool) {
	if e.Type == parley.Group {
		return Candidate{}, "", false
	}
	bestRank, reason := 0, ""
	var best Candidate
	for _, c := range cands {
		rank, why := Match(e, ks, c, slices.Contains(byName, c.ID))
		if rank > bestRank {
			best, bestRank, reason = c, rank, why
		}
	}
	return best, reason, bestRank > 0
}

// Merged is the stored entity c after article entity e was linked to it:
// the fullest name is canonical, the first affiliation and country stay,
// and e's roles join the (bounded) set.
func Merged(c Candidate, e parley.Entity, isNew bool) Candidate {
	out := Candidate{ID: c.ID, Name: e.Name, Norm: Norm(e.Name), Affiliation: e.Affiliation, Country: e.Country,
		Roles: slices.Clone(c.Roles)}
	if !isNew {
		if !(e.Type == parley.Person && fuller(c.Norm, out.Norm)) {
			out.Name, out.Norm = c.Name, c.Norm
		}
		if c.Affiliation != "" {
			out.Affiliation = c.Affiliation
		}
		if c.Country != "" {
			out.Country = c.Country
		}
	}
	for _, r := range e.Roles {
		if n := Norm(r); n != "" && !slices.Contains(out.Roles, n) && len(out.Roles) < MaxRoles {
			out.Roles = append(out.Roles, n)
		}
	}
	return out
}

// Match ranks how surely article entity e (with lookup keys ks) is
// candidate c: 0 not at all, higher is surer. hasFullName says c goes by
// e's full name (as its name or an alias).
func Match(e parley.Entity, ks []string, c Candidate, hasFullName bool) (int, string) {
	// Different affiliations or countries keep apart what names would join
	// ("the foreign ministry" of two countries).
	if e.Affiliation != "" && c.Affiliation != "" && !strings.EqualFold(e.Affiliation, c.Affiliation) ||
		e.Country != "" && c.Country != "" && !strings.EqualFold(e.Country, c.Country) {
		return 0, ""
	}
	n := Norm(e.Name)
	if n != "" && n == c.Norm {
		return 4, ReasonFullName
	}
	if e.Type == parley.Person {
		if sameSurname(n, c.Norm) && sharesContext(e, c) {
			return 3, ReasonSurname
		}
		// c goes by e's full name too (a merge gave it that alias).
		if hasFullName && strings.Contains(n, " ") {
			return 2, ReasonAlias
		}
		// A lone surname is not enough for people: too many share one.
		return 0, ""
	}
	if e.Type == parley.Place && e.Kind == "country" && e.Country != "" && strings.EqualFold(e.Country, c.Country) {
		return 2, ReasonCountry
	}
	// Organisations and places: only when each goes by the other's name.
	// One-way aliases are too loose across articles: an article that calls
	// "BBC Scotland" "the BBC" would fold the whole BBC into it.
	if hasFullName && slices.Contains(ks, c.Norm) {
		return 2, ReasonAlias
	}
	return 0, ""
}

// fuller reports whether person name b spells out name a ("Lavrov" →
// "Sergey Lavrov"): the same surname and more words.
func fuller(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fb) > len(fa) && len(fa) > 0 && fa[len(fa)-1] == fb[len(fb)-1]
}

// sameSurname reports whether two normalised person names share the last
// word and, when both give a first name, its initial ("Sergey Lavrov",
// "Sergei Lavrov", "Lavrov").
func sameSurname(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 || fa[len(fa)-1] != fb[len(fb)-1] {
		return false
	}
	if len(fa) == 1 || len(fb) == 1 {
		return true
	}
	x, y := fa[0], fb[0]
	if x[0] != y[0] {
		return false
	}
	// An initial matches any first name of that letter; two spelled-out first
	// names must be spelling variants ("Sergey", "Sergei"), not "Jane", "John".
	return len(x) == 1 || len(y) == 1 || editDistance(x, y) <= 2
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sharesContext reports whether e and c share an affiliation, a country or a
// significant role word.
func sharesContext(e parley.Entity, c Candidate) bool {
	if e.Affiliation != "" && strings.EqualFold(e.Affiliation, c.Affiliation) {
		return true
	}
	if e.Country != "" && strings.EqualFold(e.Country, c.Country) {
		return true
	}
	stop := roleStop()
	words := map[string]bool{}
	for _, r := range c.Roles {
		for _, w := range strings.Fields(r) {
			if !stop[w] {
				words[w] = true
			}
		}
	}
	for _, r := range e.Roles {
		for _, w := range strings.Fields(Norm(r)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

// ClaimStatus derives a claim's status across articles from the statuses
// the articles' analyses gave it and the sources that support and deny it:
// disputed when any article found it disputed or some source supports it
// while another denies it; corroborated when two distinct sources support
// it (or an article found it corroborated); else single-source.
func ClaimStatus(docStatuses []string, support, deny map[string]bool) parley.ClaimStatus {
	if slices.Contains(docStatuses, string(parley.Disputed)) || (len(support) > 0 && len(deny) > 0) {
		return parley.Disputed
	}
	if len(support) >= 2 || slices.Contains(docStatuses, string(parley.Corroborated)) {
		return parley.Corroborated
	}
	return parley.SingleSource
}

// Supports and Denies tell which side of a claim a stance is on.
func Supports(s parley.Stance) bool { return s == parley.Asserts || s == parley.Confirms }

// Denies reports whether the stance is against the claim.
func Denies(s parley.Stance) bool { return s == parley.Denies || s == parley.Disputes }
