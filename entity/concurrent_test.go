package entity

import (
	"slices"
	"sync"
	"testing"

	"github.com/parley-news/parley/text"
)

// The pipeline shares one Recognizer between its workers (the model's
// taggers come from a pool): concurrent documents must get what each gets
// alone. Run under -race, as CI does, this also guards the shared state.
func TestRecognizerIsSafeForConcurrentUse(t *testing.T) {
	r := newModelRecognizer(t)
	texts := []string{
		"Anton Dravenko arrived on Monday. Dravenko said the talks in Geneva would go on.",
		"The steel giant Korvex cut jobs. Korvex said the cuts were needed.",
		"Foreign Minister Marta Quell met officials of the European Union in Brussels.",
	}
	sameWhenConcurrent(t, texts, func(s string) []string {
		d := text.SegmentString(s)
		r.Recognize(d)
		return typed(d)
	})
}

// sameWhenConcurrent analyses each text alone, then all of them from eight
// goroutines at once, and reports each text whose analysis differs.
func sameWhenConcurrent(t *testing.T, texts []string, analyse func(string) []string) {
	t.Helper()
	want := make([][]string, len(texts))
	for i, s := range texts {
		want[i] = analyse(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + w) % len(texts)
				if got := analyse(texts[i]); !slices.Equal(got, want[i]) {
					errs <- texts[i]
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("concurrent analysis of %q differs from the analysis alone", s)
	}
}

// Coreference takes a parser from the Recognizer's pool for each document:
// with the syntax model too, concurrent documents get what each gets alone.
func TestRecognizerWithSyntaxIsSafeForConcurrentUse(t *testing.T) {
	r := newSyntaxRecognizer(t)
	texts := []string{
		"Maria Lopez was born in Lisbon, the daughter of a teacher. She was the first and only woman to win.",
		"Mr. Tom Hale taught Ann Ruiz. Hale described her as the most gifted student he ever had.",
		"The pupil of a painter, who died in 1701, Maria Lopez was known for her portraits.",
	}
	nominals := func(s string) []string {
		d := text.SegmentString(s)
		r.Recognize(d)
		var out []string
		for _, m := range d.Mentions {
			out = append(out, s[m.Span.Start:m.Span.End]+"→"+d.Entities[m.Entity.Index()].Name)
		}
		return out
	}
	sameWhenConcurrent(t, texts, nominals)
}
