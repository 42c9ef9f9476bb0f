package syntax

import "github.com/parley-news/parley"

// Annotate tags sentence s of d, and parses it when parse is set, writing
// each token's POS, XPOS and lemma (and its Head and Rel) into d: the Doc
// is the one place the layers live. Each token of parley's segmentation is
// one word of the model. It returns the words' analysis (out reused).
func (p *Parser) Annotate(d *parley.Doc, s parley.Sentence, parse bool, out []Word) []Word {
	p.forms = p.forms[:0]
	for i := s.First; i < s.Last; i++ {
		t := d.Tokens[i]
		p.forms = append(p.forms, d.Text[t.Start:t.End])
	}
	if parse {
		out = p.Parse(p.forms, out)
	} else {
		out = p.Tag(p.forms, out)
	}
	for k, w := range out {
		i := s.First + k
		t := &d.Tokens[i]
		t.POS = w.POS
		if parse {
			t.Rel = w.Rel
			t.Head = int32(s.First + w.Head - 1) // the root's head becomes -1
			if w.Head == 0 {
				t.Head = -1
			}
		}
		d.SetLemma(i, w.Lemma)
		d.SetXPOS(i, w.XPOS)
	}
	return out
}
