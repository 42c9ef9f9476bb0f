package entity

import (
	"testing"

	"github.com/parley-news/parley/text"
)

// A street address is a place, with its house number, abbreviation period
// and designator; a street name alone is no person.
func TestStreetAddressesArePlaces(t *testing.T) {
	r := newModelRecognizer(t)
	tests := []struct {
		name, in   string
		want, dont []string
	}{
		{"house number", "Police arrested Dana Voss, 41, of 2210 Marlow Drive, on Monday.",
			[]string{"PLACE:2210 Marlow Drive", "PERSON:Dana Voss"}, []string{"PERSON:Marlow Drive"}},
		{"abbreviation keeps its period", "The fire started at 48 Kestrel St., a neighbour said.",
			[]string{"PLACE:48 Kestrel St."}, nil},
		{"a sentence-final period is the sentence's", "The fire started at 48 Kestrel St.",
			[]string{"PLACE:48 Kestrel St"}, []string{"PLACE:48 Kestrel St."}},
		{"numeric ordinal", "Officers stopped a car near 23rd Street on Friday.",
			[]string{"PLACE:23rd Street"}, nil},
		{"road designator", "He lives at 410 E. County Road 250N, the report said.",
			[]string{"PLACE:410 E. County Road 250N"}, nil},
		{"a name ending in a street word is no person", "The parade moved along Marlow Drive before noon.",
			nil, []string{"PERSON:Marlow Drive"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.in)
			r.Recognize(d)
			checkTyped(t, d, tt.want, tt.dont)
		})
	}
}

func TestAddressWords(t *testing.T) {
	for _, tt := range []struct {
		s                      string
		house, ordinal, design bool
	}{
		{"1119", true, false, false}, {"12B", true, false, false}, {"17th", false, true, false},
		{"2nd", false, true, false}, {"600S", true, false, true}, {"th", false, false, false},
		{"S", false, false, false}, {"1234567", false, false, false}, {"12BC", false, false, false},
	} {
		if got := houseNumber(tt.s); got != tt.house {
			t.Errorf("houseNumber(%q) = %v", tt.s, got)
		}
		if got := ordinal(tt.s); got != tt.ordinal {
			t.Errorf("ordinal(%q) = %v", tt.s, got)
		}
		if got := designator(tt.s); got != tt.design {
			t.Errorf("designator(%q) = %v", tt.s, got)
		}
	}
}
