package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// The article's own voice is a side of a claim when it qualifies a quote's
// cue by its falsity ("falsely claimed", "said, without evidence, that")
// or names what a source characterises by its own verdict ("described the
// doctored video as satire"): the dateline's outlet, else "the writer",
// disputes or asserts against the source. A characterisation that agrees
// with the verdict, or one with no verdict word, takes no side.
func TestAuthorVerdictIsASide(t *testing.T) {
	tests := []struct {
		name, text, cue, content string
		author                   string // the author's source name in a disputed claim; "" = no dispute
	}{
		{"falsely claimed, dateline outlet", "LONDON (AP) — The minister falsely claimed that the hospital had closed its wards.", "claimed", "the hospital had closed its wards", "AP"},
		{"falsely claimed, no dateline", "The minister falsely claimed that the hospital had closed its wards.", "claimed", "the hospital had closed its wards", "the writer"},
		{"without evidence after the cue", "The minister said, without evidence, that the hospital had closed its wards.", "said", "the hospital had closed its wards", "the writer"},
		{"a plain report", "The minister claimed that the hospital had closed its wards.", "claimed", "the hospital had closed its wards", ""},
		{"the outlet's verdict on what is characterised", "MOSCOW (Reuters) — The party chairman described the doctored video as lighthearted satire.", "described", "the doctored video as lighthearted satire", "Reuters"},
		{"a characterisation agreeing with the verdict", "The party chairman described the doctored video as a deliberate lie.", "described", "the doctored video as a deliberate lie", ""},
		{"a characterisation without a verdict", "The party chairman described the short video as lighthearted satire.", "described", "the short video as lighthearted satire", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quote(tt.text, 1, "The minister", tt.cue, tt.content)
			at := strings.Index(tt.text, tt.cue)
			q.CueSpan = parley.Span{Start: at, End: at + len(tt.cue)}
			d := doc(tt.text, []parley.Quote{q})
			Find(d)
			got := ""
			for _, c := range d.Claims {
				if c.Status != parley.Disputed {
					continue
				}
				for _, s := range c.Stances {
					if s.Quote == 0 {
						got = s.SourceName
						if e := d.Entity(s.Source); e != nil {
							got = e.Name
						}
					}
				}
			}
			if got != tt.author {
				t.Errorf("author side %q, want %q (claims %+v)", got, tt.author, d.Claims)
			}
		})
	}
}
