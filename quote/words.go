package quote

// Small closed classes of words the patterns test. The words are in
// data/words.tsv (the weekdays and months in lexicon/data/calendar.tsv);
// what each class is for is said there and at its function here.

import (
	_ "embed"
	"strings"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/words.tsv
var wordsTSV string

//go:embed data/channels.tsv
var channelsTSV string

// The word classes of data/words.tsv, read once at start and never written.
var (
	words = lexicon.MustReadWordSets("words.tsv", wordsTSV)

	interposedWords    = words.Set("interposed")
	claimObjects       = words.Set("claim_object")
	raceNouns          = words.Set("race_noun")
	speechNouns        = words.Set("speech_noun")
	voicedNouns        = words.Set("voiced_noun")
	voicingVerbs       = words.Set("voicing_verb")
	possessivePronouns = words.Set("possessive_pronoun")
	dataNouns          = words.Set("data_noun")
	negations          = lexicon.Negations("particle") // "did not support" (plainPosition, attitude.go)
	evidenceCues       = words.Set("evidence_cue")
	labelWord          = words.Set("label") // words that open captions and editorial labels rather than sources
	pluralNounToo      = words.Set("plural_noun_too")
	prepositionalIng   = words.Set("prepositional_ing")
	subordinators      = words.Set("subordinator")
	prepositions       = words.Set("preposition")
	postModifiers      = words.Set("post_modifier")
	determiners        = words.Set("determiner")
	functionWords      = words.Set("function")
	auxiliaries        = words.Set("auxiliary")
	thirdPersonSubj    = words.Set("third_person_subject")
	clauseConjunctions = words.Set("clause_conjunction")
	attributionJoiners = words.Set("attribution_joiner")
	namedChannels      = words.Set("named_channel")
	meansSubordinators = words.Set("means_subordinator")
	clauseStarts       = words.Set("clause_start")
	notLooseStart      = words.Set("not_loose_start")
	notBareStart       = words.Set("not_bare_start")
	adjunctAdverbs     = words.Set("adjunct_adverb")
	adjunctPreps       = words.Set("adjunct_preposition")
	timeModifiers      = words.Set("time_modifier")
	timeNouns          = words.Set("time_word")
	subjectPronouns    = words.Set("subject_pronoun")
	objectSpeakers     = words.Set("object_speaker")
	peopleNouns        = words.Set("people_noun")
	groupPronouns      = words.Set("group_pronoun")
	recordNouns        = words.Set("record_noun")
	notHolders         = words.Set("not_holder")
	setOffAdverbs      = words.Set("set_off_adverb")
	objectPronouns     = words.Set("object_pronoun")
	pronounLabels      = words.Set("pronoun_label")
	blocksVerb         = words.Set("blocks_verb")
	pluralSubjects     = words.Set("plural_subject")
	progressiveBe      = words.Set("progressive_be")
	quotedAsBe         = words.Set("quoted_as_be")
	passiveBe          = words.Set("passive_be")
	questionWords      = words.Set("question_word")
	nameTimeModifiers  = words.Set("name_time_modifier")
	notNamed           = words.Set("not_named")
	verbParticles      = words.Set("verb_particle")
	topicPreps         = words.Set("topic_preposition")
	namingVerbs        = words.Set("naming_verb")
	roleJoiners        = words.Set("role_joiner")
	speakerTimeOpeners = words.Set("speaker_time_opener")
	sourcePostMods     = words.Set("source_post_modifier")
	appositiveStarts   = words.Set("appositive_start")
	sourceDeterminers  = words.Set("source_determiner")
	centralDeterminers = words.Set("central_determiner")
	predeterminers     = words.Set("predeterminer")
	sourceOpeners      = words.Set("source_opener")
	proportionNouns    = words.Set("proportion_noun")
	shareOpeners       = words.Set("share_opener")
	othersWordsVerbs   = words.Set("others_words_verb")
	hearsayChannels    = words.Set("hearsay_channel")
	makeForms          = words.Set("make_form")
	commentNouns       = words.Set("comment_noun")
	addresseeVerbs     = words.Set("addressee_verb")
	dayParts           = words.Set("day_part")
	headlineCues       = words.Set("headline_cue")
	sayingPurposeVerbs = words.Set("saying_purpose_verb")
	zeroRelativeHeads  = words.Set("zero_relative_head")
	motionPreps        = words.Set("motion_preposition")
	officeWords        = words.Set("office_word")
	replyVerbs         = words.Set("reply_verb")
	personRelatives    = words.Set("person_relative")
	relativePronouns   = words.Set("relative_pronoun")

	// channelNouns maps the noun that ends an adjunct ("in a statement")
	// to the channel recorded for the quote (data/channels.tsv).
	channelNouns = lexicon.MustReadPairs("channels.tsv", channelsTSV)
)

// isInterposed reports adverbs that may stand between a subject and its speech verb.
func isInterposed(l string) bool {
	return interposedWords[l] || strings.HasSuffix(l, "ly") && len(l) > 4
}

// isPluralNounToo reports third-person verb forms that are as often plural
// nouns ("claims", "reports", "notes").
func isPluralNounToo(l string) bool { return pluralNounToo[l] }

// isPrepositionalIng reports -ing words that work as prepositions and keep
// a clause going: ", including calling for a debate".
func isPrepositionalIng(l string) bool { return prepositionalIng[l] }

// isSubordinator reports words that make a gerund part of the speaker's own
// clause: "responded before adding that …", "by interjecting, “…”".
func isSubordinator(l string) bool { return subordinators[l] }

func isPreposition(l string) bool { return prepositions[l] }

func isPostModifier(l string) bool {
	if len(l) > 5 && strings.HasSuffix(l, "ing") && l != "during" {
		return true // "Protesters marching through the streets"
	}
	return postModifiers[l]
}

func isDeterminer(l string) bool { return determiners[l] }

func isFunction(l string) bool { return functionWords[l] }

// isAuxiliary reports the auxiliaries and modals that mark a finite clause:
// a content clause without "that" is recognised by one of them soon after it opens.
func isAuxiliary(l string) bool { return auxiliaries[l] }

// isThirdPersonSubject reports the subject pronouns that can stand for the
// speaker in the narrator's words ("…, but he gave no details").
func isThirdPersonSubject(l string) bool { return thirdPersonSubj[l] }

// isClauseConjunction reports a conjunction that opens an adverbial clause.
func isClauseConjunction(l string) bool { return clauseConjunctions[l] }

// isTimeWord reports time nouns, weekdays and months ("last week", "on
// Tuesday", "in March").
func isTimeWord(l string) bool { return timeNouns[l] || lexicon.IsWeekday(l) || lexicon.IsMonth(l) }

// isRelativeWho reports a relative pronoun that opens a clause about a person.
func isRelativeWho(l string) bool { return personRelatives[l] }
