// Package fetch is a polite HTTP client for pages and feeds: one request at
// a time per host with a minimum interval between them, robots.txt obeyed
// (with its Crawl-delay), conditional GET with ETag and Last-Modified,
// timeouts, a size limit and retries with exponential backoff.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults of a Client.
const (
	DefaultUserAgent   = "parley/0.1 (+https://github.com/parley-news/parley)"
	DefaultMinInterval = time.Second
	DefaultTimeout     = 30 * time.Second
	DefaultMaxBytes    = 16 << 20
	DefaultRetries     = 3
	DefaultBackoff     = time.Second
	maxBackoff         = time.Minute
)

// ErrTooLarge is returned for responses beyond Client.MaxBytes.
var ErrTooLarge = errors.New("response too large")

// ErrDisallowed is returned for URLs that robots.txt disallows.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// StatusError is an HTTP status that is not success.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Code) }

// Client fetches URLs politely. Set its fields before the first Get; it is
// then safe for concurrent use.
type Client struct {
	HTTP         *http.Client  // nil: a client with no overall timeout (Timeout applies per attempt)
	UserAgent    string        // "" means DefaultUserAgent
	MinInterval  time.Duration // between requests to one host; 0 means DefaultMinInterval, <0 none
	Timeout      time.Duration // per attempt; 0 means DefaultTimeout
	MaxBytes     int64         // 0 means DefaultMaxBytes
	Retries      int           // further attempts after a failure; 0 means DefaultRetries, <0 none
	Backoff      time.Duration // first retry delay, doubled each time; 0 means DefaultBackoff
	IgnoreRobots bool

	mu    sync.Mutex
	hosts map[string]*host
	cache map[string]validators
}

type host struct {
	mu       sync.Mutex // one request at a time per host
	next     time.Time  // earliest time of the next request
	robots   *robots
	robotsAt time.Time // when robots was fetched; zero: not yet
}

// robotsTTL is how long a host's robots.txt is trusted (RFC 9309 suggests
// caching for at most 24 hours), which matters for long --follow runs.
const robotsTTL = 24 * time.Hour

type validators struct{ etag, lastModified string }

// Result is a fetched response.
type Result struct {
	URL         string // final URL, after redirects
	Status      int
	ContentType string
	Body        []byte
	// NotModified is true when the server answered 304 to a conditional
	// request: the content is what an earlier Get returned.
	NotModified bool
}

// Get fetches u. A 304 to a conditional request returns a Result with
// NotModified set and no body.
func (c *Client) Get(ctx context.Context, u string) (*Result, error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return nil, fmt.Errorf("fetch %q: not an http(s) URL", u)
	}
	h := c.host(pu.Host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if !c.IgnoreRobots {
		if h.robotsAt.IsZero() || time.Since(h.robotsAt) > robotsTTL {
			h.robots = c.fetchRobots(ctx, h, pu)
			h.robotsAt = time.Now()
		}
		if h.robots != nil && !h.robots.allowed(pu.EscapedPath()+querySuffix(pu)) {
			return nil, fmt.Errorf("fetch %s: %w", u, ErrDisallowed)
		}
	}
	retries := c.Retries
	if retries == 0 {
		retries = DefaultRetries
	}
	backoff := c.Backoff
	if backoff <= 0 {
		backoff = DefaultBackoff
	}
	var lastErr error
	for attempt := 0; attempt <= max(retries, 0); attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, backoff); err != nil {
				return nil, err
			}
			backoff = min(2*backoff, maxBackoff)
		}
		if err := c.wait(ctx, h); err != nil {
			return nil, err
		}
		res, retryAfter, err := c.do(ctx, u, true)
		c.done(h)
		if err == nil {
			return res, nil
		}
		lastErr = err
		if !retryable(err) || ctx.Err() != nil {
			break
		}
		if retryAfter > backoff {
			backoff = min(retryAfter, maxBackoff)
		}
	}
	return nil, lastErr
}

func querySuffix(u *url.URL) string {
	if u.RawQuery != "" {
		return "?" + u.RawQuery
	}
	return ""
}

func (c *Client) host(name string) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hosts == nil {
		c.hosts = make(map[string]*host)
	}
	h := c.hosts[name]
	if h == nil {
		h = &host{}
		c.hosts[name] = h
	}
	return h
}

// wait sleeps until the host may be asked again.
func (c *Client) wait(ctx context.Context, h *host) error {
	if d := time.Until(h.next); d > 0 {
		return sleep(ctx, d)
	}
	return nil
}

// done books the host's next slot: the interval runs from the end of a
// request (the host lock is held through it, so requests never overlap).
func (c *Client) done(h *host) {
	interval := c.MinInterval
	if interval == 0 {
		interval = DefaultMinInterval
	}
	if h.robots != nil && h.robots.delay > interval {
		interval = h.robots.delay
	}
	if interval > 0 {
		h.next = time.Now().Add(interval)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type retryableError struct{ error }

func (e retryableError) Unwrap() error { return e.error }

func retryable(err error) bool {
	var r retryableError
	return errors.As(err, &r)
}

// do makes one attempt. It returns the server's Retry-After, if any.
func (c *Client) do(ctx context.Context, u string, conditional bool) (*Result, time.Duration, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("fetch %s: %w", u, err)
	}
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
	if conditional {
		c.mu.Lock()
		v, ok := c.cache[u]
		c.mu.Unlock()
		if ok {
			if v.etag != "" {
				req.Header.Set("If-None-Match", v.etag)
			}
			if v.lastModified != "" {
				req.Header.Set("If-Modified-Since", v.lastModified)
			}
		}
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, 0, retryableError{fmt.Errorf("fetch %s: %w", u, err)}
	}
	defer resp.Body.Close()
	res := &Result{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")}
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		res.NotModified = true
		return res, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, retryAfter(resp.Header.Get("Retry-After")), retryableError{&StatusError{URL: u, Code: resp.StatusCode}}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, 0, &StatusError{URL: u, Code: resp.StatusCode}
	}
	maxBytes := c.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if resp.ContentLength > maxBytes {
		return nil, 0, fmt.Errorf("fetch %s: %w: Content-Length %d > %d", u, ErrTooLarge, resp.ContentLength, maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, 0, retryableError{fmt.Errorf("fetch %s: reading body: %w", u, err)}
	}
	if int64(len(body)) > maxBytes {
		return nil, 0, fmt.Errorf("fetch %s: %w: more than %d bytes", u, ErrTooLarge, maxBytes)
	}
	res.Body = body
	if conditional {
		v := validators{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
		if v.etag != "" || v.lastModified != "" {
			c.mu.Lock()
			if c.cache == nil {
				c.cache = make(map[string]validators)
			}
			c.cache[u] = v
			c.mu.Unlock()
		}
	}
	return res, 0, nil
}

func retryAfter(s string) time.Duration {
	if s == "" {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(s); err == nil {
		return time.Until(t)
	}
	return 0
}

// fetchRobots reads the host's robots.txt. A missing file (4xx) allows
// everything; a server error or unreachable host also allows, as Google
// does for 5xx after a retry is not worth the delay here.
func (c *Client) fetchRobots(ctx context.Context, h *host, page *url.URL) *robots {
	ru := &url.URL{Scheme: page.Scheme, Host: page.Host, Path: "/robots.txt"}
	if err := c.wait(ctx, h); err != nil {
		return nil
	}
	res, _, err := c.do(ctx, ru.String(), false)
	c.done(h)
	if err != nil {
		return nil
	}
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	return parseRobots(string(res.Body), ua)
}
