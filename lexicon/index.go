package lexicon

import (
	"slices"
	"strings"
)

// index finds the longest entry at the start of a token sequence. Its
// candidates are grouped by first token, longest first within a group; first
// maps a token to its group. A big group (many entries share the first word:
// "The", "San", "North") is indexed again by its second token in second.
type index struct {
	cands  []candidate
	first  map[string]span
	second map[pair]span
}

// candidate is one surface form, split into tokens: first keys the index,
// rest must follow.
type candidate struct {
	first string
	rest  []string
	m     Match
	ok    bool   // MatchAt offers m (set by finish: m names something)
	place *Place // what Lexicon.Place answers for this surface, offered or not
}

// span is a run [start, end) of index.cands; for a big group, one is its
// one-token entry, or -1.
type span struct {
	start, end int32
	one        int32
	big        bool
}

// pair keys index.second: a first and a second token.
type pair struct{ a, b string }

// bigGroup is the group size from which the index looks up the second token
// instead of scanning the group.
const bigGroup = 8

// lookup returns the candidate whose tokens are exactly first+rest, or nil.
func (ix *index) lookup(first string, rest []string) *candidate {
	sp, ok := ix.first[first]
	if !ok {
		return nil
	}
	if sp.big && len(rest) > 0 {
		sub, ok := ix.second[pair{first, rest[0]}]
		if !ok {
			return nil
		}
		sp = sub
	} else if sp.big {
		if sp.one < 0 {
			return nil
		}
		return &ix.cands[sp.one]
	}
	for i := sp.start; i < sp.end; i++ {
		if slices.Equal(ix.cands[i].rest, rest) {
			return &ix.cands[i]
		}
	}
	return nil
}

// match returns the longest entry whose tokens start words.
func (ix *index) match(words []string) (Match, bool) {
	sp, ok := ix.first[words[0]]
	if !ok {
		return Match{}, false
	}
	if sp.big {
		if len(words) > 1 {
			if sub, ok := ix.second[pair{words[0], words[1]}]; ok {
				if m, ok := scan(ix.cands[sub.start:sub.end], words); ok {
					return m, true
				}
			}
		}
		if sp.one >= 0 && ix.cands[sp.one].ok {
			return ix.cands[sp.one].m, true
		}
		return Match{}, false
	}
	return scan(ix.cands[sp.start:sp.end], words)
}

// scan returns the first of cands (longest first) whose tokens start words.
func scan(cands []candidate, words []string) (Match, bool) {
	for i := range cands {
		c := &cands[i]
		if len(c.rest) >= len(words) {
			continue
		}
		ok := true
		for j, w := range c.rest {
			if words[j+1] != w {
				ok = false
				break
			}
		}
		if ok && c.ok {
			return c.m, true
		}
	}
	return Match{}, false
}

// single returns the one-token entry w.
func (ix *index) single(w string) (Match, bool) {
	sp, ok := ix.first[w]
	if !ok {
		return Match{}, false
	}
	i := sp.one
	if !sp.big {
		i = sp.end - 1 // longest first: a one-token entry is last
	}
	if i < 0 || len(ix.cands[i].rest) != 0 || !ix.cands[i].ok {
		return Match{}, false
	}
	m := ix.cands[i].m
	m.Words = 1
	return m, true
}

// indexBuilder collects candidates. Candidates with the same first token
// form a linked list through next, most recent first, headed in head.
type indexBuilder struct {
	cands []candidate
	next  []int32         // next[i]: the previous candidate with the first token of cands[i], or -1
	head  map[string]span // first token → its most recent candidate (in start); becomes index.first
}

func newIndexBuilder(n int) *indexBuilder {
	return &indexBuilder{
		cands: make([]candidate, 0, n),
		next:  make([]int32, 0, n),
		head:  make(map[string]span, n),
	}
}

// cand returns the candidate for the tokens first+rest, creating it. The
// pointer is valid until the next call.
func (ib *indexBuilder) cand(first string, rest []string) *candidate {
	if i, ok := ib.lookup(first, rest); ok {
		return &ib.cands[i]
	}
	h, ok := ib.head[first]
	if !ok {
		h.start = -1
	}
	ib.head[first] = span{start: int32(len(ib.cands))}
	ib.next = append(ib.next, h.start)
	ib.cands = append(ib.cands, candidate{first: first, rest: rest, m: Match{Words: 1 + len(rest)}})
	return &ib.cands[len(ib.cands)-1]
}

func (ib *indexBuilder) lookup(first string, rest []string) (int32, bool) {
	h, ok := ib.head[first]
	if !ok {
		return 0, false
	}
	for i := h.start; i >= 0; i = ib.next[i] {
		if slices.Equal(ib.cands[i].rest, rest) {
			return i, true
		}
	}
	return 0, false
}

// finish lays the candidates out by first token, drops those that match
// nothing, and indexes the groups.
func (ib *indexBuilder) finish() index {
	ix := index{
		cands:  make([]candidate, 0, len(ib.cands)),
		second: make(map[pair]span, 1024),
	}
	// The build map becomes the final one: each value is rewritten in
	// place from "most recent candidate" to the group's span.
	for w, h := range ib.head {
		start := int32(len(ix.cands))
		for i := h.start; i >= 0; i = ib.next[i] {
			c := ib.cands[i]
			m := c.m
			c.ok = m.Country != nil || m.Demonym != nil || m.Seat != nil || m.Place != nil || m.Org != nil
			if c.ok || c.place != nil {
				ix.cands = append(ix.cands, c)
			}
		}
		if int(start) == len(ix.cands) {
			delete(ib.head, w)
			continue
		}
		g := ix.cands[start:]
		end := int32(len(ix.cands))
		// Entries of the same length cannot both match, so their order
		// does not matter and the sorts need not be stable.
		if len(g) < bigGroup {
			slices.SortFunc(g, func(x, y candidate) int { return len(y.rest) - len(x.rest) })
			ib.head[w] = span{start: start, end: end, one: -1}
			continue
		}
		// A big group: by second token, longest first within each, and the
		// one-token entry last.
		slices.SortFunc(g, func(x, y candidate) int {
			if (len(x.rest) == 0) != (len(y.rest) == 0) {
				return len(y.rest) - len(x.rest)
			}
			if len(x.rest) == 0 {
				return 0
			}
			if c := strings.Compare(x.rest[0], y.rest[0]); c != 0 {
				return c
			}
			return len(y.rest) - len(x.rest)
		})
		ib.head[w] = ix.group(w, start, end)
	}
	ix.first = ib.head
	return ix
}

// group returns the span of the group of w, cands[start:end], laid out as
// finish lays it out, and indexes a big group by its second tokens.
func (ix *index) group(w string, start, end int32) span {
	sp := span{start: start, end: end, one: -1}
	if end-start < bigGroup {
		return sp
	}
	g := ix.cands[start:end]
	sp.big = true
	for i := 0; i < len(g); {
		if len(g[i].rest) == 0 {
			sp.one = start + int32(i)
			break
		}
		j := i + 1
		for j < len(g) && len(g[j].rest) > 0 && g[j].rest[0] == g[i].rest[0] {
			j++
		}
		ix.second[pair{w, g[i].rest[0]}] = span{start: start + int32(i), end: start + int32(j), one: -1}
		i = j
	}
	return sp
}
