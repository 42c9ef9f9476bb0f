package http

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ingest/input"
)

// getArticle serves the article in the JSON shape of parley extract (package
// export, with its text), plus the store's ids. The path names it by its
// article id or by an id it was given (see parley.Store.Article).
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := articleJSON(a)
	if err != nil {
		s.fail(w, r, fmt.Errorf("article %s: stored analysis: %w", a.ID, err))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(body)
}

// storeFields are what GET /api/articles/{id} adds to the stored analysis.
type storeFields struct {
	Text        json.RawMessage `json:"text"`
	ArticleID   json.RawMessage `json:"article_id"`
	ContentHash json.RawMessage `json:"content_hash"`
	Source      json.RawMessage `json:"source"`
	EntityIDs   json.RawMessage `json:"entity_ids"`
	ClaimIDs    json.RawMessage `json:"claim_ids"`
}

// articleJSON is the stored analysis with the store's fields put in front of
// its own. The analysis is not decoded and encoded again, as it may be tens
// of megabytes; it is read once, to make sure that it is one JSON object
// that has none of those fields.
func articleJSON(a *parley.StoredArticle) ([]byte, error) {
	var has storeFields
	if err := json.Unmarshal(a.Analysis, &has); err != nil {
		return nil, err
	}
	rest := bytes.TrimSpace(a.Analysis)
	clash := has.Text != nil || has.ArticleID != nil || has.ContentHash != nil || has.Source != nil || has.EntityIDs != nil || has.ClaimIDs != nil
	if clash || len(rest) < 2 || rest[0] != '{' {
		return nil, errors.New("not a JSON object without the store's fields")
	}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Text        string            `json:"text"`
		ArticleID   string            `json:"article_id"`
		ContentHash string            `json:"content_hash"`
		Source      string            `json:"source"`
		EntityIDs   map[string]string `json:"entity_ids"`
		ClaimIDs    map[string]string `json:"claim_ids"`
	}{a.Text, a.ID, a.ContentHash, a.Source, a.EntityIDs, a.ClaimIDs})
	if err != nil {
		return nil, err
	}
	out := bytes.TrimSpace(head.Bytes())
	out = out[:len(out)-1] // the closing brace
	if inner := bytes.TrimSpace(rest[1:]); inner[0] != '}' {
		out = append(out, ',')
	}
	return append(append(out, rest[1:]...), '\n'), nil
}

// decodePost turns the body of POST /api/articles into a document, with the
// same decoder, and so the same rules, as parley extract and parley ingest
// (package input), or says what is wrong with it and the status to answer.
func decodePost(ctx context.Context, body []byte, contentType string) (parley.Document, int, error) {
	var doc parley.Document
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json":
		rec, err := input.DecodeJSON(body)
		if err == nil {
			doc, err = rec.Document(ctx)
		}
		if err != nil {
			return parley.Document{}, http.StatusBadRequest, fmt.Errorf("body: %v", err)
		}
	case "text/plain":
		txt, repairs, err := input.Text(body)
		if err != nil {
			return parley.Document{}, http.StatusBadRequest, fmt.Errorf("body: %v", err)
		}
		doc.Text, doc.Repairs = txt, repairs
	default:
		return parley.Document{}, http.StatusUnsupportedMediaType, errors.New("send application/json ({\"text\": …}) or text/plain")
	}
	if strings.TrimSpace(doc.Text) == "" {
		return parley.Document{}, http.StatusBadRequest, errors.New("the article has no text")
	}
	doc.Source = "api"
	if doc.ID == "" {
		doc.ID = doc.ContentHash()[:16]
	}
	return doc, 0, nil
}

// postResult is what storing a posted article gave.
type postResult struct {
	ArticleID string `json:"article_id"`
	Stored    bool   `json:"stored"`
	Quotes    int    `json:"quotes"`
	Events    int    `json:"events"`
	Claims    int    `json:"claims"`
	// Warnings say what was repaired in the input or how it was analysed.
	Warnings []string `json:"warnings,omitempty"`
}

// analyse extracts and stores a posted article.
func (s *Server) analyse(ctx context.Context, doc parley.Document) (postResult, error) {
	a, err := s.opt.Extract(ctx, doc)
	if err != nil {
		return postResult{}, err
	}
	stored, err := s.store.PutAnalysis(ctx, a)
	if err != nil {
		return postResult{}, err
	}
	s.wrote()
	return postResult{ArticleID: a.Document.ContentHash()[:16], Stored: stored,
		Quotes: len(a.Quotes), Events: len(a.Events), Claims: len(a.Claims), Warnings: a.Warnings}, nil
}

// postArticle analyses and stores an article. A body over AsyncAbove bytes,
// or a request that says "Prefer: respond-async", is analysed in the
// background: the answer is 202 with the job's status URL.
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
	doc, status, err := decodePost(r.Context(), body, r.Header.Get("Content-Type"))
	if err != nil {
		writeJSON(w, status, apiError{err.Error()})
		return
	}
	if int64(len(body)) > s.opt.AsyncAbove || prefersAsync(r) {
		s.submit(w, r, doc, len(body))
		return
	}
	res, err := s.analyse(r.Context(), doc)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status = http.StatusCreated
	if !res.Stored {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}

// prefersAsync reports whether the request asks for an asynchronous answer
// (RFC 7240).
func prefersAsync(r *http.Request) bool {
	for _, v := range r.Header.Values("Prefer") {
		for _, p := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(p), "respond-async") {
				return true
			}
		}
	}
	return false
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
	if err := decodeJSON(http.MaxBytesReader(w, r.Body, 64<<10), &in); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.fail(w, r, err)
			return
		}
		s.badRequest(w, fmt.Errorf("body: want {\"drop\": ENTITY_ID, \"reason\": TEXT}: %v", err))
		return
	}
	id, err := s.store.MergeEntities(r.Context(), r.PathValue("id"), in.Drop, in.Reason)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.wrote()
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
	s.wrote()
	writeJSON(w, http.StatusOK, map[string]string{"undone": r.PathValue("id")})
}
