package dedup

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
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

// simhashFNV is Simhash as it was written with hash/fnv: the reference the
// in-place hash must equal, bit for bit, or stored fingerprints would stop
// matching new ones.
func simhashFNV(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	var v [64]int
	h := fnv.New64a()
	add := func(ws []string) {
		h.Reset()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := mix(h.Sum64())
		for i := range 64 {
			if x&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(words) < 3 {
		add(words)
	}
	for i := 0; i+3 <= len(words); i++ {
		add(words[i : i+3])
	}
	var s uint64
	for i := range 64 {
		if v[i] > 0 {
			s |= 1 << i
		}
	}
	return s
}

// TestSimhashEqualsFNVReference: the fingerprint of a text does not depend
// on how the shingle hash is computed (stores keep fingerprints across
// versions).
func TestSimhashEqualsFNVReference(t *testing.T) {
	for _, text := range []string{
		"",
		"one",
		"two words",
		"The minister said on Tuesday that talks would resume in the spring, officials said.",
		"Ünïcödé wörds, digits 2024 and 3.5 percent — with dashes… and “quotes”.",
		strings.Repeat("the same three words again and again ", 40),
	} {
		if got, want := Simhash(text), simhashFNV(text); got != want {
			t.Errorf("Simhash(%.30q) = %016x, the hash/fnv reference gives %016x", text, got, want)
		}
	}
}

func BenchmarkSimhash(b *testing.B) {
	text := strings.Join(story(rand.New(rand.NewPCG(1, 2)), 800), " ")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Simhash(text)
	}
}
