package syntax

import "strings"

// UPOS is a Universal Dependencies part-of-speech tag. The zero value is
// unknown ("_").
type UPOS uint8

// The 17 UD v2 tags (https://universaldependencies.org/u/pos/).
const (
	NoUPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numUPOS
)

// The names are the UD standard's, in the order of the constants.
var uposNames = [numUPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ",
	"NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func (u UPOS) String() string {
	if u >= numUPOS {
		return "_"
	}
	return uposNames[u]
}

// ParseUPOS returns the tag named s, or false.
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames {
		if i > 0 && n == s {
			return UPOS(i), true
		}
	}
	return NoUPOS, false
}

// Rel is a universal dependency relation, without its language-specific
// subtype ("obl" for "obl:tmod"). The zero value is unknown ("_").
type Rel uint8

// The 37 UD v2 relations (https://universaldependencies.org/u/dep/).
const (
	NoRel Rel = iota
	Acl
	Advcl
	Advmod
	Amod
	Appos
	Aux
	Case
	Cc
	Ccomp
	Clf
	Compound
	Conj
	Cop
	Csubj
	Dep
	Det
	Discourse
	Dislocated
	Expl
	Fixed
	Flat
	Goeswith
	Iobj
	List
	Mark
	Nmod
	Nsubj
	Nummod
	Obj
	Obl
	Orphan
	Parataxis
	Punct
	Reparandum
	Root
	Vocative
	Xcomp
	numRel
)

var relNames = [numRel]string{"_", "acl", "advcl", "advmod", "amod", "appos", "aux", "case",
	"cc", "ccomp", "clf", "compound", "conj", "cop", "csubj", "dep", "det", "discourse",
	"dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj",
	"nummod", "obj", "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"}

func (r Rel) String() string {
	if r >= numRel {
		return "_"
	}
	return relNames[r]
}

// ParseRel returns the universal relation of a label, ignoring a subtype
// ("nsubj:pass" → Nsubj), or false.
func ParseRel(label string) (Rel, bool) {
	main, _, _ := strings.Cut(label, ":")
	for i, n := range relNames {
		if i > 0 && n == main {
			return Rel(i), true
		}
	}
	return NoRel, false
}
