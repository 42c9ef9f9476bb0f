package export

import (
	"encoding/json"
	"io"
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
	ClaimReviewed string   `json:"claimReviewed"`
	ItemReviewed  ClaimLD  `json:"itemReviewed"`
	ReviewRating  RatingLD `json:"reviewRating"`
	Author        ThingLD  `json:"author"`
	DatePublished string   `json:"datePublished,omitempty"`
	URL           string   `json:"url,omitempty"`
	Key           string   `json:"parley:key,omitempty"`
}

// ClaimLD is a schema.org Claim.
type ClaimLD struct {
	Type            string        `json:"@type"`
	Text            string        `json:"text"`
	Appearance      []QuotationLD `json:"appearance"`
	FirstAppearance *QuotationLD  `json:"firstAppearance,omitempty"`
}

// QuotationLD is one stance: a schema.org Quotation of a source.
type QuotationLD struct {
	Type              string   `json:"@type"`
	Text              string   `json:"text"`
	SpokenByCharacter *ThingLD `json:"spokenByCharacter,omitempty"`
	Stance            string   `json:"parley:stance"`
	Quote             string   `json:"parley:quote,omitempty"`
	Start             int      `json:"parley:start"`
	End               int      `json:"parley:end"`
	IsPartOf          *ThingLD `json:"isPartOf,omitempty"`
}

// ThingLD is a schema.org Person, Organization or CreativeWork reference.
type ThingLD struct {
	Type          string `json:"@type"`
	Name          string `json:"name,omitempty"`
	URL           string `json:"url,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	Publisher     string `json:"publisher,omitempty"`
}

// RatingLD is the review's rating: the claim's status.
type RatingLD struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	Explanation   string `json:"ratingExplanation,omitempty"`
}

var statusExplanation = map[parley.ClaimStatus]string{
	parley.Disputed:     "Sources in the article take opposite positions on this claim.",
	parley.Corroborated: "Two or more independent sources in the article assert or confirm this claim.",
	parley.SingleSource: "Only one source in the article takes a position on this claim.",
}

// ClaimReviews converts the claims of an analysis to a JSON-LD graph.
// Offsets (parley:start/end) are Unicode code points.
func ClaimReviews(a *parley.Doc) ClaimReviewGraph {
	g := ClaimReviewGraph{
		Context: []any{"https://schema.org", map[string]string{"parley": "https://github.com/parley-news/parley/blob/main/docs/exports.md#"}},
		Graph:   []ClaimReview{},
	}
	src := a.Text
	off := text.NewOffsets(src)
	var article *ThingLD
	date := ""
	if !a.Published.IsZero() {
		date = a.Published.Format(time.DateOnly)
	}
	if a.URL != "" || a.Title != "" {
		article = &ThingLD{Type: "NewsArticle", Name: a.Title, URL: a.URL, DatePublished: date, Publisher: a.Outlet}
	}
	for ci, c := range a.Claims {
		r := ClaimReview{
			Type: "ClaimReview", ClaimReviewed: c.Text, Key: c.Key, DatePublished: date, URL: a.URL,
			Author:       ThingLD{Type: "SoftwareApplication", Name: "parley " + parley.Version},
			ReviewRating: RatingLD{Type: "Rating", AlternateName: string(c.Status), Explanation: statusExplanation[c.Status]},
			ItemReviewed: ClaimLD{Type: "Claim", Text: c.Text, Appearance: []QuotationLD{}},
		}
		if a.ID != "" {
			r.ID = "#" + a.ID + "/" + parley.ClaimID(ci)
		}
		for _, s := range c.Stances {
			q := QuotationLD{Type: "Quotation", Stance: string(s.Stance), Quote: s.Quote.ID(),
				Start: off.CodePoint(s.Evidence.Start), End: off.CodePoint(s.Evidence.End), IsPartOf: article}
			if s.Evidence.End <= len(src) && s.Evidence.Start <= s.Evidence.End {
				q.Text = src[s.Evidence.Start:s.Evidence.End]
			}
			if who := speaker(a, s); who != nil {
				q.SpokenByCharacter = who
			}
			r.ItemReviewed.Appearance = append(r.ItemReviewed.Appearance, q)
		}
		// The first assertion is where the claim first appears.
		for i, q := range r.ItemReviewed.Appearance {
			if q.Stance == string(parley.Asserts) {
				r.ItemReviewed.FirstAppearance = &r.ItemReviewed.Appearance[i]
				break
			}
		}
		g.Graph = append(g.Graph, r)
	}
	return g
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
func WriteClaimReviews(w io.Writer, a *parley.Doc) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ClaimReviews(a))
}
