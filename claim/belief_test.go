package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// A belief the article reports outside any quote ("Residents believe …",
// an attitude of the quote layer) is a side of the claim a quote takes the
// other side of; two statements that one thing is harmed and the other
// that it is protected, with a name in common, address one proposition
// from opposite sides. A sentence with no attitude ("Research fears over
// …") and opposite effects with no name in common take no side.
func TestBeliefAndOppositeEffects(t *testing.T) {
	tests := []struct {
		name, text, speaker, content string
		want                         parley.ClaimStatus // "" = no claim
		holder                       string             // the belief's holder in the claim, when want
	}{
		{"a belief against a quote, opposite effects",
			"Residents believe the new law is eroding the autonomy of Ruritania under the empire.\n\nThe government said it was committed to a formula granting Ruritania autonomy.",
			"The government", "it was committed to a formula granting Ruritania autonomy", parley.Disputed, "Residents"},
		{"a belief that agrees with a quote",
			"Residents believe the new law is eroding Ruritania's autonomy under the empire.\n\nThe mayor said the new law is eroding Ruritania's autonomy.",
			"The mayor", "the new law is eroding Ruritania's autonomy", parley.Corroborated, "Residents"},
		{"a noun, not a belief",
			"Research fears over the new law eroding Ruritania's autonomy.\n\nThe government said it was committed to a formula granting Ruritania autonomy.",
			"The government", "it was committed to a formula granting Ruritania autonomy", "", ""},
		{"opposite effects without a shared name",
			"Residents believe the reform is eroding the integrity of the system.\n\nThe minister said the ballot rules would safeguard the integrity of elections.",
			"The minister", "the ballot rules would safeguard the integrity of elections", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The quote's content is the last occurrence: the belief may
			// say the same words.
			i := strings.LastIndex(tt.text, tt.content)
			q := parley.Quote{Speaker: 1, SpeakerName: tt.speaker, Cue: "said", Content: parley.Span{Start: i, End: i + len(tt.content)}}
			at := strings.Index(tt.text, " said ") + 1
			q.CueSpan = parley.Span{Start: at, End: at + len("said")}
			d := doc(tt.text, []parley.Quote{q})
			d.Attitudes = attitudeOf(tt.text)
			Find(d)
			var got parley.ClaimStatus
			holder := ""
			for _, c := range d.Claims {
				for _, s := range c.Stances {
					if s.Quote == 0 {
						got, holder = c.Status, s.SourceName
					}
				}
			}
			if got != tt.want || holder != tt.holder {
				t.Errorf("claim %q with holder %q, want %q with %q (claims %+v)", got, holder, tt.want, tt.holder, d.Claims)
			}
		})
	}
}

// attitudeOf is the belief the quote layer reads in a text that opens
// "Residents believe …": its holder and the clause up to the full stop.
func attitudeOf(text string) []parley.Attitude {
	const opener = "Residents believe "
	if !strings.HasPrefix(text, opener) {
		return nil
	}
	end := strings.Index(text, ".")
	return []parley.Attitude{{Kind: parley.Belief, HolderName: "Residents", HolderSpan: parley.Span{Start: 0, End: len("Residents")},
		Cue: "believe", CueSpan: parley.Span{Start: len("Residents "), End: len(opener) - 1}, Content: parley.Span{Start: len(opener), End: end}}}
}
