// Package text segments UTF-8 text into tokens, sentences and paragraphs, and
// converts byte offsets to Unicode code-point offsets. It is the only package
// that knows the difference: everything else works in byte offsets and asks
// an Offsets for code points when it writes output.
package text

import (
	"sort"
	"unicode/utf8"
)

// Offsets converts byte offsets of one string to code-point offsets.
// It records the byte position of every 64th code point, so conversion is
// a binary search plus a short scan, and memory is 1/64 of a full table.
type Offsets struct {
	s     string
	marks []int // marks[i] = byte offset of code point i*step
	ascii bool
}

const step = 64

// NewOffsets prepares conversions for s.
func NewOffsets(s string) *Offsets {
	o := &Offsets{s: s, ascii: true}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		return o
	}
	n := 0
	for i := range s {
		if n%step == 0 {
			o.marks = append(o.marks, i)
		}
		n++
	}
	return o
}

// CodePoint returns the code-point offset of byte offset b. Offsets inside a
// multi-byte rune count as the start of that rune; offsets past the end are
// clamped.
func (o *Offsets) CodePoint(b int) int {
	if b <= 0 {
		return 0
	}
	if b > len(o.s) {
		b = len(o.s)
	}
	if o.ascii {
		return b
	}
	k := sort.Search(len(o.marks), func(i int) bool { return o.marks[i] > b }) - 1
	cp := k * step
	for i := o.marks[k]; i < b; {
		_, w := utf8.DecodeRuneInString(o.s[i:])
		if i+w > b {
			break
		}
		i += w
		cp++
	}
	return cp
}

// Byte returns the byte offset of code-point offset c (clamped to the text).
func (o *Offsets) Byte(c int) int {
	if c <= 0 {
		return 0
	}
	if o.ascii {
		if c > len(o.s) {
			return len(o.s)
		}
		return c
	}
	k := c / step
	if k >= len(o.marks) {
		k = len(o.marks) - 1
	}
	i, cp := o.marks[k], k*step
	for i < len(o.s) && cp < c {
		_, w := utf8.DecodeRuneInString(o.s[i:])
		i += w
		cp++
	}
	return i
}
