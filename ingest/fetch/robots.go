package fetch

import (
	"strconv"
	"strings"
	"time"
)

// robots is the part of a robots.txt that applies to one user agent.
type robots struct {
	rules []rule
	delay time.Duration
}

type rule struct {
	allow   bool
	pattern string
}

// parseRobots reads robots.txt (RFC 9309) for the agent: the group that
// names the agent's product token, else the "*" group.
func parseRobots(body, userAgent string) *robots {
	token := strings.ToLower(userAgent)
	if i := strings.IndexAny(token, "/ "); i >= 0 {
		token = token[:i]
	}
	type group struct {
		agents []string
		r      robots
	}
	var groups []*group
	var cur *group
	inAgents := false
	for _, line := range strings.Split(body, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && val == "") {
				continue
			}
			cur.r.rules = append(cur.r.rules, rule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if f, err := strconv.ParseFloat(val, 64); err == nil && f > 0 {
					cur.r.delay = min(time.Duration(f*float64(time.Second)), time.Minute)
				}
			}
		default:
			inAgents = false
		}
	}
	var star *robots
	for _, g := range groups {
		for _, a := range g.agents {
			if a == token {
				return &g.r
			}
			if a == "*" && star == nil {
				star = &g.r
			}
		}
	}
	if star == nil {
		return &robots{}
	}
	return star
}

// allowed applies the longest matching rule; allow wins a tie.
func (r *robots) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, ru := range r.rules {
		if match(ru.pattern, path) {
			n := len(ru.pattern)
			if n > best || (n == best && ru.allow) {
				best, allow = n, ru.allow
			}
		}
	}
	return allow
}

// match reports whether path matches a robots pattern: a prefix, with *
// for any run of characters and a final $ anchoring the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == "" || (len(parts) > 1 && strings.HasSuffix(pattern, "*"))
}
