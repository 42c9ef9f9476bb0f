package conllu

import (
	"bufio"
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
}

// NewReader reads CoNLL-U from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 1<<16)} }

// Next returns the next sentence, or io.EOF after the last one. A malformed
// line makes Next return an *Error naming the line; the rest of that sentence
// is skipped, and the next call goes on with the sentence after it.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	var bad *Error
	for {
		line, ok, err := r.readLine()
		if err != nil {
			return nil, err
		}
		if !ok || line == "" {
			if bad != nil {
				return nil, bad
			}
			if s != nil {
				if err := s.checkHeads(); err != nil {
					return nil, err
				}
				return s, nil
			}
			if !ok {
				return nil, io.EOF
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if bad == nil {
			bad = s.add(line, r.line)
		}
	}
}

// readLine returns the next line without its line ending; ok is false at the
// end of the input.
func (r *Reader) readLine() (string, bool, error) {
	if r.eof {
		return "", false, nil
	}
	line, err := r.r.ReadString('\n')
	if errors.Is(err, io.EOF) {
		r.eof = true
		if line == "" {
			return "", false, nil
		}
	} else if err != nil {
		return "", false, fmt.Errorf("line %d: %w", r.line+1, err)
	}
	r.line++
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if r.line == 1 {
		line = strings.TrimPrefix(line, "\ufeff")
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
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fail("want 10 tab-separated fields, got %d", len(f))
	}
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
