package event

import (
	"context"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// The evidence of an act told in a quotation ends with the quotation: the
// attribution after it ("…," she added) is not the act's.
func TestEvidenceEndsWithTheQuote(t *testing.T) {
	tests := []struct{ name, text, content, want string }{
		{"an act in a quote ends at its close", `"Danish troops attacked him on Sunday," the Swedish minister added.`, `Danish troops attacked him on Sunday`, `Danish troops attacked him on Sunday`},
		{"an act outside quotes keeps its clause", `Danish troops attacked Swedish positions near the border.`, ``, `Danish troops attacked Swedish positions near the border`},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			if tt.content != "" {
				d.Quotes = append(d.Quotes, parley.Quote{Content: spanOf(tt.text, tt.content), Cue: "added", CueSpan: spanOf(tt.text, "added")})
			}
			_ = c.Code(context.Background(), d)
			for _, e := range d.Events {
				if e.PLOVER != "ASSAULT" {
					continue
				}
				if got := tt.text[e.Evidence.Start:e.Evidence.End]; got != tt.want {
					t.Errorf("evidence %q, want %q", got, tt.want)
				}
				return
			}
			t.Fatal("no ASSAULT event")
		})
	}
}

// The one who speaks of an attack is not its attacker; the attack's own
// possessor, adjective or the subject of "launched" is.
func TestSpeakerIsNoAttacker(t *testing.T) {
	tests := []struct{ name, text, src string }{
		{"the speaker is no attacker", "The Danish minister said the raid on the Swedish embassy was appalling.", ""},
		{"the attack's adjective is its attacker", "The Danish minister said the Norwegian raid on the embassy was appalling.", "NOR"},
		{"the subject of launched is the attacker", "Danish troops launched an attack on the Swedish embassy.", "DNKMIL"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.PLOVER == "ASSAULT" {
					if e.SourceCode != tt.src {
						t.Errorf("source %q, want %q", e.SourceCode, tt.src)
					}
					return
				}
			}
			t.Fatal("no ASSAULT event")
		})
	}
}
