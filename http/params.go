package http

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-news/parley"
)

// maxOffset bounds paging: deeper pages cost the database a scan of every
// row before them, so a client must narrow its query instead.
const maxOffset = 100_000

// maxParam bounds the length of one query-parameter value.
const maxParam = 1000

// params reads and validates the query parameters of a request. It refuses
// parameters the endpoint does not know (a misspelt filter would otherwise
// silently match everything), repeated single-valued ones, and malformed
// values, with an error that names the parameter.
type params struct {
	v     url.Values
	known []string
	err   error
}

func newParams(raw string, known ...string) *params {
	p := &params{known: append(known, "limit", "offset")}
	v, err := url.ParseQuery(raw)
	if err != nil {
		p.err = fmt.Errorf("malformed query string: %v", err)
		return p
	}
	p.v = v
	for k, vals := range v {
		if !slices.Contains(p.known, k) {
			p.fail(fmt.Errorf("unknown parameter %q (this endpoint takes %s)", k, strings.Join(p.known, ", ")))
		}
		for _, s := range vals {
			if len(s) > maxParam {
				p.fail(fmt.Errorf("parameter %q is longer than %d bytes", k, maxParam))
			} else if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				p.fail(fmt.Errorf("parameter %q is not valid UTF-8 text", k))
			}
		}
	}
	return p
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// str returns the single value of a parameter, trimmed.
func (p *params) str(name string) string {
	if p.v == nil {
		return ""
	}
	vals := p.v[name]
	if len(vals) > 1 {
		p.fail(fmt.Errorf("parameter %q given %d times; give it once", name, len(vals)))
	}
	if len(vals) == 0 {
		return ""
	}
	return strings.TrimSpace(vals[0])
}

// list returns all values of a repeatable parameter.
func (p *params) list(name string, max int) []string {
	if p.v == nil {
		return nil
	}
	var out []string
	for _, s := range p.v[name] {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) > max {
		p.fail(fmt.Errorf("parameter %q given %d times; at most %d", name, len(out), max))
	}
	return out
}

func (p *params) int(name string, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail(fmt.Errorf("parameter %q: %q is not a whole number", name, s))
		return 0
	}
	if n < lo || n > hi {
		p.fail(fmt.Errorf("parameter %q: %d is out of range [%d, %d]", name, n, lo, hi))
		return 0
	}
	return n
}

// page reads limit and offset. A limit above parley.MaxLimit is capped by
// the store, not refused, so that "give me everything" gets the most it can.
func (p *params) page() parley.PageRequest {
	limit := p.str("limit")
	var pr parley.PageRequest
	if limit != "" {
		n, err := strconv.ParseInt(limit, 10, 64)
		switch {
		case err != nil && errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(limit, "-"):
			n = parley.MaxLimit
		case err != nil:
			p.fail(fmt.Errorf("parameter \"limit\": %q is not a whole number", limit))
		case n < 1:
			p.fail(fmt.Errorf("parameter \"limit\": must be at least 1"))
		}
		pr.Limit = int(min(n, parley.MaxLimit))
	}
	pr.Offset = p.int("offset", 0, maxOffset)
	return pr
}

func (p *params) dates() (since, until time.Time) {
	since, until, err := parley.ParseDateRange(p.str("since"), p.str("until"))
	if err != nil {
		p.fail(err)
	}
	return since, until
}

// oneOf returns the parameter's value if it is one of allowed (compared
// case-insensitively, returned in the allowed spelling).
func (p *params) oneOf(name string, allowed ...string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			return a
		}
	}
	p.fail(fmt.Errorf("parameter %q: %q is not one of %s", name, s, strings.Join(allowed, ", ")))
	return ""
}

func (p *params) quoteFilter() parley.QuoteFilter {
	f := parley.QuoteFilter{Speaker: p.str("speaker"), SpeakerID: p.str("speaker_id"), Outlet: p.str("outlet"),
		Article: p.str("article"), Text: p.str("q"), PageRequest: p.page()}
	f.Since, f.Until = p.dates()
	return f
}

func (p *params) eventFilter() parley.EventFilter {
	f := parley.EventFilter{Actors: p.list("actor", 2), PLOVER: p.str("plover"), Place: p.str("place"),
		Article: p.str("article"), PageRequest: p.page()}
	f.Since, f.Until = p.dates()
	return f
}

func (p *params) claimFilter() parley.ClaimFilter {
	return parley.ClaimFilter{Status: p.oneOf("status", "single-source", "corroborated", "disputed"), Text: p.str("q"),
		EntityID: p.str("entity"), Article: p.str("article"), PageRequest: p.page()}
}

func (p *params) entityFilter() parley.EntityFilter {
	return parley.EntityFilter{Name: p.str("name"), Type: p.oneOf("type", "PERSON", "ORG", "PLACE", "GROUP"), PageRequest: p.page()}
}

func (p *params) articleFilter() parley.ArticleFilter {
	f := parley.ArticleFilter{Outlet: p.str("outlet"), Text: p.str("q"), PageRequest: p.page()}
	f.Since, f.Until = p.dates()
	return f
}

// Parameters of each list endpoint, shared by the handlers and the tests
// that check the OpenAPI description against them.
var (
	quoteParams   = []string{"speaker", "speaker_id", "outlet", "article", "since", "until", "q"}
	eventParams   = []string{"actor", "plover", "place", "article", "since", "until"}
	claimParams   = []string{"status", "q", "entity", "article"}
	entityParams  = []string{"name", "type"}
	articleParams = []string{"outlet", "since", "until", "q"}
	searchParams  = []string{"q"}
)
