package syntax

import "github.com/parley-news/parley"

// Word is what the parser says of one word of a sentence.
type Word struct {
	POS    parley.POS // the universal part of speech
	XPOS   string     // Penn Treebank tag ("VBD"), interned from the model
	Lemma  string
	Head   int           // 1-based index of the head word within the sentence; 0 for the root
	Rel    parley.DepRel // the relation, with the subtypes parley knows ("nsubj:pass")
	Deprel string        // the model's label as the treebank writes it, interned from the model
}

// Parser tags, lemmatises and parses sentences with a Model. Its buffers are
// reused from one sentence to the next, so a Parser is used by one goroutine
// at a time; make one per goroutine with Model.NewParser.
type Parser struct {
	m      *Model
	sc     scratch
	ws     []word
	feats  []uint64
	slots  []*slot
	scores []int32
	st     state
	toks   []pos
	lemmas []byte
	forms  []string  // Annotate's words
	at     []int     // the token of each of Annotate's words
	given  []uint16  // the tag classes a Doc holds for Annotate's words
	words  []string  // the sentence being analysed (prepare's)
	tagged formCache // the tagger's scores of word features, by form
	// taggedWords counts the words the tagger has tagged (tests).
	taggedWords int
	// closed marks the tag classes an unknown word may not get (the
	// model's, or nil in training, whose tags the shipped model learnt
	// from).
	closed []bool
	// sink keeps the loads that touch the table's slots ahead of use from
	// being optimised away; it lives here because the model is shared.
	sink uint32
	uses *useCount // counts the look-ups (training's useOrder), or nil
}

// NewParser returns a parser with its own scratch buffers.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, scores: make([]int32, max(len(m.tags), 2*len(m.labels))), closed: m.closed}
}

// Parse analyses one sentence of words, tokenised as the model expects (see
// the package documentation), and returns out filled with one Word each
// (out is reused when it is large enough).
func (p *Parser) Parse(words []string, out []Word) []Word { return p.parseTagged(words, nil, out) }

// parseTagged is Parse of words whose tag classes are known already
// (tags[i] for word i; nil to tag them): tagging is deterministic, so it
// gives what Parse gives, without tagging the words again.
func (p *Parser) parseTagged(words []string, tags []uint16, out []Word) []Word {
	n := len(words)
	if cap(out) < n {
		out = make([]Word, n)
	}
	out = out[:n]
	if n == 0 {
		return out
	}
	p.prepare(words)
	if tags == nil {
		p.tag(n)
	} else {
		for i, t := range tags {
			p.ws[i+2].tag = t
		}
	}
	p.parse(n)
	p.fill(words, out, true)
	return out
}

// Tag is Parse without the dependency tree: POS, XPOS and Lemma are set,
// Head is 0 and Rel NoRel. It costs about an eighth of Parse, for stages
// that need word classes but not the tree.
func (p *Parser) Tag(words []string, out []Word) []Word {
	n := len(words)
	if cap(out) < n {
		out = make([]Word, n)
	}
	out = out[:n]
	if n == 0 {
		return out
	}
	p.prepare(words)
	p.tag(n)
	p.fill(words, out, false)
	return out
}

// prepare describes the words, with two pad words on each side.
func (p *Parser) prepare(words []string) {
	p.words = words
	p.ws = p.sc.describeWords(p.ws, words, p.m.dict)
}

func (p *Parser) parse(n int) {
	t := p.m.parser
	p.st.reset(n)
	ctx := newParseCtx(p.ws, p.m.tags, &p.st, p.toks)
	p.toks = ctx.toks
	kept := -1 // how many of p.slots are bufferFeatures'; -1 once a SHIFT moved the buffer
	for !p.st.done() {
		if len(p.st.stack) == 1 { // only SHIFT is legal: nothing to score
			p.st.apply(shift, 0)
			kept = -1
			continue
		}
		if kept < 0 {
			p.feats = ctx.features(p.feats[:0])
			t.touch(p.feats, &p.sink)
			p.slots = t.findAppend(p.feats[:bufferFeats], p.slots[:0])
			kept = len(p.slots)
			p.slots = t.findAppend(p.feats[bufferFeats:], p.slots)
		} else { // an arc left the buffer as it was
			p.feats = ctx.stackFeatures(p.feats[:bufferFeats])
			p.slots = t.findAll(p.feats[bufferFeats:], p.slots[:kept], &p.sink)
		}
		if p.uses != nil {
			p.uses.add(p.uses.parser, p.feats)
		}
		var act [numActions]int32
		for _, s := range p.slots {
			for a := range numActions {
				act[a] += int32(s.dense[a])
			}
		}
		a := bestLegal(&p.st, &act)
		var lab uint8
		if a != shift {
			lab = p.label(a)
		} else {
			kept = -1
		}
		p.st.apply(a, lab)
	}
}

// bestLegal is the highest-scoring action the state allows, ties to the lower
// action number.
func bestLegal(st *state, act *[numActions]int32) int {
	best := -1
	for a := range numActions {
		if st.legal(a) && (best < 0 || act[a] > act[best]) {
			best = a
		}
	}
	return best
}

// label chooses the label of the arc that action a makes: "root" for the
// root's dependent, otherwise the best other label for the arc's direction.
// Only that direction's weights are read: a slot's pairs are sorted by
// class, left arcs' labels first, so a left arc reads a slot's pairs from
// the front and a right arc from the back, and neither loads the cache
// lines of the other direction's pairs.
func (p *Parser) label(a int) uint8 {
	h, _ := p.st.arc(a)
	m := p.m
	if h == 0 {
		return m.root
	}
	L := uint32(len(m.labels))
	sc := p.scores[:L]
	clear(sc)
	t := m.parser
	var sink uint32
	if a == left {
		for _, s := range p.slots { // touch first, as findAll does
			if s.n > 0 {
				sink += t.pairs[s.off]
			}
		}
		p.sink = sink
		for _, s := range p.slots {
			t.addSparseBelow(s, L, sc)
		}
	} else {
		for _, s := range p.slots {
			if s.n > 0 {
				sink += t.pairs[s.off+uint32(s.n)-1]
			}
		}
		p.sink = sink
		for _, s := range p.slots {
			t.addSparseFrom(s, L, sc)
		}
	}
	best := -1
	for l := range sc {
		if uint8(l) != m.root && (best < 0 || sc[l] > sc[best]) {
			best = l
		}
	}
	return uint8(best)
}

// fill writes the analysis of the sentence into out. Lemmas that differ from
// their word are built in one string per sentence, not one per word.
func (p *Parser) fill(words []string, out []Word, parsed bool) {
	m := p.m
	p.lemmas = p.lemmas[:0]
	type span struct{ lo, hi int32 }
	var spans [64]span
	var made []span
	if len(words) <= len(spans) {
		made = spans[:len(words)]
	} else {
		made = make([]span, len(words))
	}
	for i, w := range words {
		tc := m.tags[p.ws[i+2].tag]
		out[i] = Word{POS: tc.upos, XPOS: tc.xpos}
		if parsed {
			lab := p.st.label[i+1] - 1
			out[i].Head, out[i].Rel, out[i].Deprel = int(p.st.head[i+1]), m.rels[lab], m.labels[lab]
		}
		lo := len(p.lemmas)
		var same bool
		p.lemmas, same = m.lemma.appendLemma(p.lemmas, w, tc)
		if same {
			out[i].Lemma = w
			p.lemmas = p.lemmas[:lo]
			made[i] = span{-1, -1}
		} else {
			made[i] = span{int32(lo), int32(len(p.lemmas))}
		}
	}
	if len(p.lemmas) == 0 {
		return
	}
	all := string(p.lemmas)
	for i := range out {
		if made[i].lo >= 0 {
			out[i].Lemma = all[made[i].lo:made[i].hi]
		}
	}
}
