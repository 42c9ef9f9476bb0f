package http

import (
	"bytes"
	clist "container/list"
	"context"
	"net/http"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/singleflight"
)

// responseCache keeps the answers of the API's GET requests, each tagged
// with the store version it was computed at (parley.Versioned), and serves
// them again while the version stays the same: the store is read far more
// often than it is written, and most reads are the same few pages. Misses of
// one request that arrive together wait for a single computation. It is
// bounded in bytes and drops the least recently used answers first.
type responseCache struct {
	version func(context.Context) (string, error)
	max     int64 // bytes of bodies kept

	mu    sync.Mutex
	size  int64
	lru   *clist.List // of *response, most recently used first
	byKey map[string]*clist.Element

	flight       singleflight.Group
	hits, misses atomic.Uint64
}

// response is a recorded answer.
type response struct {
	key, version string
	status       int
	header       http.Header
	body         []byte
}

func newResponseCache(version func(context.Context) (string, error), max int64) *responseCache {
	return &responseCache{version: version, max: max, lru: clist.New(), byKey: map[string]*clist.Element{}}
}

func (c *responseCache) get(key, version string) *response {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.byKey[key]
	if el == nil {
		return nil
	}
	r := el.Value.(*response)
	if r.version != version {
		c.remove(el)
		return nil
	}
	c.lru.MoveToFront(el)
	return r
}

func (c *responseCache) put(r *response) {
	// One answer may not take more than an eighth of the cache.
	if int64(len(r.body)) > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.byKey[r.key]; el != nil {
		c.remove(el)
	}
	c.byKey[r.key] = c.lru.PushFront(r)
	c.size += int64(len(r.body))
	for c.size > c.max {
		c.remove(c.lru.Back())
	}
}

func (c *responseCache) remove(el *clist.Element) {
	r := c.lru.Remove(el).(*response)
	delete(c.byKey, r.key)
	c.size -= int64(len(r.body))
}

// bytes returns the size of the bodies kept.
func (c *responseCache) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// wrap serves GET (and HEAD) requests of h from the cache. Only answers with
// status 200 are kept; the key is the path and the query string as sent.
func (c *responseCache) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.ServeHTTP(w, r)
			return
		}
		version, err := c.version(r.Context())
		if err != nil {
			// The handler meets the store's trouble too, and reports it.
			h.ServeHTTP(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		if resp := c.get(key, version); resp != nil {
			c.hits.Add(1)
			resp.writeTo(w, "hit")
			return
		}
		c.misses.Add(1)
		v, _, shared := c.flight.Do(version+"\x00"+key, func() (any, error) {
			rec := &recorder{header: http.Header{}}
			h.ServeHTTP(rec, r)
			resp := &response{key: key, version: version, status: rec.status, header: rec.header, body: rec.body.Bytes()}
			if resp.status == http.StatusOK {
				c.put(resp)
			}
			return resp, nil
		})
		resp := v.(*response)
		if shared && resp.status != http.StatusOK {
			// Another request's failure (its time ran out, its client went
			// away) need not be this one's.
			h.ServeHTTP(w, r)
			return
		}
		resp.writeTo(w, "miss")
	})
}

func (r *response) writeTo(w http.ResponseWriter, how string) {
	h := w.Header()
	for k, v := range r.header {
		h[k] = v
	}
	h.Set("X-Parley-Cache", how)
	w.WriteHeader(r.status)
	w.Write(r.body)
}

// recorder is the http.ResponseWriter a cached answer is computed into.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
