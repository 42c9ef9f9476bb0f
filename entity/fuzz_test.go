package entity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-news/parley/text"
)

// FuzzRecognize checks that recognition and coreference never panic and
// that every mention lies inside the text, in order, pointing at an entity.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"US Secretary of State Marco Rubio told AP that he agreed.",
		"Another member of the delegation, Ivan Sokol, said it. He left.",
		"Mr. . Dr. J. ’s ’s Kremlin-backed UN, the aide said; she did.",
		"HANOI (AP) — Olaf Berg, 66, the German chancellor,",
		"Liu Xiaming spoke. Liu said more. The minister",
	} {
		f.Add(s)
	}
	r := newRecognizer(f)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			in = strings.ToValidUTF8(in, "\uFFFD")
		}
		res := text.SegmentString(in)
		r.Recognize(res)
		prev := -1
		for _, ref := range res.Mentions {
			if ref.Entity <= 0 || int(ref.Entity) > len(res.Entities) {
				t.Fatalf("mention %+v points at no entity", ref)
			}
			if ref.Span.Start < 0 || ref.Span.End > len(in) || ref.Span.Start >= ref.Span.End {
				t.Fatalf("mention %+v outside the text", ref)
			}
			if int(ref.First) < prev {
				t.Fatalf("mentions out of order at %+v", ref)
			}
			prev = int(ref.First)
		}
	})
}
