package event

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

var (
	coderOnce sync.Once
	coder     *Coder
	coderErr  error
)

// testCoder builds the coder once for all tests, with the lexicon.
func testCoder(t testing.TB) *Coder {
	coderOnce.Do(func() {
		c, err := New()
		if err != nil {
			coderErr = err
			return
		}
		lex, err := lexicon.Load()
		if err != nil {
			coderErr = err
			return
		}
		m, err := syntax.Load()
		if err != nil {
			coderErr = err
			return
		}
		coder = c.WithLexicon(lex).WithSyntax(m)
	})
	if coderErr != nil {
		t.Fatal(coderErr)
	}
	return coder
}

func TestCodeSentence(t *testing.T) {
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		name, text   string
		plover, root string // "" plover: no event
		src, tgt     string // expected actor codes; "*" = don't care
	}{
		{"meeting with capitals as governments", "Negotiators from Beijing and Washington met in Geneva on Tuesday.", "CONSULT", "04", "*", "*"},
		{"agreement to reopen", "The two governments agreed to reopen consulates.", "AGREE", "03", "*", "*"},
		{"rejection", "The ministry rejected the proposal.", "REJECT", "12", "GOV", ""},
		{"nationality adjective and role", "Russian officials accused Ukraine of shelling the plant.", "ACCUSE", "11", "RUSGOV", "UKR"},
		{"seat of government", "The Kremlin condemned the sanctions.", "ACCUSE", "11", "RUSGOV", "*"},
		{"an agent before a word that only begins another role elsewhere is a modifier", "British officials promised to continue military aid to Mozambique.", "AGREE", "03", "GBRGOV", "MOZ"},
		{"an armed group before a violent event noun does the act", "A terrorist attack killed 20 people in Madrid.", "ASSAULT", "19", "ESPUAF", "*"},
		{"a preposition the trigger holds names the target", "The Russian government hit out at Ukraine on Monday.", "ACCUSE", "11", "RUSGOV", "UKR"},
		{"an adverb that is also a determiner before a past verb", "The Russian envoy first discussed the delay with Ukrainian officials.", "CONSULT", "04", "*", "UKRGOV"},
		{"a comma before a verb closes a relative clause", "Germany, which chairs the group, said France, after long talks, had rejected the plan.", "REJECT", "12", "FRA", "*"},
		{"a subject with an aside after a relative clause", "Russia, which has denied the claims, said on Monday that Ukraine, backed by Western weapons, had attacked the plant.", "ASSAULT", "19", "UKR", "*"},
		{"unlikely is no event", "The two leaders are unlikely to meet next week.", "", "", "", ""},
		{"a negation before \"now\" negates", "The Russian and Chinese leaders will not now meet in Geneva.", "", "", "", ""},
		{"drawing criticism is being criticised", "The Russian government drew sharp criticism from France.", "ACCUSE", "11", "FRA", "*"},
		{"facing a backlash is being criticised", "The Kremlin faced a backlash from Poland.", "ACCUSE", "11", "*", "RUSGOV"},
		{"criticism behind a long partitive phrase", "The Kremlin drew a huge storm of sharp international criticism from Poland.", "ACCUSE", "11", "POL", "*"},
		{"crying foul is criticism", "The Kremlin cried foul over the vote.", "ACCUSE", "11", "RUSGOV", "*"},
		{"taking aim is criticism", "The Kremlin took aim at the Polish government.", "ACCUSE", "11", "RUSGOV", "*"},
		{"sparking outrage is being criticised", "The Kremlin sparked outrage in Poland.", "ACCUSE", "11", "*", "RUSGOV"},
		{"rallying voters is no protest", "The British chancellor rallies Labour voters.", "", "", "", ""},
		{"a market rally is no protest", "Disappointing business figures from Chicago brought a sudden end to a rally in the value of the dollar.", "", "", "", ""},
		{"people rallying outside parliament protest", "Thousands of Ukrainian students rallied outside parliament in Kiev.", "PROTEST", "14", "*", "*"},
		{"market demand is no request", "Chinese demand for oil from Russia rose sharply in December.", "", "", "", ""},
		{"a base form after an adjective is a noun", "Exports to China rose, as did strong demand for Russian coal.", "", "", "", ""},
		{"a demand with its maker is a request", "Ankara rejected an EU demand for Turkey to recognise Cyprus.", "REJECT", "12", "*", "*"},
		{"conditions met are no meeting", "Russia said the conditions set by the European Union had been met.", "", "", "", ""},
		{"met with laughter is no meeting", "The French minister's proposal was met with laughter in Moscow.", "", "", "", ""},
		{"yet to decide is no event", "Putin has yet to decide who will represent Russia.", "", "", "", ""},
		{"refused to meet is a rejection", "Iran refused to meet the inspectors.", "REJECT", "12", "IRN", "*"},
		{"will not accept is a rejection", "The United States will not accept attempts to assert unlawful claims.", "REJECT", "12", "USA", "*"},
		{"plain statement is no event", "The minister said the economy was growing.", "", "", "", ""},
		{"denial is no event", "The government denied the report.", "", "", "", ""},
		{"future cooperation is an intention", "The United States will provide Vietnam with a ship.", "AGREE", "03", "USA", "VNM"},
		{"urging is a request", "Britain urged Iran to release the tanker.", "REQUEST", "", "GBR", "IRN"},
		{"nominal talks between", "The first round of direct talks between Moscow and Washington has ended.", "CONSULT", "04", "RUSGOV", "USAGOV"},
		{"back reference is no event", "He spoke to reporters after the talks.", "", "", "", ""},
		{"coordinated subjects are both sides of a meeting", "Israel and Egypt met in Cairo on Monday.", "CONSULT", "04", "EGY", "ISR"},
		{"coordinated subjects are both sides of an agreement", "India and Pakistan agreed to a ceasefire.", "AGREE", "03", "PAK", "IND"},
		{"officers are police", "Officers arrested a man near the station on Tuesday.", "COERCE", "", "COP", "*"},
		{"state troopers are police", "State troopers detained two drivers.", "COERCE", "17", "COP", "*"},
		{"declining to answer is no rejection", "The Iranian minister declined to answer questions.", "", "", "", ""},
		{"refusing to confirm is no rejection", "The French minister refused to confirm the figures.", "", "", "", ""},
		{"passive with agent", "The convoy was attacked by rebels near the border.", "ASSAULT", "19", "REB", "*"},
		{"merger of two companies is business cooperation", "The European Commission approved the merger of the two airlines.", "COOPERATE", "06", "*", "*"},
		{"awarded contracts are economic cooperation", "Egypt awarded two exploration contracts to British firms.", "COOPERATE", "06", "EGY", "*"},
		{"a bid is an offer, not a demand", "Russia has bid $5bn for the refinery.", "AGREE", "03", "RUS", "*"},
		{"fines for a target", "Britain announced fines for Iranian shipping firms.", "COERCE", "17", "GBR", "IRN"},
		{"a word the tagger never saw is no modal", "Russia withheld aid to Ukraine.", "SANCTION", "16", "RUS", "UKR"},
		{"arriving is no consultation", "Russian ministers arrive in Riyadh on Tuesday.", "", "", "", ""},
		{"coming to power is no consultation", "The Indonesian government came to power in October.", "", "", "", ""},
		{"a meeting with someone is a consultation", "The Russian foreign minister met the Saudi crown prince on Tuesday.", "CONSULT", "04", "*", "*"},
		{"an economy that expands is no cooperation", "China's economy expanded by 9.5% last year.", "", "", "", ""},
		{"being linked to a party is no cooperation", "The account was clearly linked to the British government.", "", "", "", ""},
		{"police stopping a vehicle is coercion", "Police stopped a vehicle driven by a man on Monday.", "COERCE", "17", "COP", "*"},
		{"stopping production is no coercion", "The Russian government stopped production in May.", "", "", "", ""},
		{"an arrest in the passive implies the authorities", "Six people were arrested on Monday.", "COERCE", "17", "", "*"},
		{"a fine in the passive implies the authorities", "Both clubs were fined for crowd trouble.", "COERCE", "17", "", "*"},
		{"a passive the tagger reads as an adjective", "The crew was quarantined at the port.", "COERCE", "17", "", "*"},
		{"generic coercion in the passive needs an actor", "The company was forced to cut prices in December.", "", "", "", ""},
		{"a second event noun in a sentence without a finite act", "Sanctions on Iran and protests in Tehran dominated the week.", "PROTEST", "14", "*", "*"},
		{"a death in a crash is no assault", "Two Canadian soldiers were killed in a helicopter crash near Kabul.", "", "", "", ""},
		{"a killing in an ambush is an assault", "Rebels killed two Canadian soldiers in an ambush near Kabul.", "ASSAULT", "", "*", "*"},
		{"an attack with words said about it is criticism", "The South African president attacked British imperialists, saying they had exploited Africa.", "ACCUSE", "11", "*", "*"},
		{"a party attacks in words", "Tories attack EU asylum moves.", "ACCUSE", "11", "*", "*"},
		{"storming ahead in a match is no assault", "The Welsh rebels stormed 20-3 ahead through three tries in the first half.", "", "", "", ""},
		{"storming a building is an assault", "Rebels stormed the parliament building in Kabul.", "ASSAULT", "", "*", "*"},
		{"a nominal attack on a party is criticism", "The minister opened the debate with an attack on the Labour Party.", "ACCUSE", "11", "*", "*"},
		{"breaking a promise is no assault", "The Turkish government has broken its promise on taxes.", "", "", "", ""},
		{"breaking a record is no criticism", "The Russian team broke the world record in Madrid.", "", "", "", ""},
		{"attacking a record is criticism", "The Russian president attacked the government's record on taxes.", "ACCUSE", "11", "*", "*"},
		{"a cause is no actor", "Higher oil prices have forced the Indonesian government to raise fuel subsidies.", "", "", "", ""},
		{"an actor forcing is coercion", "The Indonesian army forced the villagers to leave their homes.", "COERCE", "17", "*", "*"},
		{"a visit names its visitor", "On a visit to India last week, the 60-year-old actor said he would film there.", "", "", "", ""},
		{"what someone denies knowing of did not happen", "The envoy said he had no knowledge of any efforts to urge Ukraine to investigate the company.", "", "", "", ""},
		{"a warning to the public is advice", "Indian officials warned people to stay away from the flooded areas.", "", "", "", ""},
		{"a warning to a state to stop is a threat", "Britain warned Iran to stop enriching uranium.", "THREATEN", "13", "*", "*"},
		{"met with an idiom is no meeting", "Russian ministers met with hoots of laughter from members of the French government.", "", "", "", ""},
		{"a possible harm with no one holding it out is no threat", "Critics argue the new rules could undermine NATO.", "", "", "", ""},
		{"a state holding out an act is a threat", "Iran could blockade the Strait of Hormuz.", "THREATEN", "13", "*", "*"},
		{"blaming a thing is an explanation", "The Indian government blamed high fuel prices for the fall in exports.", "", "", "", ""},
		{"blaming a state is an accusation", "The Indian government blamed Pakistan for the attack.", "ACCUSE", "11", "*", "*"},
		{"rules that apply are no appeal", "The new Russian rules apply to all foreign firms.", "", "", "", ""},
		{"applying for membership is a request", "Ukraine applied for membership of the European Union.", "REQUEST", "02", "*", "*"},
		{"a prize won is no event", "The Russian film won the top prize at the festival.", "", "", "", ""},
		{"paying subsidies is no event", "The Indonesian government pays subsidies to importers of fuel.", "", "", "", ""},
		{"competing is no disapproval", "The Japanese company is competing with China for Asian markets.", "", "", "", ""},
		{"meeting targets is no event", "The Indian government will meet its fiscal targets this year.", "", "", "", ""},
		{"offering tickets is commerce", "The British government offered tickets at half price.", "", "", "", ""},
		{"police searching a car is coercion", "Police searched the car of a Russian diplomat on Monday.", "COERCE", "17", "*", "*"},
		{"a search engine is no investigation", "The search engine Google released a new tool for US users.", "", "", "", ""},
		{"mandate is not an accusation", "New teams of negotiators charged with negotiating an end to the war.", "", "", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.CodeText(tt.text, pub)
			if tt.plover == "" {
				for _, e := range evs {
					if e.PLOVER != "" {
						t.Errorf("want no event, got %s %s (%q)", e.PLOVER, e.CAMEO, e.Trigger)
					}
				}
				return
			}
			for _, e := range evs {
				if e.PLOVER != tt.plover || tt.root != "" && e.CAMEORoot != tt.root {
					continue
				}
				if tt.src != "*" && e.SourceCode != tt.src || tt.tgt != "*" && e.TargetCode != tt.tgt {
					t.Errorf("%s actors %q→%q, want %q→%q", e.PLOVER, e.SourceCode, e.TargetCode, tt.src, tt.tgt)
				}
				if e.Evidence.Start >= e.Evidence.End || e.Evidence.End > len(tt.text) {
					t.Errorf("bad evidence span %v", e.Evidence)
				}
				return
			}
			t.Errorf("no %s/%s event in %+v", tt.plover, tt.root, evs)
		})
	}
}

// TestWordClassDecidesVerbUse guards that a dictionary verb counts as a
// trigger only where the tagger reads it as a verb: used as an adjective,
// adverb or noun it codes nothing, and after a modal it is a verb whatever
// its tag. A participle right after a common noun describes the noun.
func TestWordClassDecidesVerbUse(t *testing.T) {
	c := testCoder(t)
	for _, tt := range []struct {
		text, plover string // "" plover: no event
	}{
		{"The Russian defence minister is best known for his memoirs.", ""},
		{"Chinese officials said the army was ready for any mission.", ""},
		{"The Pentagon hired a French advertising firm last year.", ""},
		{"The embassy said the new visa brand had been a success.", ""},
		{"The ministry named a deputy associate director of the agency.", ""},
		{"The ministry said the court will fine the Russian company.", "THREATEN"}, // a sanction to come
		{"Israeli troops attacked the village on Monday.", "ASSAULT"},
		// a participle describing the noun before it is no act
		{"The Kremlin posted a series of tweets supporting the Syrian government.", ""},
		{"The ministry published a list of rules governing foreign media in Russia.", ""},
		// after an actor it is the actor's act
		{"Liberian leaders wrote to President George Bush urging him to send troops.", "REQUEST"},
	} {
		var got []string
		for _, e := range c.CodeText(tt.text, time.Time{}) {
			got = append(got, e.PLOVER+" "+e.Trigger)
		}
		switch {
		case tt.plover == "" && len(got) > 0:
			t.Errorf("%q: want no event, got %v", tt.text, got)
		case tt.plover != "" && !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, tt.plover+" ") }):
			t.Errorf("%q: want %s, got %v", tt.text, tt.plover, got)
		}
	}
}

func TestNoStatementEventsUnlessAsked(t *testing.T) {
	c := testCoder(t)
	s := "Colin Powell said on Wednesday NATO would remain strong."
	if evs := c.CodeText(s, time.Time{}); len(evs) != 0 {
		t.Errorf("normal output has statement events: %+v", evs)
	}
	evs := c.WithOptions(Options{Statements: true}).CodeText(s, time.Time{})
	if len(evs) != 1 || evs[0].CAMEORoot != "01" || evs[0].PLOVER != "" {
		t.Errorf("statement mode: want one 01 event without PLOVER type, got %+v", evs)
	}
}

func TestRelativeDates(t *testing.T) {
	pub := time.Date(2025, 2, 19, 10, 0, 0, 0, time.UTC) // Wednesday
	tests := []struct{ text, want, phrase string }{
		{"Russia and the United States met in Riyadh on Tuesday.", "2025-02-18", "on Tuesday"},
		{"Russia and the United States met in Riyadh yesterday.", "2025-02-18", "yesterday"},
		{"Russia and the United States met in Riyadh last week.", "2025-02-12", "last week"},
		{"Russia and the United States met in Riyadh on February 3.", "2025-02-03", "on February 3"},
		{"Russia will host the United States next month.", "2025-03-01", "next month"},
		{"Russia will host the United States on Friday.", "2025-02-21", "on Friday"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		evs := c.CodeText(tt.text, pub)
		if len(evs) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		if got := evs[0].Date.Format(time.DateOnly); got != tt.want || evs[0].DateText != tt.phrase {
			t.Errorf("%q: date %s (%q), want %s (%q)", tt.text, got, evs[0].DateText, tt.want, tt.phrase)
		}
	}
}

func TestLocationFromGazetteer(t *testing.T) {
	c := testCoder(t)
	d := text.SegmentString("Negotiators from Russia and the United States met in Riyadh on Tuesday.")
	if err := c.Code(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	evs := d.Events
	if len(evs) == 0 || evs[0].Location == nil {
		t.Fatalf("no located event: %+v", evs)
	}
	if l := evs[0].Location; l.Name != "Riyadh" || l.Country != "SA" || l.Lat == 0 {
		t.Errorf("location %+v, want Riyadh, SA with coordinates", l)
	}
}

func TestBadInputDoesNotPanic(t *testing.T) {
	c := testCoder(t)
	long := strings.Repeat("Russia attacked Ukraine and ", 2500) + "talks."
	for _, s := range []string{"", " ", "\x00\xff", "said said said", long, strings.Repeat("(", 10000)} {
		if err := c.Code(context.Background(), text.SegmentString(s)); err != nil {
			t.Errorf("error: %v", err)
		}
	}
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Negotiators from Beijing and Washington met in Geneva on Tuesday.",
		"The ministry rejected the proposal, Reuters reported.",
		"He has yet to decide; they refused to meet “next week”.",
		"U.S. forces were attacked by rebels on 3 May, 2020.",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := text.SegmentString(s)
		d.Published = time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
		if err := c.Code(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		evs := d.Events
		for _, e := range evs {
			if e.Evidence.Start < 0 || e.Evidence.End > len(s) || e.Evidence.Start > e.Evidence.End {
				t.Fatalf("evidence %v out of range for %d bytes", e.Evidence, len(s))
			}
		}
	})
}

// A story-level discard ("+SUPER BOWL") marks a short story, and only its
// own paragraph in a long document: one sports paragraph in a 100 KB
// document must not drop the document's events.
func TestStoryDiscardScope(t *testing.T) {
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	const political = "Russian officials accused Ukraine of shelling the plant."
	const sport = "The mayor of Kansas City watched the Super Bowl and Russian officials accused Ukraine of shelling the plant."
	var long strings.Builder
	pairs := 0
	for long.Len() < 100<<10 {
		long.WriteString(political + "\n\n" + sport + "\n\n")
		pairs++
	}
	tests := []struct {
		name, text string
		min, max   int // bounds on the ACCUSE events coded
	}{
		{"discard deep in a long document keeps the rest", long.String(), pairs, pairs},
		{"discard opening a short story drops it", sport + "\n\n" + political, 0, 0},
		{"discard anywhere in a short story drops it", political + "\n\n" + political + "\n\n" + sport, 0, 0},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, e := range c.CodeText(tt.text, pub) {
				if e.PLOVER == "ACCUSE" {
					n++
				}
			}
			if n < tt.min || n > tt.max {
				t.Errorf("got %d ACCUSE events, want %d..%d", n, tt.min, tt.max)
			}
		})
	}
}
