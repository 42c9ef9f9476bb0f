package parley

// QuoteType says how the reported material is rendered.
type QuoteType string

const (
	Direct   QuoteType = "direct"   // entirely inside quotation marks
	Indirect QuoteType = "indirect" // reported speech, no quotation marks
	Mixed    QuoteType = "mixed"    // reported speech with quoted fragments
)

// Quote is one attribution of speech or writing to a source.
// Its public id ("Q1") comes from its position in Doc.Quotes.
type Quote struct {
	Type        QuoteType //
	Content     Span      // the reported material only: no cue, speaker or outer quote marks
	Speaker     EntityRef // the source; 0 when it is unknown
	SpeakerName string    // resolved, canonical name of the speaker
	SpeakerSpan Span      // the mention the cue attaches to ("he", "the aide", "Lavrov")
	Cue         string    // the cue word(s) as written: "said", "told", "according to"
	CueSpan     Span      //
	Channel     string    // "reporters", "AP", "X", "press conference", "a statement"
	ReportedBy  string    // the outlet that relays the quote ("…, Reuters reported")
	NestedIn    QuoteRef  // the quote that contains this one
	// Continues is the id of the quote this one goes on from: the second half
	// of “A,” she said, “B.”, or the next paragraph of a long quotation. The
	// two are one attribution in corpora that annotate discontinuous spans.
	Continues QuoteRef
	Addressee string // who was told ("told him" → the person)
	// Anonymous marks unnamed and collective sources ("sources familiar with the talks").
	Anonymous bool
}
