// Package dedup finds near-duplicate articles — the same wire story
// republished with a new headline, a changed paragraph or a different
// dateline — with 64-bit simhashes of word shingles.
package dedup

import (
	"math/bits"
	"strings"
	"unicode"
)

// DefaultDistance is the largest Hamming distance between the simhashes of
// two texts that Index treats as copies. Over 3-word shingles, a wire copy
// with a new dateline, a changed sentence and a tagline differs by 2–6
// bits, unrelated articles by about 32 (28–36 in the tests).
const DefaultDistance = 7

// minWords: shorter texts are too short to fingerprint reliably; only
// identical ones are duplicates.
const minWords = 20

// Simhash returns the 64-bit simhash of text over lower-cased 3-word
// shingles.
func Simhash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	// ones[i] counts the shingles whose hash has bit i set; the simhash has
	// bit i where most do.
	var ones [64]int
	n := 0
	add := func(ws []string) {
		x := mix(shingleHash(ws))
		for i := range ones {
			ones[i] += int(x >> i & 1)
		}
		n++
	}
	if len(words) < 3 {
		add(words)
	}
	for i := 0; i+3 <= len(words); i++ {
		add(words[i : i+3])
	}
	var s uint64
	for i := range ones {
		if 2*ones[i] > n {
			s |= 1 << i
		}
	}
	return s
}

// FNV-1a, 64-bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// shingleHash is the FNV-1a hash of the words, each followed by a NUL byte,
// computed over the strings in place: hash/fnv's Write needed a []byte
// copy of every word, which was most of the cost of fingerprinting.
func shingleHash(ws []string) uint64 {
	h := uint64(fnvOffset)
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= fnvPrime
		}
		h *= fnvPrime // the NUL separator: h ^= 0, then multiply
	}
	return h
}

// mix finalises a hash (splitmix64): FNV's high bits mix poorly for short
// inputs.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Index remembers the fingerprints of the articles seen so far and finds
// the first one that a new article copies. It is not safe for concurrent
// use. By the pigeonhole principle, two hashes within distance 7 agree on
// at least one of eight 8-bit bands, so each lookup compares only the
// entries that share a band.
type Index struct {
	Distance int // 0 means DefaultDistance (at most 7)
	bands    [nbands]map[uint8][]int
	entries  []entry
}

type entry struct {
	hash  uint64
	id    string
	exact bool // too short for simhash: matched on identical hash only
}

// Fingerprint is what the index keeps of one article.
type Fingerprint struct {
	Hash  uint64
	Short bool // fewer than 20 words: only exact copies count
}

// Of computes the fingerprint of a text.
func Of(text string) Fingerprint {
	n := 0
	for range strings.FieldsSeq(text) {
		n++
		if n >= minWords {
			break
		}
	}
	return Fingerprint{Hash: Simhash(text), Short: n < minWords}
}

// Lookup returns the id of the first indexed article that fp copies.
func (x *Index) Lookup(fp Fingerprint) (string, bool) {
	d := x.Distance
	if d <= 0 || d >= nbands {
		d = DefaultDistance
	}
	if fp.Short {
		d = 0
	}
	best := -1
	for b := range nbands {
		m := x.bands[b]
		if m == nil {
			continue
		}
		for _, i := range m[band(fp.Hash, b)] {
			e := x.entries[i]
			dist := bits.OnesCount64(e.hash ^ fp.Hash)
			if e.exact && dist != 0 {
				continue
			}
			if dist <= d && (best < 0 || i < best) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return x.entries[best].id, true
}

// Add indexes an article under id.
func (x *Index) Add(id string, fp Fingerprint) {
	i := len(x.entries)
	x.entries = append(x.entries, entry{hash: fp.Hash, id: id, exact: fp.Short})
	for b := range nbands {
		if x.bands[b] == nil {
			x.bands[b] = make(map[uint8][]int)
		}
		k := band(fp.Hash, b)
		x.bands[b][k] = append(x.bands[b][k], i)
	}
}

// Len is the number of indexed articles.
func (x *Index) Len() int { return len(x.entries) }

const nbands = DefaultDistance + 1

func band(h uint64, b int) uint8 { return uint8(h >> (8 * b)) }
