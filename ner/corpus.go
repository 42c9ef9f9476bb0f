package ner

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

//go:embed data/training_parts.tsv
var trainingPartsTSV string

// Part is one training corpus of the shared data folder.
type Part struct {
	Name    string // "wikigold"
	Path    string // relative to the shared folder
	Licence string // of the annotated text, for ner/model/README.md
	gum     bool   // CoNLL-U with GUM's Entity= annotation, else CoNLL
}

// Parts returns the corpora the shipped model may be trained on
// (data/training_parts.tsv).
func Parts() ([]Part, error) {
	var out []Part
	err := eachTSV("training_parts.tsv", trainingPartsTSV, 4, func(f []string) error {
		if f[2] != "conll" && f[2] != "gum" {
			return fmt.Errorf("format %q, want conll or gum", f[2])
		}
		out = append(out, Part{Name: f[0], Path: f[1], gum: f[2] == "gum", Licence: f[3]})
		return nil
	})
	return out, err
}

// Loader reads gold corpora with the schemes and name rule they need.
type Loader struct {
	Schemes []*Scheme
	Rule    *NameRule
}

// NewLoader loads the embedded schemes and name words.
func NewLoader(rule *NameRule) (*Loader, error) {
	s, err := LoadSchemes()
	if err != nil {
		return nil, err
	}
	return &Loader{Schemes: s, Rule: rule}, nil
}

func (l *Loader) scheme(name string) (*Scheme, error) {
	for _, s := range l.Schemes {
		if s.Name == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("no scheme %q in schemes.tsv", name)
}

// ReadPart reads one training part from the shared folder.
func (l *Loader) ReadPart(shared string, p Part) ([]Document, error) {
	path := filepath.Join(shared, p.Path)
	if p.gum {
		s, err := l.scheme("gum")
		if err != nil {
			return nil, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadGUM(f, path, s, l.Rule)
	}
	docs, _, err := l.ReadCoNLLFile(path, "auto")
	return docs, err
}

// ReadCoNLLFile reads a CoNLL gold file and converts it with the named
// scheme, or with the one its labels reveal ("auto"). It returns the scheme
// used.
func (l *Loader) ReadCoNLLFile(path, scheme string) ([]Document, *Scheme, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	raw, err := ReadCoNLL(f, path)
	if err != nil {
		return nil, nil, err
	}
	var s *Scheme
	if scheme == "" || scheme == "auto" {
		s, err = DetectScheme(l.Schemes, raw)
	} else {
		s, err = l.scheme(scheme)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	docs, err := s.Convert(raw, l.Rule)
	return docs, s, err
}

// PartNames lists the names of parts, comma-separated.
func PartNames(ps []Part) string {
	var ns []string
	for _, p := range ps {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ",")
}
