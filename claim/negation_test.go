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
// a subordinate clause or is "not only".
func TestNegationOnTheMainPredicate(t *testing.T) {
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := (&Grouper{}).WithSyntax(m)
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
