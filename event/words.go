package event

import (
	_ "embed"
	"strings"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/words.tsv
var wordsTSV string

//go:embed data/codes.tsv
var codesTSV string

// The closed word classes of data/words.tsv, upper-cased as the coder
// reads words. They are read once at start and never written.
var (
	words = lexicon.MustReadWordSets("words.tsv", wordsTSV)

	determiners           = words.Upper("determiner")
	auxWords              = words.Upper("auxiliary")
	beForms               = upperKeys(lexicon.BeForms())
	modalWords            = words.Upper("modal") // make the event uncertain or unreal: no event is coded
	futureWords           = words.Upper("future")
	negWords              = upperKeys(lexicon.Negations("particle", "determiner", "modal"))
	prepositions          = words.Upper("preposition")
	pronouns              = words.Upper("pronoun")
	pastIrregular         = words.Upper("past_irregular")
	participleIrregular   = words.Upper("participle_irregular")
	declareVerbs          = words.Upper("declare")
	agreeWords            = words.Upper("agree")
	failWords             = words.Upper("fail")
	planWords             = words.Upper("plan")
	verbBoundary          = words.Upper("verb_boundary")
	stopTargets           = words.Upper("stop_target")
	reportVerbs           = words.Upper("report_verb")
	locPreps              = words.Upper("loc_prep")
	srcBlock              = words.Upper("src_block")
	quantityNouns         = words.Upper("quantity")
	hyphenRoles           = words.Upper("hyphen_role")
	partitives            = words.Upper("partitive")
	relativePronouns      = words.Upper("relative_pronoun")
	modifierStop          = words.Upper("modifier_stop")
	actorHeads            = words.Upper("actor_head")
	nounTriggerPreps      = words.Upper("noun_trigger_prep")
	possessiveDeterminers = words.Upper("possessive_determiner")
	nounSourcePreps       = words.Upper("noun_source_prep")
	nounPartyPreps        = words.Upper("noun_party_prep")
	nounOfPreps           = words.Upper("noun_of_prep")
	nounTargetPreps       = words.Upper("noun_target_prep")
	patientRoles          = words.Upper("patient_role")
	coordinators          = words.Upper("coordinator")
	modalPremodifiers     = words.Upper("modal_premodifier")
	demonstratives        = words.Upper("demonstrative")
	attemptVerbs          = words.Upper("attempt")
	aspectWords           = words.Upper("aspect")
	settlementNouns       = words.Upper("settlement_noun")
	perfectAux            = words.Upper("perfect_aux")
	toldGerund            = words.Upper("told_gerund")
	futureAux             = words.Upper("future_aux") // a main clause not yet done: its "after …ing" tells no act
	creditNouns           = words.Upper("credit_noun")
	perfectAdverbs        = words.Upper("perfect_adverb")
	placePreps            = words.Upper("place_prep")
	placeNouns            = words.Upper("place_noun")
	actorJoiners          = words.Upper("actor_joiner")
	dateOpeners           = words.Upper("date_opener")
	// The classes below are read by the passes over the whole Doc
	// (judgments.go, demands.go, people.go), which compare the Doc's
	// lower-case words and lemmas.
	negations          = lexicon.Negations("particle", "determiner", "modal")
	judgmentWords      = words.Set("judgment")
	deceitVerbs        = words.Set("deceit_verb")
	blameVerbs         = words.Set("blame_verb")
	objectPronouns     = words.Set("object_pronoun")
	possessivePronouns = words.Set("person_possessive")
	namingVerbs        = words.Set("naming_verb")
	ownSide            = words.Set("own_side")
	conditionals       = words.Set("conditional")
	hypotheticalAux    = words.Set("hypothetical_aux")
	deonticAux         = words.Set("deontic_aux")
	restrictiveAdverbs = words.Set("restrictive_adverb")
	demandVerbs        = words.Set("demand_verb")
	bodilyVerbs        = words.Set("bodily_verb")
	personNouns        = words.Set("person_noun")
	bodyParts          = words.Set("body_part")
	penaltyNouns       = words.Set("penalty_noun")
	notJudging         = words.Set("not_judging_cue")

	// timeWords are skipped before a verb: the time adverbs of words.tsv,
	// the weekdays, and ")" (a closing parenthesis, punctuation rather
	// than a word: "(on Tuesday) met").
	timeWords = lexicon.Union(words.Upper("time"), setOf(weekdays), map[string]bool{")": true})
)

// The CAMEO code classes of data/codes.tsv, read once at start and never
// written.
var (
	codes = lexicon.MustReadWordSets("codes.tsv", codesTSV)

	roleOnlyCode    = codes.Set("role_only")         // role codes that may start an actor code without a country
	doerRoles       = codes.Set("doer_role")         // agents whose event noun after them is their act
	nonPolitical    = codes.Set("non_political")     // role codes of actors that make no political event
	reciprocalRoots = codes.Set("reciprocal_root")   // "X and Y met": X met Y and Y met X
	proseCodes      = codes.Set("prose_code")        // cooperative acts that without a political actor are mostly commerce
	commerceRoles   = codes.Set("commerce_role")     // businesses and media
	ploverOfParent  = codes.Set("plover_of_parent")  // codes whose PLOVER type is their parent's
	stateRoles      = codes.Set("state_role")        // the state's own organs
	fromTargetRoots = codes.Set("from_target_root")  // acts whose "from" party is their target
	continuesRoots  = codes.Set("continues_root")    // roots of one family of acts a story continues
	armedRoles      = codes.Set("armed_role")        // armed actors: their aiming is an attack
	investigators   = codes.Set("investigator_role") // organs that investigate: the doers of an inquiry noun
)

// upperKeys merges maps with their keys upper-cased.
func upperKeys[V any](ms ...map[string]V) map[string]V {
	out := map[string]V{}
	for _, m := range ms {
		for k, v := range m {
			out[strings.ToUpper(k)] = v
		}
	}
	return out
}

func setOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
