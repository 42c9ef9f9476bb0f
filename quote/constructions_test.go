package quote

import (
	"testing"

	"github.com/parley-news/parley"
)

// TestShareOfThosePolledIsTheSource guards "Two in three said …", "A mere 9
// percent say …": a poll's share of respondents is the source of what it
// says.
func TestShareOfThosePolledIsTheSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a share with a base verb", "A mere 9 percent say they only buy American.",
			[]want{{"they only buy American", "A mere 9 percent", parley.Indirect}}},
		{"n in m", "Two in three said they are less likely to vote in November.",
			[]want{{"they are less likely to vote in November", "Two in three", parley.Indirect}}},
		{"with a quantifier", "More than 4 in 10 said the economy would improve.",
			[]want{{"the economy would improve", "More than 4 in 10", parley.Indirect}}},
	})
}

// TestSpeakersNextActEndsTheContent guards "said A, but did not recommend
// B": a verb in the narrator's past tense conjoined to the cue by "but" is
// the speaker's next act, not part of what was said.
func TestSpeakersNextActEndsTheContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"but and a past verb", "Comey said Clinton had been careless with classified material, but did not recommend charges.",
			[]want{{"Clinton had been careless with classified material", "Comey", parley.Indirect}}},
		{"a backshifted modal stays content", "Smith said he had downloaded the files but could not provide them.",
			[]want{{"he had downloaded the files but could not provide them", "Smith", parley.Indirect}}},
	})
}

// TestParticipleAfterAChannel guards "issued a statement saying that …":
// a participle of saying right after a channel noun reports the clause
// subject's words, through that channel; a verb of others' words has no
// such channel.
func TestParticipleAfterAChannel(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ in, content, speaker, channel string }{
		{"On Saturday, Senator Maria Lopez issued a statement saying that the judge was a remarkable person.",
			"the judge was a remarkable person", "Maria Lopez", "a statement"},
		{"Governor Tom Berg released a letter saying the vote had been rigged.",
			"the vote had been rigged", "Tom Berg", "letter"},
		{"The director denied a report claiming he had warned the leader.", "", "", ""},
		{"The director cited a letter claiming the plan had failed.", "", "", ""},
	}
	// an outer attribution of the channel's issuer stays, with the participle's quote nested in it
	outer := "Officials said Senator Maria Lopez issued a statement saying the deal was off."
	if qs, _ := f.find(outer); len(qs) != 2 || qs[0].SpeakerName != "Officials" || qs[1].SpeakerName != "Maria Lopez" {
		t.Errorf("Find(%q) = %+v, want the officials' quote and Maria Lopez's inside it", outer, qs)
	}
	for _, tt := range tests {
		qs, _ := f.find(tt.in)
		if tt.speaker == "" {
			for _, q := range qs {
				if q.Cue == "claiming" {
					t.Errorf("Find(%q) gives the report's claim to %q", tt.in, q.SpeakerName)
				}
			}
			continue
		}
		if len(qs) != 1 {
			t.Errorf("Find(%q) = %d quotes, want 1", tt.in, len(qs))
			continue
		}
		q := qs[0]
		if got := tt.in[q.Content.Start:q.Content.End]; got != tt.content || q.SpeakerName != tt.speaker || q.Channel != tt.channel {
			t.Errorf("Find(%q) = %q by %q via %q, want %q by %q via %q", tt.in, got, q.SpeakerName, q.Channel, tt.content, tt.speaker, tt.channel)
		}
	}
}

// TestParticipleClauseFromTheParse guards ", saying NP VERB …" where the
// clause opens with a word no clause-start list holds: the parse reads it
// as the participle's complement.
func TestParticipleClauseFromTheParse(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a bare plural subject", "Mayor Ana Ruiz defended the plan on Monday, saying prices would fall by the summer.",
			[]want{{"prices would fall by the summer", "Ana Ruiz", parley.Indirect}}},
	})
}

// TestConjoinedCueTakesItsVerbsSubject guards "… X doubled down on Y and
// said …" after an opening phrase too long for the textual subject search:
// the parse gives the subject of the verb the cue is conjoined to.
func TestConjoinedCueTakesItsVerbsSubject(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a long opening phrase", "In a long and angry interview with the local newspaper, Maria Lopez defended her remarks and said the judge had a conflict of interest.",
			[]want{{"the judge had a conflict of interest", "Maria Lopez", parley.Indirect}}},
	})
}

// TestColonAfterASpeakersClause guards “X fired back forcefully: “…”” and
// “X interjected to say: “…””: a colon after a clause whose subject is a
// name or pronoun introduces that subject's words, whatever its verb.
func TestColonAfterASpeakersClause(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a verb the lexicon lacks", "Pressed on the deal, Senator Maria Lopez fired back forcefully: “If they sue us in a court, they are going to lose.”",
			[]want{{"If they sue us in a court, they are going to lose.", "Maria Lopez", parley.Direct}}},
		{"a place is no speaker", "Paris braced for the storm: “It will be a long night for all of us here.”", nil},
		{"what was found is not the finder's words", "Inspector Ann Roe found a note: “I am sorry for everything that happened here.”", nil},
	})
}

// TestQuestionPutByANamedAsker guards "When asked by a reporter whether
// …": the "by" phrase asked, and the question is the content.
func TestQuestionPutByANamedAsker(t *testing.T) {
	f := newFixture(t)
	in := "She was asked by Matt Lauer whether she had practiced her speech."
	qs, _ := f.find(in)
	if len(qs) != 1 || in[qs[0].Content.Start:qs[0].Content.End] != "whether she had practiced her speech" || qs[0].SpeakerName != "Matt Lauer" || qs[0].Addressee != "She" {
		t.Errorf("Find(%q) = %+v, want Matt Lauer's question to her", in, qs)
	}
}

// TestThatOpensTheClauseNotAnAddressee guards "warned that allowing the
// deficits to continue could …", "promised he would …": neither "that" nor
// a subject pronoun starts an addressee; and "vowed to X" has X for
// content, as "urged Y to X" does.
func TestThatOpensTheClauseNotAnAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"warned that", "Governor Tom Berg warned that allowing the deficits to continue could have severe consequences.",
			[]want{{"allowing the deficits to continue could have severe consequences", "Tom Berg", parley.Indirect}}},
		{"promised a subject pronoun", "Governor Tom Berg promised they would cut taxes next year.",
			[]want{{"they would cut taxes next year", "Tom Berg", parley.Indirect}}},
		{"vowed to", "Governor Tom Berg vowed to cut taxes next year.",
			[]want{{"cut taxes next year", "Tom Berg", parley.Indirect}}},
		{"told that reporter: a determiner after a verb that needs its addressee", "Governor Tom Berg told that reporter the plan was dead.",
			[]want{{"the plan was dead", "Tom Berg", parley.Indirect}}},
	})
}

// TestMadeItClear guards "made (it) clear that …" as one speech verb, and
// "determined that …" as a finding that needs its "that".
func TestMadeItClear(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"made it clear", "Senator Maria Lopez made it clear that she has serious concerns about the bill.",
			[]want{{"she has serious concerns about the bill", "Maria Lopez", parley.Indirect}}},
		{"made clear", "Senator Maria Lopez made clear that she would vote against the bill.",
			[]want{{"she would vote against the bill", "Maria Lopez", parley.Indirect}}},
		{"determined that", "Judge Maria Lopez determined that the agency had broken the law.",
			[]want{{"the agency had broken the law", "Maria Lopez", parley.Indirect}}},
		{"no clause, no quote", "The rule made clear sense to Maria Lopez.", nil},
	})
}

// TestSpeechNounBeforeAFragmentKeepsTheMixedQuote guards "The secretary
// of state will play the “card,” X said": a speech word the tagger reads
// as a noun ("state", "report") is no cue that would leave the quoted
// fragment standing alone, so the clause from the sentence start is X's.
func TestSpeechNounBeforeAFragmentKeepsTheMixedQuote(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"state as a noun", `The former secretary of state will lean on the "union vote," Marsh said.`,
			[]want{{`The former secretary of state will lean on the "union vote,"`, "Marsh", parley.Mixed}}},
		{"report as a noun", `The new report shows the plan is "simply unworkable," Dalton said.`,
			[]want{{`The new report shows the plan is "simply unworkable,"`, "Dalton", parley.Mixed}}},
		{"an abbreviation's period is no sentence end", `The offer from Acme Inc. was "far too low," Dalton said.`,
			[]want{{`The offer from Acme Inc. was "far too low,"`, "Dalton", parley.Mixed}}},
	})
}

// TestQuotationInAnotherSourcesSentence guards the continuation of a
// quote into the next sentence: a quotation inside a sentence whose
// words before it name someone else, or hold a cue of their own, does not
// continue the previous speaker; one inside the narrator's sentence about
// nothing else does.
func TestQuotationInAnotherSourcesSentence(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, in, fragment, speaker string }{
		{"another person before the quotation",
			`"The market has turned," said analyst Ruth Coles. Senator Paul Hine credited the bank with "holding the line on rates."`,
			"holding the line on rates.", ""},
		{"a name as the topic, not the source",
			`"The market has turned," said analyst Ruth Coles. In her view, Barclays is now "holding the line on rates."`,
			"holding the line on rates.", "Ruth Coles"},
		{"the narrator's sentence continues",
			`"The market has turned," said analyst Ruth Coles. That has produced a mood of "cautious optimism for the spring."`,
			"cautious optimism for the spring.", "Ruth Coles"},
		{"an addressee after the verb is no other source",
			`Ruth Coles said she had not read the report. But told Radio Five: "We have drawn a line under that matter."`,
			"We have drawn a line under that matter.", "Ruth Coles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := f.find(tt.in)
			got := ""
			for _, q := range qs {
				if tt.in[q.Content.Start:q.Content.End] == tt.fragment {
					got = q.SpeakerName
				}
			}
			if got != tt.speaker {
				t.Errorf("Find(%q): %q is %q's, want %q's", tt.in, tt.fragment, got, tt.speaker)
			}
		})
	}
}

// TestSubjectHeadOnTheParse guards a speaker read back from the cue that
// ends in a modifier of the subject's head: the place in "X of Y, Z,
// said", the last conjunct of a name in an "of" phrase, a poll's group in
// "72 percent of voters said", the authors' name in "a report by …".
func TestSubjectHeadOnTheParse(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a place after the name", "Teacher Dale Morrow of Dayton, Ohio, said the school would reopen.",
			[]want{{"the school would reopen", "Dale Morrow", parley.Indirect}}},
		{"a share of a group", "Sixty-one percent of voters in the state said the economy was getting worse.",
			[]want{{"the economy was getting worse", "Sixty-one percent of voters in the state", parley.Indirect}}},
		{"a document from a place", "A study released in March by researchers in Denver found that the vaccine was safe.",
			[]want{{"the vaccine was safe", "A study", parley.Indirect}}},
	})
}

// TestProgressiveNaming guards "is calling the plan “a failure”": a
// naming verb in the progressive is an attribution as its past is, and a
// verb that takes no content clause ("is calling for …") never claims the
// quotation before its sentence as content.
func TestProgressiveNaming(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"progressive of call", `The governor is calling the budget "a recipe for disaster."`,
			[]want{{`the budget "a recipe for disaster."`, "The governor", parley.Mixed}}},
		{"past progressive of call", `At the hearing Senator Ann Platt was calling the merger "a done deal."`,
			[]want{{`the merger "a done deal."`, "Ann Platt", parley.Mixed}}},
		{"call for after a quotation", `"We have never promised anything," said Paul Reyes. Now Ann Platt is calling for an inquiry into the deal.`,
			[]want{{`We have never promised anything,`, "Paul Reyes", parley.Direct}}},
	})
}

// TestLabelledTurnsAndLists guards sources named by a label and a colon:
// a person and a description before the colon, a transcript's turns in
// capitals (each running to the next turn), a parenthesis in the label;
// and a label over a list without a verb is no quote.
func TestLabelledTurnsAndLists(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a person and a description", "Maria Lopez, a historian at Leeds: “The vote was never going to be close.”",
			[]want{{"The vote was never going to be close.", "Maria Lopez", parley.Direct}}},
		{"transcript turns", "HOST: Will the senator attend tonight? I have to ask.\n\nGARCIA: She will not be there. She has other plans. HOST: Thank you for your time tonight.",
			[]want{{"Will the senator attend tonight? I have to ask", "HOST", parley.Indirect},
				{"She will not be there. She has other plans", "GARCIA", parley.Indirect},
				{"Thank you for your time tonight", "HOST", parley.Indirect}}},
		{"a party in parentheses", "Rep. Tom Hale (R-Ohio): “Who told you that the figure was right?”",
			[]want{{"Who told you that the figure was right?", "Tom Hale", parley.Direct}}},
		{"a list of names", "Substitutes: Kerr, Mills, Okafor, Bright.", nil},
		{"a player rating", "Tom Hale, goalkeeper: Made three fine saves and was never troubled.", nil},
		{"a roll call", "Rep. Tom Hale (R-Ohio): Voted against the bill last year.", nil},
	})
}

// TestRelativeThatAfterAnAdjunct guards "“…,” X told reporters after the
// meeting that was held …": a "that" after the adjunct's noun with a
// finite verb right after it opens a relative clause, so the quotation is
// the content; "wrote on X that according to …" keeps its that-clause.
func TestRelativeThatAfterAnAdjunct(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a relative clause of the adjunct", `"We are in a difficult place," Ann Platt told reporters after the summit that was held in Rome.`,
			[]want{{"We are in a difficult place,", "Ann Platt", parley.Direct}}},
		{"a that-clause after the adjunct", "Ann Platt wrote on her blog that according to her sources the talks had failed.",
			[]want{{"according to her sources the talks had failed", "Ann Platt", parley.Indirect}}},
		{"a time word and a noun read as a verb", "Ann Platt said on Tuesday that talks would resume in Geneva.",
			[]want{{"talks would resume in Geneva", "Ann Platt", parley.Indirect}}},
		{"the content's that after the relative clause", "Ann Platt said in an interview that aired on Sunday that she would not run again.",
			[]want{{"she would not run again", "Ann Platt", parley.Indirect}}},
		{"a day or month naming the channel's time", "Ann Platt said at a Monday hearing that the tolls would rise.",
			[]want{{"the tolls would rise", "Ann Platt", parley.Indirect}}},
		{"that with a time word is a time, not the content's that", `"It was a long day," Ann Platt said in her speech that night.`,
			[]want{{"It was a long day,", "Ann Platt", parley.Direct}}},
		{"a month before a channel noun with its addressee", "Ann Platt said in a May letter to staff that the tolls would rise.",
			[]want{{"the tolls would rise", "Ann Platt", parley.Indirect}}},
		{"a weekday with a possessive opens the content", "Ann Platt said Monday's tolls had doubled.",
			[]want{{"Monday's tolls had doubled", "Ann Platt", parley.Indirect}}},
		{"a month before the channel, after an apposition", `"The tolls will rise," Ben Roe, mayor of Elm, said at a March hearing on the budget.`,
			[]want{{"The tolls will rise,", "Ben Roe", parley.Direct}}},
	})
}

// TestPossessivePhraseAsSource guards "the paper's editorial board
// wrote", "the country's biggest lender said": a source phrase may hold a
// possessor when its head names who acts; "the government's plans" does
// not.
func TestPossessivePhraseAsSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a board", `"The mayor has failed the city," the paper's editorial board wrote.`,
			[]want{{"The mayor has failed the city,", "the paper's editorial board", parley.Direct}}},
		{"an agent noun", "House prices fell in March, the country's biggest lender said.",
			[]want{{"House prices fell in March", "the country's biggest lender", parley.Indirect}}},
		{"no agent", "Rents rose again, the government's new figures show.", nil},
	})
}

// TestAdjectiveIsNoSpeaker guards "said one Russian broker", "one
// London-based analyst said": a nationality or a place in a modifier does
// not stand for its country as the speaker.
func TestAdjectiveIsNoSpeaker(t *testing.T) {
	f := newFixture(t)
	for _, in := range []string{
		`"Prices will fall," said one Russian trader.`,
		`"Prices will fall," said a London-based trader.`,
	} {
		qs, _ := f.find(in)
		for _, q := range qs {
			if q.SpeakerName == "Russia" || q.SpeakerName == "London" {
				t.Errorf("Find(%q) gives the quote to %q", in, q.SpeakerName)
			}
		}
	}
}

// TestQuotationAfterAQuietSentence guards “A,” said X. He holds two
// degrees. “B.”: one narrator's sentence that names nobody else and
// quotes nothing does not end X's turn; one that names another person
// does.
func TestQuotationAfterAQuietSentence(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, in, speaker string }{
		{"a quiet sentence", `"I learned the trade from my father," said Robin Marsh. He has worked at the plant for 24 years. "But I still like the work."`, "Robin Marsh"},
		{"another person between", `"I learned the trade from my father," said Robin Marsh. His manager, Dana Kent, arrived late. "But I still like the work."`, ""},
		{"another party unnamed", `"I learned the trade from my father," said Robin Marsh. Prosecutors see it very differently. "But I still like the work."`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := f.find(tt.in)
			got := ""
			for _, q := range qs {
				if tt.in[q.Content.Start:q.Content.End] == "But I still like the work." {
					got = q.SpeakerName
				}
			}
			if got != tt.speaker {
				t.Errorf("the last quotation is %q's, want %q's", got, tt.speaker)
			}
		})
	}
}

// TestRelativeWhoResolvedOnTheParse guards the "who" of a relative
// clause whose verb is the cue: its antecedent on the parse speaks,
// through an apposition to a name; a place before the comma does not.
func TestRelativeWhoResolvedOnTheParse(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"through an apposition", "The plan was welcomed by Tom Reyes, the county's fire commissioner, who said the fires were under control.",
			[]want{{"the fires were under control", "Tom Reyes", parley.Indirect}}},
		{"a role without a name", "The bill was opposed by a union leader who said it would cost jobs.",
			[]want{{"it would cost jobs", "a union leader", parley.Indirect}}},
	})
}

// TestSpeakerSpanCoversTheRoleBeforeTheName guards the speaker's mention
// of "Clinton's campaign chairman, John Podesta, said": the subject noun
// phrase the cue attaches to, role and name; the speaker is the person.
func TestSpeakerSpanCoversTheRoleBeforeTheName(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ in, speaker, span string }{
		{`"The speech was dark," the senator's campaign chairman, John Podesta, said.`, "John Podesta", "the senator's campaign chairman, John Podesta"},
		{"The White House spokesman, Josh Earnest, said the plan had failed.", "Josh Earnest", "The White House spokesman, Josh Earnest"},
		{"Earlier this week the bank's chief executive, Josh Earnest, said profits would fall.", "Josh Earnest", "the bank's chief executive, Josh Earnest"},
		{"The state's party chairman, Jo Hale, said profits would fall.", "Jo Hale", "The state's party chairman, Jo Hale"},
	}
	for _, tt := range tests {
		qs, _ := f.find(tt.in)
		if len(qs) != 1 {
			t.Errorf("Find(%q) = %d quotes, want 1", tt.in, len(qs))
			continue
		}
		q := qs[0]
		if got := tt.in[q.SpeakerSpan.Start:q.SpeakerSpan.End]; q.SpeakerName != tt.speaker || got != tt.span {
			t.Errorf("Find(%q): speaker %q at %q, want %q at %q", tt.in, q.SpeakerName, got, tt.speaker, tt.span)
		}
	}
}

// TestPhrasesBeforeAQuotation guards a verb and a particle after a
// quotation ("“…,” X shot back.") and short phrases set off between a cue
// and the quotation they introduce: a topic ("said about the bill, “…”")
// or more than one adjunct ("announced on her page, in capitals, “…”");
// "said about 20 people" keeps its clause.
func TestPhrasesBeforeAQuotation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a particle after the verb", `"You want to be a tough guy tonight," Donald Marsh shot back.`,
			[]want{{"You want to be a tough guy tonight,", "Donald Marsh", parley.Direct}}},
		{"a topic phrase", `Ann Platt said about the bill, "We do not need it."`,
			[]want{{"We do not need it.", "Ann Platt", parley.Direct}}},
		{"two adjuncts", `Ann Platt announced on her website, in capital letters, "I am leaving the party!"`,
			[]want{{"I am leaving the party!", "Ann Platt", parley.Direct}}},
		{"about as a number word", "Ann Platt said about 20 people were hurt.",
			[]want{{"about 20 people were hurt", "Ann Platt", parley.Indirect}}},
	})
}

// TestCueOpeningTheSentence guards "Said Comey, “…”", "Says the report:
// “…”": an inverted cue that opens the sentence, its source and a
// quotation; "Said to be worth millions, …" has no source.
func TestCueOpeningTheSentence(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a name", `Said Ann Platt, "The thought is very painful to us."`,
			[]want{{"The thought is very painful to us.", "Ann Platt", parley.Direct}}},
		{"a document and a colon", `Says the report: "The plan has failed."`,
			[]want{{"The plan has failed.", "the report", parley.Direct}}},
		{"no source", "Said to be worth millions, the house was sold last week.", nil},
	})
}

// TestColonAfterALongerClause guards a speaker's clause that ends in a
// colon up to eight words after a verb of saying ("went so far as to
// say:"); a participle or another verb further back is no cue ("wore a
// T-shirt with the words:").
func TestColonAfterALongerClause(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an infinitive of saying", `The columnist Ann Platt went so far as to say: "The network as we know it is over."`,
			[]want{{"The network as we know it is over.", "Ann Platt", parley.Direct}}},
		{"a verb far back that is no verb of saying", `Donald Marsh wore a T-shirt with the words: "I survived the storm of the century."`, nil},
		{"a participle modifying a noun", `The party promised a cap on the number of people allowed into the country with the slogan: "It is fair to set limits on arrivals."`, nil},
	})
}

// TestDatelineIsNoTurn guards the turns of a transcript: a label in
// capitals inside a paragraph is a turn only where the document has turns
// of two speakers; a dateline ("NEW DELHI:") is none.
func TestDatelineIsNoTurn(t *testing.T) {
	f := newFixture(t)
	in := "The minister spoke at length. NEW DELHI: The port will reopen on Monday. Traders expect delays."
	qs, _ := f.find(in)
	for _, q := range qs {
		if q.SpeakerName == "NEW DELHI" {
			t.Errorf("Find(%q) gives %q to the dateline", in, in[q.Content.Start:q.Content.End])
		}
	}
}

// TestAddingOpensItsOwnQuote guards "“A,” X said, adding, “B.”": the
// participle between commas is the second quote's cue, not a
// parenthetical that makes it a continuation of the first.
func TestAddingOpensItsOwnQuote(t *testing.T) {
	f := newFixture(t)
	in := `"They are not affiliated," Hope Marsh said, adding, "We are grateful for their support."`
	qs, _ := f.find(in)
	if len(qs) != 2 || qs[1].Cue != "adding" || qs[1].Continues != 0 {
		t.Errorf("Find(%q) = %+v, want the second quote cued by adding, on its own", in, qs)
	}
}

// TestParticipleAfterACommaInsideTheMark guards `was "corrupt," noting
// that …`: American style puts the comma inside the closing quotation
// mark, and the participle after it is still the speaker's next cue.
func TestParticipleAfterACommaInsideTheMark(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"noting after a quoted word", `Ann Platt said the system was "corrupt," noting that it is "very strange" that no one was charged.`,
			[]want{{`the system was "corrupt,"`, "Ann Platt", parley.Mixed},
				{`it is "very strange" that no one was charged`, "Ann Platt", parley.Mixed}}},
	})
}

// TestDescribedAsAndAFurtherAct guards "described X as “…”": "as" before
// a quotation is the description, not a report clause ("as X said"); and
// "… and has said that" is a second attribution, while "… and had agreed
// to" is backshifted content.
func TestDescribedAsAndAFurtherAct(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"as before a quotation, then and has said", `Ann Platt describes herself as "totally independent" and has said that she will not join a party.`,
			[]want{{`herself as "totally independent"`, "Ann Platt", parley.Mixed}, {"she will not join a party", "Ann Platt", parley.Indirect}}},
		{"and had agreed is content", "Ann Platt said they had both seen the scripts and had agreed to appear in the show.",
			[]want{{"they had both seen the scripts and had agreed to appear in the show", "Ann Platt", parley.Indirect}}},
	})
}

// TestNumberOpensADescribedPerson guards "said 9/11 widow Terry Strada",
// "said 3 spokesperson Jo Roe": a number may open the description of the
// person after an inverted cue.
func TestNumberOpensADescribedPerson(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a date as a modifier", `"The rules do not hold," said 9/11 widow Terry Strada.`,
			[]want{{"The rules do not hold,", "Terry Strada", parley.Direct}}},
	})
}

// TestCallWithAParticle guards "calling back 17,815 cars", "called off
// the strike": "call" with a particle names nothing and asks nothing;
// "called on X to" still urges.
func TestCallWithAParticle(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"call back", "In addition, the car maker is calling back 17,815 vans from the 2005 model year.", nil},
		{"call off", "Campaigners have called off a demonstration planned for Saturday.", nil},
		{"call on", "The union called on the government to stem job losses.",
			[]want{{"stem job losses", "The union", parley.Indirect}}},
	})
}

// TestDescriptionWithANameBeforeTheSpeaker guards the words between a
// quotation and the speaker's name: a name with an initial inside the
// description ("former George W. Bush aide"), titles coordinated before an
// inverted cue's name ("said former Ohio Gov. and party Chairman Tom
// Baxter"), an age set off after a titled surname.
func TestDescriptionWithANameBeforeTheSpeaker(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a name with an initial in the description", "\u201cThese are dark days for us,\u201d former George W. Bush aide Carl Lyle wrote.",
			[]want{{"These are dark days for us,", "Carl Lyle", parley.Direct}}},
		{"coordinated titles after an inverted cue", "\u201cWe will win this state,\u201d said former Ohio Gov. and party Chairman Tom Baxter.",
			[]want{{"We will win this state,", "Tom Baxter", parley.Direct}}},
		{"an age after a titled surname", "\u201cI have never been edited,\u201d Mr. King, 64, told me.",
			[]want{{"I have never been edited,", "King", parley.Direct}}},
	})
}

// TestColonAfterAnAdjunctOrANounOfSpeech guards a quotation a colon
// introduces after more than a bare verb: a time phrase ("said in the
// summer of 2015: “…”"), an infinitive of saying ("interjected to say:"
// after a relative clause), a noun of speech ("delivered a blunt message
// to the mayor:").
func TestColonAfterAnAdjunctOrANounOfSpeech(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a time phrase before the colon", "Jo Roe said in the summer of 2015: \u201cI think it is a big mistake for the party.\u201d",
			[]want{{"I think it is a big mistake for the party.", "Jo Roe", parley.Direct}}},
		{"an infinitive of saying after a relative clause", "Tom Hale, who signed the bill as governor, interjected to say: \u201cThey have both been inconsistent on this issue.\u201d",
			[]want{{"They have both been inconsistent on this issue.", "Tom Hale", parley.Direct}}},
		{"a noun of speech before the colon", "Senator Ann Cole delivered a blunt message to the mayor: \u201cIt is time to stop attacking people and get on with it.\u201d",
			[]want{{"It is time to stop attacking people and get on with it.", "Ann Cole", parley.Direct}}},
	})
}

// TestQuotedTitleEndsTheApposition guards "As X, author of ”Title,” put
// it, ”…”": the comma inside the title's closing mark ends the
// apposition, and "it" of "put it" is never the source.
func TestQuotedTitleEndsTheApposition(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a title in the apposition", "As Carl Voss, author of ''The Unwritten Rules,'' put it, ''Senators should remember that a deal today may be far better for them.''",
			[]want{{"Senators should remember that a deal today may be far better for them.", "Carl Voss", parley.Direct}}},
	})
}

// TestShortQuotationSetOffByNameAndVerb guards a quotation of a word or
// two that a name and a verb set off ("“Go home,” the mayor barked"): the
// frame, not the length, makes it a quote.
func TestShortQuotationSetOffByNameAndVerb(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"name and unlisted verb", "\u201cGo back home,\u201d Tom Hale barked.",
			[]want{{"Go back home,", "Tom Hale", parley.Direct}}},
		{"unlisted verb and name", "\u201cBuild it!\u201d beamed Carl Voss.",
			[]want{{"Build it!", "Carl Voss", parley.Direct}}},
	})
}

// TestInfinitiveOfSayingAfterAVerbOfGoingOn guards "went on to say …":
// the subject of the verb before the infinitive speaks; "declined to say"
// and "is expected to say" report nothing said.
func TestInfinitiveOfSayingAfterAVerbOfGoingOn(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"went on to say and a quotation", "He went on to say, \u201cLegally, you have a right to vote for anyone.\u201d",
			[]want{{"Legally, you have a right to vote for anyone.", "He", parley.Direct}}},
		{"went on to say that", "Jo Roe went on to say that the plan had failed badly.",
			[]want{{"the plan had failed badly", "Jo Roe", parley.Indirect}}},
		{"a progressive before the infinitive", "But the council is continuing to insist that the levy must rise.",
			[]want{{"the levy must rise", "the council", parley.Indirect}}},
		{"declined to say", "Jo Roe declined to say whether the plan had failed.", nil},
		{"expected to say", "Jo Roe is expected to say that the plan failed.", nil},
	})
}

// TestChannelAfterItsAddressee guards "sent a message to supporters
// saying: …": the channel's sender speaks through the participle, past the
// addressee.
func TestChannelAfterItsAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"message to addressee saying", "Governor Tom Berg sent a letter to the board saying the vote had been rigged.",
			[]want{{"the vote had been rigged", "Tom Berg", parley.Indirect}}},
	})
}

// TestEmailIsAVerbOfSaying guards "she emailed her daughter": writing by
// email is saying, with an addressee.
func TestEmailIsAVerbOfSaying(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"emailed with a quotation", "\u201cI am so ready to work on this with you!\u201d she emailed her daughter in 2012.",
			[]want{{"I am so ready to work on this with you!", "she", parley.Direct}}},
		{"emailed that", "Jo Roe emailed reporters that the plan had failed.",
			[]want{{"the plan had failed", "Jo Roe", parley.Indirect}}},
	})
}

// TestAddresseeAsAProgramme guards "told BBC Radio 4's Today programme
// that …", `told "Fox and Friends,"`, "said in a newspaper article that":
// a programme or outlet named after the cue is its addressee and channel,
// never the start of the content.
func TestAddresseeAsAProgramme(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an outlet's programme", "Jo Roe told BBC Radio 4's Today programme the plan had failed.",
			[]want{{"the plan had failed", "Jo Roe", parley.Indirect}}},
		{"a programme before a colon", "Jo Roe told BBC Radio 4's Woman's Hour: \u201cWe are being advised by the police.\u201d",
			[]want{{"We are being advised by the police.", "Jo Roe", parley.Direct}}},
		{"a programme in quotation marks", "\u201cOf course he is fair game. He is a former president,\u201d Carl Voss told \u201cMorning Talk,\u201d reminding the hosts that the mayor had attacked him.",
			[]want{{"Of course he is fair game. He is a former president,", "Carl Voss", parley.Direct}, {"the mayor had attacked him", "Carl Voss", parley.Indirect}}},
		{"a compound channel noun", "Tom Hale said in a newspaper article that the markets needed a correction.",
			[]want{{"the markets needed a correction", "Tom Hale", parley.Indirect}}},
	})
}

// TestZeroRelativeIsNoSource guards "Nothing the president said “will …,”
// the senator said": a relative clause without "that" after an indefinite
// pronoun is no attribution; the cue after the quotation is.
func TestZeroRelativeIsNoSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"nothing X said", "Nothing the mayor said \u201cwill ease people's fears,\u201d Senator Ann Cole said.",
			[]want{{"will ease people's fears,", "Ann Cole", parley.Direct}}},
	})
}

// TestOfficeHolderOfAnOrganisation guards "But, the former CEO of Acme
// added, …": one office holder described speaks, not the organisation (a
// spokesman's organisation still does).
func TestOfficeHolderOfAnOrganisation(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a former chief executive", "But, the former CEO of Acme Corp added, it is not the way to win.",
			[]want{{"it is not the way to win", "the former CEO of Acme Corp", parley.Indirect}}},
		{"a spokesman", "A spokesman for Acme Corp said the plant would close.",
			[]want{{"the plant would close", "Acme Corp", parley.Indirect}}},
	})
}

// TestNounContentNeedsANounPhrase guards the object reading of "slam",
// "blast", "deny": a preposition or a particle where the noun phrase would
// start, or a thing moved by a motion preposition, is no content ("slammed
// well over the bar", "blasted a forehand past"); "denied ever taking" is.
func TestNounContentNeedsANounPhrase(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an adverb and a preposition", "Tom Hale slammed well over the bar from ten yards.", nil},
		{"a thing moved", "Carl Voss blasts a forehand past his opponent to win the point.", nil},
		{"a passive agent", "The plan was criticised by net users.", nil},
		{"an adverb before a clause", "Ann Cole denied ever taking illegal substances.",
			[]want{{"ever taking illegal substances", "Ann Cole", parley.Indirect}}},
	})
}

// TestDescriptionNamesThePreviousSpeaker guards "X said …. “…,” said the
// American": a definite description of one person as the speaker names the
// person of the quote right before when no other person comes between;
// not an office one person holds ("the prime minister") nor a reply.
func TestDescriptionNamesThePreviousSpeaker(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a demonym", "Carl Voss said the match had been hard. \u201cA lot more players are capable of it now,\u201d said the American.",
			[]want{{"the match had been hard", "Carl Voss", parley.Indirect}, {"A lot more players are capable of it now,", "Carl Voss", parley.Direct}}},
		{"a role noun", "Tom Hale said he would sue the network. The legal assistant said the show was cruel.",
			[]want{{"he would sue the network", "Tom Hale", parley.Indirect}, {"the show was cruel", "Tom Hale", parley.Indirect}}},
		{"an office", "Tom Hale said he would sue the network. The prime minister said the show was cruel.",
			[]want{{"he would sue the network", "Tom Hale", parley.Indirect}, {"the show was cruel", "The prime minister", parley.Indirect}}},
		{"another person between", "Tom Hale said he would sue. He met Ann Cole on Monday. The lawyer said the show was cruel.",
			[]want{{"he would sue", "Tom Hale", parley.Indirect}, {"the show was cruel", "The lawyer", parley.Indirect}}},
	})
}

// TestListCommaInsideNounContent guards a noun-phrase content over a list:
// its commas ("applied to China, Burma and Zimbabwe") do not end it.
func TestListCommaInsideNounContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a list of names", "Tom Hale noted embargoes applied to Chile, Peru and Bolivia but not to Cuba.",
			[]want{{"embargoes applied to Chile, Peru and Bolivia but not to Cuba", "Tom Hale", parley.Indirect}}},
		{"not a comma before a clause", "Tom Hale praised the deal, which he signed in May.",
			[]want{{"the deal", "Tom Hale", parley.Indirect}}},
	})
}

// TestRelativeClauseLeftOpen guards "Jo Roe, who won damages from the
// Daily Telegraph said …": a relative clause whose closing comma is missing
// does not give the cue its last name; "Ann Cole, who he described as …"
// keeps its own subject.
func TestRelativeClauseLeftOpen(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an open relative clause", "Tom Hale, who last year won damages from the Daily Telegraph said he would run again.",
			[]want{{"he would run again", "Tom Hale", parley.Indirect}}},
		{"an object relative", "The spokesman said the mayor knew Ann Cole, who he described as \u201ca fine activist\u201d.",
			[]want{{"the mayor knew Ann Cole, who he described as \u201ca fine activist\u201d", "The spokesman", parley.Mixed}, {"as \u201ca fine activist\u201d", "he", parley.Mixed}}},
	})
}

// TestInvertedCueBeforeANameAndItsTitle guards "…, said X, the editor of
// Microprocessor Report.": a capitalised speech word inside the title's
// name is no second verb, so the speaker closes the sentence.
func TestInvertedCueBeforeANameAndItsTitle(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a speech word in a name", "The chip suits televisions and computers, and everything in between, said Carl Voss, the editor in chief of Chip Report.",
			[]want{{"The chip suits televisions and computers, and everything in between", "Carl Voss", parley.Indirect}}},
	})
}

// TestPossessiveBeforeTheAddressee guards "told his audience he would …":
// the possessive pronoun determines the addressee, and the subject pronoun
// after it opens the content instead of ending the addressee.
func TestPossessiveBeforeTheAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"his before the addressee", "Tom Hale told his audience he would win the vote.",
			[]want{{"he would win the vote", "Tom Hale", parley.Indirect}}},
		{"a pronoun after the addressee", "Tom Hale told the committee he had tried to help.",
			[]want{{"he had tried to help", "Tom Hale", parley.Indirect}}},
		{"her as the addressee", "Tom Hale told her the plan had failed.",
			[]want{{"the plan had failed", "Tom Hale", parley.Indirect}}},
	})
}

// TestJoinedSecondAttribution guards "X said A, though she noted B": a
// conjunction that joins a second attribution ends the first content,
// while a temporal clause stays part of it.
func TestJoinedSecondAttribution(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"though and a pronoun", "Ann Cole said the campaign planned a protest, though she acknowledged it was unlikely to work.",
			[]want{{"the campaign planned a protest", "Ann Cole", parley.Indirect}, {"it was unlikely to work", "Ann Cole", parley.Indirect}}},
		{"but and another source", "Ann Cole said she had talks with the agency, but officials said those talks came late.",
			[]want{{"she had talks with the agency", "Ann Cole", parley.Indirect}, {"those talks came late", "officials", parley.Indirect}}},
		{"a temporal clause stays", "Ann Cole said she raised the delay in August, after Reuters reported the aid had been paused.",
			[]want{{"she raised the delay in August, after Reuters reported the aid had been paused", "Ann Cole", parley.Indirect}, {"the aid had been paused", "Reuters", parley.Indirect}}},
	})
}

// TestOutletMediumClosesTheAddressee guards "told the BBC News website he
// …": the outlet's medium belongs to the addressee, not to the content.
func TestOutletMediumClosesTheAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"website after an outlet", "Tom Hale told the BBC News website he was not surprised.",
			[]want{{"he was not surprised", "Tom Hale", parley.Indirect}}},
		{"newspaper after an outlet", "Tom Hale told the Guardian newspaper there would be no casinos.",
			[]want{{"there would be no casinos", "Tom Hale", parley.Indirect}}},
	})
}

// TestRelativeClauseOfTheSpeaker guards "…, whom he described as …": a
// relative clause whose subject is the speaker again is a second
// attribution, so the first content ends before it.
func TestRelativeClauseOfTheSpeaker(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"whose and the speaker", "Tom Hale said the world owed a debt to Adam Smith, whose genius he compared to that of Mozart.",
			[]want{{"the world owed a debt to Adam Smith", "Tom Hale", parley.Indirect}}},
	})
}

// TestShortSentenceAfterADirectQuote guards “A,” he said. “Everybody
// sues.”: a quotation of a few words that is a sentence of its own goes on
// from the direct quote before it; a short phrase in marks does not.
func TestShortSentenceAfterADirectQuote(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a short sentence", "Tom Hale spoke first. \u201cThey sue,\u201d he said. \u201cEverybody sues.\u201d",
			[]want{{"They sue,", "Tom Hale", parley.Direct}, {"Everybody sues.", "Tom Hale", parley.Direct}}},
		{"a phrase in marks", "Tom Hale spoke first. \u201cThey sue,\u201d he said. \u201cLawsuit culture\u201d is the phrase in town.",
			[]want{{"They sue,", "Tom Hale", parley.Direct}}},
	})
}

// TestQuotationRunningOverParagraphs guards the convention of a quotation
// over paragraphs: the first paragraph's quotation is left open, and the
// next paragraph's goes on from it (one quote per paragraph, linked).
func TestQuotationRunningOverParagraphs(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, in  string
		continues bool
	}{
		{"left open", "Tom Hale told the crowd: \u201cWe will win this race and the next one.\n\n\u201cAnd we will win the one after that too.\u201d", true},
		{"closed", "Tom Hale told the crowd: \u201cWe will win this race and the next one.\u201d\n\n\u201cAnd we will win the one after that too.\u201d", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _ := f.find(tt.in)
			if len(qs) != 2 {
				t.Fatalf("got %d quotes, want 2", len(qs))
			}
			if got := qs[1].Continues == 1; got != tt.continues {
				t.Errorf("second paragraph continues the first: %v, want %v", got, tt.continues)
			}
		})
	}
}

// TestSpeakerOfByAndAParticiple guards "X inflamed tensions by saying …":
// the subject of the verb that the "by" phrase modifies speaks, not the
// first person the sentence names; the narrator's "we" is no speaker.
func TestSpeakerOfByAndAParticiple(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"by saying", "Ann Cole lost the vote, and Tom Hale celebrated by saying, \u201cThey firebombed our office last night.\u201d",
			[]want{{"They firebombed our office last night.", "Tom Hale", parley.Direct}}},
		{"the narrator's we", "We will start by noting that the most solid data concerns drugs seized on the border.",
			nil},
	})
}

// TestBracketsAfterTheSpeakersName guards "Sen. Jo Roe (D-Mo.), who …,
// said": the party and state in brackets stand between the name and the
// set-off phrase, and a clause after an inverted cue is no source.
func TestBracketsAfterTheSpeakersName(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"brackets and a relative clause", "Sen. Ann Cole (D-Mo.), who has endorsed Tom Hale, said the plan has failed.",
			[]want{{"the plan has failed", "Ann Cole", parley.Indirect}}},
		{"brackets and an apposition", "Sen. Ann Cole (D-Mo.), a close ally, said Tom Hale has pushed her.",
			[]want{{"Tom Hale has pushed her", "Ann Cole", parley.Indirect}}},
		{"a relative clause in an inverted source", "\u201cWe are more careful now,\u201d said one woman who took part in the research.",
			[]want{{"We are more careful now,", "one woman who took part in the research", parley.Direct}}},
	})
}

// TestWithAndAnOrganisationSpeaking guards "…, with the Countryside
// Alliance saying …": after "with", an organisation (behind its article)
// speaks through the participle, as a person does.
func TestWithAndAnOrganisationSpeaking(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"with the organisation", "The law faces a stiff test this weekend, with the Labour Party saying many members will vote against it.",
			[]want{{"many members will vote against it", "Labour Party", parley.Indirect}}},
	})
}

// TestNameModifyingTheAddressee guards "told the Associated Press news
// agency the plan …": a name before a common noun modifies it, so the
// addressee runs to the noun and the content starts after it.
func TestNameModifyingTheAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an outlet and its kind", "Tom Hale told the Associated Press news agency the plan had failed.",
			[]want{{"the plan had failed", "Tom Hale", parley.Indirect}}},
	})
}

// TestNamingParticipleIsNoCue guards "a phenomenon called “differential
// nonresponse”": a past participle that modifies the noun before it
// names it; no one speaks.
func TestNamingParticipleIsNoCue(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a noun called a term", "The main source of error is a phenomenon called \u201cdifferential nonresponse.\u201d",
			nil},
		{"groups dubbed a name", "Tom Hale said groups dubbed \u201cpioneers\u201d were most interested in new phones.",
			[]want{{"groups dubbed \u201cpioneers\u201d were most interested in new phones", "Tom Hale", parley.Mixed}}},
	})
}

// TestSemicolonBeforeAPersonEndsTheContent guards "accused him of groping
// her; he has denied …": after a semicolon the narrator turns to a person,
// while a list of what was said goes on ("; Nike holds …").
func TestSemicolonBeforeAPersonEndsTheContent(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a pronoun after the semicolon", "Ann Cole accused Tom Hale of groping her at a dinner; he has denied the claim.",
			[]want{{"groping her at a dinner", "Ann Cole", parley.Indirect}, {"the claim", "Tom Hale", parley.Indirect}}},
		{"a list goes on", "The researchers reported that Apple holds $200 billion offshore; Acme holds $10 billion.",
			[]want{{"Apple holds $200 billion offshore; Acme holds $10 billion", "The researchers", parley.Indirect}}},
	})
}

// TestAdverbBeforeTheSecondAct guards "… and repeatedly says …": an adverb
// between "and" and the speaker's next verb of saying still ends the first
// content.
func TestAdverbBeforeTheSecondAct(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"and an adverb", "Ann Cole urges her husband to come out of the car and repeatedly says that he must stay calm.",
			[]want{{"come out of the car", "Ann Cole", parley.Indirect}, {"he must stay calm", "Ann Cole", parley.Indirect}}},
	})
}

// TestSecondSourceAfterAnd guards "said the plan would fail and critics
// said it would work": a second source's attribution after "and" ends the
// first content; an "and" that joins the second subject does not.
func TestSecondSourceAfterAnd(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a second source", "Tom Hale said the plan would fail and Ann Cole said it would work.",
			[]want{{"the plan would fail", "Tom Hale", parley.Indirect}, {"it would work", "Ann Cole", parley.Indirect}}},
	})
}

// TestShareOfPeopleAfterAnd guards "21 percent said “not too likely” and
// 14 percent said “not at all likely”": a share of people and its verb of
// saying after "and" is a second source.
func TestShareOfPeopleAfterAnd(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"two shares", "Asked about the race, 21 percent said \u201cnot too likely\u201d and 14 percent said \u201cnot at all likely.\u201d",
			[]want{{"not too likely", "21 percent", parley.Direct}, {"not at all likely.", "14 percent", parley.Direct}}},
	})
}

// TestSuspendedHyphenIsNoDash guards "above- and below-ground sensors": a
// hyphen hanging on its word is no dash that ends the content.
func TestSuspendedHyphenIsNoDash(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a suspended hyphen", "Tom Hale said the plan would use above- and below-ground sensors to find tunnels.",
			[]want{{"the plan would use above- and below-ground sensors to find tunnels", "Tom Hale", parley.Indirect}}},
	})
}

// TestOpenAppositionBeforeTheCue guards "Jo Lee, spokeswoman for the Acme
// Fund said": an apposition whose closing comma is missing describes the
// person before it, who speaks, not the organisation.
func TestOpenAppositionBeforeTheCue(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a role, a preposition and the article", "Ann Cole, spokeswoman for the Disaster Emergency Committee said the appeal had raised millions.",
			[]want{{"the appeal had raised millions", "Ann Cole", parley.Indirect}}},
	})
}

// TestGroupPronounSubject guards "Those in favor of a ban have said": a
// pronoun of people with a modifier after it is the whole subject on the
// parse, not a noun inside the modifier, and not missing; a pronoun inside
// the clause before an inverted cue does not open the subject.
func TestGroupPronounSubject(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a prepositional modifier without a determiner", "Those in favor of suspension have said that the coach provoked the brawl.",
			[]want{{"the coach provoked the brawl", "Those in favor of suspension", parley.Indirect}}},
		{"a relative clause with a noun in it", "Those who oppose the tax said it would hurt farmers.",
			[]want{{"it would hurt farmers", "Those who oppose the tax", parley.Indirect}}},
		{"a pronoun inside the content before the inverted cue", "The heaviest users will be those in the 18-35 age bracket, suggests the survey.",
			[]want{{"The heaviest users will be those in the 18-35 age bracket", "the survey", parley.Indirect}}},
		{"the pronoun and a participle", "Again, those polled said the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "those polled", parley.Indirect}}},
		{"a bare pronoun before a past-tense cue", "Some said the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "Some", parley.Indirect}}},
		{"a determiner before a noun is no subject", "Some claims about the ferry fares were too high.", nil},
		{"a participle before a noun is no cue", "Some reported cases of the fever were mild.", nil},
		{"no cue in a restrictive relative clause", "Residents who say the water smells have sued the city.", nil},
	})
}

// TestPresentCueAfterAModifiedSubject guards a base-form cue whose subject
// ends in a modifier ("Supporters of the new toll say"): the parse reads the
// verb as finite and the phrase read back as its subject; a place in the
// modifier after "the" is no speaker ("Officials in the UK said").
func TestPresentCueAfterAModifiedSubject(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a modifier before a present cue", "Supporters of the new toll say it will mean lower costs for drivers.",
			[]want{{"it will mean lower costs for drivers", "Supporters of the new toll", parley.Indirect}}},
		{"a place after the article in the modifier", "Officials in the UK said the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "Officials in the UK", parley.Indirect}}},
	})
}

// TestAddresseeWithItsTown guards "told The Courier of Elmton last week
// she …": the outlet's town belongs to the addressee, and the content
// clause follows the time.
func TestAddresseeWithItsTown(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an outlet and its town before a time", "Ann Platt told The Boston Globe of Boston last week she would not run again.",
			[]want{{"she would not run again", "Ann Platt", parley.Indirect}}},
	})
}

// TestPeopleNounHeadsTheSource guards a plural noun of people with a
// quantifier ("Both candidates said", "most nominees said"): the noun heads
// the source phrase, the quantifier belongs to it.
func TestPeopleNounHeadsTheSource(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"both and a people noun", "Both candidates said the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "Both candidates", parley.Indirect}}},
		{"most and a people noun mid-sentence", "At the forum, most candidates said the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "most candidates", parley.Indirect}}},
		{"a plural body", "The departments declined to comment, saying the ferry fares were too high.",
			[]want{{"the ferry fares were too high", "The departments", parley.Indirect}}},
	})
}

// TestAppositionAfterTheAddressee guards "told investors of Acme, its
// parent, on Oct. 31 that …": an apposition set off after the addressee
// does not end the search for "that"; one inside the content's subject
// does not start it ("asked whether the minister, Jo Roe, could reach that
// level").
func TestAppositionAfterTheAddressee(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"an apposition of the addressee's modifier", "Tom Hale told shareholders of Acme Holdings, the group's parent, on Oct. 31 that the sale would cut its debt.",
			[]want{{"the sale would cut its debt", "Tom Hale", parley.Indirect}}},
		{"an apposition inside the question", "Tom Hale asked whether the minister, Jo Roe, could reach that level by 2023.",
			[]want{{"whether the minister, Jo Roe, could reach that level by 2023", "Tom Hale", parley.Indirect}}},
	})
}

// TestPluralOpeningTheSentence guards "Ministers say …": a plural noun
// capitalised only because it opens the sentence is the subject of a base
// form of saying, as it is in lower case.
func TestPluralOpeningTheSentence(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a capitalised plural first", "Candidates say the strategy is inadequate.",
			[]want{{"the strategy is inadequate", "Candidates", parley.Indirect}}},
	})
}

// TestSetOffAdverbAndQuantifiedModifier guards "Senior officials, though,
// say": an adverb set off by commas does not hide the plural subject of a
// base form of saying; and "Officials in both parties said": a quantifier
// after the preposition keeps the modifier's noun from being the speaker.
func TestSetOffAdverbAndQuantifiedModifier(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a set-off adverb", "Senior officials, though, say the decision was wrong.",
			[]want{{"the decision was wrong", "Senior officials", parley.Indirect}}},
		{"a quantifier in the modifier", "Officials in both parties said the decision was wrong.",
			[]want{{"the decision was wrong", "Officials", parley.Indirect}}},
	})
}

// TestRelativeClauseEndsBeforeAParticipleTag guards "Jo Roe, who said
// the plan is unfair, marched on Monday": the comma closing the relative
// clause ends the content when the tagger reads the main verb as a
// participle, unless a "by" makes it a passive inside the content.
func TestRelativeClauseEndsBeforeAParticipleTag(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"the main verb read as a participle", "Tom Hale, who said the shortage is far worse than the figures show, called for a review that protects nurses.",
			[]want{{"the shortage is far worse than the figures show", "Tom Hale", parley.Indirect}}},
	})
}

// TestRelativeWhoAfterANoun guards "Critics, who said …, marched": the
// noun phrase before ", who" is the speaker where the parse did not make
// the clause its relative, so the speaker is not left as "who"; a phrase
// with a verb in it is not taken.
func TestRelativeWhoAfterANoun(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a plural noun before the relative", "Critics, who said the plan is unfair, marched on Monday.",
			[]want{{"the plan is unfair", "Critics", parley.Indirect}}},
	})
}

// TestSpeakerPhraseOpensAtItsDeterminer guards "Later the minister said":
// a word before an article or a possessive determiner is no part of the
// speaker's noun phrase, unless it is a predeterminer ("All the ministers")
// or a capitalised word of a title or name inside the sentence.
func TestSpeakerPhraseOpensAtItsDeterminer(t *testing.T) {
	f := newFixture(t)
	f.check(t, []findCase{
		{"a sentence adverb", "Later the minister said the plan would work.",
			[]want{{"the plan would work", "the minister", parley.Indirect}}},
		{"a day before the article", "On Tuesday the chancellor said taxes would not rise.",
			[]want{{"taxes would not rise", "the chancellor", parley.Indirect}}},
		{"a predeterminer", "All the ministers said the plan would work.",
			[]want{{"the plan would work", "All the ministers", parley.Indirect}}},
	})
}
