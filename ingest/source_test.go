package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/ingest/fetch"
)

var storyText = strings.Repeat("The delegations met for four hours and agreed to meet again next week, officials said. ", 6)

func page(title, text string) string {
	return "<!doctype html><html lang=en><head><title>" + title + "</title></head><body><nav><a href=/>Home</a></nav><article><h1>" +
		title + "</h1><p>" + text + "</p><p>“We will see,” one official said of the next round of talks in the spring.</p></article></body></html>"
}

func gz(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type outLine struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	DuplicateOf string `json:"duplicate_of"`
}

func runAll(t *testing.T, inputs []string, rd *Reader) (Stats, []outLine) {
	t.Helper()
	var buf bytes.Buffer
	sink := NewWriterSink(&buf, export.Options{})
	st, err := Run(context.Background(), inputs, nil, Options{Reader: rd, Analyzer: echoAnalyzer{}, Sink: sink, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	var lines []outLine
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if l == "" {
			continue
		}
		var o outLine
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("bad output line %q: %v", l, err)
		}
		lines = append(lines, o)
	}
	return st, lines
}

func TestRunReadsEveryKindAndReportsBadInputsWithTheirSource(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "pages/talks.html", []byte(page("Talks", storyText)))
	write(t, dir, "pages/nested/other.htm.gz", gz(t, []byte(page("Markets", strings.ReplaceAll(storyText, "delegations", "traders")+" Shares fell sharply in early trading as investors weighed the outlook for rates."))))
	write(t, dir, "notes.txt", []byte("Plain text article from Gen\xe8ve, in Latin-1. "+strings.Repeat("Officials said the plan would go ahead. ", 5)))
	write(t, dir, "dump.jsonl", []byte(`{"id":"j1","title":"From a dump","text":"A dumped article about trade that says ministers agreed on tariffs and quotas for the coming year.","published":"2025-02-18","extra":1}
not json
{"id":"j2","title":"no text"}
`))
	write(t, dir, "copy.jsonl.gz", gz(t, []byte(`{"id":"wire-copy","text":"`+storyText+` “We will see,” one official said of the next round of talks in the spring."}`+"\n")))
	full := gz(t, []byte(strings.Repeat("lorem ipsum ", 5000)))
	write(t, dir, "truncated.txt.gz", full[:len(full)/2])
	write(t, dir, "bomb.txt.gz", gz(t, bytes.Repeat([]byte("bomb "), 2<<20)))
	write(t, dir, "huge.html", []byte("<html><body><p>"+strings.Repeat("x ", 300<<10)+"</p></body></html>"))
	write(t, dir, "empty.html", []byte("<html><body><nav>Home</nav></body></html>"))
	write(t, dir, "image.bin", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3})
	write(t, dir, "bad-feed.xml", []byte("<rss><channel><item><title>unclosed"))
	write(t, dir, ".hidden/secret.txt", []byte("never read"))

	st, lines := runAll(t, []string{dir, filepath.Join(dir, "missing.txt")}, &Reader{MaxInflate: 1 << 20, MaxPage: 256 << 10})

	var ids []string
	for _, l := range lines {
		ids = append(ids, l.ID)
		// Files are read in lexical order: copy.jsonl.gz comes first.
		if l.ID == "pages/talks" && l.DuplicateOf != "wire-copy" {
			t.Errorf("talks linked to %q, want wire-copy, read before it", l.DuplicateOf)
		}
	}
	sort.Strings(ids)
	// Ids are paths below the folder, without extensions.
	if got := strings.Join(ids, " "); got != "j1 notes pages/nested/other pages/talks wire-copy" {
		t.Errorf("documents %q", got)
	}
	if st.Read != 5 || st.Extracted != 4 || st.Duplicates != 1 {
		t.Errorf("stats %+v", st)
	}
	wantFail := []string{"dump.jsonl:2", "dump.jsonl:3", "truncated.txt.gz", "bomb.txt.gz: input too large", "huge.html", "empty.html",
		"image.bin: binary data", "bad-feed.xml", "missing.txt"}
	var msgs []string
	for _, err := range st.Failures {
		msgs = append(msgs, err.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, w := range wantFail {
		if !strings.Contains(all, w) {
			t.Errorf("no failure names %s; failures:\n%s", w, all)
		}
	}
	if st.Failed != len(wantFail) {
		t.Errorf("%d failures, want %d:\n%s", st.Failed, len(wantFail), all)
	}
	if st.Skipped != 0 {
		t.Errorf("skips %v", st.SkipReasons)
	}
}

func TestRunFetchesLinkedPagesOfTeaserFeeds(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>
<item><title>Linked story</title><link>` + srv.URL + `/story</link><description>Short teaser.</description><pubDate>Tue, 18 Feb 2025 10:00:00 +0000</pubDate></item>
<item><title>Dead link</title><link>` + srv.URL + `/gone</link><description>Teaser.</description></item>
</channel></rss>`))
		case "/story":
			w.Write([]byte(page("Linked story", storyText)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	st, lines := runAll(t, []string{srv.URL + "/feed.xml"}, &Reader{Fetcher: &fetch.Client{MinInterval: -1, Retries: -1}})
	if len(lines) != 1 || lines[0].Title != "Linked story" || lines[0].URL != srv.URL+"/story" {
		t.Errorf("lines %+v", lines)
	}
	if st.Failed != 1 || !strings.Contains(st.Failures[0].Error(), "/gone") {
		t.Errorf("failures %v", st.Failures)
	}
}

func TestRunDownloadsLinkedPagesOfDifferentHostsInParallel(t *testing.T) {
	var items strings.Builder
	for i := range 4 {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(300 * time.Millisecond)
			w.Write([]byte(page("Story", strings.Repeat("word"+string(rune('a'+i))+" ", 50)+storyText)))
		}))
		defer srv.Close()
		items.WriteString("<item><title>Story</title><link>" + srv.URL + "/story</link><description>Teaser.</description></item>")
	}
	dir := t.TempDir()
	feedPath := write(t, dir, "teasers.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`+items.String()+`</channel></rss>`))
	start := time.Now()
	st, _ := runAll(t, []string{feedPath}, &Reader{Fetcher: &fetch.Client{MinInterval: -1, IgnoreRobots: true}})
	if el := time.Since(start); el > 900*time.Millisecond {
		t.Errorf("4 slow hosts took %v: pages were not fetched in parallel", el)
	}
	if st.Extracted+st.Duplicates != 4 || st.Failed != 0 {
		t.Errorf("stats %+v %v", st, st.Failures)
	}
}

func warcRecord(uri, html string) string {
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(html), html)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2025-02-18T10:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		"00000000-0000-0000-0000-"+fmt.Sprintf("%012d", len(uri)), uri, len(block), block)
}

func TestRunReadsWARCGzippedWholeOrPerRecordAndReportsTruncation(t *testing.T) {
	a := warcRecord("https://example.com/a", page("First", storyText))
	b := warcRecord("https://example.com/bb", page("Second", strings.ReplaceAll(storyText, "delegations", "unions")+" The strike ended after a week of talks with the employers."))
	dir := t.TempDir()
	whole := write(t, dir, "whole.warc.gz", gz(t, []byte(a+b)))
	perRecord := write(t, dir, "members.warc.gz", append(gz(t, []byte(a)), gz(t, []byte(b))...))
	for _, p := range []string{whole, perRecord} {
		st, lines := runAll(t, []string{p}, nil)
		if len(lines) != 2 || lines[0].ID != "https://example.com/a" || st.Failed != 0 {
			t.Errorf("%s: %d documents %+v, stats %+v %v", filepath.Base(p), len(lines), lines, st, st.Failures)
		}
	}
	full := gz(t, []byte(a+b))
	cut := write(t, dir, "cut.warc.gz", full[:len(full)-40])
	st, lines := runAll(t, []string{cut}, nil)
	if len(lines) != 1 || st.Failed != 1 || !strings.Contains(st.Failures[0].Error(), "cut.warc.gz:decompressed offset") {
		t.Errorf("truncated: %d documents, failures %v", len(lines), st.Failures)
	}
}

func TestReadDecodesLatin1Text(t *testing.T) {
	p := write(t, t.TempDir(), "latin1.txt", []byte("Talks in Gen\xe8ve ended on Tuesday, officials said."))
	out := make(chan Item, 4)
	(&Reader{}).Read(context.Background(), []string{p}, nil, out)
	close(out)
	it := <-out
	if it.Doc.Text != "Talks in Genève ended on Tuesday, officials said." || it.Doc.ID != "latin1" {
		t.Errorf("doc %q %q", it.Doc.ID, it.Doc.Text)
	}
}

func TestSniffPicksTheFormatOfNamelessInput(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
	}{
		{"WARC/1.1\r\nWARC-Type: warcinfo\r\n", KindWARC},
		{"\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", KindFeed},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, KindFeed},
		{"<!DOCTYPE html><html><body><p>x</p>", KindHTML},
		{"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", KindHTML},
		{`{"version":"https://jsonfeed.org/version/1.1","items":[]}`, KindFeed},
		{`{"id":"a","text":"b"}` + "\n", KindJSONL},
		{"Plain text.\n", KindText},
	}
	for _, tt := range tests {
		if got := sniff(bufio.NewReader(strings.NewReader(tt.in)), ""); got != tt.want {
			t.Errorf("sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
