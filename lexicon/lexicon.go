// Package lexicon holds parley's knowledge as embedded data: countries with
// their news names, demonyms, capitals and seats of government; a gazetteer of
// cities and regions; organisations (media outlets, platforms, government
// bodies, international organisations, armed groups, parties, NGOs); speech
// verbs; and titles and roles. The data files and their sources and licences
// are in data/ (see data/README.md).
package lexicon

import (
	"strings"
)

// Country is a sovereign state or territory with the names news uses for it.
type Country struct {
	ISO2, ISO3 string   // "RU", "RUS"
	CAMEO      string   // CAMEO country code ("RUS"; "ROM" for Romania), "" when CAMEO has none
	Name       string   // the name news uses: "Russia", "United States", "Turkey"
	Aliases    []string // "Russian Federation", "US", "U.S.", "America", "Britain"
	Demonyms   []string // adjectival forms: "Russian", "American", "Saudi"
	Capital    string   // "Moscow"
	Seats      []string // metonyms for the government: "Kremlin", "White House"
	Lat, Lon   float64  // a representative point (not the capital)
}

// Place is a country, region or city of the gazetteer.
type Place struct {
	Name       string
	Kind       string // "country", "region", "city"
	Country    string // ISO2
	Lat, Lon   float64
	Population int // 0 when unknown (countries, most regions)
}

// Org kinds.
const (
	Media      = "MEDIA"
	Platform   = "PLATFORM"
	Government = "GOVERNMENT"
	IGO        = "IGO"
	Military   = "MILITARY"
	Party      = "PARTY"
	Company    = "COMPANY"
	NGO        = "NGO"
	Other      = "OTHER"
)

// Org is an organisation: a media outlet, platform, government body,
// international organisation, armed group, party, company or NGO.
//
// Name is the brand as the organisation writes it in bylines and datelines
// ("AP", "AFP", "Reuters", "BBC", "NATO"), and otherwise the full name
// ("United Nations", "European Union", "State Department").
type Org struct {
	Name    string
	Kind    string   // one of the kind constants
	Country string   // ISO2 when the organisation belongs to a country, else ""
	CAMEO   string   // CAMEO actor code where meaningful ("USAGOV", "IGOUNO"), else ""
	Aliases []string // other surface forms ("Associated Press")
	// Ambiguous lists the surface forms (name or aliases) that are short or
	// common words ("X", "AP", "Times", "Post"): a recogniser should accept
	// them only in context ("on X", "told AP", "the Times").
	Ambiguous []string
}

// IsAmbiguous reports whether the surface form s of o needs context.
func (o *Org) IsAmbiguous(s string) bool {
	for _, a := range o.Ambiguous {
		if a == s {
			return true
		}
	}
	return false
}

// Lexicon is the loaded knowledge base. It is read-only after Load and safe
// for concurrent use.
type Lexicon struct {
	countries []*Country // by ISO2
	byCode    map[string]*Country
	byName    map[string]*Country
	byDemonym map[string]*Country
	bySeat    map[string]*Country
	// all-caps forms ("RUSSIA") of the three tables above
	upName, upDemonym, upSeat map[string]*Country
	countryAt                 map[string]*Place // countries as places, by name and alias
	orgs                      map[string]*Org
	orgList                   []*Org
	capitals                  map[*Place]*Country // capital cities
	domains                   map[string]*Org     // web domain → organisation
	nplaces                   int
	exact                     index // every surface form (see MatchAt)
}

// Countries returns every country, ordered by ISO2 code. The slice is shared:
// do not modify it.
func (l *Lexicon) Countries() []*Country { return l.countries }

// Orgs returns every organisation in file order. The slice is shared: do not
// modify it.
func (l *Lexicon) Orgs() []*Org { return l.orgList }

// CountryByName returns the country with the name or alias s ("Russia",
// "Russian Federation", "U.S.", "Britain"), or nil. Matching is exact and
// case-sensitive, so "US" is the United States and "us" is nothing; an
// all-caps s also matches the all-caps form of a name ("RUSSIA").
func (l *Lexicon) CountryByName(s string) *Country {
	if c := l.byName[s]; c != nil {
		return c
	}
	return upperLookup(s, l.upName)
}

// CountryByDemonym returns the country of the adjective or demonym s
// ("Russian", "Saudi", "Emirati", and plurals such as "Russians"), or nil.
// Case is handled as in CountryByName.
func (l *Lexicon) CountryByDemonym(s string) *Country {
	if c := l.byDemonym[s]; c != nil {
		return c
	}
	return upperLookup(s, l.upDemonym)
}

// CountryBySeat returns the country whose seat of government s names
// ("Kremlin", "White House", "Downing Street"), or nil.
func (l *Lexicon) CountryBySeat(s string) *Country {
	if c := l.bySeat[s]; c != nil {
		return c
	}
	return upperLookup(s, l.upSeat)
}

// upperLookup resolves an all-caps form ("RUSSIA") through an index of the
// all-caps forms of one table.
func upperLookup(s string, m map[string]*Country) *Country {
	if !allCaps(s) {
		return nil
	}
	return m[s]
}

// CountryByCode returns the country with ISO 3166-1 alpha-2 or alpha-3 code
// (or CAMEO country code) code, in either case, or nil.
func (l *Lexicon) CountryByCode(code string) *Country {
	if c := l.byCode[code]; c != nil {
		return c
	}
	return l.byCode[strings.ToUpper(code)]
}

// Place returns the place named s: a country (by name or alias) first, then a
// hand-curated region, then the most populous city with that name, then the
// most populous city with that alternate name ("Kiev", "Bombay"). Matching is
// exact and case-sensitive. A name of several words is tokenized with
// text.Segment, which allocates: Place is not for the hot path (MatchAt is).
func (l *Lexicon) Place(s string) *Place {
	if p := l.countryAt[s]; p != nil {
		return p
	}
	first, rest, ok := split(s)
	if !ok {
		return nil
	}
	if c := l.exact.lookup(first, rest); c != nil {
		return c.place
	}
	return nil
}

// CapitalOf returns the country whose capital p is, or nil. News uses a
// capital for its government ("Moscow said", "talks between Washington and
// Beijing").
func (l *Lexicon) CapitalOf(p *Place) *Country { return l.capitals[p] }

// Org returns the organisation with the name or alias s, or nil. Matching is
// exact and case-sensitive.
func (l *Lexicon) Org(s string) *Org { return l.orgs[s] }

// OrgByHost returns the organisation whose web domain host is or is under
// ("www.reuters.com", "edition.cnn.com", "hosted.ap.org"), or nil. A port
// and a trailing dot are ignored, and case does not matter. Ingest uses it to
// name the outlet of a page.
func (l *Lexicon) OrgByHost(host string) *Org {
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		host = host[:i]
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for {
		if o := l.domains[host]; o != nil {
			return o
		}
		i := strings.IndexByte(host, '.')
		if i < 0 || strings.IndexByte(host[i+1:], '.') < 0 {
			return nil // stop at the registrable-looking last two labels
		}
		host = host[i+1:]
	}
}

// Stats counts the entries of each table.
type Stats struct {
	Countries, Places, Orgs, Surfaces int
}

// Stats returns the size of the lexicon.
func (l *Lexicon) Stats() Stats {
	return Stats{Countries: len(l.countries), Places: l.nplaces, Orgs: len(l.orgList), Surfaces: len(l.exact.cands)}
}
