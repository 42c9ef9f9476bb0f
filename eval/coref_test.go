package eval

import (
	"math"
	"strings"
	"testing"
)

// corefFixture is a hand-made two-paragraph document: "Ann Lee met Bob." /
// "She thanked him and his sister. The minister left." with She, The
// minister → Ann Lee and him, his → Bob.
const corefFixture = `# newdoc id = d1
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# newpar
1	Ann	Ann	PROPN	NNP	_	3	nsubj	_	Entity=(1-person-new-s-c-1,2-sgl
2	Lee	Lee	PROPN	NNP	_	1	flat	_	Entity=1)
3	met	meet	VERB	VBD	_	0	root	_	_
4	Bob	Bob	PROPN	NNP	_	3	obj	_	Entity=(2-person-new-s-c-1-sgl)|SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

# newpar
1	She	she	PRON	PRP	Person=3|PronType=Prs	2	nsubj	_	Entity=(1-person-giv-s-c-1-ana)
2	thanked	thank	VERB	VBD	_	0	root	_	_
3	him	he	PRON	PRP	Person=3|PronType=Prs	2	obj	_	Entity=(2-person-giv-s-c-1-ana)
4	and	and	CCONJ	CC	_	6	cc	_	_
5	his	his	PRON	PRP$	Person=3|Poss=Yes|PronType=Prs	6	nmod:poss	_	Entity=(3-person-new-s-c-2-sgl(2-person-giv-s-c-1-ana)
6	sister	sister	NOUN	NN	_	3	conj	_	Entity=3)|SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	Entity=(1-person-giv-s-c-2-coref
2	minister	minister	NOUN	NN	_	3	nsubj	_	Entity=1)
3	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

`

func readFixture(t *testing.T) CorefDoc {
	t.Helper()
	docs, err := ReadCoref(strings.NewReader(corefFixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	return docs[0]
}

// TestReadCorefRebuildsTextAndMentions guards the text (SpaceAfter=No, a
// newline between paragraphs, a space between sentences), the word spans
// and the nested mentions of one word.
func TestReadCorefRebuildsTextAndMentions(t *testing.T) {
	d := readFixture(t)
	if want := "Ann Lee met Bob.\nShe thanked him and his sister. The minister left."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	for _, w := range d.Words {
		if d.Text[w.Start:w.End] != w.Form {
			t.Errorf("word %q has span %q", w.Form, d.Text[w.Start:w.End])
		}
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Chain+":"+d.Text[d.Words[m.First].Start:d.Words[m.Last-1].End]+":"+d.Words[m.Head].Form)
	}
	want := "1:Ann Lee:Ann 2:Bob:Bob 1:She:She 2:him:him 3:his sister:sister 2:his:his 1:The minister:minister"
	if strings.Join(got, " ") != want {
		t.Errorf("mentions\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestScoreCorefResolution(t *testing.T) {
	d := readFixture(t)
	annLee := SysMention{Start: 0, End: 7, Entity: 1, Kind: "name"}
	bob := SysMention{Start: 12, End: 15, Entity: 2, Kind: "name"}
	she := func(e int) SysMention { return SysMention{Start: 17, End: 20, Entity: e, Kind: "pronoun"} }
	him := func(e int) SysMention { return SysMention{Start: 29, End: 32, Entity: e, Kind: "pronoun"} }
	his := func(e int) SysMention { return SysMention{Start: 37, End: 40, Entity: e, Kind: "pronoun"} }
	minister := func(e int) SysMention { return SysMention{Start: 49, End: 61, Entity: e, Kind: "nominal"} }
	tests := []struct {
		name string
		pred []SysMention
		want map[string]Resolution
	}{
		{"all linked right", []SysMention{annLee, bob, she(1), him(2), his(2), minister(1)}, map[string]Resolution{
			ClassPronoun: {Gold: 3, Right: 3}, ClassPersonal: {Gold: 2, Right: 2}, ClassPossessive: {Gold: 1, Right: 1},
			ClassDescription: {Gold: 1, Right: 1}, "pronoun/person": {Gold: 3, Right: 3},
		}},
		{"right, wrong and unresolved", []SysMention{annLee, bob, she(1), him(1), minister(2)}, map[string]Resolution{
			ClassPronoun: {Gold: 3, Right: 1, Wrong: 1, Unresolved: 1}, ClassPersonal: {Gold: 2, Right: 1, Wrong: 1},
			ClassPossessive: {Gold: 1, Unresolved: 1}, ClassDescription: {Gold: 1, Wrong: 1},
		}},
		{"antecedent name not found", []SysMention{bob, she(7), him(2)}, map[string]Resolution{
			ClassPersonal: {Gold: 2, Right: 1, Wrong: 1, NoName: 1}, ClassDescription: {Gold: 1, Unresolved: 1, NoName: 1},
		}},
		{"nothing predicted", nil, map[string]Resolution{
			ClassPronoun: {Gold: 3, Unresolved: 3, NoName: 3}, ClassDescription: {Gold: 1, Unresolved: 1, NoName: 1},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := ScoreCoref([]CorefDoc{d}, [][]SysMention{tc.pred})
			for k, w := range tc.want {
				if sc.Resolution[k] != w {
					t.Errorf("%s: %+v, want %+v", k, sc.Resolution[k], w)
				}
			}
		})
	}
}

// TestCorefMetrics checks MUC, B³ and CEAF-e on the textbook example: key
// {a b c} {d e}, response {a b} {c d e}.
func TestCorefMetrics(t *testing.T) {
	key := [][]int{{1, 2, 3}, {4, 5}}
	resp := [][]int{{1, 2}, {3, 4, 5}}
	tests := []struct {
		name string
		got  CorefPRF
		p, r float64
	}{
		{"MUC", mucCounts(key, resp).prf(), 2.0 / 3, 2.0 / 3},
		{"B3", b3Counts(key, resp).prf(), 11.0 / 15, 11.0 / 15},
		{"CEAF-e", ceafeCounts(key, resp).prf(), 0.8, 0.8},
		{"MUC of a perfect response", mucCounts(key, key).prf(), 1, 1},
		{"B3 with a missed mention", b3Counts([][]int{{1, 2}}, [][]int{{1}}).prf(), 1, 0.25}, // mention 1 recalls half its cluster, mention 2 nothing
		{"CEAF-e of nothing", ceafeCounts(key, nil).prf(), 0, 0},
	}
	for _, tc := range tests {
		if math.Abs(tc.got.P-tc.p) > 1e-9 || math.Abs(tc.got.R-tc.r) > 1e-9 {
			t.Errorf("%s: P %.4f R %.4f, want P %.4f R %.4f", tc.name, tc.got.P, tc.got.R, tc.p, tc.r)
		}
	}
}

// TestMaxAssignmentIsOptimal: the greedy choice (0.9) is not the best
// one-to-one assignment (0.8 + 0.8).
func TestMaxAssignmentIsOptimal(t *testing.T) {
	sim := [][]float64{{0.9, 0.8}, {0.8, 0}, {0, 0}}
	if got := maxAssignment(sim, 3, 2); math.Abs(got-1.6) > 1e-9 {
		t.Errorf("got %v, want 1.6", got)
	}
}

// TestScoreCorefCoNLLAlignsByHead: a system mention stands for the gold
// mention whose head it covers ("Ann Lee" for the gold "Ann Lee", "minister"
// inside "The minister").
func TestScoreCorefCoNLLAlignsByHead(t *testing.T) {
	d := readFixture(t)
	pred := []SysMention{{Start: 0, End: 7, Entity: 1}, {Start: 12, End: 15, Entity: 2}, {Start: 17, End: 20, Entity: 1},
		{Start: 29, End: 32, Entity: 2}, {Start: 37, End: 40, Entity: 2}, {Start: 53, End: 61, Entity: 1}}
	sc := ScoreCoref([]CorefDoc{d}, [][]SysMention{pred})
	// the key also holds "his sister", a singleton the system misses
	if sc.MUC.P != 1 || sc.MUC.R != 1 || sc.B3.P != 1 || sc.CEAFe.R != 2.0/3 {
		t.Errorf("MUC %+v B3 %+v CEAF-e %+v", sc.MUC, sc.B3, sc.CEAFe)
	}
}

func TestReadCorefErrors(t *testing.T) {
	line := func(id, form, misc string) string {
		return id + "\t" + form + "\t" + form + "\tPROPN\tNNP\t_\t0\troot\t_\t" + misc + "\n"
	}
	tests := []struct {
		name, in, want string
	}{
		{"closing with no opening", "# newdoc id = x\n" + line("1", "A", "Entity=4)"), "line 2: entity annotation: closing \"4)\""},
		{"mention never closes", "# newdoc id = x\n" + line("1", "A", "Entity=(4-person-new") + "\n" + line("1", "B", "_"), "line 4: document x: the mention of entity 4"},
		{"entity number not a number", line("1", "A", "Entity=(x-person)"), "line 1: entity annotation: opening \"(x-person\""},
		{"garbage in Entity", line("1", "A", "Entity=abc"), "line 1: entity annotation: \"abc\""},
		{"malformed CoNLL-U line", "# newdoc id = x\n1\tA\n", "line 2: want 10 tab-separated fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoref(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// FuzzReadCoref: any input is read or refused with an error, and what is
// read is consistent: word spans inside the text, mentions inside the words.
func FuzzReadCoref(f *testing.F) {
	f.Add(corefFixture)
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\tEntity=(1-person)\n1\tdo\tdo\tAUX\t_\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\t_\t_\t1\tadvmod\t_\tEntity=1)\n")
	f.Add("1\tA\tA\tX\t_\t_\t0\troot\t_\tEntity=(1-a-b(2-c)1)2)\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoref(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, w := range d.Words {
				if w.Start < 0 || w.Start > w.End || w.End > len(d.Text) || w.Head >= len(d.Words) {
					t.Fatalf("word %+v outside text of %d bytes", w, len(d.Text))
				}
			}
			for _, m := range d.Mentions {
				if m.First < 0 || m.First >= m.Last || m.Last > len(d.Words) || m.Head < m.First || m.Head >= m.Last {
					t.Fatalf("mention %+v outside %d words", m, len(d.Words))
				}
			}
			sc := ScoreCoref([]CorefDoc{d}, nil)
			_ = sc
		}
	})
}

// TestReadCorefSplitsMultiwordTokens guards the spans of the words of a
// multiword token: "Norton's" is "Norton" and "'s", so a mention of the
// name covers its own word only; a token its words do not spell ("won't" =
// "will" + "not") gives each word the whole token.
func TestReadCorefSplitsMultiwordTokens(t *testing.T) {
	const in = `# newdoc id = d1
# newpar
1-2	Norton's	_	_	_	_	_	_	_	_
1	Norton	Norton	PROPN	NNP	_	3	nmod:poss	_	Entity=(1-person-new-s-c-1-sgl)
2	's	's	PART	POS	_	1	case	_	_
3	wife	wife	NOUN	NN	_	5	nsubj	_	_
4-5	won't	_	_	_	_	_	_	_	SpaceAfter=No
4	will	will	AUX	MD	_	5	aux	_	_
5	not	not	PART	RB	_	0	root	_	_
6	.	.	PUNCT	.	_	5	punct	_	_

`
	docs, err := ReadCoref(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if want := "Norton's wife won't."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	var got []string
	for _, w := range d.Words {
		got = append(got, d.Text[w.Start:w.End])
	}
	want := "Norton|'s|wife|won't|won't|."
	if strings.Join(got, "|") != want {
		t.Errorf("word spans %s, want %s", strings.Join(got, "|"), want)
	}
	m := d.Mentions[0]
	if span := d.Text[d.Words[m.First].Start:d.Words[m.Last-1].End]; span != "Norton" {
		t.Errorf("mention %q, want Norton", span)
	}
}
