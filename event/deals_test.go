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

// A verb of acquiring, funding or selecting is a deal between two parties
// only when what is acquired, funded, selected, merged with or bought from
// is an organisation, named or described; goods, idioms and pronouns are
// not, and refusing to buy goods is no refusal of a deal. Cancelling an
// order reduces relations.
func TestDealsNeedAnOrganisation(t *testing.T) {
	tests := []struct {
		name, text string
		other      string // the second organisation's words, "" for none
		kind       parley.MentionKind
		want       string // CAMEO code of the deal, "" for none
	}{
		{"a company bought", "Vodafone bought Mannesmann last year.", "Mannesmann", parley.NameMention, "061"},
		{"a share of a company's unit", "Vodafone bought 20% of Mannesmann's mobile unit.", "Mannesmann", parley.NameMention, "061"},
		{"a stake in a company", "Vodafone acquired a stake in Mannesmann.", "Mannesmann", parley.NameMention, "061"},
		{"bought from a company", "Vodafone bought two brands from Mannesmann.", "Mannesmann", parley.NameMention, "061"},
		{"merged with a company", "Vodafone merged with Mannesmann.", "Mannesmann", parley.NameMention, "061"},
		{"merging what one runs is no deal", "Vodafone merged Mannesmann and its own unit.", "Mannesmann", parley.NameMention, ""},
		{"a described company", "Vodafone bought the firm last year.", "the firm", parley.NominalMention, "061"},
		{"goods", "Vodafone bought a new home last year.", "", parley.NameMention, ""},
		{"an idiom", "Vodafone bought time for Mannesmann.", "Mannesmann", parley.NameMention, ""},
		{"a pronoun", "Vodafone bought it on DVD.", "it", parley.PronounMention, ""},
		{"funding a company's work", "Vodafone funded the development of Mannesmann's network.", "Mannesmann", parley.NameMention, "061"},
		{"selecting a company", "Vodafone selected Mannesmann to build the network.", "Mannesmann", parley.NameMention, "061"},
		{"funding a thing", "Vodafone funded a study of mobile networks.", "", parley.NameMention, ""},
		{"refusing to buy goods is no refusal of a deal", "Vodafone did not buy a new home.", "", parley.NameMention, ""},
		{"cancelling an order", "Mannesmann cancelled its order with Vodafone.", "Mannesmann", parley.NameMention, "160"},
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
			got := ""
			for _, e := range d.Events {
				switch e.CAMEORoot {
				case "06", "12", "16":
					got = e.CAMEO
				}
			}
			if got != tt.want {
				t.Errorf("deal %q, want %q (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}
