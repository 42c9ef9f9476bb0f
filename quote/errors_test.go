package quote

import (
	"testing"

	"github.com/parley-news/parley"
)

// TestNameSpelledLikeModal guards the subject whose surname is spelled like a
// modal: "May said" is a name and its verb, not "may" + a bare verb.
func TestNameSpelledLikeModal(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"surname May before the cue", "Prime Minister Theresa May said the deal was good.",
			[]want{{"the deal was good", "Theresa May", parley.Indirect}}},
		{"the modal still blocks", "The minister may say the deal was good.", nil},
	})
}
