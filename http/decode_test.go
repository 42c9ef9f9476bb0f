package http

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strings"
	"testing"
)

// FuzzDecodePost: any body and content type is either refused with a client
// error or gives a document with text and an id; a JSON body that is
// accepted is exactly one JSON value.
func FuzzDecodePost(f *testing.F) {
	for _, seed := range []struct{ body, ctype string }{
		{`{"text":"A story."}`, "application/json"},
		{`{"id":"x-1","text":"A story.","title":"T","published":"2025-03-01","outlet":"O"}`, "application/json; charset=utf-8"},
		{`{"text":"A story."} and more`, "application/json"},
		{`{"text":"A story."}{"text":"B"}`, "application/json"},
		{`{"text":"A story.","published":"soon"}`, "application/json"},
		{`{"txt":"typo"}`, "application/json"},
		{"{\"text\":\"A story.\"}\n\t ", "application/json"},
		{"A story as plain text.", "text/plain"},
		{"   ", "text/plain"},
		{"<a/>", "application/xml"},
		{"", ""},
	} {
		f.Add([]byte(seed.body), seed.ctype)
	}
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		doc, status, err := decodePost(context.Background(), body, ctype)
		if err != nil {
			if status != http.StatusBadRequest && status != http.StatusUnsupportedMediaType {
				t.Fatalf("decodePost(%q, %q) refused with status %d: %v", body, ctype, status, err)
			}
			return
		}
		if strings.TrimSpace(doc.Text) == "" || doc.ID == "" {
			t.Fatalf("decodePost(%q, %q) = %+v: a document without text or id", body, ctype, doc)
		}
		if mt, _, _ := mime.ParseMediaType(ctype); mt == "application/json" && !json.Valid(body) {
			t.Fatalf("decodePost accepted %q, which is not one JSON value", body)
		}
	})
}
