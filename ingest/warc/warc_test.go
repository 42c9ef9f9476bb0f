package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// record builds one WARC/1.1 record.
func record(typ, uri, block string, extra ...string) string {
	h := fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nWARC-Date: 2025-02-18T10:00:00Z\r\n", typ, len(block)+len(uri))
	if uri != "" {
		h += "WARC-Target-URI: " + uri + "\r\n"
	}
	for _, e := range extra {
		h += e + "\r\n"
	}
	ct := "application/http;msgtype=response"
	if typ == "warcinfo" {
		ct = "application/warc-fields"
	}
	return h + fmt.Sprintf("Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ct, len(block), block)
}

func httpResponse(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

func archive() string {
	page := "<html><body><p>" + strings.Repeat("Page text. ", 400) + "</p></body></html>"
	return record("warcinfo", "", "software: test\r\n") +
		record("response", "https://example.com/a", httpResponse("200 OK", "text/html; charset=utf-8", page)) +
		record("request", "https://example.com/a", "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n") +
		record("response", "https://example.com/logo.png", httpResponse("200 OK", "image/png", "\x89PNG....")) +
		record("response", "https://example.com/missing", httpResponse("404 Not Found", "text/html", "<p>gone</p>")) +
		record("response", "https://example.com/b", httpResponse("200 OK", "text/html", "<html><p>second page</p></html>"))
}

func gzipMembers(s string) []byte {
	// One gzip member per record, as crawlers write them.
	var out bytes.Buffer
	parts := strings.Split(s, "WARC/1.1\r\n")
	for _, p := range parts[1:] {
		zw := gzip.NewWriter(&out)
		zw.Write([]byte("WARC/1.1\r\n" + p))
		zw.Close()
	}
	return out.Bytes()
}

func TestReadYieldsHTMLResponsesAndCountsTheRest(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"plain", []byte(archive())},
		{"gzip members", gzipMembers(archive())},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var uris []string
			st, err := Read(context.Background(), bytes.NewReader(tc.data), "test.warc", Options{}, func(p Page) error {
				uris = append(uris, p.URI)
				if p.URI == "https://example.com/a" && (len(p.Body) < 4000 || p.Date.Year() != 2025) {
					t.Errorf("page a: %d bytes, date %v", len(p.Body), p.Date)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(uris, " ") != "https://example.com/a https://example.com/b" {
				t.Errorf("pages %v", uris)
			}
			want := map[string]int{"warcinfo": 1, "request": 1, "image/png": 1, "status 404": 1}
			if fmt.Sprint(st.Skipped) != fmt.Sprint(want) || st.Records != 6 || st.Pages != 2 {
				t.Errorf("stats %+v, want skipped %v", st, want)
			}
		})
	}
}

func TestReadReportsTruncationWithOffsetAfterEarlierPages(t *testing.T) {
	full := gzipMembers(archive())
	for _, cut := range []int{len(full) - 10, len(full) / 2} {
		var pages int
		_, err := Read(context.Background(), bytes.NewReader(full[:cut]), "cut.warc.gz", Options{}, func(Page) error { pages++; return nil })
		var pe *parley.Error
		if !errors.As(err, &pe) || pe.Source != "cut.warc.gz" || !strings.HasPrefix(pe.Where, "offset ") {
			t.Errorf("cut at %d: err = %v, want a parley.Error with the record offset", cut, err)
		}
		if cut > len(full)/2 && pages != 1 {
			t.Errorf("cut at %d: %d pages before the damage, want 1", cut, pages)
		}
	}
}

func TestSharedSamples(t *testing.T) {
	root := os.Getenv("PARLEY_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared")
	}
	dir := filepath.Join(root, "data", "warc")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("WARC samples not found at %s (set PARLEY_SHARED)", dir)
	}
	for name, want := range map[string]int{"aeb-dev-sample.warc.gz": 12, "warcio-example.warc.gz": 1} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		st, err := Read(context.Background(), f, name, Options{}, func(p Page) error {
			if len(p.Body) < 1000 {
				t.Errorf("%s: %s: payload of %d bytes", name, p.URI, len(p.Body))
			}
			return nil
		})
		f.Close()
		if err != nil || st.Pages != want {
			t.Errorf("%s: %d pages, err %v; want %d", name, st.Pages, err, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(archive()))
	f.Add(gzipMembers(archive())[:300])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(context.Background(), bytes.NewReader(data), "fuzz", Options{MaxPayload: 1 << 20}, func(Page) error { return nil })
	})
}
