package syntax

// Parser feature templates, after Zhang and Nivre (2011) adapted to
// arc-hybrid: the stack items s0–s2, the buffer items b0–b2, the leftmost
// and rightmost dependents of s0, s1 and b0 (and the second ones), distances,
// valencies and the label sets of the dependents. w is the lower-case word,
// p the predicted tag class, l the arc label.
const (
	fS0wp uint64 = iota + 1
	fS0w
	fS0p
	fS1wp
	fS1w
	fS1p
	fS2p
	fS2w
	fB0wp
	fB0w
	fB0p
	fB1wp
	fB1w
	fB1p
	fB2w
	fB2p
	fS0wpB0wp
	fS0wpB0w
	fS0wB0wp
	fS0wpB0p
	fS0pB0wp
	fS0wB0w
	fS0pB0p
	fB0pB1p
	fS1wpS0wp
	fS1wpS0w
	fS1wS0wp
	fS1wpS0p
	fS1pS0wp
	fS1wS0w
	fS1pS0p
	fS1pB0p
	fS1wB0w
	fB0pB1pB2p
	fS0pB0pB1p
	fS1pS0pB0p
	fS2pS1pS0p
	fS0pS0l1pB0p
	fS0pS0r1pB0p
	fS0pB0pB0l1p
	fS1pS1r1pS0p
	fS1pS0pS0l1p
	fS1pS1l1pS0p
	fS1pS0pS0r1p
	fS0wD
	fS0pD
	fB0wD
	fB0pD
	fS0wB0wD
	fS0pB0pD
	fS1pS0pD
	fS1wS0wD
	fS0wNl
	fS0pNl
	fS0wNr
	fS0pNr
	fS1wNr
	fS1pNr
	fS1pNl
	fB0wNl
	fB0pNl
	fS0l1w
	fS0l1p
	fS0l1l
	fS0r1w
	fS0r1p
	fS0r1l
	fS1r1w
	fS1r1p
	fS1r1l
	fS1l1l
	fB0l1w
	fB0l1p
	fB0l1l
	fS0l2p
	fS0l2l
	fS0r2p
	fS0r2l
	fS1r2p
	fS1r2l
	fB0l2p
	fB0l2l
	fS0pS0l1pS0l2p
	fS0pS0r1pS0r2p
	fS1pS1r1pS1r2p
	fB0pB0l1pB0l2p
	fS0wLset
	fS0pLset
	fS0wRset
	fS0pRset
	fS1wRset
	fS1pRset
	fB0wLset
	fB0pLset
	// Features that do not trust the predicted fine tag, which is wrong for
	// one word in sixteen: the tag dictionary's ambiguity class (a), the
	// universal tag alone (u) and the last three letters (s).
	fS0a
	fS1a
	fB0a
	fB1a
	fS0aB0a
	fS1aS0a
	fS0pB0a
	fS0aB0p
	fB0aB1a
	fS0uB0u
	fS1uS0u
	fS0uB0uB1u
	fS1uS0uB0u
	fB0uB1uB2u
	fS2uS1uS0u
	fS0s
	fS1s
	fB0s
	fB1s
	fS0sB0s
)

const (
	wNone, wRoot = 0x7e1, 0x7e2 // word values of a missing position and of the root
	pNone, pRoot = 0xfff1, 0xfff2
)

// pos is what the feature templates read of one position: the lower-case
// word, the tag class, both, the arc label, the ambiguity class, the
// universal tag and the three-letter suffix.
type pos struct{ w, p, wp, l, a, u, s uint64 }

// at is what the templates read of token x (-1 for a missing position).
func (c *parseCtx) at(x int32) pos {
	if x < 0 {
		return pos{w: wNone, p: pNone, wp: wNone ^ pNone, a: wNone, u: pNone, s: wNone}
	}
	q := c.toks[x]
	q.l = uint64(c.st.label[x])
	return q
}

// parseCtx is what the templates read of a sentence's tokens and the state
// being parsed.
type parseCtx struct {
	st *state
	// toks holds each token's pos (0..n, the root first) but its label:
	// the rest does not change while the sentence is parsed, so it is
	// computed once, not at every transition.
	toks []pos
}

// newParseCtx makes the context of the tagged words ws (two pad words on
// each side), reusing buf for its toks.
func newParseCtx(ws []word, tags []tagClass, st *state, buf []pos) parseCtx {
	buf = append(buf[:0], pos{w: wRoot, p: pRoot, wp: wRoot ^ pRoot, a: wRoot, u: pRoot, s: wRoot})
	for i := range ws[2 : len(ws)-2] {
		w := &ws[i+2]
		buf = append(buf, pos{w: w.lower, p: uint64(w.tag), wp: mix(w.lower, uint64(w.tag)),
			a: w.amb, u: uint64(tags[w.tag].upos), s: w.suf[2]})
	}
	return parseCtx{st: st, toks: buf}
}

func child(c []int32, x int32) int32 {
	if x < 0 || c[x] == 0 {
		return -1
	}
	return c[x]
}

func bucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// features appends the keys of the state's features: the bufferFeats
// that read only the buffer first, then stackFeatures.
func (c *parseCtx) features(f []uint64) []uint64 {
	return c.stackFeatures(c.bufferFeatures(f))
}

// bufferFeats is the number of keys bufferFeatures appends.
const bufferFeats = 16

// buffer is the first three buffer items (-1 where the buffer is shorter).
func (c *parseCtx) buffer() (b0, b1, b2 int32) {
	st := c.st
	b0, b1, b2 = -1, -1, -1
	if st.b <= st.n {
		b0 = st.b
	}
	if st.b+1 <= st.n {
		b1 = st.b + 1
	}
	if st.b+2 <= st.n {
		b2 = st.b + 2
	}
	return b0, b1, b2
}

// bufferFeatures appends the keys of the templates that read only b0–b2's
// words and tags, not their dependents: an arc leaves them as they were,
// so the parser keeps their slots from the step before (Parser.parse).
func (c *parseCtx) bufferFeatures(f []uint64) []uint64 {
	b0, b1, b2 := c.buffer()
	B0, B1, B2 := c.at(b0), c.at(b1), c.at(b2)
	return append(f,
		key1(fB0wp, B0.wp), key1(fB0w, B0.w), key1(fB0p, B0.p),
		key1(fB1wp, B1.wp), key1(fB1w, B1.w), key1(fB1p, B1.p),
		key1(fB2w, B2.w), key1(fB2p, B2.p),
		key2(fB0pB1p, B0.p, B1.p), key3(fB0pB1pB2p, B0.p, B1.p, B2.p),
		key1(fB0a, B0.a), key1(fB1a, B1.a), key2(fB0aB1a, B0.a, B1.a),
		key3(fB0uB1uB2u, B0.u, B1.u, B2.u),
		key1(fB0s, B0.s), key1(fB1s, B1.s))
}

// stackFeatures appends the keys of the templates that read the stack, or
// the buffer's dependents.
func (c *parseCtx) stackFeatures(f []uint64) []uint64 {
	st := c.st
	k := len(st.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k >= 1 {
		s0 = st.stack[k-1]
	}
	if k >= 2 {
		s1 = st.stack[k-2]
	}
	if k >= 3 {
		s2 = st.stack[k-3]
	}
	b0, b1, _ := c.buffer()
	S0, S1, S2, B0, B1 := c.at(s0), c.at(s1), c.at(s2), c.at(b0), c.at(b1)
	f = c.unigrams(f, S0, S1, S2, B0, B1)
	f = robust(f, S0, S1, S2, B0, B1)
	f = append(f, key2(fS0pB0a, S0.p, B0.a), key2(fS0aB0p, S0.a, B0.p))
	var d, d2 uint64
	if s0 >= 0 && b0 >= 0 {
		d = bucket(b0 - s0)
	}
	if s1 >= 0 && s0 >= 0 {
		d2 = bucket(s0 - s1)
	}
	f = append(f,
		key1(fS0wD, mix(S0.w, d)), key1(fS0pD, mix(S0.p, d)), key1(fB0wD, mix(B0.w, d)), key1(fB0pD, mix(B0.p, d)),
		key3(fS0wB0wD, S0.w, B0.w, d), key3(fS0pB0pD, S0.p, B0.p, d), key3(fS1pS0pD, S1.p, S0.p, d2), key3(fS1wS0wD, S1.w, S0.w, d2))
	return c.children(f, s0, s1, b0, S0, S1, B0)
}

func (c *parseCtx) unigrams(f []uint64, S0, S1, S2, B0, B1 pos) []uint64 {
	return append(f,
		key1(fS0wp, S0.wp), key1(fS0w, S0.w), key1(fS0p, S0.p),
		key1(fS1wp, S1.wp), key1(fS1w, S1.w), key1(fS1p, S1.p),
		key1(fS2p, S2.p), key1(fS2w, S2.w),
		key2(fS0wpB0wp, S0.wp, B0.wp), key2(fS0wpB0w, S0.wp, B0.w), key2(fS0wB0wp, S0.w, B0.wp),
		key2(fS0wpB0p, S0.wp, B0.p), key2(fS0pB0wp, S0.p, B0.wp), key2(fS0wB0w, S0.w, B0.w),
		key2(fS0pB0p, S0.p, B0.p),
		key2(fS1wpS0wp, S1.wp, S0.wp), key2(fS1wpS0w, S1.wp, S0.w), key2(fS1wS0wp, S1.w, S0.wp),
		key2(fS1wpS0p, S1.wp, S0.p), key2(fS1pS0wp, S1.p, S0.wp), key2(fS1wS0w, S1.w, S0.w),
		key2(fS1pS0p, S1.p, S0.p), key2(fS1pB0p, S1.p, B0.p), key2(fS1wB0w, S1.w, B0.w),
		key3(fS0pB0pB1p, S0.p, B0.p, B1.p),
		key3(fS1pS0pB0p, S1.p, S0.p, B0.p), key3(fS2pS1pS0p, S2.p, S1.p, S0.p))
}

func (c *parseCtx) children(f []uint64, s0, s1, b0 int32, S0, S1, B0 pos) []uint64 {
	st := c.st
	S0l1, S0l2, S0r1, S0r2 := c.at(child(st.l1, s0)), c.at(child(st.l2, s0)), c.at(child(st.r1, s0)), c.at(child(st.r2, s0))
	S1l1, S1r1, S1r2 := c.at(child(st.l1, s1)), c.at(child(st.r1, s1)), c.at(child(st.r2, s1))
	B0l1, B0l2 := c.at(child(st.l1, b0)), c.at(child(st.l2, b0))
	var s0nl, s0nr, s1nl, s1nr, b0nl, s0ls, s0rs, s1rs, b0ls uint64
	if s0 >= 0 {
		s0nl, s0nr, s0ls, s0rs = uint64(st.nl[s0]), uint64(st.nr[s0]), st.lset[s0], st.rset[s0]
	}
	if s1 >= 0 {
		s1nl, s1nr, s1rs = uint64(st.nl[s1]), uint64(st.nr[s1]), st.rset[s1]
	}
	if b0 >= 0 {
		b0nl, b0ls = uint64(st.nl[b0]), st.lset[b0]
	}
	return append(f,
		key3(fS0pS0l1pB0p, S0.p, S0l1.p, B0.p), key3(fS0pS0r1pB0p, S0.p, S0r1.p, B0.p),
		key3(fS0pB0pB0l1p, S0.p, B0.p, B0l1.p), key3(fS1pS1r1pS0p, S1.p, S1r1.p, S0.p),
		key3(fS1pS0pS0l1p, S1.p, S0.p, S0l1.p), key3(fS1pS1l1pS0p, S1.p, S1l1.p, S0.p),
		key3(fS1pS0pS0r1p, S1.p, S0.p, S0r1.p),
		key2(fS0wNl, S0.w, s0nl), key2(fS0pNl, S0.p, s0nl), key2(fS0wNr, S0.w, s0nr), key2(fS0pNr, S0.p, s0nr),
		key2(fS1wNr, S1.w, s1nr), key2(fS1pNr, S1.p, s1nr), key2(fS1pNl, S1.p, s1nl),
		key2(fB0wNl, B0.w, b0nl), key2(fB0pNl, B0.p, b0nl),
		key1(fS0l1w, S0l1.w), key1(fS0l1p, S0l1.p), key1(fS0l1l, S0l1.l),
		key1(fS0r1w, S0r1.w), key1(fS0r1p, S0r1.p), key1(fS0r1l, S0r1.l),
		key1(fS1r1w, S1r1.w), key1(fS1r1p, S1r1.p), key1(fS1r1l, S1r1.l), key1(fS1l1l, S1l1.l),
		key1(fB0l1w, B0l1.w), key1(fB0l1p, B0l1.p), key1(fB0l1l, B0l1.l),
		key1(fS0l2p, S0l2.p), key1(fS0l2l, S0l2.l), key1(fS0r2p, S0r2.p), key1(fS0r2l, S0r2.l),
		key1(fS1r2p, S1r2.p), key1(fS1r2l, S1r2.l), key1(fB0l2p, B0l2.p), key1(fB0l2l, B0l2.l),
		key3(fS0pS0l1pS0l2p, S0.p, S0l1.p, S0l2.p), key3(fS0pS0r1pS0r2p, S0.p, S0r1.p, S0r2.p),
		key3(fS1pS1r1pS1r2p, S1.p, S1r1.p, S1r2.p), key3(fB0pB0l1pB0l2p, B0.p, B0l1.p, B0l2.p),
		key2(fS0wLset, S0.w, s0ls), key2(fS0pLset, S0.p, s0ls), key2(fS0wRset, S0.w, s0rs), key2(fS0pRset, S0.p, s0rs),
		key2(fS1wRset, S1.w, s1rs), key2(fS1pRset, S1.p, s1rs), key2(fB0wLset, B0.w, b0ls), key2(fB0pLset, B0.p, b0ls))
}

// robust appends the templates that read the ambiguity class, the universal
// tag and the suffix, never the fine tag, and the stack (those that read
// only the buffer are bufferFeatures').
func robust(f []uint64, S0, S1, S2, B0, B1 pos) []uint64 {
	return append(f,
		key1(fS0a, S0.a), key1(fS1a, S1.a),
		key2(fS0aB0a, S0.a, B0.a), key2(fS1aS0a, S1.a, S0.a),
		key2(fS0uB0u, S0.u, B0.u), key2(fS1uS0u, S1.u, S0.u),
		key3(fS0uB0uB1u, S0.u, B0.u, B1.u), key3(fS1uS0uB0u, S1.u, S0.u, B0.u),
		key3(fS2uS1uS0u, S2.u, S1.u, S0.u),
		key1(fS0s, S0.s), key1(fS1s, S1.s), key2(fS0sB0s, S0.s, B0.s))
}
