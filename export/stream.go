package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/parley-news/parley"
)

// WriteJSON writes the JSON document of d to w record by record, with the
// bytes json.Encoder writes for FromAnalysis(d, o) (HTML characters not
// escaped; indented by one space when indent is set, else on one line;
// a final newline). Memory stays that of the largest record, not of the
// document: a long transcript has hundreds of thousands of quotes.
func WriteJSON(w io.Writer, d *parley.Doc, o Options, indent bool) error {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10), indent: indent}
	c := newConverter(d)
	h := c.header(o)
	s.open('{')
	s.field("id", h.ID)
	s.fieldIf(h.Title != "", "title", h.Title)
	s.fieldIf(h.URL != "", "url", h.URL)
	s.fieldIf(h.Published != "", "published", h.Published)
	s.fieldIf(h.Outlet != "", "outlet", h.Outlet)
	s.fieldIf(h.Author != "", "author", h.Author)
	s.fieldIf(h.Text != nil, "text", h.Text)
	s.list("entities", len(d.Entities), func(i int) any { return c.entity(i) })
	s.list("quotes", len(d.Quotes), func(i int) any { return c.quote(i) })
	s.list("attitudes", len(d.Attitudes), func(i int) any { return c.attitude(i) })
	s.list("events", len(d.Events), func(i int) any { return c.event(i) })
	s.list("claims", len(d.Claims), func(i int) any { return c.claim(i) })
	s.fieldIf(len(h.Warnings) > 0, "warnings", h.Warnings)
	s.field("parley_version", h.Version)
	s.close('}', 0)
	s.raw("\n")
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// jsonStream writes one JSON object field by field. depth is the nesting
// of the current value, for indentation.
type jsonStream struct {
	w      *bufio.Writer
	indent bool
	first  bool // no field written yet in the open object or array
	depth  int
	buf    bytes.Buffer
	err    error
}

func (s *jsonStream) raw(t string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(t)
	}
}

func (s *jsonStream) open(c byte) {
	s.raw(string(c))
	s.first = true
	s.depth++
}

// close ends an object or array that held n items (n = 0 writes "[]").
func (s *jsonStream) close(c byte, n int) {
	s.depth--
	if !s.first || n > 0 {
		s.newline()
	}
	s.raw(string(c))
	s.first = false
}

func (s *jsonStream) newline() {
	if s.indent {
		s.raw("\n")
		for range s.depth {
			s.raw(" ")
		}
	}
}

// next starts an item: a comma after the one before, and its line.
func (s *jsonStream) next() {
	if !s.first {
		s.raw(",")
	}
	s.first = false
	s.newline()
}

func (s *jsonStream) key(k string) {
	s.next()
	s.value(k)
	if s.indent {
		s.raw(": ")
	} else {
		s.raw(":")
	}
}

func (s *jsonStream) field(k string, v any) {
	s.key(k)
	s.value(v)
}

func (s *jsonStream) fieldIf(ok bool, k string, v any) {
	if ok {
		s.field(k, v)
	}
}

// list writes the array field k of n items, item(i) giving each.
func (s *jsonStream) list(k string, n int, item func(i int) any) {
	s.key(k)
	s.open('[')
	for i := range n {
		s.next()
		s.value(item(i))
	}
	s.close(']', n)
}

// value encodes v at the current depth.
func (s *jsonStream) value(v any) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetEscapeHTML(false)
	if s.indent {
		prefix := make([]byte, s.depth)
		for i := range prefix {
			prefix[i] = ' '
		}
		enc.SetIndent(string(prefix), " ")
	}
	if s.err = enc.Encode(v); s.err == nil {
		_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	}
}
