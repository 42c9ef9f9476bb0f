package syntax

import (
	"slices"
	"testing"
)

// TestRobustFeaturesIgnoreTheFineTag guards the templates that do not trust
// the predicted fine tag: when a word's tag changes to another of the same
// universal tag (VBD for VBN), the fine-tag templates change and the ones
// reading the ambiguity class, the universal tag and the suffix do not;
// when its universal tag changes, the universal-tag templates change too.
func TestRobustFeaturesIgnoreTheFineTag(t *testing.T) {
	m, err := newModel([]string{"NOUN/NN", "PRON/PRP", "VERB/VBD", "VERB/VBN"}, []string{"nsubj", "root"})
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{"They", "attacked", "troops"}
	var sc scratch
	m.dict[hashString("attacked")] = 77
	ws := sc.describeWords(nil, forms, m.dict)
	feats := func(tag uint16) (all, robustOnly []uint64) {
		ws[3].tag = tag // "attacked", token 2
		var st state
		st.reset(len(forms))
		st.apply(shift, 0)
		st.apply(shift, 0) // s0 = "attacked", b0 = "troops"
		c := newParseCtx(ws, m.tags, &st, nil)
		S := func(x int32) pos { return c.at(x) }
		return c.features(nil), robust(nil, S(2), S(1), S(0), S(3), S(-1))
	}
	vbdAll, vbdRobust := feats(2)
	vbnAll, vbnRobust := feats(3)
	nounAll, nounRobust := feats(0)
	if slices.Equal(vbdAll, vbnAll) {
		t.Error("changing VBD to VBN changed no feature: the fine tag is not read")
	}
	if !slices.Equal(vbdRobust, vbnRobust) {
		t.Error("changing VBD to VBN changed a feature that should read only the universal tag, the ambiguity class and the suffix")
	}
	if slices.Equal(vbdRobust, nounRobust) || slices.Equal(vbdAll, nounAll) {
		t.Error("changing VERB to NOUN changed no universal-tag feature")
	}
	if c := ws[3].amb; c != 77 {
		t.Errorf("ambiguity class of a dictionary word = %d, want 77", c)
	}
}

// TestParseCtxTokens guards the positions parseCtx computes once per
// sentence: at gives, for every token and after arcs have set labels, what
// the templates read of the token's word, tag and label.
func TestParseCtxTokens(t *testing.T) {
	m := mustLoad(t)
	p := m.NewParser()
	words := []string{"The", "committee", "approved", "the", "budget", "on", "Monday", "."}
	p.prepare(words)
	p.tag(len(words))
	var st state
	st.reset(len(words))
	st.apply(shift, 0)
	st.apply(left, 4) // "The" ← "committee", label 4
	st.apply(shift, 0)
	st.apply(shift, 0)
	st.apply(right, 9) // "committee" → "approved", label 9
	if st.label[1] == 0 || st.label[3] == 0 {
		t.Fatal("the arcs set no labels")
	}
	c := newParseCtx(p.ws, m.tags, &st, nil)
	for x := int32(-1); x <= int32(len(words)); x++ {
		var want pos
		switch {
		case x < 0:
			want = pos{w: wNone, p: pNone, wp: wNone ^ pNone, a: wNone, u: pNone, s: wNone}
		case x == 0:
			want = pos{w: wRoot, p: pRoot, wp: wRoot ^ pRoot, a: wRoot, u: pRoot, s: wRoot}
		default:
			w := &p.ws[x+1]
			want = pos{w: w.lower, p: uint64(w.tag), wp: mix(w.lower, uint64(w.tag)), l: uint64(st.label[x]),
				a: w.amb, u: uint64(m.tags[w.tag].upos), s: w.suf[2]}
		}
		if got := c.at(x); got != want {
			t.Errorf("token %d: at gives %+v, want %+v", x, got, want)
		}
	}
}
