package ner

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/name_words.tsv
var nameWordsTSV string

//go:embed data/evidence_words.tsv
var evidenceWordsTSV string

// evidenceWords are the context words of the document evidence
// (data/evidence_words.tsv).
type evidenceWords struct {
	placePreps map[string]bool
}

func loadEvidenceWords() (*evidenceWords, error) {
	ev := &evidenceWords{placePreps: map[string]bool{}}
	err := eachTSV("evidence_words.tsv", evidenceWordsTSV, 2, func(f []string) error {
		if f[1] != "place_preposition" {
			return fmt.Errorf("kind %q, want place_preposition", f[1])
		}
		ev.placePreps[f[0]] = true
		return nil
	})
	return ev, err
}

// NameRule tells a proper name from a description or a pronoun in a gold
// annotation: re3d's Person spans include "he" and "a spokesman", GUM's
// mentions "the Bernoulli family". A name starts and ends with a capitalised
// word and has inside only capitalised words, numbers and connectors ("of",
// "al", "-"); a leading determiner ("the") is not part of it, nor, for a
// person, the titles and role words before the name ("Mr", "Lt Gen",
// "Defense Secretary": the lexicon's roles table).
type NameRule struct {
	roles       *lexicon.Roles
	connectors  map[string]connector
	determiners map[string]bool
	pronouns    map[string]bool
}

// connector says in which names a lower-case word may stand.
type connector uint8

const (
	anyName connector = 1 + iota // "al", "van", "-"
	orgName                      // "of", "and": not in a person's name
)

// NewNameRule loads the connector words (data/name_words.tsv).
func NewNameRule(roles *lexicon.Roles) (*NameRule, error) {
	r := &NameRule{roles: roles, connectors: map[string]connector{}, determiners: map[string]bool{}, pronouns: map[string]bool{}}
	err := eachTSV("name_words.tsv", nameWordsTSV, 2, func(f []string) error {
		switch f[1] {
		case "connector":
			r.connectors[f[0]] = anyName
		case "orgconnector":
			r.connectors[f[0]] = orgName
		case "determiner":
			r.determiners[f[0]] = true
		case "pronoun":
			r.pronouns[f[0]] = true
		default:
			return fmt.Errorf("kind %q, want connector, orgconnector, determiner or pronoun", f[1])
		}
		return nil
	})
	return r, err
}

// eachTSV calls row for each data row of an embedded table (comments and
// the header skipped), naming file and line in errors.
func eachTSV(file, data string, cols int, row func([]string) error) error {
	header := true
	for n, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < cols {
			return fmt.Errorf("%s:%d: want %d columns, got %d", file, n+1, cols, len(f))
		}
		if err := row(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n+1, err)
		}
	}
	return nil
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func numeric(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= '0' && r <= '9'
}

// roleWord reports whether w is a title or role word ("Mr", "Gen",
// "President", "minister", "deputy").
func (r *NameRule) roleWord(w string) bool {
	return r.roles.Lookup(strings.ToLower(strings.TrimSuffix(w, "."))).Kind&(lexicon.RoleNoun|lexicon.Title|lexicon.RoleMod) != 0
}

// describedPlace reports a person described by the place or body they
// serve, whose capitalised words from i on are no name of theirs: "the
// Minister for Central Asia", "Special Representative for Syria", "Chief of
// Staff".
func (r *NameRule) describedPlace(words []string, i int) bool {
	j := i - 1
	if j > 0 && r.determiners[words[j]] {
		j--
	}
	if j < 1 || !r.roleWord(words[j-1]) && (j < 2 || !r.roleWord(words[j-2])) {
		return false
	}
	switch words[j] {
	case "for", "to":
		return true
	case "of":
		return len(words)-i == 1
	}
	return false
}

// Name returns the name inside span s of words, or false when the span
// holds none (see NameRule).
func (r *NameRule) Name(words []string, s Span) (Span, bool) {
	if s.Start < 0 || s.End > len(words) || s.Start >= s.End {
		return Span{}, false
	}
	a, b := s.Start, s.End
	for a < b && r.determiners[words[a]] {
		a++
	}
	if b-a == 1 && r.pronouns[strings.ToLower(words[a])] {
		return Span{}, false // "He", "I": capitalised, and no name
	}
	inside := func(w string) bool { return r.connectors[w] == anyName }
	if s.Type != Person {
		inside = func(w string) bool { return r.connectors[w] != 0 }
	}
	if s.Type == Person {
		// the trailing run of capitalised words that are not role words
		if b <= a || !capitalised(words[b-1]) || r.roleWord(words[b-1]) {
			return Span{}, false
		}
		i := b - 1
		for i > a && (capitalised(words[i-1]) && !r.roleWord(words[i-1]) || inside(words[i-1])) {
			i--
		}
		if r.describedPlace(words[a:b], i-a) {
			return Span{}, false
		}
		a = i
	}
	for a < b && r.connectors[words[a]] != 0 {
		a++
	}
	if a >= b || !capitalised(words[a]) {
		return Span{}, false
	}
	if last := words[b-1]; !capitalised(last) && !numeric(last) {
		return Span{}, false
	}
	for _, w := range words[a:b] {
		if !capitalised(w) && !numeric(w) && !inside(w) {
			return Span{}, false
		}
	}
	return Span{Start: a, End: b, Type: s.Type}, true
}
