package event

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/parley-news/parley"
)

// wordClasses holds parley's word lists by class: class → first word →
// phrases (upper-case words). Read from TSV files of "class TAB phrase".
type wordClasses map[string]map[string][][]string

// parseClasses reads a "class TAB phrase" file; name is for errors.
func parseClasses(name, data string) (wordClasses, error) {
	wc := wordClasses{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if line == 1 || s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		w := []string(nil)
		if len(f) == 2 {
			w = strings.Fields(strings.ToUpper(f[1]))
		}
		if len(w) == 0 || f[0] == "" {
			return nil, fmt.Errorf("%s:%d: want class TAB phrase, got %q", name, line, s)
		}
		if wc[f[0]] == nil {
			wc[f[0]] = map[string][][]string{}
		}
		wc[f[0]][w[0]] = append(wc[f[0]][w[0]], w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return wc, nil
}

// at returns the length of the longest phrase of class that starts at
// words[i], or 0.
func (wc wordClasses) at(class string, words []string, i int) int {
	if i < 0 || i >= len(words) {
		return 0
	}
	best := 0
	for _, p := range wc[class][words[i]] {
		if len(p) > best && i+len(p) <= len(words) && equalWords(p, words[i:i+len(p)]) {
			best = len(p)
		}
	}
	return best
}

// endsAt reports whether a phrase of class ends at words[k].
func (wc wordClasses) endsAt(class string, words []string, k int) bool {
	for n := 1; n <= 3 && k-n+1 >= 0; n++ {
		if wc.at(class, words, k-n+1) == n {
			return true
		}
	}
	return false
}

// unreal reports whether the trigger at t states something that did not
// happen: a question, a conditional, an act with a negative subject, the
// content of a denial, or what someone denies knowing of.
func (c *Coder) unreal(s *sentence, t trig) bool {
	return question(s, t.first) || c.askedQuestion(s, t) || c.negSubject(s, t.first) ||
		c.conditional(s, t.first) || c.denied(s, t.first) || c.unaware(s, t.first)
}

// unaware reports whether token i follows, in its clause, a denial of
// knowing of or taking part in it: "said he had no knowledge of any
// efforts to urge Ukraine to investigate".
func (c *Coder) unaware(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-15; k-- {
		switch s.words[k] {
		case ";", "BUT", ".", "HOWEVER":
			return false
		}
		if c.classes.endsAt("unaware", s.words, k) {
			return true
		}
	}
	return false
}

// question reports whether the clause of token i ends in a question mark:
// "Will China attack Taiwan?" reports no attack.
func question(s *sentence, i int) bool {
	for k := i + 1; k < len(s.words); k++ {
		switch s.words[k] {
		case "?":
			return true
		case ";", ".":
			return false
		}
	}
	return false
}

// askedQuestion reports whether a verb of asking puts a question ("asked
// whether", "asked the minister about"): asking for something is a
// request, asking about it is not. A verb of asking that ends its
// sentence is the cue of a question ("…?" the MP asked.); one before a
// comma may still ask for something ("asked, in a letter, for a meeting").
func (c *Coder) askedQuestion(s *sentence, t trig) bool {
	if t.noun || c.classes.at("ask", s.words, t.first) == 0 {
		return false
	}
	if t.last == len(s.words) || s.kinds[t.last] == parley.Punct && (s.words[t.last] == "." || s.words[t.last] == "?") {
		return true
	}
	for k := t.last; k < len(s.words) && k < t.last+8; k++ {
		if w := s.words[k]; w == "TO" || w == "FOR" || isDelim(w) {
			return false
		}
		if c.classes.at("question", s.words, k) > 0 {
			return true
		}
	}
	return false
}

// negSubject reports whether the subject right before the verb at i (over
// auxiliaries) negates the clause: "nobody has accused", "none of them".
func (c *Coder) negSubject(s *sentence, i int) bool {
	k := i - 1
	for k >= 0 && (auxWords[s.words[k]] || negWords[s.words[k]]) {
		k--
	}
	return k >= 0 && c.classes.endsAt("negsubject", s.words, k)
}

// conditional reports whether token i is in a conditional clause ("if",
// "unless", "in case", or a sentence opened by "Should X attack, ...").
func (c *Coder) conditional(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := s.words[k]
		if isDelim(w) || w == ";" || w == ":" {
			return false
		}
		if c.classes.at("condition", s.words, k) > 0 || k == 0 && c.classes.at("inverted", s.words, k) > 0 {
			return true
		}
	}
	return false
}

// denied reports whether token i is in what a denial denies: "denied that
// it had attacked", "denies attacking".
func (c *Coder) denied(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-15; k-- {
		w := s.words[k]
		if w == ";" || w == "BUT" || w == "." {
			return false
		}
		if !c.classes.endsAt("denial", s.words, k) {
			continue
		}
		next := k + 1
		return next == i || s.words[next] == "THAT" || s.words[next] == "HAVING" || s.words[next] == "ANY" || strings.HasSuffix(s.words[i], "ING") && next+1 >= i
	}
	return false
}
