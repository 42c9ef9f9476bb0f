package event

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestParleyDataCodesExist: every CAMEO code that parley's own verb
// overlay and noun list give is a code of cameo_codes.tsv. The coder
// drops a trigger whose code it does not know, so a mistyped code
// ("1741" for expelling, "0744" for sending peacekeepers, "1631" for an
// embargo) silently loses every event of its trigger.
func TestParleyDataCodesExist(t *testing.T) {
	c := testCoder(t)
	check := func(file, line, code string) {
		if _, ok := c.codes[code]; !ok {
			t.Errorf("%s: %q: code %s is not in cameo_codes.tsv", file, strings.TrimSpace(line), code)
		}
	}
	pattern := regexp.MustCompile(`\[:?(\d+)(?::\d+)?\]`)
	for _, line := range strings.Split(parleyVerbsTxt, "\n") {
		line, _, _ = strings.Cut(line, "#")
		for _, m := range pattern.FindAllStringSubmatch(line, -1) {
			check("verbs.txt", line, m[1])
		}
	}
	for _, line := range strings.Split(parleyNounsTSV, "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) < 2 || f[0] == "phrase" {
			continue
		}
		check("nouns.tsv", line, strings.TrimPrefix(f[1], ":"))
	}
}

// TestFixedCodeTriggers: the triggers whose codes were mistyped make their
// events.
func TestFixedCodeTriggers(t *testing.T) {
	c := testCoder(t)
	tests := []struct{ text, want string }{
		{"France sent peacekeepers to Mali on Monday.", "074"},
		{"The UN Security Council imposed an embargo on Eritrea.", "163"},
		{"Norway announced the expulsion of two Russian diplomats.", "174"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range c.CodeText(tt.text, time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)) {
			got = append(got, e.CAMEO)
		}
		if !strings.Contains(strings.Join(got, " "), tt.want) {
			t.Errorf("%q: codes %v, want %s among them", tt.text, got, tt.want)
		}
	}
}
