package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// quote makes a quote whose content is the first occurrence of content in
// txt, by the entity at position speaker (counted from 1).
func quote(txt string, speaker parley.EntityRef, name, cue, content string) parley.Quote {
	i := strings.Index(txt, content)
	if i < 0 {
		panic("content not in text: " + content)
	}
	return parley.Quote{Speaker: speaker, SpeakerName: name, Cue: cue, Content: parley.Span{Start: i, End: i + len(content)}}
}

// doc segments txt and gives it the quotes and one entity per speaker they
// name, so that the speakers' refs point at entities.
func doc(txt string, qs []parley.Quote) *parley.Doc {
	d := text.SegmentString(txt)
	d.ID = "d"
	d.Quotes = qs
	for _, q := range qs {
		for int(q.Speaker) > len(d.Entities) {
			d.AddEntity(parley.Entity{Type: parley.Person, Name: q.SpeakerName})
		}
	}
	return d
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
				return []parley.Quote{quote(s, 1, "The aide", "stressed", "a meeting between the two leaders was unlikely to take place next week")}
			},
			status: parley.Disputed, sources: []string{"The aide", "Bloomberg"},
		},
		{
			name: "denial of a reported plan and dismissal of the reports",
			text: "A correspondent wrote that the two sides were proposing a three-stage peace plan. The minister denied any knowledge of the three-stage plan. Officials told him the reports were fake.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "Correspondent", "wrote", "the two sides were proposing a three-stage peace plan"),
					quote(s, 2, "Minister", "denied", "any knowledge of the three-stage plan"),
					quote(s, 3, "Officials", "told", "the reports were fake"),
				}
			},
			status: parley.Disputed, sources: []string{"Correspondent", "Minister", "Officials"},
		},
		{
			name: "two sources asserting the same agreement corroborate it",
			text: "Ivanov said the delegations had agreed to restore embassy staffing. Smith said the delegations had agreed to restore full embassy staffing quickly.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{
					quote(s, 1, "Ivanov", "said", "the delegations had agreed to restore embassy staffing"),
					quote(s, 2, "Smith", "said", "the delegations had agreed to restore full embassy staffing quickly"),
				}
			},
			status: parley.Corroborated, sources: []string{"Ivanov", "Smith"},
		},
		{
			name: "a lone negative statement is not a claim",
			text: "Smith said he did not see any viable option.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "Smith", "said", "he did not see any viable option")}
			},
		},
		{
			name: "a lone explicit denial is a single-source claim",
			text: "Volker denied that he had joined an irregular channel.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "Volker", "denied", "he had joined an irregular channel")}
			},
			status: parley.SingleSource, sources: []string{"Volker"},
		},
		{
			name: "ruling out a group's involvement disputes the group's claim",
			text: "The Taliban claimed responsibility for shooting down the helicopter. The government ruled out Taliban involvement in the incident.",
			quotes: func(s string) []parley.Quote {
				q2 := quote(s, 2, "The government", "ruled", "Taliban involvement in the incident")
				i := strings.Index(s, "ruled")
				q2.CueSpan = parley.Span{Start: i, End: i + len("ruled")}
				return []parley.Quote{quote(s, 1, "Taliban", "claimed", "responsibility for shooting down the helicopter"), q2}
			},
			status: parley.Disputed, sources: []string{"Taliban", "The government"},
		},
		{
			name: "a denied characterisation has unnamed critics behind it",
			text: "Volker rejected the notion that he had run what has been portrayed as an irregular channel.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "Volker", "rejected", "the notion that he had run what has been portrayed as an irregular channel")}
			},
			status: parley.Disputed, sources: []string{"Volker", "unnamed critics"},
		},
		{
			name: "a denied report has unnamed reports behind it",
			text: "The player denied reports that she had pulled out of the tournament.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The player", "denied", "reports that she had pulled out of the tournament")}
			},
			status: parley.Disputed, sources: []string{"The player", "unnamed reports"},
		},
		{
			name: "a denied suggestion after a modifier has unnamed reports behind it",
			text: "The minister rejected newspaper suggestions that the move was designed to cut taxes.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The minister", "rejected", "newspaper suggestions that the move was designed to cut taxes")}
			},
			status: parley.Disputed, sources: []string{"The minister", "unnamed reports"},
		},
		{
			name: "a lone rejected offer is no claim",
			text: "The club rejected a third bid from Rangers for its captain.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The club", "rejected", "a third bid from Rangers for its captain")}
			},
		},
		{
			name: "a rejected deal that another source reports is corroborated, not disputed",
			text: "Qwest said the firm had rejected a deal worth $8bn. The firm rejected a deal worth $8bn from Qwest.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "Qwest", "said", "the firm had rejected a deal worth $8bn"),
					quote(s, 2, "The firm", "rejected", "a deal worth $8bn from Qwest")}
			},
			status: parley.Corroborated, sources: []string{"Qwest", "The firm"},
		},
		{
			name: "dismissed predictions have unnamed reports behind them",
			text: "The captain dismissed predictions of a certain Irish victory.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The captain", "dismissed", "predictions of a certain Irish victory")}
			},
			status: parley.Disputed, sources: []string{"The captain", "unnamed reports"},
		},
		{
			name: "a denied wrongdoing has unnamed accusers behind it",
			text: "The company denied any wrongdoing.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The company", "denied", "any wrongdoing")}
			},
			status: parley.Disputed, sources: []string{"The company", "unnamed accusers"},
		},
		{
			name: "a wrongdoing deep in a denial is not what it denies",
			text: "The company denied that it had reported the fraud to the police.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The company", "denied", "it had reported the fraud to the police")}
			},
			status: parley.SingleSource, sources: []string{"The company"},
		},
		{
			name: "a report noun deep in a denial is not what it denies",
			text: "The minister denied that he had ever read the confidential reports on the firm.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The minister", "denied", "he had ever read the confidential reports on the firm")}
			},
			status: parley.SingleSource, sources: []string{"The minister"},
		},
		{
			name: "possessor of a debunked allegation asserts it",
			text: "Grisham said the Democrats’ central allegation has been completely debunked.",
			quotes: func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "Grisham", "said", "the Democrats’ central allegation has been completely debunked")}
			},
			status: parley.Disputed, sources: []string{"Grisham", "Democrats"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text, tt.quotes(tt.text))
			Find(d)
			cs := d.Claims
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

func TestFindSurvivesBadQuotes(t *testing.T) {
	txt := "He said it. She denied it."
	d := doc(txt, []parley.Quote{
		{Content: parley.Span{Start: 5, End: 500}, Speaker: 1, Cue: "said"},                // past the end
		{Content: parley.Span{Start: 8, End: 3}, Speaker: 1, Cue: "said"},                  // reversed
		{Content: parley.Span{Start: 8, End: 10}, Speaker: 1, Cue: "said", NestedIn: 3},    // circular
		{Content: parley.Span{Start: 8, End: 10}, Speaker: 2, Cue: "denied", NestedIn: 5},  // contradictory nesting
		{Content: parley.Span{Start: 23, End: 25}, Speaker: 3, Cue: "denied", NestedIn: 4}, //
	})
	Find(d)
	checkClaims(t, d)
	if len(d.Claims) == 0 {
		t.Fatalf("the well-formed denials make no claim")
	}
}

// checkClaims fails t when a claim of d is malformed: a stance whose source
// is not an entity of d, with evidence outside the text, or with a quote
// that does not exist.
func checkClaims(t *testing.T, d *parley.Doc) {
	t.Helper()
	for ci, c := range d.Claims {
		if c.Text == "" || len(c.Stances) == 0 {
			t.Fatalf("claim %d is empty: %+v", ci, c)
		}
		for _, st := range c.Stances {
			if st.Evidence.Start < 0 || st.Evidence.End > len(d.Text) || st.Evidence.Start > st.Evidence.End {
				t.Fatalf("claim %d: evidence %v outside %d bytes", ci, st.Evidence, len(d.Text))
			}
			if st.Quote.Index() >= len(d.Quotes) {
				t.Fatalf("claim %d: stance quote %d of %d", ci, st.Quote, len(d.Quotes))
			}
			if d.Entity(st.Source) == nil {
				t.Fatalf("claim %d: stance source %d of %d entities", ci, st.Source, len(d.Entities))
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Smith said the reports were fake, as Reuters had earlier reported.", 5, 30, 1)
	f.Add("The Democrats’ allegation was denied.", 0, 10, 0)
	f.Add("LONDON (AP) — Smith falsely claimed the video was real. Protesters believe the law is eroding the autonomy of Ruritania.", 21, 40, 0)
	f.Add("(AP) — Smith described the doctored video as satire", 24, 52, 1)
	f.Fuzz(func(t *testing.T, s string, start, end, nest int) {
		qs := []parley.Quote{
			{Content: parley.Span{Start: start, End: end}, Speaker: 1, SpeakerName: "Smith", Cue: "denied"},
			{Content: parley.Span{Start: start / 2, End: end}, Speaker: 2, SpeakerName: "Jones", Cue: "described", NestedIn: parley.QuoteRef(((nest % 3) + 3) % 3)},
		}
		// A cue just before the content, as the quote layer gives one
		// (within the text), so that the readers of the cue's
		// neighbourhood run.
		if a := start/2 - 8; a >= 0 && a+7 <= len(s) {
			qs[1].CueSpan = parley.Span{Start: a, End: a + 7}
		}
		if start < 0 || end < 0 {
			qs = qs[:0]
		}
		d := doc(s, qs)
		Find(d)
		checkClaims(t, d)
	})
}

// A dispute needs two sides on one proposition: negative statements alone
// are not a dispute, statements about different people are different
// propositions even when their words overlap, a negated course of action
// urged denies no proposition, and a side is a source that is known to be
// another: not two unnamed labels that deny, not a pronoun coreference
// left unresolved (a relative "who" included), not the same source twice.
func TestNoFalseDisputes(t *testing.T) {
	type q struct {
		speaker            parley.EntityRef
		name, cue, content string
	}
	tests := []struct {
		name, text string
		quotes     []q
		setup      func(d *parley.Doc, text string)
	}{
		{"two negative statements",
			"The mayor said the budget was not balanced this year. The treasurer said the budget was not balanced last year either.",
			[]q{{1, "Mayor", "said", "the budget was not balanced this year"}, {2, "Treasurer", "said", "the budget was not balanced last year either"}}, nil},
		{"statements about different people",
			"The clerk said Anna Berg was held in jail with a bond of 500 dollars. The judge said Carl Dahl was held in jail with no bond at all.",
			[]q{{1, "Clerk", "said", "Anna Berg was held in jail with a bond of 500 dollars"}, {2, "Judge", "said", "Carl Dahl was held in jail with no bond at all"}},
			func(d *parley.Doc, text string) {
				for _, name := range []string{"Anna Berg", "Carl Dahl"} {
					i := strings.Index(text, name)
					e := d.AddEntity(parley.Entity{Type: parley.Person, Name: name})
					d.AddMentions(parley.Mention{Span: parley.Span{Start: i, End: i + len(name)}, First: int32(d.TokenAt(i)), Last: int32(d.TokenAt(i+len(name)-1) + 1), Entity: e, Kind: parley.NameMention})
				}
			}},
		{"two unnamed labels who deny",
			"The striker has rejected a move to Birmingham this winter. His agent said the player dismissed a permanent move to Birmingham.",
			[]q{{1, "The striker", "rejected", "a move to Birmingham this winter"}, {2, "the player", "dismissed", "a permanent move to Birmingham"}},
			func(d *parley.Doc, _ string) {
				for i := range d.Entities {
					d.Entities[i].Type = parley.Group
				}
			}},
		{"an unresolved pronoun takes no side",
			"Gerrard said he wants to stay at Anfield and win trophies with the club. He said he does not want to stay at Anfield without trophies.",
			[]q{{1, "Gerrard", "said", "he wants to stay at Anfield and win trophies with the club"}, {2, "He", "said", "he does not want to stay at Anfield without trophies"}}, nil},
		{"an unresolved relative pronoun takes no side",
			"Ms Odell said the ruling would stand. The three riders, who have repeatedly denied the ruling would stand, appealed.",
			[]q{{1, "Ms Odell", "said", "the ruling would stand"}, {2, "who", "denied", "the ruling would stand, appealed"}}, nil},
		{"a source that admits what it denied",
			"Sir Nicholas admitted he had misled MPs about the bill. He had denied he had misled MPs about the bill.",
			[]q{{1, "Sir Nicholas", "admitted", "he had misled MPs about the bill"}, {1, "Sir Nicholas", "denied", "he had misled MPs about the bill."}}, nil},
		{"a negated course of action urged",
			"The association urged Muslims not to vote for Labour in the elections. Curtice said Muslims would vote for Labour in the elections.",
			[]q{{1, "The association", "urged", "not to vote for Labour in the elections"}, {2, "Curtice", "said", "Muslims would vote for Labour in the elections"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qs []parley.Quote
			for _, x := range tt.quotes {
				qs = append(qs, quote(tt.text, x.speaker, x.name, x.cue, x.content))
			}
			d := doc(tt.text, qs)
			if tt.setup != nil {
				tt.setup(d, tt.text)
			}
			Find(d)
			for _, c := range d.Claims {
				if c.Status == parley.Disputed {
					t.Errorf("disputed claim %q", c.Text)
				}
			}
		})
	}
}

// TestPlaceholderGivesWayToNamedSource guards that an unnamed source made
// for a denied report ("unnamed reports" behind "dismissed the latest
// claims") is dropped from a claim that the named source of the report
// asserts, and kept when no one else asserts it.
func TestPlaceholderGivesWayToNamedSource(t *testing.T) {
	tests := []struct {
		name string
		text string
		qs   func(string) []parley.Quote
		want string // the claim's sources, in order
	}{
		{"the named source of the report replaces the placeholder",
			"The consultancy claimed revenues were likely to fall below the estimates. A ministry spokesperson dismissed the latest claims.",
			func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "The consultancy", "claimed", "revenues were likely to fall below the estimates"),
					quote(s, 2, "A ministry spokesperson", "dismissed", "the latest claims")}
			},
			"The consultancy|A ministry spokesperson"},
		{"with no named source the placeholder stays",
			"A ministry spokesperson dismissed claims that revenues would fall below the estimates.",
			func(s string) []parley.Quote {
				return []parley.Quote{quote(s, 1, "A ministry spokesperson", "dismissed", "claims that revenues would fall below the estimates")}
			},
			"A ministry spokesperson|unnamed reports"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text, tt.qs(tt.text))
			Find(d)
			var got []string
			for _, st := range disputedStances(d) {
				got = append(got, st.SourceName)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("disputed claim sources %q, want %q (claims %+v)", got, tt.want, d.Claims)
			}
		})
	}
}

// TestOneSideNoDispute guards that a person who speaks for an organisation
// of the document, by affiliation or by a role that names it ("Icstis
// spokesman"), takes the organisation's side: the two dispute nothing
// between them; a person whose role names another organisation still does.
func TestOneSideNoDispute(t *testing.T) {
	const txt = "The regulator Icstis said phone companies were not doing enough to warn customers about scams. Rob Dwight said phone companies should be doing enough to warn customers about scams sooner."
	tests := []struct {
		name  string
		roles []string
		affil string
		want  parley.ClaimStatus
	}{
		{"a spokesman by role", []string{"Icstis spokesman"}, "", parley.SingleSource},
		{"a spokesman by affiliation", nil, "Icstis", parley.SingleSource},
		{"a role naming another organisation", []string{"Ofcom spokesman"}, "", parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(txt, []parley.Quote{
				quote(txt, 1, "Icstis", "said", "phone companies were not doing enough to warn customers about scams"),
				quote(txt, 2, "Rob Dwight", "said", "phone companies should be doing enough to warn customers about scams sooner"),
			})
			d.Entities[0] = parley.Entity{Type: parley.Organization, Name: "Icstis"}
			d.Entities[1] = parley.Entity{Type: parley.Person, Name: "Rob Dwight", Roles: tt.roles, Affiliation: tt.affil}
			d.AddEntity(parley.Entity{Type: parley.Organization, Name: "Ofcom"})
			Find(d)
			if len(d.Claims) != 1 || d.Claims[0].Status != tt.want {
				t.Errorf("claims %+v, want one %s", d.Claims, tt.want)
			}
		})
	}
}

// TestRelayTakesNoSide guards that a quote whose content holds the cue of
// a quote on the other side ("X says Y denied any such agreement") reports
// it and takes no side against it, while an explicit denial keeps its side
// over a quote read inside it ("denied accusations that he threatened …").
func TestRelayTakesNoSide(t *testing.T) {
	withCue := func(s string, q parley.Quote, cue string) parley.Quote {
		i := strings.Index(s, cue)
		q.CueSpan = parley.Span{Start: i, End: i + len(cue)}
		return q
	}
	tests := []struct {
		name string
		text string
		qs   func(string) []parley.Quote
		want parley.ClaimStatus
	}{
		{"a relayed denial", "The manager says the guitarist denied any such agreement about the tour.",
			func(s string) []parley.Quote {
				return []parley.Quote{withCue(s, quote(s, 1, "The manager", "says", "the guitarist denied any such agreement about the tour"), "says"),
					withCue(s, quote(s, 2, "The guitarist", "denied", "any such agreement about the tour"), "denied")}
			}, parley.SingleSource},
		{"an explicit denial over a quote inside it", "The captain denied accusations that he threatened the defender before the defeat.",
			func(s string) []parley.Quote {
				return []parley.Quote{withCue(s, quote(s, 1, "The captain", "denied", "accusations that he threatened the defender before the defeat"), "denied"),
					withCue(s, quote(s, 2, "The defender", "threatened", "the defender before the defeat"), "threatened")}
			}, parley.Disputed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text, tt.qs(tt.text))
			Find(d)
			if len(d.Claims) != 1 || d.Claims[0].Status != tt.want {
				t.Errorf("claims %+v, want one %s", d.Claims, tt.want)
			}
		})
	}
}
