package html

import (
	"testing"
	"time"

	dateparser "github.com/markusmobius/go-dateparser"
)

// TestDateParserReadsDatesInManyLanguages guards parley's patched copy of
// go-dateparser (third_party/go-dateparser: its expressions compile on
// first use): the relative and absolute forms of several locales, whose
// expressions are now compiled lazily, still parse.
func TestDateParserReadsDatesInManyLanguages(t *testing.T) {
	base := time.Date(2025, 2, 20, 12, 0, 0, 0, time.UTC)
	cfg := &dateparser.Configuration{CurrentTime: base, DefaultTimezone: time.UTC}
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"18 February 2025", "2025-02-18"},
		{"18 février 2025", "2025-02-18"},
		{"18. Februar 2025", "2025-02-18"},
		{"2 days ago", "2025-02-18"},
		{"vor 2 Tagen", "2025-02-18"},
		{"hace 2 días", "2025-02-18"},
		{"il y a 2 jours", "2025-02-18"},
		{"2 дня назад", "2025-02-18"},
	} {
		d, err := dateparser.Parse(cfg, tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := d.Time.Format(time.DateOnly); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
