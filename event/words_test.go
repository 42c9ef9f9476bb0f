package event

import (
	"testing"
	"time"
)

// TestWordClasses checks that data/words.tsv loads into the sets the coder
// tests, upper-cased, and that timeWords joins in the weekdays.
func TestWordClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  map[string]bool
		word string
		want bool
	}{
		{"determiner", determiners, "THE", true},
		{"determiner lower case", determiners, "the", false},
		{"auxiliary", auxWords, "HAS", true},
		{"auxiliary with apostrophe", auxWords, "N'T", true},
		{"modal", modalWords, "MIGHT", true},
		{"future", futureWords, "'LL", true},
		{"past irregular", pastIrregular, "STRUCK_DOWN", true},
		{"past irregular not participle", pastIrregular, "TAKEN", false},
		{"participle irregular", participleIrregular, "TAKEN", true},
		{"declare", declareVerbs, "SAID", true},
		{"verb boundary", verbBoundary, "BECAUSE", true},
		{"time adverb", timeWords, "YESTERDAY", true},
		{"time weekday from the lexicon", timeWords, "TUESDAY", true},
		{"time parenthesis", timeWords, ")", true},
		{"time not a month", timeWords, "MAY", false},
		{"stop target", stopTargets, "INCLUDING", true},
		{"role-only code", roleOnlyCode, "GOV", true},
		{"role-only code not a country", roleOnlyCode, "USA", false},
		{"non-political code", nonPolitical, "BUS", true},
		{"reciprocal root", reciprocalRoots, "04", true},
		{"reciprocal root not a coercion", reciprocalRoots, "17", false},
	} {
		if got := tc.set[tc.word]; got != tc.want {
			t.Errorf("%s: %q = %v, want %v", tc.name, tc.word, got, tc.want)
		}
	}
	if weekdays["SUNDAY"] != time.Sunday || weekdays["FRIDAY"] != time.Friday || len(weekdays) != 7 {
		t.Errorf("weekdays = %v", weekdays)
	}
	if months["MAY"] != time.May || months["SEPT"] != time.September || months["DEC"] != time.December || len(months) != 24 {
		t.Errorf("months = %v", months)
	}
	if !stopTarget(";") || stopTarget(",") {
		t.Error(`stopTarget: want ";" and not ","`)
	}
}
