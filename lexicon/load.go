package lexicon

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/parley-news/parley/text"
)

// The data files; data/README.md gives their sources and licences.
var (
	//go:embed data/countries.tsv
	countriesTSV string
	//go:embed data/country_news.tsv
	countryNewsTSV string
	//go:embed data/seats.tsv
	seatsTSV string
	//go:embed data/regions.tsv
	regionsTSV string
	//go:embed data/orgs.tsv
	orgsTSV string
	//go:embed data/org_domains.tsv
	orgDomainsTSV string
	//go:embed data/place_aliases.tsv
	placeAliasesTSV string
	//go:embed data/place_nomatch.tsv
	placeNomatchTSV string
	//go:embed data/places.tsv
	placesTSV string
	//go:embed data/admin1.tsv
	admin1TSV string
)

// Build parses the embedded TSV files and builds the indexes: what Load
// reads ready-made from data/prepared.bin, and what Prepare writes there.
func Build() (*Lexicon, error) {
	b := newBuilder()
	steps := []struct {
		file string
		data string
		cols int
		row  func([]string) error
	}{
		{"countries.tsv", countriesTSV, 9, b.country},
		{"country_news.tsv", countryNewsTSV, 3, b.countryNews},
		{"seats.tsv", seatsTSV, 2, b.seats},
	}
	for _, s := range steps {
		if err := eachRow(s.file, s.data, s.cols, s.row); err != nil {
			return nil, err
		}
	}
	b.indexCountries()
	// Organisations before places, so that a city's alternate name does not
	// take an organisation's ("Hamas" for Hamm).
	if err := eachRow("orgs.tsv", orgsTSV, 6, b.org); err != nil {
		return nil, err
	}
	b.l.domains = make(map[string]*Org, 512)
	if err := eachRow("org_domains.tsv", orgDomainsTSV, 2, b.orgDomain); err != nil {
		return nil, err
	}
	if err := eachRow("regions.tsv", regionsTSV, 6, b.region); err != nil {
		return nil, err
	}
	b.store = make([]Place, 0, strings.Count(placesTSV, "\n"))
	if err := eachRow("place_aliases.tsv", placeAliasesTSV, 4, b.wantPlace); err != nil {
		return nil, err
	}
	if err := eachRow("places.tsv", placesTSV, 10, b.city); err != nil {
		return nil, err
	}
	// Subdivisions after cities: "Kabul" is the city, "Kabul province" the
	// province.
	b.admin = make([]Place, 0, strings.Count(admin1TSV, "\n"))
	if err := eachRow("admin1.tsv", admin1TSV, 8, b.admin1); err != nil {
		return nil, err
	}
	b.indexCityAliases()
	if err := eachRow("place_aliases.tsv", placeAliasesTSV, 4, b.placeAlias); err != nil {
		return nil, err
	}
	if err := eachRow("place_nomatch.tsv", placeNomatchTSV, 1, b.placeNomatch); err != nil {
		return nil, err
	}
	b.indexCapitals()
	return b.finish(), nil
}

// eachRow calls row for every data line of a TSV file: comment lines (#),
// blank lines and the header (the first other line) are skipped, and every
// row must have exactly cols fields. row must not keep the slice.
func eachRow(file, data string, cols int, row func([]string) error) error {
	header := true
	f := make([]string, 0, cols)
	for n := 1; data != ""; n++ {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		f = f[:0]
		for {
			i := strings.IndexByte(line, '\t')
			if i < 0 {
				f = append(f, line)
				break
			}
			f = append(f, line[:i])
			line = line[i+1:]
		}
		if len(f) != cols {
			return fmt.Errorf("lexicon: %s:%d: want %d columns, got %d", file, n, cols, len(f))
		}
		if err := row(f); err != nil {
			return fmt.Errorf("lexicon: %s:%d: %w", file, n, err)
		}
	}
	return nil
}

// Priorities when two entries claim the same surface form: lower wins, and
// among equals the first loaded wins.
const (
	prioHand    = iota // hand-curated news names
	prioName           // a country's or a place's own name
	prioAlias          // generated aliases
	prioDerived        // forms derived at load time (plurals, capitalised "The …")
)

type builder struct {
	l        *Lexicon
	news     map[*Country]*countryNews
	prio     map[string]int // table byte + surface → priority
	exact    *indexBuilder
	store    []Place             // backing array of the gazetteer's places
	admin    []Place             // backing array of the generated subdivisions
	altClaim map[string]bool     // place names claimed through an alternate name
	nomatch  map[*Place]string   // '|'-separated names of a place that MatchAt must not offer
	pplc     map[string]*Place   // ISO2 → its most populous city with GeoNames feature PPLC
	want     map[string][]*Place // names of places that place_aliases.tsv points at → candidates
	alts     []placeAlias
}

type countryNews struct{ aliases, demonyms, drop []string }

type placeAlias struct {
	name string
	p    *Place
}

func newBuilder() *builder {
	const surfaces = 48 << 10 // a little above what the data has (39,000 surface forms)
	return &builder{
		l: &Lexicon{
			byCode:    make(map[string]*Country, 600),
			byName:    make(map[string]*Country, 1500),
			byDemonym: make(map[string]*Country, 600),
			bySeat:    make(map[string]*Country, 100),
			upName:    make(map[string]*Country, 1500),
			upDemonym: make(map[string]*Country, 600),
			upSeat:    make(map[string]*Country, 100),
			countryAt: make(map[string]*Place, 1500),
			orgs:      make(map[string]*Org, 2048),
		},
		news:     make(map[*Country]*countryNews, 256),
		prio:     make(map[string]int, 8<<10),
		exact:    newIndexBuilder(surfaces),
		altClaim: make(map[string]bool, 4096),
		nomatch:  make(map[*Place]string, 4096),
		pplc:     make(map[string]*Place, 256),
		want:     make(map[string][]*Place, 256),
		alts:     make([]placeAlias, 0, 32<<10),
	}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	a, err := strconv.ParseFloat(lat, 64)
	if err != nil || a < -90 || a > 90 {
		return 0, 0, fmt.Errorf("bad latitude %q", lat)
	}
	o, err := strconv.ParseFloat(lon, 64)
	if err != nil || o < -180 || o > 180 {
		return 0, 0, fmt.Errorf("bad longitude %q", lon)
	}
	return a, o, nil
}

func validISO2(s string) bool { return len(s) == 2 && isUpperASCII(s) }

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// country reads a row of countries.tsv:
// iso2, iso3, cameo, name, aliases, demonyms, capital, lat, lon.
func (b *builder) country(f []string) error {
	if !validISO2(f[0]) || len(f[1]) != 3 || !isUpperASCII(f[1]) {
		return fmt.Errorf("bad ISO codes %q %q", f[0], f[1])
	}
	if f[3] == "" {
		return fmt.Errorf("%s: empty name", f[0])
	}
	if b.l.byCode[f[0]] != nil {
		return fmt.Errorf("%s: duplicate country", f[0])
	}
	lat, lon, err := parseLatLon(f[7], f[8])
	if err != nil {
		return fmt.Errorf("%s: %w", f[0], err)
	}
	c := &Country{ISO2: f[0], ISO3: f[1], CAMEO: f[2], Name: f[3], Aliases: splitList(f[4]),
		Demonyms: splitList(f[5]), Capital: f[6], Lat: lat, Lon: lon}
	b.l.countries = append(b.l.countries, c)
	b.l.byCode[c.ISO2] = c
	b.l.byCode[c.ISO3] = c
	b.news[c] = &countryNews{}
	return nil
}

// countryNews reads a row of country_news.tsv: iso2, field, values.
func (b *builder) countryNews(f []string) error {
	c := b.l.byCode[f[0]]
	if c == nil || len(f[0]) != 2 {
		return fmt.Errorf("unknown country %q", f[0])
	}
	vals := splitList(f[2])
	if len(vals) == 0 {
		return fmt.Errorf("%s %s: no values", f[0], f[1])
	}
	n := b.news[c]
	switch f[1] {
	case "name":
		c.Aliases = append([]string{c.Name}, c.Aliases...)
		c.Name = vals[0]
		n.aliases = append(n.aliases, vals...)
	case "capital":
		c.Capital = vals[0]
	case "alias":
		n.aliases = append(n.aliases, vals...)
	case "demonym":
		n.demonyms = append(n.demonyms, vals...)
	case "drop":
		n.drop = append(n.drop, vals...)
	default:
		return fmt.Errorf("unknown field %q", f[1])
	}
	return nil
}

// seats reads a row of seats.tsv: iso2, seats.
func (b *builder) seats(f []string) error {
	c := b.l.byCode[f[0]]
	if c == nil || len(f[0]) != 2 {
		return fmt.Errorf("unknown country %q", f[0])
	}
	c.Seats = append(c.Seats, splitList(f[1])...)
	return nil
}

// claim records surface s for table t at priority p and reports whether the
// entry wins (no entry yet, or only weaker ones).
func (b *builder) claim(t byte, s string, p int) bool {
	k := string(t) + s
	if old, ok := b.prio[k]; ok && old <= p {
		return false
	}
	b.prio[k] = p
	return true
}

func (b *builder) indexCountries() {
	l := b.l
	for _, c := range l.countries {
		n := b.news[c]
		// Hand-curated forms come first in the lists, so that they read first.
		c.Aliases = dedup(append(n.aliases, c.Aliases...), append(n.drop, c.Name)...)
		c.Demonyms = dedup(append(n.demonyms, c.Demonyms...))
		if c.CAMEO != "" && l.byCode[c.CAMEO] == nil {
			l.byCode[c.CAMEO] = c
		}
	}
	for _, c := range l.countries {
		n := b.news[c]
		b.countryName(c.Name, c, prioName)
		for _, a := range n.aliases {
			b.countryName(a, c, prioHand)
		}
		for _, d := range n.demonyms {
			b.demonym(d, c, prioHand)
			if p := plural(d); p != "" {
				b.demonym(p, c, prioHand)
			}
		}
		for _, s := range c.Seats {
			b.seat(s, c)
		}
	}
	for _, c := range l.countries {
		for _, a := range c.Aliases {
			b.countryName(a, c, prioAlias)
		}
		for _, d := range c.Demonyms {
			b.demonym(d, c, prioAlias)
			if p := plural(d); p != "" {
				b.demonym(p, c, prioDerived)
			}
		}
	}
	// Countries are places too, and win over regions and cities of the same name.
	for _, c := range l.countries {
		p := &Place{Name: c.Name, Kind: "country", Country: c.ISO2, Lat: c.Lat, Lon: c.Lon}
		for _, s := range append([]string{c.Name}, c.Aliases...) {
			if l.byName[s] == c && l.countryAt[s] == nil {
				l.countryAt[s] = p
			}
		}
	}
}

func (b *builder) countryName(s string, c *Country, p int) {
	for _, v := range theVariants(s) {
		if b.claim('n', v, p) {
			b.l.byName[v] = c
			b.cand(v).m.Country = c
		}
		if u := strings.ToUpper(v); u != v && b.claim('N', u, p) {
			b.l.upName[u] = c
		}
	}
}

func (b *builder) demonym(s string, c *Country, p int) {
	if b.claim('d', s, p) {
		b.l.byDemonym[s] = c
		b.cand(s).m.Demonym = c
	}
	if u := strings.ToUpper(s); u != s && b.claim('D', u, p) {
		b.l.upDemonym[u] = c
	}
}

func (b *builder) seat(s string, c *Country) {
	for _, v := range theVariants(s) {
		if b.claim('s', v, prioHand) {
			b.l.bySeat[v] = c
			b.cand(v).m.Seat = c
		}
		if u := strings.ToUpper(v); u != v && b.claim('S', u, prioHand) {
			b.l.upSeat[u] = c
		}
	}
}

// region reads a row of regions.tsv: name, country, lat, lon, population,
// aliases. The country is empty for regions that span countries ("Middle East").
func (b *builder) region(f []string) error {
	if f[1] != "" && (!validISO2(f[1]) || b.l.byCode[f[1]] == nil) {
		return fmt.Errorf("%s: unknown country %q", f[0], f[1])
	}
	lat, lon, err := parseLatLon(f[2], f[3])
	if err != nil {
		return fmt.Errorf("%s: %w", f[0], err)
	}
	pop, err := strconv.Atoi(f[4])
	if err != nil || pop < 0 {
		return fmt.Errorf("%s: bad population %q", f[0], f[4])
	}
	p := &Place{Name: f[0], Kind: "region", Country: f[1], Lat: lat, Lon: lon, Population: pop}
	b.l.nplaces++
	for _, s := range append([]string{f[0]}, splitList(f[5])...) {
		b.placeName(s, p)
	}
	return nil
}

// city reads a row of places.tsv: name, kind, country, lat, lon,
// population, feature, geonameid, aliases, nomatch (the names that are also
// common words or people's names: Place finds them, MatchAt does not). Rows are sorted by population,
// largest first, so the first city to claim a name is the most populous.
func (b *builder) city(f []string) error {
	if f[0] == "" || !validISO2(f[2]) {
		return fmt.Errorf("bad name or country %q %q", f[0], f[2])
	}
	lat, lon, err := parseLatLon(f[3], f[4])
	if err != nil {
		return fmt.Errorf("%s: %w", f[0], err)
	}
	pop, err := strconv.Atoi(f[5])
	if err != nil || pop < 0 {
		return fmt.Errorf("%s: bad population %q", f[0], f[5])
	}
	b.store = append(b.store, Place{Name: f[0], Kind: f[1], Country: f[2], Lat: lat, Lon: lon, Population: pop})
	p := &b.store[len(b.store)-1]
	b.l.nplaces++
	if f[9] != "" {
		b.nomatch[p] = f[9]
	}
	if f[6] == "PPLC" && b.pplc[p.Country] == nil {
		b.pplc[p.Country] = p
	}
	b.placeName(p.Name, p)
	if f[8] == "" {
		return nil
	}
	for a := range strings.SplitSeq(f[8], "|") {
		// Alternate names are weaker than any place's own name, so they are
		// indexed after every row has claimed its name.
		b.alts = append(b.alts, placeAlias{a, p})
	}
	return nil
}

// admin1 reads a row of admin1.tsv: name, country, lat, lon, type,
// iso3166_2, aliases, nomatch.
func (b *builder) admin1(f []string) error {
	if f[0] == "" || !validISO2(f[1]) || b.l.byCode[f[1]] == nil {
		return fmt.Errorf("bad name or country %q %q", f[0], f[1])
	}
	lat, lon, err := parseLatLon(f[2], f[3])
	if err != nil {
		return fmt.Errorf("%s: %w", f[0], err)
	}
	b.admin = append(b.admin, Place{Name: f[0], Kind: "region", Country: f[1], Lat: lat, Lon: lon})
	p := &b.admin[len(b.admin)-1]
	b.l.nplaces++
	if f[7] != "" {
		b.nomatch[p] = f[7]
	}
	b.placeName(p.Name, p)
	for a := range strings.SplitSeq(f[6], "|") {
		b.placeName(a, p)
	}
	return nil
}

// altMargin is how many times more populous a place must be for its
// alternate name to win over another place's own name: "Geneva" is Genève
// (184,000) rather than Geneva, New York (22,000).
const altMargin = 5

func (b *builder) indexCityAliases() {
	for _, a := range b.alts {
		if b.l.byName[a.name] != nil || b.l.orgs[a.name] != nil {
			continue // "Mexico" for Mexico City, "Hamas" for Hamm: news means the country, the group
		}
		c := b.cand(a.name)
		old := c.place
		if old == nil || (!b.altClaim[a.name] && old.Kind == "city" && a.p.Population >= altMargin*old.Population) {
			b.setPlace(c, a.name, a.p)
			b.altClaim[a.name] = true
		}
	}
	b.alts = nil
}

// wantPlace notes a place that place_aliases.tsv names, so that placeName
// records the places of that name.
func (b *builder) wantPlace(f []string) error {
	b.want[f[1]] = nil
	return nil
}

// placeAlias reads a row of place_aliases.tsv: alias, place name, country,
// display ("name" makes the alias the place's name).
func (b *builder) placeAlias(f []string) error {
	if f[3] != "" && f[3] != "name" {
		return fmt.Errorf("%s: unknown display %q", f[0], f[3])
	}
	for _, p := range b.want[f[1]] {
		if p.Country == f[2] {
			c := b.cand(f[0])
			c.place, c.m.Place = p, p // hand-curated: always offered
			if f[3] == "name" {
				p.Name = f[0]
			}
			return nil
		}
	}
	return fmt.Errorf("%s: no place %q in %q", f[0], f[1], f[2])
}

// placeName gives s to p unless another place has it.
func (b *builder) placeName(s string, p *Place) {
	if s == p.Name {
		if ps, ok := b.want[s]; ok {
			b.want[s] = append(ps, p)
		}
	}
	if s == "" {
		return
	}
	if c := b.cand(s); c.place == nil {
		b.setPlace(c, s, p)
	}
}

// setPlace gives surface s, whose candidate is c, to p, replacing any other
// region or city. MatchAt offers p for s unless s is one of p's nomatch names.
//
// Nor does it offer a city named like another country ("Lebanon",
// Tennessee): that name is the country's in news.
func (b *builder) setPlace(c *candidate, s string, p *Place) {
	c.place, c.m.Place = p, p
	if nm := b.nomatch[p]; nm != "" && listHas(nm, s) {
		c.m.Place = nil
	}
	if cn := b.l.byName[s]; cn != nil && p.Kind == "city" && cn.ISO2 != p.Country {
		c.m.Place = nil
	}
}

// placeNomatch reads a row of place_nomatch.tsv: a name MatchAt must not
// offer as a place.
func (b *builder) placeNomatch(f []string) error {
	c := b.find(f[0])
	if c == nil || c.place == nil {
		return fmt.Errorf("%q is no place name", f[0])
	}
	c.m.Place = nil
	return nil
}

// listHas reports whether the '|'-separated list has s.
func listHas(list, s string) bool {
	for x := range strings.SplitSeq(list, "|") {
		if x == s {
			return true
		}
	}
	return false
}

// org reads a row of orgs.tsv: name, kind, country, cameo, flags, aliases.
func (b *builder) org(f []string) error {
	switch f[1] {
	case Media, Platform, Government, IGO, Military, Party, Company, NGO, Other:
	default:
		return fmt.Errorf("%s: unknown kind %q", f[0], f[1])
	}
	if f[2] != "" && b.l.byCode[f[2]] == nil {
		return fmt.Errorf("%s: unknown country %q", f[0], f[2])
	}
	if f[0] == "" || f[0][0] == '?' {
		return fmt.Errorf("bad name %q", f[0])
	}
	o := &Org{Name: f[0], Kind: f[1], Country: f[2], CAMEO: f[3]}
	switch f[4] {
	case "":
	case "ambiguous":
		o.Ambiguous = append(o.Ambiguous, o.Name)
	default:
		return fmt.Errorf("%s: unknown flag %q", f[0], f[4])
	}
	for _, a := range splitList(f[5]) {
		if a2, ok := strings.CutPrefix(a, "?"); ok {
			a = a2
			o.Ambiguous = append(o.Ambiguous, a)
		}
		if a == "" {
			return fmt.Errorf("%s: empty alias", f[0])
		}
		o.Aliases = append(o.Aliases, a)
	}
	if b.l.orgs[o.Name] != nil && b.l.orgs[o.Name].Name == o.Name {
		return fmt.Errorf("duplicate organisation %q", o.Name)
	}
	b.l.orgList = append(b.l.orgList, o)
	for _, s := range append([]string{o.Name}, o.Aliases...) {
		p := prioAlias
		if s == o.Name {
			p = prioName
		}
		for _, v := range theVariants(s) {
			if q := b.l.orgs[v]; q != nil && q != o && v == s {
				return fmt.Errorf("%s: %q is already %s", o.Name, v, q.Name)
			}
			if !b.claim('o', v, p) {
				continue
			}
			b.l.orgs[v] = o
			c := b.cand(v)
			c.m.Org = o
			c.m.Ambiguous = o.IsAmbiguous(s)
		}
	}
	return nil
}

// indexCapitals finds each country's capital in the gazetteer: the place of
// that name in that country (most capitals), or else the most populous
// capital-feature city of the country.
func (b *builder) indexCapitals() {
	b.l.capitals = make(map[*Place]*Country, len(b.l.countries))
	for _, c := range b.l.countries {
		if p := b.placeOf(c.Capital); p != nil && p.Country == c.ISO2 && p.Kind == "city" {
			b.l.capitals[p] = c
		} else if p := b.pplc[c.ISO2]; p != nil {
			b.l.capitals[p] = c
		}
	}
}

// placeOf returns the region or city named s, or nil.
func (b *builder) placeOf(s string) *Place {
	if c := b.find(s); c != nil {
		return c.place
	}
	return nil
}

// orgDomain reads a row of org_domains.tsv: domain, organisation.
func (b *builder) orgDomain(f []string) error {
	d := f[0]
	if d == "" || d != strings.ToLower(d) || strings.HasPrefix(d, "www.") || !strings.Contains(d, ".") {
		return fmt.Errorf("bad domain %q", d)
	}
	o := b.l.orgs[f[1]]
	if o == nil {
		return fmt.Errorf("%s: no organisation %q", d, f[1])
	}
	if b.l.domains[d] != nil {
		return fmt.Errorf("duplicate domain %q", d)
	}
	b.l.domains[d] = o
	return nil
}

// theVariants returns s and, when s starts with "the ", the same with "The ".
func theVariants(s string) []string {
	if rest, ok := strings.CutPrefix(s, "the "); ok {
		return []string{s, "The " + rest}
	}
	return []string{s}
}

// plural returns the plural noun of a demonym used as a noun ("Russians",
// "Israelis"), or "" when it has none that adds -s ("British", "Chinese").
func plural(d string) string {
	for _, suf := range []string{"s", "sh", "ch", "ese", "x"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	if strings.ContainsAny(d, " .") {
		return ""
	}
	return d + "s"
}

// dedup returns xs without repeats, empty strings and the strings of drop.
func dedup(xs []string, drop ...string) []string {
	out := xs[:0:0]
	seen := make(map[string]bool, len(xs)+len(drop))
	for _, d := range drop {
		seen[d] = true
	}
	for _, x := range xs {
		if x == "" || seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	return out
}

// cand returns the candidate for surface form s, creating it. The pointer
// is valid until the next call.
func (b *builder) cand(s string) *candidate {
	first, rest, ok := split(s)
	if !ok {
		return &candidate{} // no tokens: nothing can match it
	}
	return b.exact.cand(first, rest)
}

// find returns the candidate for s, or nil.
func (b *builder) find(s string) *candidate {
	first, rest, ok := split(s)
	if !ok {
		return nil
	}
	if i, ok := b.exact.lookup(first, rest); ok {
		return &b.exact.cands[i]
	}
	return nil
}

// split tokenizes s into its first token and the rest.
func split(s string) (first string, rest []string, ok bool) {
	if simpleWord(s) {
		return s, nil, true
	}
	words := segmentWords(s)
	if len(words) == 0 {
		return "", nil, false
	}
	return words[0], words[1:], true
}

func (b *builder) finish() *Lexicon {
	l := b.l
	l.exact = b.exact.finish()
	return l
}

// lettersAndSpaces reports whether s is words of letters separated by
// spaces, which text.Segment splits at the spaces.
func lettersAndSpaces(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func simpleWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// segmentWords splits s into tokens the way text.Segment does, so that
// entries and article tokens agree ("U.S." is one token, "’s" another).
func segmentWords(s string) []string {
	if lettersAndSpaces(s) {
		return strings.Fields(s)
	}
	d := text.SegmentString(s)
	words := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		words[i] = d.Tok(i)
	}
	return words
}
