package quote

import (
	"testing"

	"github.com/parley-news/parley"
)

// TestShareOfThosePolledIsTheSource guards "Two in three said …", "A mere 9
// percent say …": a poll's share of respondents is the source of what it
// says.
func TestShareOfThosePolledIsTheSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a share with a base verb", "A mere 9 percent say they only buy American.",
			[]want{{"they only buy American", "A mere 9 percent", parley.Indirect}}},
		{"n in m", "Two in three said they are less likely to vote in November.",
			[]want{{"they are less likely to vote in November", "Two in three", parley.Indirect}}},
		{"with a quantifier", "More than 4 in 10 said the economy would improve.",
			[]want{{"the economy would improve", "More than 4 in 10", parley.Indirect}}},
	})
}

// TestSpeakersNextActEndsTheContent guards "said A, but did not recommend
// B": a verb in the narrator's past tense conjoined to the cue by "but" is
// the speaker's next act, not part of what was said.
func TestSpeakersNextActEndsTheContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"but and a past verb", "Comey said Clinton had been careless with classified material, but did not recommend charges.",
			[]want{{"Clinton had been careless with classified material", "Comey", parley.Indirect}}},
		{"a backshifted modal stays content", "Smith said he had downloaded the files but could not provide them.",
			[]want{{"he had downloaded the files but could not provide them", "Smith", parley.Indirect}}},
	})
}
