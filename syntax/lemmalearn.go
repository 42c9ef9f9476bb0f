package syntax

import (
	"fmt"
	"github.com/parley-news/parley"
	"slices"
	"strings"
	"unicode/utf8"
)

// learnLemmas derives lemmas.tsv from the training sentences: per tag class,
// suffix rules (the most frequent edit from the word's base form to its
// lemma among words with that suffix, kept only where it differs from what a
// shorter suffix decides and seen at least twice), then an exception for
// every (class, word) whose most frequent lemma the rules get wrong.
func learnLemmas(m *Model, sents []*tsent) []byte {
	type key struct {
		cls uint16
		suf string
	}
	counts := map[key]map[edit]int{}
	type wkey struct {
		cls  uint16
		form string
	}
	lemmaOf := map[wkey]map[string]int{}
	for _, s := range sents {
		for i, f := range s.forms {
			tc, lemma := m.tags[s.tags[i]], s.lemmas[i]
			if lemma == "_" {
				continue
			}
			lower := string(appendLowerBytes(nil, f))
			base := lower
			if tc.upos == parley.PROPN {
				base = f
			}
			wk := wkey{tc.id, lower}
			if lemmaOf[wk] == nil {
				lemmaOf[wk] = map[string]int{}
			}
			lemmaOf[wk][lemma]++
			e, ok := editOf(base, lemma)
			if !ok {
				continue
			}
			for k := 1; k <= min(maxSuffix, len(lower)); k++ {
				if k < e.strip || !utf8.RuneStart(lower[len(lower)-k]) {
					continue
				}
				kk := key{tc.id, lower[len(lower)-k:]}
				if counts[kk] == nil {
					counts[kk] = map[edit]int{}
				}
				counts[kk][e]++
			}
		}
	}
	l := &lemmatizer{exc: make([]map[string]string, len(m.tags)), rules: make([]map[string]edit, len(m.tags))}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	// Shorter suffixes first, so that a rule is kept only where it changes
	// what the shorter ones decide.
	slices.SortFunc(keys, func(a, b key) int {
		if a.cls != b.cls {
			return int(a.cls) - int(b.cls)
		}
		if len(a.suf) != len(b.suf) {
			return len(a.suf) - len(b.suf)
		}
		return strings.Compare(a.suf, b.suf)
	})
	var out strings.Builder
	out.WriteString("# Lemmatizer data learned from the training treebank by `parley train syntax`.\n")
	out.WriteString("# rule TAG SUFFIX STRIP ADD: under TAG (UPOS/XPOS), a lower-case word ending in SUFFIX\n")
	out.WriteString("#   loses STRIP bytes and gains ADD (\"-\": nothing); the longest suffix wins.\n")
	out.WriteString("# exception TAG WORD LEMMA: the lemma of the lower-case WORD under TAG.\n")
	for _, k := range keys {
		e, n := bestEdit(counts[k])
		if n < 2 {
			continue
		}
		cur, _ := l.rule(k.cls, []byte(k.suf))
		if cur == e {
			continue
		}
		if l.rules[k.cls] == nil {
			l.rules[k.cls] = map[string]edit{}
		}
		l.rules[k.cls][k.suf] = e
		add := e.add
		if add == "" {
			add = "-"
		}
		fmt.Fprintf(&out, "rule\t%s\t%s\t%d\t%s\n", m.tags[k.cls].name, k.suf, e.strip, add)
	}
	wks := make([]wkey, 0, len(lemmaOf))
	for k := range lemmaOf {
		wks = append(wks, k)
	}
	slices.SortFunc(wks, func(a, b wkey) int {
		if a.cls != b.cls {
			return int(a.cls) - int(b.cls)
		}
		return strings.Compare(a.form, b.form)
	})
	for _, wk := range wks {
		want := mostFrequent(lemmaOf[wk])
		got, _ := l.appendLemma(nil, wk.form, m.tags[wk.cls])
		if m.tags[wk.cls].upos == parley.PROPN {
			continue // their case is kept, and rules cover the rest
		}
		if string(got) != want && !strings.ContainsAny(want, "\t\n") {
			fmt.Fprintf(&out, "exception\t%s\t%s\t%s\n", m.tags[wk.cls].name, wk.form, want)
		}
	}
	return []byte(out.String())
}

// editOf is the edit that turns base into lemma: strip the bytes after their
// common prefix (at a rune boundary), append the rest of the lemma.
func editOf(base, lemma string) (edit, bool) {
	p := 0
	for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
		p++
	}
	for p < len(base) && p > 0 && !utf8.RuneStart(base[p]) {
		p--
	}
	strip := len(base) - p
	if strip > maxSuffix {
		return edit{}, false
	}
	return edit{strip: strip, add: lemma[p:]}, true
}

func bestEdit(c map[edit]int) (edit, int) {
	var best edit
	n := -1
	for e, k := range c {
		if k > n || (k == n && (e.strip < best.strip || (e.strip == best.strip && e.add < best.add))) {
			best, n = e, k
		}
	}
	return best, n
}

func mostFrequent(c map[string]int) string {
	best, n := "", -1
	for s, k := range c {
		if k > n || (k == n && s < best) {
			best, n = s, k
		}
	}
	return best
}
