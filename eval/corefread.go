package eval

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-news/parley/conllu"
)

// CorefDoc is one document of a CoNLL-U file with GUM's entity annotation
// (the MISC attribute Entity=): its text rebuilt from the words, the words
// with their byte spans in that text, and the gold mentions.
type CorefDoc struct {
	ID       string
	Text     string
	Words    []CorefWord
	Mentions []GoldMention // in the order they open
}

// CorefWord is one syntactic word of a CorefDoc.
type CorefWord struct {
	Start, End int // byte span in CorefDoc.Text
	Form       string
	Lemma      string
	UPOS       string
	Feats      string
	Head       int // index in CorefDoc.Words of the head word, -1 for the root
	Sent       int // sentence number in the document, from 0
}

// GoldMention is one annotated mention: words [First, Last) of its document.
type GoldMention struct {
	Chain string // the entity (GRP) number: mentions with the same Chain corefer
	EType string // person, organization, place, abstract, ...
	Link  string // how it links to the chain: coref, ana, appos, pred, sgl, ...
	First int
	Last  int
	Head  int // the word whose head lies outside the mention
}

// entityFields is the field order GUM's header comment declares,
// "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity".
var defaultEntityFields = []string{"GRP", "etype", "infstat", "salience", "centering", "minspan", "link", "identity"}

// ReadCoref reads a CoNLL-U file with Entity= annotations. A document starts
// at a "# newdoc" comment, a paragraph at "# newpar"; the text puts a
// newline between paragraphs and a space between words except after one
// marked SpaceAfter=No. A malformed line is an error naming its line.
func ReadCoref(r io.Reader) ([]CorefDoc, error) {
	cr := conllu.NewReader(r)
	var docs []CorefDoc
	var b *corefBuilder
	for {
		s, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading coreference CoNLL-U: %w", err)
		}
		id, newDoc, newPar, fields := sentenceHeader(s)
		if newDoc || b == nil {
			if b != nil {
				if docs, err = b.finish(docs); err != nil {
					return nil, err
				}
			}
			if id == "" {
				id = fmt.Sprintf("doc%d", len(docs)+1)
			}
			b = &corefBuilder{doc: CorefDoc{ID: id}, fields: defaultEntityFields, open: map[string][]int{}}
			newPar = true
		}
		if fields != nil {
			b.fields = fields
		}
		if err := b.add(s, newPar); err != nil {
			return nil, err
		}
	}
	if b == nil {
		return docs, nil
	}
	return b.finish(docs)
}

// sentenceHeader reads the comments of s: the document id of a newdoc, a
// new paragraph, and the entity field order of a global.Entity comment.
func sentenceHeader(s *conllu.Sentence) (id string, newDoc, newPar bool, fields []string) {
	for _, c := range s.Comments {
		c = strings.TrimSpace(strings.TrimPrefix(c, "#"))
		switch {
		case strings.HasPrefix(c, "newdoc"):
			newDoc = true
			if _, v, ok := strings.Cut(c, "="); ok {
				id = strings.TrimSpace(v)
			}
		case c == "newpar" || strings.HasPrefix(c, "newpar ") || strings.HasPrefix(c, "newpar="):
			newPar = true
		case strings.HasPrefix(c, "global.Entity"):
			if _, v, ok := strings.Cut(c, "="); ok {
				fields = strings.Split(strings.TrimSpace(v), "-")
			}
		}
	}
	return id, newDoc, newPar, fields
}

// corefBuilder collects one document.
type corefBuilder struct {
	doc    CorefDoc
	text   strings.Builder
	fields []string
	open   map[string][]int // chain → indices in doc.Mentions of its open mentions
	sents  int
	space  bool // a space is due before the next word
	line   int  // line of the last word read, for errors at the end
}

// add appends the words of s.
func (b *corefBuilder) add(s *conllu.Sentence, newPar bool) error {
	if b.text.Len() > 0 {
		if newPar {
			b.text.WriteByte('\n')
		} else {
			b.text.WriteByte(' ')
		}
		b.space = false
	}
	base := len(b.doc.Words)
	var mwt mwtSpan
	for ti := range s.Tokens {
		t := &s.Tokens[ti]
		line := s.Line + len(s.Comments) + ti
		switch t.Kind {
		case conllu.Empty:
			continue
		case conllu.Multiword:
			// the surface token is the text; its words take their parts of it
			start := b.write(t.Form)
			mwt = mwtSpan{last: t.Last, start: start, end: b.text.Len(), next: start,
				split: spells(t.Form, s.Tokens[ti+1:], t.Last)}
			b.space = !strings.Contains(t.Misc, "SpaceAfter=No")
			continue
		}
		w := CorefWord{Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, Feats: t.Feats, Sent: b.sents, Head: -1}
		if h := conllu.HeadOf(t); h > 0 {
			w.Head = base + h - 1
		}
		if t.N <= mwt.last {
			w.Start, w.End = mwt.take(len(t.Form))
		} else {
			w.Start = b.write(t.Form)
			w.End = b.text.Len()
			b.space = !strings.Contains(t.Misc, "SpaceAfter=No")
		}
		b.doc.Words = append(b.doc.Words, w)
		b.line = line
		if err := b.entities(t.Misc, len(b.doc.Words)-1); err != nil {
			return &conllu.Error{Line: line, Msg: err.Error()}
		}
	}
	b.sents++
	return nil
}

// mwtSpan is the byte span of the multiword token being read, words up to
// last. When its words spell it ("Norton's" = "Norton" + "'s"), each word
// gets its own part, so that a mention of the name alone covers the name's
// head; otherwise every word gets the whole token.
type mwtSpan struct {
	last             int
	start, end, next int
	split            bool
}

// take returns the span of the next word of the token, n bytes long.
func (m *mwtSpan) take(n int) (start, end int) {
	if !m.split {
		return m.start, m.end
	}
	start, m.next = m.next, m.next+n
	return start, m.next
}

// spells reports whether the words that follow a multiword token, up to
// word last, are its form cut in pieces.
func spells(form string, rest []conllu.Token, last int) bool {
	var b strings.Builder
	for i := range rest {
		t := &rest[i]
		if t.Kind != conllu.Word || t.N > last {
			break
		}
		b.WriteString(t.Form)
	}
	return b.String() == form
}

// write appends a word to the text after the space it is due and returns
// where it starts.
func (b *corefBuilder) write(form string) int {
	if b.space {
		b.text.WriteByte(' ')
	}
	start := b.text.Len()
	b.text.WriteString(form)
	return start
}

// entities reads the Entity= attribute of word wi's MISC column: openings
// "(GRP-etype-...", closings "GRP)", in order.
func (b *corefBuilder) entities(misc string, wi int) error {
	var v string
	for _, kv := range strings.Split(misc, "|") {
		if s, ok := strings.CutPrefix(kv, "Entity="); ok {
			v = s
			break
		}
	}
	for v != "" {
		switch {
		case v[0] == '(':
			end := strings.IndexAny(v[1:], "()")
			if end < 0 {
				end = len(v) - 1
			}
			desc := v[1 : end+1]
			v = v[end+1:]
			chain, err := b.openMention(desc, wi)
			if err != nil {
				return err
			}
			if v != "" && v[0] == ')' {
				v = v[1:]
				b.closeMention(chain, wi)
			}
		default:
			end := strings.IndexByte(v, ')')
			if end < 0 {
				return fmt.Errorf("entity annotation: %q is neither an opening \"(\" nor a closing \"ID)\"", v)
			}
			chain := v[:end]
			v = v[end+1:]
			if len(b.open[chain]) == 0 {
				return fmt.Errorf("entity annotation: closing %q with no open mention of entity %s", chain+")", chain)
			}
			b.closeMention(chain, wi)
		}
	}
	return nil
}

// openMention starts a mention at word wi from its descriptor.
func (b *corefBuilder) openMention(desc string, wi int) (string, error) {
	parts := strings.SplitN(desc, "-", len(b.fields))
	m := GoldMention{First: wi, Last: -1, Head: -1}
	for i, p := range parts {
		switch b.fields[i] {
		case "GRP":
			m.Chain = p
		case "etype":
			m.EType = p
		case "link":
			m.Link = p
		}
	}
	if m.Chain == "" {
		return "", fmt.Errorf("entity annotation: opening %q has no entity number", "("+desc)
	}
	if _, err := strconv.Atoi(m.Chain); err != nil {
		return "", fmt.Errorf("entity annotation: opening %q: entity number %q is not a number", "("+desc, m.Chain)
	}
	b.open[m.Chain] = append(b.open[m.Chain], len(b.doc.Mentions))
	b.doc.Mentions = append(b.doc.Mentions, m)
	return m.Chain, nil
}

// closeMention ends the latest open mention of chain at word wi.
func (b *corefBuilder) closeMention(chain string, wi int) {
	st := b.open[chain]
	mi := st[len(st)-1]
	b.open[chain] = st[:len(st)-1]
	b.doc.Mentions[mi].Last = wi + 1
}

// finish checks that every mention closed, finds the mentions' heads and
// appends the document to docs.
func (b *corefBuilder) finish(docs []CorefDoc) ([]CorefDoc, error) {
	for _, m := range b.doc.Mentions {
		if m.Last < 0 {
			return nil, &conllu.Error{Line: b.line, Msg: fmt.Sprintf("document %s: the mention of entity %s opened at word %d %q never closes", b.doc.ID, m.Chain, m.First+1, b.doc.Words[m.First].Form)}
		}
	}
	b.doc.Text = b.text.String()
	for i := range b.doc.Mentions {
		b.doc.Mentions[i].Head = mentionHead(b.doc.Words, b.doc.Mentions[i])
	}
	return append(docs, b.doc), nil
}

// mentionHead is the first word of m whose head lies outside m (the root of
// its subtree), else m's last word.
func mentionHead(ws []CorefWord, m GoldMention) int {
	for i := m.First; i < m.Last; i++ {
		if h := ws[i].Head; h < m.First || h >= m.Last {
			return i
		}
	}
	return m.Last - 1
}
