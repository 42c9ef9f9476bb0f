package event

import (
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// weekdays and months (names and abbreviations) are the calendar words of
// lexicon/data/calendar.tsv, upper-cased as the coder reads words.
var (
	weekdays = upperKeys(lexicon.Weekdays())
	months   = upperKeys(lexicon.Months(), lexicon.MonthAbbreviations())
)

// resolveDate finds the time expression of the trigger's clause and turns
// it into a date relative to the publication date. Past events take the
// latest matching day on or before publication, future ones (intentions,
// "next week") the next one. Without a publication date the phrase is kept
// and the date left zero.
func resolveDate(s *sentence, t trig, pub time.Time) (time.Time, string) {
	// Prefer an expression after the trigger, in its clause; then before.
	order := make([]int, 0, len(s.words))
	for k := t.first; k < len(s.words) && k < t.first+20; k++ {
		order = append(order, k)
	}
	for k := t.first - 1; k >= 0 && k >= t.first-12; k-- {
		order = append(order, k)
	}
	future := t.future || (len(t.code) >= 2 && t.code[:2] == "03")
	for _, k := range order {
		d, phrase, ok := dateAt(s, k, pub, future)
		if ok {
			return d, phrase
		}
	}
	return time.Time{}, ""
}

func (s *sentence) text(i, j int) string {
	sp := s.span(i, j)
	return s.in.Doc.Text[sp.Start:sp.End]
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// dateAt reads a time expression at token k.
func dateAt(s *sentence, k int, pub time.Time, future bool) (time.Time, string, bool) {
	w := s.words[k]
	if !s.caps[k] {
		switch w {
		case "TODAY", "TONIGHT", "YESTERDAY", "TOMORROW", "WEEK", "MONTH", "YEAR":
		default:
			return time.Time{}, "", false
		}
	}
	prev := ""
	if k > 0 {
		prev = s.words[k-1]
	}
	start := k
	if dateOpeners[prev] {
		start = k - 1
	}
	none := func() (time.Time, string, bool) { return time.Time{}, "", false }
	if wd, ok := weekdays[w]; ok {
		phrase := s.text(start, k+1)
		if pub.IsZero() {
			return time.Time{}, phrase, true
		}
		p := day(pub)
		back := int(p.Weekday()-wd+7) % 7
		fwd := int(wd-p.Weekday()+7) % 7
		switch {
		case prev == "NEXT" || (future && prev != "LAST"):
			if fwd == 0 {
				fwd = 7
			}
			return p.AddDate(0, 0, fwd), phrase, true
		case prev == "LAST" && back == 0:
			return p.AddDate(0, 0, -7), phrase, true
		}
		return p.AddDate(0, 0, -back), phrase, true
	}
	switch w {
	case "TODAY", "TONIGHT", "YESTERDAY", "TOMORROW":
		phrase := s.text(k, k+1)
		if pub.IsZero() {
			return time.Time{}, phrase, true
		}
		p := day(pub)
		switch w {
		case "YESTERDAY":
			p = p.AddDate(0, 0, -1)
		case "TOMORROW":
			p = p.AddDate(0, 0, 1)
		}
		return p, phrase, true
	case "WEEK", "MONTH", "YEAR":
		if prev != "LAST" && prev != "NEXT" && prev != "THIS" {
			return none()
		}
		phrase := s.text(k-1, k+1)
		if pub.IsZero() {
			return time.Time{}, phrase, true
		}
		p := day(pub)
		n := 0
		switch prev {
		case "LAST":
			n = -1
		case "NEXT":
			n = 1
		}
		switch w {
		case "WEEK":
			p = p.AddDate(0, 0, 7*n)
		case "MONTH":
			p = time.Date(p.Year(), p.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		case "YEAR":
			p = time.Date(p.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return p, phrase, true
	}
	if m, ok := months[strings.TrimSuffix(w, ".")]; ok && s.caps[k] && w != "MAY" && w != "MARCH" || ok && (w == "MAY" || w == "MARCH") && k+1 < len(s.words) && isDayNumber(s.words[k+1]) {
		// "February 18", "18 February", "February 18, 2025".
		d := 0
		end := k + 1
		if k+1 < len(s.words) && isDayNumber(s.words[k+1]) {
			d, _ = strconv.Atoi(s.words[k+1])
			end = k + 2
		} else if k > 0 && isDayNumber(prev) {
			d, _ = strconv.Atoi(prev)
			start = k - 1
		}
		if d == 0 {
			return none()
		}
		year := 0
		if end+1 < len(s.words) && s.words[end] == "," && len(s.words[end+1]) == 4 {
			if y, err := strconv.Atoi(s.words[end+1]); err == nil {
				year, end = y, end+2
			}
		}
		if start == k && prev == "ON" {
			start = k - 1
		}
		phrase := s.text(start, end)
		if year == 0 {
			if pub.IsZero() {
				return time.Time{}, phrase, true
			}
			year = pub.Year()
			if cand := time.Date(year, m, d, 0, 0, 0, 0, time.UTC); !future && cand.After(day(pub).AddDate(0, 0, 7)) {
				year--
			}
		}
		return time.Date(year, m, d, 0, 0, 0, 0, time.UTC), phrase, true
	}
	return none()
}

func isDayNumber(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1 && n <= 31
}

// location finds "in/at/near PLACE" in the trigger's clause.
func (c *Coder) location(s *sentence, t trig) *parley.Location {
	try := func(k int) *parley.Location {
		if k <= 0 || !s.caps[k] {
			return nil
		}
		if p := s.words[k-1]; p != "IN" && p != "AT" && p != "NEAR" && !settlementNouns[p] {
			return nil
		}
		// "in March last year", "in May": a month, not the town of March.
		if _, month := months[s.words[k]]; month {
			return nil
		}
		// The longest capitalised run that the gazetteer knows.
		end := k
		for end < len(s.words) && end < k+4 && s.caps[end] {
			end++
		}
		for e := end; e > k; e-- {
			if loc := c.Place(s.text(k, e)); loc != nil {
				return loc
			}
		}
		return nil
	}
	for k := t.last; k < len(s.words) && k < t.last+15; k++ {
		if stopTarget(s.words[k]) {
			break
		}
		if loc := try(k); loc != nil {
			return loc
		}
	}
	for k := t.first - 1; k > 0 && k >= t.first-10; k-- {
		if loc := try(k); loc != nil {
			return loc
		}
	}
	return nil
}
