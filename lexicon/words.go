package lexicon

import (
	_ "embed"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"
)

//go:embed data/calendar.tsv
var calendarTSV string

//go:embed data/role_synonyms.tsv
var roleSynonymsTSV string

// roleSynonyms are the interchangeable forms of one role noun, from
// data/role_synonyms.tsv; read-only.
var roleSynonyms = func() map[string][]string {
	out := map[string][]string{}
	for role, forms := range MustReadPairs("role_synonyms.tsv", roleSynonymsTSV) {
		out[role] = strings.Split(forms, "|")
	}
	return out
}()

// RoleSynonyms returns the forms that may stand for the lower-case role
// noun ("spokesperson" → spokesman, spokeswoman, spokesperson), or nil when
// it has none. The caller must not change the slice.
func RoleSynonyms(role string) []string { return roleSynonyms[role] }

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

// calendar holds the weekday and month names and abbreviations of
// data/calendar.tsv with their numbers; read-only once read.
type calendarWords struct {
	weekdays, weekdayAbbrs map[string]time.Weekday
	months, monthAbbrs     map[string]time.Month
}

var calendar = mustReadCalendar("calendar.tsv", calendarTSV)

func mustReadCalendar(file, data string) calendarWords {
	c := calendarWords{map[string]time.Weekday{}, map[string]time.Weekday{}, map[string]time.Month{}, map[string]time.Month{}}
	err := eachRow(file, data, 3, func(f []string) error {
		n, err := strconv.Atoi(f[2])
		if err != nil || f[1] == "" {
			return fmt.Errorf("want class, word, number, got %q", strings.Join(f, "\t"))
		}
		switch {
		case (f[0] == "weekday" || f[0] == "weekday_abbr") && n >= 1 && n <= 7:
			m := c.weekdays
			if f[0] == "weekday_abbr" {
				m = c.weekdayAbbrs
			}
			m[f[1]] = time.Weekday(n % 7) // ISO Sunday 7 is Go's 0
		case (f[0] == "month" || f[0] == "month_abbr") && n >= 1 && n <= 12:
			m := c.months
			if f[0] == "month_abbr" {
				m = c.monthAbbrs
			}
			m[f[1]] = time.Month(n)
		default:
			return fmt.Errorf("want a weekday (1-7) or month (1-12) row, got %q", strings.Join(f, "\t"))
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return c
}

// IsWeekday reports whether the lower-case word is a day of the week.
func IsWeekday(w string) bool { _, ok := calendar.weekdays[w]; return ok }

// IsMonth reports whether the lower-case word is the name of a month.
func IsMonth(w string) bool { _, ok := calendar.months[w]; return ok }

// IsCalendarAbbreviation reports whether the lower-case word, without its
// full stop, abbreviates a weekday or a month ("tue", "sept").
func IsCalendarAbbreviation(w string) bool {
	_, wd := calendar.weekdayAbbrs[w]
	_, m := calendar.monthAbbrs[w]
	return wd || m
}

// Weekdays returns the lower-case names of the days of the week with the
// day each names; the caller may keep or change the map.
func Weekdays() map[string]time.Weekday { return maps.Clone(calendar.weekdays) }

// Months returns the lower-case names of the months with their numbers;
// the caller may keep or change the map.
func Months() map[string]time.Month { return maps.Clone(calendar.months) }

// MonthAbbreviations returns the lower-case abbreviations of month names
// ("jan", "sept") with the month each stands for; the caller may keep or
// change the map.
func MonthAbbreviations() map[string]time.Month { return maps.Clone(calendar.monthAbbrs) }

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

// Union returns a new set holding the words of all the sets: one class
// made of several ("dispute" and "negation" words, time words and
// weekdays).
func Union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, set := range sets {
		for w := range set {
			m[w] = true
		}
	}
	return m
}
