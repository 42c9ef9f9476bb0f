package claim

import (
	"strings"
	"unicode"

	"github.com/parley-news/parley"
)

// relay finds "as X (had) (earlier) reported" in the sentence of a quote:
// the outlet or person X asserted the proposition before the speaker took
// a side on it.
func relay(d *parley.Doc, q *parley.Quote) *stance {
	doc := d
	if len(doc.Tokens) == 0 {
		return nil
	}
	i := doc.TokenAt(q.Content.End)
	if i >= len(doc.Tokens) {
		return nil
	}
	si := doc.SentenceOf(i)
	if si >= len(doc.Sentences) {
		return nil
	}
	sent := doc.Sentences[si]
	for k := sent.First; k < sent.Last; k++ {
		if !strings.EqualFold(doc.Tok(k), "as") {
			continue
		}
		j := k + 1
		if j < sent.Last && strings.EqualFold(doc.Tok(j), "the") {
			j++
		}
		nameStart := j
		for j < sent.Last && doc.Tokens[j].Is(parley.Cap) && doc.Tokens[j].Kind == parley.Word {
			j++
		}
		if j == nameStart || j-nameStart > 5 {
			continue
		}
		nameEnd := j
		for j < sent.Last && j < nameEnd+3 {
			w := strings.ToLower(doc.Tok(j))
			if relayInterposed[w] {
				j++
				continue
			}
			break
		}
		if j >= sent.Last || !relayVerbs[strings.ToLower(doc.Tok(j))] {
			continue
		}
		span := parley.Span{Start: int(doc.Tokens[k].Start), End: int(doc.Tokens[j].End)}
		// The relay belongs to this quote only when it follows it closely.
		if span.Start < q.Content.Start || span.Start-q.Content.End > 40 {
			continue
		}
		nameSpan := parley.Span{Start: int(doc.Tokens[nameStart].Start), End: int(doc.Tokens[nameEnd-1].End)}
		name := doc.Text[nameSpan.Start:nameSpan.End]
		st := &stance{
			ClaimStance: parley.ClaimStance{Source: entityAt(d, nameSpan), SourceName: name, Stance: parley.Asserts, Evidence: span},
			content:     q.Content, quoteIdx: -1, group: -1,
		}
		return st
	}
	return nil
}

// entityAt returns the entity with the first mention (by entity) that
// overlaps sp, or 0. It reads the mentions of sp's tokens through the
// Doc's index (the innermost one of each token), so that the cost is sp's
// length, not the document's.
func entityAt(d *parley.Doc, sp parley.Span) parley.EntityRef {
	var best parley.EntityRef
	if len(d.Tokens) == 0 || sp.IsZero() {
		return best
	}
	for i, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1); i <= last && i < len(d.Tokens); i++ {
		if m := d.MentionAt(i); m != nil && m.Span.Overlaps(sp) && (best == 0 || m.Entity < best) {
			best = m.Entity
		}
	}
	return best
}

// allegedBy finds, in a denial, the source of the allegation it denies
// ("the Democrats' central allegation … has been debunked", "the
// opposition's claim", "claims by the union that …"): that source asserts
// the proposition. A denial of accusations that names no accuser
// ("deny accusations of brutality") still implies one: "unnamed accusers".
func allegedBy(d *parley.Doc, content string, base int, denial bool) *stance {
	if r := possessor(d, content, base); r != nil {
		return r
	}
	if r := allegationSource(d, parley.Span{Start: base, End: base + len(content)}); r != nil {
		return r
	}
	if !denial {
		// "will not bring charges", "won't apologise for the
		// allegations": only an explicit denial implies an accuser the
		// text does not name.
		return nil
	}
	lc := strings.ToLower(content)
	// "what's been portrayed as an irregular channel", "the so-called
	// plan": the characterisation the denial answers is someone else's.
	if r := placeholder(lc, base, characterisations, "unnamed critics"); r != nil {
		return r
	}
	if r := placeholder(lc, base, accusationNouns, "unnamed accusers"); r != nil {
		return r
	}
	return deniedReport(d, parley.Span{Start: base, End: base + len(content)})
}

// deniedReportReach is how many tokens may open a denial's content before
// the report noun that is its object: "newspaper speculation that …", "the
// latest claims", "an earlier report that …".
const deniedReportReach = 3

// deniedReport is the asserting stance of the unnamed source of the report
// or the wrongdoing that a denial's content sp opens with ("denied reports
// that she had pulled out", "dismissed suggestions the move was designed
// to …", "denied any wrongdoing"), or nil: a report is someone's assertion
// and a wrongdoing someone's charge even when the text does not say whose.
// A noun further in ("denied he had read the reports") is not what is
// denied.
func deniedReport(d *parley.Doc, sp parley.Span) *stance {
	if len(d.Tokens) == 0 || sp.End > len(d.Text) {
		return nil
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	for k := first; k < last && k < len(d.Tokens) && k <= first+deniedReportReach && d.Tokens[k].Kind == parley.Word; k++ {
		label := ""
		switch w := d.Lower(k); {
		case deniedReports[w]:
			label = "unnamed reports"
		case deniedWrongdoings[w]:
			label = "unnamed accusers"
		default:
			continue
		}
		return &stance{
			ClaimStance: parley.ClaimStance{SourceName: label, Stance: parley.Asserts, Evidence: d.TokenSpan(k, k+1)},
			quoteIdx:    -1, group: -1, placeholder: true,
		}
	}
	return nil
}

// placeholder is the asserting stance of an unnamed source, label, behind
// the first of phrases found in the lower-case content lc (which starts at
// byte base), or nil.
func placeholder(lc string, base int, phrases []string, label string) *stance {
	for _, n := range phrases {
		if i := strings.Index(lc, n); i >= 0 {
			return &stance{
				ClaimStance: parley.ClaimStance{SourceName: label, Stance: parley.Asserts, Evidence: parley.Span{Start: base + i, End: base + i + len(n)}},
				quoteIdx:    -1, group: -1, placeholder: true,
			}
		}
	}
	return nil
}

// possessor finds "X's allegation" in a denial's content.
func possessor(d *parley.Doc, content string, base int) *stance {
	toks := strings.Fields(content)
	off := 0
	for i, raw := range toks {
		at := strings.Index(content[off:], raw) + off
		off = at + len(raw)
		w := strings.TrimLeft(strings.TrimRight(raw, ".,;:"), "\"“‘")
		var name string
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(w, suf) && (len(suf) == 3 || len(suf) == 4 || strings.HasSuffix(strings.TrimSuffix(w, suf), "s")) {
				name = strings.TrimSuffix(w, suf)
				break
			}
		}
		if name == "" {
			continue
		}
		// The allegation noun follows within three words.
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			n := strings.ToLower(strings.Trim(toks[k], ".,;:\"“”‘’'"))
			if !allegationNouns[n] {
				continue
			}
			if !unicode.IsUpper([]rune(name)[0]) {
				break
			}
			lead := strings.Index(raw, name)
			sp := parley.Span{Start: base + at + lead, End: base + at + lead + len(name)}
			return &stance{
				ClaimStance: parley.ClaimStance{Source: entityAt(d, sp), SourceName: name, Stance: parley.Asserts, Evidence: sp},
				quoteIdx:    -1, group: -1,
			}
		}
	}
	return nil
}

// allegationSource finds, in the tokens of a denial's content sp, who made
// the allegation it names when possessor (a capitalised "X's" in the
// words) did not: a lower-case possessor ("the opposition's claim") or the
// agent after "by" or "from" ("claims by the union that…", "criticism
// from environmental groups"). The source is the entity mentioned there,
// else the noun phrase as a label.
func allegationSource(d *parley.Doc, sp parley.Span) *stance {
	if len(d.Tokens) == 0 || sp.End > len(d.Text) {
		return nil
	}
	first, last := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
	for k := first; k < last && k < len(d.Tokens); k++ {
		if !allegationNouns[d.Lower(k)] {
			continue
		}
		if a, b := possessorBefore(d, first, k); a < b {
			return allegedStance(d, a, b)
		}
		if a, b := agentAfter(d, k, last); a < b {
			return allegedStance(d, a, b)
		}
		return nil
	}
	return nil
}

// possessorBefore is the possessor phrase [a, b) of the noun at k: "the
// opposition" in "the opposition's latest claim", with at most two
// modifiers between the possessive and the noun; a == b for none.
func possessorBefore(d *parley.Doc, first, k int) (int, int) {
	for p := k - 1; p >= first && p >= k-3; p-- {
		if d.Tokens[p].Kind != parley.Possessive {
			continue
		}
		// "that's quite a criticism": after a stop word the "'s" is a
		// verb's.
		if p == first || stopWords[d.Lower(p-1)] {
			return 0, 0
		}
		// The phrase takes its determiner and stops at any other word
		// that cannot be inside it ("did not rule on Lee's claims").
		a := p
		for a > first && a > p-4 && d.Tokens[a-1].Kind == parley.Word && !pronounSources[d.Lower(a-1)] {
			w := d.Lower(a - 1)
			if reportDeterminers[w] || w == "the" {
				a--
				break
			}
			if stopWords[w] || disputeWords[w] {
				break
			}
			a--
		}
		return a, p
	}
	return 0, 0
}

// agentAfter is the agent phrase [a, b) of the allegation noun at k: after
// "by" or "from" inside the content ending at last ("claims by the union
// that …"), or after a participle of making (data/words.tsv class
// allegation_participle) and "by", "from" or "in", which may run past the
// content to its sentence's end ("the claim made by some campaign groups
// that …", "denied the claims, made in a new book about …"); a == b for
// none.
func agentAfter(d *parley.Doc, k, last int) (int, int) {
	if k+2 < last && (d.Lower(k+1) == "by" || d.Lower(k+1) == "from") {
		return agentPhrase(d, k+2, last)
	}
	end := last
	if si := d.SentenceOf(k); si < len(d.Sentences) {
		end = max(end, d.Sentences[si].Last)
	}
	j := k + 1
	if j < end && j == last && d.Tok(j) == "," {
		j++
	}
	if j+2 >= end || !allegationParticiples[d.Lower(j)] {
		return 0, 0
	}
	switch d.Lower(j + 1) {
	case "by", "from", "in":
		return agentPhrase(d, j+2, end)
	}
	return 0, 0
}

// agentPhrase is the noun phrase [a, b) that opens at a: a mention of an
// entity, else words up to "that", a comma or a preposition, at most five.
func agentPhrase(d *parley.Doc, a, last int) (int, int) {
	if m := d.MentionAt(a); m != nil && int(m.First) == a {
		return a, min(int(m.Last), last)
	}
	b := a
	for b < last && b < a+5 && d.Tokens[b].Kind == parley.Word && !agentStops[d.Lower(b)] {
		b++
	}
	return a, b
}

// allegedStance is the asserting stance of the allegation's source, the
// tokens [a, b).
func allegedStance(d *parley.Doc, a, b int) *stance {
	sp := d.TokenSpan(a, b)
	name := d.Text[sp.Start:sp.End]
	if name == "" || pronounSources[strings.ToLower(name)] {
		return nil
	}
	return &stance{
		ClaimStance: parley.ClaimStance{Source: entityAt(d, sp), SourceName: name, Stance: parley.Asserts, Evidence: sp},
		quoteIdx:    -1, group: -1,
	}
}
