package http

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/parley-news/parley"
)

// TestArticleJSONAddsTheStoreFields: the article's answer is the stored
// analysis with the store's fields, as if the two had been decoded and
// encoded together; an analysis that is not an object, or already has one
// of those fields, is refused.
func TestArticleJSONAddsTheStoreFields(t *testing.T) {
	a := &parley.StoredArticle{ArticleRecord: parley.ArticleRecord{ID: "0123456789abcdef", ContentHash: "0123456789abcdef00", Source: "api"},
		Text: "Text with <b>, & and \\u2028 in it.", EntityIDs: map[string]string{"E1": "e7"}, ClaimIDs: map[string]string{}}
	for _, tc := range []struct {
		analysis string
		ok       bool
	}{
		{`{"id":"x","entities":[{"id":"E1","mentions":[{"text":"Ann"}]}],"quotes":[]}`, true},
		{" {\n\"id\": \"x\"}\n", true},
		{`{}`, true},
		{` { } `, true},
		{`{"id":"x","text":"again"}`, false},
		{`{"source":"x"}`, false},
		{`[]`, false},
		{`{"id":"x"} {}`, false},
		{``, false},
	} {
		a.Analysis = json.RawMessage(tc.analysis)
		got, err := articleJSON(a)
		if (err == nil) != tc.ok {
			t.Errorf("articleJSON(%q): error %v; want ok %v", tc.analysis, err, tc.ok)
			continue
		}
		if err != nil {
			continue
		}
		var have, want map[string]any
		if err := json.Unmarshal(got, &have); err != nil {
			t.Errorf("articleJSON(%q) = %s: not JSON: %v", tc.analysis, got, err)
			continue
		}
		json.Unmarshal([]byte(tc.analysis), &want)
		want["text"], want["article_id"], want["content_hash"], want["source"] = a.Text, a.ID, a.ContentHash, a.Source
		want["entity_ids"], want["claim_ids"] = map[string]any{"E1": "e7"}, map[string]any{}
		if !reflect.DeepEqual(have, want) {
			t.Errorf("articleJSON(%q) = %s; want %v", tc.analysis, got, want)
		}
	}
}
