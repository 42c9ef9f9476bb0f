package parley

// AttitudeKind says what a holder is reported to hold.
type AttitudeKind string

const (
	Belief   AttitudeKind = "belief"   // "many Democrats believe that …", "she thinks …", "he expects to win"
	Wish     AttitudeKind = "wish"     // "Sanders wants a vast expansion …", "the party hopes to …", "plans to …"
	Evidence AttitudeKind = "evidence" // "the poll shows …", "the data suggest …": a record, not a speaker
	Position AttitudeKind = "position" // "the governor endorsed her", "the union opposes the bill": for or against
)

// Attitude is a proposition attributed to a holder who is not reported to
// have said it: a belief, a wish or intention, what a poll or data
// show, or a position for or against someone or something. Attribution corpora (PARC, PolNeAR) count these with quotes;
// parley keeps them apart, so that a quote is always something said or
// written. Its public id ("B1") comes from its position in Doc.Attitudes.
type Attitude struct {
	Kind       AttitudeKind
	Content    Span      // the proposition: the verb's clause or object
	Holder     EntityRef // the holder's entity; 0 for an unnamed one
	HolderName string    // resolved name of the holder, or the words of the phrase
	HolderSpan Span      // the subject mention
	Cue        string    // the verb as written: "believe", "wants", "shows"
	CueSpan    Span
}
