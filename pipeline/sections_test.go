package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

func TestLongDocumentsAreAnalysedInSections(t *testing.T) {
	p, err := New(WithLevel(Core))
	if err != nil {
		t.Fatal(err)
	}
	para := "Foreign Minister Anna Berg said the talks had ended without a deal. “We will meet again,” she said.\n\n"
	text := strings.Repeat(para, 40)
	whole, err := p.Extract(context.Background(), parley.Document{ID: "whole", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	p.section = len(para)*7 + 3 // force sections that do not fall on paragraph multiples
	split, err := p.Extract(context.Background(), parley.Document{ID: "split", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(split.Quotes) != len(whole.Quotes) {
		t.Fatalf("%d quotes in sections, %d whole", len(split.Quotes), len(whole.Quotes))
	}
	for i, q := range split.Quotes {
		w := whole.Quotes[i]
		if q.Content != w.Content || q.SpeakerName != w.SpeakerName || q.ID != w.ID {
			t.Errorf("quote %d: sections %+v, whole %+v", i, q, w)
		}
		if e := split.Entity(q.Speaker); e == nil || e.Name != "Anna Berg" {
			t.Errorf("quote %s: speaker %q does not resolve to Anna Berg", q.ID, q.Speaker)
		}
	}
	persons := 0
	for _, e := range split.Entities {
		if e.Type == parley.Person {
			persons++
			if len(e.Mentions) < 40 {
				t.Errorf("%s has %d mentions across sections, want all", e.Name, len(e.Mentions))
			}
		}
	}
	if persons != 1 {
		t.Errorf("%d persons after merging, want 1", persons)
	}
	if len(split.Warnings) == 0 {
		t.Error("no warning that the document was analysed in sections")
	}
}

func TestSectionEndNeverSplitsARune(t *testing.T) {
	s := strings.Repeat("é", 1000) // no break anywhere
	for start := 0; start < len(s); {
		end := sectionEnd(s, start, 101)
		if end <= start || end < len(s) && s[end]&0xC0 == 0x80 {
			t.Fatalf("sectionEnd(%d) = %d: not a rune boundary", start, end)
		}
		start = end
	}
}
