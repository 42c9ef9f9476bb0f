package entity

import (
	"testing"

	"github.com/parley-news/parley/text"
)

// A person's surname is the last word of the name that is no postnominal,
// and it is compared without diacritics: a later mention by the surname, or
// by the name spelt without its marks, is the same person.
func TestSurnameLinksPastSuffixesAndDiacritics(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name, in, mention string
		want              string // the entity the last occurrence of mention refers to
	}{
		{"a generational suffix", "Tom Reed Jr. opened the hearing. Reed said it was late.", "Reed", "Tom Reed Jr"},
		{"a seat after the name", "Labour's Anna Voss MP spoke on Monday. Voss said the bill failed.", "Voss", "Anna Voss MP"},
		{"several honours in a row", "The architect Mara Jane Quill DBE RA opened the hall. Quill said it was late.", "Quill", "Mara Jane Quill DBE RA"},
		{"a surname with marks, then without", "Zahā Ḥarīrī designed the hall. Hariri said it was late.", "Hariri", "Zahā Ḥarīrī"},
		{"a surname without marks, then with", "Omar Hariri designed the hall. Ḥarīrī said it was late.", "Ḥarīrī", "Omar Hariri"},
		{"a full name with and without marks", "José Núñez arrived on Monday. Later Jose Nunez said it was late.", "Jose Nunez", "José Núñez"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := text.SegmentString(tt.in)
			r.Recognize(res)
			got, ok := entityAtLast(res, tt.in, tt.mention)
			if ok {
				if got != tt.want {
					t.Errorf("%q refers to %q, want %q", tt.mention, got, tt.want)
				}
				return
			}
			var names []string
			for _, e := range res.Entities {
				names = append(names, string(e.Type)+":"+e.Name)
			}
			t.Errorf("no mention at the last %q; entities %q", tt.mention, names)
		})
	}
}
