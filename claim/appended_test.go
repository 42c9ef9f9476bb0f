package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// A denial the text appends to a reported proposition (", which the Tories
// deny", ", a claim the Tories reject") disputes it, whether the quote's
// content stops at the comma or runs over the appended clause; a denial
// with a clause of its own, or by the quote's own speaker, does not. Every
// stance names its source.
func TestAppendedDenialDisputes(t *testing.T) {
	const said = "Labour said the Conservatives would cut spending by £50bn"
	tests := []struct {
		name, text, content, denier string
		want                        bool   // a disputed claim
		evidence                    string // the asserting stance's evidence, when want
	}{
		{"which they deny", said + ", which the Tories deny.", "the Conservatives would cut spending by £50bn", "Tories", true, "the Conservatives would cut spending by £50bn"},
		{"a claim they reject, inside the content", said + ", a claim the Tories strongly reject.", "the Conservatives would cut spending by £50bn, a claim the Tories strongly reject", "Tories", true, "the Conservatives would cut spending by £50bn"},
		{"a claim denied by them", said + ", a claim denied by the Tories.", "the Conservatives would cut spending by £50bn, a claim denied by the Tories", "Tories", true, "the Conservatives would cut spending by £50bn"},
		{"a claim denied by a source the entity layer does not know", said + ", a claim denied by the shadow chancellor.", "the Conservatives would cut spending by £50bn", "Tories", true, "the Conservatives would cut spending by £50bn"},
		{"a denial with a clause of its own", said + ", which the Tories denied was ever planned.", "the Conservatives would cut spending by £50bn", "Tories", false, ""},
		{"the speaker's own denial", said + ", which Labour denies.", "the Conservatives would cut spending by £50bn", "Labour", false, ""},
		{"no denial", said + ", which the Tories published.", "the Conservatives would cut spending by £50bn", "Tories", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quote(tt.text, 1, "Labour", "said", tt.content)
			d := doc(tt.text, []parley.Quote{q})
			ref := parley.EntityRef(1)
			if tt.denier != "Labour" {
				ref = d.AddEntity(parley.Entity{Type: parley.Organization, Name: "Conservative Party"})
			}
			at := strings.LastIndex(tt.text, tt.denier)
			sp := parley.Span{Start: at, End: at + len(tt.denier)}
			k := d.TokenAt(sp.Start)
			d.AddMentions(parley.Mention{Span: sp, First: int32(k), Last: int32(k + 1), Entity: ref, Kind: parley.NameMention})
			Find(d)
			got := false
			for _, c := range d.Claims {
				if c.Status != parley.Disputed {
					continue
				}
				got = true
				for _, s := range c.Stances {
					if s.SourceName == "" {
						t.Errorf("a stance names no source: %+v", s)
					}
					if s.Stance == parley.Asserts && d.Text[s.Evidence.Start:s.Evidence.End] != tt.evidence {
						t.Errorf("asserting evidence %q, want %q", d.Text[s.Evidence.Start:s.Evidence.End], tt.evidence)
					}
				}
			}
			if got != tt.want {
				t.Errorf("disputed claim: %v, want %v (claims %+v)", got, tt.want, d.Claims)
			}
		})
	}
}
