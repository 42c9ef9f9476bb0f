package input

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parley-news/parley"
	phtml "github.com/parley-news/parley/ingest/html"
)

// Record is one decoded JSON record.
type Record struct {
	// Doc holds the record's fields; Doc.ID is "" when the record has none
	// (the caller names it by its place), Doc.Text "" when HTML is set.
	Doc parley.Document
	// HTML is the page of a record that has "html" and no text: its
	// article is still to be extracted (Document does it; parley ingest
	// does it on its worker pool).
	HTML []byte
}

// fields are the keys read into Document fields, and the Document field
// each sets. "source" is not one: dumps use it for provenance as often as
// for the outlet, so it stays in Meta.
var fields = map[string]func(r *rawRecord) *string{
	"id":        nil, // a string or a number: see decodeID
	"text":      func(r *rawRecord) *string { return &r.text },
	"body":      func(r *rawRecord) *string { return &r.body },
	"html":      func(r *rawRecord) *string { return &r.html },
	"title":     func(r *rawRecord) *string { return &r.doc.Title },
	"url":       func(r *rawRecord) *string { return &r.doc.URL },
	"published": func(r *rawRecord) *string { return &r.published },
	"outlet":    func(r *rawRecord) *string { return &r.doc.Outlet },
	"publisher": func(r *rawRecord) *string { return &r.publisher },
	"site_name": func(r *rawRecord) *string { return &r.siteName },
	"author":    func(r *rawRecord) *string { return &r.doc.Author },
	"language":  func(r *rawRecord) *string { return &r.doc.Language },
}

type rawRecord struct {
	doc                            parley.Document
	text, body, html               string
	published, publisher, siteName string
}

// DecodeJSON decodes one JSON object (a JSONL line, an API body) by the
// rules of the package comment. The error names the field at fault.
func DecodeJSON(b []byte) (Record, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return Record{}, fmt.Errorf("not a JSON object: %w", jsonError(err))
	}
	if obj == nil {
		return Record{}, errors.New("not a JSON object: null")
	}
	var r rawRecord
	var unknown []string
	for k, v := range obj {
		set, known := fields[k]
		switch {
		case k == "id":
			id, err := decodeID(v)
			if err != nil {
				return Record{}, err
			}
			r.doc.ID = id
		case known:
			if err := decodeString(k, v, set(&r)); err != nil {
				return Record{}, err
			}
		default:
			var val any
			if err := json.Unmarshal(v, &val); err != nil {
				return Record{}, fmt.Errorf("field %q: %w", k, jsonError(err))
			}
			if r.doc.Meta == nil {
				r.doc.Meta = make(map[string]any)
			}
			r.doc.Meta[k] = val
			unknown = append(unknown, k)
		}
	}
	return r.finish(unknown)
}

// finish applies the rules that involve several fields.
func (r *rawRecord) finish(unknown []string) (Record, error) {
	d := r.doc
	d.Outlet = cmp.Or(d.Outlet, r.publisher, r.siteName)
	if r.published != "" {
		t, err := ParseTime(r.published)
		if err != nil {
			return Record{}, fmt.Errorf("field \"published\": %w", err)
		}
		d.Published = t
	}
	text := r.text
	switch {
	case strings.TrimSpace(r.body) == "":
	case strings.TrimSpace(text) == "":
		text = r.body
	case r.body != text:
		return Record{}, errors.New(`both "text" and "body" are given, and they differ: give one`)
	}
	if strings.TrimSpace(text) == "" {
		if strings.TrimSpace(r.html) != "" {
			return Record{Doc: d, HTML: []byte(r.html)}, nil
		}
		msg := `the record has no text (no "text", "body" or "html" field)`
		if len(unknown) > 0 {
			slices.Sort(unknown)
			msg += fmt.Sprintf("; unknown field(s) %q", unknown)
		}
		return Record{}, errors.New(msg)
	}
	t, warns, err := Text([]byte(text))
	if err != nil {
		return Record{}, fmt.Errorf("field \"text\": %w", err)
	}
	d.Text, d.Repairs = t, warns
	return Record{Doc: d}, nil
}

// decodeID reads an "id": a string, or a number kept as written (7 is
// "7"); null is no id.
func decodeID(v json.RawMessage) (string, error) {
	v = bytes.TrimSpace(v)
	switch {
	case bytes.Equal(v, []byte("null")):
		return "", nil
	case len(v) > 0 && v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", fmt.Errorf("field \"id\": %w", jsonError(err))
		}
		return s, nil
	case len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9'):
		var n json.Number
		if err := json.Unmarshal(v, &n); err != nil {
			return "", fmt.Errorf("field \"id\": %w", jsonError(err))
		}
		return n.String(), nil
	}
	return "", fmt.Errorf("field \"id\" must be a string or a number, not %s", kindOf(v))
}

func decodeString(key string, v json.RawMessage, dst *string) error {
	v = bytes.TrimSpace(v)
	if bytes.Equal(v, []byte("null")) {
		return nil
	}
	if len(v) == 0 || v[0] != '"' {
		return fmt.Errorf("field %q must be a string, not %s", key, kindOf(v))
	}
	if err := json.Unmarshal(v, dst); err != nil {
		return fmt.Errorf("field %q: %w", key, jsonError(err))
	}
	return nil
}

func kindOf(v json.RawMessage) string {
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	}
	return "a number"
}

// jsonError says where a syntax error is, which encoding/json's message
// leaves out.
func jsonError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w (at byte %d)", err, se.Offset)
	}
	return err
}

// Document returns the record's document, extracting the article of an
// HTML record; what the page does not say, the record's fields keep.
func (r Record) Document(ctx context.Context) (parley.Document, error) {
	if r.HTML == nil {
		return r.Doc, nil
	}
	page, err := phtml.Extract(ctx, bytes.NewReader(r.HTML), r.Doc.URL)
	if err != nil {
		return parley.Document{}, fmt.Errorf("field \"html\": %w", err)
	}
	return MergePage(page, r.Doc), nil
}

// MergePage fills what an extracted page does not say from the metadata
// that came with it (a record, a feed item, an archive record); the id,
// source and Meta are always the record's.
func MergePage(page, base parley.Document) parley.Document {
	page.ID, page.Source, page.Meta = base.ID, base.Source, base.Meta
	page.Repairs = append(slices.Clip(base.Repairs), page.Repairs...)
	page.Title = cmp.Or(page.Title, base.Title)
	page.Author = cmp.Or(page.Author, base.Author)
	page.Outlet = cmp.Or(page.Outlet, base.Outlet)
	page.Language = cmp.Or(page.Language, base.Language)
	page.URL = cmp.Or(page.URL, base.URL)
	if page.Published.IsZero() {
		page.Published = base.Published
	}
	return page
}
