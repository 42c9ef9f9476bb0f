package event

import (
	"bufio"
	"fmt"
	"strings"
)

// nounDict holds nominal event triggers ("talks", "summit", "air strike"):
// PETRARCH's dictionary codes verbs only, but news reports many events as
// nouns.
type nounDict struct {
	byWord map[string][]nounEntry
}

type nounEntry struct {
	words    []string
	code     string
	reversed bool // the clause's subject undergoes the act: "X came under fire"
}

// parseNouns reads nouns.tsv: phrase (words separated by spaces, upper or
// lower case) TAB code. A code after a colon (":111") is an act done to the
// clause's subject, as in the verb dictionary.
func parseNouns(data string) (*nounDict, error) {
	d := &nounDict{byWord: make(map[string][]nounEntry)}
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") || line == 1 {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("nouns.tsv:%d: want phrase TAB code", line)
		}
		w := strings.Fields(strings.ToUpper(f[0]))
		if len(w) == 0 {
			continue
		}
		code, ok, rev := parseCodeDir(f[1])
		if !ok || code == "" {
			return nil, fmt.Errorf("nouns.tsv:%d: bad code %q", line, f[1])
		}
		d.byWord[w[0]] = append(d.byWord[w[0]], nounEntry{words: w, code: code, reversed: rev})
	}
	return d, sc.Err()
}

// match returns the code and length of the longest noun trigger at i.
func (d *nounDict) match(words []string, i int) (string, int) {
	e := d.entry(words, i)
	if e == nil {
		return "", 0
	}
	return e.code, len(e.words)
}

// entry returns the longest noun trigger at i, or nil.
func (d *nounDict) entry(words []string, i int) *nounEntry {
	var best *nounEntry
	l := d.byWord[words[i]]
	for k := range l {
		e := &l[k]
		n := len(e.words)
		if best != nil && n <= len(best.words) || i+n > len(words) {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if !wordEq(words[i+k], e.words[k], k == n-1) {
				ok = false
				break
			}
		}
		if ok {
			best = e
		}
	}
	return best
}
