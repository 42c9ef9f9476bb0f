package parley

import "strings"

// POS is a universal part-of-speech tag (Universal Dependencies v2).
type POS uint8

// The universal part-of-speech tags, written as UD writes them (as go/token
// writes its token names). NoPOS marks a token that was not tagged.
const (
	NoPOS POS = iota
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
	numPOS
)

var posNames = [numPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
	"PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func (p POS) String() string {
	if p < numPOS {
		return posNames[p]
	}
	return "_"
}

// ParsePOS returns the tag called name, or NoPOS.
func ParsePOS(name string) POS {
	for i, n := range posNames {
		if n == name && i > 0 {
			return POS(i)
		}
	}
	return NoPOS
}

// Nominal reports whether p heads a noun phrase (noun, proper noun, pronoun).
func (p POS) Nominal() bool { return p == NOUN || p == PROPN || p == PRON }

// DepRel is a Universal Dependencies relation, with its language-specific
// subtype where English treebanks use one ("nsubj:pass", "nmod:poss").
type DepRel uint8

// The relations. NoRel marks a token that was not parsed.
const (
	NoRel DepRel = iota
	RelAcl
	RelAclRelcl
	RelAdvcl
	RelAdvclRelcl
	RelAdvmod
	RelAmod
	RelAppos
	RelAux
	RelAuxPass
	RelCase
	RelCc
	RelCcPreconj
	RelCcomp
	RelClf
	RelCompound
	RelCompoundPrt
	RelConj
	RelCop
	RelCsubj
	RelCsubjOuter
	RelCsubjPass
	RelDep
	RelDet
	RelDetPredet
	RelDiscourse
	RelDislocated
	RelExpl
	RelFixed
	RelFlat
	RelGoeswith
	RelIobj
	RelList
	RelMark
	RelNmod
	RelNmodDesc
	RelNmodPoss
	RelNmodUnmarked
	RelNsubj
	RelNsubjOuter
	RelNsubjPass
	RelNummod
	RelObj
	RelObl
	RelOblAgent
	RelOblUnmarked
	RelOrphan
	RelParataxis
	RelPunct
	RelReparandum
	RelRoot
	RelVocative
	RelXcomp
	numRel
)

var relNames = [numRel]string{"_", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux",
	"aux:pass", "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj",
	"csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat",
	"goeswith", "iobj", "list", "mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer",
	"nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:unmarked", "orphan", "parataxis", "punct",
	"reparandum", "root", "vocative", "xcomp"}

func (r DepRel) String() string {
	if r < numRel {
		return relNames[r]
	}
	return "_"
}

// ParseDepRel returns the relation called name. A subtype parley does not
// know falls back to its main relation ("obl:tmod" → obl), an unknown
// relation to dep.
func ParseDepRel(name string) DepRel {
	if name == "" || name == "_" {
		return NoRel
	}
	for i, n := range relNames {
		if n == name && i > 0 {
			return DepRel(i)
		}
	}
	if main, _, ok := strings.Cut(name, ":"); ok {
		return ParseDepRel(main)
	}
	return RelDep
}

// Main returns the main relation of r, without its subtype (nsubj for
// nsubj:pass).
func (r DepRel) Main() DepRel {
	main, _, _ := strings.Cut(r.String(), ":")
	return ParseDepRel(main)
}

// Subject reports whether r attaches a subject (nsubj, nsubj:pass, csubj…).
func (r DepRel) Subject() bool {
	switch r {
	case RelNsubj, RelNsubjPass, RelNsubjOuter, RelCsubj, RelCsubjPass, RelCsubjOuter:
		return true
	}
	return false
}
