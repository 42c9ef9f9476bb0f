package ner

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/schemes.tsv
var schemesTSV string

// Scheme says what the labels of a gold corpus mean (data/schemes.tsv).
type Scheme struct {
	Name  string
	types map[string]Type
	names map[string]bool // labels whose spans keep only their name
}

// LoadSchemes parses the embedded table of corpus schemes, in file order.
func LoadSchemes() ([]*Scheme, error) {
	var out []*Scheme
	by := map[string]*Scheme{}
	err := eachTSV("schemes.tsv", schemesTSV, 3, func(f []string) error {
		s := by[f[0]]
		if s == nil {
			s = &Scheme{Name: f[0], types: map[string]Type{}, names: map[string]bool{}}
			by[f[0]] = s
			out = append(out, s)
		}
		t, ok := ParseType(f[2])
		if !ok {
			return fmt.Errorf("type %q, want one of %s", f[2], strings.Join(typeNames[:], ", "))
		}
		s.types[f[1]] = t
		if len(f) > 3 && f[3] == "name" {
			s.names[f[1]] = true
		}
		return nil
	})
	return out, err
}

// DetectScheme returns the first scheme that knows every label of docs.
func DetectScheme(schemes []*Scheme, docs []RawDocument) (*Scheme, error) {
	labels := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, c := range Chunks(s.Tags) {
				labels[c.Label] = true
			}
		}
	}
	for _, s := range schemes {
		if s.knows(labels) {
			return s, nil
		}
	}
	var ls []string
	for l := range labels {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	return nil, fmt.Errorf("no scheme of schemes.tsv knows all the labels %s", strings.Join(ls, ", "))
}

func (s *Scheme) knows(labels map[string]bool) bool {
	for l := range labels {
		if _, ok := s.types[l]; !ok {
			return false
		}
	}
	return true
}

// Convert maps raw documents to labelled ones under the scheme. A span whose
// label has the name rule keeps only the name inside it; the rest of a
// PERSON, ORG or PLACE span goes to Labeled.Ignore. An unknown label is an
// error naming the document and line.
func (s *Scheme) Convert(raw []RawDocument, rule *NameRule) ([]Document, error) {
	out := make([]Document, 0, len(raw))
	for _, rd := range raw {
		d := Document{ID: rd.ID, Sentences: make([]Labeled, 0, len(rd.Sentences))}
		for _, rs := range rd.Sentences {
			l, err := s.convert(rs, rule)
			if err != nil {
				return nil, fmt.Errorf("%s (sentence at line %d): %w", rd.ID, rs.Line, err)
			}
			d.Sentences = append(d.Sentences, l)
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *Scheme) convert(rs RawSentence, rule *NameRule) (Labeled, error) {
	l := Labeled{Words: rs.Words}
	for _, c := range Chunks(rs.Tags) {
		t, ok := s.types[c.Label]
		if !ok {
			return l, fmt.Errorf("label %q is not in scheme %s", c.Label, s.Name)
		}
		if t == None {
			continue
		}
		sp := Span{Start: c.Start, End: c.End, Type: t}
		if !s.names[c.Label] {
			l.Spans = append(l.Spans, sp)
			continue
		}
		name, ok := rule.Name(rs.Words, sp)
		if ok {
			l.Spans = append(l.Spans, name)
		}
		if t == Misc {
			continue
		}
		if !ok {
			l.Ignore = append(l.Ignore, sp)
			continue
		}
		if name.Start > sp.Start {
			l.Ignore = append(l.Ignore, Span{Start: sp.Start, End: name.Start, Type: t})
		}
		if name.End < sp.End {
			l.Ignore = append(l.Ignore, Span{Start: name.End, End: sp.End, Type: t})
		}
	}
	return l, nil
}
