package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/calendar.tsv
var calendarTSV string

// WordSets are closed classes of words by name, read from a word-list file:
// UTF-8 TSV of "class TAB word" rows under a header row, # comments and
// blank lines skipped, as the packages' data/words.tsv files are written.
// A WordSets is read-only once read.
type WordSets struct {
	sets  map[string]map[string]bool
	lists map[string][]string // the words of each class in file order
}

// ReadWordSets parses a word-list file; file names it in errors.
func ReadWordSets(file, data string) (WordSets, error) {
	ws := WordSets{sets: map[string]map[string]bool{}, lists: map[string][]string{}}
	err := eachRow(file, data, 2, func(f []string) error {
		if f[0] == "" || f[1] == "" {
			return fmt.Errorf("want class TAB word, got %q", strings.Join(f, "\t"))
		}
		if ws.sets[f[0]] == nil {
			ws.sets[f[0]] = map[string]bool{}
		}
		if !ws.sets[f[0]][f[1]] {
			ws.lists[f[0]] = append(ws.lists[f[0]], f[1])
		}
		ws.sets[f[0]][f[1]] = true
		return nil
	})
	if err != nil {
		return WordSets{}, err
	}
	return ws, nil
}

// MustReadWordSets is ReadWordSets for a file embedded in the binary: it
// panics if the file does not parse, which a test of the package catches.
func MustReadWordSets(file, data string) WordSets {
	ws, err := ReadWordSets(file, data)
	if err != nil {
		panic(err)
	}
	return ws
}

// Set returns the words of class. It panics if the file has no such class,
// so that a misspelt class name fails at start, not silently.
func (ws WordSets) Set(class string) map[string]bool {
	s, ok := ws.sets[class]
	if !ok {
		panic("lexicon: word list has no class " + class)
	}
	return s
}

// List returns the words of class in the order the file gives them, for
// tests that take the first match; like Set it panics on an unknown class.
// The caller must not change the slice.
func (ws WordSets) List(class string) []string {
	ws.Set(class)
	return ws.lists[class]
}

// Has reports whether word is one of class; a class the file lacks has no
// words.
func (ws WordSets) Has(class, word string) bool { return ws.sets[class][word] }

// Upper returns the words of class in upper case, for the event coder,
// which reads upper-case words.
func (ws WordSets) Upper(class string) map[string]bool {
	out := map[string]bool{}
	for w := range ws.Set(class) {
		out[strings.ToUpper(w)] = true
	}
	return out
}

// The weekday and month names and abbreviations of data/calendar.tsv;
// read-only.
var (
	calendar      = MustReadWordSets("calendar.tsv", calendarTSV)
	weekdays      = calendar.Set("weekday")
	months        = calendar.Set("month")
	calendarAbbrs = union(calendar.Set("weekday_abbr"), calendar.Set("month_abbr"))
)

func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for w := range a {
		m[w] = true
	}
	for w := range b {
		m[w] = true
	}
	return m
}

// IsWeekday reports whether the lower-case word is a day of the week.
func IsWeekday(w string) bool { return weekdays[w] }

// IsMonth reports whether the lower-case word is the name of a month.
func IsMonth(w string) bool { return months[w] }

// IsCalendarAbbreviation reports whether the lower-case word, without its
// full stop, abbreviates a weekday or a month ("tue", "sept").
func IsCalendarAbbreviation(w string) bool { return calendarAbbrs[w] }

// Weekdays returns the lower-case names of the days of the week, in no
// particular order; the caller may keep or change the slice.
func Weekdays() []string { return setWords(weekdays) }

func setWords(s map[string]bool) []string {
	out := make([]string, 0, len(s))
	for w := range s {
		out = append(out, w)
	}
	return out
}

// ReadPairs parses a two-column file ("word TAB value" rows under a header
// row, # comments and blank lines skipped) into a map; file names it in
// errors. A word given twice is an error.
func ReadPairs(file, data string) (map[string]string, error) {
	m := map[string]string{}
	err := eachRow(file, data, 2, func(f []string) error {
		if f[0] == "" {
			return fmt.Errorf("empty word in %q", strings.Join(f, "\t"))
		}
		if _, dup := m[f[0]]; dup {
			return fmt.Errorf("%q given twice", f[0])
		}
		m[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// MustReadPairs is ReadPairs for a file embedded in the binary: it panics
// if the file does not parse, which a test of the package catches.
func MustReadPairs(file, data string) map[string]string {
	m, err := ReadPairs(file, data)
	if err != nil {
		panic(err)
	}
	return m
}
