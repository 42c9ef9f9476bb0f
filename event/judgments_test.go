package event

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// A quote under a plain cue is a criticism when the parse makes a word of
// judgment its verdict on someone else, a defence when it negates one, and
// a demand when it says a third party should undergo a sanction or make
// amends; supposed, self-directed and denied judgments, another's blame,
// and judgment words in other roles are none of these.
func TestJudgmentsInQuotes(t *testing.T) {
	tests := []struct {
		name, text, cue, content string
		self                     string // a mention of the speaker inside the content
		want                     string // CAMEO code of the event wanted, "" for none
	}{
		{"predicate noun", "The mayor said the councillors were liars.", "said", "the councillors were liars", "", judgmentCode},
		{"predicate adjective in quotation marks", `The union said the closure was "reckless".`, "said", `the closure was "reckless"`, "", judgmentCode},
		{"naming verb with its object's name", "The party called the inquiry a farce.", "called", "the inquiry a farce", "", judgmentCode},
		{"describe as", "The bishop described the cuts as shameful.", "described", "the cuts as shameful", "", judgmentCode},
		{"made a mistake", "The analyst said the bank had made a mistake in cutting rates.", "said", "the bank had made a mistake in cutting rates", "", judgmentCode},
		{"a verb of deceit with its subject", "The senator said the minister lied to parliament.", "said", "the minister lied to parliament", "", judgmentCode},
		{"a conjunct shares the copula", `The union said the claim was "false and misleading".`, "said", `the claim was "false and misleading"`, "", judgmentCode},
		{"a fragment quote", `The charity said: "Utterly irresponsible."`, "said", "Utterly irresponsible.", "", judgmentCode},
		{"negated, a defence", "The mayor said the councillors were not liars.", "said", "the councillors were not liars", "", defenceCode},
		{"the speaker not blaming someone defends them", "The mayor said: I don't blame him.", "said", "I don't blame him.", "", defenceCode},
		{"the speaker blaming someone criticises them", "The mayor said he blamed them for the delay.", "said", "he blamed them for the delay", "he", judgmentCode},
		{"another's blame is reported", "The mayor said residents blame the council.", "said", "residents blame the council", "", ""},
		{"blaming a cause blames no one", "The mayor said he blamed the weather.", "said", "he blamed the weather", "he", ""},
		{"an idiom of make", "The mayor said: make no mistake, we will win.", "said", "make no mistake, we will win.", "", ""},
		{"own side", "The mayor said we made a mistake.", "said", "we made a mistake", "", ""},
		{"said of the speaker himself", "The mayor said he lied to the council.", "said", "he lied to the council", "he", ""},
		{"supposed, with an expletive subject", "The mayor said it would be a mistake to close the school.", "said", "it would be a mistake to close the school", "", ""},
		{"under a conditional clause", "The mayor said that if the council ignored the vote, it would be an insult.", "said", "if the council ignored the vote, it would be an insult", "", ""},
		{"a denial", "The minister denied the report was misleading.", "denied", "the report was misleading", "", ""},
		{"a verb of deceit without a subject", "The mayor said residents feel betrayed.", "said", "residents feel betrayed", "", ""},
		{"a judgment word as a modifier", "The mayor said a criminal gang had stolen the funds.", "said", "a criminal gang had stolen the funds", "", ""},
		{"a question", "The mayor said: is it a sham?", "said", "is it a sham?", "", ""},
		{"a demand for a sanction", "The senator said the general should be punished.", "said", "the general should be punished", "", demandCode},
		{"a demand to resign", "The union said the chairman must resign.", "said", "the chairman must resign", "", demandCode},
		{"another event over the demand leaves it a demand", "The senator decided to speak out, saying the general should be punished.", "saying", "the general should be punished", "", demandCode},
		{"an obligation of one's own is no demand", "The mayor said we must apologise.", "said", "we must apologise", "", ""},
		{"a negated obligation is no demand", "The senator said the general should not be punished.", "said", "the general should not be punished", "", ""},
		{"a conditional obligation is no demand", "The senator said the general should resign if he is found to have lied.", "said", "the general should resign if he is found to have lied", "", ""},
		{"a principle is no demand", "The charity said people should only be punished after a fair trial.", "said", "people should only be punished after a fair trial", "", ""},
		{"a sanction without obligation is no demand", "The senator said the general was punished.", "said", "the general was punished", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Person, Name: "The speaker"}}
			if tt.self != "" {
				sp := spanOf(tt.text[spanOf(tt.text, tt.content).Start:], tt.self)
				off := spanOf(tt.text, tt.content).Start
				first := d.TokenAt(off + sp.Start)
				d.Mentions = []parley.Mention{{Span: parley.Span{Start: off + sp.Start, End: off + sp.End}, First: int32(first), Last: int32(first + 1), Entity: parley.EntityAt(0)}}
			}
			d.Quotes = []parley.Quote{{Type: parley.Indirect, Speaker: parley.EntityAt(0), SpeakerName: "The speaker",
				Cue: tt.cue, CueSpan: spanOf(tt.text, tt.cue), Content: spanOf(tt.text, tt.content)}}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, e := range d.Events {
				if (e.CAMEO == judgmentCode || e.CAMEO == demandCode || e.CAMEO == defenceCode) && e.Source == parley.EntityAt(0) {
					got = e.CAMEO
				}
			}
			if got != tt.want {
				t.Errorf("event %q, want %q (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}

// A long quotation split into parts is one attribution: a criticism in
// each part is coded once.
func TestJudgmentOncePerAttribution(t *testing.T) {
	s := `"The plan is reckless," the mayor said. "It is also dishonest."`
	d := text.SegmentString(s)
	d.Entities = []parley.Entity{{Type: parley.Person, Name: "the mayor"}}
	q1 := parley.Quote{Type: parley.Direct, Speaker: parley.EntityAt(0), Cue: "said", CueSpan: spanOf(s, "said"), Content: spanOf(s, "The plan is reckless,")}
	q2 := parley.Quote{Type: parley.Direct, Speaker: parley.EntityAt(0), Cue: "said", CueSpan: spanOf(s, "said"), Content: spanOf(s, "It is also dishonest."), Continues: parley.QuoteAt(0)}
	d.Quotes = []parley.Quote{q1, q2}
	if err := testCoder(t).Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range d.Events {
		if e.CAMEO == judgmentCode {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d criticisms, want 1: %+v", n, d.Events)
	}
}
