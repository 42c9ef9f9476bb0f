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
	words []string
	code  string
}

// parseNouns reads nouns.tsv: phrase (words separated by spaces, upper or
// lower case) TAB code.
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
		d.byWord[w[0]] = append(d.byWord[w[0]], nounEntry{words: w, code: f[1]})
	}
	return d, sc.Err()
}

// match returns the code and length of the longest noun trigger at i.
func (d *nounDict) match(words []string, i int) (string, int) {
	code, bn := "", 0
	for _, e := range d.byWord[words[i]] {
		n := len(e.words)
		if n <= bn || i+n > len(words) {
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
			code, bn = e.code, n
		}
	}
	return code, bn
}
