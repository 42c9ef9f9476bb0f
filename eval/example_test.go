package eval_test

import (
	"fmt"
	"strings"

	"github.com/parley-news/parley/eval"
)

func ExampleScoreQuotes() {
	gold, _ := eval.ReadQuoteDocs(strings.NewReader(
		`{"id":"a","text":"“We will win,” said Ana Reyes. Rivals said the vote was rigged.",`+
			`"quotes":[{"content_start":1,"content_end":13,"speaker":"Ana Reyes","speaker_start":20,"speaker_end":29,"type":"direct"},`+
			`{"content_start":43,"content_end":62,"speaker":"Rivals","speaker_start":31,"speaker_end":37,"type":"indirect"}]}`), "gold")
	pred, _ := eval.ReadQuoteDocs(strings.NewReader(
		`{"id":"a","quotes":[{"content_start":0,"content_end":14,"speaker":"Reyes"}]}`), "pred")
	r := eval.ScoreQuotes(gold, pred, 0.5)
	fmt.Printf("all: span F1 %.3f, e2e F1 %.3f\n", r.All.Span.F1, r.All.EndToEnd.F1)
	fmt.Printf("direct: span F1 %.3f, e2e F1 %.3f\n", r.Direct.Span.F1, r.Direct.EndToEnd.F1)
	// Output:
	// all: span F1 0.667, e2e F1 0.667
	// direct: span F1 1.000, e2e F1 1.000
}
