package conllu

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

const sample = "# sent_id = 1\n# text = I don't know.\n" +
	"1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
	"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
	"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
	"4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n" +
	"4.1\tgone\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"

// TestRoundTrip guards pass-through: comments, multi-word tokens and empty
// nodes come out as they went in.
func TestRoundTrip(t *testing.T) {
	in := sample + strings.Replace(sample, "sent_id = 1", "sent_id = 2", 1)
	r := NewReader(strings.NewReader(in))
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	n := 0
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if got := len(s.Words(nil)); got != 5 {
			t.Errorf("sentence %d: %d words, want 5", n, got)
		}
		if err := Write(w, s); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if n != 2 || out.String() != in {
		t.Errorf("read %d sentences; round trip differs:\n%s", n, out.String())
	}
}

// TestErrors guards the line-numbered messages for malformed input and that
// reading goes on with the next sentence.
func TestErrors(t *testing.T) {
	good := "1\tok\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
	cases := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"few fields", "1\ta\tb\n\n", 1, "want 10 tab-separated fields, got 3"},
		{"bad id", "# c\n2\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n", 2, `word ID "2": want 1`},
		{"bad head", "1\ta\t_\t_\t_\t_\tx\troot\t_\t_\n\n", 1, `HEAD "x" is not a word number`},
		{"head past end", "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t7\tdep\t_\t_\n\n", 2, "HEAD 7 is past"},
		{"empty field", "1\t\t_\t_\t_\t_\t0\troot\t_\t_\n\n", 1, "field 2 (FORM) is empty"},
		{"bad range", "1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n\n", 1, "multi-word token ID"},
		{"bad empty node", "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3.1\tb\t_\t_\t_\t_\t_\t_\t_\t_\n\n", 2, "empty node ID"},
		{"late comment", "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n# c\n\n", 2, "comment after"},
		{"utf8", "1\t\xff\t_\t_\t_\t_\t0\troot\t_\t_\n\n", 1, "invalid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(c.in + good))
			_, err := r.Next()
			var e *Error
			if !errors.As(err, &e) || e.Line != c.line || !strings.Contains(e.Msg, c.msg) {
				t.Fatalf("got %v, want line %d: %s", err, c.line, c.msg)
			}
			s, err := r.Next()
			if err != nil || len(s.Tokens) != 1 {
				t.Fatalf("the sentence after the bad one: %v %v", s, err)
			}
			if _, err := r.Next(); !errors.Is(err, io.EOF) {
				t.Fatalf("want EOF, got %v", err)
			}
		})
	}
}

// TestCRLFAndNoFinalBlank accepts Windows line ends and a file that ends
// without the blank line.
func TestCRLFAndNoFinalBlank(t *testing.T) {
	r := NewReader(strings.NewReader("\ufeff1\ta\t_\t_\t_\t_\t0\troot\t_\t_\r\n"))
	s, err := r.Next()
	if err != nil || len(s.Tokens) != 1 || s.Tokens[0].Misc != "_" {
		t.Fatalf("%+v %v", s, err)
	}
}

// FuzzRead checks that any input reads without panicking, every sentence it
// accepts has consecutive word numbers and heads inside the sentence, and
// writing and reading it again gives the same sentence.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n\n# x\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t2\tx\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in))
		for range 1000 {
			s, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var e *Error
			if err != nil {
				if !errors.As(err, &e) || e.Line < 1 {
					t.Fatalf("error without a line: %v", err)
				}
				continue
			}
			n := 0
			for _, tok := range s.Tokens {
				if tok.Kind == Word {
					n++
					if tok.N != n {
						t.Fatalf("word %d numbered %d", n, tok.N)
					}
				}
			}
			for _, tok := range s.Tokens {
				if tok.Kind == Word && HeadOf(&tok) > n {
					t.Fatalf("head %s past %d words", tok.Head, n)
				}
			}
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			Write(w, s)
			w.Flush()
			again, err := NewReader(&buf).Next()
			if err != nil || len(again.Tokens) != len(s.Tokens) || len(again.Comments) != len(s.Comments) {
				t.Fatalf("rewritten sentence reads differently: %v", err)
			}
		}
	})
}

// TestReadAll reads a whole input and stops at the first malformed line.
func TestReadAll(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample + sample))
	if err != nil || len(ss) != 2 {
		t.Fatalf("%d sentences, %v", len(ss), err)
	}
	_, err = ReadAll(strings.NewReader(sample + "1\tx\n\n"))
	var e *Error
	if !errors.As(err, &e) || e.Line != 11 {
		t.Fatalf("got %v, want an error on line 11", err)
	}
}

// TestReadAllocations: a sentence costs a fixed few allocations (the
// Sentence, its text, its comments and its tokens), not two or more a line,
// and reads as it did.
func TestReadAllocations(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		max  float64
	}{
		{"sample, 2 comments and 7 token lines", sample, 4},
		{"no comment", "1\ta\t_\t_\t_\t_\t2\tx\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n\n", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Repeat(tc.in, 200)
			r := NewReader(strings.NewReader(in))
			if _, err := r.Next(); err != nil { // the reader's buffers
				t.Fatal(err)
			}
			var s *Sentence
			got := testing.AllocsPerRun(100, func() {
				var err error
				if s, err = r.Next(); err != nil {
					t.Fatal(err)
				}
			})
			if got > tc.max {
				t.Errorf("%.1f allocations a sentence, want at most %.0f", got, tc.max)
			}
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			Write(w, s)
			w.Flush()
			if buf.String() != tc.in {
				t.Errorf("read and written:\n%s\nwant\n%s", buf.String(), tc.in)
			}
		})
	}
}

// TestNextIntoReuses: reading into the same Sentence costs one allocation
// a sentence (its text), and gives what Next gives.
func TestNextIntoReuses(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"sample", sample},
		{"no comment", "1\ta\t_\t_\t_\t_\t2\tx\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Repeat(tc.in, 200)
			r, want := NewReader(strings.NewReader(in)), NewReader(strings.NewReader(in))
			var s Sentence
			got := testing.AllocsPerRun(100, func() {
				if err := r.NextInto(&s); err != nil {
					t.Fatal(err)
				}
			})
			if got > 1 {
				t.Errorf("%.1f allocations a sentence, want 1", got)
			}
			w, err := want.Next()
			if err != nil || !slices.Equal(w.Tokens, s.Tokens) || !slices.Equal(w.Comments, s.Comments) {
				t.Errorf("NextInto read %+v, Next %+v (%v)", s, w, err)
			}
		})
	}
}

// BenchmarkRead reads the sample sentence (9 lines) over and over, with
// Next and with NextInto: ns/op and allocations are per sentence.
func BenchmarkRead(b *testing.B) {
	in := strings.Repeat(sample, 4096)
	var into Sentence
	for _, bc := range []struct {
		name string
		next func(r *Reader) error
	}{
		{"Next", func(r *Reader) error { _, err := r.Next(); return err }},
		{"NextInto", func(r *Reader) error { return r.NextInto(&into) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(sample)))
			b.ReportAllocs()
			r := NewReader(strings.NewReader(in))
			for b.Loop() {
				if err := bc.next(r); errors.Is(err, io.EOF) {
					r = NewReader(strings.NewReader(in))
				} else if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
