package pipeline

import (
	"context"
	"fmt"
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
		if q.Content != w.Content || q.SpeakerName != w.SpeakerName || q.NestedIn != w.NestedIn || q.Continues != w.Continues {
			t.Errorf("quote %d: sections %+v, whole %+v", i, q, w)
		}
		if e := split.Entity(q.Speaker); e == nil || e.Name != "Anna Berg" {
			t.Errorf("quote %d: speaker %d does not resolve to Anna Berg", i, q.Speaker)
		}
	}
	persons := 0
	for i, e := range split.Entities {
		if e.Type == parley.Person {
			persons++
			if n := len(split.MentionsOf(parley.EntityAt(i))); n < 40 {
				t.Errorf("%s has %d mentions across sections, want all", e.Name, n)
			}
		}
	}
	if err := split.Validate(); err != nil {
		t.Error(err)
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

func TestAPanickingStageFailsOnlyItsDocument(t *testing.T) {
	p := &Pipeline{stages: []stage{func(_ context.Context, d *parley.Doc) error {
		if strings.Contains(d.Text, "boom") {
			panic("a bug in a stage")
		}
		return nil
	}}}
	in := make(chan parley.Document, 3)
	for _, text := range []string{"fine", "boom", "fine again"} {
		in <- parley.Document{ID: text, Text: text}
	}
	close(in)
	var failed, ok int
	for res := range p.Stream(context.Background(), in, 2) {
		if res.Err != nil {
			failed++
			if !strings.Contains(res.Err.Error(), "boom") && !strings.Contains(res.Err.Error(), "internal error") {
				t.Errorf("error %q does not say what failed", res.Err)
			}
		} else {
			ok++
		}
	}
	if failed != 1 || ok != 2 {
		t.Errorf("%d failed, %d ok; want 1 and 2", failed, ok)
	}
}

func TestAFailingSectionFailsTheDocumentAndStopsTheOthers(t *testing.T) {
	noLeak(t)
	p := &Pipeline{section: 64, stages: []stage{segment, func(_ context.Context, d *parley.Doc) error {
		if strings.Contains(d.Text, "boom") {
			return fmt.Errorf("cannot read this section")
		}
		return nil
	}}}
	text := strings.Repeat("A quiet paragraph of words.\n\n", 50) + "boom\n\n" + strings.Repeat("More words follow here.\n\n", 50)
	_, err := p.Extract(context.Background(), parley.Document{ID: "long", Text: text})
	if err == nil || !strings.Contains(err.Error(), "section at byte") || !strings.Contains(err.Error(), "cannot read") {
		t.Fatalf("err = %v, want the failing section named", err)
	}
}

// TestRunOnTextCostsWhatItsLengthDoes: text without sentence ends (a list,
// a scraped table, hostile input) is cut into bounded sentences, so that
// what the stages produce grows with its length, not with its square: every
// cue would otherwise govern the rest of the text as its content.
func TestRunOnTextCostsWhatItsLengthDoes(t *testing.T) {
	p, err := New(WithLevel(Core))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"John Smith", "Mary Jones", "Peter Brown", "Anna Lee"}
	verbs := []string{"said", "told", "argued", "warned"}
	content := func(n int) int {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s %s ", names[i%len(names)], verbs[(i/len(names))%len(verbs)])
		}
		d, err := p.Extract(context.Background(), parley.Document{ID: "run-on", Text: b.String()})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, q := range d.Quotes {
			total += q.Content.Len()
		}
		return total
	}
	small, large := content(400), content(1600)
	if small == 0 {
		t.Fatal("no quotes in the run-on text: the test proves nothing")
	}
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("quote content grew %.1f times for 4 times the text (%d → %d bytes), want about 4", ratio, small, large)
	}
}
