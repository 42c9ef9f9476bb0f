package eval

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-news/parley/lexicon"
)

//go:embed data/words.tsv
var wordsTSV string

// QuoteDoc is one line of the quote gold or prediction format
// (see ../shared/data/quotes/README.md). Offsets are code points.
type QuoteDoc struct {
	ID     string          `json:"-"`
	RawID  json.RawMessage `json:"id"`
	Text   string          `json:"text,omitempty"`
	Quotes []QuoteSpan     `json:"quotes"`
}

// QuoteSpan is one attribution. Pointers distinguish a missing value from 0.
// Offsets are floats because the reference accepts any JSON number and
// truncates it with int().
type QuoteSpan struct {
	Content      *string     `json:"content,omitempty"`
	ContentStart *float64    `json:"content_start"`
	ContentEnd   *float64    `json:"content_end"`
	Fragments    [][]float64 `json:"fragments,omitempty"`
	Speaker      *string     `json:"speaker"`
	SpeakerStart *float64    `json:"speaker_start"`
	SpeakerEnd   *float64    `json:"speaker_end"`
	Type         *string     `json:"type,omitempty"`
	Cue          *string     `json:"cue,omitempty"`
}

// ReadQuoteDocs reads a quote JSONL file. Records with the same id replace
// earlier ones, keeping the first position, as the reference's dict does.
func ReadQuoteDocs(r io.Reader, name string) ([]QuoteDoc, error) {
	var o ordered[QuoteDoc]
	err := readJSONL(r, name, func(_ int, line []byte) error {
		var d QuoteDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		id, err := idKey(d.RawID)
		if err != nil {
			return err
		}
		d.ID = id
		o.put(id, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	docs := make([]QuoteDoc, 0, len(o.keys))
	for _, k := range o.keys {
		docs = append(docs, o.m[k])
	}
	return docs, nil
}

// PRF is precision, recall and F1 with the counts they come from, rounded to
// four decimals as the reference reports them.
type PRF struct {
	P     float64 `json:"p"`
	R     float64 `json:"r"`
	F1    float64 `json:"f1"`
	TP    int     `json:"tp"`
	NPred int     `json:"n_pred"`
	NGold int     `json:"n_gold"`
}

func quotePRF(tp, npred, ngold int) PRF {
	var p, r, f float64
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: pyRound(p, 4), R: pyRound(r, 4), F1: pyRound(f, 4), TP: tp, NPred: npred, NGold: ngold}
}

// QuoteView is the score of one view (all, direct_mixed, direct).
type QuoteView struct {
	Span             PRF     `json:"span"`
	SpanExact        PRF     `json:"span_exact"`
	SpeakerAcc       float64 `json:"speaker_acc_on_matched"`
	EndToEnd         PRF     `json:"end_to_end"`
	IgnoredSplit     int     `json:"ignored_split_preds"`
	IgnoredOutOfView int     `json:"ignored_out_of_view_preds"`
}

// QuoteReport is the reference's output JSON.
type QuoteReport struct {
	NDocs        int                `json:"n_docs"`
	Threshold    float64            `json:"threshold"`
	All          QuoteView          `json:"all"`
	DirectMixed  QuoteView          `json:"direct_mixed"`
	Direct       QuoteView          `json:"direct"`
	RecallByType map[string]float64 `json:"gold_recall_by_type"`
	// TypeOrder lists the keys of RecallByType in the order the reference
	// prints them (first seen in the gold).
	TypeOrder []string `json:"-"`
}

// Views returns the three views with their names, in report order.
func (r *QuoteReport) Views() []struct {
	Name string
	View *QuoteView
} {
	return []struct {
		Name string
		View *QuoteView
	}{{"all", &r.All}, {"direct_mixed", &r.DirectMixed}, {"direct", &r.Direct}}
}

// charSet is a sorted set of code-point positions.
type charSet []int32

func (a charSet) intersect(b charSet) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// pyInt is Python's int() on a float: truncation toward zero.
func pyInt(f float64) int { return int(math.Trunc(f)) }

// contentChars reduces a quote to its content characters: positions in its
// fragments (or [content_start, content_end)) that are neither white space
// nor Unicode punctuation.
func contentChars(text string, runes []rune, q QuoteSpan) charSet {
	type frag struct{ s, e int }
	var frags []frag
	switch {
	case q.ContentStart == nil && len(q.Fragments) == 0:
		// offsets missing: the first occurrence of "content" locates it
		c := "\x00"
		if q.Content != nil && *q.Content != "" {
			c = *q.Content
		}
		k := strings.Index(text, c)
		if k < 0 {
			return nil
		}
		s := utf8.RuneCountInString(text[:k])
		frags = []frag{{s, s + utf8.RuneCountInString(c)}}
	case len(q.Fragments) > 0:
		for _, f := range q.Fragments {
			if len(f) == 2 {
				frags = append(frags, frag{pyInt(f[0]), pyInt(f[1])})
			}
		}
	default:
		e := *q.ContentStart
		if q.ContentEnd != nil {
			e = *q.ContentEnd
		}
		frags = []frag{{pyInt(*q.ContentStart), pyInt(e)}}
	}
	var out charSet
	n := len(runes)
	for _, f := range frags {
		s, e := max(0, f.s), min(n, f.e)
		for k := s; k < e; k++ {
			c := runes[k]
			if !pyIsSpace(c) && !unicode.IsPunct(c) {
				out = append(out, int32(k))
			}
		}
	}
	if len(frags) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// cutRe finds where the head of a mention ends. Python's Unicode \s is
// wider than RE2's ASCII one, so it is spelled out.
var cutRe = func() *regexp.Regexp {
	const ws = `[\t\n\v\f\r\x{1c}-\x{1f}\x{85}\p{Z}]`
	alts := []string{`,`, `\(`, ws + `who` + ws, ws + `whose` + ws, ws + `which` + ws, ws + `that` + ws,
		ws + `—`, ws + `-` + ws, ws + `–`}
	return regexp.MustCompile(strings.Join(alts, "|"))
}()

// cut returns the head of a mention: the text before the first ',', '(',
// ' who ', ' whose ', ' which ', ' that ', ' —', ' - ', ' –'.
func cut(s string) string {
	loc := cutRe.FindStringIndex(" " + s + " ")
	if loc != nil && loc[0] > 0 {
		return s[:loc[0]-1]
	}
	return s
}

// pyLower is str.lower for the purposes of the speaker rules: Go's
// ToLower, except that İ becomes "i̇" (two code points) as in Python.
func pyLower(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u0130", "i\u0307"))
}

// speakerStop are the titles, articles and function words the speaker
// rule removes before comparing (data/words.tsv, a copy of score_quotes.py's
// STOP).
var speakerStop = lexicon.MustReadWordSets("words.tsv", wordsTSV).Set("speaker_stop")

// speakerTokens normalises a speaker string: head only, lower case,
// possessive 's removed, [a-z0-9]+ tokens without titles and articles.
func speakerTokens(s string) []string {
	s = pyLower(cut(strings.ReplaceAll(s, "\u2019", "'")))
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "'s") {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if i+2 == len(s) || !pyIsWord(r) {
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	s = b.String()
	var toks []string
	for i := 0; i < len(s); {
		if !isAlnumASCII(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isAlnumASCII(s[j]) {
			j++
		}
		if t := s[i:j]; !speakerStop[t] {
			toks = append(toks, t)
		}
		i = j
	}
	return toks
}

func isAlnumASCII(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func blank(s *string) bool { return s == nil || pyStrip(*s) == "" }

// speakerOK applies the reference's speaker rules to a span-matched pair.
func speakerOK(g, p QuoteSpan) bool {
	if blank(g.Speaker) {
		return blank(p.Speaker)
	}
	if blank(p.Speaker) {
		return false
	}
	gs, ps := *g.Speaker, *p.Speaker
	if g.SpeakerStart != nil && g.SpeakerEnd != nil && p.SpeakerStart != nil && p.SpeakerEnd != nil {
		a, b, c, d := *g.SpeakerStart, *g.SpeakerEnd, *p.SpeakerStart, *p.SpeakerEnd
		// only the head of the gold mention counts
		head := strings.TrimRightFunc(cut(gs), pyIsSpace)
		b = math.Min(b, a+float64(utf8.RuneCountInString(head)))
		if a < d && c < b {
			return true
		}
	}
	G, P := speakerTokens(gs), speakerTokens(ps)
	if len(G) == 0 || len(P) == 0 {
		return pyLower(pyStrip(gs)) == pyLower(pyStrip(ps))
	}
	sg, sp := map[string]bool{}, map[string]bool{}
	for _, t := range G {
		sg[t] = true
	}
	for _, t := range P {
		sp[t] = true
	}
	subset := func(a, b map[string]bool) bool {
		for k := range a {
			if !b[k] {
				return false
			}
		}
		return true
	}
	return subset(sg, sp) || subset(sp, sg) || G[len(G)-1] == P[len(P)-1]
}

// align pairs gold and predicted sets one-to-one, greedily by descending
// Jaccard (ties: lower gold index, then lower prediction index), keeping
// pairs with Jaccard >= thr. It returns gold index → prediction index.
func align(gsets, psets []charSet, thr float64) map[int]int {
	type pair struct {
		jac  float64
		i, j int
	}
	var pairs []pair
	for i, g := range gsets {
		if len(g) == 0 {
			continue
		}
		for j, p := range psets {
			if len(p) == 0 {
				continue
			}
			inter := g.intersect(p)
			if inter == 0 {
				continue
			}
			jac := float64(inter) / float64(len(g)+len(p)-inter)
			if jac >= thr {
				pairs = append(pairs, pair{jac, i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.jac != y.jac {
			return x.jac > y.jac
		}
		if x.i != y.i {
			return x.i < y.i
		}
		return x.j < y.j
	})
	m := map[int]int{}
	usedP := map[int]bool{}
	for _, p := range pairs {
		if _, ok := m[p.i]; ok || usedP[p.j] {
			continue
		}
		m[p.i] = p.j
		usedP[p.j] = true
	}
	return m
}

// quotedMask marks the code points inside paired quotation marks, per
// paragraph, with the rule the gold's types were derived with: “…” and «…»
// (an unclosed opening mark runs to the end of the paragraph), then " with
// ” and “ counting as one mark, paired in order (an odd last mark runs to
// the end of the paragraph).
func quotedMask(t []rune) []bool {
	mask := make([]bool, len(t))
	index := func(para []rune, c rune, from int) int {
		for k := from; k < len(para); k++ {
			if para[k] == c {
				return k
			}
		}
		return -1
	}
	for ps := 0; ps < len(t); {
		if t[ps] == '\n' {
			ps++
			continue
		}
		pe := ps
		for pe < len(t) && t[pe] != '\n' {
			pe++
		}
		para := t[ps:pe]
		for _, pair := range [][2]rune{{'\u201c', '\u201d'}, {'\u00ab', '\u00bb'}} {
			for i := 0; ; {
				a := index(para, pair[0], i)
				if a < 0 {
					break
				}
				b := index(para, pair[1], a+1)
				if b < 0 {
					b = len(para) - 1
				}
				for k := a; k <= b; k++ {
					mask[ps+k] = true
				}
				i = b + 1
			}
		}
		var pos []int
		for k := 0; k < len(para); k++ {
			c := para[k]
			if (c == '\'' || c == '`') && k+1 < len(para) && para[k+1] == c {
				pos = append(pos, k)
				k++
				continue
			}
			if c == '"' {
				pos = append(pos, k)
			}
		}
		for j := 0; j+1 < len(pos); j += 2 {
			for k := pos[j]; k <= pos[j+1]; k++ {
				mask[ps+k] = true
			}
		}
		if len(pos)%2 == 1 {
			for k := pos[len(pos)-1]; k < len(para); k++ {
				mask[ps+k] = true
			}
		}
		ps = pe
	}
	return mask
}

// spanType types a set of content characters by the share inside quotation
// marks: direct (>= 90%), indirect (none), mixed; "" for an empty set.
func spanType(mask []bool, cs charSet) string {
	if len(cs) == 0 {
		return ""
	}
	n := 0
	for _, k := range cs {
		if mask[k] {
			n++
		}
	}
	frac := float64(n) / float64(len(cs))
	switch {
	case frac >= 0.9:
		return "direct"
	case frac == 0:
		return "indirect"
	}
	return "mixed"
}

func typeOf(q QuoteSpan) string {
	if q.Type == nil {
		return "None"
	}
	return *q.Type
}

// docAlignment is how one document's predictions line up with its gold.
type docAlignment struct {
	runes        []rune
	gsets, psets []charSet
	ptypes       []string    // type of each prediction by the quotation-mark rule
	m, mex       map[int]int // gold → prediction: span match, exact match
	inv, invex   map[int]int // prediction → gold
	splitOf      map[int]bool
}

func alignDoc(gd QuoteDoc, pq []QuoteSpan, threshold float64) *docAlignment {
	al := &docAlignment{runes: []rune(gd.Text), mex: map[int]int{}, inv: map[int]int{}, invex: map[int]int{},
		splitOf: map[int]bool{}}
	gq := gd.Quotes
	al.gsets = make([]charSet, len(gq))
	for i, q := range gq {
		al.gsets[i] = contentChars(gd.Text, al.runes, q)
	}
	al.psets = make([]charSet, len(pq))
	for j, q := range pq {
		al.psets[j] = contentChars(gd.Text, al.runes, q)
	}
	mask := quotedMask(al.runes)
	al.ptypes = make([]string, len(pq))
	for j, p := range al.psets {
		al.ptypes[j] = spanType(mask, p)
	}
	al.m = align(al.gsets, al.psets, threshold)
	for i, j := range align(al.gsets, al.psets, 1.0) {
		if slices.Equal(al.gsets[i], al.psets[j]) {
			al.mex[i] = j
		}
	}
	for i, j := range al.m {
		al.inv[j] = i
	}
	for i, j := range al.mex {
		al.invex[j] = i
	}
	// unaligned predictions lying >= 90% inside a gold quote that another
	// prediction already matched (the second half of “A,” he said, “B.”)
	for j, p := range al.psets {
		if _, ok := al.inv[j]; ok || len(p) == 0 {
			continue
		}
		for i := range al.m {
			if float64(p.intersect(al.gsets[i])) >= 0.9*float64(len(p)) {
				al.splitOf[j] = true
				break
			}
		}
	}
	return al
}

// ScoreQuotes scores predictions against gold with the reference's rules:
// content-character Jaccard >= threshold for a span match (0.5 by default
// in the reference), one-to-one greedy alignment, ignored split predictions,
// the speaker rules, and the views all, direct_mixed and direct. Gold
// documents without predictions count as having none; predictions for
// documents not in the gold are ignored.
func ScoreQuotes(gold, pred []QuoteDoc, threshold float64) *QuoteReport {
	type acc struct{ tp, ex, npred, npredEx, ngold, spk, e2e, split, outOfView int }
	views := []struct {
		keep map[string]bool // nil: all
		acc  acc
	}{
		{keep: nil},
		{keep: map[string]bool{"direct": true, "mixed": true}},
		{keep: map[string]bool{"direct": true}},
	}
	predBy := make(map[string]*QuoteDoc, len(pred))
	for i := range pred {
		predBy[pred[i].ID] = &pred[i]
	}
	type typeCount struct{ n, found int }
	perType := map[string]*typeCount{}
	var typeOrder []string
	for _, gd := range gold {
		var pq []QuoteSpan
		if p := predBy[gd.ID]; p != nil {
			pq = p.Quotes
		}
		al := alignDoc(gd, pq, threshold)
		gq, m, mex, inv, invex, splitOf, ptypes := gd.Quotes, al.m, al.mex, al.inv, al.invex, al.splitOf, al.ptypes
		for i, q := range gq {
			t := typeOf(q)
			tc := perType[t]
			if tc == nil {
				tc = &typeCount{}
				perType[t] = tc
				typeOrder = append(typeOrder, t)
			}
			tc.n++
			if _, ok := m[i]; ok {
				tc.found++
			}
		}
		for v := range views {
			keep, a := views[v].keep, &views[v].acc
			kept := make([]bool, len(gq))
			for i, q := range gq {
				kept[i] = keep == nil || (q.Type != nil && keep[*q.Type])
				if kept[i] {
					a.ngold++
				}
			}
			for j := range pq {
				i, aligned := inv[j]
				switch {
				case aligned && !kept[i]:
					// aligned to an excluded gold quote: ignored
				case !aligned && splitOf[j]:
					a.split++
				case !aligned && keep != nil && !keep[ptypes[j]]:
					a.outOfView++
				default:
					a.npred++
				}
				ie, alignedEx := invex[j]
				switch {
				case alignedEx && !kept[ie]:
				case !alignedEx && keep != nil && !keep[ptypes[j]]:
				default:
					a.npredEx++
				}
			}
			for i, j := range m {
				if !kept[i] {
					continue
				}
				a.tp++
				if speakerOK(gq[i], pq[j]) {
					a.spk++
					a.e2e++
				}
			}
			for i := range mex {
				if kept[i] {
					a.ex++
				}
			}
		}
	}
	r := &QuoteReport{NDocs: len(gold), Threshold: threshold, RecallByType: map[string]float64{}, TypeOrder: typeOrder}
	for v, out := range r.Views() {
		a := views[v].acc
		var spk float64
		if a.tp > 0 {
			spk = pyRound(float64(a.spk)/float64(a.tp), 4)
		}
		*out.View = QuoteView{
			Span:             quotePRF(a.tp, a.npred, a.ngold),
			SpanExact:        quotePRF(a.ex, a.npredEx, a.ngold),
			SpeakerAcc:       spk,
			EndToEnd:         quotePRF(a.e2e, a.npred, a.ngold),
			IgnoredSplit:     a.split,
			IgnoredOutOfView: a.outOfView,
		}
	}
	for t, x := range perType {
		r.RecallByType[t] = pyRound(float64(x.found)/float64(x.n), 4)
	}
	return r
}

// WriteQuoteReport prints the reference's summary lines.
func WriteQuoteReport(w io.Writer, r *QuoteReport) error {
	for _, v := range r.Views() {
		x := v.View
		if _, err := fmt.Fprintf(w, "[%s] span P/R/F1 %.3f/%.3f/%.3f (gold %d, pred %d) | exact F1 %.3f | "+
			"speaker acc %.3f | e2e P/R/F1 %.3f/%.3f/%.3f\n", v.Name, x.Span.P, x.Span.R, x.Span.F1, x.Span.NGold,
			x.Span.NPred, x.SpanExact.F1, x.SpeakerAcc, x.EndToEnd.P, x.EndToEnd.R, x.EndToEnd.F1); err != nil {
			return err
		}
	}
	return nil
}

// QuoteMistakes lists what the "all" view counts against a system in one
// document: gold quotes no prediction matched, predictions that matched no
// gold quote (split halves excluded), and matches with the wrong speaker.
type QuoteMistakes struct {
	ID           string         `json:"id"`
	Missed       []QuoteMistake `json:"missed,omitempty"`
	Spurious     []QuoteMistake `json:"spurious,omitempty"`
	WrongSpeaker []QuoteMistake `json:"wrong_speaker,omitempty"`
}

// QuoteMistake is one quote in a QuoteMistakes list. Text runs from its
// first to its last content character; offsets are code points.
type QuoteMistake struct {
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Text        string  `json:"text"`
	Type        string  `json:"type,omitempty"` // gold type, or the quotation-mark rule's for a prediction
	GoldSpeaker *string `json:"gold_speaker,omitempty"`
	PredSpeaker *string `json:"pred_speaker,omitempty"`
}

func mistake(runes []rune, cs charSet) QuoteMistake {
	if len(cs) == 0 {
		return QuoteMistake{} // no content characters at all
	}
	s, e := int(cs[0]), int(cs[len(cs)-1])+1
	return QuoteMistake{Start: s, End: e, Text: string(runes[s:e])}
}

// QuoteErrors lists the mistakes of pred, document by document, in gold
// order; documents without mistakes are left out.
func QuoteErrors(gold, pred []QuoteDoc, threshold float64) []QuoteMistakes {
	predBy := make(map[string]*QuoteDoc, len(pred))
	for i := range pred {
		predBy[pred[i].ID] = &pred[i]
	}
	var out []QuoteMistakes
	for _, gd := range gold {
		var pq []QuoteSpan
		if p := predBy[gd.ID]; p != nil {
			pq = p.Quotes
		}
		al := alignDoc(gd, pq, threshold)
		qm := QuoteMistakes{ID: gd.ID}
		for i, q := range gd.Quotes {
			j, ok := al.m[i]
			switch {
			case !ok:
				x := mistake(al.runes, al.gsets[i])
				x.Type, x.GoldSpeaker = typeOf(q), q.Speaker
				qm.Missed = append(qm.Missed, x)
			case !speakerOK(q, pq[j]):
				x := mistake(al.runes, al.gsets[i])
				x.Type, x.GoldSpeaker, x.PredSpeaker = typeOf(q), q.Speaker, pq[j].Speaker
				qm.WrongSpeaker = append(qm.WrongSpeaker, x)
			}
		}
		for j, p := range pq {
			if _, ok := al.inv[j]; ok || al.splitOf[j] {
				continue
			}
			x := mistake(al.runes, al.psets[j])
			x.Type, x.PredSpeaker = al.ptypes[j], p.Speaker
			qm.Spurious = append(qm.Spurious, x)
		}
		if len(qm.Missed)+len(qm.Spurious)+len(qm.WrongSpeaker) > 0 {
			out = append(out, qm)
		}
	}
	return out
}
