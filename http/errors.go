package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/parley-news/parley"
)

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
		msg = fmt.Sprintf("the request body is too large: the limit is %d bytes", tooBig.Limit)
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

// methods are those a route may be registered for.
var methods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// allowed lists the methods that some route serves r's path with, asking the
// mux as if r had been sent with each of them. The catch-alls do not count.
func (s *Server) allowed(r *http.Request) []string {
	var out []string
	for _, m := range methods {
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host, Header: http.Header{}}
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" && pattern != "/api/" {
			out = append(out, m)
		}
	}
	return out
}

// noRoute answers a request that no route took: 405 with the methods the
// path does take (204 for OPTIONS), else 404.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	allow := s.allowed(r)
	if len(allow) == 0 {
		writeJSON(w, http.StatusNotFound, apiError{fmt.Sprintf("no such endpoint: %s %s (see /openapi.json)", r.Method, r.URL.Path)})
		return
	}
	s.methodNotAllowed(w, r, allow)
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request, allow []string) {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusMethodNotAllowed, apiError{fmt.Sprintf("%s %s: method not allowed (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", "))})
}

// decodeJSON reads exactly one JSON value into v: unknown fields and
// anything but white space after the value are refused, so that a client's
// mistake is not half-read.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	_, err := dec.Token()
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case errors.As(err, &tooBig):
		return err
	default:
		return fmt.Errorf("unexpected data after the JSON value, at byte %d", dec.InputOffset())
	}
}
