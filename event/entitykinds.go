package event

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

// kindRoles maps an entity's type and kind to a CAMEO role code
// (entity_kinds.tsv): the role of an entity that the dictionaries do not
// name and whose role phrases code nothing ("Gannett" is a COMPANY, so BUS).
type kindRoles map[[2]string]string

// parseKindRoles reads TYPE<TAB>KIND<TAB>ROLE lines; KIND "*" is the
// type's default.
func parseKindRoles(name, data string) (kindRoles, error) {
	m := kindRoles{}
	line := 0
	for raw := range strings.Lines(data) {
		line++
		s := strings.TrimRight(raw, "\r\n")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" || len(f[2]) != 3 {
			return nil, fmt.Errorf("%s:%d: want TYPE<TAB>KIND<TAB>ROLE (a three-letter role), got %q", name, line, s)
		}
		k := [2]string{f[0], f[1]}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s listed twice", name, line, f[0], f[1])
		}
		m[k] = f[2]
	}
	return m, nil
}

// role returns the role code of e's type and kind, or "".
func (m kindRoles) role(e *parley.Entity) string {
	if r, ok := m[[2]string{string(e.Type), e.Kind}]; ok {
		return r
	}
	return m[[2]string{string(e.Type), "*"}]
}

// entityActor reports whether ref is a person, organisation or group of
// the entity layer: an actor of the text even when it is no state organ
// (a company that merges, a league that suspends a player, police that
// arrest a suspect).
func entityActor(d *parley.Doc, ref parley.EntityRef) bool {
	if d == nil {
		return false
	}
	e := d.Entity(ref)
	return e != nil && e.Type == parley.Organization
}
