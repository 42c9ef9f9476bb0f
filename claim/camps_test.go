package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// TestOpposedCampsDispute guards that the statements of two camps that the
// text labels as opposed, close together, take the two sides of one claim
// whatever words they share: supporters against opponents of the same
// thing, or two bare camps. Camps of different things make no dispute: a
// bare camp against a camp of something, two camps of supporters of
// different names, an adjective before the camp noun read as what it
// supports, a speaker's mention that stops short of its of-phrase
// ("Critics | of the warden"). Nor do two camps of critics, a label that
// is not a camp ("a spokesman for the supporters club") or camps far
// apart.
func TestOpposedCampsDispute(t *testing.T) {
	const far = "\n\nThe council meets again in March.\n\nThe vote is close."
	tests := []struct {
		name         string
		first, later string   // the two speakers' labels as written
		laterMention string   // the later speaker's mention when shorter than its label
		names        []string // words of the labels that are name mentions
		gap          string   // text between the two statements
		want         []string
	}{
		{"supporters against opponents", "Supporters of the levy", "Opponents of the levy", "", nil, " ",
			[]string{"Supporters of the levy", "Opponents of the levy"}},
		{"two bare camps", "Backers", "Detractors", "", nil, " ",
			[]string{"Backers", "Detractors"}},
		{"a named camp against a camp of that name", "Tamworth supporters", "Tamworth critics", "", []string{"Tamworth"}, " ",
			[]string{"Tamworth supporters", "Tamworth critics"}},
		{"a sentence's capital is not the object", "Younger supporters", "Critics", "", nil, " ",
			[]string{"Younger supporters", "Critics"}},
		{"a bare camp against a camp of something", "Backers", "critics of the levy", "", nil, " ", nil},
		{"supporters of two different names", "Tamworth supporters", "Ms Quill's supporters", "", []string{"Tamworth"}, " ", nil},
		{"an adjective is not what a camp supports", "Elderly supporters", "Ms Quill's supporters", "", nil, " ", nil},
		{"a mention short of its of-phrase", "Supporters of the levy", "Critics of the warden", "Critics", nil, " ", nil},
		{"two camps of critics are no dispute", "Critics of the levy", "Opponents of the mayor", "", nil, " ", nil},
		{"supporters of the same thing are no dispute", "Supporters of the levy", "Other supporters", "", nil, " ", nil},
		{"a label the camp word does not head", "A spokesman for the supporters club", "Opponents", "", nil, " ", nil},
		{"camps far apart are no dispute", "Supporters of the levy", "Opponents of the levy", "", nil, far, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := "the levy will pay for three new parks", "residents will see the money vanish into overheads"
			txt := tt.first + " say " + a + "." + tt.gap + tt.later + " say " + b + "."
			later := tt.later
			if tt.laterMention != "" {
				later = tt.laterMention
			}
			qs := []parley.Quote{
				campQuote(txt, 0, 1, tt.first, tt.first, a),
				campQuote(txt, strings.LastIndex(txt, tt.later), 2, later, later, b),
			}
			d := doc(txt, qs)
			for _, n := range tt.names {
				for at := 0; ; {
					i := strings.Index(txt[at:], n)
					if i < 0 {
						break
					}
					at += i
					e := d.AddEntity(parley.Entity{Type: parley.Place, Name: n})
					tok := d.TokenAt(at)
					d.AddMentions(parley.Mention{Span: parley.Span{Start: at, End: at + len(n)}, First: int32(tok), Last: int32(tok + 1), Entity: e, Kind: parley.NameMention})
					at += len(n)
				}
			}
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

// campQuote is a quote of content by the speaker whose mention, mention,
// starts at byte at of txt, with the cue "say" after its label.
func campQuote(txt string, at int, speaker parley.EntityRef, name, mention, content string) parley.Quote {
	q := quote(txt, speaker, name, "say", content)
	q.SpeakerSpan = parley.Span{Start: at, End: at + len(mention)}
	c := at + strings.Index(txt[at:], " say ") + 1
	q.CueSpan = parley.Span{Start: c, End: c + len("say")}
	return q
}
