package eval

import (
	"testing"

	"github.com/parley-news/parley"
)

func TestQuotePredictionUsesCodePointsAndFallsBackToMentionText(t *testing.T) {
	txt := "Ödön’s aide: “Ça suffit,” she said. “Non,” said Ana."
	span := func(sub string, nth int) parley.Span {
		s := -1
		for range nth + 1 {
			k := indexFrom(txt, sub, s+1)
			if k < 0 {
				t.Fatalf("%q not in text", sub)
			}
			s = k
		}
		return parley.Span{Start: s, End: s + len(sub)}
	}
	a := &parley.Doc{Document: parley.Document{Text: txt}, Quotes: []parley.Quote{
		{Type: parley.Direct, Content: span("Ça suffit,", 0), SpeakerName: "Ödön Tóth", SpeakerSpan: span("she", 0), Cue: "said"},
		{Type: parley.Direct, Content: span("Non,", 0), SpeakerSpan: span("Ana", 0)},
		{Type: parley.Direct, Content: span("aide", 0)},
	}}
	d := QuotePrediction("doc", a)
	if string(d.RawID) != `"doc"` || len(d.Quotes) != 3 {
		t.Fatalf("got id %s and %d quotes", d.RawID, len(d.Quotes))
	}
	runes := []rune(txt)
	for i, want := range []struct {
		content, speaker, mention string
	}{{"Ça suffit,", "Ödön Tóth", "she"}, {"Non,", "Ana", "Ana"}, {"aide", "", ""}} {
		q := d.Quotes[i]
		if got := string(runes[int(*q.ContentStart):int(*q.ContentEnd)]); got != want.content {
			t.Errorf("quote %d: content by code points = %q, want %q", i, got, want.content)
		}
		if want.speaker == "" {
			if q.Speaker != nil || q.SpeakerStart != nil {
				t.Errorf("quote %d: speaker %v at %v, want none", i, q.Speaker, q.SpeakerStart)
			}
			continue
		}
		if q.Speaker == nil || *q.Speaker != want.speaker {
			t.Errorf("quote %d: speaker %v, want %q", i, q.Speaker, want.speaker)
		}
		if got := string(runes[int(*q.SpeakerStart):int(*q.SpeakerEnd)]); got != want.mention {
			t.Errorf("quote %d: speaker mention by code points = %q, want %q", i, got, want.mention)
		}
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
