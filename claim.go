package parley

// Stance is the position a source takes on a claim.
type Stance string

const (
	Asserts  Stance = "asserts"
	Confirms Stance = "confirms"
	Denies   Stance = "denies"
	Disputes Stance = "disputes"
)

// ClaimStatus summarises the stances on a claim.
type ClaimStatus string

const (
	SingleSource ClaimStatus = "single-source"
	Corroborated ClaimStatus = "corroborated"
	Disputed     ClaimStatus = "disputed"
)

// Claim is a proposition that one or more sources take a stance on.
// Its public id ("C1") comes from its position in Doc.Claims.
type Claim struct {
	Text    string // normalised statement of the proposition
	Status  ClaimStatus
	Stances []ClaimStance
	Key     string // normalised key used to group the claim across articles
}

// ClaimStance links a source to a claim through the quote that carries it.
type ClaimStance struct {
	Source     EntityRef
	SourceName string
	Stance     Stance
	Quote      QuoteRef
	Evidence   Span
}
