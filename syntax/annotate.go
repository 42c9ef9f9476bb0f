package syntax

import (
	"strings"

	"github.com/parley-news/parley"
)

// Annotate tags sentence s of d, and parses it when parse is set, writing
// each token's POS, XPOS and lemma (and its Head and Rel) into d: the Doc
// is the one place the layers live. Each token of parley's segmentation is
// one word of the model, except the period of an abbreviation (Abbrev),
// which is read with the word before it ("Mr.", as the treebank writes it)
// and written back as that word's punctuation. It returns the words'
// analysis (out reused).
func (p *Parser) Annotate(d *parley.Doc, s parley.Sentence, parse bool, out []Word) []Word {
	p.forms, p.at = p.forms[:0], p.at[:0]
	for i := s.First; i < s.Last; i++ {
		t := d.Tokens[i]
		if t.Is(parley.Abbrev) && i > s.First {
			continue
		}
		end := t.End
		if i+1 < s.Last && d.Tokens[i+1].Is(parley.Abbrev) {
			end = d.Tokens[i+1].End
		}
		p.forms = append(p.forms, d.Text[t.Start:end])
		p.at = append(p.at, i)
	}
	switch {
	case parse && p.docTags(d):
		out = p.parseTagged(p.forms, p.given, out)
	case parse:
		out = p.Parse(p.forms, out)
	default:
		out = p.Tag(p.forms, out)
	}
	for k, w := range out {
		i := p.at[k]
		t := &d.Tokens[i]
		t.POS = w.POS
		if parse {
			t.Rel = w.Rel
			t.Head = -1 // the root
			if w.Head > 0 {
				t.Head = int32(p.at[w.Head-1])
			}
		}
		lemma := w.Lemma
		if i+1 < s.Last && d.Tokens[i+1].Is(parley.Abbrev) {
			lemma = strings.TrimSuffix(lemma, ".") // the token is "Mr", its period a token of its own
			p.period(d, i, parse)
		}
		d.SetLemma(i, lemma)
		d.SetXPOS(i, w.XPOS)
	}
	return out
}

// docTags reports whether d holds a tag for each of Annotate's words (an
// earlier Annotate tagged the sentence: the quote stage tags most sentences
// it parses later), and puts their classes in p.given.
func (p *Parser) docTags(d *parley.Doc) bool {
	p.given = p.given[:0]
	for _, i := range p.at {
		c, ok := p.m.classes[tagPair{d.Tokens[i].POS, d.XPOS(i)}]
		if !ok {
			return false
		}
		p.given = append(p.given, c)
	}
	return true
}

// period writes the analysis of the abbreviation period after token i:
// punctuation, attached to its word when the sentence is parsed (tagging
// alone leaves no tree).
func (p *Parser) period(d *parley.Doc, i int, parse bool) {
	t := &d.Tokens[i+1]
	t.POS = parley.PUNCT
	if parse {
		t.Rel, t.Head = parley.RelPunct, int32(i)
	}
	d.SetLemma(i+1, ".")
	d.SetXPOS(i+1, ".")
}
