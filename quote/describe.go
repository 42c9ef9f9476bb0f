package quote

import (
	"sort"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// A definite description of one person as a speaker ("said the American",
// "The Easyjet founder also said") names the person who spoke just
// before it, when no other person is mentioned in between: news writing
// varies the name of the same speaker rather than introduce a new one
// without a name.

// resolveDescriptions gives such speakers the entity of the person who
// speaks in the quote right before, in the same or the previous paragraph,
// or of the one person the text gives the description's role.
func (r *run) resolveDescriptions() {
	order := make([]int, len(r.out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return r.out[order[a]].sp.first < r.out[order[b]].sp.first })
	prev := -1 // the last quote in text order, if its speaker is a named person
	for _, i := range order {
		q := &r.out[i]
		if q.sp.entity >= 0 {
			prev = -1
			if r.ents.Entities[q.sp.entity].Type == parley.Person {
				prev = i
			}
			continue
		}
		last := prev
		prev = -1
		if !r.descriptionOfOne(q.sp) {
			continue
		}
		head := q.sp.last - 1
		if e, ok := r.personWithRole(q.sp.label, head); ok {
			q.sp.entity = e // "the chancellor": the one person the text gives that role
			continue
		}
		if last < 0 {
			continue
		}
		p := r.out[last]
		if q.para-p.para > 1 || r.otherPersonBetween(p, q.sp.first) || !r.roleFits(p.sp.entity, head) || r.namesOffice(q.sp) || r.isReply(*q) {
			continue
		}
		q.sp.entity = p.sp.entity
		prev = i
	}
}

// roleFits reports whether person e may be described by the head word at
// h: a demonym fits anyone, a role noun a person with no role or with a
// role of that word.
func (r *run) roleFits(e, h int) bool {
	if ref := r.ents.RefAt(h); ref != nil && ref.Kind == parley.AdjMention {
		return true
	}
	roles := r.ents.Entities[e].Roles
	if len(roles) == 0 {
		return true
	}
	for _, role := range roles {
		if roleMatches(role, "", r.low(h)) {
			return true
		}
	}
	return false
}

// descriptionOfOne reports "the" and a short phrase ending in a singular
// role noun or a demonym: "the American", "the Easyjet founder".
func (r *run) descriptionOfOne(sp speaker) bool {
	if len(sp.entities) > 0 || sp.last-sp.first < 2 || sp.last-sp.first > 4 || r.low(sp.first) != "the" {
		return false
	}
	h := sp.last - 1
	l := r.low(h)
	if ref := r.ents.RefAt(h); ref != nil && ref.Kind == parley.AdjMention && r.ents.Entities[ref.Entity].Type == parley.Place {
		return !strings.HasSuffix(l, "s") // "the American", "the New Zealander"; not "the Israelis"
	}
	return r.f.roles.Is(l, lexicon.RoleNoun) && !r.f.roles.Is(l, lexicon.SourceNoun|lexicon.Body|lexicon.OrgWord)
}

// otherPersonBetween reports a mention of a person other than p's speaker
// after p's speaker and content and before token end.
func (r *run) otherPersonBetween(p found, end int) bool {
	from := max(p.sp.last, p.cLast)
	for k := from; k < end; k++ {
		if ref := r.ents.RefAt(k); ref != nil && ref.Entity != p.sp.entity && r.ents.Entities[ref.Entity].Type == parley.Person {
			return true
		}
	}
	return false
}

// namesOffice reports a description of an office one person holds ("the
// prime minister"): it names that office holder, whoever spoke before.
func (r *run) namesOffice(sp speaker) bool {
	for k := sp.first; k < sp.last; k++ {
		if officeWords[r.low(k)] {
			return true
		}
	}
	return false
}

// isReply reports a quote whose cue is a reply ("countered", "hit back"):
// another person answers the one before.
func (r *run) isReply(q found) bool {
	if q.cue < 0 {
		return false
	}
	v, ok := r.f.speech.Lookup(r.low(q.cue))
	return ok && replyVerbs[v.Lemma]
}
