// Package eval scores parley's output against the gold formats in the
// project's reference data: quote attribution (ScoreQuotes), event coding
// (ScoreEvents) and HTML body extraction (ScoreHTML).
//
// Each scorer is a port of a Python reference scorer (score_quotes.py,
// score_events.py, score_html.py) and must agree with it to the last printed
// digit. Where Python semantics differ from Go's (str.isspace versus
// unicode.IsSpace, the Unicode \s and \w of Python's re, round() on floats,
// code-point indexing), the helpers in this file reproduce Python's.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// pyIsSpace reports whether Python's str.isspace is true for r: Unicode
// White_Space plus the information separators U+001C..U+001F, which Python
// counts (their bidi class is B or S) and Go does not.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyIsWord reports whether r matches \w in a Python str pattern.
func pyIsWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// pyStrip trims what Python's str.strip() trims.
func pyStrip(s string) string { return strings.TrimFunc(s, pyIsSpace) }

// pyRound rounds x to n decimals as Python's round(x, n) does: correctly
// rounded from the exact binary value, ties to even.
func pyRound(x float64, n int) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', n, 64), 64)
	if err != nil {
		return x
	}
	return v
}

// pyMean is statistics.mean: the exact mean of the values, rounded once.
func pyMean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var sum, r big.Rat
	for _, x := range xs {
		sum.Add(&sum, r.SetFloat64(x))
	}
	sum.Quo(&sum, r.SetInt64(int64(len(xs))))
	f, _ := sum.Float64()
	return f
}

// readJSONL calls fn for each non-blank line of r with its 1-based number.
func readJSONL(r io.Reader, name string, fn func(ln int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 512<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := fn(ln, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, ln, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: after line %d: %w", name, ln, err)
	}
	return nil
}

// idKey turns a JSON id into the string Python's str(id) would give for the
// usual cases: strings as they are, numbers as written.
func idKey(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", fmt.Errorf("record without id")
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("id: %w", err)
		}
		return s, nil
	}
	return string(raw), nil
}

// ordered keeps records by id as a Python dict does: a later record with the
// same id replaces the earlier one but keeps its position.
type ordered[T any] struct {
	keys []string
	m    map[string]T
}

func (o *ordered[T]) put(k string, v T) {
	if o.m == nil {
		o.m = make(map[string]T)
	}
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}
