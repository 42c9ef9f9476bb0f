package syntax

import (
	"bufio"
	"bytes"
	"fmt"
	"github.com/parley-news/parley"
	"strconv"
	"strings"
	"unicode/utf8"
)

// lemmatizer turns a word and its tag into a lemma. The lemma starts as the
// word, lower-cased unless it is a proper noun; then an exception for the
// (tag, word) pair wins, else the rule for the longest known suffix of the
// word under its tag (strip so many bytes, append a string: "-ies" → "-y"
// under NNS), else the word stays. Both lists are learned from the training
// treebank and live in the data file lemmas.tsv beside the model.
type lemmatizer struct {
	exc   []map[string]string // per tag class: lower-case word → lemma
	rules []map[string]edit   // per tag class: lower-case suffix → edit
}

type edit struct {
	strip int
	add   string
}

const maxSuffix = 6 // longest suffix, in bytes, a rule may look at

// appendLemma appends the lemma of form under class tc to dst; same reports
// that the lemma is the form itself (dst is then as it came, plus the form).
func (l *lemmatizer) appendLemma(dst []byte, form string, tc tagClass) ([]byte, bool) {
	lo := len(dst)
	dst = appendLowerBytes(dst, form)
	lower := dst[lo:]
	if x, ok := l.exc[tc.id][string(lower)]; ok {
		dst = append(dst[:lo], x...)
		return dst, x == form
	}
	e, ok := l.rule(tc.id, lower)
	if tc.upos == parley.PROPN {
		dst = append(dst[:lo], form...) // lower is overwritten: not used below
	}
	base := dst[lo:]
	if ok && e.strip <= len(base) && (e.strip == 0 || utf8.RuneStart(base[len(base)-e.strip])) {
		dst = append(dst[:len(dst)-e.strip], e.add...)
	}
	return dst, string(dst[lo:]) == form
}

func (l *lemmatizer) rule(cls uint16, lower []byte) (edit, bool) {
	rs := l.rules[cls]
	if rs == nil {
		return edit{}, false
	}
	for k := min(maxSuffix, len(lower)); k >= 1; k-- {
		if !utf8.RuneStart(lower[len(lower)-k]) {
			continue
		}
		if e, ok := rs[string(lower[len(lower)-k:])]; ok {
			return e, true
		}
	}
	return edit{}, false
}

// readLemmas parses lemmas.tsv: "rule TAG SUFFIX STRIP ADD" and
// "exception TAG WORD LEMMA" lines, TAG being "UPOS/XPOS"; tags the model
// does not know are skipped.
func readLemmas(data []byte, classOf func(string) (uint16, bool), nclass int) (*lemmatizer, error) {
	l := &lemmatizer{exc: make([]map[string]string, nclass), rules: make([]map[string]edit, nclass)}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(what string) error { return fmt.Errorf("lemmas.tsv line %d: %s", n, what) }
		if len(f) < 4 {
			return nil, bad("want at least 4 tab-separated fields")
		}
		c, ok := classOf(f[1])
		if !ok {
			continue
		}
		switch f[0] {
		case "exception":
			if l.exc[c] == nil {
				l.exc[c] = map[string]string{}
			}
			l.exc[c][f[2]] = f[3]
		case "rule":
			if len(f) != 5 {
				return nil, bad("a rule has 5 fields")
			}
			k, err := strconv.Atoi(f[3])
			if err != nil || k < 0 || k > len(f[2]) {
				return nil, bad("STRIP must be a byte count within the suffix")
			}
			if l.rules[c] == nil {
				l.rules[c] = map[string]edit{}
			}
			l.rules[c][f[2]] = edit{strip: k, add: unescapeEmpty(f[4])}
		default:
			return nil, bad(fmt.Sprintf("unknown kind %q", f[0]))
		}
	}
	return l, sc.Err()
}

// "-" stands for an empty ADD, so that no field is empty.
func unescapeEmpty(s string) string {
	if s == "-" {
		return ""
	}
	return s
}
