package event

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// Generic coercion and seizure (170, 171) by a business, a medium or the
// public alone are commerce and prose ("the chain imposed cuts on its
// titles", "the firm imposed fees on its suppliers"); by a political
// actor they stay acts.
func TestBusinessCoercionIsProse(t *testing.T) {
	tests := []struct {
		name, text, org, kind string
		want                  bool // a CAMEO 17 event coded
	}{
		{"a company's cuts to its own titles", "Zentrix has imposed sharp cuts on its regional newspapers.", "Zentrix", "MEDIA", false},
		{"a company's fees on its suppliers", "Orvane has imposed new fees on its suppliers.", "Orvane", "COMPANY", false},
		{"a ministry's cuts", "The Kenyan government has imposed sharp cuts on its regional newspapers.", "", "", true},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			if tt.org != "" {
				d.Entities = []parley.Entity{{Type: parley.Organization, Name: tt.org, Kind: tt.kind}}
				d.Mentions = []parley.Mention{kindMention(d, tt.text, tt.org, parley.EntityAt(0), parley.NameMention)}
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := false
			for _, e := range d.Events {
				got = got || e.CAMEORoot == "17"
			}
			if got != tt.want {
				t.Errorf("coercion coded %v, want %v (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}
