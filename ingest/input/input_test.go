package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

func pngBytes(t testing.TB) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// ownExecutable is an ELF (or other) binary: the test binary itself.
func ownExecutable(t *testing.T) []byte {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable path:", err)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	return b[:min(len(b), 64<<10)]
}

func TestTextRefusesBinaryAndAcceptsText(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		binary bool
		want   string // the text returned, for text
		warn   string // a warning that must be given
	}{
		{"png", pngBytes(t), true, "", ""},
		{"executable", ownExecutable(t), true, "", ""},
		{"random bytes", randomBytes(3000, 1), true, "", ""},
		{"few random bytes", randomBytes(40, 2), true, "", ""},
		{"gzip", gzipped([]byte("hello")), true, "", ""},
		{"pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), true, "", ""},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02"), 100), true, "", ""},
		{"plain text", []byte("Smith said it rained.\n"), false, "Smith said it rained.\n", ""},
		{"text that a sniffer calls a bitmap", []byte("BMW said sales rose."), false, "BMW said sales rose.", ""},
		{"utf-8 with a BOM", []byte("\xef\xbb\xbfHello."), false, "Hello.", ""},
		{"utf-8 with one bad byte", []byte("Café \xff said “yes”."), false, "Café \uFFFD said “yes”.", "U+FFFD"},
		{"windows-1252", []byte("Caf\xe9 \x93quoted\x94 text."), false, "Café “quoted” text.", "Windows-1252"},
		{"utf-16le with BOM", []byte("\xff\xfeH\x00i\x00.\x00"), false, "Hi.", "UTF-16"},
		{"html", []byte("<!doctype html><p>Hello</p>"), false, "<!doctype html><p>Hello</p>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, warns, err := Text(c.data)
			if c.binary {
				if !errors.Is(err, ErrBinary) {
					t.Fatalf("Text(%s) = %q, %v; want ErrBinary", c.name, got[:min(len(got), 40)], err)
				}
				if Binary(c.data) == "" {
					t.Errorf("Binary(%s) is empty", c.name)
				}
				return
			}
			if err != nil {
				t.Fatalf("Text(%s): %v", c.name, err)
			}
			if got != c.want {
				t.Errorf("Text(%s) = %q, want %q", c.name, got, c.want)
			}
			if c.warn != "" && !strings.Contains(strings.Join(warns, "; "), c.warn) {
				t.Errorf("Text(%s) warnings %q, want one with %q", c.name, warns, c.warn)
			}
			if c.warn == "" && len(warns) > 0 {
				t.Errorf("Text(%s) warned %q for clean text", c.name, warns)
			}
		})
	}
}

func TestTextEmpty(t *testing.T) {
	for _, in := range []string{"", "  \n\t ", "\xef\xbb\xbf\n"} {
		if _, _, err := Text([]byte(in)); !errors.Is(err, ErrEmpty) {
			t.Errorf("Text(%q) error %v, want ErrEmpty", in, err)
		}
	}
}

func TestDecodeJSON(t *testing.T) {
	cases := []struct {
		in      string
		id      string
		text    string
		err     string // a substring of the error, for refused records
		html    bool
		outlet  string
		meta    string // a key that must be in Meta
		publish string // YYYY-MM-DD
	}{
		{in: `{"id":"a","text":"Hello."}`, id: "a", text: "Hello."},
		{in: `{"id":7,"text":"Hello."}`, id: "7", text: "Hello."},
		{in: `{"id":-7.5e3,"text":"Hello."}`, id: "-7.5e3", text: "Hello."},
		{in: `{"id":null,"text":"Hello."}`, id: "", text: "Hello."},
		{in: `{"id":true,"text":"Hello."}`, err: `"id" must be a string or a number, not a boolean`},
		{in: `{"id":{"x":1},"text":"Hello."}`, err: `"id" must be a string or a number, not an object`},
		{in: `{"body":"From the body."}`, text: "From the body."},
		{in: `{"text":"Same.","body":"Same."}`, text: "Same."},
		{in: `{"text":"One.","body":"Other."}`, err: `both "text" and "body"`},
		{in: `{"text":"","body":"Body wins when text is empty."}`, text: "Body wins when text is empty."},
		{in: `{"text":5}`, err: `field "text" must be a string, not a number`},
		{in: `{"title":["x"],"text":"T."}`, err: `field "title" must be a string, not an array`},
		{in: `{"txt":"typo"}`, err: `unknown field(s) ["txt"]`},
		{in: `{"text":"   "}`, err: `the record has no text`},
		{in: `{"html":"<p>A page.</p>","url":"https://example.com/a"}`, html: true},
		{in: `{"text":"T.","publisher":"AP","site_name":"x"}`, text: "T.", outlet: "AP"},
		{in: `{"text":"T.","outlet":"Reuters","publisher":"AP"}`, text: "T.", outlet: "Reuters"},
		{in: `{"text":"T.","source":"crawl-7","tags":[1,2]}`, text: "T.", meta: "source"},
		{in: `{"text":"T.","published":"2025-02-18"}`, text: "T.", publish: "2025-02-18"},
		{in: `{"text":"T.","published":"Tue, 18 Feb 2025 10:00:00 +0000"}`, text: "T.", publish: "2025-02-18"},
		{in: `{"text":"T.","published":"soon"}`, err: `field "published": "soon" is not a date`},
		{in: `{"text":"T.","published":20250218}`, err: `field "published" must be a string`},
		{in: `{"text":"\u0000\u0001\u0002\u0003binary"}`, err: `field "text": binary data`},
		{in: `[1,2]`, err: "not a JSON object"},
		{in: `null`, err: "not a JSON object"},
		{in: `{"text":"T."} trailing`, err: "not a JSON object"},
		{in: `{"text":"T.`, err: "not a JSON object"},
	}
	for _, c := range cases {
		r, err := DecodeJSON([]byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("DecodeJSON(%s) error %v, want one with %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("DecodeJSON(%s): %v", c.in, err)
			continue
		}
		if r.Doc.ID != c.id || r.Doc.Text != c.text || (r.HTML != nil) != c.html {
			t.Errorf("DecodeJSON(%s) = id %q text %q html %v; want %q %q %v", c.in, r.Doc.ID, r.Doc.Text, r.HTML != nil, c.id, c.text, c.html)
		}
		if c.outlet != "" && r.Doc.Outlet != c.outlet {
			t.Errorf("DecodeJSON(%s) outlet %q, want %q", c.in, r.Doc.Outlet, c.outlet)
		}
		if c.meta != "" && r.Doc.Meta[c.meta] == nil {
			t.Errorf("DecodeJSON(%s) meta %v lacks %q", c.in, r.Doc.Meta, c.meta)
		}
		if c.publish != "" && r.Doc.Published.Format(time.DateOnly) != c.publish {
			t.Errorf("DecodeJSON(%s) published %v, want %s", c.in, r.Doc.Published, c.publish)
		}
	}
}

func TestRecordDocumentExtractsHTML(t *testing.T) {
	page := `<!doctype html><html><head><title>Talks end</title></head><body><article><h1>Talks end</h1>` +
		strings.Repeat(`<p>The delegations met for four hours in the capital and agreed to meet again next week, officials said.</p>`, 4) +
		`</article></body></html>`
	r, err := DecodeJSON([]byte(`{"id":"p1","outlet":"Wire","html":` + quote(page) + `}`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.Document(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "p1" || !strings.Contains(d.Text, "agreed to meet again") || strings.Contains(d.Text, "<p>") || d.Outlet != "Wire" {
		t.Errorf("document %q %q outlet %q", d.ID, d.Text, d.Outlet)
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"hello","published":"2025-02-18","x":[1,2]}`))
	f.Add([]byte(`{"id":7,"html":"<p>x</p>"}`))
	f.Add([]byte(`{"text":null,"body":"b"}`))
	f.Add([]byte(`{"id":1e400,"text":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeJSON(b)
		if err != nil {
			return
		}
		if r.HTML == nil && strings.TrimSpace(r.Doc.Text) == "" {
			t.Errorf("accepted %q with no text and no html", b)
		}
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Smith said it rained."))
	f.Add([]byte("Caf\xe9"))
	f.Add([]byte("\xff\xfeH\x00"))
	f.Add([]byte{0x89, 'P', 'N', 'G'})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := Text(b)
		if err != nil {
			return
		}
		if Binary([]byte(s)) != "" {
			t.Errorf("Text returned binary-looking %q", s)
		}
		if strings.TrimSpace(s) == "" {
			t.Errorf("Text accepted empty %q", b)
		}
	})
}
