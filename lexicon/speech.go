package lexicon

import (
	"cmp"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/speech_verbs.tsv
var speechVerbsTSV string

//go:embed data/inflection.tsv
var inflectionTSV string

// doublesFinal are the verbs of data/inflection.tsv whose final consonant
// doubles before -ing although the short-verb rule of gerund misses them.
var doublesFinal = MustReadWordSets("inflection.tsv", inflectionTSV).Set("doubles_final")

// Frame is a bit set of the constructions a speech verb takes.
type Frame uint16

const (
	FrameThat     Frame = 1 << iota // "said (that) …", "…, X said"
	FrameInverted                   // "…, said X"
	FrameObject                     // "told reporters (that) …"
	FrameInf                        // "urged X to …"
	FrameNoun                       // "denied any knowledge of …"
	FrameOf                         // "accused X of …"
	FrameDispute                    // stance: deny, dismiss, reject
	FrameConfirm                    // stance: confirm, admit
	FrameQuoted                     // an attribution only when its content quotes the speaker ("blamed the “fog of war”")
	FrameBare                       // a content clause without "that" may open with any word ("says news outlets undercount …")
	FrameQuotedAs                   // its passive hands the subject to a gerund cue: "X was quoted as saying …"
	FrameThatOnly                   // its content clause needs "that": "the report found that …", not "found it difficult"
)

// VerbForm says which inflection a word is.
type VerbForm uint8

const (
	Base VerbForm = iota
	ThirdSingular
	Past
	PastParticiple
	Gerund
)

// Verb is one form of a speech verb.
type Verb struct {
	Lemma  string
	Form   VerbForm
	Frames Frame
	// Agent, when set, makes the passive an attribution ("X was accused of
	// …"): it labels the source when no "by" phrase names it.
	Agent string
}

// Speech is the lexicon of speech and reporting verbs, by word form.
type Speech struct {
	forms map[string]Verb
}

// LoadSpeech parses the embedded speech-verb table.
func LoadSpeech() (*Speech, error) {
	s := &Speech{forms: make(map[string]Verb, 1024)}
	for n, line := range strings.Split(speechVerbsTSV, "\n") {
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "lemma\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 && len(f) != 5 {
			return nil, fmt.Errorf("speech_verbs.tsv:%d: want 4 or 5 columns, got %d", n+1, len(f))
		}
		lemma, frames := f[0], parseFrames(f[3])
		agent := ""
		if len(f) == 5 {
			agent = f[4]
		}
		pasts := strings.Split(f[1], "|")
		parts := pasts
		if f[2] != "" {
			parts = strings.Split(f[2], "|")
		}
		s.add(lemma, lemma, Base, frames, "")
		s.add(lemma, thirdSingular(lemma), ThirdSingular, frames, "")
		s.add(lemma, gerund(lemma), Gerund, frames, "")
		for _, p := range parts {
			s.add(lemma, p, PastParticiple, frames, agent)
		}
		for _, p := range pasts {
			s.add(lemma, p, Past, frames, agent) // past wins over participle when they coincide
		}
	}
	return s, nil
}

func (s *Speech) add(lemma, form string, vf VerbForm, fr Frame, agent string) {
	v := Verb{Lemma: lemma, Form: vf, Frames: fr, Agent: agent}
	if old, ok := s.forms[form]; ok {
		v.Lemma = old.Lemma
		v.Frames |= old.Frames
		v.Agent = cmp.Or(old.Agent, v.Agent)
	}
	s.forms[form] = v
}

// Lookup returns the speech verb with this (lower-case) form.
func (s *Speech) Lookup(word string) (Verb, bool) {
	v, ok := s.forms[word]
	return v, ok
}

func parseFrames(s string) Frame {
	var f Frame
	for _, c := range s {
		switch c {
		case 'T':
			f |= FrameThat
		case 'V':
			f |= FrameInverted
		case 'O':
			f |= FrameObject
		case 'I':
			f |= FrameInf
		case 'N':
			f |= FrameNoun
		case 'F':
			f |= FrameOf
		case 'S':
			f |= FrameDispute
		case 'C':
			f |= FrameConfirm
		case 'Q':
			f |= FrameQuoted
		case 'B':
			f |= FrameBare
		case 'A':
			f |= FrameQuotedAs
		case 'R':
			f |= FrameThatOnly
		}
	}
	return f
}

func thirdSingular(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "ee"), strings.HasSuffix(v, "ye"):
		return v + "ing"
	case strings.HasSuffix(v, "e"):
		return v[:len(v)-1] + "ing"
	}
	// doubled final consonant for short CVC verbs: "quip" → "quipping", "plan" → "planning"
	if n := len(v); n >= 3 && n <= 4 && isCons(v[n-1]) && !strings.ContainsRune("wxy", rune(v[n-1])) && isVowel(v[n-2]) && isCons(v[n-3]) {
		return v + string(v[n-1]) + "ing"
	}
	if doublesFinal[v] {
		return v + string(v[len(v)-1]) + "ing"
	}
	return v + "ing"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
func isCons(c byte) bool  { return c >= 'a' && c <= 'z' && !isVowel(c) }
