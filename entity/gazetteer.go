package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// LexiconGazetteer adapts the embedded lexicon to the Gazetteer the
// recogniser needs.
type LexiconGazetteer struct {
	Lex *lexicon.Lexicon
}

// Known implements Gazetteer. Organisations win over places ("Hamas",
// "Kremlin"), countries over cities ("Georgia"), and a seat of government
// stands for its government.
func (g LexiconGazetteer) Known(words []string) (Known, bool) {
	m, ok := g.Lex.MatchAt(words)
	if !ok || m.Words == 0 {
		return Known{}, false
	}
	k := Known{Words: m.Words, Ambiguous: m.Ambiguous}
	countryName := func(iso2 string) string {
		if c := g.Lex.CountryByCode(iso2); c != nil {
			return c.Name
		}
		return ""
	}
	switch {
	case m.Org != nil:
		k.Type, k.Kind, k.Name, k.Country = parley.Organization, m.Org.Kind, m.Org.Name, m.Org.Country
		k.CountryName = countryName(m.Org.Country)
	case m.Country != nil:
		k.Type, k.Kind, k.Name, k.Country, k.CountryName = parley.Place, "country", m.Country.Name, m.Country.ISO2, m.Country.Name
	case m.Seat != nil:
		k.Type, k.Kind, k.Country, k.CountryName = parley.Organization, string(parley.Government), m.Seat.ISO2, m.Seat.Name
		k.Name = joinWords(words[:m.Words])
	case m.Demonym != nil:
		k.Type, k.Kind, k.Name, k.Country, k.CountryName, k.Demonym = parley.Place, "country", m.Demonym.Name, m.Demonym.ISO2, m.Demonym.Name, true
	case m.Place != nil:
		k.Type, k.Kind, k.Name, k.Country, k.Population = parley.Place, m.Place.Kind, m.Place.Name, m.Place.Country, m.Place.Population
		k.CountryName = countryName(m.Place.Country)
	default:
		return Known{}, false
	}
	return k, true
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}
