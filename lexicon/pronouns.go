package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/coref.tsv
var corefTSV string

// PronounCase is a bit set of the grammatical cases a pronoun form has.
type PronounCase uint8

const (
	Subject    PronounCase = 1 << iota // "he", "they"
	Object                             // "him", "them"
	Possessive                         // "his", "their"
	Reflexive                          // "himself"
)

// Pronoun is what a third-person pronoun says of what it refers to.
type Pronoun struct {
	Gender Gender // Male, Female, or UnknownGender for "they" and "it"
	Neuter bool   // "it", "its": a thing or an organisation, not a person
	Plural bool   // "they", "them", "their"
	Cases  PronounCase
}

// loadCoref parses the embedded coreference table into r.
func (r *Roles) loadCoref() error {
	r.pronouns = map[string]Pronoun{}
	r.copulas = map[string]bool{}
	r.copulaAdverbs = map[string]bool{}
	r.personNouns = map[string]Gender{}
	r.acting = map[string]bool{}
	r.compare = map[string]bool{}
	for n, line := range strings.Split(corefTSV, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "word\t") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case len(f) == 2 && f[1] == "copula":
			r.copulas[f[0]] = true
		case len(f) == 2 && f[1] == "adverb":
			r.copulaAdverbs[f[0]] = true
		case len(f) == 2 && f[1] == "acting":
			r.acting[f[0]] = true
		case len(f) == 2 && f[1] == "compare":
			r.compare[f[0]] = true
		case len(f) == 3 && f[1] == "person":
			g, err := parseGender(f[2])
			if err != nil {
				return fmt.Errorf("coref.tsv:%d: %w", n+1, err)
			}
			r.personNouns[f[0]] = g
		case len(f) == 5 && f[1] == "pronoun":
			p, err := parsePronoun(f[2], f[3], f[4])
			if err != nil {
				return fmt.Errorf("coref.tsv:%d: %w", n+1, err)
			}
			r.pronouns[f[0]] = p
		default:
			return fmt.Errorf("coref.tsv:%d: want a pronoun row of 5 columns, a person row of 3, a copula, adverb, acting or compare row of 2, got %q", n+1, line)
		}
	}
	return nil
}

func parseGender(g string) (Gender, error) {
	switch g {
	case "m":
		return Male, nil
	case "f":
		return Female, nil
	case "":
		return UnknownGender, nil
	}
	return UnknownGender, fmt.Errorf("gender %q, want m, f or empty", g)
}

func parsePronoun(gender, number, cases string) (Pronoun, error) {
	var p Pronoun
	switch gender {
	case "m":
		p.Gender = Male
	case "f":
		p.Gender = Female
	case "n":
		p.Neuter = true
	case "":
	default:
		return p, fmt.Errorf("gender %q, want m, f, n or empty", gender)
	}
	switch number {
	case "sg":
	case "pl":
		p.Plural = true
	default:
		return p, fmt.Errorf("number %q, want sg or pl", number)
	}
	for _, c := range strings.Split(cases, "|") {
		switch c {
		case "subj":
			p.Cases |= Subject
		case "obj":
			p.Cases |= Object
		case "poss":
			p.Cases |= Possessive
		case "refl":
			p.Cases |= Reflexive
		default:
			return p, fmt.Errorf("case %q, want subj, obj, poss or refl", c)
		}
	}
	return p, nil
}

// Pronoun returns what the lower-case third-person pronoun w says of its
// referent, and whether w is one.
func (r *Roles) Pronoun(w string) (Pronoun, bool) {
	p, ok := r.pronouns[w]
	return p, ok
}

// IsCopula reports whether the lower-case word is a form of a verb that
// equates its subject with its complement ("was", "became").
func (r *Roles) IsCopula(w string) bool { return r.copulas[w] }

// IsCopulaAdverb reports whether the lower-case word may stand between a
// copula and its complement ("was also the first").
func (r *Roles) IsCopulaAdverb(w string) bool { return r.copulaAdverbs[w] }

// PersonNoun reports whether the lower-case word is a common noun for a
// person that names no role ("man", "girl"), and the gender it says.
func (r *Roles) PersonNoun(w string) (Gender, bool) {
	g, ok := r.personNouns[w]
	return g, ok
}

// IsActing reports whether the lower-case word is one of acting ("starring",
// "played"): "as the …" after it is the part played, not the player.
func (r *Roles) IsActing(w string) bool { return r.acting[w] }

// IsComparison reports whether the lower-case word makes a later "as" one
// of comparison ("the same … as").
func (r *Roles) IsComparison(w string) bool { return r.compare[w] }
