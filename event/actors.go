package event

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The actor dictionaries are PETRARCH2's Phoenix files: named actors
// (countries, their cities, leaders with the dates they held office,
// international and non-state organisations) with CAMEO actor codes, and
// agents, the common nouns that give a role ("police" → COP, "foreign
// minister" → GOV) to the country next to them.

// dated is an actor code valid over a date range (yyyymmdd, 0 = open).
type dated struct {
	code     string
	from, to int
}

// phrase is one surface form of an actor or agent, as upper-case words.
type phrase struct {
	words []string
	loose bool // the last word may take a plural -S
	actor int  // index into actorDict.codes, or -1 for an agent
	agent string
}

type actorDict struct {
	codes [][]dated
	// Named actors and agents are indexed apart: a lower-case word can only
	// start an agent ("police"), so most tokens skip the big actor index.
	// Keys include the plural forms of loose one-word phrases.
	actorsBy map[string][]*phrase
	agentsBy map[string][]*phrase
	slab     []phrase // where newPhrase takes phrases from
	words    []string // where splitWords puts words
	dates    []dated  // where addCode puts codes: a run for runActor from runStart
	runActor int
	runStart int
}

// newPhrase returns a copy of p allocated in blocks: the dictionaries have
// 40,000 phrases, which cost an allocation each.
func (d *actorDict) newPhrase(p phrase) *phrase {
	if len(d.slab) == cap(d.slab) {
		d.slab = make([]phrase, 0, 4096)
	}
	d.slab = append(d.slab, p)
	return &d.slab[len(d.slab)-1]
}

// newActorDict sizes the indexes for the embedded dictionaries (about
// 27,000 actors under 18,000 first words, 2,200 agent words), so that
// loading them does not grow the tables step by step.
func newActorDict() *actorDict {
	return &actorDict{codes: make([][]dated, 0, 28<<10), runActor: -1,
		actorsBy: make(map[string][]*phrase, 20<<10), agentsBy: make(map[string][]*phrase, 2500)}
}

func (d *actorDict) addPhrase(p *phrase) {
	m := d.actorsBy
	if p.actor < 0 {
		m = d.agentsBy
	}
	w := p.words[0]
	m[w] = append(m[w], p)
	if p.loose && len(p.words) == 1 {
		keys := []string{w + "S", w + "ES"}
		if strings.HasSuffix(w, "Y") {
			keys = append(keys, w[:len(w)-1]+"IES")
		}
		for _, k := range keys {
			m[k] = append(m[k], p)
		}
	}
}

// sortPhrases puts the longest phrases first so that matching is greedy.
func (d *actorDict) sortPhrases() {
	for _, m := range []map[string][]*phrase{d.actorsBy, d.agentsBy} {
		for _, ps := range m {
			slices.SortStableFunc(ps, func(a, b *phrase) int { return len(b.words) - len(a.words) })
		}
	}
}

// splitWords splits a phrase at its underscores; loose says it does not end
// in one (its last word may take a plural -S). The words share blocks of
// storage, as there are 40,000 phrases.
func (d *actorDict) splitWords(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	loose := !strings.HasSuffix(s, "_")
	s = strings.Trim(s, "_")
	if s == "" {
		return nil, false
	}
	n := strings.Count(s, "_") + 1
	if cap(d.words)-len(d.words) < n {
		d.words = make([]string, 0, max(n, 8192))
	}
	start := len(d.words)
	for w := range strings.SplitSeq(s, "_") {
		d.words = append(d.words, w)
	}
	return d.words[start:len(d.words):len(d.words)], loose
}

// addCode appends a dated code to actor idx. The codes of an actor are read
// one after the other, so a run of them shares a block of storage with the
// actors before; codes for an actor whose run is not the last go to a slice
// of their own.
func (d *actorDict) addCode(idx int, dt dated) {
	cs := d.codes[idx]
	switch {
	case len(cs) > 0 && idx != d.runActor:
		d.codes[idx] = append(cs, dt)
		return
	case len(cs) == 0 || cap(d.dates) == len(d.dates):
		if cap(d.dates)-len(d.dates) < len(cs)+1 {
			d.dates = make([]dated, 0, max(len(cs)+1, 4096))
		}
		d.runActor, d.runStart = idx, len(d.dates)
		d.dates = append(d.dates, cs...)
	}
	d.dates = append(d.dates, dt)
	d.codes[idx] = d.dates[d.runStart:len(d.dates):len(d.dates)]
}

// parseDate reads yyyymmdd or yymmdd.
func parseDate(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	if len(s) == 6 {
		if n/10000 >= 30 {
			return 19000000 + n
		}
		return 20000000 + n
	}
	return n
}

func parseDated(s string) (dated, bool) {
	s = strings.Trim(strings.TrimSpace(s), "[]")
	code, rest := nextField(s)
	if code == "" {
		return dated{}, false
	}
	d := dated{code: strings.TrimPrefix(code, "~")}
	if r, _ := nextField(rest); r != "" {
		switch {
		case strings.HasPrefix(r, ">"):
			d.from = parseDate(r[1:])
		case strings.HasPrefix(r, "<"):
			d.to = parseDate(r[1:])
		default:
			if a, b, ok := strings.Cut(r, "-"); ok {
				d.from, d.to = parseDate(a), parseDate(b)
			}
		}
	}
	return d, true
}

// nextField returns the first space-separated field of s and what follows
// it: strings.Fields without the slice, as the dictionaries have 30,000
// dated codes to read at every start.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// parseActors adds the entries of a Phoenix .actors file.
func (d *actorDict) parseActors(name, data string) error {
	idx := -1
	line := 0
	// Lines of the embedded data are sliced from it, not copied.
	for raw := range strings.Lines(data) {
		line++
		raw = strings.TrimRight(raw, "\r\n")
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = raw[:i]
		}
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		switch {
		case strings.HasPrefix(s, "["):
			if idx < 0 {
				continue
			}
			if dt, ok := parseDated(s); ok {
				d.addCode(idx, dt)
			}
		case strings.HasPrefix(s, "+"):
			if idx < 0 {
				continue
			}
			text, c, has := splitCode(s[1:])
			if w, loose := d.splitWords(text); w != nil {
				p := d.newPhrase(phrase{words: w, loose: loose, actor: idx})
				d.addPhrase(p)
			}
			if has {
				if dt, ok := parseDated(c); ok {
					d.addCode(idx, dt)
				}
			}
		default:
			prev := idx
			idx = -1
			text, c, has := splitCode(s)
			w, loose := d.splitWords(text)
			if w == nil {
				continue
			}
			// Consecutive names without codes share the codes that follow
			// them (TABARI format).
			if !(prev >= 0 && len(d.codes[prev]) == 0) {
				d.codes = append(d.codes, nil)
				prev = len(d.codes) - 1
			}
			idx = prev
			p := d.newPhrase(phrase{words: w, loose: loose, actor: idx})
			d.addPhrase(p)
			if has {
				if dt, ok := parseDated(c); ok {
					d.addCode(idx, dt)
				}
			}
		}
	}
	return nil
}

// parseAgents adds the entries of Phoenix.agents.txt: "NOUN {PLURALS} [~ROLE]",
// with !MACRO! substitutions.
func (d *actorDict) parseAgents(name, data string) error {
	macros := make(map[string][]string)
	// Lines of the embedded data are sliced from it, not copied.
	for raw := range strings.Lines(data) {
		raw = strings.TrimRight(raw, "\r\n")
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = raw[:i]
		}
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "!") {
			if k, v, ok := strings.Cut(s, "="); ok {
				var vs []string
				for _, x := range strings.Split(v, ",") {
					vs = append(vs, strings.TrimSpace(x))
				}
				macros[strings.TrimSpace(k)] = vs
			}
			continue
		}
		text, c, has := splitCode(s)
		if !has {
			continue
		}
		role := strings.TrimPrefix(strings.Trim(strings.TrimSpace(c), "[]"), "~")
		if role == "" {
			continue
		}
		var plurals []string
		if i := strings.IndexByte(text, '{'); i >= 0 {
			j := strings.IndexByte(text, '}')
			if j > i {
				plurals = strings.Fields(text[i+1 : j])
			}
			text = strings.TrimSpace(text[:i])
		}
		forms := []string{text}
		for k, vs := range macros {
			if strings.Contains(text, k) {
				forms = forms[:0]
				for _, v := range vs {
					forms = append(forms, strings.ReplaceAll(text, k, "_"+v))
				}
			}
		}
		forms = append(forms, plurals...)
		for _, f := range forms {
			f = strings.ReplaceAll(f, "__", "_")
			w, _ := d.splitWords(strings.TrimPrefix(f, "_"))
			if w == nil {
				continue
			}
			d.addPhrase(d.newPhrase(phrase{words: w, loose: true, actor: -1, agent: role}))
		}
	}
	return nil
}

// codeAt returns the actor's code valid on day t (the first listed code when
// t is zero or no range covers it).
func (d *actorDict) codeAt(actor int, t time.Time) string {
	cs := d.codes[actor]
	if len(cs) == 0 {
		return ""
	}
	if !t.IsZero() {
		day := t.Year()*10000 + int(t.Month())*100 + t.Day()
		for _, c := range cs {
			if (c.from == 0 || day >= c.from) && (c.to == 0 || day <= c.to) {
				return c.code
			}
		}
	}
	// Undated: prefer an open-ended code (the actor's standing identity),
	// then the first office held: a person named in the news with a title
	// is mostly reported while in office, not as a former (ELI) one.
	for _, c := range cs {
		if c.from == 0 && c.to == 0 {
			return c.code
		}
	}
	// A country that changed (the Ukrainian SSR, then Ukraine) is its
	// present self: the range open at the end, unless that is a former
	// leader's ELI code.
	for _, c := range cs {
		if c.to == 0 && !strings.HasSuffix(c.code, "ELI") {
			return c.code
		}
	}
	for _, c := range cs {
		if !strings.HasSuffix(c.code, "ELI") {
			return c.code
		}
	}
	return cs[len(cs)-1].code
}

// wordEq reports whether a token (upper case) matches a dictionary word.
func wordEq(tok, w string, loose bool) bool {
	if tok == w {
		return true
	}
	if !loose {
		return false
	}
	if strings.HasSuffix(w, "Y") && tok == w[:len(w)-1]+"IES" {
		return true
	}
	return len(tok) == len(w)+1 && tok[len(w)] == 'S' && strings.HasPrefix(tok, w) ||
		len(tok) == len(w)+2 && strings.HasSuffix(tok, "ES") && strings.HasPrefix(tok, w)
}

// match returns the longest phrase starting at words[i]: a named actor
// only when the word is capitalised, else an agent.
func (d *actorDict) match(words []string, i int, capitalised bool) (*phrase, int) {
	if capitalised {
		if p, n := d.matchIn(d.actorsBy, words, i); p != nil {
			return p, n
		}
	}
	return d.matchIn(d.agentsBy, words, i)
}

func (d *actorDict) matchIn(m map[string][]*phrase, words []string, i int) (*phrase, int) {
	for _, p := range m[words[i]] {
		if p.actor >= 0 && len(d.codes[p.actor]) == 0 {
			continue
		}
		n := len(p.words)
		if i+n > len(words) {
			continue
		}
		ok := n > 1 || words[i] == p.words[0] || p.loose
		for k := 1; k < n && ok; k++ {
			ok = wordEq(words[i+k], p.words[k], p.loose && k == n-1)
		}
		if ok {
			return p, n
		}
	}
	return nil, 0
}
