package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// quote makes a quote whose content is the first occurrence of content in txt.
func quote(txt, id, speaker, name, cue, content string) parley.Quote {
	i := strings.Index(txt, content)
	if i < 0 {
		panic("content not in text: " + content)
	}
	return parley.Quote{ID: id, Speaker: speaker, SpeakerName: name, Cue: cue, Content: parley.Span{Start: i, End: i + len(content)}}
}

func TestFindStancesAndStatus(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		quotes  func(string) []parley.Quote
		status  parley.ClaimStatus // "" = no claim
		sources []string           // source names in the claim
	}{
		{
			name: "relaying outlet asserts what the speaker plays down",
			text: "The aide stressed that a meeting between the two leaders was unlikely to take place next week, as Bloomberg had earlier reported.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, "Q1", "E1", "The aide", "stressed", "a meeting between the two leaders was unlikely to take place next week")}
			},
			status: parley.Disputed, sources: []string{"The aide", "Bloomberg"},
		},
		{
			name: "denial of a reported plan and dismissal of the reports",
			text: "A correspondent wrote that the two sides were proposing a three-stage peace plan. The minister denied any knowledge of the three-stage plan. Officials told him the reports were fake.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, "Q1", "E1", "Correspondent", "wrote", "the two sides were proposing a three-stage peace plan"),
					quote(s, "Q2", "E2", "Minister", "denied", "any knowledge of the three-stage plan"),
					quote(s, "Q3", "E3", "Officials", "told", "the reports were fake"),
				}
			},
			status: parley.Disputed, sources: []string{"Correspondent", "Minister", "Officials"},
		},
		{
			name: "two sources asserting the same agreement corroborate it",
			text: "Ivanov said the delegations had agreed to restore embassy staffing. Smith said the delegations had agreed to restore full embassy staffing quickly.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, "Q1", "E1", "Ivanov", "said", "the delegations had agreed to restore embassy staffing"),
					quote(s, "Q2", "E2", "Smith", "said", "the delegations had agreed to restore full embassy staffing quickly"),
				}
			},
			status: parley.Corroborated, sources: []string{"Ivanov", "Smith"},
		},
		{
			name: "a lone negative statement is not a claim",
			text: "Smith said he did not see any viable option.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, "Q1", "E1", "Smith", "said", "he did not see any viable option")}
			},
		},
		{
			name: "a lone explicit denial is a single-source claim",
			text: "Volker denied that he had joined an irregular channel.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, "Q1", "E1", "Volker", "denied", "he had joined an irregular channel")}
			},
			status: parley.SingleSource, sources: []string{"Volker"},
		},
		{
			name: "ruling out a group's involvement disputes the group's claim",
			text: "The Taliban claimed responsibility for shooting down the helicopter. The government ruled out Taliban involvement in the incident.",
			quotes: func(s string) []parley.Quote {
				q2 := quote(s, "Q2", "E2", "The government", "ruled", "Taliban involvement in the incident")
				i := strings.Index(s, "ruled")
				q2.CueSpan = parley.Span{Start: i, End: i + len("ruled")}
				return []parley.Quote{quote(s, "Q1", "E1", "Taliban", "claimed", "responsibility for shooting down the helicopter"), q2}
			},
			status: parley.Disputed, sources: []string{"Taliban", "The government"},
		},
		{
			name: "a denied characterisation has unnamed critics behind it",
			text: "Volker rejected the notion that he had run what has been portrayed as an irregular channel.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, "Q1", "E1", "Volker", "rejected", "the notion that he had run what has been portrayed as an irregular channel")}
			},
			status: parley.Disputed, sources: []string{"Volker", "unnamed critics"},
		},
		{
			name: "possessor of a debunked allegation asserts it",
			text: "Grisham said the Democrats’ central allegation has been completely debunked.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, "Q1", "E1", "Grisham", "said", "the Democrats’ central allegation has been completely debunked")}
			},
			status: parley.Disputed, sources: []string{"Grisham", "Democrats"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &parley.Analysis{Document: parley.Document{ID: "d", Text: tt.text}, Quotes: tt.quotes(tt.text)}
			cs := Find(a, text.Segment(tt.text))
			if tt.status == "" {
				if len(cs) != 0 {
					t.Errorf("want no claim, got %+v", cs)
				}
				return
			}
			if len(cs) != 1 {
				t.Fatalf("want 1 claim, got %d: %+v", len(cs), cs)
			}
			c := cs[0]
			if c.Status != tt.status {
				t.Errorf("status %s, want %s", c.Status, tt.status)
			}
			got := map[string]bool{}
			for _, s := range c.Stances {
				got[s.SourceName] = true
				if s.Evidence.End > len(tt.text) || s.Evidence.Start >= s.Evidence.End {
					t.Errorf("bad evidence %v", s.Evidence)
				}
			}
			for _, n := range tt.sources {
				if !got[n] {
					t.Errorf("no stance by %q in %+v", n, c.Stances)
				}
			}
		})
	}
}

func TestMergeAcrossArticles(t *testing.T) {
	mk := func(id, who string, st parley.Stance) *parley.Analysis {
		return &parley.Analysis{Document: parley.Document{ID: id}, Claims: []parley.Claim{{
			ID: "C1", Text: "the United States and Russia agreed to restore embassy staffing", Status: parley.SingleSource,
			Key:     Key("the United States and Russia agreed to restore embassy staffing"),
			Stances: []parley.ClaimStance{{Source: "E1", SourceName: who, Stance: st, Quote: "Q1"}},
		}}}
	}
	cs := Merge([]*parley.Analysis{mk("a", "Rubio", parley.Asserts), mk("b", "Lavrov", parley.Asserts), nil})
	if len(cs) != 1 || cs[0].Status != parley.Corroborated || len(cs[0].Stances) != 2 {
		t.Fatalf("want one corroborated claim with 2 stances, got %+v", cs)
	}
	if cs[0].Stances[1].Source != "b/E1" {
		t.Errorf("source ids must be qualified by document, got %q", cs[0].Stances[1].Source)
	}
	cs = Merge([]*parley.Analysis{mk("a", "Rubio", parley.Asserts), mk("b", "Rubio", parley.Asserts)})
	if cs[0].Status != parley.SingleSource {
		t.Errorf("one source quoted twice is single-source, got %s", cs[0].Status)
	}
	cs = Merge([]*parley.Analysis{mk("a", "Rubio", parley.Asserts), mk("b", "Lavrov", parley.Denies)})
	if cs[0].Status != parley.Disputed {
		t.Errorf("assert + deny across articles is disputed, got %s", cs[0].Status)
	}
}

func TestFindSurvivesBadQuotes(t *testing.T) {
	txt := "He said it."
	a := &parley.Analysis{Document: parley.Document{Text: txt}, Quotes: []parley.Quote{
		{ID: "Q1", Content: parley.Span{Start: 5, End: 500}},                // past the end
		{ID: "Q2", Content: parley.Span{Start: 8, End: 3}},                  // reversed
		{ID: "Q3", Content: parley.Span{Start: 8, End: 10}, NestedIn: "Q3"}, // circular
		{ID: "Q4", Content: parley.Span{Start: 8, End: 10}, NestedIn: "Q5"},
		{ID: "Q5", Content: parley.Span{Start: 8, End: 10}, NestedIn: "Q4"}, // contradictory nesting
	}}
	_ = Find(a, text.Segment(txt))
	_ = Find(a, nil)
}

func FuzzFind(f *testing.F) {
	f.Add("Smith said the reports were fake, as Reuters had earlier reported.", 5, 30, 1)
	f.Add("The Democrats’ allegation was denied.", 0, 10, 0)
	f.Fuzz(func(t *testing.T, s string, start, end, nest int) {
		a := &parley.Analysis{Document: parley.Document{Text: s}, Quotes: []parley.Quote{
			{ID: "Q1", Content: parley.Span{Start: start, End: end}, Speaker: "E1", SpeakerName: "Smith", Cue: "denied"},
			{ID: "Q2", Content: parley.Span{Start: start / 2, End: end}, Speaker: "E2", SpeakerName: "Jones", Cue: "said", NestedIn: []string{"", "Q1", "Q2"}[((nest%3)+3)%3]},
		}}
		if start < 0 || end < 0 {
			a.Quotes = a.Quotes[:0]
		}
		for _, c := range Find(a, text.Segment(s)) {
			for _, st := range c.Stances {
				if st.Evidence.Start < 0 || st.Evidence.End > len(s) {
					t.Fatalf("evidence %v outside %d bytes", st.Evidence, len(s))
				}
			}
		}
	})
}
