package claim

import (
	"slices"
	"testing"

	"github.com/parley-news/parley"
)

// TestNestedQuoteTakesNoSideAgainstItsContainer guards that a quote read
// inside another quote's content does not stand against it: the words are
// the outer quote's, relayed. Inside a denial ("denied reports that the
// envoy told aides …") the inner quote is what the reports say; inside an
// assertion whose negation the parse leaves to the inner clause ("says
// they were released after Ruritania promised they would not be …") the
// inner quote is part of what is asserted.
func TestNestedQuoteTakesNoSideAgainstItsContainer(t *testing.T) {
	g := syntaxGrouper(t)
	tests := []struct {
		name, text string
		quotes     func(string) []parley.Quote
		sources    []string // nil: no disputed claim
	}{
		{"inside a denial", "The minister denied reports that the envoy told aides the talks had collapsed.",
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The minister", "denied", "reports that the envoy told aides the talks had collapsed"),
					quote(s, 2, "the envoy", "told", "the talks had collapsed"),
				}
			}, []string{"The minister", "unnamed reports"}},
		{"inside an assertion", "The ministry says the prisoners were released after Ruritania promised they would not be a danger to its neighbours.",
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The ministry", "says", "the prisoners were released after Ruritania promised they would not be a danger to its neighbours"),
					quote(s, 2, "Ruritania", "promised", "they would not be a danger to its neighbours"),
				}
			}, nil},
		{"a separate quote still disputes", "The ministry says the prisoners are a danger to its neighbours. Ruritania said they would not be a danger to its neighbours.",
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The ministry", "says", "the prisoners are a danger to its neighbours"),
					quote(s, 2, "Ruritania", "said", "they would not be a danger to its neighbours"),
				}
			}, []string{"The ministry", "Ruritania"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := tt.quotes(tt.text)
			qs[1].NestedIn = parley.QuoteAt(0)
			if tt.name == "a separate quote still disputes" {
				qs[1].NestedIn = 0
			}
			d := doc(tt.text, qs)
			g.Find(d)
			var got []string
			for _, c := range d.Claims {
				if c.Status == parley.Disputed {
					for _, s := range c.Stances {
						got = append(got, s.SourceName)
					}
				}
			}
			if !slices.Equal(got, tt.sources) {
				t.Errorf("disputed by %q, want %q (claims %+v)", got, tt.sources, d.Claims)
			}
		})
	}
}

// TestContinuationAloneTakesNoSide guards that a direct quote standing as
// a sentence of its own, with no cue (the next paragraph of a quotation,
// its speaker inferred), does not make a side of a dispute by itself; with
// a cued stance beside it, or with a cue of its own, it does.
func TestContinuationAloneTakesNoSide(t *testing.T) {
	const base = `The council said the new bridge would open in May. Mrs Ashdown, the engineer, said the works were going well. `
	direct := func(s string, q parley.Quote) parley.Quote { q.Type = parley.Direct; return q }
	tests := []struct {
		name, text string
		quotes     func(string) []parley.Quote
		want       parley.ClaimStatus // "": no claim
	}{
		{"a continuation alone against", base + `"The new bridge will not open in May."`,
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The council", "said", "the new bridge would open in May"),
					quote(s, 2, "Mrs Ashdown", "said", "the works were going well"),
					direct(s, quote(s, 2, "Mrs Ashdown", "", "The new bridge will not open in May.")),
				}
			}, ""},
		{"a continuation beside a cued stance", base + `"The new bridge will not open in May." The mayor said the new bridge would not open in May.`,
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The council", "said", "the new bridge would open in May"),
					quote(s, 2, "Mrs Ashdown", "said", "the works were going well"),
					direct(s, quote(s, 2, "Mrs Ashdown", "", "The new bridge will not open in May.")),
					quote(s, 3, "The mayor", "said", "the new bridge would not open in May"),
				}
			}, parley.Disputed},
		{"a quote with its own cue", base + `She said: "The new bridge will not open in May."`,
			func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "The council", "said", "the new bridge would open in May"),
					quote(s, 2, "Mrs Ashdown", "said", "the works were going well"),
					direct(s, quote(s, 2, "Mrs Ashdown", "said", "The new bridge will not open in May.")),
				}
			}, parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text, tt.quotes(tt.text))
			Find(d)
			var got parley.ClaimStatus
			for _, c := range d.Claims {
				if c.Status == parley.Disputed || got == "" {
					got = c.Status
				}
			}
			if got != tt.want {
				t.Errorf("status %q, want %q (claims %+v)", got, tt.want, d.Claims)
			}
		})
	}
}

// TestShareOfRespondentsTakesNoSide guards that a share of the people a
// survey asked ("14% of those asked", "more than half of respondents") is
// no source of its own: its figure beside the survey's other figures
// disputes nothing, while a named source still does.
func TestShareOfRespondentsTakesNoSide(t *testing.T) {
	const txt = "A survey for the institute suggests 70% of farmers always sell at the market. Its pollsters said that 12% of farmers never sell at the market. "
	tests := []struct {
		name, other, content string
		want                 parley.ClaimStatus
	}{
		{"a percentage", "12% of farmers", "12% of farmers never sell at the market", parley.SingleSource},
		{"a fraction after an opener", "More than half of those asked", "12% of farmers never sell at the market", parley.SingleSource},
		{"a named source", "Mr Pellow", "12% of farmers never sell at the market", parley.Disputed},
		{"a title with a share word is a source", "The majority leader", "12% of farmers never sell at the market", parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(txt, []parley.Quote{
				quote(txt, 1, "A survey for the institute", "suggests", "70% of farmers always sell at the market"),
				quote(txt, 2, tt.other, "said", tt.content),
			})
			Find(d)
			if len(d.Claims) != 1 || d.Claims[0].Status != tt.want {
				t.Errorf("claims %+v, want one %s", d.Claims, tt.want)
			}
		})
	}
}

// TestContinuationAtTheEndOfTheText guards the reading of a cue-less
// direct quote whose content starts where the text ends: no sentence holds
// it, so it is no continuation, and reading it does not panic.
func TestContinuationAtTheEndOfTheText(t *testing.T) {
	const txt = "Tom Hale said the plan would fail."
	d := doc(txt, nil)
	q := parley.Quote{Type: parley.Direct, Content: parley.Span{Start: len(txt), End: len(txt)}}
	if continuation(d, &q) {
		t.Errorf("a quote past the last sentence read as a continuation")
	}
}
