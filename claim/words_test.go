package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// TestWordClasses checks that data/words.tsv loads into the sets and the
// ordered lists the grouper uses.
func TestWordClasses(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  map[string]bool
		word string
		want bool
	}{
		{"deny cue", denyCues, "denied", true},
		{"deny cue of two words", denyCues, "ruled out", true},
		{"confirm cue", confirmCues, "conceded", true},
		{"dispute", disputeWords, "n't", true},
		{"stop word", stopWords, "it's", true},
		{"stop word not content", stopWords, "ceasefire", false},
		{"role-only code", roleOnly, "GOV", true},
		{"role-only code not a country", roleOnly, "RUS", false},
	} {
		if got := tc.set[tc.word]; got != tc.want {
			t.Errorf("%s: %q = %v, want %v", tc.name, tc.word, got, tc.want)
		}
	}
	// order matters: "ments" must be tried before "ment" and "s"
	if got := strings.Join(stemSuffixes, " "); got != "ments ment ings ing ed es s" {
		t.Errorf("stemSuffixes = %q", got)
	}
	if stem("agreements") != "agree" || stem("proposing") != "propos" {
		t.Errorf("stem: agreements → %q, proposing → %q", stem("agreements"), stem("proposing"))
	}
}

// TestRefersBack guards which contents are about an earlier report: a
// report noun after a determiner, with at most a modifier that dates or
// places the report between them ("the latest claims", "the media
// reports"); any other modifier makes a report of its own ("the whole
// story starts again").
func TestRefersBack(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          bool
	}{
		{"determiner and noun", "the reports were fake", true},
		{"a dating modifier between", "the latest claims", true},
		{"a placing modifier between", "the media reports were not well informed", true},
		{"another modifier between", "now the whole story starts again and I do not go into that game", false},
		{"no determiner", "reports of a row", false},
	} {
		if got := refersBack(words(tc.content)); got != tc.want {
			t.Errorf("%s: refersBack(%q) = %v, want %v", tc.name, tc.content, got, tc.want)
		}
	}
}

// TestRefusal guards which denials turn down a course of action or a thing
// asked for rather than a statement: a proposal after an amount and its
// brackets ("a £2bn ($3.7bn) takeover offer"), a thing withheld ("denied
// bail"); a that-clause is a statement.
func TestRefusal(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          bool
	}{
		{"a proposal", "a takeover offer from Fenwick Group", true},
		{"a proposal after an amount", "a £2bn ($3.7bn) takeover offer from Fenwick Group", true},
		{"a thing withheld", "bail", true},
		{"a statement", "the figures were wrong", false},
		{"a proposal too far in", "the claim that the council ever made an offer", false},
	} {
		txt := "The board rejected " + tc.content + "."
		d := text.SegmentString(txt)
		i := strings.Index(txt, tc.content)
		if got := refusal(d, parley.Span{Start: i, End: i + len(tc.content)}); got != tc.want {
			t.Errorf("%s: refusal(%q) = %v, want %v", tc.name, tc.content, got, tc.want)
		}
	}
}
