package ner

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// gumToken is one word of a CoNLL-U sentence.
type gumToken struct {
	form, upos, entity string
}

// gumMention is a mention of the Entity= annotation: words [start, end).
type gumMention struct {
	id, etype  string
	start, end int
}

// ReadGUM reads a CoNLL-U file with GUM's entity annotation (the MISC
// column's Entity=, see ../shared/data/coref/README.md) and returns its
// documents ("# newdoc id =") with the proper-name mentions as spans: the
// mentions of the types scheme maps (the "gum" scheme of data/schemes.tsv)
// that hold a name by the NameRule and whose first word is a PROPN and last
// a PROPN or NUM, the outermost when names nest. Pronouns and descriptions
// ("he", "the Bernoulli family") are not spans. A capitalised adjective
// inside a sentence outside any name ("a Swiss mathematician") is MISC, as
// CoNLL annotates nationalities. POS holds the UPOS column. An error names
// the file and line.
func ReadGUM(r io.Reader, name string, scheme *Scheme, rule *NameRule) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		docs  []Document
		toks  []gumToken
		line  int
		start int
	)
	flush := func() error {
		if len(toks) == 0 {
			return nil
		}
		if len(docs) == 0 {
			docs = append(docs, Document{ID: name + "#1"})
		}
		l, err := gumSentence(toks, scheme, rule)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, start, err)
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, l)
		toks = toks[:0]
		return nil
	}
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		switch {
		case t == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(t, "# newdoc id ="):
			if err := flush(); err != nil {
				return nil, err
			}
			docs = append(docs, Document{ID: strings.TrimSpace(strings.TrimPrefix(t, "# newdoc id ="))})
		case t[0] == '#':
		default:
			f := strings.Split(t, "\t")
			if len(f) != 10 {
				return nil, fmt.Errorf("%s:%d: want 10 tab-separated columns, got %d", name, line, len(f))
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // multiword token ranges and empty nodes
			}
			if len(toks) == 0 {
				start = line
			}
			toks = append(toks, gumToken{form: f[1], upos: f[3], entity: miscField(f[9], "Entity=")})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return docs, nil
}

// miscField returns the value of key in a CoNLL-U MISC column.
func miscField(misc, key string) string {
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, key); ok {
			return v
		}
	}
	return ""
}

// gumMentions parses the Entity= values of a sentence's words: "(ID-etype-…"
// opens a mention, "ID)" closes the latest open one with that ID, and
// "(ID-etype-…)" is a one-word mention.
func gumMentions(toks []gumToken) ([]gumMention, error) {
	var out, open []gumMention
	for i, t := range toks {
		s := t.entity
		for s != "" {
			if s[0] == '(' {
				j := strings.IndexAny(s[1:], "()")
				if j < 0 {
					j = len(s) - 1
				}
				fields := strings.Split(s[1:1+j], "-")
				if len(fields) < 2 {
					return nil, fmt.Errorf("word %d %q: entity %q has no type", i+1, t.form, s[1:1+j])
				}
				m := gumMention{id: fields[0], etype: fields[1], start: i, end: -1}
				s = s[1+j:]
				if s != "" && s[0] == ')' {
					m.end = i + 1
					out = append(out, m)
					s = s[1:]
				} else {
					open = append(open, m)
				}
				continue
			}
			j := strings.IndexByte(s, ')')
			if j < 0 {
				return nil, fmt.Errorf("word %d %q: cannot read entity annotation %q", i+1, t.form, s)
			}
			id := s[:j]
			k := len(open) - 1
			for k >= 0 && open[k].id != id {
				k--
			}
			if k < 0 {
				return nil, fmt.Errorf("word %d %q: entity %s closes but is not open", i+1, t.form, id)
			}
			m := open[k]
			m.end = i + 1
			out = append(out, m)
			open = append(open[:k], open[k+1:]...)
			s = s[j+1:]
		}
	}
	if len(open) > 0 {
		return nil, fmt.Errorf("entity %s opens at word %d and does not close in the sentence", open[0].id, open[0].start+1)
	}
	return out, nil
}

func gumSentence(toks []gumToken, scheme *Scheme, rule *NameRule) (Labeled, error) {
	ms, err := gumMentions(toks)
	if err != nil {
		return Labeled{}, err
	}
	l := Labeled{Words: make([]string, len(toks)), POS: make([]string, len(toks))}
	for i, t := range toks {
		l.Words[i], l.POS[i] = t.form, t.upos
	}
	var names, heads []Span
	for _, m := range ms {
		t, ok := scheme.types[m.etype]
		if !ok || t == None {
			continue
		}
		sp, ok := rule.Name(l.Words, Span{Start: m.start, End: m.end, Type: t})
		if ok && properName(l.POS[sp.Start:sp.End]) {
			names = append(names, sp)
		} else if sp, ok := headName(l, m, t, rule); ok {
			heads = append(heads, sp)
		}
	}
	l.Spans = outermost(names)
	for _, h := range outermost(heads) {
		if !slices.ContainsFunc(l.Spans, func(s Span) bool { return s.Start < h.End && h.Start < s.End }) {
			l.Spans = append(l.Spans, h)
		}
	}
	l.Spans = append(l.Spans, adjectiveNames(l, rule)...)
	slices.SortFunc(l.Spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	return l, nil
}

// headName returns the name that opens a mention which as a whole is none:
// GUM's mentions hold appositions and relative clauses ("Jacob Bernoulli (
// who was the first …)", "Groningen , in the Netherlands", "Mary Chaworth ,
// whom he met"), and left out, their names would be taught as no names. The
// name is the run of PROPN words the mention starts with, unless a
// possessive follows it inside the mention ("Daniel 's book": the name is
// another mention's; "Daniel 's" alone is his).
func headName(l Labeled, m gumMention, t Type, rule *NameRule) (Span, bool) {
	j := m.start
	for j < m.end && l.POS[j] == "PROPN" {
		j++
	}
	if j == m.start || j == m.end || !capitalised(l.Words[m.start]) || l.POS[j] == "PART" && j+1 < m.end {
		return Span{}, false
	}
	sp, ok := rule.Name(l.Words, Span{Start: m.start, End: j, Type: t})
	return sp, ok && properName(l.POS[sp.Start:sp.End])
}

// properName reports whether the UPOS tags of a name hold a PROPN and no
// pronoun ("He" at the start of a sentence is capitalised too).
func properName(pos []string) bool {
	propn := false
	for _, p := range pos {
		switch p {
		case "PRON":
			return false
		case "PROPN":
			propn = true
		}
	}
	return propn
}

// adjectiveNames returns as MISC the runs of capitalised words inside the
// sentence that no name covers, are all adjectives and hold no role word:
// nationalities and the like ("a Swiss mathematician", "Eastern European
// states"), which CoNLL annotates as MISC; "Secretary General" is a role.
func adjectiveNames(l Labeled, rule *NameRule) []Span {
	covered := make([]bool, len(l.Words))
	for _, s := range l.Spans {
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
	}
	var out []Span
	for i := 1; i < len(l.Words); {
		if covered[i] || !capitalised(l.Words[i]) {
			i++
			continue
		}
		j, adj := i, true
		for j < len(l.Words) && !covered[j] && capitalised(l.Words[j]) {
			adj = adj && l.POS[j] == "ADJ" && !rule.roleWord(l.Words[j])
			j++
		}
		if adj {
			out = append(out, Span{Start: i, End: j, Type: Misc})
		}
		i = j
	}
	return out
}

// outermost keeps the spans no other span contains, and of overlapping ones
// the longer (the earlier on a tie).
func outermost(spans []Span) []Span {
	var out []Span
	for i, s := range spans {
		keep := true
		for j, o := range spans {
			if i == j || o.End <= s.Start || s.End <= o.Start {
				continue
			}
			lo, ls := o.End-o.Start, s.End-s.Start
			if lo > ls || lo == ls && (o.Start < s.Start || o.Start == s.Start && j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}
