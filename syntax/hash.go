package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and its values, so that
// no feature string is ever built. FNV-1a hashes the text; mix combines.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// mix folds v into h (a multiply-xorshift round, as in splitmix64).
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9e3779b97f4a7c15
	return h ^ (h >> 31)
}

// feature keys of one, two and three values under template t; never 0,
// which marks an empty table slot.
func key1(t, a uint64) uint64       { return nonZero(mix(mix(t, a), 0x51)) }
func key2(t, a, b uint64) uint64    { return nonZero(mix(mix(mix(t, a), b), 0x52)) }
func key3(t, a, b, c uint64) uint64 { return nonZero(mix(mix(mix(mix(t, a), b), c), 0x53)) }

func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// appendLower appends the lower-case UTF-8 of s to dst and the byte offset
// where each rune starts to starts.
func appendLower(dst []byte, starts []int32, s string) ([]byte, []int32) {
	for i := 0; i < len(s); {
		starts = append(starts, int32(len(dst)))
		dst, i = lowerAt(dst, s, i)
	}
	return dst, starts
}

// appendLowerBytes appends the lower-case UTF-8 of s to dst.
func appendLowerBytes(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		dst, i = lowerAt(dst, s, i)
	}
	return dst
}

// lowerAt appends the lower case of the rune at s[i:] and returns the index
// of the next rune.
func lowerAt(dst []byte, s string, i int) ([]byte, int) {
	if c := s[i]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return append(dst, c), i + 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return utf8.AppendRune(dst, unicode.ToLower(r)), i + w
}
