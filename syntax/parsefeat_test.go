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
		c := parseCtx{ws: ws, tags: m.tags, st: &st}
		S := func(x int32) pos { return c.at(x) }
		return c.features(nil), robust(nil, S(2), S(1), S(0), S(3), S(-1), S(-1))
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
