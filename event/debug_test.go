package event

import (
	"os"
	"testing"
	"time"

	"github.com/parley-news/parley/text"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("EVDEBUG")
	if s == "" {
		t.Skip("set EVDEBUG to a sentence")
	}
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := text.Segment(s)
	in := &Input{Doc: d}
	for _, ts := range d.Sentences {
		sn := &sentence{in: in, first: ts.First}
		for i := ts.First; i < ts.Last; i++ {
			_ = i
		}
		_ = sn
	}
	for _, e := range c.CodeText(s, time.Time{}) {
		t.Logf("%s %s %s→%s trig=%q ev=%q", e.CAMEO, e.PLOVER, e.SourceCode, e.TargetCode, e.Trigger, s[e.Evidence.Start:e.Evidence.End])
	}
	c.debugActors = func(words []string, a []actorSpan) {
		for _, x := range a {
			t.Logf("actor %v %q", x, words[x.first:x.last])
		}
	}
	c.CodeText(s, time.Time{})
}
