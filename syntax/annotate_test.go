package syntax

import (
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// TestAnnotateWritesTheDoc guards that Annotate puts its analysis into the
// Doc's tokens: a tag on every token, a lemma, and with parse a head inside
// the sentence for all but one root; tagging alone leaves no tree.
func TestAnnotateWritesTheDoc(t *testing.T) {
	p := mustLoad(t).NewParser()
	for _, parse := range []bool{false, true} {
		d := text.SegmentString("He said it. The ministers met reporters in Paris on Monday.")
		s := d.Sentences[1]
		p.Annotate(d, s, parse, nil)
		roots := 0
		for i := s.First; i < s.Last; i++ {
			tok := d.Tokens[i]
			if tok.POS == parley.NoPOS {
				t.Errorf("parse=%v: token %q untagged", parse, d.Tok(i))
			}
			if !parse {
				if tok.Rel != parley.NoRel {
					t.Errorf("tagging set a relation on %q", d.Tok(i))
				}
				continue
			}
			switch h := d.Head(i); {
			case h == -1:
				roots++
			case h < s.First || h >= s.Last || h == i:
				t.Errorf("token %q: head %d outside the sentence [%d,%d)", d.Tok(i), h, s.First, s.Last)
			}
		}
		if parse && roots != 1 {
			t.Errorf("%d roots", roots)
		}
		if got := d.Lemma(s.First + 2); got != "meet" {
			t.Errorf("parse=%v: lemma of met = %q", parse, got)
		}
		if d.Tokens[0].POS != parley.NoPOS {
			t.Errorf("parse=%v: the other sentence was tagged", parse)
		}
	}
}
