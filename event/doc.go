// Package event codes political events in CAMEO and PLOVER: who did what to
// whom, where and when. It matches verb and noun patterns (a dictionary in the
// spirit of PETRARCH2's, embedded as data) over the tokens of a segmented
// sentence, resolves the source and target actors to CAMEO actor codes
// (country + role) and to the article's entities, and applies negation and
// modality ("refused to meet" is a rejection, "unlikely to meet" is no event).
//
// Plain statements, denials and claims of responsibility (CAMEO 01) are not
// events: they are quotes and claim stances. A Coder emits them only when
// Options.Statements is set, for scoring against CAMEO-manual gold.
package event
