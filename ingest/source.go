// Package ingest turns what users point parley at — files, folders, web
// pages, feeds, web archives, JSONL dumps, plain text, gzip-compressed or
// not — into a stream of parley.Documents, drops near-duplicate wire copies,
// runs the extraction pipeline over the rest with a bounded worker pool and
// writes the analyses to a sink, resumably: a run that is interrupted and
// started again processes every document exactly once.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ingest/feed"
	"github.com/parley-news/parley/ingest/fetch"
	phtml "github.com/parley-news/parley/ingest/html"
	"github.com/parley-news/parley/ingest/input"
	"github.com/parley-news/parley/ingest/warc"
)

// DefaultMaxInflate caps what one gzip-compressed input may decompress to,
// so that a zip bomb is reported instead of filling memory or disk.
const DefaultMaxInflate = 4 << 30

// maxLine bounds one JSONL record.
const maxLine = 64 << 20

// ErrTooLarge is reported for inputs beyond a size limit.
var ErrTooLarge = errors.New("input too large")

// Kind is the format of an input.
type Kind string

const (
	KindHTML  Kind = "html"
	KindFeed  Kind = "feed"
	KindWARC  Kind = "warc"
	KindJSONL Kind = "jsonl"
	KindText  Kind = "text"
)

// Item is one element of the stream a Reader produces: a document, a
// document still to be extracted from its HTML (Page), a per-input error,
// or a skipped record.
type Item struct {
	Doc  parley.Document
	Page *Page // HTML still to extract; Doc holds fallback metadata
	Err  error // the input (Doc.Source) failed
	Skip string
	// Bytes is how many input bytes this item accounts for (progress).
	Bytes int64
}

// Page is an HTML page waiting for main-text extraction (and download),
// which Run does in parallel.
type Page struct {
	HTML        []byte
	URL         string
	ContentType string
	// Fetch, when set, is the URL to download the page from first (with
	// Reader.Fetcher); HTML is then empty.
	Fetch string
	// Crawled marks a page of a web archive: one without an article is
	// skipped, where a page the user or a feed named is a failure.
	Crawled bool
}

// Reader reads inputs into Items. The zero value reads files; set Fetcher
// to read URLs and the linked pages of feeds.
type Reader struct {
	Fetcher    *fetch.Client // nil: URL inputs and link-only feed items fail
	MaxInflate int64         // 0 means DefaultMaxInflate
	MaxPage    int64         // 0 means html.DefaultMaxBytes
}

// Read sends the items of each input to out, in order, and returns when all
// are read or ctx ends. An input is a file, a directory (read recursively,
// in lexical order), "-" for standard input (read as stdin), or an http(s)
// URL. Errors of one input are sent as items; the rest carry on.
func (r *Reader) Read(ctx context.Context, inputs []string, stdin io.Reader, out chan<- Item) {
	for _, in := range inputs {
		if ctx.Err() != nil {
			return
		}
		switch {
		case in == "-":
			r.readStream(ctx, stdin, "<stdin>", "stdin", "", out)
		case isURL(in):
			r.readURL(ctx, in, out)
		default:
			r.readPath(ctx, in, out)
		}
	}
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func (r *Reader) readPath(ctx context.Context, path string, out chan<- Item) {
	st, err := os.Stat(path)
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: path}, Err: err})
		return
	}
	if !st.IsDir() {
		r.readFile(ctx, path, idFromName(path), out)
		return
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			send(ctx, out, Item{Doc: parley.Document{Source: p}, Err: err})
			return nil
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: path}, Err: err})
	}
	sort.Strings(files)
	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		// Inside a folder the id is the path below it, without extensions:
		// "2019/01/index" and "2019/02/index" stay apart.
		id := idFromName(f)
		if rel, err := filepath.Rel(path, f); err == nil {
			id = filepath.ToSlash(filepath.Join(filepath.Dir(rel), idFromName(rel)))
		}
		r.readFile(ctx, f, id, out)
	}
}

func (r *Reader) readFile(ctx context.Context, path, id string, out chan<- Item) {
	f, err := os.Open(path)
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: path}, Err: err})
		return
	}
	defer f.Close()
	r.readStream(ctx, f, path, id, "", out)
}

// readStream reads one input of any kind: it undoes gzip, then picks the
// format by name and, failing that, by content.
func (r *Reader) readStream(ctx context.Context, rd io.Reader, name, id, contentType string, out chan<- Item) {
	cr := &countingReader{r: rd}
	br := bufio.NewReaderSize(cr, 64<<10)
	base := strings.ToLower(filepath.Base(name))
	if isURL(name) {
		base = strings.ToLower(urlPath(name))
	}
	head, _ := br.Peek(2)
	var src io.Reader = br
	gz := len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b
	stripped := strings.TrimSuffix(base, ".gz")
	kind := kindByName(stripped)
	// Go's gzip reader reads concatenated members, so a .warc.gz written
	// one member per record and one compressed whole both read; the cap
	// also bounds what a record can inflate to.
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: fmt.Errorf("gzip: %w", err)})
			return
		}
		defer zr.Close()
		max := r.MaxInflate
		if max <= 0 {
			max = DefaultMaxInflate
		}
		src = bufio.NewReaderSize(&capReader{r: zr, left: max, max: max}, 64<<10)
	}
	sb := src.(*bufio.Reader)
	progress := func() int64 { return cr.take() }
	if kind == "" {
		kind = sniff(sb, contentType)
	}
	if kind != KindWARC {
		// One rule for every entry point (package input): binary data is
		// refused, whatever its name says. (Archives hold binary records
		// among their pages; package warc skips those.)
		head, _ := sb.Peek(8 << 10)
		if why := input.Binary(head); why != "" {
			io.Copy(io.Discard, sb) // the rest counts for progress
			send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: fmt.Errorf("%w (%s)", input.ErrBinary, why), Bytes: progress()})
			return
		}
	}
	switch kind {
	case KindHTML:
		r.readHTML(ctx, sb, name, id, contentType, progress, out)
	case KindFeed:
		r.readFeed(ctx, sb, name, progress, out)
	case KindWARC:
		r.readWARC(ctx, sb, name, gz, progress, out)
	case KindJSONL:
		r.readJSONL(ctx, sb, name, id, progress, out)
	case KindText:
		r.readText(ctx, sb, name, id, progress, out)
	}
}

func urlPath(u string) string {
	s := u
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return s[strings.LastIndex(s, "/")+1:]
}

func kindByName(base string) Kind {
	switch filepath.Ext(base) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return KindHTML
	case ".rss", ".atom", ".xml":
		return KindFeed
	case ".warc":
		return KindWARC
	case ".jsonl", ".ndjson":
		return KindJSONL
	case ".txt", ".text", ".md":
		return KindText
	}
	return ""
}

// sniff guesses the kind of an input from its first bytes.
func sniff(br *bufio.Reader, contentType string) Kind {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return KindHTML
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "xml"), strings.Contains(ct, "feed+json"):
		return KindFeed
	}
	head, _ := br.Peek(4096)
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	isFeed := bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf"))
	switch {
	case bytes.HasPrefix(h, []byte("warc/")):
		return KindWARC
	case (bytes.HasPrefix(h, []byte("<?xml")) || bytes.HasPrefix(h, []byte("<rss")) || bytes.HasPrefix(h, []byte("<feed"))) && isFeed:
		return KindFeed
	case phtml.LooksLikeHTML(head):
		return KindHTML
	case bytes.HasPrefix(h, []byte("<?xml")):
		return KindFeed // let the feed parser say what is wrong with it
	case bytes.HasPrefix(h, []byte("{")):
		if bytes.Contains(h, []byte("jsonfeed.org")) {
			return KindFeed
		}
		return KindJSONL
	}
	return KindText // input.Binary refused what is not text
}

func (r *Reader) maxPage() int64 {
	if r.MaxPage > 0 {
		return r.MaxPage
	}
	return phtml.DefaultMaxBytes
}

func (r *Reader) readHTML(ctx context.Context, br *bufio.Reader, name, id, contentType string, progress func() int64, out chan<- Item) {
	max := r.maxPage()
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: err, Bytes: progress()})
		return
	}
	if int64(len(data)) > max {
		io.Copy(io.Discard, br) // the rest counts for progress
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: fmt.Errorf("%w: page larger than %d bytes", ErrTooLarge, max), Bytes: progress()})
		return
	}
	u := ""
	if isURL(name) {
		u = name
	}
	send(ctx, out, Item{
		Doc:   parley.Document{ID: id, Source: name},
		Page:  &Page{HTML: data, URL: u, ContentType: contentType},
		Bytes: progress(),
	})
}

func (r *Reader) readFeed(ctx context.Context, br *bufio.Reader, name string, progress func() int64, out chan<- Item) {
	f, err := feed.Parse(io.LimitReader(br, 256<<20), name)
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: err, Bytes: progress()})
		return
	}
	for i, it := range f.Items {
		it := it
		var b int64
		if i == 0 {
			b = progress()
		}
		if !it.NeedsFetch {
			if it.Doc.ID == "" {
				it.Doc.ID = it.Link
			}
			if !send(ctx, out, Item{Doc: it.Doc, Bytes: b}) {
				return
			}
			continue
		}
		if it.Link == "" {
			send(ctx, out, Item{Doc: it.Doc, Err: errors.New("feed item has neither content nor link"), Bytes: b})
			continue
		}
		if r.Fetcher == nil {
			send(ctx, out, Item{Doc: it.Doc, Err: fmt.Errorf("item has no article text and fetching is off: %s", it.Link), Bytes: b})
			continue
		}
		doc := it.Doc
		if doc.ID == "" {
			doc.ID = it.Link
		}
		// The page is fetched by Run's workers, so that pages of different
		// hosts download in parallel (the fetcher spaces requests per host).
		if !send(ctx, out, Item{Doc: doc, Page: &Page{Fetch: it.Link}, Bytes: b}) {
			return
		}
	}
	if len(f.Items) == 0 {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Skip: "empty feed", Bytes: progress()})
	}
}

func (r *Reader) readWARC(ctx context.Context, br *bufio.Reader, name string, gz bool, progress func() int64, out chan<- Item) {
	st, err := warc.Read(ctx, br, name, warc.Options{MaxPayload: r.maxPage(), Decompressed: gz}, func(p warc.Page) error {
		doc := parley.Document{ID: p.URI, URL: p.URI, Source: fmt.Sprintf("%s@%d", name, p.Offset), Published: p.Date}
		if doc.ID == "" {
			doc.ID = p.RecordID
		}
		if !send(ctx, out, Item{Doc: doc, Page: &Page{HTML: p.Body, URL: p.URI, ContentType: p.ContentType, Crawled: true}, Bytes: progress()}) {
			return ctx.Err()
		}
		return nil
	})
	reasons := make([]string, 0, len(st.Skipped))
	for k := range st.Skipped {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	for _, k := range reasons {
		for range st.Skipped[k] {
			send(ctx, out, Item{Doc: parley.Document{Source: name}, Skip: "warc " + k})
		}
	}
	if err != nil && ctx.Err() == nil {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: err, Bytes: progress()})
		return
	}
	send(ctx, out, Item{Doc: parley.Document{Source: name}, Bytes: progress()})
}

func (r *Reader) readJSONL(ctx context.Context, br *bufio.Reader, name, id string, progress func() int64, out chan<- Item) {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		rec, err := input.DecodeJSON(b)
		if err != nil {
			if !send(ctx, out, Item{Doc: parley.Document{Source: where}, Err: err, Bytes: progress()}) {
				return
			}
			continue
		}
		doc := rec.Doc
		doc.Source = where
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", id, line)
		}
		var page *Page
		if rec.HTML != nil {
			page = &Page{HTML: rec.HTML, URL: doc.URL}
		}
		if !send(ctx, out, Item{Doc: doc, Page: page, Bytes: progress()}) {
			return
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, maxLine)
		}
		send(ctx, out, Item{Doc: parley.Document{Source: fmt.Sprintf("%s:%d", name, line+1)}, Err: err, Bytes: progress()})
	}
}

func (r *Reader) readText(ctx context.Context, br *bufio.Reader, name, id string, progress func() int64, out chan<- Item) {
	max := r.maxPage() * 4
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: err, Bytes: progress()})
		return
	}
	if int64(len(data)) > max {
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: fmt.Errorf("%w: text larger than %d bytes", ErrTooLarge, max), Bytes: progress()})
		return
	}
	txt, repairs, err := input.Text(data)
	switch {
	case errors.Is(err, input.ErrEmpty):
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Skip: "empty", Bytes: progress()})
		return
	case err != nil:
		send(ctx, out, Item{Doc: parley.Document{Source: name}, Err: err, Bytes: progress()})
		return
	}
	send(ctx, out, Item{Doc: parley.Document{ID: id, Text: txt, Source: name, Repairs: repairs}, Bytes: progress()})
}

func (r *Reader) readURL(ctx context.Context, u string, out chan<- Item) {
	if r.Fetcher == nil {
		send(ctx, out, Item{Doc: parley.Document{Source: u}, Err: errors.New("fetching URLs is off")})
		return
	}
	res, err := r.Fetcher.Get(ctx, u)
	if err != nil {
		send(ctx, out, Item{Doc: parley.Document{Source: u}, Err: err})
		return
	}
	if res.NotModified {
		send(ctx, out, Item{Doc: parley.Document{Source: u}, Skip: "not modified"})
		return
	}
	r.readStream(ctx, bytes.NewReader(res.Body), res.URL, res.URL, res.ContentType, out)
}

func idFromName(name string) string {
	if isURL(name) {
		return name
	}
	base := filepath.Base(name)
	for {
		ext := filepath.Ext(base)
		if ext == "" || len(ext) > 6 {
			return base
		}
		base = strings.TrimSuffix(base, ext)
	}
}

func send(ctx context.Context, out chan<- Item, it Item) bool {
	select {
	case out <- it:
		return true
	case <-ctx.Done():
		return false
	}
}

// countingReader counts the bytes read since the last take.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) take() int64 { n := c.n; c.n = 0; return n }

// capReader fails once more than max bytes were read: a decompression
// bomb becomes an error naming the limit, not an exhausted machine.
type capReader struct {
	r         io.Reader
	left, max int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("%w: decompresses to more than %d bytes", ErrTooLarge, c.max)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// fetchPage downloads a page that a feed item links to.
func (r *Reader) fetchPage(ctx context.Context, it Item) Item {
	res, err := r.Fetcher.Get(ctx, it.Page.Fetch)
	it.Page = nil
	switch {
	case err != nil:
		it.Err = err
	case res.NotModified:
		it.Skip = "not modified"
	default:
		it.Page = &Page{HTML: res.Body, URL: res.URL, ContentType: res.ContentType}
	}
	return it
}
