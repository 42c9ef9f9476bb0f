package eval

import (
	"strings"
	"testing"

	"github.com/parley-news/parley/conllu"
)

func readConllu(t *testing.T, s string) []*conllu.Sentence {
	t.Helper()
	var out []*conllu.Sentence
	r := conllu.NewReader(strings.NewReader(s))
	for {
		x, err := r.Next()
		if err != nil {
			return out
		}
		out = append(out, x)
	}
}

const goldSyntax = "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
	"2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_\n" +
	"3\tat\tat\tADP\tIN\t_\t4\tcase\t_\t_\n" +
	"4\tnight\tnight\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_\n\n" +
	"1\tYes\t_\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"

// TestScoreSyntax guards the metric definitions: LAS ignores the subtype,
// LAS-full does not, a wrong head fails both, a gold "_" lemma accepts any.
func TestScoreSyntax(t *testing.T) {
	pred := strings.NewReplacer(
		"2\tnsubj", "2\tnsubj:pass", // subtype differs: LAS right, LAS-full wrong
		"obl:tmod", "obl", // the same
		"3\tat\tat\tADP\tIN\t_\t4", "3\tat\tto\tADP\tRB\t_\t2", // head, lemma and XPOS wrong
		"Yes\t_\tINTJ", "Yes\tyes\tNOUN", // UPOS wrong, lemma free
	).Replace(goldSyntax)
	s, err := ScoreSyntax(readConllu(t, goldSyntax), readConllu(t, pred))
	if err != nil {
		t.Fatal(err)
	}
	want := SyntaxScores{Sentences: 2, Words: 5, UPOS: 0.8, XPOS: 0.8, Lemmas: 0.8, UAS: 0.8, LAS: 0.8, LASFull: 0.4}
	if s != want {
		t.Errorf("got %+v\nwant %+v", s, want)
	}
}

// TestScoreSyntaxMismatch names the sentence whose words differ.
func TestScoreSyntaxMismatch(t *testing.T) {
	g := readConllu(t, goldSyntax)
	for _, c := range []struct{ pred, msg string }{
		{strings.Replace(goldSyntax, "night", "day", 1), `sentence 1 (gold line 1) word 4: gold "night", prediction "day"`},
		{strings.SplitAfter(goldSyntax, "\n\n")[0], "gold has 2 sentences, prediction 1"},
	} {
		if _, err := ScoreSyntax(g, readConllu(t, c.pred)); err == nil || err.Error() != c.msg {
			t.Errorf("got %v, want %s", err, c.msg)
		}
	}
}
