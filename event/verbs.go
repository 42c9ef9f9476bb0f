package event

import (
	"fmt"
	"slices"
	"strings"
)

// The verb dictionary is PETRARCH2's CAMEO.2.0.txt: blocks of synonymous
// verbs, each with a default code, followed by patterns over the words before
// and after the verb that refine the code. PETRARCH matches the patterns
// against a constituency parse; parley matches them, in order, in a window of
// the clause around the verb.

// item is one element of a pattern: any of a set of word forms.
type item []string

// pattern refines a verb block's code when its items occur around the verb.
type pattern struct {
	pre, post []item
	code      string // "" blocks coding
	reversed  bool   // the subject undergoes the act: "faced criticism"
}

// block is a set of synonymous verbs sharing patterns.
type block struct {
	lemma    string
	code     string
	patterns []pattern
	// byFirst indexes the patterns by the words (and plurals) of their first
	// item after the verb; noPost lists those with nothing after it.
	byFirst map[string][]int
	noPost  []int
}

// index builds byFirst and noPost.
func (b *block) index() {
	b.byFirst = make(map[string][]int)
	for i, p := range b.patterns {
		if len(p.post) == 0 {
			b.noPost = append(b.noPost, i)
			continue
		}
		for _, w := range p.post[0] {
			for _, k := range []string{w, w + "S", w + "ES"} {
				b.byFirst[k] = append(b.byFirst[k], i)
			}
		}
	}
}

// verb is one verb of a block, possibly multiword ("MEET WITH").
type verb struct {
	words []string // the form's words, upper case
	lemma string
	code  string // the verb's own code, or the block's
	block *block
}

// verbDict maps the first word of each verb form to its forms.
type verbDict struct {
	forms map[string][]*verb
	syn   map[string][]string // the synonym sets ("&FIGHT") its patterns name
}

func (d *verbDict) add(v *verb) {
	d.forms[v.words[0]] = append(d.forms[v.words[0]], v)
}

// parseCode reads "[036:036]", "[---]", "[:020]" → the primary code; a code
// only after the colon ("FACE * CRITICISM [:111]") is an act done to the
// subject: reversed is true.
func parseCode(s string) (code string, ok bool) {
	code, ok, _ = parseCodeDir(s)
	return code, ok
}

func parseCodeDir(s string) (code string, ok, reversed bool) {
	s = strings.Trim(strings.TrimSpace(s), "[]")
	if s == "---" || s == "" {
		return "", true, false
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		if i == 0 {
			if r := s[1:]; r != "" && r != "---" {
				return r, true, true
			}
			return "", false, false
		}
		s = s[:i]
	}
	if s == "---" {
		return "", true, false
	}
	return s, true, false
}

// splitCode cuts "TEXT [code] # comment" into text and code.
func splitCode(line string) (text, code string, has bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	i := strings.IndexByte(line, '[')
	if i < 0 {
		return strings.TrimSpace(line), "", false
	}
	j := strings.IndexByte(line[i:], ']')
	if j < 0 {
		return strings.TrimSpace(line[:i]), "", false
	}
	return strings.TrimSpace(line[:i]), line[i : i+j+1], true
}

// parseVerbs reads a verb dictionary. Its patterns may name the synonym
// sets of base (PETRARCH's, for parley's overlay) as well as its own; a
// pattern of the overlay naming a set neither defines is an error.
//
// base is nil for PETRARCH's own file, whose 853 patterns over synonym sets
// are left out: matched over parley's word windows rather than PETRARCH's
// parse trees, they overmatch ("conducts research" as an investigation,
// "gave us food for thought" as aid); with them, news events grew by 45 of
// which about 40% were right, and dev.jsonl's PLOVER F1 fell from 0.712 to
// 0.709 (full-code F1 rose from 0.281 to 0.293). Its plain-word patterns
// are kept.
func parseVerbs(data string, base map[string][]string) (*verbDict, error) {
	syn := make(map[string][]string, len(base))
	for k, v := range base {
		syn[k] = slices.Clone(v) // the overlay may extend a set; base keeps its own
	}
	d := &verbDict{forms: make(map[string][]*verb), syn: syn}
	var (
		cur    *block
		curSyn string
		line   int
	)
	// Lines of the embedded data are sliced from it, not copied.
	for raw := range strings.Lines(data) {
		line++
		raw = strings.TrimRight(raw, "\r\n")
		s := strings.TrimSpace(raw)
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
			curSyn = ""
			continue
		case strings.HasPrefix(s, "&"):
			curSyn = strings.TrimSuffix(strings.Fields(s)[0][1:], "_") // "&FIGHT" is set FIGHT
			continue
		case curSyn != "" && strings.HasPrefix(s, "+"):
			w, _, _ := splitCode(s[1:])
			syn[curSyn] = append(syn[curSyn], strings.TrimSuffix(w, "_"))
			continue
		case strings.HasPrefix(s, "---"):
			f := strings.Fields(strings.Trim(s, "- "))
			if len(f) < 2 {
				return nil, fmt.Errorf("CAMEO.2.0.txt:%d: bad block header %q", line, s)
			}
			code, _ := parseCode(f[1])
			cur = &block{lemma: f[0], code: code}
			continue
		case cur == nil:
			continue
		case strings.HasPrefix(s, "-"):
			text, c, has := splitCode(s[1:])
			if !has {
				continue
			}
			code, ok, rev := parseCodeDir(c)
			if !ok {
				continue
			}
			if base == nil && strings.Contains(text, "&") {
				continue // PETRARCH's synonym-set patterns (see above)
			}
			p, ok := parsePattern(text, syn)
			if !ok && base != nil {
				return nil, fmt.Errorf("line %d: pattern %q names an unknown synonym set or no verb", line, text)
			}
			if !ok {
				continue
			}
			p.code, p.reversed = code, rev
			cur.patterns = append(cur.patterns, p)
			continue
		}
		text, c, has := splitCode(s)
		code := cur.code
		if has {
			if cc, ok := parseCode(c); ok {
				code = cc
			}
		}
		var forms []string
		if i := strings.IndexByte(text, '{'); i >= 0 {
			j := strings.IndexByte(text, '}')
			if j < i {
				j = len(text)
			}
			forms = strings.Fields(text[i+1 : j])
			text = strings.TrimSpace(text[:i])
		}
		base := strings.TrimPrefix(text, "+")
		if base == "" {
			continue
		}
		words := strings.Split(strings.Trim(base, "_"), "_")
		all := [][]string{words}
		if len(forms) > 0 {
			for _, f := range forms {
				all = append(all, strings.Split(strings.Trim(strings.TrimPrefix(f, "+"), "_"), "_"))
			}
		} else {
			for _, f := range inflect(words[0]) {
				w := append([]string{f}, words[1:]...)
				all = append(all, w)
			}
		}
		for _, w := range all {
			d.add(&verb{words: w, lemma: base, code: code, block: cur})
		}
	}
	seen := map[*block]bool{}
	for _, vs := range d.forms {
		for _, v := range vs {
			if !seen[v.block] {
				seen[v.block] = true
				v.block.index()
			}
		}
	}
	return d, nil
}

// parsePattern reads the words of a pattern ("* (TO &TREATY)", "&MILITARY *
// EXERCISES") into the items before and after the verb.
func parsePattern(text string, syn map[string][]string) (pattern, bool) {
	var p pattern
	after := false
	seen := false
	for _, f := range strings.Fields(text) {
		f = strings.Trim(f, "{}()")
		switch f {
		case "*":
			after, seen = true, true
			continue
		case "", "$", "+", "^", "%", "-":
			continue
		}
		var it item
		if strings.HasPrefix(f, "&") {
			it = syn[strings.TrimSuffix(f[1:], "_")]
			if len(it) == 0 {
				return p, false
			}
		} else {
			for _, a := range strings.Split(f, "/") {
				if a = strings.Trim(a, "_{}()$+^%"); a != "" {
					it = append(it, a)
				}
			}
			if len(it) == 0 {
				continue
			}
		}
		if after {
			p.post = append(p.post, it)
		} else {
			p.pre = append(p.pre, it)
		}
	}
	return p, seen
}

// inflect returns regular inflections of an English verb in upper case.
func inflect(w string) []string {
	if w == "" {
		return nil
	}
	out := []string{w + "S", w + "ED", w + "ING"}
	n := len(w)
	last := w[n-1]
	switch {
	case last == 'E':
		out = append(out, w+"D", w[:n-1]+"ING")
	case last == 'Y' && n > 1 && !isVowel(w[n-2]):
		out = append(out, w[:n-1]+"IES", w[:n-1]+"IED")
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z"):
		out = append(out, w+"ES")
	}
	if n >= 3 && !isVowel(last) && isVowel(w[n-2]) && !isVowel(w[n-3]) && last != 'W' && last != 'X' && last != 'Y' {
		out = append(out, w+string(last)+"ED", w+string(last)+"ING")
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
