package syntax

import (
	"bytes"
	"context"
	"github.com/parley-news/parley"
	"strings"
	"testing"
)

// TestLabelsAreParleyRelations guards that every label of the shipped
// model is one of parley's relations, subtype included, so that Rel loses
// nothing that Deprel says.
func TestLabelsAreParleyRelations(t *testing.T) {
	for _, l := range mustLoad(t).Labels() {
		if r := parley.ParseDepRel(l); r.String() != l {
			t.Errorf("label %q becomes %v", l, r)
		}
	}
}

func mustLoad(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestParseMakesTrees checks on sentences of several shapes that every word
// gets a tag, a lemma and a head inside the sentence, that there is exactly
// one root, labelled root, and that following heads never loops.
func TestParseMakesTrees(t *testing.T) {
	p := mustLoad(t).NewParser()
	for _, s := range []string{
		"The committee approved the budget on Monday .",
		"Hello",
		"\" We will not accept this , \" she told reporters , adding that talks would continue .",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h",
		"12,000 people ( mostly students ) marched to the U.S. embassy in Paris - Nord ?",
	} {
		words := strings.Fields(s)
		out := p.Parse(words, nil)
		if len(out) != len(words) {
			t.Fatalf("%q: %d words out", s, len(out))
		}
		roots := 0
		for i, w := range out {
			if w.POS == parley.NoPOS || w.XPOS == "" || w.Lemma == "" || w.Rel == parley.NoRel || w.Deprel == "" {
				t.Errorf("%q word %d: incomplete %+v", s, i+1, w)
			}
			if w.Head < 0 || w.Head > len(words) || w.Head == i+1 {
				t.Errorf("%q word %d: head %d", s, i+1, w.Head)
			}
			if (w.Head == 0) != (w.Deprel == "root") {
				t.Errorf("%q word %d: head %d with label %s", s, i+1, w.Head, w.Deprel)
			}
			if w.Head == 0 {
				roots++
			}
			x := i + 1
			for steps := 0; x != 0; steps++ {
				if steps > len(words) {
					t.Fatalf("%q: cycle through word %d", s, i+1)
				}
				x = out[x-1].Head
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", s, roots)
		}
	}
}

// TestParseSimpleSentence checks the analysis of an unambiguous sentence:
// the parser has to get the core of English right.
func TestParseSimpleSentence(t *testing.T) {
	p := mustLoad(t).NewParser()
	words := strings.Fields("The farmers sold their old tractors to a dealer .")
	out := p.Parse(words, nil)
	want := []struct {
		upos  parley.POS
		head  int
		rel   string
		lemma string
	}{
		{parley.DET, 2, "det", "the"}, {parley.NOUN, 3, "nsubj", "farmer"}, {parley.VERB, 0, "root", "sell"},
		{parley.PRON, 6, "nmod:poss", "their"}, {parley.ADJ, 6, "amod", "old"}, {parley.NOUN, 3, "obj", "tractor"},
		{parley.ADP, 9, "case", "to"}, {parley.DET, 9, "det", "a"}, {parley.NOUN, 3, "obl", "dealer"}, {parley.PUNCT, 3, "punct", "."},
	}
	for i, w := range want {
		g := out[i]
		if g.POS != w.upos || g.Head != w.head || g.Deprel != w.rel || g.Lemma != w.lemma {
			t.Errorf("%s: got %v %d %s %q, want %v %d %s %q", words[i], g.POS, g.Head, g.Deprel, g.Lemma, w.upos, w.head, w.rel, w.lemma)
		}
	}
}

// TestParseAllocations guards the hot path: parsing a sentence allocates at
// most the one string that holds its changed lemmas.
func TestParseAllocations(t *testing.T) {
	p := mustLoad(t).NewParser()
	words := strings.Fields("Officials said the companies were studying the proposals , which arrived late .")
	out := p.Parse(words, nil)
	n := testing.AllocsPerRun(50, func() { out = p.Parse(words, out) })
	if n > 1 {
		t.Errorf("Parse allocates %.1f times per sentence, want at most 1", n)
	}
}

// TestLemmas checks the learned rules and exceptions on regular and
// irregular forms (the words are ordinary English, not taken from the data).
func TestLemmas(t *testing.T) {
	m := mustLoad(t)
	for _, c := range []struct{ form, tag, want string }{
		{"studies", "NOUN/NNS", "study"}, {"boxes", "NOUN/NNS", "box"}, {"dogs", "NOUN/NNS", "dog"},
		{"stopped", "VERB/VBD", "stop"}, {"hoping", "VERB/VBG", "hope"}, {"walked", "VERB/VBN", "walk"},
		{"was", "AUX/VBD", "be"}, {"children", "NOUN/NNS", "child"}, {"went", "VERB/VBD", "go"},
		{"bigger", "ADJ/JJR", "big"}, {"The", "DET/DT", "the"}, {"Paris", "PROPN/NNP", "Paris"},
		{"n't", "PART/RB", "not"}, {"carries", "VERB/VBZ", "carry"},
	} {
		id, ok := m.classOf(c.tag)
		if !ok {
			t.Fatalf("no tag class %s", c.tag)
		}
		got, _ := m.lemma.appendLemma(nil, c.form, m.tags[id])
		if string(got) != c.want {
			t.Errorf("lemma of %s/%s = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
}

// TestTrainDeterministic trains twice on a slice of the dev treebank and
// wants the same model bytes; a corrupt file must fail to load.
func TestTrainDeterministic(t *testing.T) {
	dev := readSplit(t, "dev")
	tr, dv := dev[:300], dev[300:400]
	o := TrainOptions{Seed: 7, TagEpochs: 2, ParseEpochs: 2, Folds: 2}
	var files [2][]byte
	for i := range files {
		m, _, err := Train(context.Background(), tr, dv, o)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings with the same data and seed wrote different models")
	}
	m, err := Read(files[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if out := m.NewParser().Parse([]string{"It", "works", "."}, nil); len(out) != 3 {
		t.Fatal("the re-read model does not parse")
	}
	for _, cut := range []int{0, 10, len(files[0]) / 2, len(files[0]) - 1} {
		if _, err := Read(files[0][:cut], nil); err == nil {
			t.Errorf("a model cut at %d bytes loads", cut)
		}
	}
}

// FuzzDecode feeds arbitrary bytes to the model decoder: it must fail with an
// error, never panic or allocate without bound.
func FuzzDecode(f *testing.F) {
	m, err := newModel([]string{"NOUN/NN", "PUNCT/."}, []string{"punct", "root"})
	if err != nil {
		f.Fatal(err)
	}
	m.tagEntries = []entry{{key: 5, cls: []uint8{1}, w: []int16{7}}}
	m.parseEntries = []entry{{key: 9, dense: [numActions]int16{1, -2, 3}, cls: []uint8{0, 3}, w: []int16{4, -4}}}
	m.dict[3] = 4
	raw, err := m.encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decode(b, false)
		if err == nil {
			m.NewParser().Parse([]string{"x", "."}, nil)
		}
	})
}

// TestUnknownWordGetsNoClosedClass guards the closed-class constraint: a
// word the tag dictionary does not know is never tagged as a modal, a
// preposition, a determiner or a pronoun ("withheld" was read as MD).
func TestUnknownWordGetsNoClosedClass(t *testing.T) {
	m := mustLoad(t)
	p := m.NewParser()
	for _, s := range [][]string{
		{"Russia", "withheld", "aid", "to", "Ukraine", "."},
		{"The", "council", "greenlit", "the", "plan", "."},
	} {
		out := p.Parse(s, nil)
		w := out[1]
		if closedPOS[w.POS] {
			t.Errorf("%q in %q tagged %s/%s, a closed class", s[1], strings.Join(s, " "), w.POS, w.XPOS)
		}
	}
}
