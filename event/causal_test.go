package event

import (
	"testing"
	"time"
)

// The passive of a verb of causing names no one who causes: "the minister
// was forced to resign", "the company was allowed to bid" are no acts of
// coercion or concession; with its agent ("was forced by the army to …")
// and in the active ("the army forced the president to resign") it is one.
func TestPassiveCausingNeedsAnAgent(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // CAMEO root coded, "" for none
	}{
		{"forced to resign", "The interior minister was eventually forced to resign in March.", ""},
		{"allowed to join", "The Ukrainian government was allowed to join the talks on trade.", ""},
		{"forced by an agent", "The president was forced by the army to resign.", "17"},
		{"forcing in the active", "The army forced the president to resign.", "17"},
		{"forcing in the progressive", "Russian prosecutors are forcing the sale of the firm's main asset.", "17"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.CAMEORoot == "17" || e.CAMEORoot == "08" || e.CAMEORoot == "03" {
					got = e.CAMEORoot
				}
			}
			if got != tt.want {
				t.Errorf("root %q, want %q", got, tt.want)
			}
		})
	}
}
