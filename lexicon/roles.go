package lexicon

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

//go:embed data/roles.tsv
var rolesTSV string

// WordKind is a bit set of what a word can be inside a role phrase.
type WordKind uint16

const (
	RoleNoun   WordKind = 1 << iota // "minister", "spokesperson"
	Title                           // "Mr", "Sen", "Gen"
	RoleMod                         // "senior", "foreign"
	Body                            // "delegation", "ministry"
	SourceNoun                      // "officials", "sources"
	OrgWord                         // "Ministry", "Party" at the end of a name
	Thing                           // "Championships", "Street": a name ending in it is not a person
	OrgNoun                         // "company", "giant": a lower-case noun that describes an organisation named after it
	GovBody                         // "government", "police": after a country's name or adjective, its civil institution
	MilBody                         // "army", "navy": after a country's name or adjective, its armed force
	Street                          // "Street", "Ave": ends a street name; a Thing too
	Abbrev                          // "St", "Corp": an abbreviation whose period belongs to the name
	Ordinal                         // "eighth": a spelled-out ordinal, as in street names
	Document                        // "statement", "report": a written source that speaks for whoever issued it
	NameSuffix                      // "Jr", "MP", "OBE": follows a surname and is no part of it
)

// Gender of a word, where the word says it ("spokeswoman", "Mrs"): the
// domain's gender.
type Gender = parley.Gender

// The genders, as the domain names them.
const (
	UnknownGender = parley.UnknownGender
	Male          = parley.Male
	Female        = parley.Female
)

// RoleWord is what the roles table says about one word.
type RoleWord struct {
	Kind   WordKind
	Gender Gender
}

// Roles is the lexicon of title, role and source words. Multiword roles
// ("prime minister") are keyed by their words joined with one space.
type Roles struct {
	words map[string]RoleWord
	names map[string]Gender // given names → gender
	// pronouns and copulas for coreference (coref.tsv)
	pronouns map[string]Pronoun
	copulas  map[string]bool
	// adverbs that may follow a copula
	copulaAdverbs map[string]bool
	// common nouns for a person that name no role ("man", "girl")
	personNouns map[string]Gender
	// words of acting ("starring"): "as the …" after them is a part played
	acting map[string]bool
	// words that make a later "as" a comparison ("same")
	compare map[string]bool
	// organisation kinds that org words and nouns name ("ministry" → GOVERNMENT)
	orgKinds map[string]parley.OrgKind
	// endings of plural nouns for people ("-ists": "strategists")
	agentEndings []string
	// longest multiword entry, in words
	maxWords int
}

// LoadRoles parses the embedded roles table.
func LoadRoles() (*Roles, error) {
	r := &Roles{words: make(map[string]RoleWord, 1024), orgKinds: map[string]parley.OrgKind{}, maxWords: 1}
	if err := r.loadGivenNames(); err != nil {
		return nil, err
	}
	if err := r.loadCoref(); err != nil {
		return nil, err
	}
	for n, line := range strings.Split(rolesTSV, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "word\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("roles.tsv:%d: want 3 columns, got %d", n+1, len(f))
		}
		if f[1] == "agent" {
			// An ending, not a word: kept apart from the word table.
			r.agentEndings = append(r.agentEndings, strings.TrimPrefix(f[0], "-"))
			continue
		}
		var k WordKind
		switch f[1] {
		case "role":
			k = RoleNoun
		case "title":
			k = Title
		case "mod":
			k = RoleMod
		case "body":
			k = Body
		case "source":
			k = SourceNoun
		case "orgword":
			k = OrgWord
		case "thing":
			k = Thing
		case "orgnoun":
			k = OrgNoun
		case "govbody":
			k = GovBody
		case "milbody":
			k = MilBody
		case "street":
			k = Street | Thing
		case "abbr":
			k = Abbrev
		case "ordinal":
			k = Ordinal
		case "document":
			k = Document
		case "suffix":
			k = NameSuffix
		default:
			return nil, fmt.Errorf("roles.tsv:%d: unknown kind %q", n+1, f[1])
		}
		var g Gender
		if len(f) > 2 {
			var err error
			if g, err = parseGender(f[2]); err != nil {
				return nil, fmt.Errorf("roles.tsv:%d: %w", n+1, err)
			}
		}
		if len(f) > 3 && f[3] != "" {
			ok := parley.OrgKind(f[3])
			if k&(OrgWord|OrgNoun) == 0 || !ok.Valid() {
				return nil, fmt.Errorf("roles.tsv:%d: organisation kind %q on a %s row", n+1, f[3], f[1])
			}
			r.orgKinds[f[0]] = ok
		}
		w := r.words[f[0]]
		w.Kind |= k
		if g != UnknownGender {
			w.Gender = g
		}
		r.words[f[0]] = w
		if c := strings.Count(f[0], " ") + 1; c > r.maxWords {
			r.maxWords = c
		}
	}
	return r, nil
}

// Lookup returns what the table says about a lower-case word or phrase.
func (r *Roles) Lookup(word string) RoleWord { return r.words[word] }

// Is reports whether the lower-case word has kind k.
func (r *Roles) Is(word string, k WordKind) bool { return r.words[word].Kind&k != 0 }

// OrgKind returns the kind of organisation a lower-case organisation word
// or noun names ("ministry" → GOVERNMENT, "firm" → COMPANY), if it names one.
func (r *Roles) OrgKind(word string) (parley.OrgKind, bool) {
	k, ok := r.orgKinds[word]
	return k, ok
}

// AgentPlural reports whether a lower-case word has the form of a plural
// noun for people by what they do: "strategists", "regulators",
// "campaigners", "participants" (roles.tsv's agent endings). The form says
// nothing of the word's class: callers check that it is a noun.
func (r *Roles) AgentPlural(word string) bool {
	for _, e := range r.agentEndings {
		if len(word) >= len(e)+3 && strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}

// MaxWords is the length in words of the longest multiword entry.
func (r *Roles) MaxWords() int { return r.maxWords }
