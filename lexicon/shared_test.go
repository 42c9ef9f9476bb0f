package lexicon

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir locates the project's shared evaluation data: $PARLEY_SHARED or
// ../shared beside the module root.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("PARLEY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data not available (%v): set PARLEY_SHARED", err)
	}
	return dir
}

// TestActorTextsResolveToGoldCountry resolves the actor phrases of the event
// gold ("Japanese Prime Minister Ryutaro Hashimoto", "Montenegro's prime
// minister") with MatchAt at each token, the first entry that names a
// country deciding, and compares the country with the gold actor code's
// first three letters (GDELT CAMEO or ISO3). It guards the lexicon's
// coverage of what event coding needs; the gold is read, never copied.
func TestActorTextsResolveToGoldCountry(t *testing.T) {
	l := mustLoad(t)
	f, err := os.Open(filepath.Join(sharedDir(t), "data", "events", "dev.jsonl"))
	if err != nil {
		t.Skipf("events gold not available: %v", err)
	}
	defer f.Close()
	n, hit := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var raw struct {
			Events []map[string]any `json:"events"`
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		for _, e := range raw.Events {
			for _, side := range [][2]string{{"source_actor", "source_text"}, {"target_actor", "target_text"}} {
				code, _ := e[side[0]].(string)
				phrase, _ := e[side[1]].(string)
				if len(code) < 3 || phrase == "" || code[:3] == "IGO" || code[:3] == "NGO" || code[:3] == "IMG" {
					continue
				}
				n++
				if c := l.phraseCountry(words(phrase)); c != nil && (c.CAMEO == code[:3] || c.ISO3 == code[:3]) {
					hit++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rate := float64(hit) / float64(max(n, 1))
	t.Logf("%d of %d country actor phrases resolve to the gold country (%.3f)", hit, n, rate)
	if n < 100 || rate < 0.78 {
		t.Errorf("%d of %d (%.3f) actor phrases resolve to the gold country, want ≥ 0.78", hit, n, rate)
	}
}

// phraseCountry returns the country that the first entry of words naming one
// stands for: a country, demonym, seat, organisation or place.
func (l *Lexicon) phraseCountry(w []string) *Country {
	for i := range w {
		m, ok := l.MatchAt(w[i:])
		if !ok {
			if m, ok = l.MatchHyphenated(w[i]); !ok {
				continue
			}
		}
		switch {
		case m.Country != nil:
			return m.Country
		case m.Demonym != nil:
			return m.Demonym
		case m.Seat != nil:
			return m.Seat
		case m.Org != nil && m.Org.Country != "":
			return l.CountryByCode(m.Org.Country)
		case m.Place != nil && m.Place.Country != "":
			return l.CountryByCode(m.Place.Country)
		}
	}
	return nil
}
