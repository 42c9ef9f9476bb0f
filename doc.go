package parley

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Doc is one document and every layer parley adds to it: tokens with their
// part of speech, lemma and dependency, sentences, paragraphs and quotation
// marks (package text, package syntax), entity mentions and entities
// (package entity), quotes, events and claims. Each stage of the pipeline
// reads the layers before it and adds its own; nothing is re-tokenised and
// no stage calls back into another.
//
// Positions are byte offsets into Text everywhere inside parley; they become
// Unicode code points only where data leaves (package export). Records refer
// to each other by position (EntityRef, QuoteRef); the public ids ("E3",
// "Q1") are made from those positions when the Doc leaves parley, so they are
// assigned once, when the last stage has run.
//
// A Doc caches the lower-case form of its tokens, so it is used by one
// goroutine at a time (as the pipeline does).
type Doc struct {
	Document
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph
	QuotePairs []QuotePair // paired quotation marks, in text order
	// Mentions are the entity mentions in text order: by first token, a
	// mention before the mentions it contains ("authorities in Beijing"
	// before "Beijing"). Mentions may nest but not cross; stages add theirs
	// with AddMentions.
	Mentions []Mention
	Entities []Entity
	Quotes   []Quote
	// Attitudes are beliefs, wishes and evidence attributed to a holder:
	// attributions that are not quotes.
	Attitudes []Attitude
	Events    []Event
	Claims    []Claim
	// Warnings are problems with the input that did not stop the analysis
	// (invalid UTF-8 repaired, a long document analysed in sections…).
	Warnings []string

	lower     []string // lower-case token text, filled on first use
	mentionAt []int32  // token → innermost mention, built on first use
	lemmas    []string // the lemmas that are not a token's lower-case text
	lemmaIDs  map[string]int32
	// xpos holds one more than each tagged token's index into xposNames
	// (0: untagged), allocated when the syntax stage first tags a token:
	// the treebank's own tags ("VBD", "NNS") beside the universal POS.
	xpos      []uint8
	xposNames []string
}

// NewDoc returns the Doc of a document, its text repaired to valid UTF-8
// (and a warning saying so) when it is not.
func NewDoc(d Document) *Doc {
	doc := &Doc{Document: d, Warnings: slices.Clone(d.Repairs)}
	if !utf8.ValidString(d.Text) {
		doc.Text = strings.ToValidUTF8(d.Text, "\uFFFD")
		doc.Warnings = append(doc.Warnings, "invalid UTF-8 replaced with U+FFFD")
	}
	return doc
}

// Tok returns the text of token i.
func (d *Doc) Tok(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Lower returns the lower-case text of token i, or "" outside the text, so
// that the stages can look around a token without bounds checks. It is
// computed once per token and shared by every stage.
func (d *Doc) Lower(i int) string {
	if i < 0 || i >= len(d.Tokens) {
		return ""
	}
	if len(d.lower) != len(d.Tokens) {
		d.lower = make([]string, len(d.Tokens))
	}
	if d.lower[i] == "" {
		s := d.Tok(i)
		if isLowerASCII(s) {
			d.lower[i] = s
		} else {
			d.lower[i] = strings.ToLower(s)
		}
	}
	return d.lower[i]
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Lemma returns the lemma of token i: what the syntax stage set, else its
// lower-case text.
func (d *Doc) Lemma(i int) string {
	if l := d.Tokens[i].lemma; l > 0 {
		return d.lemmas[l-1]
	}
	return d.Lower(i)
}

// AppendTokens appends the tokens of src, a Doc of the text that starts at
// byte off of d's text, shifting their offsets and heads and keeping their
// lemmas.
func (d *Doc) AppendTokens(src *Doc, off int) {
	base := int32(len(d.Tokens))
	for _, t := range src.Tokens {
		t.Start, t.End = t.Start+int32(off), t.End+int32(off)
		if t.Rel != NoRel && t.Head >= 0 {
			t.Head += base
		}
		if t.lemma > 0 {
			t.lemma = d.internLemma(src.lemmas[t.lemma-1])
		}
		d.Tokens = append(d.Tokens, t)
	}
	for k := range src.Tokens {
		if x := src.XPOS(k); x != "" {
			d.SetXPOS(int(base)+k, x)
		}
	}
}

// SetLemma sets the lemma of token i. Lemmas are interned per Doc, so a
// token stays free of pointers.
func (d *Doc) SetLemma(i int, lemma string) {
	if lemma == d.Lower(i) {
		d.Tokens[i].lemma = 0
		return
	}
	d.Tokens[i].lemma = d.internLemma(lemma)
}

func (d *Doc) internLemma(lemma string) int32 {
	id, ok := d.lemmaIDs[lemma]
	if !ok {
		if d.lemmaIDs == nil {
			d.lemmaIDs = map[string]int32{}
		}
		d.lemmas = append(d.lemmas, lemma)
		id = int32(len(d.lemmas))
		d.lemmaIDs[lemma] = id
	}
	return id
}

// XPOS returns the treebank tag of token i ("VBD"), or "" when it was not
// tagged.
func (d *Doc) XPOS(i int) string {
	if i < 0 || i >= len(d.xpos) || d.xpos[i] == 0 {
		return ""
	}
	return d.xposNames[d.xpos[i]-1]
}

// SetXPOS sets the treebank tag of token i. Tags are interned per Doc (a
// treebank has a few dozen), so a token costs one byte more once tagged.
func (d *Doc) SetXPOS(i int, tag string) {
	if len(d.xpos) < len(d.Tokens) {
		d.xpos = append(d.xpos, make([]uint8, len(d.Tokens)-len(d.xpos))...)
	}
	d.xpos[i] = d.internXPOS(tag)
}

func (d *Doc) internXPOS(tag string) uint8 {
	if tag == "" {
		return 0
	}
	for k, n := range d.xposNames {
		if n == tag {
			return uint8(k + 1)
		}
	}
	if len(d.xposNames) == 255 {
		return 0 // more tags than any treebank has: leave the token untagged
	}
	d.xposNames = append(d.xposNames, tag)
	return uint8(len(d.xposNames))
}

// TokenSpan returns the byte span of tokens [first, last).
func (d *Doc) TokenSpan(first, last int) Span {
	return Span{Start: int(d.Tokens[first].Start), End: int(d.Tokens[last-1].End)}
}

// SentenceOf returns the index of the sentence containing token i.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].Last <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokenAt returns the index of the first token that ends after byte offset b.
func (d *Doc) TokenAt(b int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.Tokens[m].End) <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Head returns the index of the syntactic head of token i, or -1 for the
// root of a sentence and for tokens that were not parsed.
func (d *Doc) Head(i int) int {
	t := d.Tokens[i]
	if t.Rel == NoRel {
		return -1
	}
	return int(t.Head)
}

// Dominates reports whether token h is token i or one of its heads on the
// parse of sentence s (false where the sentence was not parsed, unless h
// is i).
func (d *Doc) Dominates(s Sentence, h, i int) bool {
	for a, n := i, 0; a >= s.First && n < s.Last-s.First; a, n = d.Head(a), n+1 {
		if a == h {
			return true
		}
	}
	return false
}

// Parsed reports whether sentence s holds a dependency tree: the parser
// writes every token's relation at once, so its first token tells.
func (d *Doc) Parsed(s Sentence) bool {
	return s.First < s.Last && d.Tokens[s.First].Rel != NoRel
}

// MentionAt returns the innermost mention covering token i, or nil.
func (d *Doc) MentionAt(i int) *Mention {
	if i < 0 || i >= len(d.Tokens) {
		return nil
	}
	if len(d.mentionAt) != len(d.Tokens) {
		d.indexMentions()
	}
	if k := d.mentionAt[i]; k >= 0 {
		return &d.Mentions[k]
	}
	return nil
}

// indexMentions maps each token to its innermost mention: mentions come
// outer first, so an inner one overwrites the one containing it.
func (d *Doc) indexMentions() {
	d.mentionAt = make([]int32, len(d.Tokens))
	for i := range d.mentionAt {
		d.mentionAt[i] = -1
	}
	for k, m := range d.Mentions {
		for t := max(m.First, 0); t < m.Last && int(t) < len(d.Tokens); t++ {
			d.mentionAt[t] = int32(k)
		}
	}
}

// AddMentions adds ms to the mentions in text order and returns how many it
// added: a new mention that crosses another (overlaps it without one
// containing the other), or repeats the span of one, is left out.
func (d *Doc) AddMentions(ms ...Mention) int {
	if len(ms) == 0 {
		return 0
	}
	type item struct {
		m              Mention
		added, dropped bool
	}
	all := make([]item, 0, len(d.Mentions)+len(ms))
	for _, m := range d.Mentions {
		all = append(all, item{m: m})
	}
	for _, m := range ms {
		if m.First < m.Last {
			all = append(all, item{m: m, added: true})
		}
	}
	slices.SortStableFunc(all, func(a, b item) int {
		if a.m.First != b.m.First {
			return int(a.m.First - b.m.First)
		}
		return int(b.m.Last - a.m.Last) // the containing one first
	})
	// Walk the mentions with the stack of those containing the current one;
	// of two that cross or repeat a span, the added one goes (the Doc's own
	// mentions never cross).
	var open []int // indices into all
	for i := range all {
		m := &all[i]
		for len(open) > 0 {
			top := &all[open[len(open)-1]]
			if top.m.Last <= m.m.First {
				open = open[:len(open)-1]
				continue
			}
			if m.m.Last <= top.m.Last && !sameSpan(top.m, m.m) {
				break // nested
			}
			if m.added {
				m.dropped = true
			} else {
				top.dropped = true
				open = open[:len(open)-1]
				continue
			}
			break
		}
		if !m.dropped {
			open = append(open, i)
		}
	}
	out, n := make([]Mention, 0, len(all)), 0
	for _, it := range all {
		if !it.dropped {
			out = append(out, it.m)
			if it.added {
				n++
			}
		}
	}
	d.Mentions, d.mentionAt = out, nil
	return n
}

func sameSpan(a, b Mention) bool { return a.First == b.First && a.Last == b.Last }

// MentionsOf returns the mentions of entity e, in text order.
func (d *Doc) MentionsOf(e EntityRef) []Mention {
	var out []Mention
	for _, m := range d.Mentions {
		if m.Entity == e {
			out = append(out, m)
		}
	}
	return out
}

// Entity returns the entity r refers to, or nil for the zero ref.
func (d *Doc) Entity(r EntityRef) *Entity {
	if r <= 0 || int(r) > len(d.Entities) {
		return nil
	}
	return &d.Entities[r-1]
}

// AddEntity appends e and returns its ref.
func (d *Doc) AddEntity(e Entity) EntityRef {
	d.Entities = append(d.Entities, e)
	return EntityRef(len(d.Entities))
}

// EntityNamed returns the ref of the first entity called name (case
// insensitively), or 0.
func (d *Doc) EntityNamed(name string) EntityRef {
	for i := range d.Entities {
		if strings.EqualFold(d.Entities[i].Name, name) {
			return EntityRef(i + 1)
		}
	}
	return 0
}

// Quote returns the quote r refers to, or nil for the zero ref.
func (d *Doc) Quote(r QuoteRef) *Quote {
	if r <= 0 || int(r) > len(d.Quotes) {
		return nil
	}
	return &d.Quotes[r-1]
}

// EntityRef refers to Doc.Entities[r-1]; the zero EntityRef refers to none.
type EntityRef int32

// EntityAt returns the ref of Doc.Entities[i].
func EntityAt(i int) EntityRef { return EntityRef(i + 1) }

// Index returns the position of the entity in Doc.Entities (-1 for none).
func (r EntityRef) Index() int { return int(r) - 1 }

// ID returns the public id of the entity ("E3"), or "" for none.
func (r EntityRef) ID() string { return refID('E', int(r)) }

// QuoteRef refers to Doc.Quotes[r-1]; the zero QuoteRef refers to none.
type QuoteRef int32

// QuoteAt returns the ref of Doc.Quotes[i].
func QuoteAt(i int) QuoteRef { return QuoteRef(i + 1) }

// Index returns the position of the quote in Doc.Quotes (-1 for none).
func (r QuoteRef) Index() int { return int(r) - 1 }

// ID returns the public id of the quote ("Q1"), or "" for none.
func (r QuoteRef) ID() string { return refID('Q', int(r)) }

// EventID and ClaimID return the public ids of Doc.Events[i] and
// Doc.Claims[i] ("V1", "C1").
func EventID(i int) string { return refID('V', i+1) }

// AttitudeID: see EventID.
func AttitudeID(i int) string { return refID('B', i+1) }

// ClaimID: see EventID.
func ClaimID(i int) string { return refID('C', i+1) }

func refID(prefix byte, n int) string {
	if n <= 0 {
		return ""
	}
	return string(prefix) + strconv.Itoa(n)
}

// before orders mentions by first token, a longer (containing) one first.
func before(a, b Mention) bool {
	return a.First < b.First || a.First == b.First && a.Last > b.Last
}
