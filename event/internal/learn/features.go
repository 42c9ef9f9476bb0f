package main

import (
	"strings"

	"github.com/parley-news/parley"
)

// features describes the candidate trigger at token t of a parsed sentence:
// its lemma and part of speech, each dependent's relation and lemma (the
// object, the preposition's noun, an auxiliary or a negation), the kinds of
// the entities its subject and object name, and the relation to its head.
func features(d *parley.Doc, s parley.Sentence, t int) []string {
	l := d.Lemma(t)
	f := []string{"bias", "l=" + l, "p=" + d.Tokens[t].POS.String()}
	for i := s.First; i < s.Last; i++ {
		if d.Head(i) != t || i == t {
			continue
		}
		rel := d.Tokens[i].Rel.Main().String()
		dl := d.Lemma(i)
		f = append(f, "d="+rel+"|"+dl, "ld="+l+"|"+rel+"|"+dl, "r="+rel)
		switch dl {
		case "not", "never", "n't", "no":
			f = append(f, "neg", "neg|"+l)
		}
		if k := kindAt(d, i); k != "" {
			f = append(f, "k="+rel+"|"+k, "lk="+l+"|"+rel+"|"+k)
		}
		if rel == "obl" || rel == "nmod" {
			if c := caseOf(d, s, i); c != "" {
				f = append(f, "pp="+c+"|"+dl, "lpp="+l+"|"+c)
			}
		}
	}
	if h := d.Head(t); h >= 0 {
		f = append(f, "h="+d.Tokens[t].Rel.Main().String()+"|"+d.Lemma(h))
	}
	return f
}

// kindAt is the type of the entity mentioned at token i, or "".
func kindAt(d *parley.Doc, i int) string {
	m := d.MentionAt(i)
	if m == nil {
		return ""
	}
	if e := d.Entity(m.Entity); e != nil {
		return strings.ToLower(string(e.Type))
	}
	return ""
}

// caseOf is the preposition that marks the nominal at token i.
func caseOf(d *parley.Doc, s parley.Sentence, i int) string {
	for k := s.First; k < s.Last; k++ {
		if d.Head(k) == i && d.Tokens[k].Rel.Main() == parley.RelCase {
			return d.Lemma(k)
		}
	}
	return ""
}

// rootOf is the root of sentence s's parse, or -1.
func rootOf(d *parley.Doc, s parley.Sentence) int {
	for i := s.First; i < s.Last; i++ {
		if d.Tokens[i].Rel != parley.NoRel && d.Head(i) < 0 {
			return i
		}
	}
	return -1
}

// triggerToken finds the token of event e's trigger word inside its
// evidence: the first word of the trigger, matched case-insensitively.
func triggerToken(d *parley.Doc, e parley.Event) int {
	w := strings.ToLower(strings.Fields(e.Trigger + " x")[0])
	for i := d.TokenAt(e.Evidence.Start); i >= 0 && i < len(d.Tokens) && int(d.Tokens[i].Start) < e.Evidence.End; i++ {
		t := d.Tokens[i]
		if strings.ToLower(d.Text[t.Start:t.End]) == w {
			return i
		}
	}
	return -1
}
