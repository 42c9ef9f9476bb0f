package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/lexicon"
)

// Feature templates. Each feature is the hash of a template and a value, so
// a template's number must never change meaning inside one model version
// (featureVersion); new templates take new numbers.
const (
	tBias uint64 = iota + 1
	tLow
	tLowPrev
	tLowNext
	tLowPrev2
	tLowNext2
	tBigramPrev
	tBigramNext
	tPrefix // + length 1..4
	_
	_
	_
	tSuffix // + length 1..4
	_
	_
	_
	tShape
	tShapePrev
	tShapeNext
	tShapePrevCur
	tShapeCurNext
	tShapeTri
	tFlags
	tPosition
	tGaz
	tGazPrev
	tGazNext
	tRole
	tRolePrev
	tRoleNext
	tGiven
	tGivenPrev
	tDoc
	tSeenAs
	tHeading
	tLowPrevShape
	tShapeLowNext
	tLowShape
	tRolePrev2
	tPOS
	tPOSPrev
	tPOSNext
	tPOSShape
	tChunkLast
	tChunkFirst
	tChunkLen
	tChunkBefore
	tChunkAfter
	tWindow
	tDocContext
	tGlobalSet
	tGlobalSetOwn
	tGlobalMajor
)

// featureVersion changes whenever the features change meaning; a model of
// another version is refused.
const featureVersion = 3

// word flags
const (
	fCap      = 1 << iota // first letter upper case
	fAllCaps              // two letters or more, none lower case
	fDigit                // holds a digit
	fHyphen               // holds a hyphen
	fPeriod               // holds a period
	fAlpha                // holds a letter
	fInnerCap             // an upper-case letter after the first character ("McDonald", "iPhone")
	fNonASCII             // holds a non-ASCII character
)

// gazetteer bits of a word, from lexicon.MatchAt
const (
	gCountry = 1 << iota
	gDemonym
	gSeat
	gCity
	gRegion
	gOrg
	gAmbiguous
	gBegin // the match starts at this word
)

// document evidence bits
const (
	dLowerElsewhere = 1 << iota // the word's lower-case form stands alone elsewhere in the document
	dCapMid                     // the word is capitalised inside a sentence elsewhere in the document
	// contexts elsewhere in the document that say what a capitalised word
	// names, wherever it stands here ("Nadal" after "Rafael Nadal" once)
	dAfterGiven  // after a capitalised given name: a surname
	dAfterTitle  // after a title or role word ("Mr", "President"): a person
	dBeforeOrg   // inside a capitalised run that ends in an organisation word ("Corp", "Party")
	dBeforeThing // inside a capitalised run that ends in a word of things ("Cup", "Street")
	dAfterPrep   // after "in", "at", "from" or "near" with nothing capitalised before: a place
)

// word is what the extractor knows about one word of a sentence.
type word struct {
	low, shape, pos uint64 // hashes of the lower-case form (digits as 0), its shape, its tag
	lowLen          int    // bytes of the lower-case form in the tagger's buffer
	lowOff          int
	flags           uint16
	gaz             uint8
	orgKind         uint8 // 1 + index of the organisation kind, 0 if none
	bigCity         bool
	gazLen          uint8 // words of the gazetteer match the word is in
	role            lexicon.WordKind
	given           lexicon.Gender
	doc             uint8
	seen            uint8 // 1 + label the word was last tagged with earlier in the document, 0 if none
	chunk           chunk // the run of capitalised words the word is in
}

// chunk is a run of capitalised words (with short lower-case connectors
// inside: "University of Basel"): its first and last words, which often
// say what the name is ("Hinkley Locomotive Works", "Bowling Green
// Falcons"), the words around it, its length, and the word's place in it.
type chunk struct {
	first, last, before, after uint64
	length, place              uint8 // place: 0 outside, 1 single, 2 first, 3 inside, 4 last
}

// FNV-1a, 64-bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines a template and a value into one feature hash (a
// splitmix64-style finaliser, so nearby inputs land far apart).
func mix(t, v uint64) uint64 {
	return fmix(t*0x9E3779B97F4A7C15 ^ (v + 0x9E3779B97F4A7C15))
}

func mix2(t, a, b uint64) uint64 { return fmix(mix(t, a) ^ (b + 0x7F4A7C159E3779B9)) }

func mix3(t, a, b, c uint64) uint64 { return fmix(mix2(t, a, b) ^ (c + 0x3C6EF372FE94F82B)) }

func fmix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	h ^= h >> 31
	return h
}

// appendLower appends the lower-case form of w to dst, digits as 0, and
// returns it with the word's flags.
func appendLower(dst []byte, w string) ([]byte, uint16) {
	var flags uint16
	first := true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				flags |= fAlpha
				if first {
					flags |= fCap
				} else {
					flags |= fInnerCap
				}
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z':
				flags |= fAlpha
			case '0' <= c && c <= '9':
				flags |= fDigit
				c = '0'
			case c == '-':
				flags |= fHyphen
			case c == '.':
				flags |= fPeriod
			}
			dst = append(dst, c)
			i++
			first = false
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		flags |= fNonASCII
		if unicode.IsLetter(r) {
			flags |= fAlpha
			if unicode.IsUpper(r) {
				if first {
					flags |= fCap
				} else {
					flags |= fInnerCap
				}
				r = unicode.ToLower(r)
			}
		}
		dst = utf8.AppendRune(dst, r)
		i += n
		first = false
	}
	if flags&fAlpha != 0 && !hasLower(w) && letters(w) >= 2 {
		flags |= fAllCaps
	}
	return dst, flags
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// shapeHash hashes the shape of w: X for upper-case letters, x for lower,
// d for digits, other characters as they are, runs collapsed ("McDonald" →
// XxXx, "U.S." → X.X., "1,000" → d,d), at most 8 characters.
func shapeHash(w string) uint64 {
	h := uint64(fnvOffset)
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
		if n++; n == 8 {
			break
		}
	}
	return h
}

func lengthBucket(n int) uint64 {
	switch {
	case n <= 4:
		return uint64(n)
	case n <= 6:
		return 5
	case n <= 9:
		return 6
	}
	return 7
}
