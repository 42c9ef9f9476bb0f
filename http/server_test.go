package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parley-news/parley"
	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/sqlite"
	"github.com/parley-news/parley/storetest"
)

// newStore returns a store holding the storetest corpus.
func newStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutAnalyses(context.Background(), storetest.Corpus()); err != nil {
		t.Fatal(err)
	}
	return s
}

func newServer(t testing.TB, opt parleyhttp.Options) (*httptest.Server, *sqlite.Store) {
	s := newStore(t)
	srv := httptest.NewServer(parleyhttp.NewServer(s, opt))
	t.Cleanup(srv.Close)
	return srv, s
}

func get(t *testing.T, srv *httptest.Server, path string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET %s: body is not a JSON object: %v", path, err)
	}
	return resp.StatusCode, body
}

func TestQuotesBySpeakerGivesNameContentAndArticle(t *testing.T) {
	srv, _ := newServer(t, parleyhttp.Options{})
	code, body := get(t, srv, "/api/quotes?speaker=Lavrov")
	if code != 200 {
		t.Fatalf("status %d: %v", code, body)
	}
	quotes, ok := body["quotes"].([]any)
	if !ok || len(quotes) != 2 {
		t.Fatalf("quotes = %v; want a list of 2", body["quotes"])
	}
	for _, q := range quotes {
		m := q.(map[string]any)
		if !strings.Contains(m["speaker_name"].(string), "Lavrov") || m["content"] == "" || m["article_id"] == "" {
			t.Errorf("quote %v lacks speaker_name, content or article_id", m)
		}
	}
}

func TestEndpoints(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	p, _ := s.Articles(context.Background(), parley.ArticleFilter{Text: "Geneva"})
	geneva := p.Items[0].ID
	c, _ := s.Claims(context.Background(), parley.ClaimFilter{Status: "disputed"})
	claim := c.Items[0].ID
	e, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "Peskov"})
	peskov := e.Items[0].ID
	tests := []struct {
		path string
		code int
		want string // a substring of the body
	}{
		{"/api/quotes?speaker=Lavrov&since=2025-03-04", 200, "within weeks"},
		{"/api/quotes?q=unacceptable", 200, "Mao Ning"},
		{"/api/quotes?outlet=Reuters", 200, "summit"},
		{"/api/quotes?limit=1", 200, `"next_offset":1`},
		{"/api/quotes?limit=99999999999999999999", 200, `"quotes"`},
		{"/api/events?actor=Lavrov&actor=Rubio&plover=CONSULT", 200, "met in Geneva"},
		{"/api/events?place=CN", 200, "REJECT"},
		{"/api/claims?status=disputed", 200, "Dmitry Peskov"},
		{"/api/claims/" + claim, 200, "sources familiar with the talks"},
		{"/api/entities?name=lavrov", 200, `"quotes":2`},
		{"/api/entities/" + peskov, 200, "Kremlin spokesman"},
		{"/api/articles", 200, "Bridge repairs divide Springfield"},
		{"/api/articles?q=summit", 200, "Kremlin plays down"},
		{"/api/articles/" + geneva, 200, `"speaker_name":"Sergey Lavrov"`},
		{"/api/search?q=Peskov", 200, `"entities":[{`},
		{"/api/stats", 200, `"articles":4`},
		{"/healthz", 200, `"status":"ok"`},
		// errors
		{"/api/quotes?speker=Lavrov", 400, `unknown parameter \"speker\"`},
		{"/api/quotes?limit=ten", 400, "not a whole number"},
		{"/api/quotes?limit=0", 400, "at least 1"},
		{"/api/quotes?limit=-5", 400, "limit"},
		{"/api/quotes?offset=-1", 400, "offset"},
		{"/api/quotes?offset=100000000", 400, "out of range"},
		{"/api/quotes?since=last+week", 400, "want YYYY-MM-DD"},
		{"/api/quotes?since=2025-03-05&until=2025-03-01", 400, "not before"},
		{"/api/quotes?speaker=a&speaker=b", 400, "given 2 times"},
		{"/api/quotes?speaker=%ff%fe", 400, "not valid UTF-8"},
		{"/api/quotes?speaker=" + strings.Repeat("x", 2000), 400, "longer than"},
		{"/api/quotes?q=%", 400, "malformed query string"},
		{"/api/quotes?speaker_id=42", 400, "malformed id"},
		{"/api/events?actor=a&actor=b&actor=c", 400, "at most 2"},
		{"/api/claims?status=maybe", 400, "not one of"},
		{"/api/claims/c99999", 404, "not found"},
		{"/api/claims/zzz", 400, "malformed id"},
		{"/api/entities?type=ANIMAL", 400, "not one of"},
		{"/api/entities/e999999", 404, "not found"},
		{"/api/articles/ffffffffffffffff", 404, "not found"},
		{"/api/search", 400, "required"},
		{"/api/nothing", 404, "no such endpoint"},
		// injection attempts are only data
		{"/api/quotes?speaker=" + url.QueryEscape("x' OR '1'='1"), 200, `"quotes":[]`},
		{"/api/quotes?q=" + url.QueryEscape(`") OR 1=1; --`), 200, `"quotes":[]`},
		{"/api/claims?q=" + url.QueryEscape("%' OR 1=1 --"), 200, `"claims":[]`},
	}
	for _, tc := range tests {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.code || !strings.Contains(string(b), tc.want) {
			t.Errorf("GET %s = %d %s; want %d with %q", clipS(tc.path), resp.StatusCode, clipS(string(b)), tc.code, tc.want)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q", clipS(tc.path), ct)
		}
	}
}

func clipS(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func TestArticleIsTheExtractShapeWithText(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	p, _ := s.Articles(context.Background(), parley.ArticleFilter{Text: "Geneva"})
	_, body := get(t, srv, "/api/articles/"+p.Items[0].ID)
	for _, k := range []string{"id", "text", "entities", "quotes", "events", "claims", "parley_version", "entity_ids", "claim_ids", "article_id"} {
		if _, ok := body[k]; !ok {
			t.Errorf("article lacks %q", k)
		}
	}
	if body["text"] != storetest.TextGeneva {
		t.Errorf("text = %v", body["text"])
	}
}

func TestOpenAPIDescribesEveryRouteAndParameter(t *testing.T) {
	srv, _ := newServer(t, parleyhttp.Options{})
	resp, err := http.Get(srv.URL + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct{ Name, In string }
			Responses  map[string]any
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q; want 3.x", doc.OpenAPI)
	}
	want := map[string][]string{
		"GET /api/quotes":        {"speaker", "speaker_id", "outlet", "article", "since", "until", "q", "limit", "offset"},
		"GET /api/events":        {"actor", "plover", "place", "article", "since", "until", "limit", "offset"},
		"GET /api/claims":        {"status", "q", "entity", "article", "limit", "offset"},
		"GET /api/claims/{id}":   {"id"},
		"GET /api/entities":      {"name", "type", "limit", "offset"},
		"GET /api/entities/{id}": {"id"},
		"GET /api/articles":      {"outlet", "since", "until", "q", "limit", "offset"},
		"POST /api/articles":     {"Prefer"},
		"GET /api/articles/{id}": {"id"},
		"GET /api/jobs/{id}":     {"id"},
		"GET /api/search":        {"q", "limit", "offset"},
		"GET /api/stats":         nil,
		"GET /openapi.json":      nil,
		"GET /metrics":           nil,
		"GET /healthz":           nil,
	}
	for route, params := range want {
		method, path, _ := strings.Cut(route, " ")
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("openapi.json lacks %s", route)
			continue
		}
		var got []string
		for _, p := range op.Parameters {
			got = append(got, p.Name)
		}
		slices.Sort(got)
		slices.Sort(params)
		if !slices.Equal(got, params) {
			t.Errorf("%s parameters = %v; want %v", route, got, params)
		}
		if len(op.Responses) == 0 {
			t.Errorf("%s has no responses", route)
		}
	}
}

func TestReadOnlyByDefaultAndWritesNeedTheToken(t *testing.T) {
	extract := func(_ context.Context, d parley.Document) (*parley.Doc, error) {
		return parley.NewDoc(d), nil
	}
	post := func(srv *httptest.Server, token, ctype, body string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	ro, _ := newServer(t, parleyhttp.Options{Extract: extract})
	if code, body := post(ro, "", "application/json", `{"text":"x"}`); code != 403 || !strings.Contains(body, "read-only") {
		t.Errorf("POST on a read-only server = %d %s; want 403", code, body)
	}
	const token = "0123456789abcdef-secret"
	rw, s := newServer(t, parleyhttp.Options{Token: token, Extract: extract, MaxBody: 1 << 10})
	tests := []struct {
		token, ctype, body string
		code               int
		want               string
	}{
		{"", "application/json", `{"text":"x"}`, 401, "token"},
		{"wrong-token-wrong-token", "application/json", `{"text":"x"}`, 401, "token"},
		{token, "application/json", `{"text":"A new article.","title":"New","published":"2025-04-01"}`, 201, `"stored":true`},
		{token, "application/json", `{"text":"A new article.","title":"New"}`, 200, `"stored":false`},
		{token, "text/plain", "Another article, as plain text.", 201, `"article_id"`},
		{token, "text/plain", "A caf\xe9 article in a legacy encoding.", 201, `"warnings":["not UTF-8: read as Windows-1252"]`},
		{token, "application/json", `{"text":"   "}`, 400, "no text"},
		{token, "application/json", `{"txt":"typo"}`, 400, "unknown field"},
		{token, "application/json", `{"text":"x","published":"soon"}`, 400, "published"},
		{token, "application/json", `{"text":` + strings.Repeat(" ", 2000) + `"x"}`, 413, "too large"},
		{token, "application/xml", `<a/>`, 415, "application/json"},
	}
	for _, tc := range tests {
		code, body := post(rw, tc.token, tc.ctype, tc.body)
		if code != tc.code || !strings.Contains(body, tc.want) {
			t.Errorf("POST %q (%s) = %d %s; want %d with %q", clipS(tc.body), tc.ctype, code, body, tc.code, tc.want)
		}
	}
	st, _ := s.Stats(context.Background())
	if st.Articles != 7 {
		t.Errorf("%d articles after posts; want 7", st.Articles)
	}
}

func TestCORSIsOffUnlessAnOriginIsAllowed(t *testing.T) {
	origin := func(srv *httptest.Server) string {
		req, _ := http.NewRequest("GET", srv.URL+"/api/stats", nil)
		req.Header.Set("Origin", "https://example.org")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Header.Get("Access-Control-Allow-Origin")
	}
	off, _ := newServer(t, parleyhttp.Options{})
	if got := origin(off); got != "" {
		t.Errorf("default server allows origin %q", got)
	}
	on, _ := newServer(t, parleyhttp.Options{CORSOrigin: "https://example.org"})
	if got := origin(on); got != "https://example.org" {
		t.Errorf("server with --cors-origin allows %q", got)
	}
	other, _ := newServer(t, parleyhttp.Options{CORSOrigin: "https://another.example"})
	if got := origin(other); got != "" {
		t.Errorf("server allowing another origin answered %q", got)
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	srv, _ := newServer(t, parleyhttp.Options{})
	for range 3 {
		get(t, srv, "/api/quotes?speaker=Lavrov")
	}
	get(t, srv, "/api/quotes?bad=1")
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`parley_http_requests_total{route="GET /api/quotes",code="200"} 3`,
		`parley_http_requests_total{route="GET /api/quotes",code="400"} 1`,
		`parley_http_request_duration_seconds_count{route="GET /api/quotes"} 4`,
		`parley_http_request_duration_seconds_bucket{route="GET /api/quotes",le="+Inf"} 4`,
		`parley_store_records{kind="quotes"} 9`,
		"# TYPE parley_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %q:\n%s", want, b)
		}
	}
}

func TestHealthzFailsWhenTheStoreDoesNot(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	s.Close()
	code, body := get(t, srv, "/healthz")
	if code != 503 || body["status"] != "unavailable" {
		t.Errorf("healthz with a closed store = %d %v; want 503", code, body)
	}
	code, body = get(t, srv, "/api/quotes")
	if code != 500 || body["error"] != "internal error" {
		t.Errorf("query with a closed store = %d %v; want 500 without internals", code, body)
	}
}

func TestUIAssetsAreEmbeddedAndLoadNothingFromElsewhere(t *testing.T) {
	srv, _ := newServer(t, parleyhttp.Options{})
	for _, path := range []string{"/", "/core.js", "/article.js", "/people.js", "/app.js", "/style.css"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(b) < 100 {
			t.Errorf("GET %s = %d, %d bytes", path, resp.StatusCode, len(b))
		}
		if strings.Contains(string(b), "http://") || strings.Contains(string(b), "https://") {
			t.Errorf("%s refers to another site", path)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
	}
}

func TestConcurrentReadsDuringWrites(t *testing.T) {
	srv, s := newServer(t, parleyhttp.Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 40 {
			a := storetest.NewAnalysis(fmt.Sprint("c", i), "t", "X", "2025-01-01", fmt.Sprintf("Item %d. %s", i, storetest.TextSmiths)).Analysis()
			if _, err := s.PutAnalysis(context.Background(), a); err != nil {
				errs <- err
			}
		}
	}()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				resp, err := http.Get(srv.URL + "/api/quotes?speaker=Lavrov")
				if err != nil {
					errs <- err
					continue
				}
				if resp.StatusCode != 200 {
					errs <- fmt.Errorf("status %d", resp.StatusCode)
				}
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestMergeAndUndoOverTheAPI(t *testing.T) {
	const token = "0123456789abcdef-secret"
	srv, s := newServer(t, parleyhttp.Options{Token: token})
	jane, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "Jane Smith"})
	john, _ := s.Entities(context.Background(), parley.EntityFilter{Name: "John Smith"})
	post := func(path, tok, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	mergePath := "/api/entities/" + jane.Items[0].ID + "/merge"
	if code, _ := post(mergePath, "", `{"drop":"`+john.Items[0].ID+`","reason":"x"}`); code != 401 {
		t.Errorf("merge without token = %d; want 401", code)
	}
	if code, body := post(mergePath, token, `{"drop":"e999999","reason":"x"}`); code != 404 {
		t.Errorf("merge of a missing entity = %d %v; want 404", code, body)
	}
	if code, body := post(mergePath, token, `{"drop":"`+john.Items[0].ID+`"}`); code != 400 {
		t.Errorf("merge without a reason = %d %v; want 400", code, body)
	}
	code, body := post(mergePath, token, `{"drop":"`+john.Items[0].ID+`","reason":"same household"}`)
	if code != 201 {
		t.Fatalf("merge = %d %v", code, body)
	}
	_, got := get(t, srv, "/api/quotes?speaker_id="+jane.Items[0].ID)
	if n := len(got["quotes"].([]any)); n != 2 {
		t.Errorf("after merge, %d quotes for the kept entity; want 2", n)
	}
	undo := "/api/merges/" + body["merge_id"].(string) + "/undo"
	if code, body := post(undo, token, ""); code != 200 {
		t.Fatalf("undo = %d %v", code, body)
	}
	if code, _ := post(undo, token, ""); code != 400 {
		t.Errorf("second undo = %d; want 400", code)
	}
	_, got = get(t, srv, "/api/quotes?speaker_id="+jane.Items[0].ID)
	if n := len(got["quotes"].([]any)); n != 1 {
		t.Errorf("after undo, %d quotes for the kept entity; want 1", n)
	}
	ro, _ := newServer(t, parleyhttp.Options{})
	req, _ := http.NewRequest("POST", ro.URL+mergePath, strings.NewReader(`{}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("merge on a read-only server = %d; want 403", resp.StatusCode)
	}
}
