package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/given_names.tsv
var givenNamesTSV string

// loadGivenNames parses the embedded given-name table into r.
func (r *Roles) loadGivenNames() error {
	r.names = make(map[string]Gender, 8192)
	for n, line := range strings.Split(givenNamesTSV, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "name\t") {
			continue
		}
		name, g, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("given_names.tsv:%d: want 2 columns", n+1)
		}
		switch g {
		case "m":
			r.names[name] = Male
		case "f":
			r.names[name] = Female
		default:
			return fmt.Errorf("given_names.tsv:%d: gender %q, want m or f", n+1, g)
		}
	}
	return nil
}

// GivenNameGender returns the gender a given name usually has ("Maria" →
// Female), or UnknownGender for names the lists do not know or give to both.
func (r *Roles) GivenNameGender(name string) Gender { return r.names[name] }
