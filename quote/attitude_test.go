package quote

import (
	"testing"

	"github.com/parley-news/parley"
)

// TestAttitudes guards the attitudes read on the parse: a holder that is
// the verb's active subject, the proposition in the complements the
// lexicon allows, evidence only from records, and none where the verb is
// passive, a quote's cue, first-person talk or has a gap.
func TestAttitudes(t *testing.T) {
	type att struct {
		kind            parley.AttitudeKind
		holder, content string
	}
	tests := []struct {
		name string
		in   string
		want []att
	}{
		{"belief with a that-clause", "Many Democrats believe that the governor should stay out of the race.",
			[]att{{parley.Belief, "Many Democrats", "the governor should stay out of the race"}}},
		{"wish with an object", "Tom Hale wants a full recount of the ballots.",
			[]att{{parley.Wish, "Tom Hale", "a full recount of the ballots"}}},
		{"wish with an infinitive", "The union planned to strike next month.",
			[]att{{parley.Wish, "The union", "to strike next month"}}},
		{"evidence from a poll", "The latest poll shows the race tightening in Ohio.",
			[]att{{parley.Evidence, "The latest poll", "the race tightening in Ohio"}}},
		{"no evidence from a person", "Tom Hale showed the reporters his new office.", nil},
		{"no attitude in the passive", "The vote is expected to take place on Monday.", nil},
		{"no attitude for the first person", "I think the vote will take place on Monday.", nil},
		{"a quote's cue is not read again", "Tom Hale suggested that the vote be delayed.", nil},
		{"a relative gap", "The bill, which Tom Hale hopes will pass, faces a vote.", nil},
		{"a bare record subject read on the parse", "Recent polling shows the senator with a narrow lead.",
			[]att{{parley.Evidence, "Recent polling", "the senator with a narrow lead"}}},
		{"no holder from an oblique", "Demand fell sharply, with milder winters expected to continue.", nil},
		{"no attitude in a heading", "Carriers seek new routes\n\nThe carriers have asked regulators for more slots.", nil},
		{"no holder from a restrictive relative clause", "Voters who believe the count was rigged marched on Monday.", nil},
		{"a relative clause's antecedent holds", "Ann Lee, who wants a recount of the ballots, met the judges on Monday.",
			[]att{{parley.Wish, "Ann Lee", "a recount of the ballots"}}},
		{"a share of those polled holds", "The survey found that only 13% of motorists want to drive at night.",
			[]att{{parley.Wish, "only 13% of motorists", "to drive at night"}}},
		{"no attitude in a title", "Dido and Jo Roe sang on Do They Think It Is Over at the concert.", nil},
		{"inside a speech report", "Tom Hale said Ann Lee believes the plan will fail.",
			[]att{{parley.Belief, "Ann Lee", "the plan will fail"}}},
		{"a wish the tagger read as a plural noun", "Tom Hale plans to call on the dockers to return to work.",
			[]att{{parley.Wish, "Tom Hale", "to call on the dockers to return to work"}}},
		{"no wish in a plural noun", "The city's plans to expand the harbour were dropped.", nil},
		{"no position of a thing", "Steel beams support the roof of the hall.", nil},
		{"no position with a particle", "The union backed down on the harbour levy.", nil},
		{"no position when negated", "The union did not support the harbour levy.", nil},
		{"a position's object ends before the clause it heads", "Donors gave money to groups backing Ann Lee, who won.",
			[]att{{parley.Position, "groups", "Ann Lee"}}},
		{"a position with a one-word object", "On Monday, Gov. Ann Lee endorsed him.",
			[]att{{parley.Position, "Ann Lee", "him"}}},
		{"a position against a proposal", "The union opposes the new harbour levy.",
			[]att{{parley.Position, "The union", "the new harbour levy"}}},
		{"no position of the speaker's own words", "Tom Hale said he opposes the new harbour levy.", nil},
		{"a position held by the noun a participle modifies", "Donors gave money to a group backing Ann Lee.",
			[]att{{parley.Position, "a group", "Ann Lee"}}},
		{"evidence with an object and what it does", "The poll showed Ann Lee leading Tom Hale among older voters.",
			[]att{{parley.Evidence, "The poll", "Ann Lee leading Tom Hale among older voters"}}},
		{"evidence from pictures", "Footage from the harbour showed three cranes toppled into the water.",
			[]att{{parley.Evidence, "Footage from the harbour", "three cranes toppled into the water"}}},
	}
	f := newFixture(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, d := f.find(tc.in)
			if len(d.Attitudes) != len(tc.want) {
				t.Fatalf("%q: %d attitudes %+v, want %d", tc.in, len(d.Attitudes), d.Attitudes, len(tc.want))
			}
			for i, w := range tc.want {
				a := d.Attitudes[i]
				got := att{a.Kind, a.HolderName, d.Text[a.Content.Start:a.Content.End]}
				if got != w {
					t.Errorf("%q: attitude %d = %+v, want %+v", tc.in, i, got, w)
				}
			}
		})
	}
}
