package quote

import "github.com/parley-news/parley"

// mention is an entity mention of the Doc as the finder reads it: token
// range and entity by index.
type mention struct {
	Span        parley.Span
	First, Last int
	Entity      int // index into Doc.Entities
	Kind        parley.MentionKind
}

// mentionView indexes the entity layer of a Doc by token, for the many
// look-ups the finder makes around each cue.
type mentionView struct {
	Entities []parley.Entity
	refs     []mention
	at       []int32 // token → index into refs, or -1
	InQuote  []bool  // tokens inside quotation marks
}

func newMentionView(d *parley.Doc) *mentionView {
	v := &mentionView{Entities: d.Entities, refs: make([]mention, len(d.Mentions)),
		at: make([]int32, len(d.Tokens)), InQuote: make([]bool, len(d.Tokens))}
	for i, t := range d.Tokens {
		v.at[i] = -1
		v.InQuote[i] = t.Is(parley.InQuote)
	}
	for i, m := range d.Mentions {
		v.refs[i] = mention{Span: m.Span, First: int(m.First), Last: int(m.Last), Entity: m.Entity.Index(), Kind: m.Kind}
		for k := m.First; k < m.Last; k++ {
			v.at[k] = int32(i)
		}
	}
	return v
}

// RefAt returns the mention covering token i, or nil.
func (v *mentionView) RefAt(i int) *mention {
	if i < 0 || i >= len(v.at) || v.at[i] < 0 {
		return nil
	}
	return &v.refs[v.at[i]]
}
