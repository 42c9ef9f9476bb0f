package text

import (
	"strings"
	"testing"
)

func TestStructureTellsLayoutFromProse(t *testing.T) {
	s, err := LoadStructure()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		para string
		want bool
	}{
		{"a title-case heading", "Harbour Bank Holds Rates", true},
		{"a heading in capitals", "WINS AGAIN", true},
		{"a photo caption", "Photo: the bridge after the storm", true},
		{"an image credit", "Image copyright Agency Name", true},
		{"a byline", "By Marta Quell", true},
		{"a fact-box label", "Website: example.org", true},
		{"a sentence of prose", "The council voted on Tuesday to close the bridge.", false},
		{"a quoted sentence", "\"We will rebuild it,\" she said.", false},
		{"a long line without a full stop is prose", "The council voted on Tuesday to close the old bridge over the river until engineers have checked every pier", false},
		{"'by' opening a sentence", "By the end of the day the bridge was shut.", false},
		{"an all-caps acronym in prose", "NATO and the EU met in Brussels on Monday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := SegmentString("First paragraph of prose, ending here.\n" + tt.para)
			got := s.Paragraphs(d)
			if len(got) != 2 {
				t.Fatalf("%d paragraphs, want 2", len(got))
			}
			if got[0] {
				t.Errorf("the prose paragraph reads as structure")
			}
			if got[1] != tt.want {
				t.Errorf("Paragraphs(%q) = %v, want %v", tt.para, got[1], tt.want)
			}
		})
	}
}

func TestStructureOnAnyText(t *testing.T) {
	s, err := LoadStructure()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"", "\n\n\n", ":", "By", strings.Repeat("A ", 500)} {
		d := SegmentString(in)
		if got := s.Paragraphs(d); len(got) != len(d.Paragraphs) {
			t.Errorf("%q: %d answers for %d paragraphs", in, len(got), len(d.Paragraphs))
		}
	}
}
