// Package warc reads web archives (WARC 1.0/1.1, plain or with gzip members,
// through nlnwa/gowarc) and yields the HTML pages they captured.
package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v2"

	"github.com/parley-news/parley"
)

// DefaultMaxPayload bounds the payload of one record that Read keeps.
const DefaultMaxPayload = 16 << 20

// Page is one captured HTML page.
type Page struct {
	URI         string    // WARC-Target-URI
	Date        time.Time // WARC-Date: when it was captured
	ContentType string    // the HTTP Content-Type, for its charset
	Offset      int64     // byte offset of the record in the (compressed) file
	RecordID    string
	Body        []byte // the HTTP payload, with transfer and content encodings undone
}

// Stats counts what Read saw.
type Stats struct {
	Records int            // records read
	Pages   int            // HTML responses handed to the callback
	Skipped map[string]int // other records, by reason ("warcinfo", "request", "status 404", "image/png", …)
}

func (s *Stats) skip(reason string) {
	if s.Skipped == nil {
		s.Skipped = make(map[string]int)
	}
	s.Skipped[reason]++
}

// Options tune Read. The zero value is ready to use.
type Options struct {
	MaxPayload int64 // 0 means DefaultMaxPayload; larger payloads are skipped as "too large"
	// Decompressed says r is the decompressed stream of a .warc.gz: record
	// offsets in errors are then labelled as offsets in that stream.
	Decompressed bool
}

// Read reads the records of a WARC file from r and calls fn for each HTML
// response. source names the file in errors. Read stops at the end of the
// archive, at the first error of fn, when ctx ends, or at a record it cannot
// read: a truncated or corrupt file gives a *parley.Error whose Where is the
// byte offset of the record, after fn has seen every page before it.
func Read(ctx context.Context, r io.Reader, source string, opts Options, fn func(Page) error) (Stats, error) {
	var st Stats
	maxPayload := opts.MaxPayload
	if maxPayload <= 0 {
		maxPayload = DefaultMaxPayload
	}
	// Problems are collected as warnings, not failures: real archives have
	// small spec violations. (With ErrIgnore gowarc would not cache the
	// block, and the payload would end at its read buffer.)
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(maxPayload),
	)
	if err != nil {
		return st, &parley.Error{Source: source, Err: err}
	}
	defer wr.Close()
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		rec, off, err := next(wr)
		if err == io.EOF {
			return st, nil
		}
		where := fmt.Sprintf("offset %d", off)
		if opts.Decompressed {
			where = fmt.Sprintf("decompressed offset %d", off)
		}
		if err != nil {
			return st, &parley.Error{Source: source, Where: where, Err: readErr(err)}
		}
		st.Records++
		page, reason, err := safePageOf(rec, off, maxPayload)
		rec.Close()
		if err != nil {
			return st, &parley.Error{Source: source, Where: where, Err: readErr(err)}
		}
		if reason != "" {
			st.skip(reason)
			continue
		}
		st.Pages++
		if err := fn(page); err != nil {
			return st, err
		}
	}
}

func readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated record: %w", err)
	}
	return err
}

// next reads the next record. gowarc v2.2.4 panics on some malformed
// headers (a version line without "\r\n", found by FuzzRead): that is
// reported as a corrupt record, and reading stops there.
func next(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, off int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("corrupt record: %v", p)
		}
	}()
	rec, off, _, err = wr.Next()
	return rec, off, err
}

func safePageOf(rec gowarc.WarcRecord, off, maxPayload int64) (p Page, reason string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("corrupt record: %v", r)
		}
	}()
	return pageOf(rec, off, maxPayload)
}

// pageOf returns the page a record holds, or the reason it holds none.
func pageOf(rec gowarc.WarcRecord, off int64, maxPayload int64) (Page, string, error) {
	if rec.Type() != gowarc.Response {
		return Page{}, rec.Type().String(), nil
	}
	blk, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return Page{}, "non-HTTP response", nil
	}
	if code := blk.HttpStatusCode(); code < 200 || code > 299 {
		return Page{}, fmt.Sprintf("status %d", code), nil
	}
	var ct, enc string
	if h := blk.HttpHeader(); h != nil {
		ct = h.Get("Content-Type")
		enc = strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding")))
	}
	pr, err := blk.PayloadBytes()
	if err != nil {
		return Page{}, "", err
	}
	switch enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(pr)
		if err != nil {
			return Page{}, "bad gzip content-encoding", nil
		}
		defer zr.Close()
		pr = zr
	default:
		return Page{}, "content-encoding " + enc, nil
	}
	// The limit also caps what a gzip bomb inflates to.
	body, err := io.ReadAll(io.LimitReader(pr, maxPayload+1))
	if err != nil {
		if enc != "" && enc != "identity" {
			return Page{}, "bad gzip content-encoding", nil
		}
		return Page{}, "", err
	}
	if int64(len(body)) > maxPayload {
		return Page{}, "too large", nil
	}
	if !isHTML(ct, body) {
		mt, _, _ := mime.ParseMediaType(ct)
		if mt == "" {
			mt = "unknown type"
		}
		return Page{}, mt, nil
	}
	p := Page{
		URI:         strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> "),
		ContentType: ct,
		Offset:      off,
		RecordID:    rec.RecordId(),
		Body:        body,
	}
	if d, err := rec.Date(); err == nil {
		p.Date = d.UTC()
	}
	return p, "", nil
}

// isHTML reports whether the payload is an HTML page: by its declared type,
// or by sniffing when the type is missing or generic.
func isHTML(contentType string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain":
		head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 1024)]))
		return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
	}
	return false
}
