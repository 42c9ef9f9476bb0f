package event

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

// kindRole is what entity_kinds.tsv says of one entity type and kind.
type kindRole struct {
	role string // CAMEO role code, "" for none
	acts bool   // its acts are events without a political actor
}

// kindRoles maps an entity's type and kind to a CAMEO role code
// (entity_kinds.tsv): the role of an entity that the dictionaries do not
// name and whose role phrases code nothing ("Gannett" is a COMPANY, so BUS).
type kindRoles map[[2]string]kindRole

// parseKindRoles reads TYPE<TAB>KIND<TAB>ROLE<TAB>ACTS lines; KIND "*" is
// the type's default, ROLE "-" gives no role, ACTS is yes or no.
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
		if len(f) != 4 || f[0] == "" || f[1] == "" || len(f[2]) != 3 && f[2] != "-" || f[3] != "yes" && f[3] != "no" {
			return nil, fmt.Errorf("%s:%d: want TYPE<TAB>KIND<TAB>ROLE<TAB>yes|no (a three-letter role or -), got %q", name, line, s)
		}
		k := [2]string{f[0], f[1]}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s %s listed twice", name, line, f[0], f[1])
		}
		m[k] = kindRole{role: strings.TrimPrefix(f[2], "-"), acts: f[3] == "yes"}
	}
	return m, nil
}

// lookup returns the row of e's type and kind, or of its type's default.
func (m kindRoles) lookup(e *parley.Entity) (kindRole, bool) {
	if r, ok := m[[2]string{string(e.Type), e.Kind}]; ok {
		return r, true
	}
	r, ok := m[[2]string{string(e.Type), "*"}]
	return r, ok
}

// role returns the role code of e's type and kind, or "".
func (m kindRoles) role(e *parley.Entity) string {
	r, _ := m.lookup(e)
	return r.role
}

// acts reports whether ref is an entity whose acts are events even when
// it is no state organ (a company that merges, a union that calls off a
// strike): entity_kinds.tsv says which.
func (m kindRoles) acts(d *parley.Doc, ref parley.EntityRef) bool {
	if d == nil {
		return false
	}
	e := d.Entity(ref)
	if e == nil {
		return false
	}
	r, ok := m.lookup(e)
	return ok && r.acts
}
