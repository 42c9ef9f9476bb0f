package claim

import (
	"sort"

	"github.com/parley-news/parley"
)

// disjoint reports whether both statements name people and none in common.
func disjoint(a, b map[parley.EntityRef]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for e := range a {
		if b[e] {
			return false
		}
	}
	return true
}

// people returns the person entities mentioned in sp, other than the
// speaker.
func people(d *parley.Doc, sp parley.Span, speaker parley.EntityRef) map[parley.EntityRef]bool {
	var m map[parley.EntityRef]bool
	i := sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].Span.Start >= sp.Start })
	for ; i < len(d.Mentions) && d.Mentions[i].Span.Start < sp.End; i++ {
		e := d.Mentions[i].Entity
		if k := e.Index(); e == speaker || k < 0 || k >= len(d.Entities) || d.Entities[k].Type != parley.Person {
			continue
		}
		if m == nil {
			m = map[parley.EntityRef]bool{}
		}
		m[e] = true
	}
	return m
}
