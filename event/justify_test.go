package event

import (
	"context"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// "X had no choice but to V" said of a third party defends X's act, or,
// when V is a sanction or a submission, demands it of X; said of the
// speaker's own side, supposed or asked, it is neither.
func TestNoChoiceButTo(t *testing.T) {
	tests := []struct {
		name, text, content string
		self                string // a mention of the speaker inside the content
		want                string // CAMEO code wanted, "" for none
	}{
		{"a defence of the act", "The lawyer said the driver had no choice but to swerve.", "the driver had no choice but to swerve", "", defenceCode},
		{"option, a defence", "The lawyer said the tenants had no option but to leave the flat.", "the tenants had no option but to leave the flat", "", defenceCode},
		{"a submission demanded", "The army said the rebels had no alternative but to lay down their arms and surrender.", "the rebels had no alternative but to lay down their arms and surrender", "", demandCode},
		{"own side", "The mayor said we had no choice but to close the road.", "we had no choice but to close the road", "", ""},
		{"the speaker himself", "The mayor said he had no choice but to close the road.", "he had no choice but to close the road", "he", ""},
		{"supposed", "The mayor said shops will have no choice but to close.", "shops will have no choice but to close", "", ""},
		{"asked", "The mayor asked: did the council have no choice but to close it?", "did the council have no choice but to close it?", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Person, Name: "The speaker"}}
			off := spanOf(tt.text, tt.content).Start
			if tt.self != "" {
				sp := spanOf(tt.text[off:], tt.self)
				first := d.TokenAt(off + sp.Start)
				d.Mentions = []parley.Mention{{Span: parley.Span{Start: off + sp.Start, End: off + sp.End}, First: int32(first), Last: int32(first + 1), Entity: parley.EntityAt(0)}}
			}
			d.Quotes = []parley.Quote{{Type: parley.Indirect, Speaker: parley.EntityAt(0), SpeakerName: "The speaker",
				Cue: "said", CueSpan: spanOf(tt.text, "said"), Content: spanOf(tt.text, tt.content)}}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, e := range d.Events {
				if (e.CAMEO == demandCode || e.CAMEO == defenceCode) && e.Source == parley.EntityAt(0) {
					got = e.CAMEO
				}
			}
			if got != tt.want {
				t.Errorf("event %q, want %q (events %+v)", got, tt.want, d.Events)
			}
		})
	}
}
