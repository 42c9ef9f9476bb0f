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
}

// NewTagger returns a tagger for m.
func (m *Model) NewTagger() *Tagger {
	return &Tagger{m: m, x: newExtractor(m.lex, m.roles, m.ev, m.logBuckets, m.usePOS)}
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
	for si, s := range sents {
		if want != nil && !want(si) {
			continue
		}
		labels := t.sentence(s)
		t.x.remember(s, labels)
		t.spans = decodeSpans(t.spans[:0], labels)
		for _, sp := range t.spans {
			t.out = append(t.out, Mention{Sent: si, Span: sp})
		}
	}
	return t.out
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
