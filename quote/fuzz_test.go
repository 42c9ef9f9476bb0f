package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that the quote finder never panics and that what it
// returns is well formed: spans inside the text on rune boundaries, ids
// unique, links (nested_in, continues) pointing at quotes that exist.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“It feels so good,” he told donors.",
		"Officials said the border would reopen, Reuters reported.",
		"“A,” she said, “B.”\n“C continues.”",
		"Trump: My plans aren't set in stone.",
		"According to the 2009 paper, it would raise money.",
		"He said that “it is “nested” here” and that ''this'' too.",
		"said said said , , “ ” \" '' `` — –",
		"X told him on Tuesday that the reports were “fake”, TASS reported.",
		"Many voters believe that the poll shows what the party wants: “a win”.",
		strings.Repeat("word ", 200) + "said",
	} {
		f.Add(s)
	}
	fx := newFixture(f)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			in = strings.ToValidUTF8(in, "\uFFFD")
		}
		qs, d := fx.find(in)
		for i, a := range d.Attitudes {
			if a.Content.Start >= a.Content.End || a.HolderSpan.Start >= a.HolderSpan.End {
				t.Fatalf("attitude %d: empty content or holder", i)
			}
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("the Doc is invalid after Find: %v", err)
		}
		for i, q := range qs {
			for _, sp := range [][2]int{{q.Content.Start, q.Content.End}, {q.SpeakerSpan.Start, q.SpeakerSpan.End}, {q.CueSpan.Start, q.CueSpan.End}} {
				if sp[0] < 0 || sp[1] > len(in) || sp[0] > sp[1] {
					t.Fatalf("quote %d: span %v outside the text (%d bytes)", i, sp, len(in))
				}
				if !utf8.RuneStart(in[min(sp[0], len(in)-1)]) && sp[0] < len(in) {
					t.Fatalf("quote %d: span %v starts inside a rune", i, sp)
				}
			}
			if q.Content.Start >= q.Content.End {
				t.Fatalf("quote %d: empty content", i)
			}
			if q.NestedIn.Index() >= len(qs) || q.Continues.Index() >= len(qs) || q.NestedIn.Index() == i || q.Continues.Index() == i {
				t.Fatalf("quote %d links to a quote that does not exist: nested_in %d continues %d", i, q.NestedIn, q.Continues)
			}
		}
	})
}
