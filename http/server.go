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
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/parley-news/parley"
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
	// AsyncAbove is the body size above which a posted article is analysed
	// in the background (default 1 MiB; see jobs.go).
	AsyncAbove int64
	// JobTimeout is the time a background analysis may take per MiB of
	// its body, and at least (default 30s).
	JobTimeout time.Duration
	// MaxJobs bounds the background analyses waiting or running (default 4).
	MaxJobs int
	// CacheBytes bounds the cache of GET answers (default 64 MiB; negative:
	// no cache). Only a store that implements parley.Versioned is cached.
	CacheBytes int64
	// MaxStale is how long, at most, an answer may still be served after
	// the store changed by a write that did not come through this server
	// (another process's), while it is computed again in the background
	// (default 5s; negative: never). Writes through this server are read at
	// once.
	MaxStale time.Duration
	Logger   *slog.Logger
}

// Server is the HTTP handler of parley serve.
type Server struct {
	store   parley.Store
	opt     Options
	mux     *http.ServeMux
	metrics *metrics
	cache   *responseCache // nil: none
	jobs    *jobQueue
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
	if opt.MaxStale == 0 {
		opt.MaxStale = 5 * time.Second
	}
	if opt.AsyncAbove <= 0 {
		opt.AsyncAbove = 1 << 20
	}
	if opt.JobTimeout <= 0 {
		opt.JobTimeout = 30 * time.Second
	}
	if opt.MaxJobs <= 0 {
		opt.MaxJobs = 4
	}
	s := &Server{store: store, opt: opt, mux: http.NewServeMux(), metrics: newMetrics(), jobs: newJobQueue(opt.MaxJobs)}
	if v, ok := store.(parley.Versioned); ok && opt.CacheBytes > 0 {
		s.cache = newResponseCache(v.Version, opt.CacheBytes, opt.MaxStale, opt.Timeout)
	}
	for _, r := range s.routes() {
		var h http.Handler = r.handler
		// A job's status changes without the store's.
		if s.cache != nil && strings.HasPrefix(r.pattern, "GET /api/") && r.pattern != "GET /api/jobs/{id}" {
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
		{"GET /api/jobs/{id}", s.getJob},
		{"/api/", s.noRoute},
		{"GET /openapi.json", s.openAPI},
		{"GET /metrics", s.serveMetrics},
		{"GET /healthz", s.healthz},
		{"/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				allow := s.allowed(r)
				if len(allow) == 0 {
					allow = []string{http.MethodGet, http.MethodHead} // the UI's files
				}
				s.methodNotAllowed(w, r, allow)
				return
			}
			name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
			if name == "" {
				name = "."
			}
			if _, err := fs.Stat(ui, name); err != nil {
				writeJSON(w, http.StatusNotFound, apiError{fmt.Sprintf("no such page: %s (the web UI is at /)", r.URL.Path)})
				return
			}
			// The UI loads nothing from elsewhere; say so to the browser.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'")
			static.ServeHTTP(w, r)
		}},
	}
}

// wrote tells the cache that this server wrote to the store.
func (s *Server) wrote() {
	if s.cache != nil {
		s.cache.wrote()
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

// search looks for the words in article text, quote content, speakers and
// entity names at once.
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
	// Quotes by someone of that name, and quotes whose words mention it:
	// the first are what they said, the second what others said of them.
	by, err := s.store.Quotes(ctx, parley.QuoteFilter{Speaker: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	mentioning, err := s.store.Quotes(ctx, parley.QuoteFilter{Text: q, PageRequest: pr})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	speakers := map[string]bool{}
	for _, x := range by.Items {
		speakers[x.SpeakerID] = x.SpeakerID != ""
	}
	others := []parley.QuoteRecord{}
	for _, x := range mentioning.Items {
		if !speakers[x.SpeakerID] {
			others = append(others, x)
		}
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
	writeJSON(w, http.StatusOK, map[string]any{"articles": articles.Items, "quotes_by": by.Items, "quotes_mentioning": others,
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
