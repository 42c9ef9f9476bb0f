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
	want := make([][]string, len(texts))
	for i, s := range texts {
		d := text.SegmentString(s)
		r.Recognize(d)
		want[i] = typed(d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + w) % len(texts)
				d := text.SegmentString(texts[i])
				r.Recognize(d)
				if got := typed(d); !slices.Equal(got, want[i]) {
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
