package parley

// EntityType is the coarse class of an entity.
type EntityType string

const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORG"
	Place        EntityType = "PLACE"
	Group        EntityType = "GROUP" // unnamed or collective sources: "officials", "sources familiar with the talks"
)

// OrgKind refines Organization (the kinds of the annotated examples).
type OrgKind string

const (
	Media      OrgKind = "MEDIA"
	Platform   OrgKind = "PLATFORM"
	Government OrgKind = "GOVERNMENT"
	Company    OrgKind = "COMPANY"
	Party      OrgKind = "PARTY"
	NGO        OrgKind = "NGO"
	IGO        OrgKind = "IGO"
	Military   OrgKind = "MILITARY"
	OtherOrg   OrgKind = "OTHER"
)

// Valid reports whether k is one of the kinds above.
func (k OrgKind) Valid() bool {
	switch k {
	case Media, Platform, Government, Company, Party, NGO, IGO, Military, OtherOrg:
		return true
	}
	return false
}

// MentionKind says how an entity is referred to.
type MentionKind string

const (
	NameMention    MentionKind = "name"      // "Sergey Lavrov", "Lavrov"
	PronounMention MentionKind = "pronoun"   // "he", "she", "they", "who"
	NominalMention MentionKind = "nominal"   // "the minister", "the aide"
	AdjMention     MentionKind = "adjective" // "Russian" → Russia
)

// Mention is one place in the text that refers to an entity: tokens
// [First, Last) of the Doc.
type Mention struct {
	Span        Span
	First, Last int32
	Entity      EntityRef
	Kind        MentionKind
}

// Gender is what the text says of a person's gender (titles, gendered role
// words, given names, pronouns that refer to them).
type Gender uint8

const (
	UnknownGender Gender = iota
	Male
	Female
)

// Entity is a person, organisation, place or group that the article names.
// Its mentions are in Doc.Mentions; its public id ("E1") comes from its
// position in Doc.Entities.
type Entity struct {
	Type        EntityType //
	Kind        string     // OrgKind for organisations; "country", "city", "region" for places
	Name        string     // canonical, fullest form
	Aliases     []string   // other surface forms ("Lavrov")
	Roles       []string   // title and role phrases as written ("Russian Foreign Minister")
	Affiliation string     // the country or organisation the entity speaks for
	Country     string     // ISO 3166-1 alpha-2 for places and for affiliations that are countries
	Gender      Gender     // for people, where the text tells it
}
