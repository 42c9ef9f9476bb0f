package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/attitude_verbs.tsv
var attitudeVerbsTSV string

// Complement is a set of the dependents on the parse that hold an
// attitude's proposition.
type Complement uint8

const (
	ClausalComplement Complement = 1 << iota // ccomp: "believes that …"
	OpenComplement                           // xcomp: "wants to …"
	ObjectComplement                         // obj: "wants a recount"
)

// AttitudeVerb is one form of a verb of belief, wish or evidence.
type AttitudeVerb struct {
	Lemma       string
	Kind        string // "belief", "wish", "evidence", "position"
	Form        VerbForm
	Complements Complement
}

// Attitudes maps the forms of the verbs of attitude to their entries.
type Attitudes struct{ forms map[string]AttitudeVerb }

// Lookup returns the entry of a lower-case word form.
func (a *Attitudes) Lookup(form string) (AttitudeVerb, bool) {
	v, ok := a.forms[form]
	return v, ok
}

// LoadAttitudes parses the embedded table of attitude verbs.
func LoadAttitudes() (*Attitudes, error) {
	a := &Attitudes{forms: map[string]AttitudeVerb{}}
	for n, line := range strings.Split(attitudeVerbsTSV, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "lemma\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("attitude_verbs.tsv:%d: want 5 columns, got %d", n+1, len(f))
		}
		var c Complement
		for _, r := range f[4] {
			switch r {
			case 'c':
				c |= ClausalComplement
			case 'x':
				c |= OpenComplement
			case 'o':
				c |= ObjectComplement
			default:
				return nil, fmt.Errorf("attitude_verbs.tsv:%d: unknown complement %q", n+1, r)
			}
		}
		switch f[3] {
		case "belief", "wish", "evidence", "position":
		default:
			return nil, fmt.Errorf("attitude_verbs.tsv:%d: unknown kind %q", n+1, f[3])
		}
		lemma := f[0]
		pasts := strings.Split(f[1], "|")
		parts := pasts
		if f[2] != "" {
			parts = strings.Split(f[2], "|")
		}
		add := func(form string, vf VerbForm) {
			if _, ok := a.forms[form]; !ok {
				a.forms[form] = AttitudeVerb{Lemma: lemma, Kind: f[3], Form: vf, Complements: c}
			}
		}
		for _, p := range pasts {
			add(p, Past)
		}
		for _, p := range parts {
			add(p, PastParticiple)
		}
		add(lemma, Base)
		add(thirdSingular(lemma), ThirdSingular)
		add(gerund(lemma), Gerund)
	}
	return a, nil
}
