package quote

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/entity"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

type fixture struct {
	rec    *entity.Recognizer
	finder *Finder
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	speech, err := lexicon.LoadSpeech()
	if err != nil {
		t.Fatal(err)
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	att, err := lexicon.LoadAttitudes()
	if err != nil {
		t.Fatal(err)
	}
	st, err := text.LoadStructure()
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{rec: entity.NewRecognizer(entity.LexiconGazetteer{Lex: lex}, roles, speech, entity.WithStructure(st)), finder: NewFinder(speech, roles).WithSyntax(m).WithAttitudes(att)}
}

func (f *fixture) find(s string) ([]parley.Quote, *parley.Doc) {
	d := text.SegmentString(s)
	f.rec.Recognize(d)
	f.finder.Find(d)
	return d.Quotes, d
}

// want describes one expected quote: its content, speaker name and type.
type want struct {
	content, speaker string
	typ              parley.QuoteType
}

// findCase is one sentence and the quotes the finder must return for it.
type findCase struct {
	name string
	in   string
	want []want
}

// check runs the cases: the quotes found, in order, must have the wanted
// content, speaker name and type, exactly.
func (f *fixture) check(t *testing.T, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := f.find(tt.in)
			var got []want
			for _, q := range qs {
				got = append(got, want{tt.in[q.Content.Start:q.Content.End], q.SpeakerName, q.Type})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindAttributions(t *testing.T) {
	f := newFixture(t)
	tests := []findCase{
		{"cue after a direct quote", "“It feels so good,” he told donors.",
			[]want{{"It feels so good,", "he", parley.Direct}}},
		{"titled speaker after the quote", "''We're taking a longer view,'' Mr. Pruzan said.",
			[]want{{"We're taking a longer view,", "Pruzan", parley.Direct}}},
		{"indirect with that", "Senator Maria Lopez said that the bill would pass next week.",
			[]want{{"the bill would pass next week", "Maria Lopez", parley.Indirect}}},
		{"content before the cue", "The talks had ended without a deal, the ministry said.",
			[]want{{"The talks had ended without a deal", "the ministry", parley.Indirect}}},
		{"inverted cue", "“We are ready,” said Jane Smith, the mayor of Springfield.",
			[]want{{"We are ready,", "Jane Smith", parley.Direct}}},
		{"according to", "The factory will close in May, according to two people familiar with the plan.",
			[]want{{"The factory will close in May", "two people familiar with the plan", parley.Indirect}}},
		{"mixed", "Gomez said the deal was “a disaster for workers” and must be stopped.",
			[]want{{"the deal was “a disaster for workers” and must be stopped", "Gomez", parley.Mixed}}},
		{"interrupted direct quote is two quotes", "“We won,” Ana Ruiz said, “and we will win again.”",
			[]want{{"We won,", "Ana Ruiz", parley.Direct}, {"and we will win again.", "Ana Ruiz", parley.Direct}}},
		{"participle continues the speaker", "Tom Berg said the plant was safe, adding that inspections would continue.",
			[]want{{"the plant was safe", "Tom Berg", parley.Indirect}, {"inspections would continue", "Tom Berg", parley.Indirect}}},
		{"relaying outlet is not a speaker", "Officials said the border would reopen, Reuters reported.",
			[]want{{"the border would reopen", "Officials", parley.Indirect}}},
		{"denial with a noun phrase", "Prime Minister Lena Park denied any knowledge of the payments at a press conference.",
			[]want{{"any knowledge of the payments", "Lena Park", parley.Indirect}}},
		{"beliefs are not quotes", "Marta Diaz believes the vote was rigged.", nil},
		{"scare quotes are not quotes", "The so-called “reform” passed on Tuesday.", nil},
		{"no quotes at all", "The river rose two metres overnight.", nil},
	}
	f.check(t, tests)
}

func TestRelayAndChannel(t *testing.T) {
	f := newFixture(t)
	in := "Officials said the border would reopen, Reuters reported. Ana Ruiz told reporters that the plan was ready."
	qs, _ := f.find(in)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	if qs[0].ReportedBy != "Reuters" {
		t.Errorf("relay = %q, want Reuters", qs[0].ReportedBy)
	}
	if qs[1].Channel != "reporters" {
		t.Errorf("channel = %q, want reporters", qs[1].Channel)
	}
}

func TestFindHardCases(t *testing.T) {
	f := newFixture(t)
	tests := []findCase{
		{"attribution opens the next sentence", "“We will cast all our votes for Maria Lopez!” Senator Jeff Moss said as he opened the vote.",
			[]want{{"We will cast all our votes for Maria Lopez!", "Jeff Moss", parley.Direct}}},
		{"appositive between name and cue", "''Without sounding paranoid, you did feel it was stifling,'' Representative Peter T. King, Republican of New York, said of life before the merger.",
			[]want{{"Without sounding paranoid, you did feel it was stifling,", "Peter T. King", parley.Direct}}},
		{"age description as subject", "John Smith, 34, was held on Friday. The 34-year-old told reporters he was innocent.",
			[]want{{"he was innocent", "John Smith", parley.Indirect}}},
		{"a statement told of before speaks for its issuer", "The Pentagon said in a statement that the strike killed a commander. The statement added that no civilians were hurt.",
			[]want{{"the strike killed a commander", "Pentagon", parley.Indirect}, {"no civilians were hurt", "Pentagon", parley.Indirect}}},
		{"a document nobody spoke through is its own source", "The Pentagon said the strike killed a commander. Lawyers filed a lawsuit on Monday. The lawsuit alleges that the army hid the defects.",
			[]want{{"the strike killed a commander", "Pentagon", parley.Indirect}, {"the army hid the defects", "The lawsuit", parley.Indirect}}},
		{"an indefinite document is its own source", "Ana Ruiz said the plan was ready. A separate letter said the school would close.",
			[]want{{"the plan was ready", "Ana Ruiz", parley.Indirect}, {"the school would close", "A separate letter", parley.Indirect}}},
		{"quoted as saying, content after", "The minister was quoted as saying that the plan was dead.",
			[]want{{"the plan was dead", "The minister", parley.Indirect}}},
		{"quoted as saying, content before", "It was a mistake, the minister was quoted as saying.",
			[]want{{"It was a mistake", "the minister", parley.Indirect}}},
		{"quoting is no cue by itself", "The minister quoted Lincoln at length.", nil},
		{"a plural noun is no cue", "Polls in the four early states show a tight race.", nil},
		{"a plural noun before a clause is no cue", "His remarks were priceless propaganda for the rebels.", nil},
		{"a name before a present-tense cue makes it a verb", "Ann Viguerie notes that the voters can play a key role.",
			[]want{{"the voters can play a key role", "Ann Viguerie", parley.Indirect}}},
		{"inverted cue that closes the sentence wins over a name before it", "Officers arrested Ann Burton, 32, after finding drugs in her car, said Lt. Matt Harris, police department spokesman.",
			[]want{{"Officers arrested Ann Burton, 32, after finding drugs in her car", "Matt Harris", parley.Indirect}}},
		{"a name after the cue that does not close the sentence is content", "Mary Smith, 45, said John Jones was corrupt.",
			[]want{{"John Jones was corrupt", "Mary Smith", parley.Indirect}}},
		{"the narrator's but-clause about the speaker is not content", "Ana Ruiz said the money would come next year, but she gave no details on timing.",
			[]want{{"the money would come next year", "Ana Ruiz", parley.Indirect}}},
		{"a but-clause that keeps reported speech's tense is content", "Ana Ruiz said she was not worried, but she would watch the talks closely.",
			[]want{{"she was not worried, but she would watch the talks closely", "Ana Ruiz", parley.Indirect}}},
		{"a name holding a verb's spelling is no verb", "Ann Berg told supporters at Kent State University that the review would end.",
			[]want{{"the review would end", "Ann Berg", parley.Indirect}}},
		{"a place phrase with its region before that", "Ann Berg told supporters in Columbus, Ohio, that the review would end.",
			[]want{{"the review would end", "Ann Berg", parley.Indirect}}},
		{"a name and an unlisted verb after a quotation", "Ann Berg spoke first.\n\n“Go back to your seat,” Trump barked.",
			[]want{{"Go back to your seat,", "Trump", parley.Direct}}},
		{"inverted cue with an unnamed noun phrase", "“Spending goes up, taxes go up,” says a narrator.",
			[]want{{"Spending goes up, taxes go up,", "a narrator", parley.Direct}}},
		{"place phrase before the quotation", "Sanders asks at Western High School, “Any questions I can answer?”",
			[]want{{"Any questions I can answer?", "Sanders", parley.Direct}}},
		{"clause without that after a verb of saying", "He says news outlets undercount his supporters.",
			[]want{{"news outlets undercount his supporters", "He", parley.Indirect}}},
		{"a line of prose alone is no heading", "Tom Hale said the plan would fail",
			[]want{{"the plan would fail", "Tom Hale", parley.Indirect}}},
		{"title-case line of prose", "Chris Christie Says He Would Issue A Quarantine.",
			[]want{{"He Would Issue A Quarantine", "Chris Christie", parley.Indirect}}},
		{"no quote in a heading", "Minister rejects pay claim\n\nThe minister said the claim was too high.",
			[]want{{"the claim was too high", "The minister", parley.Indirect}}},
		{"transcript label", "WALLACE: But, Governor, I have to ask you about the polls.",
			[]want{{"But, Governor, I have to ask you about the polls", "WALLACE", parley.Indirect}}},
		{"cue sentence introducing the next quotation", "Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”",
			[]want{{"There are no paper ballots to recount.", "Sam Lau", parley.Direct}}},
		{"that A and that B", "The agency says that prices rose and that wages fell.",
			[]want{{"prices rose", "The agency", parley.Indirect}, {"wages fell", "The agency", parley.Indirect}}},
	}
	f.check(t, tests)
}

func TestCoordinatedSpeakers(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a list of speakers", "Sens. Tom Carper, Dianne Feinstein and Ben Cardin said the letter was troubling.",
			[]want{{"the letter was troubling", "Tom Carper; Dianne Feinstein; Ben Cardin", parley.Indirect}}},
		{"a comma before the speaker is not a list", "In a call with Donald Trump, Vladimir Putin said the talks were useful.",
			[]want{{"the talks were useful", "Vladimir Putin", parley.Indirect}}},
	})
	qs, _ := f.find("In a call with Donald Trump, Vladimir Putin said the talks were useful.")
	if len(qs) == 1 && strings.Contains(qs[0].SpeakerName, "Trump") {
		t.Errorf("speaker %q takes in a name from the introductory phrase", qs[0].SpeakerName)
	}
}

func TestSpeechActsNeedQuotedWords(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a speech act with quoted words", "Clinton blamed the “fog of war” for the failure.",
			[]want{{"the “fog of war” for the failure", "Clinton", parley.Mixed}}},
		{"the same act without them", "Clinton blamed the weather for the failure.", nil},
		{"a name given in quotation marks", "Hill had dubbed his role as “the Gordon problem.”",
			[]want{{"the Gordon problem.", "Hill", parley.Direct}}},
	})
}

// TestItSaidIsTheLastOrganisationThatSpoke guards "It … and said": the
// pronoun subject of a coordinated cue is the organisation quoted last.
func TestItSaidIsTheLastOrganisationThatSpoke(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"it after an organisation's statement", "Two soldiers were killed in a crash, the US military said in a statement on Wednesday.\n\n\"The cause of the crash is under investigation,\" the statement said.\n\nIt did not reveal the crash location and said it was withholding the names of those killed.",
			[]want{{"Two soldiers were killed in a crash", "US military", parley.Indirect}, {"The cause of the crash is under investigation,", "US military", parley.Direct}, {"it was withholding the names of those killed", "US military", parley.Indirect}}},
	})
}

// TestParticipleAfterButTakesThatClausesSubject guards ", citing …" after
// "but X did …": X speaks, not the sentence's first subject.
func TestParticipleAfterButTakesThatClausesSubject(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a but-clause's subject", "In May, NASA awarded orders to Astrobotic and Zentrix, but Zentrix canceled its order two months later, citing internal business issues.",
			[]want{{"internal business issues", "Zentrix", parley.Indirect}}},
		{"no but-clause: the sentence's subject", "The US welcomed the exchange, saying it was a step forward.",
			[]want{{"it was a step forward", "United States", parley.Indirect}}},
	})
}

// TestContentBeforeTheCueIsAClause guards "CONTENT, X said": content
// without a verb (the subject's own phrases) is no quote.
func TestContentBeforeTheCueIsAClause(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a clause before the cue", "The talks will resume in May, the minister said.",
			[]want{{"The talks will resume in May", "the minister", parley.Indirect}}},
		{"phrases before the cue", "Later in the day, Tom Hale, the former envoy to Kyiv, testified.", nil},
	})
}

// TestQuestionedPersonIsNoContent guards noun-phrase content: a person
// questioned about something is no content; a claim the cue rejects is.
func TestQuestionedPersonIsNoContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a person questioned about something", "Republicans questioned Tom Hale about his closed-door testimony.", nil},
		{"a noun phrase denied", "Tom Hale denied any knowledge of the plan.",
			[]want{{"any knowledge of the plan", "Tom Hale", parley.Indirect}}},
	})
}

// TestFindingsNeedThat guards "find" as a cue: a document's or a body's
// finding after "that" is attributed; "found it difficult" and a clause
// before the verb are not.
func TestFindingsNeedThat(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a report's finding", "The report found that the agency had failed to act.",
			[]want{{"the agency had failed to act", "The report", parley.Indirect}}},
		{"found it difficult is no attribution", "Vodafone has found it difficult to satisfy its users.", nil},
		{"a fronted clause is no content", "While it has many customers, Vodafone has found it difficult to grow.", nil},
	})
}

// TestUnquotedCharacterisation guards "called X a Y" without quotation
// marks: the object and the predicate are the content, adjectives run on
// through "and", a second predicate of the speaker does not.
func TestUnquotedCharacterisation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"called X a Y", "The White House called the inquiry a sham on Monday.",
			[]want{{"the inquiry a sham", "White House", parley.Indirect}}},
		{"coordinated adjectives", "Tom Hale called him a pragmatic and effective strategist.",
			[]want{{"him a pragmatic and effective strategist", "Tom Hale", parley.Indirect}}},
		{"a second predicate is no content", "Tom Hale called him a liar and walked out.",
			[]want{{"him a liar", "Tom Hale", parley.Indirect}}},
		{"a call for something is no characterisation", "Tom Hale called for a new inquiry.", nil},
		{"a call for something in quoted words is a demand", "Tom Hale called for the bonuses to be “clawed back” at once.",
			[]want{{"the bonuses to be “clawed back” at once", "Tom Hale", parley.Mixed}}},
		{"a phone call is no characterisation", "Tom Hale called him an hour later.", nil},
		{"a time phrase ends the predicate", "Critics called the plan a disaster last week.",
			[]want{{"the plan a disaster", "Critics", parley.Indirect}}},
		{"a relative clause is part of the name", "Tom Hale called him a political opportunist who has neglected his duties.",
			[]want{{"him a political opportunist who has neglected his duties", "Tom Hale", parley.Indirect}}},
		{"and of a quoted name", "Tom Hale called the judge a “hater of the company” who had treated it unfairly.",
			[]want{{"the judge a “hater of the company” who had treated it unfairly", "Tom Hale", parley.Mixed}}},
	})
}

func TestPairedSpeakers(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"both men", "American Kevin King and Australian Timothy Weeks were freed. Both men claimed that they were treated well.",
			[]want{{"they were treated well", "Kevin King; Timothy Weeks", parley.Indirect}}},
	})
}

// The passive of a speech act names its source in a "by" phrase, or not at
// all; the lexicon's label stands for the unnamed one. "of A and of B", "to
// A and to B" are two quotes, as "that A and that B" are.
func TestPassiveSpeechActsAndRepeatedMarkers(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"agentless passive", "The mayor was accused on Monday of hiding the audit from the council.",
			[]want{{"hiding the audit from the council", "unnamed critics", parley.Indirect}}},
		{"passive with its agent, two charges", "Ana Ruiz is accused by rivals of raising taxes and of ignoring the flood warnings.",
			[]want{{"raising taxes", "rivals", parley.Indirect}, {"ignoring the flood warnings", "rivals", parley.Indirect}}},
		{"active form unchanged", "Jane Smith accused the council of hiding the audit.",
			[]want{{"hiding the audit", "Jane Smith", parley.Indirect}}},
		{"to A, and to B: two quotes of one cue", "Officials urged residents to boil their water, and to stay indoors until noon.",
			[]want{{"boil their water", "Officials", parley.Indirect}, {"stay indoors until noon", "Officials", parley.Indirect}}},
		{"to a place and to another is one content", "Jane Smith urged donors to send aid to Gaza and to the north.",
			[]want{{"send aid to Gaza and to the north", "Jane Smith", parley.Indirect}}},
		{"the narrator's clause after an infinitive is not content", "The police threatened to close the bridge, as the protests grew.",
			[]want{{"close the bridge", "The police", parley.Indirect}}},
		{"a passive without an of-phrase is no quote", "The mayor was accused in a lawsuit filed on Monday.", nil},
	})
}

// TestBarePluralSources guards unnamed sources that no list names: a
// plural noun for people, as the tagger reads it, is the subject of "say".
func TestBarePluralSources(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a bare agent plural", "And regulators say the scheme has been used to cheat investors.",
			[]want{{"the scheme has been used to cheat investors", "regulators", parley.Indirect}}},
		{"with modifiers", "Leading Republican strategists say the ruling will cost the party votes.",
			[]want{{"the ruling will cost the party votes", "Leading Republican strategists", parley.Indirect}}},
	})
}

// TestInvertedCueApposition guards `"…," said X, ROLE.`: a role after the
// name is an apposition, not content, and the quotation is X's.
func TestInvertedCueApposition(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a possessive role", `Staff said they were worried. "The new firm will be different," said Tom Hale, Acme's head of sales.`,
			[]want{{"they were worried", "Staff", parley.Indirect}, {"The new firm will be different,", "Tom Hale", parley.Direct}}},
		{"two appositions", `"It is ambitious," said Tom Hale, director of the Polder Forum, a Dutch research group.`,
			[]want{{"It is ambitious,", "Tom Hale", parley.Direct}}},
	})
}

// TestRaisingPassiveIsNoCue guards "reported to have", "said to be": no
// one speaks in them.
func TestRaisingPassiveIsNoCue(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"reported to have", "Among the offers reported to have been discussed were plans to move the bank.", nil},
	})
}

// TestContentEndsWithItsClause guards content boundaries set by the
// sentence around the cue: a relative clause closes before the main
// verb, and "told a briefing" has an addressee, not a speech verb.
func TestContentEndsWithItsClause(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a relative clause", "Jane Porter, who said the plant would close, left the meeting early.",
			[]want{{"the plant would close", "Jane Porter", parley.Indirect}}},
		{"a relative clause before a modal", "Tom Hale, who has said the tax is unfair, will vote against it.",
			[]want{{"the tax is unfair", "Tom Hale", parley.Indirect}}},
		{"an event noun as addressee", "The weather was fine.\n\nSpokeswoman Ann Roe told a briefing that the talks had failed.",
			[]want{{"the talks had failed", "Ann Roe", parley.Indirect}}},
		{"the narrator's comment after a comma", "Tom Hale said voters would not be fooled again, a swipe at the mayor's campaign.",
			[]want{{"voters would not be fooled again", "Tom Hale", parley.Indirect}}},
	})
}

// TestCommaInsideClosingMark guards mixed quotes in American punctuation:
// `was "corrupt," noting that …` ends the content at the closing mark.
func TestCommaInsideClosingMark(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a participle after a straight mark", `The senator said the banking system was "corrupt," noting that fees had risen.`,
			[]want{{`the banking system was "corrupt,"`, "The senator", parley.Mixed},
				{"fees had risen", "The senator", parley.Indirect}}}, // the participle's own quote
		{"a participle after a curly mark", "Tom Hale said the talks “should be wrapped up by June,” referring to the summit.",
			[]want{{"the talks “should be wrapped up by June,”", "Tom Hale", parley.Mixed}}},
	})
}

// TestInterposedAdverb guards a sentence adverb between the subject and
// its cue: "X however said" is X's.
func TestInterposedAdverb(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"however", "Tom Hale however said he would welcome the plan.",
			[]want{{"he would welcome the plan", "Tom Hale", parley.Indirect}}},
		{"frequency adverb", "“We live in hard times,” the minister often said.",
			[]want{{"We live in hard times,", "the minister", parley.Direct}}},
		{"long with a perfect", "The party has long said the tax is unfair.",
			[]want{{"the tax is unfair", "The party", parley.Indirect}}},
		{"both after the subject", "Ana Ruiz and Tom Hale have both said the vote was fair.",
			[]want{{"the vote was fair", "Ana Ruiz; Tom Hale", parley.Indirect}}},
		{"both as the subject", "Both said the vote was fair.",
			[]want{{"the vote was fair", "Both", parley.Indirect}}},
	})
}

// TestClaimedThingIsNoQuote guards the sense of "claim" with a noun for
// content: a title or a victory is won, responsibility is claimed.
func TestClaimedThingIsNoQuote(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a title won", "Anna Voss claimed her first national title in Leeds.", nil},
		{"responsibility claimed", "The group claimed responsibility for the bombing.",
			[]want{{"responsibility for the bombing", "The group", parley.Indirect}}},
		{"a clause without that", "Analysts claimed the central bank's forecast was too cautious.",
			[]want{{"the central bank's forecast was too cautious", "Analysts", parley.Indirect}}},
	})
}

// TestContestedRaceIsNoQuote guards the sense of "contest" with a noun
// for content: a candidate contests a seat, a company contests a ruling.
func TestContestedRaceIsNoQuote(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an election run", "Mark Hale contested the general election in a northern constituency.", nil},
		{"a ruling disputed", "The Acme company contested the ruling.",
			[]want{{"the ruling", "The Acme company", parley.Indirect}}},
	})
}

// TestDataIsNoSource guards evidence verbs after figures: "the data
// suggests" is no attribution; a survey's finding is its authors'.
func TestDataIsNoSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"figures suggest", "The latest figures suggest growth has slowed to 0.2% a year.", nil},
		{"a survey found", "A survey found that most shoppers had adapted to the new cards.",
			[]want{{"most shoppers had adapted to the new cards", "A survey", parley.Indirect}}},
	})
}

// TestNounPhraseIsNoClause guards content clauses without "that": one
// that opens with a determiner needs a verb ("posted a record loss" is
// no attribution, "said the plan would fail" is).
func TestNounPhraseIsNoClause(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a result posted", "Acme Motors posted a record loss of $68m in the year to June.", nil},
		{"a clause after a determiner", "Acme Motors said the plan would cost 300 jobs.",
			[]want{{"the plan would cost 300 jobs", "Acme Motors", parley.Indirect}}},
	})
}

// TestAttributionInsideAQuotation guards that a quotation reporting what a
// named source said with a that-clause yields that attribution too,
// nested in it, as indirect speech ending with the quotation, and that a
// quotation's other verbs are its speaker's own words. Marks paired one
// off (a quotation left open) do not hide a narrator's attribution.
func TestAttributionInsideAQuotation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a named source's that-clause", "“Specifically, Ambassador Volker confirmed under oath that he had no indication of a quid-pro-quo,” Grisham said.",
			[]want{{"Specifically, Ambassador Volker confirmed under oath that he had no indication of a quid-pro-quo,", "Grisham", parley.Direct},
				{"he had no indication of a quid-pro-quo", "Volker", parley.Indirect}}},
		{"inner marks make it mixed", "“Volker testified that the transcript was ‘accurate’ and complete,” Grisham said.",
			[]want{{"Volker testified that the transcript was ‘accurate’ and complete,", "Grisham", parley.Direct},
				{"the transcript was ‘accurate’ and complete", "Volker", parley.Mixed}}},
		{"the speaker's own verbs", "“I said that we would win,” Grisham said.",
			[]want{{"I said that we would win,", "Grisham", parley.Direct}}},
	})
}

// TestAttributionBetweenMispairedMarks guards a narrator's attribution
// that a quotation left open puts between marks paired one off.
func TestAttributionBetweenMispairedMarks(t *testing.T) {
	f := newFixture(t)
	in := `"I had a talk with Roy Keane and that is it. "They just played better than us." Neville admitted that he had not enjoyed the match. "It was a horrible game," he said.`
	qs, _ := f.find(in)
	for _, q := range qs {
		if q.SpeakerName == "Neville" && in[q.Content.Start:q.Content.End] == "he had not enjoyed the match" {
			return
		}
	}
	t.Errorf("Find(%q) = %+v, want Neville's \"he had not enjoyed the match\"", in, qs)
}

// TestOutletReportInsideAnAttribution guards that an outlet's report
// inside someone's words is a nested quote, not the outlet relaying them.
func TestOutletReportInsideAnAttribution(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a report in a subordinate clause", "Volker said he discussed the delay after Politico reported the aid had been paused.",
			[]want{{"he discussed the delay after Politico reported the aid had been paused", "Volker", parley.Indirect},
				{"the aid had been paused", "Politico", parley.Indirect}}},
	})
}

// TestToldWithAnInfinitive guards "X told Y to do Z" as an attribution,
// in the active and in the passive with its "by" agent (past a set-off
// apposition), and that a passive naming no one who spoke is none.
func TestToldWithAnInfinitive(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"active", "Bolton told Vindman to go straight to the legal counsel.",
			[]want{{"go straight to the legal counsel", "Bolton", parley.Indirect}}},
		{"passive with its agent", "Vindman was told by John Bolton — Morrison's supervisor — to go straight to the legal counsel.",
			[]want{{"go straight to the legal counsel", "John Bolton", parley.Indirect}}},
		{"passive that-clause", "Vindman was assured by the minister that the aid would come.",
			[]want{{"the aid would come", "the minister", parley.Indirect}}},
		{"passive with no agent", "Vindman was told to go straight to the legal counsel.", nil},
	})
}

// TestAccordingToADocumentsAuthor guards that "according to" a document
// a "by" phrase attributes has that author for source, and a place in the
// phrase is no author.
func TestAccordingToADocumentsAuthor(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a survey by a person", "According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the firm has cut copy editing.",
			[]want{{"the firm has cut copy editing", "Penelope Muse Abernathy", parley.Indirect}}},
		{"a report by a body", "The firm has cut copy editing, according to a report by the World Bank.",
			[]want{{"The firm has cut copy editing", "World Bank", parley.Indirect}}},
		{"a document with no author", "According to a 2018 survey, the firm has cut copy editing.",
			[]want{{"the firm has cut copy editing", "a 2018 survey", parley.Indirect}}},
	})
}

// TestAccordingToInsideTheSentence guards "X, according to Y, Z": the
// clause after the source is the content's second half however it opens
// ("the contractors left"), not the source's apposition or relative
// clause; a short opening adjunct leaves the clause as the whole content;
// "according to how much" is no attribution.
func TestAccordingToInsideTheSentence(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a determiner opens the second half", "At ten past four, according to a police report, the dockers had left the harbour.",
			[]want{{"At ten past four", "a police report", parley.Indirect}, {"the dockers had left the harbour", "a police report", parley.Indirect}}},
		{"a day word before the source", "Today, according to the port authority, the tolls are set to double.",
			[]want{{"the tolls are set to double", "the port authority", parley.Indirect}}},
		{"a short adjunct before the source", "Now, according to the port authority, the tolls are set to double this year.",
			[]want{{"the tolls are set to double this year", "the port authority", parley.Indirect}}},
		{"the source's relative clause", "The tolls will double, according to the dockers, who have fought them for years.",
			[]want{{"The tolls will double", "the dockers", parley.Indirect}}},
		{"the source's apposition", "The tolls will double, according to Portwatch, a group that tracks fees.",
			[]want{{"The tolls will double", "Portwatch", parley.Indirect}}},
		{"in proportion, no source", "Dockers were paid according to how many ships they unloaded.", nil},
		{"an unnamed source's of-phrase", "According to the head of the port authority, the tolls will double.",
			[]want{{"the tolls will double", "the head of the port authority", parley.Indirect}}},
		{"an acronym spelt like a question word", "According to WHO, there were 40 cases of the fever last year.",
			[]want{{"there were 40 cases of the fever last year", "WHO", parley.Indirect}}},
	})
}

// TestReporterWritesForAnOutlet guards "as X reports for NPR, CONTENT":
// the outlet is the channel, not the content, and "an interview for CBS
// network's show" is no outlet adjunct.
func TestReporterWritesForAnOutlet(t *testing.T) {
	f := newFixture(t)
	qs, _ := f.find("As Emily Feng reports for NPR, the first cases came to light last week.")
	if len(qs) != 1 || qs[0].Channel != "NPR" || qs[0].SpeakerName != "Emily Feng" {
		t.Fatalf("got %+v, want Emily Feng's quote with channel NPR", qs)
	}
	in := `"I have been on TV and been funny," he said during an interview for CBS network's 60 Minutes show.`
	if qs, _ := f.find(in); len(qs) != 1 || qs[0].Type != parley.Direct {
		t.Errorf("Find(%q) = %+v, want the one direct quote", in, qs)
	}
}

// TestNounsOfSaying guards a noun of saying before its that-clause: the
// possessor or the subject of the verb that voices it is the source, the
// clause is the content; a noun with no source, a verb spelled like a
// noun and an attitude no one voices are not attributions.
func TestNounsOfSaying(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a resolved possessive", "Boris Johnson is under fire for failing to deliver on his often-repeated vow that Britain would leave the EU on Oct. 31.",
			[]want{{"Britain would leave the EU on Oct. 31", "Boris Johnson", parley.Indirect}}},
		{"a voicing verb's subject", "Many experts have voiced concerns that officials are minimizing information about the cases.",
			[]want{{"officials are minimizing information about the cases", "Many experts", parley.Indirect}}},
		{"the voicing verb's own quote gives way", "Trump repeated his claim that the election was stolen.",
			[]want{{"the election was stolen", "Trump", parley.Indirect}}},
		{"no source", "The claim that the vote was rigged is false.", nil},
		{"an unvoiced attitude", "Her fears that the virus would spread were confirmed.", nil},
	})
}

// TestAppealToAnAddressee guards "appeal to X to do Y": X is the
// addressee, not content; "appeal to X" that asks for nothing is pleasing
// X, no attribution; after an addressee, "to" is the infinitive's.
func TestAppealToAnAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"the addressee after to", "Jane Smith appealed to the health board to let patients choose their hospital.",
			[]want{{"let patients choose their hospital", "Jane Smith", parley.Indirect}}},
		{"pleasing is no attribution", "Jane Smith appealed to middle-class voters with her tax plans.", nil},
		{"an addressee before to", "Jane Smith urged Mrs Clinton to fund turnout efforts in down-ballot races.",
			[]want{{"fund turnout efforts in down-ballot races", "Jane Smith", parley.Indirect}}},
	})
}

// TestClauseAfterAnAdjunct guards content clauses that follow a phrase of
// time, place or channel after the cue: the parse gives the clause, and a
// phrase that is an argument of the verb opens no content.
func TestClauseAfterAnAdjunct(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"time phrase then clause", "Mr Kennedy said during his 22 years in Parliament he had seen leaders come and go.",
			[]want{{"he had seen leaders come and go", "Kennedy", parley.Indirect}}},
		{"channel phrase then clause", "Ellen Simonetti announced on her blog she had been fired.",
			[]want{{"she had been fired", "Ellen Simonetti", parley.Indirect}}},
		{"phrase then a quotation", "The singer Ana Ruiz said in French: “I am not from this country.”",
			[]want{{"I am not from this country.", "Ana Ruiz", parley.Direct}}},
		{"argument of the verb", "The court ruled against the interests of the people he represents.", nil},
		{"object of the preposition", "Lord Woolf and Lord Falconer agreed about what happened in practice.", nil},
	})
}

// TestSpokespersonForAnOrganisation guards subjects that open with the role
// an organisation speaks through: the whole phrase is the subject, so the
// quotation before it is its content, and a person named before the role
// is the speaker.
func TestSpokespersonForAnOrganisation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"role for an unnamed organisation", "“The plan is bad,” a spokesman for the ministry said.",
			[]want{{"The plan is bad,", "a spokesman for the ministry", parley.Direct}}},
		{"role for a named organisation", "“The deal is bad,” a spokeswoman for Acme Corp said.",
			[]want{{"The deal is bad,", "Acme Corp", parley.Direct}}},
		{"person before the role", "Marc Ostwald, a strategist at Monument Securities told Reuters that rates would rise.",
			[]want{{"rates would rise", "Marc Ostwald", parley.Indirect}}},
	})
}

// TestNextParagraphNeedsAColon guards a cue ending its sentence: only a
// colon hands it the quotation of the next paragraph, which has a cue of
// its own here.
func TestNextParagraphNeedsAColon(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"own cue in the next paragraph", "“The deal is bad,” a spokeswoman for Acme Corp said.\n\n“We live in hard times,” my father often said.",
			[]want{{"The deal is bad,", "Acme Corp", parley.Direct}, {"We live in hard times,", "my father", parley.Direct}}},
		{"colon", "Ana Ruiz said in a statement:\n\n“We will appeal.”",
			[]want{{"We will appeal.", "Ana Ruiz", parley.Direct}}},
	})
}

// TestInvertedSourceAfterAQuotation guards "“…,” VERB SOURCE": a verb of
// manner the lexicon lacks, and the apposition after an inverted source
// (an age, a relative clause, a description), which is no content.
func TestInvertedSourceAfterAQuotation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"manner verb and a name", "“This plan is fantastic and we love it!” beamed Donald Hartley of Madison, Alabama.",
			[]want{{"This plan is fantastic and we love it!", "Donald Hartley", parley.Direct}}},
		{"manner verb and a description", "“It is over for the party now,” boomed the senator.",
			[]want{{"It is over for the party now,", "the senator", parley.Direct}}},
		{"an age", "“We are a tribute band,” said Chrissie Hynde, 53.",
			[]want{{"We are a tribute band,", "Chrissie Hynde", parley.Direct}}},
		{"an age and a relative clause", "“Silly boys acting like they have never seen a girl,” scoffed Arianna Gil, 22, who helped found the group.",
			[]want{{"Silly boys acting like they have never seen a girl,", "Arianna Gil", parley.Direct}}},
		{"descriptions", "“Fans are moving away from albums,” said Paul Myers, chief executive of Wippit, a music download service.",
			[]want{{"Fans are moving away from albums,", "Paul Myers", parley.Direct}}},
	})
}

// TestQuotationBeforeTheCueIsItsContent guards “…,” X said ...: what
// follows the cue is an adjunct, not indirect content; a quotation that is
// a sentence of its own or a phrase inside the sentence does not count.
func TestQuotationBeforeTheCueIsItsContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a date after the cue", "“The country has made dramatic changes,” Mitch McConnell said in June 2012.",
			[]want{{"The country has made dramatic changes,", "Mitch McConnell", parley.Direct}}},
		{"an inverted source with a role", "“It is nothing serious,” said coach Peter Stanley.",
			[]want{{"It is nothing serious,", "Peter Stanley", parley.Direct}}},
		{"a manner phrase", "“Did you shoot him?” she yells while moving along the street.",
			[]want{{"Did you shoot him?", "she", parley.Direct}}},
		{"a quoted phrase inside the sentence", "Because of “volatility in the oil market”, Gordon Brown said the duty would be frozen.",
			[]want{{"volatility in the oil market", "Gordon Brown", parley.Direct}, {"the duty would be frozen", "Gordon Brown", parley.Indirect}}},
		{"a sentence of its own", "“Artists need a free voice to express themselves.” Ana Ruiz said the government was not best placed to run the arts.",
			[]want{{"Artists need a free voice to express themselves.", "Ana Ruiz", parley.Direct}, {"the government was not best placed to run the arts", "Ana Ruiz", parley.Indirect}}},
	})
}

// TestQuotationWithASourceOfItsOwn guards the next quotation a cue may
// take ("Others agree. “…,” said X"): not when a source follows it; and a
// role before a name the entity layer missed still sets the attribution
// off from its quotation.
func TestQuotationWithASourceOfItsOwn(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"inverted source after the next quotation", "Others largely agree. “You cannot discount how important the president is,” said Stanley B. Greenberg, a former pollster.",
			[]want{{"You cannot discount how important the president is,", "Stanley B. Greenberg", parley.Direct}}},
		{"role before an unknown name", "“We believe the auction was illegal and we will appeal,” Yukos spokesman Mike Lake told Agence France Press.",
			[]want{{"We believe the auction was illegal and we will appeal,", "Mike Lake", parley.Direct}}},
	})
}

// TestClauseTheListsKeepOut guards the parse's reading of a content clause
// that opens with a word the clause-start lists refuse ("much", "as many
// as"), and its limits: an adverbial clause after a source that follows its
// content is no content.
func TestClauseTheListsKeepOut(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"much of", "Sheldon Adelson said much of his discussion with Trump was about Israel.",
			[]want{{"much of his discussion with Trump was about Israel", "Sheldon Adelson", parley.Indirect}}},
		{"as many as", "Yulia Tymoshenko said as many as 3,000 firms could be included on the list.",
			[]want{{"as many as 3,000 firms could be included on the list", "Yulia Tymoshenko", parley.Indirect}}},
		{"content before the source", "A major change is needed in Britain, the shadow chancellor said as the spring conference began.",
			[]want{{"A major change is needed in Britain", "the shadow chancellor", parley.Indirect}}},
	})
}
