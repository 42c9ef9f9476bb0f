package html

import (
	_ "embed"
	"strings"
)

//go:embed data/byline_noise.txt
var bylineNoiseTxt string

// readWordLines returns the set of the non-blank lines of a one-word-a-line
// list that are not # comments, as resolve reads its lists.
func readWordLines(s string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}
