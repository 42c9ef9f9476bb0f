package event

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// spanOf returns the span of the first occurrence of sub in s.
func spanOf(s, sub string) parley.Span {
	i := strings.Index(s, sub)
	return parley.Span{Start: i, End: i + len(sub)}
}

// A quote whose cue is a speech act is that act, by the speaker, against
// whom the content names, named or not; the coder's own event at the cue
// is not doubled, and plain statements add nothing.
func TestSpeechActs(t *testing.T) {
	tests := []struct {
		name, text, speaker, cue, content, target string
		anonymous                                 bool
		want                                      string // PLOVER type, "" for no event
		n                                         int    // events wanted
	}{
		{"accusation by a non-state speaker", "The union accused the airline of breaking the contract.", "The union", "accused", "the airline of breaking the contract", "the airline", false, "ACCUSE", 1},
		{"appeal to an addressee", "The charity urged the council to reopen the shelter.", "The charity", "urged", "reopen the shelter", "the council", false, "REQUEST", 1},
		{"praise", "The bishop praised the nurses for their courage.", "The bishop", "praised", "the nurses for their courage", "the nurses", false, "SUPPORT", 1},
		{"speech act in a sports sentence is no event", "The coach praised the referee for his calm.", "The coach", "praised", "the referee for his calm", "the referee", false, "", 0},
		{"plain statement is no event", "The union said the airline was broke.", "The union", "said", "the airline was broke", "the airline", false, "", 0},
		{"an unnamed speaker's accusation is an event", "Sources accused the airline of lying.", "Sources", "accused", "the airline of lying", "the airline", true, "ACCUSE", 1},
		{"another event's evidence over the cue leaves it to code", "The only two states to have signed treaties with Israel also sharply criticised the airline.",
			"The only two states to have signed treaties with Israel", "criticised", "the airline", "the airline", true, "ACCUSE", 2},
		{"a company's promise is no event", "The union promised that the airline would fly again.", "The union", "promised", "the airline would fly again", "the airline", false, "", 0},
		{"blame is an accusation", "The union blamed the airline for the strike.", "The union", "blamed", "the airline for the strike", "the airline", false, "ACCUSE", 1},
		{"a rejected allegation is a denial, no event", "The union rejected allegations that the airline had lied.", "The union", "rejected", "allegations that the airline had lied", "the airline", false, "", 0},
		{"a rejected claim to territory stays a rejection", "The union rejected the airline's claims to the hangar.", "The union", "rejected", "the airline's claims to the hangar", "the airline", false, "REJECT", 1},
		{"a rejected offer stays a rejection", "The union rejected the offer of the airline.", "The union", "rejected", "the offer of the airline", "the airline", false, "REJECT", 1},
		{"an appeal to voters is no event", "The union urged voters to boycott the airline.", "The union", "urged", "boycott the airline", "the airline", false, "", 0},
		{"cue coded by the verb coder is not doubled", "Russian officials accused Ukraine of shelling the plant.", "Russian officials", "accused", "Ukraine of shelling the plant", "Ukraine", false, "ACCUSE", 1},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			d.Entities = []parley.Entity{{Type: parley.Organization, Name: tt.speaker}, {Type: parley.Organization, Name: tt.target}}
			tgt := spanOf(tt.text, tt.target)
			d.Mentions = []parley.Mention{{Span: tgt, Entity: parley.EntityAt(1)}}
			q := parley.Quote{Type: parley.Indirect, Speaker: parley.EntityAt(0), SpeakerName: tt.speaker, SpeakerSpan: spanOf(tt.text, tt.speaker),
				Cue: tt.cue, CueSpan: spanOf(tt.text, tt.cue), Content: spanOf(tt.text, tt.content), Anonymous: tt.anonymous}
			if tt.name == "appeal to an addressee" {
				q.Addressee = tt.target
			}
			if tt.name == "an appeal to voters is no event" {
				q.Addressee = "voters"
			}
			d.Quotes = []parley.Quote{q}
			if err := c.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != tt.n {
				t.Fatalf("got %d events %+v, want %d", len(d.Events), d.Events, tt.n)
			}
			if tt.n == 0 {
				return
			}
			e := d.Events[len(d.Events)-1] // the speech act comes last: its evidence starts at the cue
			if e.PLOVER != tt.want {
				t.Errorf("PLOVER %s, want %s", e.PLOVER, tt.want)
			}
			// The verb coder codes "accused" itself, with the
			// actors its dictionaries name.
			coded := tt.name == "cue coded by the verb coder is not doubled"
			if !coded && (e.Source != parley.EntityAt(0) || e.Target != parley.EntityAt(1)) {
				t.Errorf("source %v target %v, want E1 E2", e.Source, e.Target)
			}
		})
	}
}
