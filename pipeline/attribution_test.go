package pipeline

import (
	"context"
	"slices"
	"testing"

	"github.com/parley-news/parley"
)

// Attributions through the whole pipeline, with the statistical recogniser
// deciding the names: the quote finder's own fixture runs on rules alone
// and cannot see these interactions.
func TestAttributionsThroughTheModel(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     []string // "speaker | content"
	}{
		{"an organisation with its article after the content",
			"Two soldiers died in the crash, the US military said.",
			[]string{"US military | Two soldiers died in the crash"}},
		{"an unnamed source with a modifier after its article",
			"Two soldiers died in the crash, an insurgent source told reporters.",
			[]string{"an insurgent source | Two soldiers died in the crash"}},
		{"the passive of a speech act without its agent",
			"The mayor was accused on Monday of hiding the audit from the council.",
			[]string{"unnamed critics | hiding the audit from the council"}},
		{"to A, and to B",
			"Officials urged residents to boil their water, and to stay indoors until noon.",
			[]string{"Officials | boil their water", "Officials | stay indoors until noon"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := p.Extract(context.Background(), parley.Document{ID: "t", Text: tt.in})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range d.Quotes {
				got = append(got, q.SpeakerName+" | "+d.Text[q.Content.Start:q.Content.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes of %q = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
