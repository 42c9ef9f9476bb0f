package parley

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned by a Store when the requested record does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid marks a query a Store refuses (an unknown status, a malformed id).
// Callers such as the HTTP API turn it into a client error.
var ErrInvalid = errors.New("invalid query")

// Store keeps analyses and answers queries over them. Writes are idempotent
// on the document's content hash: putting the same text twice stores it once.
// Implementations: package sqlite (embedded default); package storetest holds
// the conformance suite every implementation must pass.
type Store interface {
	// PutAnalysis stores a (new) analysis. It reports false when an analysis of
	// the same content hash and extractor version was already stored. An
	// analysis of stored content by another extractor version replaces the
	// stored one (that is how reprocessing works).
	PutAnalysis(ctx context.Context, d *Doc) (bool, error)
	// PutAnalyses stores a batch in one transaction; stored[i] is what
	// PutAnalysis would have reported for as[i]. Ingest uses it so that the
	// store is not the bottleneck.
	PutAnalyses(ctx context.Context, ds []*Doc) (stored []bool, err error)
	// HasContent reports whether a document with this content hash is stored,
	// as an analysis or as a duplicate.
	HasContent(ctx context.Context, contentHash string) (bool, error)
	// PutDuplicate records a near-duplicate copy (a republished wire story)
	// linked to the document it copies, without analysing it again. It is
	// idempotent on the copy's content hash.
	PutDuplicate(ctx context.Context, d Duplicate) error
	// DuplicatesOf lists the copies linked to the document with this id.
	DuplicatesOf(ctx context.Context, originalID string) ([]Duplicate, error)

	// Article returns one stored article with its analysis. id is its
	// article id or an id it was given (Document.ID when it was stored; the
	// same text stored again under another id is given that one too). An
	// article id wins over a given id; an id given to several texts names
	// the text most recently given it for the first time (storing a text
	// again under an id it already had changes nothing), and the others
	// stay addressable by their article ids. The Article fields of the
	// filters below name articles the same way.
	Article(ctx context.Context, id string) (*StoredArticle, error)
	Articles(ctx context.Context, f ArticleFilter) (Page[ArticleRecord], error)
	// Documents calls fn for each stored document whose analysis was made by
	// an extractor version other than version ("" for all), for reprocessing.
	Documents(ctx context.Context, version string, fn func(Document) error) error

	Quotes(ctx context.Context, f QuoteFilter) (Page[QuoteRecord], error)
	Events(ctx context.Context, f EventFilter) (Page[EventRecord], error)
	Claims(ctx context.Context, f ClaimFilter) (Page[ClaimRecord], error)
	Claim(ctx context.Context, id string) (*ClaimRecord, error)

	Entities(ctx context.Context, f EntityFilter) (Page[EntityRecord], error)
	// Entity returns one cross-article entity with its aliases, roles over
	// time, the article entities linked to it and why.
	Entity(ctx context.Context, id string) (*EntityRecord, error)
	// MergeEntities folds entity drop into keep, recording reason; the merge
	// can be undone with Unmerge and the returned merge id.
	MergeEntities(ctx context.Context, keep, drop, reason string) (mergeID string, err error)
	Unmerge(ctx context.Context, mergeID string) error

	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Versioned is implemented by stores that can tell cheaply whether they
// changed. Version returns a value that differs after every committed write
// that changed what the store holds, whoever made it (this process or
// another), and stays the same while nothing is written. The HTTP API caches
// the answers of a store that implements it.
type Versioned interface {
	Version(ctx context.Context) (string, error)
}

// MaxLimit caps the page size of every query.
const MaxLimit = 500

// DefaultLimit is the page size when a filter gives none.
const DefaultLimit = 50

// PageRequest selects a window of a result list. Results are ordered newest
// first with a stable tie-break, so offsets page through them consistently.
type PageRequest struct {
	Limit  int // 0 means DefaultLimit; values above MaxLimit are capped
	Offset int
}

// Norm returns the request with the limit defaulted and capped, or an
// ErrInvalid error for negative values.
func (p PageRequest) Norm() (PageRequest, error) {
	if p.Limit < 0 || p.Offset < 0 {
		return p, fmt.Errorf("%w: limit and offset must not be negative", ErrInvalid)
	}
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	p.Limit = min(p.Limit, MaxLimit)
	return p, nil
}

// Page is one window of a result list.
type Page[T any] struct {
	Items []T `json:"items"`
	// Next is the offset of the next page, or 0 when this is the last one.
	Next int `json:"next_offset,omitempty"`
}

// ArticleFilter selects articles. Zero fields do not filter.
type ArticleFilter struct {
	Outlet       string
	Since, Until time.Time
	Text         string // full-text query over title and text
	// Speaker keeps the articles that quote this speaker (a name or alias,
	// case-insensitive, as QuoteFilter.Speaker).
	Speaker string
	PageRequest
}

// ArticleRecord summarises one stored article.
type ArticleRecord struct {
	ID          string `json:"id"`        // stable: derived from the content hash
	SourceID    string `json:"source_id"` // the id the document first came with
	ContentHash string `json:"content_hash"`
	Version     string `json:"parley_version"`
	Title       string `json:"title,omitempty"`
	URL         string `json:"url,omitempty"`
	Outlet      string `json:"outlet,omitempty"`
	Author      string `json:"author,omitempty"`
	Published   string `json:"published,omitempty"` // YYYY-MM-DD
	Source      string `json:"source,omitempty"`
	Quotes      int    `json:"quotes"`
	Events      int    `json:"events"`
	Claims      int    `json:"claims"`
	Snippet     string `json:"snippet,omitempty"` // set by full-text queries
}

// StoredArticle is an article with its text and analysis.
type StoredArticle struct {
	ArticleRecord
	Text string `json:"text"`
	// Analysis is the JSON document of package export (code-point offsets).
	Analysis json.RawMessage `json:"analysis"`
	// EntityIDs maps the analysis' entity ids ("E1") to cross-article ids.
	EntityIDs map[string]string `json:"entity_ids"`
	// ClaimIDs maps the analysis' claim ids ("C1") to cross-article ids.
	ClaimIDs map[string]string `json:"claim_ids"`
}

// QuoteFilter selects quotes. Zero fields do not filter.
type QuoteFilter struct {
	Speaker      string // a name or alias of the speaker, case-insensitive
	SpeakerID    string // a cross-article entity id
	Outlet       string // the publishing or the relaying outlet
	Article      string
	Since, Until time.Time
	// Text is a full-text query over the quote content (every word
	// required, stemmed). Alone, it lists the most recently stored matches
	// first; with other filters, the newest published first.
	Text string
	PageRequest
}

// QuoteRecord is one stored quote.
type QuoteRecord struct {
	ID          string `json:"id"` // "ARTICLE-Q1"
	ArticleID   string `json:"article_id"`
	LocalID     string `json:"local_id"`
	Type        string `json:"type"`
	Content     string `json:"content"`
	Start       int    `json:"start"` // code points into the article text
	End         int    `json:"end"`
	SpeakerID   string `json:"speaker_id,omitempty"`
	SpeakerName string `json:"speaker_name,omitempty"`
	Cue         string `json:"cue,omitempty"`
	Channel     string `json:"channel,omitempty"`
	ReportedBy  string `json:"reported_by,omitempty"`
	NestedIn    string `json:"nested_in,omitempty"`
	Anonymous   bool   `json:"anonymous,omitempty"`
	Published   string `json:"published,omitempty"`
	Outlet      string `json:"outlet,omitempty"`
	Title       string `json:"article_title,omitempty"`
}

// EventFilter selects events. Zero fields do not filter.
type EventFilter struct {
	// Actors are names, aliases, entity ids or CAMEO actor codes; an event
	// matches when each given actor is its source or target.
	Actors       []string
	PLOVER       string
	Place        string // location name or country code
	Article      string
	Since, Until time.Time
	PageRequest
}

// EventRecord is one stored event.
type EventRecord struct {
	ID           string   `json:"id"`
	ArticleID    string   `json:"article_id"`
	LocalID      string   `json:"local_id"`
	PLOVER       string   `json:"plover"`
	PLOVERMode   string   `json:"plover_mode,omitempty"`
	CAMEO        string   `json:"cameo"`
	QuadClass    int      `json:"quad_class,omitempty"`
	Goldstein    float64  `json:"goldstein"`
	SourceID     string   `json:"source_id,omitempty"`
	SourceName   string   `json:"source_name,omitempty"`
	SourceCode   string   `json:"source_actor,omitempty"`
	TargetID     string   `json:"target_id,omitempty"`
	TargetName   string   `json:"target_name,omitempty"`
	TargetCode   string   `json:"target_actor,omitempty"`
	Location     string   `json:"location,omitempty"`
	Country      string   `json:"country,omitempty"`
	Lat          *float64 `json:"lat,omitempty"`
	Lon          *float64 `json:"lon,omitempty"`
	Date         string   `json:"date,omitempty"` // event date, else the article's
	Evidence     string   `json:"evidence"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	ReportedIn   string   `json:"reported_in,omitempty"` // quote id
	Negated      bool     `json:"negated,omitempty"`
	Outlet       string   `json:"outlet,omitempty"`
	ArticleTitle string   `json:"article_title,omitempty"`
}

// ClaimFilter selects claims. Zero fields do not filter.
type ClaimFilter struct {
	Status   string // single-source, corroborated, disputed
	Text     string // substring of the claim text, case-insensitive
	EntityID string // claims on which this entity takes a stance
	Article  string
	PageRequest
}

// ClaimRecord is a claim grouped across articles.
type ClaimRecord struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Status   string         `json:"status"`
	Key      string         `json:"key,omitempty"`
	Articles int            `json:"articles"`
	Stances  []StanceRecord `json:"stances"`
}

// StanceRecord is one source's position on a claim, in one article.
type StanceRecord struct {
	ArticleID  string `json:"article_id"`
	SourceID   string `json:"source_id,omitempty"`
	SourceName string `json:"source_name"`
	Stance     string `json:"stance"`
	QuoteID    string `json:"quote_id,omitempty"`
	// QuoteType is the type of that quote (direct, indirect, mixed): whether
	// the evidence is the source's own words.
	QuoteType string `json:"quote_type,omitempty"`
	Evidence  string `json:"evidence,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
}

// EntityFilter selects cross-article entities. Zero fields do not filter.
type EntityFilter struct {
	Name string // matches the name or an alias, case-insensitive, as a prefix
	Type string // PERSON, ORG, PLACE, GROUP
	PageRequest
}

// EntityRecord is an entity resolved across articles.
type EntityRecord struct {
	ID          string   `json:"id"`
	Type        string   `json:"type"`
	Kind        string   `json:"kind,omitempty"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Affiliation string   `json:"affiliation,omitempty"`
	Country     string   `json:"country,omitempty"`
	Quotes      int      `json:"quotes"`
	Articles    int      `json:"articles"`
	// The fields below are filled by Store.Entity only.
	Roles  []RoleRecord  `json:"roles,omitempty"`
	Links  []EntityLink  `json:"links,omitempty"`
	Merges []MergeRecord `json:"merges,omitempty"`
}

// RoleRecord is a role as an article gave it, dated by the article.
type RoleRecord struct {
	Role      string `json:"role"`
	ArticleID string `json:"article_id"`
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
}

// EntityLink explains why an article's entity is this cross-article entity.
type EntityLink struct {
	ArticleID string `json:"article_id"`
	LocalID   string `json:"local_id"`
	Name      string `json:"name"`
	// Reason: "new", "same full name", "surname and role", "alias", or
	// "merge: …" for a manual merge.
	Reason string `json:"reason"`
	// The article's date and outlet.
	Published string `json:"published,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
}

// MergeRecord is one merge into or out of an entity.
type MergeRecord struct {
	ID     string `json:"id"`
	Keep   string `json:"keep"`
	Drop   string `json:"drop"`
	Reason string `json:"reason"`
	Undone bool   `json:"undone,omitempty"`
}

// Stats counts what a store holds.
type Stats struct {
	Articles int64 `json:"articles"`
	Entities int64 `json:"entities"`
	Quotes   int64 `json:"quotes"`
	Events   int64 `json:"events"`
	Claims   int64 `json:"claims"`
	// ClaimsByStatus splits Claims by their status.
	ClaimsByStatus ClaimCounts `json:"claims_by_status"`
}

// ClaimCounts counts claims by status.
type ClaimCounts struct {
	SingleSource int64 `json:"single-source"`
	Corroborated int64 `json:"corroborated"`
	Disputed     int64 `json:"disputed"`
}

// ParseDateRange parses the since and until dates of a query (YYYY-MM-DD or
// RFC 3339; empty for none). A bare until date includes that whole day, so
// the returned until is exclusive.
func ParseDateRange(since, until string) (from, to time.Time, err error) {
	parse := func(name, s string, end bool) (time.Time, error) {
		if s == "" {
			return time.Time{}, nil
		}
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			if end {
				t = t.AddDate(0, 0, 1)
			}
			return t, nil
		}
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", ErrInvalid, name, s)
	}
	if from, err = parse("since", since, false); err != nil {
		return
	}
	if to, err = parse("until", until, true); err != nil {
		return
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		err = fmt.Errorf("%w: since %s is not before until %s", ErrInvalid, since, until)
	}
	return
}

// Duplicate is a near-copy of a stored document: what is known of the copy
// and the id of the original it was linked to.
type Duplicate struct {
	ID          string // the copy's own id
	ContentHash string // of the copy's text
	OriginalID  string // id of the document it copies
	URL         string
	Title       string
	Outlet      string
	Source      string
}
