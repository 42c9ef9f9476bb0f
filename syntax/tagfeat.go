package syntax

// Tagger feature templates. The words slice has two pad words on each side:
// sentence word i is ws[i+2]. p1 and p2 are the classes predicted for the
// two words before (a pad class at the start).
const (
	tBias uint64 = iota + 1
	tLower
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tShape
	tFlags
	tFirstFlags
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tP1
	tP2P1
	tP1Lower
	tPrevSuf3
	tNextSuf3
	tAmb
	tNextAmb
	tNext2Amb
	tAmbNextAmb
	tP1Amb
	tPrevLowerLower
	tLowerNextLower
	tNextShape
	tPrevShape
	tP1NextLower
)

// padTag is the class feature value of the positions before the sentence.
const padTag = 0xffff

// tagFeatures appends the features of sentence word i: those that read
// the word only, those that read the words around it, and those that read
// the classes predicted before it (the tagger scores the groups apart).
func tagFeatures(ws []word, i int, p1, p2 uint16, f []uint64) []uint64 {
	f = wordFeatures(&ws[i+2], f)
	f = contextFeatures(ws, i, f)
	return historyFeatures(ws, i, p1, p2, f)
}

// wordFeatures appends the features that read only w, the same wherever
// the word occurs (the tagger caches their scores per form).
func wordFeatures(w *word, f []uint64) []uint64 {
	return append(f,
		key1(tBias, 0),
		key1(tLower, w.lower),
		key1(tForm, w.form),
		key1(tSuf1, w.suf[0]),
		key1(tSuf2, w.suf[1]),
		key1(tSuf3, w.suf[2]),
		key1(tSuf4, w.suf[3]),
		key1(tPre1, w.pre[0]),
		key1(tPre2, w.pre[1]),
		key1(tPre3, w.pre[2]),
		key1(tPre4, w.pre[3]),
		key1(tShape, w.shape),
		key1(tFlags, w.flags),
		key1(tAmb, w.amb),
	)
}

// contextFeatures appends the features of word i that read the words
// around it but no predicted class.
func contextFeatures(ws []word, i int, f []uint64) []uint64 {
	w, m1, m2, n1, n2 := &ws[i+2], &ws[i+1], &ws[i], &ws[i+3], &ws[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1 << 30
	}
	return append(f,
		key1(tFirstFlags, w.flags|first),
		key1(tPrevLower, m1.lower),
		key1(tPrev2Lower, m2.lower),
		key1(tNextLower, n1.lower),
		key1(tNext2Lower, n2.lower),
		key1(tPrevSuf3, m1.suf[2]),
		key1(tNextSuf3, n1.suf[2]),
		key1(tNextAmb, n1.amb),
		key1(tNext2Amb, n2.amb),
		key2(tAmbNextAmb, w.amb, n1.amb),
		key2(tPrevLowerLower, m1.lower, w.lower),
		key2(tLowerNextLower, w.lower, n1.lower),
		key1(tNextShape, n1.shape),
		key1(tPrevShape, m1.shape),
	)
}

// historyFeatures appends the features of word i that read the classes p1
// and p2 predicted for the two words before it.
func historyFeatures(ws []word, i int, p1, p2 uint16, f []uint64) []uint64 {
	w, n1 := &ws[i+2], &ws[i+3]
	q1, q2 := uint64(p1), uint64(p2)
	return append(f,
		key1(tP1, q1),
		key2(tP2P1, q2, q1),
		key2(tP1Lower, q1, w.lower),
		key2(tP1Amb, q1, w.amb),
		key2(tP1NextLower, q1, n1.lower),
	)
}
