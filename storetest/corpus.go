package storetest

import (
	"time"

	"github.com/parley-news/parley"
)

// The corpus below is written for these tests (it is not real reporting):
// four short articles with the cases a store must get right — one person
// named two ways in two articles, two people who share a surname, a claim
// asserted in one article and denied in another, events between two actors.

// Article texts, exported so that tests can find phrases in them.
const (
	TextGeneva = `Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio met in Geneva on Monday.
"The talks were useful and frank," Lavrov told reporters after the meeting.
Rubio said the two sides agreed to restore embassy staffing in both capitals.
A summit between the two presidents could take place next month, sources familiar with the talks told Reuters.`

	TextKremlin = `The Kremlin on Tuesday played down a report that a summit could take place next month.
"No dates have been set and none will be set soon," Kremlin spokesman Dmitry Peskov said in a statement.
Russia's foreign minister Sergei Lavrov said that embassy staffing would be restored "within weeks".`

	TextBeijing = `Chinese foreign ministry spokesperson Mao Ning said on Wednesday that Beijing rejected the American trade proposal.
"This proposal is unacceptable to China," Mao told a press conference in Beijing.`

	TextSmiths = `Jane Smith, the mayor of Springfield, said the bridge would reopen in May.
Her rival John Smith, a local businessman, said the repairs would take at least a year.`
)

// Corpus returns the analyses of the four articles, built by hand.
func Corpus() []*parley.Doc {
	geneva := NewAnalysis("geneva", "Lavrov and Rubio meet in Geneva", "Example Wire", "2025-03-03", TextGeneva).
		Person("E1", "Sergey Lavrov", []string{"Lavrov"}, []string{"Russian Foreign Minister"}, "Russia", "RU").
		Person("E2", "Marco Rubio", []string{"Rubio"}, []string{"US Secretary of State"}, "United States", "US").
		Entity("E3", parley.Place, "city", "Geneva", nil, nil, "", "CH").
		Entity("E4", parley.Organization, string(parley.Media), "Reuters", nil, nil, "", "").
		Entity("E5", parley.Group, "", "sources familiar with the talks", nil, nil, "", "").
		Entity("E6", parley.Place, "country", "Russia", []string{"Russian"}, nil, "", "RU").
		Quote(Quote{ID: "Q1", Content: "The talks were useful and frank,", Speaker: "E1", SpeakerForm: "Lavrov told", Cue: "told", Channel: "reporters"}).
		Quote(Quote{ID: "Q2", Type: "indirect", Content: "the two sides agreed to restore embassy staffing in both capitals", Speaker: "E2", SpeakerForm: "Rubio", Cue: "said"}).
		Quote(Quote{ID: "Q3", Type: "indirect", Content: "A summit between the two presidents could take place next month", Speaker: "E5",
			SpeakerForm: "sources familiar with the talks", Cue: "told", Channel: "Reuters", ReportedBy: "Reuters", Anonymous: true}).
		Event(parley.Event{PLOVER: "CONSULT", CAMEO: "040", QuadClass: 1, Goldstein: 1, Source: 1, Target: 2,
			SourceCode: "RUSGOV", TargetCode: "USAGOV", Location: &parley.Location{Name: "Geneva", Country: "CH", Lat: 46.2, Lon: 6.15},
			Date: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC), DateText: "on Monday", Trigger: "met"},
			"Sergey Lavrov and US Secretary of State Marco Rubio met in Geneva on Monday").
		Event(parley.Event{PLOVER: "AGREE", CAMEO: "057", QuadClass: 1, Goldstein: 8, Source: 1, Target: 2,
			SourceCode: "RUSGOV", TargetCode: "USAGOV", ReportedIn: 2, Trigger: "agreed"},
			"the two sides agreed to restore embassy staffing").
		Claim("C1", "embassy staffing will be restored", "embassy staffing restored", parley.SingleSource,
			Stance{Source: "E2", Stance: parley.Asserts, Quote: "Q2", Evidence: "the two sides agreed to restore embassy staffing in both capitals"}).
		Claim("C2", "a summit will take place next month", "summit next month", parley.SingleSource,
			Stance{Source: "E5", Stance: parley.Asserts, Quote: "Q3", Evidence: "A summit between the two presidents could take place next month"}).
		Analysis()

	kremlin := NewAnalysis("kremlin", "Kremlin plays down summit report", "Daily Ledger", "2025-03-04", TextKremlin).
		Entity("E1", parley.Organization, string(parley.Government), "Kremlin", nil, nil, "Russia", "RU").
		Person("E2", "Dmitry Peskov", []string{"Peskov"}, []string{"Kremlin spokesman"}, "Russia", "RU").
		Person("E3", "Sergei Lavrov", nil, []string{"Russia's foreign minister"}, "Russia", "RU").
		Quote(Quote{ID: "Q1", Content: "No dates have been set and none will be set soon,", Speaker: "E2", SpeakerForm: "Dmitry Peskov", Cue: "said", Channel: "a statement"}).
		Quote(Quote{ID: "Q2", Type: "mixed", Content: `embassy staffing would be restored "within weeks"`, Speaker: "E3", SpeakerForm: "Sergei Lavrov", Cue: "said"}).
		Claim("C1", "a summit will take place next month", "summit next month", parley.SingleSource,
			Stance{Source: "E2", Stance: parley.Denies, Quote: "Q1", Evidence: "No dates have been set and none will be set soon"}).
		Claim("C2", "embassy staffing will be restored", "embassy staffing restored", parley.SingleSource,
			Stance{Source: "E3", Stance: parley.Asserts, Quote: "Q2", Evidence: `embassy staffing would be restored "within weeks"`}).
		Analysis()

	beijing := NewAnalysis("beijing", "Beijing rejects US trade proposal", "Example Wire", "2025-03-05", TextBeijing).
		Person("E1", "Mao Ning", []string{"Mao"}, []string{"Chinese foreign ministry spokesperson"}, "China", "CN").
		Entity("E2", parley.Place, "city", "Beijing", nil, nil, "", "CN").
		Entity("E3", parley.Place, "country", "China", []string{"Chinese"}, nil, "", "CN").
		Quote(Quote{ID: "Q1", Type: "indirect", Content: "Beijing rejected the American trade proposal", Speaker: "E1", SpeakerForm: "Mao Ning", Cue: "said"}).
		Quote(Quote{ID: "Q2", Content: "This proposal is unacceptable to China,", Speaker: "E1", SpeakerForm: "Mao told", Cue: "told", Channel: "a press conference"}).
		Event(parley.Event{PLOVER: "REJECT", CAMEO: "120", QuadClass: 3, Goldstein: -4, Source: 2, SourceCode: "CHNGOV",
			TargetCode: "USAGOV", Location: &parley.Location{Name: "Beijing", Country: "CN"}, ReportedIn: 1, Trigger: "rejected"},
			"Beijing rejected the American trade proposal").
		Analysis()

	smiths := NewAnalysis("smiths", "Bridge repairs divide Springfield", "Springfield Courier", "2025-02-20", TextSmiths).
		Person("E1", "Jane Smith", nil, []string{"the mayor of Springfield"}, "", "").
		Person("E2", "John Smith", nil, []string{"a local businessman"}, "", "").
		Quote(Quote{ID: "Q1", Type: "indirect", Content: "the bridge would reopen in May", Speaker: "E1", SpeakerForm: "Jane Smith", Cue: "said"}).
		Quote(Quote{ID: "Q2", Type: "indirect", Content: "the repairs would take at least a year", Speaker: "E2", SpeakerForm: "John Smith", Cue: "said"}).
		Analysis()
	return []*parley.Doc{geneva, kremlin, beijing, smiths}
}
