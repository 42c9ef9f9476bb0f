package lexicon_test

import (
	"fmt"

	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/text"
)

func ExampleLexicon_MatchAt() {
	lex, err := lexicon.Load()
	if err != nil {
		panic(err)
	}
	d := text.SegmentString("Saudi Arabia’s capital hosted the Russian Foreign Ministry, Reuters reported.")
	words := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		words[i] = d.Tok(i)
	}
	for i := 0; i < len(words); i++ {
		m, ok := lex.MatchAt(words[i:])
		if !ok {
			continue
		}
		switch {
		case m.Org != nil:
			fmt.Printf("%q: %s %s (%s)\n", words[i:i+m.Words], m.Org.Kind, m.Org.Name, m.Org.CAMEO)
		case m.Country != nil:
			fmt.Printf("%q: country %s\n", words[i:i+m.Words], m.Country.ISO3)
		case m.Demonym != nil:
			fmt.Printf("%q: demonym of %s\n", words[i:i+m.Words], m.Demonym.Name)
		}
		i += m.Words - 1
	}
	// Output:
	// ["Saudi" "Arabia"]: country SAU
	// ["Russian" "Foreign" "Ministry"]: GOVERNMENT Russian Foreign Ministry (RUSGOV)
	// ["Reuters"]: MEDIA Reuters (GBRMED)
}

func ExampleLexicon_Place() {
	lex, err := lexicon.Load()
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"Kiev", "Washington", "Zabul province", "Georgia"} {
		p := lex.Place(name)
		fmt.Printf("%s → %s (%s, %s) %.1f,%.1f\n", name, p.Name, p.Kind, p.Country, p.Lat, p.Lon)
	}
	// Output:
	// Kiev → Kyiv (city, UA) 50.5,30.5
	// Washington → Washington (city, US) 38.9,-77.0
	// Zabul province → Zabul (region, AF) 32.2,67.2
	// Georgia → Georgia (country, GE) 42.0,43.5
}
