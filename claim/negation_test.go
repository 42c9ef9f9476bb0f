package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

// TestNegationOnTheMainPredicate guards that, with the parse, a plain
// negation turns a content against its proposition only when it bears on
// a predicate of the content (its head, a clause it reports or is
// coordinated with, an adverb or argument of it), not when it sits inside
// a subordinate clause or is an idiom that denies nothing ("not only", "no
// doubt", "not without").
func TestNegationOnTheMainPredicate(t *testing.T) {
	g := syntaxGrouper(t)
	tests := []struct {
		name, sentence, content string
		want                    bool
	}{
		{"negated head", "The army said the reports do not indicate enemy fire.", "the reports do not indicate enemy fire", true},
		{"negation in a reported clause", "Pompeo said that Washington had concluded the settlements were not inconsistent with international law.",
			"Washington had concluded the settlements were not inconsistent with international law", true},
		{"negated object", "She said there was no need for an independent body.", "there was no need for an independent body", true},
		{"negated adverb", "The minister said Indonesia no longer needs the debt freeze.", "Indonesia no longer needs the debt freeze", true},
		{"negation in a coordinated clause", "She said murder is the most serious of crimes and we have no intention of abolishing the sentence.",
			"murder is the most serious of crimes and we have no intention of abolishing the sentence", true},
		{"negation inside a subordinate clause", "She said prices rose sharply because the firm did not cut its costs.", "prices rose sharply because the firm did not cut its costs", false},
		{"not only", "He said not only is the screensaver similar to an attack, it is also dangerous.", "not only is the screensaver similar to an attack, it is also dangerous", false},
		{"no doubt", "She said there is no doubt that the county has learned a lot from the scheme.", "there is no doubt that the county has learned a lot from the scheme", false},
		{"not without", "He said the switch to the new tills was not without risks.", "the switch to the new tills was not without risks", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.sentence)
			i := strings.Index(tt.sentence, tt.content)
			neg := &negations{pool: g.parsers}
			defer neg.release()
			if got := neg.mainNegated(d, parley.Span{Start: i, End: i + len(tt.content)}); got != tt.want {
				t.Errorf("mainNegated = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestNegationDeniesWhatOthersAssert guards that a negation on the main
// predicate disputes a claim only when the clause it denies shares a word
// with what another source asserts: two coaches who both praise a team do
// not disagree because one adds "we could not break them down", while "we
// have no intention of ending the mandatory sentence" answers a call to
// end it. A negation with no assertion of another source to deny keeps its
// side.
func TestNegationDeniesWhatOthersAssert(t *testing.T) {
	g := syntaxGrouper(t)
	tests := []struct {
		name, text string
		quotes     [][3]string // speaker, cue, content
		want       parley.ClaimStatus
	}{
		{"a negation of another clause", "Benitez said the whole Liverpool team played very well tonight. Irureta said the Liverpool team played very well and we just could not break them down.",
			[][3]string{{"Benitez", "said", "the whole Liverpool team played very well tonight"}, {"Irureta", "said", "the Liverpool team played very well and we just could not break them down"}}, parley.Corroborated},
		{"a negation of the asserted proposition", "The commission said there was wide support for ending the mandatory life sentence. The minister said we have no intention of ending the mandatory life sentence.",
			[][3]string{{"The commission", "said", "there was wide support for ending the mandatory life sentence"}, {"The minister", "said", "we have no intention of ending the mandatory life sentence"}}, parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []parley.Quote
			for k, q := range tt.quotes {
				qs = append(qs, quote(tt.text, parley.EntityRef(k+1), q[0], q[1], q[2]))
			}
			got, claims := lastStatus(g, tt.text, qs)
			if got != tt.want {
				t.Errorf("status %q, want %q (claims %+v)", got, tt.want, claims)
			}
		})
	}
}

// TestVerdictWordAsAVerb guards that a verdict word the parse tags as a
// verb ("the matter should be left to lie", "the blame lies with the
// council") takes no side, while the same word as a noun ("the reports of
// a deal are lies") still disputes.
func TestVerdictWordAsAVerb(t *testing.T) {
	g := syntaxGrouper(t)
	tests := []struct {
		name, text string
		quotes     [][2]string // speaker, content
		want       parley.ClaimStatus
	}{
		{"a verb", "The mayor said the matter of the council budget should now be left to lie. The clerk said the matter of the council budget should now be left alone.",
			[][2]string{{"The mayor", "the matter of the council budget should now be left to lie"}, {"The clerk", "the matter of the council budget should now be left alone"}}, parley.Corroborated},
		{"a noun", "The mayor said the reports of a council budget deal are lies. The clerk said the reports of a council budget deal were accurate.",
			[][2]string{{"The mayor", "the reports of a council budget deal are lies"}, {"The clerk", "the reports of a council budget deal were accurate"}}, parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []parley.Quote
			for k, q := range tt.quotes {
				qs = append(qs, quote(tt.text, parley.EntityRef(k+1), q[0], "said", q[1]))
			}
			got, claims := lastStatus(g, tt.text, qs)
			if got != tt.want {
				t.Errorf("status %q, want %q (claims %+v)", got, tt.want, claims)
			}
		})
	}
}

// syntaxGrouper is a Grouper that reads the parse with the embedded model.
func syntaxGrouper(t *testing.T) *Grouper {
	t.Helper()
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	return (&Grouper{}).WithSyntax(m)
}

// lastStatus groups the quotes of text with g and returns the status of
// its last claim ("" for none) and the claims.
func lastStatus(g *Grouper, text string, qs []parley.Quote) (parley.ClaimStatus, []parley.Claim) {
	d := doc(text, qs)
	g.Find(d)
	var got parley.ClaimStatus
	for _, c := range d.Claims {
		got = c.Status
	}
	return got, d.Claims
}
