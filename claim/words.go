package claim

import (
	_ "embed"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/words.tsv
var wordsTSV string

//go:embed data/codes.tsv
var codesTSV string

// The word classes of data/words.tsv, read once at start and never written.
var (
	wordSets = lexicon.MustReadWordSets("words.tsv", wordsTSV)

	denyCues              = wordSets.Set("deny_cue")                               // cue verbs whose quote denies the proposition in its content
	confirmCues           = wordSets.Set("confirm_cue")                            // cue verbs whose quote confirms a proposition
	rebutCues             = wordSets.Set("rebut_cue")                              // verbs that say a quote answers a criticism: "defended", "hit back"
	replyCues             = wordSets.Set("reply_cue")                              // verbs of a reply: "insisted", "replied"
	charges               = wordSets.Set("charge")                                 // event triggers of an answerable charge: "accused", "sued"
	verdictWords          = wordSets.Set("dispute")                                // improbability, verdicts on a report: "unlikely", "fake"
	plainNegations        = lexicon.Negations("particle", "determiner", "pronoun") // "not", "no", "never", "nothing"
	disputeWords          = lexicon.Union(verdictWords, plainNegations)
	reportNouns           = wordSets.Set("report_noun") // "the reports were fake", "such claims"
	reportDeterminers     = wordSets.Set("report_determiner")
	reportModifiers       = wordSets.Set("report_modifier")  // "the latest claims", "the media reports"
	relayVerbs            = wordSets.Set("relay_verb")       // "as Bloomberg had earlier reported"
	relayInterposed       = wordSets.Set("relay_interposed") // also between the source and the verb of an appended denial
	beForms               = lexicon.BeForms()                // "is suing", "has been criticised" (chargeSubject)
	chargeAdverbs         = wordSets.Set("charge_adverb")    // "is currently suing"
	appendedOpeners       = wordSets.Set("appended_opener")  // ", a charge he denies", ", which the Tories deny"
	appendedVerbs         = wordSets.Set("appended_verb")
	appendedStops         = wordSets.Set("appended_stop")
	appendedAdverbs       = wordSets.Set("appended_adverb")
	stopWords             = wordSets.Set("stop")
	pronounSources        = wordSets.Set("pronoun_source")        // "he", "I": a source coreference left unresolved
	shareWords            = wordSets.Set("share")                 // "half of those questioned": a survey's finding, no source
	shareOpeners          = wordSets.Set("share_opener")          // "more than half"
	agentStops            = wordSets.Set("agent_stop")            // words that end the agent of "claims by the union that …"
	allegationNouns       = wordSets.Set("allegation_noun")       // "the Democrats' central allegation"
	allegationParticiples = wordSets.Set("allegation_participle") // "the claim made by some campaign groups"
	characterisations     = wordSets.List("characterisation")
	accusationNouns       = wordSets.List("accusation")
	deniedReports         = wordSets.Set("denied_report")     // "denied reports that …": the reports' unnamed source asserts it
	deniedWrongdoings     = wordSets.Set("denied_wrongdoing") // "denied any wrongdoing": unnamed accusers charged it
	proposalNouns         = wordSets.Set("proposal_noun")     // "rejected a takeover offer": a refusal, no denial
	negationIdioms        = wordSets.Set("negation_idiom")    // "no doubt", "not without": a negation that denies nothing
	stemSuffixes          = wordSets.List("stem_suffix")

	// The outlet's own verdict on a quote (author.go): "falsely claimed",
	// "described the doctored video as satire".
	authorAdverbs              = wordSets.Set("author_adverb")
	authorAdjectives           = wordSets.Set("author_adjective")
	authorCharacterisationCues = wordSets.Set("author_characterisation_cue")

	// The camps a source's label names (camps.go): "supporters",
	// "opponents of the bill", "Hale's supporters".
	campPro = wordSets.Set("camp_pro")
	campCon = wordSets.Set("camp_con")

	effectMinus = wordSets.Set("effect_minus") // "eroding autonomy": against what "granting autonomy" says
	effectPlus  = wordSets.Set("effect_plus")

	// roleOnly are CAMEO role codes that can begin an actor code that
	// names no country ("GOV", "MIL"); data/codes.tsv.
	roleOnly = lexicon.MustReadWordSets("codes.tsv", codesTSV).Set("role_only")
)
