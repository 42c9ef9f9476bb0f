package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGetObeysRobotsTxt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/press/\n"))
			return
		}
		w.Write([]byte("<p>ok</p>"))
	}))
	defer srv.Close()
	c := &Client{MinInterval: -1}
	tests := []struct {
		path string
		ok   bool
	}{
		{"/news/a", true},
		{"/private/x", false},
		{"/private/press/release", true},
	}
	for _, tt := range tests {
		_, err := c.Get(context.Background(), srv.URL+tt.path)
		if got := !errors.Is(err, ErrDisallowed); got != tt.ok || (tt.ok && err != nil) {
			t.Errorf("%s: err = %v, want allowed=%v", tt.path, err, tt.ok)
		}
	}
}

func TestRobotsMatching(t *testing.T) {
	r := parseRobots("User-agent: parley\nDisallow: /*.pdf$\nDisallow: /search\nCrawl-delay: 2\n", DefaultUserAgent)
	for path, want := range map[string]bool{"/a.pdf": false, "/a.pdf?x": true, "/search?q=1": false, "/news": true} {
		if got := r.allowed(path); got != want {
			t.Errorf("allowed(%q) = %v, want %v", path, got, want)
		}
	}
	if r.delay != 2*time.Second {
		t.Errorf("crawl-delay %v, want 2s", r.delay)
	}
}

// stampTransport records when each request leaves the client.
type stampTransport struct {
	mu    sync.Mutex
	times []time.Time
}

func (s *stampTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path != "/robots.txt" {
		s.mu.Lock()
		s.times = append(s.times, time.Now())
		s.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(r)
}

func TestGetSpacesRequestsToOneHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tr := &stampTransport{}
	c := &Client{MinInterval: 50 * time.Millisecond, HTTP: &http.Client{Transport: tr}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), srv.URL+"/a"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(tr.times) != 4 {
		t.Fatalf("%d requests, want 4", len(tr.times))
	}
	for i := 1; i < len(tr.times); i++ {
		if d := tr.times[i].Sub(tr.times[i-1]); d < 50*time.Millisecond {
			t.Errorf("requests %d and %d left only %v apart", i-1, i, d)
		}
	}
}

func TestGetSendsConditionalRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := &Client{MinInterval: -1, IgnoreRobots: true}
	first, err := c.Get(context.Background(), srv.URL+"/feed")
	if err != nil || first.NotModified || string(first.Body) != "<rss/>" {
		t.Fatalf("first: %+v %v", first, err)
	}
	second, err := c.Get(context.Background(), srv.URL+"/feed")
	if err != nil || !second.NotModified {
		t.Fatalf("second: %+v %v, want not modified", second, err)
	}
}

func TestGetRetriesServerErrorsWithBackoff(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := &Client{MinInterval: -1, IgnoreRobots: true, Backoff: 10 * time.Millisecond}
	res, err := c.Get(context.Background(), srv.URL)
	if err != nil || string(res.Body) != "ok" || calls.Load() != 3 {
		t.Fatalf("res %v err %v after %d calls", res, err, calls.Load())
	}
	// A client error is final.
	calls.Store(0)
	nf := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.NotFound(w, r)
	}))
	defer nf.Close()
	_, err = c.Get(context.Background(), nf.URL)
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 || calls.Load() != 1 {
		t.Errorf("404: err %v after %d calls", err, calls.Load())
	}
}

func TestGetFailsOnSlowLargeAndUnreachableServers(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 5000)))
	}))
	defer big.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()

	c := &Client{MinInterval: -1, IgnoreRobots: true, Timeout: 100 * time.Millisecond, Retries: -1, MaxBytes: 1000}
	for name, u := range map[string]string{"slow": slow.URL, "big": big.URL, "unreachable": deadURL} {
		start := time.Now()
		_, err := c.Get(context.Background(), u)
		if err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: err = %v, want an error naming the URL", name, err)
		}
		if time.Since(start) > time.Second {
			t.Errorf("%s: took %v", name, time.Since(start))
		}
	}
	if _, err := c.Get(context.Background(), big.URL); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: %v, want ErrTooLarge", err)
	}
}
