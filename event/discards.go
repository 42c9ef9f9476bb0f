package event

import (
	"bufio"
	"strings"
)

// discards are PETRARCH's Phoenix.discards.txt: phrases that mark a
// sentence (or, with '+', a whole story) as outside political event data —
// sports, entertainment ("BASEBALL", "+AUSTRALIAN OPEN"). Its dating
// phrases are left out (see historical).
type discards struct {
	sentence map[string][][]string // first word → phrases
	story    map[string][][]string
}

func parseDiscards(data string) *discards {
	d := &discards{sentence: map[string][][]string{}, story: map[string][][]string{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		m := d.sentence
		if strings.HasPrefix(s, "+") {
			m = d.story
			s = strings.TrimSpace(s[1:])
		}
		w := strings.Fields(strings.ToUpper(strings.ReplaceAll(s, "_", " ")))
		if len(w) == 0 || historical(w) {
			continue
		}
		m[w[0]] = append(m[w[0]], w)
	}
	return d
}

// hit reports whether words contain a phrase of m.
func hit(m map[string][][]string, words []string) bool {
	for i, w := range words {
		for _, p := range m[w] {
			if i+len(p) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(p); k++ {
				if words[i+k] != p[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// historical reports whether a discard only dates its sentence ("1967",
// "years ago", "World War Two"): PETRARCH drops historical events, but an
// article's background events ("Israel seized the territories in 1967")
// are events parley reports.
func historical(w []string) bool {
	if len(w) == 1 && strings.Trim(w[0], "0123456789") == "" {
		return true
	}
	for _, x := range w {
		if x == "AGO" || x == "LATER" || x == "WAR" {
			return true
		}
	}
	return false
}
