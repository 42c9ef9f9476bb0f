package lexicon

import (
	"strings"
	"testing"
	"time"
)

func TestReadWordSets(t *testing.T) {
	for _, tc := range []struct {
		name, data  string
		class, word string
		want        bool
		err         string
	}{
		{"word of its class", "class\tword\naux\tis\n", "aux", "is", true, ""},
		{"word of another class", "class\tword\naux\tis\nneg\tnot\n", "aux", "not", false, ""},
		{"comment skipped", "# aux\tnot\nclass\tword\naux\tis\n", "aux", "not", false, ""},
		{"header is not a row", "class\tword\naux\tis\n", "class", "word", false, ""},
		{"one column", "class\tword\naux\n", "", "", false, "x.tsv:2"},
		{"empty word", "class\tword\naux\t\n", "", "", false, "x.tsv:2"},
		{"three columns", "class\tword\naux\tis\tare\n", "", "", false, "x.tsv:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws, err := ReadWordSets("x.tsv", tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ws.Has(tc.class, tc.word); got != tc.want {
				t.Errorf("%s %q = %v, want %v", tc.class, tc.word, got, tc.want)
			}
		})
	}
}

func TestWordSetsSetPanicsOnUnknownClass(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Set of a missing class did not panic")
		}
	}()
	ws, err := ReadWordSets("x.tsv", "class\tword\naux\tis\n")
	if err != nil {
		t.Fatal(err)
	}
	ws.Set("auxx")
}

func TestWordSetsListKeepsFileOrder(t *testing.T) {
	ws, err := ReadWordSets("x.tsv", "class\tword\nsuf\tments\nsuf\tment\nsuf\ts\nsuf\tment\n")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(ws.List("suf"), " "), "ments ment s"; got != want {
		t.Errorf("List = %q, want %q (file order, a repeat once)", got, want)
	}
}

func TestCalendar(t *testing.T) {
	for _, tc := range []struct {
		word                 string
		weekday, month, abbr bool
	}{
		{"monday", true, false, false},
		{"sunday", true, false, false},
		{"may", false, true, false},
		{"december", false, true, false},
		{"Monday", false, false, false}, // lower case only
		{"week", false, false, false},
		{"tue", false, false, true},
		{"sept", false, false, true},
		{"sep", false, false, true},
	} {
		if got := IsCalendarAbbreviation(tc.word); got != tc.abbr {
			t.Errorf("IsCalendarAbbreviation(%q) = %v, want %v", tc.word, got, tc.abbr)
		}
		if got := IsWeekday(tc.word); got != tc.weekday {
			t.Errorf("IsWeekday(%q) = %v, want %v", tc.word, got, tc.weekday)
		}
		if got := IsMonth(tc.word); got != tc.month {
			t.Errorf("IsMonth(%q) = %v, want %v", tc.word, got, tc.month)
		}
	}
	if n := len(Weekdays()); n != 7 {
		t.Errorf("%d weekdays, want 7", n)
	}
	if n := len(Months()); n != 12 {
		t.Errorf("%d months, want 12", n)
	}
	// the numbers: ISO weekdays (Sunday 7) become Go's (Sunday 0)
	if Weekdays()["sunday"] != time.Sunday || Weekdays()["monday"] != time.Monday {
		t.Errorf("Weekdays: sunday %v, monday %v", Weekdays()["sunday"], Weekdays()["monday"])
	}
	if Months()["may"] != time.May || MonthAbbreviations()["sept"] != time.September || MonthAbbreviations()["jan"] != time.January {
		t.Errorf("Months: may %v; abbreviations: sept %v, jan %v", Months()["may"], MonthAbbreviations()["sept"], MonthAbbreviations()["jan"])
	}
	if _, ok := MonthAbbreviations()["may"]; ok {
		t.Error(`"may" is no abbreviation`)
	}
}

func TestReadCalendarRejectsBadRows(t *testing.T) {
	for _, data := range []string{
		"class\tword\tnumber\nweekday\tmonday\t8\n",
		"class\tword\tnumber\nmonth\tjanuary\tone\n",
		"class\tword\tnumber\nseason\tspring\t1\n",
		"class\tword\tnumber\nmonth\tjanuary\n",
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q: no panic", data)
				}
			}()
			mustReadCalendar("x.tsv", data)
		}()
	}
}

func TestReadPairs(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		word, want string
		err        string
	}{
		{"value of its word", "noun\tchannel\nrelease\ta statement\n", "release", "a statement", ""},
		{"comment skipped", "# x\ty\nnoun\tchannel\nrelease\ta statement\n", "x", "", ""},
		{"header is not a row", "noun\tchannel\nrelease\ta statement\n", "noun", "", ""},
		{"word given twice", "noun\tchannel\npost\tpost\npost\ttweet\n", "", "", "x.tsv:3"},
		{"one column", "noun\tchannel\npost\n", "", "", "x.tsv:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ReadPairs("x.tsv", tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := m[tc.word]; got != tc.want {
				t.Errorf("%q = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}

func TestGerundDoublesFromInflectionList(t *testing.T) {
	for verb, want := range map[string]string{
		"regret": "regretting", // data/inflection.tsv
		"compel": "compelling", // data/inflection.tsv
		"plan":   "planning",   // the short-verb rule
		"visit":  "visiting",   // neither
		"say":    "saying",
	} {
		if got := gerund(verb); got != want {
			t.Errorf("gerund(%q) = %q, want %q", verb, got, want)
		}
	}
}

func TestRoleSynonyms(t *testing.T) {
	for role, want := range map[string]string{
		"spokesperson": "spokesman spokeswoman spokesperson",
		"advisor":      "adviser advisor",
		"minister":     "",
	} {
		if got := strings.Join(RoleSynonyms(role), " "); got != want {
			t.Errorf("RoleSynonyms(%q) = %q, want %q", role, got, want)
		}
	}
}
