package http

import (
	"testing"

	"github.com/parley-news/parley"
)

func TestParamsPage(t *testing.T) {
	tests := []struct {
		raw           string
		limit, offset int
		bad           bool
	}{
		{"", 0, 0, false},
		{"limit=10&offset=20", 10, 20, false},
		{"limit=100000", parley.MaxLimit, 0, false},
		{"limit=999999999999999999999999", parley.MaxLimit, 0, false},
		{"limit=-999999999999999999999999", 0, 0, true},
		{"limit=0", 0, 0, true},
		{"limit=1.5", 0, 0, true},
		{"limit=", 0, 0, false},
		{"offset=100001", 0, 0, true},
		{"offset=x", 0, 0, true},
		{"limit=1&limit=2", 0, 0, true},
	}
	for _, tc := range tests {
		p := newParams(tc.raw)
		pr := p.page()
		if (p.err != nil) != tc.bad {
			t.Errorf("%q: err = %v; want error %v", tc.raw, p.err, tc.bad)
			continue
		}
		if !tc.bad && (pr.Limit != tc.limit || pr.Offset != tc.offset) {
			t.Errorf("%q: page = %+v; want limit %d offset %d", tc.raw, pr, tc.limit, tc.offset)
		}
	}
}

// FuzzParams checks that no query string makes the parameter parser panic
// or let through a page outside its bounds.
func FuzzParams(f *testing.F) {
	for _, s := range []string{"speaker=Lavrov&limit=5", "actor=a&actor=b&plover=CONSULT", "since=2025-01-01&until=2024-01-01",
		"limit=-1", "q=%", "status=disputed&type=PERSON", "offset=99999999999999999999", "a=%ff", "speaker=\x00"} {
		f.Add(s)
	}
	all := []string{"speaker", "speaker_id", "outlet", "article", "since", "until", "q", "actor", "plover", "place", "status", "entity", "name", "type"}
	f.Fuzz(func(t *testing.T, raw string) {
		p := newParams(raw, all...)
		_ = p.quoteFilter()
		_ = p.eventFilter()
		_ = p.claimFilter()
		_ = p.entityFilter()
		af := p.articleFilter()
		if p.err != nil {
			return
		}
		if af.Limit < 0 || af.Limit > parley.MaxLimit || af.Offset < 0 || af.Offset > maxOffset {
			t.Errorf("%q: accepted page %+v", raw, af.PageRequest)
		}
		if !af.Since.IsZero() && !af.Until.IsZero() && !af.Since.Before(af.Until) {
			t.Errorf("%q: accepted an empty date range", raw)
		}
	})
}
