package conllu

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reader reads sentences one at a time.
type Reader struct {
	r    *bufio.Reader
	line int
	eof  bool
	buf  []byte // the lines of the sentence being read, end to end
	ends []int  // where each of its lines ends in buf
	long []byte // a line longer than r's buffer, put together
}

// NewReader reads CoNLL-U from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 1<<16)} }

// Next returns the next sentence, or io.EOF after the last one. A malformed
// line makes Next return an *Error naming the line; the rest of that sentence
// is skipped, and the next call goes on with the sentence after it.
//
// A sentence's lines are read first and then made one string, whose
// substrings its fields are, so that reading a sentence costs a few
// allocations rather than two a line.
func (r *Reader) Next() (*Sentence, error) {
	s := &Sentence{}
	if err := r.read(s, false); err != nil {
		return nil, err
	}
	return s, nil
}

// NextInto is Next reading into s, whose Comments and Tokens arrays it
// reuses: for a caller that is done with s before the next sentence. After
// an error s holds nothing of use.
func (r *Reader) NextInto(s *Sentence) error { return r.read(s, true) }

// read reads the next sentence into s, reusing its slices or not.
func (r *Reader) read(s *Sentence, reuse bool) error {
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	first := 0
	for {
		line, ok, err := r.readLine()
		if err != nil {
			return err
		}
		if !ok || len(line) == 0 {
			if len(r.ends) > 0 {
				return r.sentence(s, first, reuse)
			}
			if !ok {
				return io.EOF
			}
			continue
		}
		if len(r.ends) == 0 {
			first = r.line
		}
		r.buf = append(r.buf, line...)
		r.ends = append(r.ends, len(r.buf))
	}
}

// sentence makes s the sentence of the lines in r.buf, the first of which
// is line first of the input.
func (r *Reader) sentence(s *Sentence, first int, reuse bool) error {
	text := string(r.buf)
	if reuse {
		*s = Sentence{Comments: s.Comments[:0], Tokens: s.Tokens[:0], Line: first}
	} else {
		nc, lo := 0, 0
		for _, hi := range r.ends {
			if text[lo] == '#' {
				nc++
			}
			lo = hi
		}
		*s = Sentence{Line: first}
		if nc > 0 {
			s.Comments = make([]string, 0, nc)
		}
		if nt := len(r.ends) - nc; nt > 0 {
			s.Tokens = make([]Token, 0, nt)
		}
	}
	lo := 0
	for i, hi := range r.ends {
		if err := s.add(text[lo:hi], first+i); err != nil {
			return err // the first bad line; the rest of the sentence is read
		}
		lo = hi
	}
	return s.checkHeads()
}

// readLine returns the next line without its line ending, valid until the
// next read; ok is false at the end of the input.
func (r *Reader) readLine() ([]byte, bool, error) {
	if r.eof {
		return nil, false, nil
	}
	line, err := r.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.r.ReadSlice('\n')
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	if errors.Is(err, io.EOF) {
		r.eof = true
		if len(line) == 0 {
			return nil, false, nil
		}
	} else if err != nil {
		return nil, false, fmt.Errorf("line %d: %w", r.line+1, err)
	}
	r.line++
	line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if r.line == 1 {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	return line, true, nil
}

// add appends one comment or token line to the sentence.
func (s *Sentence) add(line string, n int) *Error {
	fail := func(format string, a ...any) *Error { return &Error{Line: n, Msg: fmt.Sprintf(format, a...)} }
	if !utf8.ValidString(line) {
		return fail("invalid UTF-8")
	}
	if strings.HasPrefix(line, "#") {
		if len(s.Tokens) > 0 {
			return fail("comment after the first token line of the sentence")
		}
		s.Comments = append(s.Comments, line)
		return nil
	}
	if n := strings.Count(line, "\t") + 1; n != 10 {
		return fail("want 10 tab-separated fields, got %d", n)
	}
	var f [10]string
	for i := range 9 {
		f[i], line, _ = strings.Cut(line, "\t")
	}
	f[9] = line
	for i, v := range f {
		if v == "" {
			return fail("field %d (%s) is empty", i+1, fieldNames[i])
		}
	}
	t := Token{ID: f[0], Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: f[6], Deprel: f[7], Deps: f[8], Misc: f[9]}
	if msg := s.setID(&t); msg != "" {
		return fail("%s", msg)
	}
	if t.Kind == Word && t.Head != "_" {
		if h, err := strconv.Atoi(t.Head); err != nil || h < 0 {
			return fail("HEAD %q is not a word number", t.Head)
		}
	}
	s.Tokens = append(s.Tokens, t)
	return nil
}

var fieldNames = [10]string{"ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"}

// setID parses t.ID and checks it continues the sentence's numbering.
func (s *Sentence) setID(t *Token) string {
	last := s.lastWord()
	id := t.ID
	if a, b, ok := strings.Cut(id, "-"); ok {
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || lo != last+1 || hi < lo {
			return fmt.Sprintf("multi-word token ID %q: want a range starting at %d", id, last+1)
		}
		t.Kind, t.N, t.Last = Multiword, lo, hi
		return ""
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		lo, err1 := strconv.Atoi(a)
		sub, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || lo != last || sub < 1 {
			return fmt.Sprintf("empty node ID %q: want %d.N", id, last)
		}
		t.Kind, t.N = Empty, lo
		return ""
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != last+1 {
		return fmt.Sprintf("word ID %q: want %d", id, last+1)
	}
	t.Kind, t.N = Word, n
	return ""
}

// lastWord is the number of the last word line so far (0 before any).
func (s *Sentence) lastWord() int {
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if s.Tokens[i].Kind == Word {
			return s.Tokens[i].N
		}
	}
	return 0
}

// checkHeads makes sure every numeric HEAD names a word of the sentence.
func (s *Sentence) checkHeads() error {
	n := s.lastWord()
	for i, t := range s.Tokens {
		if t.Kind != Word || t.Head == "_" {
			continue
		}
		if h, _ := strconv.Atoi(t.Head); h > n {
			// The sentence's lines are contiguous: comments, then tokens.
			return &Error{Line: s.Line + len(s.Comments) + i, Msg: fmt.Sprintf("word %d: HEAD %d is past the sentence's last word %d", t.N, h, n)}
		}
	}
	return nil
}

// ReadAll reads every sentence of r, stopping at the first malformed line.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	var out []*Sentence
	cr := NewReader(r)
	for {
		s, err := cr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}
