package ner

// Tagger tags documents with a Model. It holds the scratch buffers of one
// goroutine and is not safe for concurrent use; after the first documents
// it allocates nothing.
type Tagger struct {
	m      *Model
	x      *extractor
	emit   []int32
	labels []uint8
	mask   []uint16 // per word, the labels it may take: plain words O only
	dec    decoder[int32]
	out    []Mention
	spans  []Span
	votes  votes
	first  firstPass
	gf     []uint32 // second-pass features of one word
}

// NewTagger returns a tagger for m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{m: m, x: newExtractor(m.lex, m.roles, m.ev, m.logBuckets, m.usePOS), votes: make(votes, 256)}
}

// Tag returns the entities of a document given as its sentences, in order.
// Sentence.POS is used when the model was trained with tags. The result is
// valid until the next call.
func (t *Tagger) Tag(sents []Sentence) []Mention { return t.TagSome(sents, nil) }

// TagSome is Tag for the sentences i for which want(i) is true (all when
// want is nil); the others still give the document evidence (the words
// written in lower case elsewhere…), so a sentence is tagged as Tag tags it.
// Callers skip the sentences that can hold no name they would use.
func (t *Tagger) TagSome(sents []Sentence, want func(int) bool) []Mention {
	t.out = t.out[:0]
	t.x.startDoc(sents)
	clear(t.votes)
	t.first.reset(len(sents))
	for si, s := range sents {
		t.first.start[si] = -1
		if want != nil && !want(si) {
			continue
		}
		n := len(s.Words)
		labels := t.sentence(s)
		t.x.remember(s, labels)
		t.first.keep(si, t.emit[:n*numLabels], t.mask[:n], labels)
		t.votes.count(s.Words, labels)
	}
	for si, s := range sents {
		if t.first.start[si] < 0 {
			continue
		}
		t.spans = decodeSpans(t.spans[:0], t.second(s, t.first.start[si]))
		for _, sp := range t.spans {
			t.out = append(t.out, Mention{Sent: si, Span: sp})
		}
	}
	return t.out
}

// second decodes a sentence again with the first pass's scores (kept from
// word a of t.first) plus the weights of its document-wide features; a
// sentence none of whose words has any keeps its first-pass labels.
func (t *Tagger) second(s Sentence, a int) []uint8 {
	n := len(s.Words)
	p := &t.first
	t.labels = grow(t.labels, n)
	copy(t.labels, p.labels[a:a+n])
	t.emit = grow(t.emit, n*numLabels)
	copy(t.emit, p.emit[a*numLabels:(a+n)*numLabels])
	mask := p.mask[a : a+n]
	changed := false
	for i, w := range s.Words {
		if mask[i] == 1 {
			continue
		}
		t.gf = globalFeats(t.gf[:0], t.x.shift, t.votes, w, t.labels[i])
		e := (*[numLabels]int32)(t.emit[i*numLabels:])
		for _, f := range t.gf {
			if row := t.m.weights.row(f); row != nil {
				changed = true
				for y := range e {
					e[y] += int32(row[y])
				}
			}
		}
	}
	if changed {
		t.dec.best(t.emit, t.m.trans, t.m.valid, mask, t.labels)
	}
	return t.labels
}

// sentence decodes one sentence; the labels are valid until the next call.
func (t *Tagger) sentence(s Sentence) []uint8 {
	n := len(s.Words)
	t.labels = grow(t.labels, n)
	if n == 0 {
		return t.labels
	}
	t.x.sentence(s, true)
	t.emit = grow(t.emit, n*numLabels)
	t.mask = grow(t.mask, n)
	w := &t.m.weights
	for i := range n {
		e := (*[numLabels]int32)(t.emit[i*numLabels:])
		t.mask[i] = 1<<numLabels - 1
		if t.x.plain[i] {
			t.mask[i] = 1 // O only
			continue
		}
		for _, f := range t.x.feats[t.x.off[i]:t.x.off[i+1]] {
			row := w.row(f)
			if row == nil {
				continue
			}
			for y := range e {
				e[y] += int32(row[y])
			}
		}
	}
	t.dec.best(t.emit, t.m.trans, t.m.valid, t.mask, t.labels)
	return t.labels
}
