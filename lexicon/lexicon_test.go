package lexicon

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// lex loads the lexicon once for all tests of the package.
var lex = sync.OnceValues(Load)

func mustLoad(t testing.TB) *Lexicon {
	t.Helper()
	l, err := lex()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return l
}

// TestLoadSizes guards against a data file silently losing rows. Load's
// speed is measured by BenchmarkLoad, not here: a timing test would fail on a
// busy machine.
func TestLoadSizes(t *testing.T) {
	start := time.Now()
	l, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	st := l.Stats()
	t.Logf("Load took %v: %+v", time.Since(start), st)
	if st.Countries < 245 || st.Places < 25000 || st.Orgs < 1000 || st.Surfaces < 35000 {
		t.Errorf("Stats = %+v, want ≥ 245 countries, 25,000 places, 1,000 organisations, 35,000 surface forms", st)
	}
}

func TestCountryLookups(t *testing.T) {
	l := mustLoad(t)
	tests := []struct {
		by, in, want string
	}{
		{"name", "Russia", "RU"},
		{"name", "Russian Federation", "RU"},
		{"name", "United States", "US"},
		{"name", "US", "US"},
		{"name", "U.S.", "US"},
		{"name", "USA", "US"},
		{"name", "America", "US"},
		{"name", "the United States", "US"},
		{"name", "The Netherlands", "NL"},
		{"name", "Netherlands", "NL"},
		{"name", "UK", "GB"},
		{"name", "Britain", "GB"},
		{"name", "Great Britain", "GB"},
		{"name", "Turkey", "TR"},
		{"name", "Türkiye", "TR"},
		{"name", "South Korea", "KR"},
		{"name", "Iran", "IR"},
		{"name", "Syria", "SY"},
		{"name", "RUSSIA", "RU"},
		{"name", "us", ""},
		{"name", "Congo", "CD"},
		{"name", "Republic of Congo", "CG"},
		{"name", "Thai", ""},
		{"demonym", "Thai", "TH"},
		{"demonym", "Barbudan", "AG"},
		{"demonym", "Chechens", "RU"},
		{"demonym", "Texan", "US"},
		{"name", "Russian", ""},
		{"demonym", "Russian", "RU"},
		{"demonym", "Russians", "RU"},
		{"demonym", "American", "US"},
		{"demonym", "British", "GB"},
		{"demonym", "Saudi", "SA"},
		{"demonym", "Emirati", "AE"},
		{"demonym", "Ukrainian", "UA"},
		{"demonym", "Israelis", "IL"},
		{"demonym", "Chinese", "CN"},
		{"demonym", "Dominican", "DO"},
		{"demonym", "Congolese", "CD"},
		{"demonym", "RUSSIAN", "RU"},
		{"demonym", "Russia", ""},
		{"seat", "Kremlin", "RU"},
		{"seat", "the Kremlin", "RU"},
		{"seat", "White House", "US"},
		{"seat", "Downing Street", "GB"},
		{"seat", "Élysée", "FR"},
		{"seat", "Elysee", "FR"},
		{"seat", "Zhongnanhai", "CN"},
		{"seat", "Quai d'Orsay", "FR"},
		{"code", "RU", "RU"},
		{"code", "RUS", "RU"},
		{"code", "rus", "RU"},
		{"code", "ROM", "RO"},
		{"code", "ROU", "RO"},
		{"code", "XX", ""},
	}
	for _, tt := range tests {
		var c *Country
		switch tt.by {
		case "name":
			c = l.CountryByName(tt.in)
		case "demonym":
			c = l.CountryByDemonym(tt.in)
		case "seat":
			c = l.CountryBySeat(tt.in)
		case "code":
			c = l.CountryByCode(tt.in)
		}
		got := ""
		if c != nil {
			got = c.ISO2
		}
		if got != tt.want {
			t.Errorf("CountryBy%s(%q) = %q, want %q", tt.by, tt.in, got, tt.want)
		}
	}
}

func TestCountryFields(t *testing.T) {
	l := mustLoad(t)
	ru := l.CountryByCode("RU")
	if ru.Name != "Russia" || ru.ISO3 != "RUS" || ru.CAMEO != "RUS" || ru.Capital != "Moscow" {
		t.Errorf("Russia = %+v", ru)
	}
	if !contains(ru.Seats, "Kremlin") {
		t.Errorf("Russia seats = %v, want Kremlin", ru.Seats)
	}
	us := l.CountryByCode("US")
	if us.Capital != "Washington" || !contains(us.Demonyms, "American") || !contains(us.Aliases, "U.S.") {
		t.Errorf("United States = %+v", us)
	}
	for _, c := range l.Countries() {
		if len(c.ISO2) != 2 || len(c.ISO3) != 3 || c.Name == "" {
			t.Errorf("country %+v lacks codes or name", c)
		}
	}
	if n := len(l.Countries()); n < 240 {
		t.Errorf("%d countries, want ≥ 240", n)
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestPlaceLookups(t *testing.T) {
	l := mustLoad(t)
	tests := []struct {
		in, name, kind, country string
		lat, lon                float64 // checked to within a degree when non-zero
	}{
		{"Kyiv", "Kyiv", "city", "UA", 50.45, 30.52},
		{"Kiev", "Kyiv", "city", "UA", 50.45, 30.52},
		{"Moscow", "Moscow", "city", "RU", 55.75, 37.62},
		{"Riyadh", "Riyadh", "city", "SA", 24.69, 46.72},
		{"Bombay", "Mumbai", "city", "IN", 19.07, 72.88},
		{"Washington", "Washington", "city", "US", 38.9, -77.04},
		{"Washington, D.C.", "Washington", "city", "US", 38.9, -77.04},
		{"Geneva", "Geneva", "city", "CH", 46.2, 6.15},
		{"Genève", "Geneva", "city", "CH", 46.2, 6.15},
		{"Texas", "Texas", "region", "US", 31.5, -99.3},
		{"Tex.", "Texas", "region", "US", 31.5, -99.3},
		{"West Bank", "West Bank", "region", "PS", 31.9, 35.3},
		{"Donetsk", "Donetsk", "city", "UA", 48.0, 37.8},
		{"Donetsk region", "Donetsk region", "region", "UA", 48.0, 37.8},
		{"Georgia", "Georgia", "country", "GE", 0, 0},
		{"Sao Paulo", "São Paulo", "city", "BR", -23.5, -46.6},
		{"Kabul", "Kabul", "city", "AF", 34.5, 69.2},
		{"Kabul province", "Kabul", "region", "AF", 34.5, 69.2},
		{"Kerala", "Kerala", "region", "IN", 10.4, 76.5},
		{"Sichuan", "Sichuan", "region", "CN", 0, 0},
		{"Paris", "Paris", "city", "FR", 48.85, 2.35},
		{"Russia", "Russia", "country", "RU", 0, 0},
		{"Saudi Arabia", "Saudi Arabia", "country", "SA", 0, 0},
		{"Crimea", "Crimea", "region", "UA", 45.3, 34.4},
	}
	for _, tt := range tests {
		p := l.Place(tt.in)
		if p == nil {
			t.Errorf("Place(%q) = nil", tt.in)
			continue
		}
		if p.Name != tt.name || p.Kind != tt.kind || p.Country != tt.country {
			t.Errorf("Place(%q) = %+v, want %s %s %s", tt.in, p, tt.name, tt.kind, tt.country)
		}
		if tt.lat != 0 && (abs(p.Lat-tt.lat) > 1 || abs(p.Lon-tt.lon) > 1) {
			t.Errorf("Place(%q) at %v,%v, want %v,%v", tt.in, p.Lat, p.Lon, tt.lat, tt.lon)
		}
	}
	if p := l.Place("Nowhereville Qq"); p != nil {
		t.Errorf("Place(nonsense) = %+v", p)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Every organisation's CAMEO code is a sequence of three-letter codes led by
// a country's CAMEO code or an international actor type, and agrees with the
// organisation's country.
func TestOrgCAMEOCodes(t *testing.T) {
	l := mustLoad(t)
	intl := map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "NGM": true}
	for _, o := range l.Orgs() {
		if o.CAMEO == "" {
			continue
		}
		if len(o.CAMEO)%3 != 0 || !isUpperASCII(o.CAMEO) {
			t.Errorf("%s: CAMEO %q is not three-letter codes", o.Name, o.CAMEO)
			continue
		}
		lead := o.CAMEO[:3]
		c := l.CountryByCode(lead)
		if !intl[lead] && c == nil {
			t.Errorf("%s: CAMEO %q starts with no country or international code", o.Name, o.CAMEO)
		}
		if c != nil && o.Country != "" && c.ISO2 != o.Country && c.CAMEO == lead {
			// exiled outlets (Meduza in Latvia) may code the country they report on
			if o.Kind != Media {
				t.Errorf("%s: country %s but CAMEO %q", o.Name, o.Country, o.CAMEO)
			}
		}
	}
}

func TestCapitalOf(t *testing.T) {
	l := mustLoad(t)
	for in, want := range map[string]string{"Moscow": "RU", "Washington": "US", "Riyadh": "SA", "Kyiv": "UA",
		"London": "GB", "Beijing": "CN", "Astana": "KZ", "Naypyidaw": "MM", "Manchester": "", "Russia": ""} {
		got := ""
		if c := l.CapitalOf(l.Place(in)); c != nil {
			got = c.ISO2
		}
		if got != want {
			t.Errorf("CapitalOf(Place(%q)) = %q, want %q", in, got, want)
		}
	}
	if c := l.CapitalOf(nil); c != nil {
		t.Errorf("CapitalOf(nil) = %v", c)
	}
}

func TestOrgLookups(t *testing.T) {
	l := mustLoad(t)
	tests := []struct {
		in, name, kind, country, cameo string
		ambiguous                      bool
	}{
		{"AP", "AP", Media, "US", "USAMED", true},
		{"Associated Press", "AP", Media, "US", "USAMED", false},
		{"Reuters", "Reuters", Media, "GB", "GBRMED", false},
		{"Agence France-Presse", "AFP", Media, "FR", "FRAMED", false},
		{"TASS", "TASS", Media, "RU", "RUSMED", false},
		{"New York Times", "New York Times", Media, "US", "USAMED", false},
		{"X", "X", Platform, "US", "", true},
		{"Telegram", "Telegram", Platform, "AE", "", false},
		{"State Department", "State Department", Government, "US", "USAGOV", false},
		{"Kremlin", "Kremlin", Government, "RU", "RUSGOV", false},
		{"UN", "United Nations", IGO, "", "IGOUNO", false},
		{"U.N.", "United Nations", IGO, "", "IGOUNO", false},
		{"NATO", "NATO", IGO, "", "IGOWSTNAT", false},
		{"IDF", "Israel Defense Forces", Military, "IL", "ISRMIL", false},
		{"Hamas", "Hamas", Military, "PS", "PSEREB", false},
		{"Amnesty International", "Amnesty International", NGO, "", "NGOHRIAMN", false},
		{"GOP", "Republican Party", Party, "US", "USAPTY", false},
		{"Post", "", "", "", "", false},
	}
	for _, tt := range tests {
		o := l.Org(tt.in)
		if o == nil {
			if tt.name != "" {
				t.Errorf("Org(%q) = nil", tt.in)
			}
			continue
		}
		if o.Name != tt.name || o.Kind != tt.kind || o.Country != tt.country || o.CAMEO != tt.cameo || o.IsAmbiguous(tt.in) != tt.ambiguous {
			t.Errorf("Org(%q) = %+v (ambiguous %v), want %s %s %s %s %v", tt.in, o, o.IsAmbiguous(tt.in),
				tt.name, tt.kind, tt.country, tt.cameo, tt.ambiguous)
		}
	}
}

func TestOrgByHost(t *testing.T) {
	l := mustLoad(t)
	for host, want := range map[string]string{
		"www.reuters.com":             "Reuters",
		"edition.cnn.com":             "CNN",
		"hosted.ap.org":               "AP",
		"apnews.com":                  "AP",
		"WWW.NYTIMES.COM":             "New York Times",
		"www.bbc.co.uk:443":           "BBC",
		"news.bbc.co.uk.":             "BBC",
		"timesofindia.indiatimes.com": "Times of India",
		"x.com":                       "X",
		"t.me":                        "Telegram",
		"example.com":                 "",
		"com":                         "",
		"":                            "",
	} {
		got := ""
		if o := l.OrgByHost(host); o != nil {
			got = o.Name
		}
		if got != want {
			t.Errorf("OrgByHost(%q) = %q, want %q", host, got, want)
		}
	}
}

// words segments s as the extractor does.
func words(s string) []string {
	d := text.SegmentString(s)
	w := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		w[i] = d.Tok(i)
	}
	return w
}

func TestMatchAt(t *testing.T) {
	l := mustLoad(t)
	tests := []struct {
		in    string
		words int
		want  string // what matched: country/demonym/seat/place/org and its key
	}{
		{"Saudi Arabia’s capital", 2, "country SA"},
		{"Saudi Arabia 's capital", 2, "country SA"},
		{"Saudi officials said", 1, "demonym SA"},
		{"U.S. officials", 1, "country US"},
		{"United States and Russia", 2, "country US"},
		{"Russian Foreign Ministry said", 3, "org Russian Foreign Ministry"},
		{"Russian troops", 1, "demonym RU"},
		{"New York Times reported", 3, "org New York Times"},
		{"New York City", 3, "place New York City"},
		{"State Department spokesperson", 2, "org State Department"},
		{"United Nations Security Council", 4, "org UN Security Council"},
		{"Kremlin aide", 1, "seat RU"},
		{"Kyiv said", 1, "place Kyiv"},
		{"Kiev said", 1, "place Kyiv"},
		{"Reuters reported", 1, "org Reuters"},
		{"Quai d'Orsay", 2, "seat FR"}, // "d'Orsay" is one token
		{"Zabul province", 2, "place Zabul"},
		{"the Gaza Strip", 3, "place Gaza Strip"},
		{"Gaza Strip", 2, "place Gaza Strip"},
		{"Gaza City", 2, "place Gaza"},
		{"South China Sea", 3, "place South China Sea"},
		{"W.Va.", 4, "place West Virginia"}, // text.Segment: W . Va .
		{"The Hague said", 2, "place The Hague"},
		{"The Associated Press", 3, "org AP"},
		{"The president", 0, ""},
		{"North Korea fired", 2, "country KP"},
		{"North Macedonia", 2, "country MK"},
		{"San Francisco Chronicle", 3, "org San Francisco Chronicle"},
		{"San Francisco", 2, "place San Francisco"},
		{"Al Jazeera reported", 2, "org Al Jazeera"},
		{"HANOI , Vietnam ( AP )", 1, "place Hanoi"},
		{"WASHINGTON ( AP )", 1, "place Washington"},
		{"NEW YORK ( AP )", 2, "place New York City"},
		{"UNITED NATIONS ( AP )", 2, "org United Nations"},
		{"RUSSIAN FOREIGN MINISTRY", 3, "org Russian Foreign Ministry"},
		{"KREMLIN", 1, "seat RU"},
		{"RUSSIA", 1, "country RU"},
		{"MOST", 0, ""},
		{"Americans", 1, "demonym US"},
		{"Indians", 1, "demonym IN"},
		{"Liberation", 1, "org Libération"}, // Match.Ambiguous: see TestMatchAtSetsEveryTable
		{"Zzyzx Qqq", 0, ""},
	}
	for _, tt := range tests {
		w := strings.Fields(tt.in)
		if !strings.Contains(tt.in, " ( ") {
			w = words(tt.in)
		}
		m, ok := l.MatchAt(w)
		got := ""
		switch {
		case !ok:
		case m.Org != nil && strings.HasPrefix(tt.want, "org"):
			got = "org " + m.Org.Name
		case m.Seat != nil && strings.HasPrefix(tt.want, "seat"):
			got = "seat " + m.Seat.ISO2
		case m.Country != nil:
			got = "country " + m.Country.ISO2
		case m.Demonym != nil:
			got = "demonym " + m.Demonym.ISO2
		case m.Place != nil:
			got = "place " + m.Place.Name
		case m.Org != nil:
			got = "org " + m.Org.Name
		}
		if got != tt.want || (ok && m.Words != tt.words) {
			t.Errorf("MatchAt(%q) = %q over %d words (%+v), want %q over %d", tt.in, got, m.Words, m, tt.want, tt.words)
		}
	}
}

// Places whose names are also words or people's names are found by Place
// but not offered by MatchAt, which runs at every capitalised token.
func TestMatchAtWithholdsCommonWordPlaces(t *testing.T) {
	l := mustLoad(t)
	for _, s := range []string{"Howard", "David", "Most", "Police", "Of", "March", "Since", "Best", "Union", "Nokia", "Van", "Hamilton"} {
		if l.Place(s) == nil {
			t.Errorf("Place(%q) = nil, want the gazetteer's place", s)
		}
		if m, ok := l.MatchAt([]string{s, "said"}); ok && m.Place != nil {
			t.Errorf("MatchAt(%q) offers place %+v", s, m.Place)
		}
	}
	for _, s := range []string{"London", "Moscow", "Riyadh", "Washington", "Newcastle", "Valencia", "Bucha", "Bern"} {
		if m, ok := l.MatchAt([]string{s, "said"}); !ok || m.Place == nil {
			t.Errorf("MatchAt(%q) = %+v, want a place", s, m)
		}
	}
	if p := l.Place("Valencia"); p == nil || p.Country != "ES" {
		t.Errorf("Place(Valencia) = %+v, want Spain's", p)
	}
}

func TestMatchAtSetsEveryTable(t *testing.T) {
	l := mustLoad(t)
	m, ok := l.MatchAt([]string{"Kremlin"})
	if !ok || m.Seat == nil || m.Org == nil {
		t.Errorf("Kremlin: %+v, want seat and org", m)
	}
	m, ok = l.MatchAt([]string{"X"})
	if !ok || m.Org == nil || !m.Ambiguous {
		t.Errorf("X: %+v, want an ambiguous org", m)
	}
	m, ok = l.MatchAt([]string{"Liberation"})
	if !ok || m.Org == nil || !m.Ambiguous {
		t.Errorf("Liberation: %+v, want an ambiguous org", m)
	}
	m, ok = l.MatchAt([]string{"Associated", "Press"})
	if !ok || m.Org == nil || m.Ambiguous {
		t.Errorf("Associated Press: %+v, want an unambiguous org", m)
	}
}

func TestEntriesTokenizeAsTextSegment(t *testing.T) {
	l := mustLoad(t)
	for _, c := range l.exact.cands {
		s := c.first
		if len(c.rest) > 0 {
			s += " " + strings.Join(c.rest, " ")
		}
		if !lettersAndSpaces(s) {
			continue // segmented by text.Segment itself
		}
		w := words(s)
		if len(w) != c.m.Words || w[0] != c.first {
			t.Errorf("%q: entry has %d tokens, text.Segment gives %q", s, c.m.Words, w)
		}
	}
}

func TestMatchHyphenated(t *testing.T) {
	l := mustLoad(t)
	tests := []struct{ in, want string }{
		{"Saudi-led", "demonym SA"},
		{"Russian-backed", "demonym RU"},
		{"pro-Russian", "demonym RU"},
		{"anti-American", "demonym US"},
		{"Kremlin-backed", "seat RU"},
		{"Kyiv-based", "place Kyiv"},
		{"Al-Qaeda-linked", "org al-Qaeda"},
		{"Hamas-run", "org Hamas"},
		{"Iran-backed", "country IR"},
		{"Al-Qaeda", ""},
		{"well-known", ""},
		{"pro-", ""},
		{"-led", ""},
	}
	for _, tt := range tests {
		m, ok := l.MatchHyphenated(tt.in)
		got := ""
		switch {
		case !ok:
		case m.Seat != nil:
			got = "seat " + m.Seat.ISO2
		case m.Org != nil:
			got = "org " + m.Org.Name
		case m.Country != nil:
			got = "country " + m.Country.ISO2
		case m.Demonym != nil:
			got = "demonym " + m.Demonym.ISO2
		case m.Place != nil:
			got = "place " + m.Place.Name
		}
		if got != tt.want || (ok && m.Words != 1) {
			t.Errorf("MatchHyphenated(%q) = %q (%+v), want %q", tt.in, got, m, tt.want)
		}
	}
}

// TestConcurrentUse shares one Lexicon between goroutines: every lookup
// must answer what it answers alone (checked with or without -race), and
// under the race detector (.ci/run runs this package with -race) no lookup
// may write to the shared tables.
func TestConcurrentUse(t *testing.T) {
	l := mustLoad(t)
	w := words("NEW YORK (AP) — The Russian Foreign Ministry said Kyiv and Saudi-led forces met in Riyadh.")
	answers := func() string {
		var b strings.Builder
		for i := range w {
			m, ok := l.MatchAt(w[i:])
			b.WriteString(describeMatch(m, ok))
			m, ok = l.MatchHyphenated(w[i])
			b.WriteString(describeMatch(m, ok))
		}
		if p := l.Place("New York City"); p != nil {
			b.WriteString(p.Name + "|")
		}
		if c := l.CapitalOf(l.Place("Moscow")); c != nil {
			b.WriteString(c.Name + "|")
		}
		if c := l.CountryByName("RUSSIA"); c != nil {
			b.WriteString(c.Name + "|")
		}
		if o := l.Org("AP"); o != nil {
			b.WriteString(o.Name)
		}
		return b.String()
	}
	want := answers()
	if !strings.Contains(want, "Riyadh") {
		t.Fatalf("the lookups found nothing to compare: %s", want)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if got := answers(); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent lookups answered\n%s\nalone they answer\n%s", got, want)
	}
}

// describeMatch names what a match found, for comparing answers.
func describeMatch(m Match, ok bool) string {
	s := fmt.Sprintf("%v %d", ok, m.Words)
	for _, c := range []*Country{m.Country, m.Demonym, m.Seat} {
		if c != nil {
			s += " " + c.Name
		}
	}
	if m.Place != nil {
		s += " " + m.Place.Name
	}
	if m.Org != nil {
		s += " " + m.Org.Name
	}
	return s + "|"
}

func TestMatchAtDoesNotAllocate(t *testing.T) {
	l := mustLoad(t)
	w := words("United Nations Security Council members met")
	if n := testing.AllocsPerRun(100, func() { l.MatchAt(w) }); n != 0 {
		t.Errorf("MatchAt allocates %v times per call", n)
	}
	for _, caps := range [][]string{{"HANOI", ","}, {"NEW", "YORK", "("}, {"UNITED", "NATIONS"}, {"THE", "END"}} {
		if n := testing.AllocsPerRun(100, func() { l.MatchAt(caps) }); n != 0 {
			t.Errorf("MatchAt(%q) allocates %v times per call", caps, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { l.MatchHyphenated("Al-Qaeda-linked") }); n != 0 {
		t.Errorf("MatchHyphenated allocates %v times per call", n)
	}
}

// BenchmarkMatchAtBigGroup measures first words that begin many entries
// ("The", "North", "San"), which MatchAt indexes by their second word.
func BenchmarkMatchAtBigGroup(b *testing.B) {
	l := mustLoad(b)
	seqs := [][]string{{"The", "president", "said"}, {"North", "Korea", "said"}, {"San", "Francisco"}, {"The", "Hague"}}
	for b.Loop() {
		for _, s := range seqs {
			l.MatchAt(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(seqs)), "ns/match")
}

// BenchmarkMatchAtNews calls MatchAt at every capitalised token of the news
// corpus in ../shared/data/news (skipped when absent), as the recogniser
// does, and reports the throughput in bytes of text.
func BenchmarkMatchAtNews(b *testing.B) {
	l := mustLoad(b)
	f, err := os.Open(filepath.Join(sharedDir(b), "data", "news", "news.jsonl"))
	if err != nil {
		b.Skipf("news corpus not available: %v", err)
	}
	defer f.Close()
	type doc struct {
		words []string
		caps  []int
	}
	var docs []doc
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		size += len(d.Text)
		sd := text.SegmentString(d.Text)
		x := doc{words: make([]string, len(sd.Tokens))}
		for i := range sd.Tokens {
			x.words[i] = sd.Tok(i)
			if sd.Tokens[i].Is(parley.Cap) {
				x.caps = append(x.caps, i)
			}
		}
		docs = append(docs, x)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			for _, i := range d.caps {
				l.MatchAt(d.words[i:])
			}
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatchAt(b *testing.B) {
	l := mustLoad(b)
	// Capitalised tokens as an extractor meets them: names, sentence starts,
	// misses.
	d := text.SegmentString("The Russian Foreign Ministry said on Tuesday that U.S. Secretary of State Marco Rubio " +
		"met Sergei Lavrov in Riyadh, Saudi Arabia’s capital, as the New York Times and Reuters reported. " +
		"NATO and the United Nations Security Council were told by the Kremlin and the White House in Washington.")
	var seqs [][]string
	all := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		all[i] = d.Tok(i)
	}
	for i := range d.Tokens {
		if d.Tokens[i].Is(parley.Cap) {
			seqs = append(seqs, all[i:])
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range seqs {
			l.MatchAt(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(seqs)), "ns/match")
}

// TestPronounsAndCopulas guards the coreference table: what a pronoun says
// of its referent, and the copulas.
func TestPronounsAndCopulas(t *testing.T) {
	r, err := LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		w    string
		want Pronoun
	}{
		{"his", Pronoun{Gender: Male, Cases: Possessive}},
		{"her", Pronoun{Gender: Female, Cases: Object | Possessive}},
		{"its", Pronoun{Neuter: true, Cases: Possessive}},
		{"they", Pronoun{Plural: true, Cases: Subject}},
	}
	for _, tc := range tests {
		if got, ok := r.Pronoun(tc.w); !ok || got != tc.want {
			t.Errorf("Pronoun(%q) = %+v, %v; want %+v", tc.w, got, ok, tc.want)
		}
	}
	if _, ok := r.Pronoun("we"); ok {
		t.Error(`"we" is not a third-person pronoun`)
	}
	if !r.IsCopula("became") || r.IsCopula("said") {
		t.Error("copulas: want became, not said")
	}
}
