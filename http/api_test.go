package http_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/storetest"
)

// do sends a request and returns the status, the headers and the body.
func do(t *testing.T, method, url, ctype, body string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// Redirects are answers to look at, not to follow.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// isJSONError reports whether body is {"error": "…"} with a message.
func isJSONError(body string) bool {
	var e struct{ Error string }
	return json.Unmarshal([]byte(body), &e) == nil && e.Error != ""
}

func TestWrongMethodsGet405WithAllow(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	e, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "Peskov"})
	tests := []struct {
		method, path string
		code         int
		allow        string
	}{
		{"PUT", "/api/quotes", 405, "GET, HEAD"},
		{"DELETE", "/api/articles", 405, "GET, HEAD, POST"},
		{"POST", "/api/articles/geneva", 405, "GET, HEAD"},
		{"GET", "/api/entities/" + e.Items[0].ID + "/merge", 405, "POST"},
		{"PATCH", "/api/merges/m1/undo", 405, "POST"},
		{"POST", "/api/jobs/j1", 405, "GET, HEAD"},
		{"POST", "/healthz", 405, "GET, HEAD"},
		{"DELETE", "/openapi.json", 405, "GET, HEAD"},
		{"POST", "/", 405, "GET, HEAD"},
		{"PUT", "/app.js", 405, "GET, HEAD"},
		{"OPTIONS", "/api/quotes", 204, "GET, HEAD"},
		{"DELETE", "/api/nothing", 404, ""},
		{"GET", "/no-such-page.png", 404, ""},
	}
	for _, tc := range tests {
		code, h, body := do(t, tc.method, srv.URL+tc.path, "", "")
		if code != tc.code || h.Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d, Allow %q; want %d, Allow %q", tc.method, tc.path, code, h.Get("Allow"), tc.code, tc.allow)
		}
		if code != 204 && (!isJSONError(body) || !strings.HasPrefix(h.Get("Content-Type"), "application/json")) {
			t.Errorf("%s %s: the error is not JSON with a message: %s %q", tc.method, tc.path, h.Get("Content-Type"), body)
		}
	}
}

func TestJSONBodiesWithTrailingDataAreRefused(t *testing.T) {
	const token = "0123456789abcdef-secret"
	extract := func(_ context.Context, d parley.Document) (*parley.Doc, error) {
		return parley.NewDoc(d), nil
	}
	srv, s := newServer(t, parleyhttp.Options{Token: token, Extract: extract})
	jane, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "Jane Smith"})
	john, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "John Smith"})
	merge := "/api/entities/" + jane.Items[0].ID + "/merge"
	auth := []string{"Authorization", "Bearer " + token}
	tests := []struct {
		path, body string
		code       int
		want       string
	}{
		{"/api/articles", `{"text":"A story."} and more`, 400, "after top-level value (at byte 21)"},
		{"/api/articles", `{"text":"A story."}{"text":"Another."}`, 400, "after top-level value (at byte 20)"},
		{"/api/articles", `{"text":"A story."`, 400, "body"},
		{"/api/articles", "{\"text\":\"A story, stored.\"}\n\t ", 201, `"stored":true`},
		{merge, `{"drop":"` + john.Items[0].ID + `","reason":"x"} garbage`, 400, "unexpected data after the JSON value"},
		{merge, `{"drop":"` + john.Items[0].ID + `","reason":"x"}[]`, 400, "unexpected data after the JSON value"},
	}
	for _, tc := range tests {
		code, _, body := do(t, "POST", srv.URL+tc.path, "application/json", tc.body, auth...)
		if code != tc.code || !strings.Contains(body, tc.want) {
			t.Errorf("POST %s %q = %d %s; want %d with %q", tc.path, tc.body, code, body, tc.code, tc.want)
		}
	}
	if q, _ := s.Quotes(context.Background(), parley.QuoteFilter{SpeakerID: jane.Items[0].ID}); len(q.Items) != 1 {
		t.Errorf("a refused merge body merged: Jane Smith has %d quotes", len(q.Items))
	}
}

func TestArticlesByTheIDTheyWereGiven(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	p, _ := s.Articles(context.Background(), parley.ArticleFilter{Text: "Geneva"})
	byHash := p.Items[0].ID
	for _, id := range []string{"geneva", byHash} {
		code, body := get(t, srv, "/api/articles/"+id)
		if code != 200 || body["article_id"] != byHash || body["id"] != "geneva" {
			t.Errorf("GET /api/articles/%s = %d, article_id %v, id %v; want the Geneva article", id, code, body["article_id"], body["id"])
		}
	}
	if code, body := get(t, srv, "/api/quotes?article=geneva"); code != 200 || len(body["quotes"].([]any)) != 3 {
		t.Errorf("GET /api/quotes?article=geneva = %d %v; want its 3 quotes", code, body)
	}
	if code, _ := get(t, srv, "/api/articles/no-such-story"); code != 404 {
		t.Errorf("GET an unknown id = %d; want 404", code)
	}
}

// slowExtract pretends to analyse for d, or until ctx ends.
func slowExtract(d time.Duration) func(context.Context, parley.Document) (*parley.Doc, error) {
	return func(ctx context.Context, doc parley.Document) (*parley.Doc, error) {
		select {
		case <-time.After(d):
			return &parley.Doc{Document: doc}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// waitForJob polls a job's status URL until it is no longer queued or
// running, and returns the last answer.
func waitForJob(t *testing.T, url string) (int, http.Header, map[string]any) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, h, body := do(t, "GET", url, "", "")
		var j map[string]any
		if err := json.Unmarshal([]byte(body), &j); err != nil {
			t.Fatalf("GET %s: %v: %s", url, err, body)
		}
		if st := j["status"]; (st != "queued" && st != "running") || time.Now().After(deadline) {
			return code, h, j
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestLargePostsAreAnalysedInTheBackground(t *testing.T) {
	const token = "0123456789abcdef-secret"
	// The request time limit is shorter than an analysis: a large post
	// must not be cut off by it.
	opt := parleyhttp.Options{Token: token, Extract: slowExtract(300 * time.Millisecond), Timeout: 100 * time.Millisecond, AsyncAbove: 1 << 10}
	srv, _ := newServer(t, opt)
	auth := []string{"Authorization", "Bearer " + token}
	large := strings.Repeat("A long story, told at length. ", 100)
	code, h, body := do(t, "POST", srv.URL+"/api/articles", "text/plain", large, auth...)
	if code != 202 || !strings.HasPrefix(h.Get("Location"), "/api/jobs/j") || !strings.Contains(body, `"status":"queued"`) {
		t.Fatalf("POST of %d bytes = %d, Location %q, %s; want 202 and a status URL", len(large), code, h.Get("Location"), body)
	}
	code, h, j := waitForJob(t, srv.URL+h.Get("Location"))
	if code != 303 || j["status"] != "done" {
		t.Fatalf("the job ended %d %v; want 303 and done", code, j)
	}
	art := h.Get("Location")
	if code, _, body := do(t, "GET", srv.URL+art, "", ""); code != 200 || !strings.Contains(body, "told at length") {
		t.Errorf("GET %s (where the job points) = %d %.100s; want the article", art, code, body)
	}
	// A small post waits for its answer, within the request's time.
	if code, _, body := do(t, "POST", srv.URL+"/api/articles", "text/plain", "A short story.", auth...); code != 503 {
		t.Errorf("a small post slower than the request time limit = %d %s; want 503", code, body)
	}
	// Unless it asks to be answered at once.
	code, h, _ = do(t, "POST", srv.URL+"/api/articles", "text/plain", "A short story.", append(auth, "Prefer", "respond-async")...)
	if code != 202 {
		t.Fatalf("a small post with Prefer: respond-async = %d; want 202", code)
	}
	if code, _, j := waitForJob(t, srv.URL+h.Get("Location")); code != 303 {
		t.Errorf("its job ended %d %v; want 303", code, j)
	}
	if code, _, body := do(t, "GET", srv.URL+"/api/jobs/jnothing", "", ""); code != 404 || !isJSONError(body) {
		t.Errorf("an unknown job = %d %s; want a JSON 404", code, body)
	}
}

func TestBackgroundAnalysesAreBoundedAndTimed(t *testing.T) {
	const token = "0123456789abcdef-secret"
	release := make(chan struct{})
	blocked := func(ctx context.Context, d parley.Document) (*parley.Doc, error) {
		select {
		case <-release:
			return nil, errors.New("the extractor gave up")
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	s := newStore(t)
	h := parleyhttp.NewServer(s, parleyhttp.Options{Token: token, Extract: blocked, MaxJobs: 2, AsyncAbove: 1 << 10, JobTimeout: 200 * time.Millisecond})
	srv := httptest.NewServer(h)
	defer srv.Close()
	defer h.Close()
	auth := []string{"Authorization", "Bearer " + token}
	large := strings.Repeat("x ", 1000)
	var status []string
	for range 3 {
		code, h, _ := do(t, "POST", srv.URL+"/api/articles", "text/plain", large, auth...)
		status = append(status, h.Get("Location"))
		if len(status) <= 2 && code != 202 {
			t.Errorf("post %d = %d; want 202", len(status), code)
		}
		if len(status) == 3 && (code != 503 || h.Get("Retry-After") == "") {
			t.Errorf("a third post while two wait = %d, Retry-After %q; want 503 with Retry-After", code, h.Get("Retry-After"))
		}
	}
	// The first runs out of its budget; the second fails.
	if _, _, j := waitForJob(t, srv.URL+status[0]); j["status"] != "failed" || !strings.Contains(j["error"].(string), "budget") {
		t.Errorf("a job past its budget = %v; want failed, saying so", j)
	}
	close(release)
	if _, _, j := waitForJob(t, srv.URL+status[1]); j["status"] != "failed" || j["error"] == "" {
		t.Errorf("a job whose extraction failed = %v; want failed with a message", j)
	}
	// Now there is room again.
	if code, _, _ := do(t, "POST", srv.URL+"/api/articles", "text/plain", large, auth...); code != 202 {
		t.Errorf("a post after the queue emptied = %d; want 202", code)
	}
}

// TestLargePostWithThePipeline posts an article over the background
// threshold to a server with the real pipeline, and reads the article its
// job points to. (The threshold is lowered to keep the test short.)
func TestLargePostWithThePipeline(t *testing.T) {
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	const token = "0123456789abcdef-secret"
	srv, _ := newServer(t, parleyhttp.Options{Token: token, Extract: p.Extract, AsyncAbove: 256 << 10})
	var b strings.Builder
	for i := 0; b.Len() < 300<<10; i++ {
		fmt.Fprintf(&b, "Part %d.\n\n%s\n\n%s\n\n", i, storetest.TextGeneva, storetest.TextKremlin)
	}
	code, h, body := do(t, "POST", srv.URL+"/api/articles", "text/plain", b.String(), "Authorization", "Bearer "+token)
	if code != 202 {
		t.Fatalf("POST of %d bytes = %d %s; want 202", b.Len(), code, body)
	}
	code, h, j := waitForJob(t, srv.URL+h.Get("Location"))
	if code != 303 {
		t.Fatalf("the job ended %d %v; want 303 to the article", code, j)
	}
	code, _, art := do(t, "GET", srv.URL+h.Get("Location"), "", "")
	if code != 200 {
		t.Fatalf("GET %s = %d %.200s", h.Get("Location"), code, art)
	}
	var doc struct {
		Text   string
		Quotes []json.RawMessage
	}
	if err := json.Unmarshal([]byte(art), &doc); err != nil || doc.Text != b.String() || len(doc.Quotes) < 100 {
		t.Errorf("the article = %d bytes of text, %d quotes, %v; want the posted text with its quotes", len(doc.Text), len(doc.Quotes), err)
	}
	t.Logf("%d bytes analysed in the background: %v", b.Len(), j["result"])
}

func TestSearchSeparatesQuotesByAPersonFromQuotesMentioningThem(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	a := storetest.NewAnalysis("mention", "Rubio on Lavrov", "Example Wire", "2025-03-06",
		"Marco Rubio said Lavrov was ready to talk. Sergey Lavrov said Lavrov keeps his word.").
		Person("E1", "Marco Rubio", nil, nil, "", "").
		Person("E2", "Sergey Lavrov", []string{"Lavrov"}, nil, "", "").
		Quote(storetest.Quote{ID: "Q1", Type: "indirect", Content: "Lavrov was ready to talk", Speaker: "E1", SpeakerForm: "Marco Rubio", Cue: "said"}).
		Quote(storetest.Quote{ID: "Q2", Type: "indirect", Content: "Lavrov keeps his word", Speaker: "E2", SpeakerForm: "Sergey Lavrov", Cue: "said"}).
		Analysis()
	if _, err := s.PutAnalysis(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, srv, "/api/search?q=Lavrov")
	speakers := func(key string) []string {
		var out []string
		for _, q := range body[key].([]any) {
			out = append(out, q.(map[string]any)["speaker_name"].(string)+": "+q.(map[string]any)["content"].(string))
		}
		return out
	}
	by, mentioning := speakers("quotes_by"), speakers("quotes_mentioning")
	if len(by) != 3 || !strings.Contains(strings.Join(by, "|"), "keeps his word") {
		t.Errorf("quotes by Lavrov = %q; want his three, the one naming himself included", by)
	}
	if len(mentioning) != 1 || !strings.HasPrefix(mentioning[0], "Marco Rubio: Lavrov was ready") {
		t.Errorf("quotes mentioning Lavrov = %q; want Rubio's only", mentioning)
	}
}
