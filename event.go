package parley

import "time"

// Event is a coded political event: who did what to whom, where and when.
// Its public id ("V1") comes from its position in Doc.Events.
type Event struct {
	PLOVER     string    // PLOVER event type: CONSULT, AGREE, ...
	PLOVERMode string    // PLOVER mode, if any
	CAMEO      string    // full CAMEO code, with leading zero ("040")
	CAMEORoot  string    // two-digit root ("04")
	QuadClass  int       // 1 verbal cooperation … 4 material conflict (GDELT grouping)
	Goldstein  float64   // Goldstein scale value of the CAMEO code
	Source     EntityRef // the source actor
	Target     EntityRef // the target actor
	SourceCode string    // CAMEO actor code ("RUSGOV")
	TargetCode string    //
	Location   *Location // where it happened, if said
	Date       time.Time // absolute date, if it can be resolved
	DateText   string    // the phrase it was resolved from ("on Tuesday")
	Evidence   Span      // the text that states the event
	ReportedIn QuoteRef  // the quote that reports it, if only reported
	Negated    bool      // "refused to meet" style modality kept for review
	Trigger    string    // the verb or noun that triggered the pattern
	// TriggerToken is one more than the index in Doc.Tokens of the
	// trigger's first token; 0 when unknown (an event read back from JSON
	// or made by hand).
	TriggerToken int32
}

// Location is a resolved place.
type Location struct {
	Name    string
	Country string // ISO 3166-1 alpha-2
	Lat     float64
	Lon     float64
	Entity  EntityRef // the place entity, when the text names it as one
}
