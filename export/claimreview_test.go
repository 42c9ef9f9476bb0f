package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/parley-news/parley"
)

func TestClaimReviewsStateStatusAndStances(t *testing.T) {
	g := ClaimReviews(sample())
	if len(g.Graph) != 1 {
		t.Fatalf("got %d reviews, want 1", len(g.Graph))
	}
	r := g.Graph[0]
	if r.Type != "ClaimReview" || r.ItemReviewed.Type != "Claim" {
		t.Errorf("types %q/%q", r.Type, r.ItemReviewed.Type)
	}
	if r.ReviewRating.AlternateName != "disputed" {
		t.Errorf("rating %q, want disputed", r.ReviewRating.AlternateName)
	}
	ap := r.ItemReviewed.Appearance
	if len(ap) != 2 || ap[0].Stance != "asserts" || ap[1].Stance != "denies" {
		t.Fatalf("appearances %+v", ap)
	}
	if ap[0].SpokenByCharacter == nil || ap[0].SpokenByCharacter.Type != "Person" || ap[1].SpokenByCharacter.Type != "Organization" {
		t.Errorf("speakers %+v %+v", ap[0].SpokenByCharacter, ap[1].SpokenByCharacter)
	}
	if r.ItemReviewed.FirstAppearance == nil || r.ItemReviewed.FirstAppearance.Stance != "asserts" {
		t.Errorf("first appearance should be the first assertion")
	}
}

func TestWriteClaimReviewsIsJSONLD(t *testing.T) {
	var b bytes.Buffer
	if err := WriteClaimReviews(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if _, ok := v["@context"]; !ok {
		t.Error("no @context")
	}
	b.Reset()
	if err := WriteClaimReviews(&b, &parley.Doc{}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil || len(v["@graph"].([]any)) != 0 {
		t.Errorf("an analysis without claims should give an empty graph, got %s", b.String())
	}
}
