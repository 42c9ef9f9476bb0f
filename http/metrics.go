package http

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"
)

// metrics counts requests and their durations per route, and writes them in
// the Prometheus text exposition format (version 0.0.4). It is small enough
// not to need the Prometheus client library.
type metrics struct {
	mu       sync.Mutex
	start    time.Time
	requests map[reqKey]uint64
	hist     map[string]*histogram
	inflight int64
}

type reqKey struct {
	route string
	code  int
}

// buckets are the upper bounds of the latency histogram, in seconds.
var buckets = [...]float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts [len(buckets) + 1]uint64 // the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), requests: map[reqKey]uint64{}, hist: map[string]*histogram{}}
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, code}]++
	h := m.hist[route]
	if h == nil {
		h = &histogram{}
		m.hist[route] = h
	}
	sec := d.Seconds()
	i := 0
	for i < len(buckets) && sec > buckets[i] {
		i++
	}
	h.counts[i]++
	h.sum += sec
	h.n++
}

// statusWriter remembers the status code a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// instrument records each request under its route pattern (not its path, so
// that ids do not make the label set unbounded).
func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.mu.Lock()
		s.metrics.inflight++
		s.metrics.mu.Unlock()
		defer func() {
			s.metrics.mu.Lock()
			s.metrics.inflight--
			s.metrics.mu.Unlock()
			code := sw.code
			if code == 0 {
				code = http.StatusOK
			}
			s.metrics.observe(route, code, time.Since(start))
		}()
		h.ServeHTTP(sw, r)
	})
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
	if c := s.cache; c != nil {
		fmt.Fprintln(w, "# HELP parley_http_cache_requests_total GET requests of the API answered from the cache (hit), from it while the store changed (stale) or not (miss).")
		fmt.Fprintln(w, "# TYPE parley_http_cache_requests_total counter")
		fmt.Fprintf(w, "parley_http_cache_requests_total{result=\"hit\"} %d\n", c.hits.Load())
		fmt.Fprintf(w, "parley_http_cache_requests_total{result=\"stale\"} %d\n", c.stale.Load())
		fmt.Fprintf(w, "parley_http_cache_requests_total{result=\"miss\"} %d\n", c.misses.Load())
		fmt.Fprintln(w, "# HELP parley_http_cache_bytes Bytes of answers in the cache.")
		fmt.Fprintln(w, "# TYPE parley_http_cache_bytes gauge")
		fmt.Fprintf(w, "parley_http_cache_bytes %d\n", c.bytes())
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if st, err := s.store.Stats(ctx); err == nil {
		fmt.Fprintln(w, "# HELP parley_store_records Records in the store, by kind.")
		fmt.Fprintln(w, "# TYPE parley_store_records gauge")
		for _, kv := range []struct {
			kind string
			n    int64
		}{{"articles", st.Articles}, {"entities", st.Entities}, {"quotes", st.Quotes}, {"events", st.Events}, {"claims", st.Claims}} {
			fmt.Fprintf(w, "parley_store_records{kind=%q} %d\n", kv.kind, kv.n)
		}
	}
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP parley_http_requests_total HTTP requests served, by route and status code.")
	fmt.Fprintln(w, "# TYPE parley_http_requests_total counter")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b reqKey) int {
		if a.route != b.route {
			if a.route < b.route {
				return -1
			}
			return 1
		}
		return a.code - b.code
	})
	for _, k := range keys {
		fmt.Fprintf(w, "parley_http_requests_total{route=%q,code=\"%d\"} %d\n", k.route, k.code, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP parley_http_request_duration_seconds Time to serve a request, by route.")
	fmt.Fprintln(w, "# TYPE parley_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.hist))
	for r := range m.hist {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.hist[r]
		var cum uint64
		for i, b := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "parley_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", r, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		cum += h.counts[len(buckets)]
		fmt.Fprintf(w, "parley_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, cum)
		fmt.Fprintf(w, "parley_http_request_duration_seconds_sum{route=%q} %g\n", r, h.sum)
		fmt.Fprintf(w, "parley_http_request_duration_seconds_count{route=%q} %d\n", r, h.n)
	}
	fmt.Fprintln(w, "# HELP parley_http_requests_in_flight Requests being served.")
	fmt.Fprintln(w, "# TYPE parley_http_requests_in_flight gauge")
	fmt.Fprintf(w, "parley_http_requests_in_flight %d\n", m.inflight)
	fmt.Fprintln(w, "# HELP process_uptime_seconds Seconds since the server started.")
	fmt.Fprintln(w, "# TYPE process_uptime_seconds gauge")
	fmt.Fprintf(w, "process_uptime_seconds %g\n", time.Since(m.start).Seconds())
	fmt.Fprintln(w, "# HELP go_goroutines Goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
}
