package export

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// ClaimReviewGraph is a JSON-LD document of schema.org ClaimReview nodes,
// one per claim of an analysis. parley is not a fact-checker: the review's
// rating states the claim's status as the sources leave it (disputed,
// corroborated, single-source), not a verdict; each source's stance is a
// schema.org Quotation appearance of the claim with a parley:stance.
type ClaimReviewGraph struct {
	Context []any         `json:"@context"`
	Graph   []ClaimReview `json:"@graph"`
}

// ClaimReview is a schema.org ClaimReview.
type ClaimReview struct {
	Type          string   `json:"@type"`
	ID            string   `json:"@id,omitempty"`
	URL           string   `json:"url"`
	ClaimReviewed string   `json:"claimReviewed"`
	ItemReviewed  ClaimLD  `json:"itemReviewed"`
	ReviewRating  RatingLD `json:"reviewRating"`
	Author        ThingLD  `json:"author"`
	DatePublished string   `json:"datePublished,omitempty"`
	Key           string   `json:"parley:key,omitempty"`
}

// ClaimLD is a schema.org Claim: its text, who first asserted it, and
// where it appears.
type ClaimLD struct {
	Type            string        `json:"@type"`
	Text            string        `json:"text"`
	Author          *ThingLD      `json:"author,omitempty"`
	DatePublished   string        `json:"datePublished,omitempty"`
	Appearance      []QuotationLD `json:"appearance"`
	FirstAppearance *QuotationLD  `json:"firstAppearance,omitempty"`
}

// QuotationLD is one stance: a schema.org Quotation of a source, part of
// the article.
type QuotationLD struct {
	Type              string     `json:"@type"`
	Text              string     `json:"text"`
	URL               string     `json:"url,omitempty"`
	SpokenByCharacter *ThingLD   `json:"spokenByCharacter,omitempty"`
	IsPartOf          *ArticleLD `json:"isPartOf,omitempty"`
	Stance            string     `json:"parley:stance"`
	Quote             string     `json:"parley:quote,omitempty"`
	Start             int        `json:"parley:start"`
	End               int        `json:"parley:end"`
}

// ThingLD is a schema.org Person or Organization.
type ThingLD struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// ArticleLD is the schema.org NewsArticle a quotation is part of.
type ArticleLD struct {
	Type          string   `json:"@type"`
	Headline      string   `json:"headline,omitempty"`
	URL           string   `json:"url,omitempty"`
	DatePublished string   `json:"datePublished,omitempty"`
	Publisher     *ThingLD `json:"publisher,omitempty"`
}

// RatingLD is the review's rating: the claim's status.
type RatingLD struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	Explanation   string `json:"ratingExplanation,omitempty"`
}

// ClaimReviewOptions say who publishes the reviews and where.
type ClaimReviewOptions struct {
	// Author is the organisation that publishes the reviews (schema.org
	// ClaimReview.author); zero means DefaultReviewAuthor.
	Author ThingLD
	// BaseURL, when set, is where the reviews are published: a review's url
	// is BaseURL + document id + "#" + claim id. Otherwise it is the article
	// URL with the fragment "#parley-claim-ID", and without an article URL
	// the URN "urn:parley:DOC:CLAIM".
	BaseURL string
}

// DefaultReviewAuthor is the author of reviews when none is configured.
var DefaultReviewAuthor = ThingLD{Type: "Organization", Name: "parley", URL: "https://github.com/parley-news/parley"}

var statusExplanation = map[parley.ClaimStatus]string{
	parley.Disputed:     "Sources in the article take opposite positions on this claim.",
	parley.Corroborated: "Two or more independent sources in the article assert or confirm this claim.",
	parley.SingleSource: "Only one source in the article takes a position on this claim.",
}

// NewClaimReviewGraph returns an empty graph with parley's @context.
func NewClaimReviewGraph() ClaimReviewGraph {
	return ClaimReviewGraph{
		Context: []any{"https://schema.org", map[string]string{"parley": "https://github.com/parley-news/parley/blob/main/docs/exports.md#"}},
		Graph:   []ClaimReview{},
	}
}

// ClaimReviews converts the claims of an analysis to a JSON-LD graph.
// Offsets (parley:start/end) are Unicode code points.
func ClaimReviews(a *parley.Doc, o ClaimReviewOptions) ClaimReviewGraph {
	g := NewClaimReviewGraph()
	g.Graph = AppendClaimReviews(g.Graph, a, o)
	return g
}

// AppendClaimReviews appends the reviews of the claims of a to rs, for a
// graph that spans several articles.
func AppendClaimReviews(rs []ClaimReview, a *parley.Doc, o ClaimReviewOptions) []ClaimReview {
	if o.Author.Name == "" {
		o.Author = DefaultReviewAuthor
	}
	if o.Author.Type == "" {
		o.Author.Type = "Organization"
	}
	d := a.Document
	date := ""
	if !d.Published.IsZero() {
		date = d.Published.Format(time.DateOnly)
	}
	article := &ArticleLD{Type: "NewsArticle", Headline: d.Title, URL: d.URL, DatePublished: date}
	if d.Outlet != "" {
		article.Publisher = &ThingLD{Type: "Organization", Name: d.Outlet}
	}
	off := text.NewOffsets(d.Text)
	for ci, c := range a.Claims {
		id := parley.ClaimID(ci)
		r := ClaimReview{
			Type: "ClaimReview", URL: reviewURL(d, id, o.BaseURL), ClaimReviewed: c.Text, Key: c.Key,
			DatePublished: date, Author: o.Author,
			ReviewRating: RatingLD{Type: "Rating", AlternateName: string(c.Status), Explanation: statusExplanation[c.Status]},
			ItemReviewed: ClaimLD{Type: "Claim", Text: c.Text, DatePublished: date, Appearance: []QuotationLD{}},
		}
		if d.ID != "" {
			r.ID = "#" + d.ID + "/" + id
		}
		for _, s := range c.Stances {
			q := QuotationLD{Type: "Quotation", Stance: string(s.Stance), Quote: s.Quote.ID(), URL: d.URL, IsPartOf: article,
				Start: off.CodePoint(s.Evidence.Start), End: off.CodePoint(s.Evidence.End), SpokenByCharacter: speaker(a, s)}
			if s.Evidence.End <= len(d.Text) && s.Evidence.Start <= s.Evidence.End {
				q.Text = d.Text[s.Evidence.Start:s.Evidence.End]
			}
			r.ItemReviewed.Appearance = append(r.ItemReviewed.Appearance, q)
		}
		// The first assertion is where the claim first appears, and its
		// source is the claim's author.
		for i, q := range r.ItemReviewed.Appearance {
			if q.Stance == string(parley.Asserts) {
				r.ItemReviewed.FirstAppearance = &r.ItemReviewed.Appearance[i]
				r.ItemReviewed.Author = q.SpokenByCharacter
				break
			}
		}
		rs = append(rs, r)
	}
	return rs
}

func reviewURL(d parley.Document, claim, base string) string {
	switch {
	case base != "":
		return base + url.PathEscape(d.ID) + "#" + claim
	case d.URL != "":
		u, _, _ := strings.Cut(d.URL, "#")
		return u + "#parley-claim-" + claim
	}
	return "urn:parley:" + url.PathEscape(d.ID) + ":" + claim
}

// speaker is the schema.org type and name of a stance's source.
func speaker(a *parley.Doc, s parley.ClaimStance) *ThingLD {
	name := s.SourceName
	typ := "Organization"
	if e := a.Entity(s.Source); e != nil {
		if name == "" {
			name = e.Name
		}
		if e.Type == parley.Person {
			typ = "Person"
		}
	}
	if name == "" {
		return nil
	}
	return &ThingLD{Type: typ, Name: name}
}

// WriteClaimReviews writes the claims of a as one JSON-LD document.
func WriteClaimReviews(w io.Writer, a *parley.Doc, o ClaimReviewOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ClaimReviews(a, o))
}
