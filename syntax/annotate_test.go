package syntax

import (
	"strings"
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

// TestAnnotateReadsAbbreviationsWhole guards that the parser sees "Mr." as
// one word, as the treebank writes it, and that the split-off period is
// written back as punctuation of its word.
func TestAnnotateReadsAbbreviationsWhole(t *testing.T) {
	p := mustLoad(t).NewParser()
	d := text.SegmentString("Mr. Hale met Gov. Ann Roe in Ohio.")
	s := d.Sentences[0]
	out := p.Annotate(d, s, true, nil)
	if len(out) != s.Last-s.First-2 {
		t.Fatalf("%d words for %d tokens: want the two abbreviation periods read with their words", len(out), s.Last-s.First)
	}
	for _, i := range []int{1, 5} { // the periods after "Mr" and "Gov"
		if tok := d.Tokens[i]; d.Tok(i) != "." || tok.POS != parley.PUNCT || tok.Rel != parley.RelPunct || d.Head(i) != i-1 {
			t.Errorf("period %d (%q): %v %v head %d, want PUNCT punct of token %d", i, d.Tok(i), tok.POS, tok.Rel, d.Head(i), i-1)
		}
	}
	dt := text.SegmentString("Mr. Hale met Gov. Ann Roe in Ohio.")
	p.Annotate(dt, dt.Sentences[0], false, nil)
	if dt.Tokens[1].POS != parley.PUNCT || dt.Tokens[1].Rel != parley.NoRel {
		t.Errorf("tagging only: the period is %v %v, want PUNCT and no relation", dt.Tokens[1].POS, dt.Tokens[1].Rel)
	}
	if l := d.Lemma(0); strings.HasSuffix(l, ".") {
		t.Errorf("lemma of the token %q is %q: the period is a token of its own", d.Tok(0), l)
	}
	for i := s.First; i < s.Last; i++ {
		if h := d.Head(i); h != -1 && (d.Tokens[h].Is(parley.Abbrev)) {
			t.Errorf("token %q depends on an abbreviation period", d.Tok(i))
		}
	}
}

// TestAnnotateParsesTaggedSentenceWithoutRetagging guards that parsing a
// sentence an earlier Annotate tagged takes up the Doc's tags instead of
// tagging the words again, and gives the tree a fresh parse gives.
func TestAnnotateParsesTaggedSentenceWithoutRetagging(t *testing.T) {
	m := mustLoad(t)
	for _, tc := range []struct {
		name, text string
		sentence   int
	}{
		{"plain", "Councillor Brenna Wolk said the vote failed. The ministers met reporters in Paris on Monday.", 1},
		{"abbreviation", "Mr. Tarrow told the board on Friday that the depot would close.", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh := text.SegmentString(tc.text)
			s := fresh.Sentences[tc.sentence]
			m.NewParser().Annotate(fresh, s, true, nil)

			d := text.SegmentString(tc.text)
			p := m.NewParser()
			p.Annotate(d, s, false, nil)
			tagged := p.taggedWords
			p.Annotate(d, s, true, nil)
			if p.taggedWords != tagged {
				t.Errorf("parsing the tagged sentence tagged %d words again", p.taggedWords-tagged)
			}
			for i := s.First; i < s.Last; i++ {
				a, b := fresh.Tokens[i], d.Tokens[i]
				if a.POS != b.POS || a.Rel != b.Rel || a.Head != b.Head || fresh.XPOS(i) != d.XPOS(i) || fresh.Lemma(i) != d.Lemma(i) {
					t.Errorf("token %q: fresh parse %v %s %v %d %q, after tagging %v %s %v %d %q", d.Tok(i),
						a.POS, fresh.XPOS(i), a.Rel, a.Head, fresh.Lemma(i), b.POS, d.XPOS(i), b.Rel, b.Head, d.Lemma(i))
				}
			}
		})
	}
}
