package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// TestOpposedCampsDispute guards that the statements of two camps that the
// text labels as opposed, close together, take the two sides of one claim
// whatever words they share: supporters against opponents of the same
// thing, or supporters of two different things; and that two camps of
// critics, a label that is not a camp ("a spokesman for the supporters
// club") or camps far apart make no dispute.
func TestOpposedCampsDispute(t *testing.T) {
	const far = "\n\nThe council meets again in March.\n\nThe vote is close."
	tests := []struct {
		name         string
		first, later string // the two speakers' labels
		gap          string // text between the two statements
		want         []string
	}{
		{"supporters against opponents", "Supporters of the levy", "Opponents of the levy", " ",
			[]string{"Supporters of the levy", "Opponents of the levy"}},
		{"a bare camp against a camp of something", "Backers", "critics of the levy", " ",
			[]string{"Backers", "critics of the levy"}},
		{"supporters of two different things", "Those in favour of a recount", "Ms Quill's supporters", " ",
			[]string{"Those in favour of a recount", "Ms Quill's supporters"}},
		{"two camps of critics are no dispute", "Critics of the levy", "Opponents of the mayor", " ", nil},
		{"supporters of the same thing are no dispute", "Supporters of the levy", "Other supporters", " ", nil},
		{"a label the camp word does not head", "A spokesman for the supporters club", "Opponents", " ", nil},
		{"camps far apart are no dispute", "Supporters of the levy", "Opponents of the levy", far, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := "the levy will pay for three new parks", "residents will see the money vanish into overheads"
			txt := tt.first + " say " + a + "." + tt.gap + tt.later + " say " + b + "."
			qs := []parley.Quote{quote(txt, 1, tt.first, "say", a), quote(txt, 2, tt.later, "say", b)}
			d := doc(txt, qs)
			Find(d)
			var got []string
			for _, st := range disputedStances(d) {
				got = append(got, st.SourceName)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("disputed claim sources %q, want %q", got, tt.want)
			}
		})
	}
}
