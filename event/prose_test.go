package event

import (
	"context"
	"slices"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// codedWith codes text with the named organisations as entities of the
// given kind, each mentioned by its name, and returns the Doc.
func codedWith(t *testing.T, c *Coder, s string, orgs map[string]string) *parley.Doc {
	t.Helper()
	d := text.SegmentString(s)
	for name, kind := range orgs {
		ref := parley.EntityAt(len(d.Entities))
		d.Entities = append(d.Entities, parley.Entity{Type: parley.Organization, Name: name, Kind: kind})
		d.Mentions = append(d.Mentions, mentionOf(d, s, name, ref))
	}
	slices.SortFunc(d.Mentions, func(a, b parley.Mention) int { return a.Span.Start - b.Span.Start })
	if err := c.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// A cooperative act of businesses or media alone is commerce, not an
// event, unless it names both its parties; an agreement to buy and a
// union's act are still events.
func TestCommerceIsNoCooperation(t *testing.T) {
	tests := []struct {
		name, text string
		orgs       map[string]string
		want       string // CAMEO root of the event, "" for none
	}{
		{"a company allows its users", "Korvex allows people to make free calls to other users.", map[string]string{"Korvex": "COMPANY"}, ""},
		{"a company offers a service", "Korvex offered free access to its network last year.", map[string]string{"Korvex": "COMPANY"}, ""},
		{"a broadcaster delivers", "The broadcaster Zentra TV delivered its programmes online.", map[string]string{"Zentra TV": "MEDIA"}, ""},
		{"an agreement to buy stays", "Korvex agreed to buy Zentra for $2bn.", map[string]string{"Korvex": "COMPANY", "Zentra": "COMPANY"}, "03"},
		{"an agreement between two named companies stays", "Korvex signed a supply agreement with Zentra.", map[string]string{"Korvex": "COMPANY", "Zentra": "COMPANY"}, "05"},
		{"journalists freed by no one named are freed", "Two Reuters journalists were freed on Tuesday.", map[string]string{"Reuters": "MEDIA"}, "08"},
		{"a political target keeps the act", "Korvex offered aid to France.", map[string]string{"Korvex": "COMPANY"}, "03"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range codedWith(t, c, tt.text, tt.orgs).Events {
				got = append(got, e.CAMEORoot)
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("roots %q, want %q", got, tt.want)
			}
		})
	}
}
