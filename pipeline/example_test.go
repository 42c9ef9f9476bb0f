package pipeline_test

import (
	"context"
	"fmt"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
)

// Extract analyses one article: who said what, with the speaker resolved
// through coreference and the relaying outlet kept.
func ExamplePipeline_Extract() {
	p, err := pipeline.New(pipeline.WithLevel(pipeline.Core))
	if err != nil {
		panic(err)
	}
	text := "Foreign Minister Anna Berg said the talks had ended without a deal. " +
		"She added that a new round would start in May, Reuters reported."
	a, err := p.Extract(context.Background(), parley.Document{ID: "example", Text: text})
	if err != nil {
		panic(err)
	}
	for _, q := range a.Quotes {
		fmt.Printf("%s (%s, via %s): %s\n", q.SpeakerName, q.Cue, orNone(q.ReportedBy), text[q.Content.Start:q.Content.End])
	}
	// Output:
	// Anna Berg (said, via -): the talks had ended without a deal
	// Anna Berg (added, via Reuters): a new round would start in May
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
