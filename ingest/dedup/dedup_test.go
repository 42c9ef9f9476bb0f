package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func story(rng *rand.Rand, n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", rng.IntN(20000))
	}
	return w
}

func TestIndexLinksWireCopiesNotOtherStories(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	orig := story(rng, 400)
	// A republished copy: new dateline, one sentence changed, a tagline added.
	copyWords := append([]string{"LONDON", "(Reuters)", "-"}, orig...)
	copy(copyWords[100:], story(rng, 8))
	copyWords = append(copyWords, "Reporting", "by", "Jane", "Doe")
	var x Index
	x.Add("orig", Of(strings.Join(orig, " ")))
	for i := range 200 {
		x.Add(fmt.Sprint("other", i), Of(strings.Join(story(rng, 400), " ")))
	}
	if id, ok := x.Lookup(Of(strings.Join(copyWords, " "))); !ok || id != "orig" {
		t.Errorf("copy: Lookup = %q, %v; want orig", id, ok)
	}
	if id, ok := x.Lookup(Of(strings.Join(story(rng, 400), " "))); ok {
		t.Errorf("unrelated story matched %q", id)
	}
}

func TestShortTextsMatchOnlyExactly(t *testing.T) {
	var x Index
	x.Add("a", Of("Markets closed higher on Tuesday."))
	if _, ok := x.Lookup(Of("Markets closed lower on Tuesday.")); ok {
		t.Error("short texts that differ were linked")
	}
	if id, ok := x.Lookup(Of("Markets closed higher on Tuesday.")); !ok || id != "a" {
		t.Errorf("identical short text: %q %v", id, ok)
	}
}
