package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// dropMarks removes combining marks. It keeps no state, so the goroutines
// that recognise documents at once may share it.
var dropMarks = runes.Remove(runes.In(unicode.Mn))

// foldName is the form of a name word that keys a person: lower case and
// without diacritics, so that "Ḥadīd" and a later "Hadid" are one surname.
// Most names are ASCII, and for them it only lower-cases.
func foldName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(stripMarks(s))
		}
	}
	return strings.ToLower(s)
}

// stripMarks decomposes s, drops its combining marks and composes what is
// left, so that letters without marks keep their usual form.
func stripMarks(s string) string {
	t, _, err := transform.String(dropMarks, norm.NFD.String(s))
	if err != nil {
		return s
	}
	return norm.NFC.String(t)
}
