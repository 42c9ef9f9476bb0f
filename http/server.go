// Package http serves a parley.Store over HTTP: a JSON API under /api/
// (described by OpenAPI 3 at /openapi.json), Prometheus metrics at
// /metrics, a health check at /healthz, and the web UI (embedded assets, no
// CDN) at /.
//
// It is safe by default: read-only unless a write token is configured,
// bounded request sizes and times, CORS off unless an origin is allowed.
package http

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ingest/input"
)

//go:embed ui openapi.json
var assets embed.FS

// Options configure a Server. The zero value is a read-only server.
type Options struct {
	// Token enables writes (POST /api/articles) for requests that carry it
	// as "Authorization: Bearer TOKEN". Empty: the API is read-only.
	Token string
	// Extract analyses a posted article. Required for writes.
	Extract func(ctx context.Context, d parley.Document) (*parley.Doc, error)
	// CORSOrigin, if set, is the one origin allowed to call the API from a
	// browser ("*" for any).
	CORSOrigin string
	// Timeout bounds the handling of one request (default 10s).
	Timeout time.Duration
	// MaxBody bounds a request body (default 8 MiB).
	MaxBody int64
	// CacheBytes bounds the cache of GET answers (default 64 MiB; negative:
	// no cache). Only a store that implements parley.Versioned is cached.
	CacheBytes int64
	Logger     *slog.Logger
}

// Server is the HTTP handler of parley serve.
type Server struct {
	store   parley.Store
	opt     Options
	mux     *http.ServeMux
	metrics *metrics
	cache   *responseCache // nil: none
}

// NewServer returns a handler that serves store.
func NewServer(store parley.Store, opt Options) *Server {
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 8 << 20
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.CacheBytes == 0 {
		opt.CacheBytes = 64 << 20
	}
	s := &Server{store: store, opt: opt, mux: http.NewServeMux(), metrics: newMetrics()}
	if v, ok := store.(parley.Versioned); ok && opt.CacheBytes > 0 {
		s.cache = newResponseCache(v.Version, opt.CacheBytes)
	}
	for _, r := range s.routes() {
		var h http.Handler = r.handler
		if s.cache != nil && strings.HasPrefix(r.pattern, "GET /api/") {
			h = s.cache.wrap(h)
		}
		s.mux.Handle(r.pattern, s.instrument(r.pattern, h))
	}
	return s
}

type route struct {
	pattern string
	handler http.HandlerFunc
}

func (s *Server) routes() []route {
	ui, _ := fs.Sub(assets, "ui")
	static := http.FileServerFS(ui)
	return []route{
		{"GET /api/articles", s.listArticles},
		{"POST /api/articles", s.postArticle},
		{"GET /api/articles/{id}", s.getArticle},
		{"GET /api/entities", s.listEntities},
		{"GET /api/entities/{id}", s.getEntity},
		{"POST /api/entities/{id}/merge", s.mergeEntity},
		{"POST /api/merges/{id}/undo", s.undoMerge},
		{"GET /api/quotes", s.listQuotes},
		{"GET /api/events", s.listEvents},
		{"GET /api/claims", s.listClaims},
		{"GET /api/claims/{id}", s.getClaim},
		{"GET /api/search", s.search},
		{"GET /api/stats", s.stats},
		{"/api/", s.notFound},
		{"GET /openapi.json", s.openAPI},
		{"GET /metrics", s.serveMetrics},
		{"GET /healthz", s.healthz},
		{"/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
				return
			}
			// The UI loads nothing from elsewhere; say so to the browser.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'")
			static.ServeHTTP(w, r)
		}},
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if s.opt.CORSOrigin != "" {
		if origin := r.Header.Get("Origin"); origin != "" && (s.opt.CORSOrigin == "*" || origin == s.opt.CORSOrigin) {
			h.Set("Access-Control-Allow-Origin", s.opt.CORSOrigin)
			h.Set("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// apiError is the JSON body of every error response.
type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	msg := err.Error()
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, parley.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, parley.ErrInvalid):
		status = http.StatusBadRequest
		msg = strings.TrimPrefix(strings.ReplaceAll(msg, parley.ErrInvalid.Error()+"\n", ""), parley.ErrInvalid.Error()+": ")
	case errors.As(err, &tooBig):
		status = http.StatusRequestEntityTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		status = http.StatusServiceUnavailable
		msg = "the request took too long"
	case errors.Is(err, context.Canceled):
		status = 499 // the client went away; nobody reads this
	default:
		// Internal details (file paths, SQL) stay in the log.
		s.opt.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	writeJSON(w, status, apiError{msg})
}

func (s *Server) badRequest(w http.ResponseWriter, err error) {
	writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, apiError{fmt.Sprintf("no such endpoint: %s %s (see /openapi.json)", r.Method, r.URL.Path)})
}

// list is the JSON shape of a list endpoint: the items under the name of
// what they are ("quotes", "events", …) and the offset of the next page.
func list[T any](name string, p parley.Page[T]) map[string]any {
	out := map[string]any{name: p.Items}
	if p.Next > 0 {
		out["next_offset"] = p.Next
	}
	return out
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, quoteParams...)
	f := p.quoteFilter()
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	page, err := s.store.Quotes(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list("quotes", page))
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, eventParams...)
	f := p.eventFilter()
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	page, err := s.store.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list("events", page))
}

func (s *Server) listClaims(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, claimParams...)
	f := p.claimFilter()
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	page, err := s.store.Claims(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list("claims", page))
}

func (s *Server) getClaim(w http.ResponseWriter, r *http.Request) {
	c, err := s.store.Claim(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, entityParams...)
	f := p.entityFilter()
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	page, err := s.store.Entities(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list("entities", page))
}

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) {
	e, err := s.store.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, articleParams...)
	f := p.articleFilter()
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	page, err := s.store.Articles(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list("articles", page))
}

// getArticle serves the article in the JSON shape of parley extract (package
// export, with its text), plus the store's ids.
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	doc := map[string]json.RawMessage{}
	if err := json.Unmarshal(a.Analysis, &doc); err != nil {
		s.fail(w, r, fmt.Errorf("article %s: stored analysis: %w", a.ID, err))
		return
	}
	set := func(k string, v any) {
		b, _ := json.Marshal(v)
		doc[k] = b
	}
	set("text", a.Text)
	set("article_id", a.ID)
	set("content_hash", a.ContentHash)
	set("source", a.Source)
	set("entity_ids", a.EntityIDs)
	set("claim_ids", a.ClaimIDs)
	writeJSON(w, http.StatusOK, doc)
}

// authorized answers a write request that may not write, and reports
// whether it may.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.Token == "" {
		writeJSON(w, http.StatusForbidden, apiError{"this server is read-only: start parley serve with --token (or PARLEY_TOKEN) to allow writes"})
		return false
	}
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(auth), []byte(s.opt.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parley"`)
		writeJSON(w, http.StatusUnauthorized, apiError{"missing or wrong bearer token"})
		return false
	}
	return true
}

// mergeEntity folds the entity named in the body into the one in the path.
func (s *Server) mergeEntity(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	var in struct {
		Drop   string `json:"drop"`
		Reason string `json:"reason"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		s.badRequest(w, fmt.Errorf("body: want {\"drop\": ENTITY_ID, \"reason\": TEXT}: %v", err))
		return
	}
	id, err := s.store.MergeEntities(r.Context(), r.PathValue("id"), in.Drop, in.Reason)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"merge_id": id, "keep": r.PathValue("id"), "drop": in.Drop})
}

func (s *Server) undoMerge(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	if err := s.store.Unmerge(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"undone": r.PathValue("id")})
}

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	if s.opt.Extract == nil && s.opt.Token != "" {
		writeJSON(w, http.StatusForbidden, apiError{"this server cannot analyse articles"})
		return
	}
	if !s.authorized(w, r) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The same decoder, and so the same rules, as parley extract and
	// parley ingest (package input).
	var doc parley.Document
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json":
		rec, err := input.DecodeJSON(body)
		if err == nil {
			doc, err = rec.Document(r.Context())
		}
		if err != nil {
			s.badRequest(w, fmt.Errorf("body: %v", err))
			return
		}
	case "text/plain":
		txt, _, err := input.Text(body)
		if err != nil {
			s.badRequest(w, fmt.Errorf("body: %v", err))
			return
		}
		doc.Text = txt
	default:
		writeJSON(w, http.StatusUnsupportedMediaType, apiError{"send application/json ({\"text\": …}) or text/plain"})
		return
	}
	doc.Source = "api"
	if doc.ID == "" {
		doc.ID = doc.ContentHash()[:16]
	}
	a, err := s.opt.Extract(r.Context(), doc)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	stored, err := s.store.PutAnalysis(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if !stored {
		status = http.StatusOK
	}
	writeJSON(w, status, map[string]any{"article_id": a.Document.ContentHash()[:16], "stored": stored,
		"quotes": len(a.Quotes), "events": len(a.Events), "claims": len(a.Claims)})
}

// search looks for the words in article text, quote content and entity
// names at once.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.RawQuery, searchParams...)
	q := p.str("q")
	pr := p.page()
	if p.err == nil && q == "" {
		p.fail(errors.New("parameter \"q\" is required"))
	}
	if p.err != nil {
		s.badRequest(w, p.err)
		return
	}
	ctx := r.Context()
	articles, err := s.store.Articles(ctx, parley.ArticleFilter{Text: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	quotes, err := s.store.Quotes(ctx, parley.QuoteFilter{Text: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	entities, err := s.store.Entities(ctx, parley.EntityFilter{Name: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	claims, err := s.store.Claims(ctx, parley.ClaimFilter{Text: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": articles.Items, "quotes": quotes.Items,
		"entities": entities.Items, "claims": claims.Items})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"stats": st, "version": parley.Version, "writable": s.opt.Token != "" && s.opt.Extract != nil})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	st, err := s.store.Stats(ctx)
	if err != nil {
		s.opt.Logger.Error("health check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "the store does not answer"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": st.Articles, "version": parley.Version})
}
