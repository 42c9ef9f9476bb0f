package http

import (
	"bytes"
	clist "container/list"
	"context"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

// responseCache keeps the answers of the API's GET requests, each tagged
// with the store version it was computed at (parley.Versioned), and serves
// them again while the version stays the same: the store is read far more
// often than it is written, and most reads are the same few pages. Misses of
// one request that arrive together wait for a single computation. It is
// bounded in bytes and drops the least recently used answers first.
//
// When the store changed under an answer while no write came through this
// server (an ingest by another process, say), the stale answer is served at
// once, for at most maxStale, while it is computed again in the background
// (as many at a time as there are cores): otherwise each write would make
// every client wait for the answers to be computed again, and an ingest
// writes every second. Writes through this server (wrote) end that: their
// authors read what they wrote.
type responseCache struct {
	version  func(context.Context) (string, error)
	max      int64 // bytes of bodies kept
	maxStale time.Duration
	timeout  time.Duration // of a computation in the background
	gen      atomic.Int64  // writes through the server
	// refreshing holds a token for each computation in the background.
	refreshing chan struct{}

	mu        sync.Mutex
	size      int64
	lru       *clist.List // of *response, most recently used first
	byKey     map[string]*clist.Element
	computing map[string]bool // flight keys being computed

	flight              singleflight.Group
	hits, stale, misses atomic.Uint64
}

// response is a recorded answer.
type response struct {
	key, version string
	gen          int64
	status       int
	header       http.Header
	body         []byte
	staleSince   time.Time // when it was first found out of date
}

func newResponseCache(version func(context.Context) (string, error), max int64, maxStale, timeout time.Duration) *responseCache {
	return &responseCache{version: version, max: max, maxStale: maxStale, timeout: timeout,
		refreshing: make(chan struct{}, runtime.GOMAXPROCS(0)), lru: clist.New(),
		byKey: map[string]*clist.Element{}, computing: map[string]bool{}}
}

// wrote records a write through the server: answers computed before it are
// not served stale.
func (c *responseCache) wrote() { c.gen.Add(1) }

// lookup returns the answer to key at version, or (stale) an older one that
// may be served while that one is computed.
func (c *responseCache) lookup(key, version string) (r *response, stale bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.byKey[key]
	if el == nil {
		return nil, false
	}
	r = el.Value.(*response)
	if r.version == version {
		c.lru.MoveToFront(el)
		return r, false
	}
	if r.staleSince.IsZero() {
		r.staleSince = time.Now()
	}
	if r.gen == c.gen.Load() && time.Since(r.staleSince) < c.maxStale {
		c.lru.MoveToFront(el)
		return r, true
	}
	return nil, false
}

func flightKey(key, version string) string { return version + "\x00" + key }

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

func (c *responseCache) setComputing(k string, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if on {
		c.computing[k] = true
	} else {
		delete(c.computing, k)
	}
}

// wrap serves GET (and HEAD) requests of h from the cache. Only answers with
// status 200 are kept; the key is the path and the query string as sent.
func (c *responseCache) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.ServeHTTP(w, r)
			return
		}
		// The generation is read before the version: an answer computed
		// now is not older than the writes it counts.
		gen := c.gen.Load()
		version, err := c.version(r.Context())
		if err != nil {
			// The handler meets the store's trouble too, and reports it.
			h.ServeHTTP(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		if resp, stale := c.lookup(key, version); resp != nil {
			how := "hit"
			if stale {
				how = "stale"
				c.stale.Add(1)
				c.refresh(h, r, key, version, gen)
			} else {
				c.hits.Add(1)
			}
			resp.writeTo(w, how)
			return
		}
		c.misses.Add(1)
		resp, shared := c.compute(h, r, key, version, gen)
		if shared && resp.status != http.StatusOK {
			// Another request's failure (its time ran out, its client went
			// away) need not be this one's.
			h.ServeHTTP(w, r)
			return
		}
		resp.writeTo(w, "miss")
	})
}

// compute runs h for r into a response, kept if it is a 200; requests for
// the same key and version share one computation.
func (c *responseCache) compute(h http.Handler, r *http.Request, key, version string, gen int64) (*response, bool) {
	fk := flightKey(key, version)
	v, _, shared := c.flight.Do(fk, func() (any, error) {
		c.setComputing(fk, true)
		defer c.setComputing(fk, false)
		rec := &recorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		resp := &response{key: key, version: version, gen: gen, status: rec.status, header: rec.header, body: rec.body.Bytes()}
		if resp.status == http.StatusOK {
			c.put(resp)
		}
		return resp, nil
	})
	return v.(*response), shared
}

// refresh computes the answer to r again in the background, unless it is
// being computed or as many computations run as there are cores (a later
// request asks again).
func (c *responseCache) refresh(h http.Handler, r *http.Request, key, version string, gen int64) {
	c.mu.Lock()
	busy := c.computing[flightKey(key, version)]
	c.mu.Unlock()
	if busy {
		return
	}
	select {
	case c.refreshing <- struct{}{}:
	default:
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), c.timeout)
	r = r.Clone(ctx)
	go func() {
		defer func() { <-c.refreshing }()
		defer cancel()
		c.compute(h, r, key, version, gen)
	}()
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
