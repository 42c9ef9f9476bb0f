package event

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// kindMention is the mention of entity e over sub, of the given kind.
func kindMention(d *parley.Doc, s, sub string, e parley.EntityRef, kind parley.MentionKind) parley.Mention {
	m := mentionOf(d, s, sub, e)
	m.Kind = kind
	return m
}

// A verb of acquiring is a deal between two parties only when what is
// acquired, merged with or bought from is an organisation, named or
// described; goods, idioms and pronouns are not.
func TestDealsNeedAnOrganisation(t *testing.T) {
	tests := []struct {
		name, text string
		other      string // the second organisation's words, "" for none
		kind       parley.MentionKind
		want       bool
	}{
		{"a company bought", "Vodafone bought Mannesmann last year.", "Mannesmann", parley.NameMention, true},
		{"a share of a company's unit", "Vodafone bought 20% of Mannesmann's mobile unit.", "Mannesmann", parley.NameMention, true},
		{"a stake in a company", "Vodafone acquired a stake in Mannesmann.", "Mannesmann", parley.NameMention, true},
		{"bought from a company", "Vodafone bought two brands from Mannesmann.", "Mannesmann", parley.NameMention, true},
		{"merged with a company", "Vodafone merged with Mannesmann.", "Mannesmann", parley.NameMention, true},
		{"a described company", "Vodafone bought the firm last year.", "the firm", parley.NominalMention, true},
		{"goods", "Vodafone bought a new home last year.", "", parley.NameMention, false},
		{"an idiom", "Vodafone bought time for Mannesmann.", "Mannesmann", parley.NameMention, false},
		{"a pronoun", "Vodafone bought it on DVD.", "it", parley.PronounMention, false},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Organization, Name: "Vodafone", Kind: "COMPANY"}, {Type: parley.Organization, Name: "Mannesmann", Kind: "COMPANY"}}
			d.Mentions = []parley.Mention{kindMention(d, tt.text, "Vodafone", parley.EntityAt(0), parley.NameMention)}
			if tt.other != "" {
				d.Mentions = append(d.Mentions, kindMention(d, tt.text, tt.other, parley.EntityAt(1), tt.kind))
			}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := false
			for _, e := range d.Events {
				if e.CAMEO == "061" {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("deal %v, want %v (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}
