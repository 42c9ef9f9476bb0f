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

// TestNonSpeechSenses guards verbs of saying used in another sense: a
// writing or reporting verb whose object is a thing, not a clause.
func TestNonSpeechSenses(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"posted an object", "On Monday evening, she posted photos of the flood on the fence.", nil},
		{"added a thing to a list", "The council also added three parks to the plan.", nil},
		{"testified before a committee", "The engineer testified before the panel on Friday about the bridge.", nil},
		{"posted a clause with its auxiliary", "The mayor posted the bridge would reopen soon.",
			[]want{{"the bridge would reopen soon", "The mayor", parley.Indirect}}},
		{"say takes any clause", "Farmers say prices fall every spring.",
			[]want{{"prices fall every spring", "Farmers", parley.Indirect}}},
	})
}

// TestInterruptedIndirectContent guards content interrupted by its cue:
// "A, X said, B" is two quotes, and a participle after the cue is the
// speaker's act, not content.
func TestInterruptedIndirectContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"indirect content around the cue", "The new boats, Ana Ruiz said, would carry twice the cargo.",
			[]want{{"The new boats", "Ana Ruiz", parley.Indirect}, {"would carry twice the cargo", "Ana Ruiz", parley.Indirect}}},
		{"a comparison with as is no relaying clause", "The mayor admitted that the city spent twice as much as it had announced.",
			[]want{{"the city spent twice as much as it had announced", "The mayor", parley.Indirect}}},
		{"a participle after the cue", "Cheap seats are the key to full stadiums, Tom Berg said, pointing to last season.",
			[]want{{"Cheap seats are the key to full stadiums", "Tom Berg", parley.Indirect}}},
	})
	qs, _ := f.find("The new boats, Ana Ruiz said, would carry twice the cargo.")
	if len(qs) == 2 && qs[1].Continues != 1 {
		t.Errorf("second half continues %v, want the first quote", qs[1].Continues)
	}
}

// TestListEntriesAreNotQuotes guards "Name: details" entries of a list that
// a colon introduces, while a transcript label keeps its quote.
func TestListEntriesAreNotQuotes(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"entries after a colon", "The court listed the sentences:\n\nMaria L. Costa: Two counts of fraud, fined $5,000.\n\nPeter J. Lund: One count of theft, six months of probation.", nil},
		{"transcript label", "The exchange went on:\n\nHOLT: We have to ask you about the budget.",
			[]want{{"We have to ask you about the budget", "HOLT", parley.Indirect}}},
	})
}

// TestTopicOnlyQuestions guards the convention that a question reported by
// its topic ("asked about the budget") is no quote, while its content is.
func TestTopicOnlyQuestions(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"asked about a topic", "The senator asked the director about delays in the program.", nil},
		{"asked whether", "The senator asked whether the program would be delayed again.",
			[]want{{"whether the program would be delayed again", "The senator", parley.Indirect}}},
	})
}

// TestSetOffSources guards cue constructions set off inside the content:
// ", per X," like ", according to X,", with the content on both sides as two
// quotes, and "per" in its other sense left alone.
func TestSetOffSources(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"per a source", "The virus, per the agency, is found in bats.",
			[]want{{"The virus", "the agency", parley.Indirect}, {"is found in bats", "the agency", parley.Indirect}}},
		{"according to inside the content", "Among the schools at risk, according to the board, are three in the north.",
			[]want{{"Among the schools at risk", "the board", parley.Indirect}, {"are three in the north", "the board", parley.Indirect}}},
		{"a source with the outlet they write for", "The farmer had, according to Jane Roe of the Tribune, sold the land before the flood.",
			[]want{{"The farmer had", "Jane Roe", parley.Indirect}, {"sold the land before the flood", "Jane Roe", parley.Indirect}}},
		{"per as a rate", "Prices rose by two dollars per barrel in March.", nil},
	})
}
