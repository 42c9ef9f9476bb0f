package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

func TestClaimReviewsStateStatusAndStances(t *testing.T) {
	g := ClaimReviews(sample(), ClaimReviewOptions{})
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
	if a := r.ItemReviewed.Author; a == nil || a.Name != "Émile" || a.Type != "Person" {
		t.Errorf("claim author %+v, want the person who asserts it", a)
	}
	if r.Author != DefaultReviewAuthor {
		t.Errorf("review author %+v, want the default organisation", r.Author)
	}
	if r.URL != "https://example.org/a#parley-claim-C1" {
		t.Errorf("review url %q", r.URL)
	}
}

func TestClaimReviewAuthorAndURLAreConfigurable(t *testing.T) {
	o := ClaimReviewOptions{Author: ThingLD{Name: "Example Checks", URL: "https://checks.example"}, BaseURL: "https://checks.example/reviews/"}
	a := sample()
	r := ClaimReviews(a, o).Graph[0]
	if r.Author.Type != "Organization" || r.Author.Name != "Example Checks" || r.Author.URL != "https://checks.example" {
		t.Errorf("author %+v", r.Author)
	}
	if r.URL != "https://checks.example/reviews/doc1#C1" {
		t.Errorf("url %q", r.URL)
	}
	a.Document.URL = ""
	if r := ClaimReviews(a, ClaimReviewOptions{}).Graph[0]; r.URL != "urn:parley:doc1:C1" {
		t.Errorf("url without an article URL %q", r.URL)
	}
}

// schemaType is what the test knows of a schema.org type: its parent and
// the properties it defines, each with the types its values may have
// (schema.org "expected types"; "Text", "URL", "Date" are data types). The
// definitions are those of schema.org (https://schema.org/ClaimReview,
// /Claim, /Quotation, /NewsArticle, /Rating, /Organization, /Person and
// the types they inherit from), restricted to the properties parley might
// use.
type schemaType struct {
	parent string
	props  map[string][]string
}

var schemaOrg = map[string]schemaType{
	"Thing": {"", map[string][]string{"name": {"Text"}, "url": {"URL"}, "alternateName": {"Text"},
		"description": {"Text"}}},
	"CreativeWork": {"Thing", map[string][]string{"author": {"Organization", "Person"}, "datePublished": {"Date"},
		"text": {"Text"}, "headline": {"Text"}, "isPartOf": {"CreativeWork", "URL"}, "publisher": {"Organization", "Person"}}},
	"Review":       {"CreativeWork", map[string][]string{"itemReviewed": {"Thing"}, "reviewRating": {"Rating"}, "reviewBody": {"Text"}}},
	"ClaimReview":  {"Review", map[string][]string{"claimReviewed": {"Text"}}},
	"Claim":        {"CreativeWork", map[string][]string{"appearance": {"CreativeWork"}, "firstAppearance": {"CreativeWork"}}},
	"Quotation":    {"CreativeWork", map[string][]string{"spokenByCharacter": {"Organization", "Person"}}},
	"Article":      {"CreativeWork", nil},
	"NewsArticle":  {"Article", nil},
	"Intangible":   {"Thing", nil},
	"Rating":       {"Intangible", map[string][]string{"ratingExplanation": {"Text"}, "ratingValue": {"Text"}}},
	"Organization": {"Thing", nil},
	"Person":       {"Thing", nil},
}

// required are the properties the ClaimReview guidelines need on each type.
var required = map[string][]string{
	"ClaimReview":  {"claimReviewed", "reviewRating", "url", "author", "itemReviewed"},
	"Rating":       {"alternateName"},
	"Claim":        {"appearance"},
	"Quotation":    {"text"},
	"Organization": {"name"},
	"Person":       {"name"},
}

func isA(typ, want string) bool {
	for ; typ != ""; typ = schemaOrg[typ].parent {
		if typ == want {
			return true
		}
	}
	return false
}

func propType(typ, prop string) ([]string, bool) {
	for ; typ != ""; typ = schemaOrg[typ].parent {
		if ts, ok := schemaOrg[typ].props[prop]; ok {
			return ts, true
		}
	}
	return nil, false
}

// validateNode checks a JSON-LD node against schemaOrg: a known @type,
// every property defined for it (or in parley's namespace), every value of
// an expected type, the required properties present.
func validateNode(path string, v map[string]any) []string {
	var errs []string
	typ, _ := v["@type"].(string)
	if _, ok := schemaOrg[typ]; !ok {
		return []string{fmt.Sprintf("%s: unknown @type %q", path, typ)}
	}
	for _, p := range required[typ] {
		if _, ok := v[p]; !ok {
			errs = append(errs, fmt.Sprintf("%s (%s): missing required %s", path, typ, p))
		}
	}
	for k, val := range v {
		if strings.HasPrefix(k, "@") || strings.HasPrefix(k, "parley:") {
			continue
		}
		want, ok := propType(typ, k)
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: %s is not a property of %s", path, k, typ))
			continue
		}
		vals, isList := val.([]any)
		if !isList {
			vals = []any{val}
		}
		for i, x := range vals {
			errs = append(errs, validateValue(fmt.Sprintf("%s.%s[%d]", path, k, i), x, want)...)
		}
	}
	return errs
}

func validateValue(path string, x any, want []string) []string {
	switch x := x.(type) {
	case map[string]any:
		typ, _ := x["@type"].(string)
		for _, w := range want {
			if isA(typ, w) {
				return validateNode(path, x)
			}
		}
		return []string{fmt.Sprintf("%s: a %s, want %v", path, typ, want)}
	case string:
		for _, w := range want {
			switch w {
			case "Text":
				return nil
			case "URL":
				if u, err := url.Parse(x); err == nil && u.Scheme != "" {
					return nil
				}
			case "Date":
				if len(x) == 10 && x[4] == '-' && x[7] == '-' {
					return nil
				}
			}
		}
		return []string{fmt.Sprintf("%s: %q is not a %v", path, x, want)}
	}
	return []string{fmt.Sprintf("%s: %v is not a %v", path, x, want)}
}

func TestClaimReviewJSONLDIsValidSchemaOrg(t *testing.T) {
	a := sample()
	a.Document.Title, a.Document.Outlet = "Talks", "Example News"
	for _, tc := range []struct {
		name string
		a    *parley.Doc
		o    ClaimReviewOptions
	}{{"default", a, ClaimReviewOptions{}}, {"configured", a, ClaimReviewOptions{Author: ThingLD{Name: "X"}, BaseURL: "https://x.example/"}},
		{"no article url", &parley.Doc{Document: parley.Document{ID: "d", Text: a.Text}, Entities: a.Entities, Claims: a.Claims}, ClaimReviewOptions{}}} {
		var b bytes.Buffer
		if err := WriteClaimReviews(&b, tc.a, tc.o); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("%s: not JSON: %v", tc.name, err)
		}
		ctx, _ := doc["@context"].([]any)
		if len(ctx) == 0 || ctx[0] != "https://schema.org" {
			t.Errorf("%s: @context %v", tc.name, doc["@context"])
		}
		graph, _ := doc["@graph"].([]any)
		if len(graph) != 1 {
			t.Fatalf("%s: @graph has %d nodes, want 1", tc.name, len(graph))
		}
		for i, n := range graph {
			node, _ := n.(map[string]any)
			if node["@type"] != "ClaimReview" {
				t.Errorf("%s: node %d is a %v", tc.name, i, node["@type"])
			}
			for _, e := range validateNode(fmt.Sprintf("@graph[%d]", i), node) {
				t.Errorf("%s: %s", tc.name, e)
			}
		}
	}
}

// TestValidatorCatchesErrors keeps the validator honest: a wrong property,
// a wrong value type and a missing required property are each reported.
func TestValidatorCatchesErrors(t *testing.T) {
	for _, bad := range []string{
		`{"@type":"ClaimReview","claimReviewed":"x","reviewRating":{"@type":"Rating","alternateName":"d"},"url":"https://a","author":{"@type":"Organization","name":"o"},"itemReviewed":{"@type":"Claim","appearance":[]},"spokenByCharacter":{"@type":"Person","name":"p"}}`,
		`{"@type":"ClaimReview","claimReviewed":"x","reviewRating":{"@type":"Rating","alternateName":"d"},"url":"not a url","author":{"@type":"Organization","name":"o"},"itemReviewed":{"@type":"Claim","appearance":[]}}`,
		`{"@type":"ClaimReview","claimReviewed":"x","reviewRating":{"@type":"Rating","alternateName":"d"},"url":"https://a","author":"parley","itemReviewed":{"@type":"Claim","appearance":[]}}`,
		`{"@type":"ClaimReview","claimReviewed":"x","url":"https://a","author":{"@type":"Organization","name":"o"},"itemReviewed":{"@type":"Claim","appearance":[]}}`,
	} {
		var v map[string]any
		if err := json.Unmarshal([]byte(bad), &v); err != nil {
			t.Fatal(err)
		}
		if errs := validateNode("bad", v); len(errs) == 0 {
			t.Errorf("validator accepted %s", bad)
		}
	}
}

func TestWriteClaimReviewsOfNoClaimsIsAnEmptyGraph(t *testing.T) {
	var b bytes.Buffer
	if err := WriteClaimReviews(&b, &parley.Doc{}, ClaimReviewOptions{}); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil || len(v["@graph"].([]any)) != 0 {
		t.Errorf("an analysis without claims should give an empty graph, got %s", b.String())
	}
}
