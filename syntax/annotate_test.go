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

// TestParsersShareTheModel guards that parsers of one model may run at once
// (the pipeline's workers do): the model is never written while parsing,
// which the race detector checks, and each gets the serial result.
func TestParsersShareTheModel(t *testing.T) {
	m := mustLoad(t)
	words := []string{"The", "ministers", "met", "reporters", "in", "Paris", "on", "Monday", "."}
	want := m.NewParser().Parse(words, nil)
	done := make(chan []Word, 2)
	for range 2 {
		go func() {
			p := m.NewParser()
			var out []Word
			for range 50 {
				out = p.Parse(words, out)
			}
			done <- out
		}()
	}
	for range 2 {
		got := <-done
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("word %d: %+v, serial %+v", i, got[i], want[i])
			}
		}
	}
}
