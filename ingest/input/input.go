// Package input decodes what people hand parley — a JSON record (a line of a
// JSONL dump, the body of POST /api/articles) or the bytes of a text file —
// into a parley.Document. parley extract, parley ingest and the HTTP API all
// decode through it, so that one input is accepted or refused the same way
// everywhere, with an error that says what is wrong with it:
//
//   - binary data (an image, an executable, random bytes) is refused;
//   - text that is not UTF-8 is repaired or decoded (see Text) and says so;
//   - a record's "id" may be a string or a number (7 becomes "7");
//   - "body" is another name for "text"; a record with both, different,
//     is refused rather than one of them dropped;
//   - "html" without a text is a page whose article is extracted;
//   - a field of the wrong type, or a "published" date that cannot be read,
//     is refused with the field's name;
//   - other fields are kept in Document.Meta.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is the error for input that is not text.
var ErrBinary = errors.New("binary data, not text")

// ErrEmpty is the error for input that holds no text (nothing, or only
// white space). Callers decide whether that is a failure or a skip.
var ErrEmpty = errors.New("empty input")

// sniffLen is how much of an input the binary check looks at.
const sniffLen = 8 << 10

// Binary describes why data (the start of an input) is not text — its
// media type, a NUL byte, control bytes, bytes that are not UTF-8 — or
// returns "" when it looks like text. UTF-16 with a byte-order mark counts
// as text.
func Binary(data []byte) string {
	head := data[:min(len(data), sniffLen)]
	if len(head) == 0 || isUTF16(head) {
		return ""
	}
	// net/http's sniffer knows the signatures of images, audio, video,
	// archives and PDF. Only signatures that no article starts with are
	// trusted alone ("BM" is a bitmap to it, and BMW's news too).
	mt, _, _ := strings.Cut(http.DetectContentType(head), ";")
	if strongSignature(mt) {
		return mt
	}
	ctrl := 0
	for i, c := range head {
		if c == 0 {
			return fmt.Sprintf("a NUL byte at offset %d", i)
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return fmt.Sprintf("%d control bytes in the first %d", ctrl, len(head))
	}
	// Random bytes and compressed data are mostly invalid UTF-8; text in a
	// legacy 8-bit encoding has a few high bytes among ASCII.
	if bad, _ := invalidBytes(head); bad*4 > len(head) {
		return fmt.Sprintf("%d of the first %d bytes are not UTF-8", bad, len(head))
	}
	return ""
}

func strongSignature(mt string) bool {
	switch mt {
	case "application/pdf", "application/zip", "application/x-gzip", "application/x-rar-compressed",
		"application/wasm", "application/vnd.ms-fontobject", "image/png", "image/jpeg", "image/gif", "image/webp",
		"image/x-icon":
		return true
	}
	return strings.HasPrefix(mt, "audio/") || strings.HasPrefix(mt, "video/")
}

func isUTF16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
}

// Text checks that data is text and returns it as UTF-8, with a warning
// for each repair: UTF-16 with a byte-order mark is decoded; bytes that are
// not UTF-8 are replaced by U+FFFD when the rest is UTF-8, and the whole is
// read as Windows-1252 (the web's legacy default, in which every byte
// decodes) when nothing in it is. A leading UTF-8 byte-order mark is
// dropped. It fails with ErrBinary or ErrEmpty.
func Text(data []byte) (string, []string, error) {
	if why := Binary(data); why != "" {
		return "", nil, fmt.Errorf("%w (%s)", ErrBinary, why)
	}
	var warns []string
	switch {
	case isUTF16(data):
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", nil, fmt.Errorf("UTF-16 text: %w", err)
		}
		data = dec
		warns = append(warns, "UTF-16 text decoded to UTF-8")
	case !utf8.Valid(data):
		bad, multi := invalidBytes(data)
		if multi > 0 {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
			warns = append(warns, fmt.Sprintf("invalid UTF-8: %d byte(s) replaced by U+FFFD", bad))
		} else {
			dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
			if err != nil {
				return "", nil, fmt.Errorf("decoding Windows-1252: %w", err)
			}
			data = dec
			warns = append(warns, "not UTF-8: read as Windows-1252")
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if why := Binary(data); why != "" { // control characters written as such in UTF-16
		return "", nil, fmt.Errorf("%w (%s)", ErrBinary, why)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", warns, ErrEmpty
	}
	return string(data), warns, nil
}

// invalidBytes counts the bytes of b that are not UTF-8 and the valid
// multi-byte characters.
func invalidBytes(b []byte) (bad, multi int) {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		b = b[n:]
	}
	return bad, multi
}

// timeLayouts are the date forms a record's "published" may take.
var timeLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822}

// ParseTime reads a publication date: RFC 3339 (with or without zone and
// seconds), YYYY-MM-DD, or the RFC 1123/822 forms of feeds and mail. The
// result is in UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)
}
