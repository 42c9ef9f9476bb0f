package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-news/parley/ner"
)

// toyCoNLL is gold data written for these tests.
const toyCoNLL = `-DOCSTART- O

Anna B-PER
Berg I-PER
visited O
Oslo B-LOC
with O
the O
Nordic B-ORG
Fishing I-ORG
Council I-ORG
. O

Berg B-PER
praised O
Norwegian B-MISC
fish O
. O

-DOCSTART- O

Lena B-PER
Holm I-PER
left O
Bergen B-LOC
. O
`

func writeNERFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalNERReportsScores(t *testing.T) {
	gold := writeNERFile(t, t.TempDir(), "toy.conll", toyCoNLL)
	for _, system := range []string{"model", "rules"} {
		out, errs, code := runCLI(t, "eval", "ner", gold, "--json", "--system", system)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", system, code, errs)
		}
		var r nerReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%s: %v\n%s", system, err, out)
		}
		if r.Documents != 2 || r.Sentences != 3 || r.Scheme != "conll" || r.Overall.Gold != 6 {
			t.Errorf("%s: report %+v", system, r)
		}
		if _, ok := r.Metrics["PERSON"]; !ok {
			t.Errorf("%s: no PERSON metrics in %s", system, out)
		}
	}
}

func TestEvalNERRefusesBadGold(t *testing.T) {
	gold := writeNERFile(t, t.TempDir(), "bad.conll", "Anna B-PER\nBerg PERSON\n")
	_, errs, code := runCLI(t, "eval", "ner", gold)
	if code == 0 || !strings.Contains(errs, "bad.conll:2") {
		t.Errorf("exit %d, stderr %q: want a failure naming bad.conll:2", code, errs)
	}
}

// TestTrainNERIsDeterministic trains twice on a toy shared folder and
// scores the model it wrote, by cross-validation too.
func TestTrainNERIsDeterministic(t *testing.T) {
	shared := t.TempDir()
	gold := writeNERFile(t, shared, "data/ner/wikigold.conll", strings.Repeat(toyCoNLL, 3))
	dir := t.TempDir()
	var models [2][]byte
	for i := range models {
		out := filepath.Join(dir, "m.bin")
		_, errs, code := runCLI(t, "train", "ner", "--shared", shared, "--parts", "wikigold", "--epochs", "2", "--buckets", "12", "--out", out)
		if code != 0 {
			t.Fatalf("train: exit %d: %s", code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		models[i] = b
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Fatal("the same data and seed wrote different models")
	}
	if _, errs, code := runCLI(t, "eval", "ner", gold, "--model", filepath.Join(dir, "m.bin")); code != 0 {
		t.Errorf("eval --model: exit %d: %s", code, errs)
	}
	out, errs, code := runCLI(t, "eval", "ner", gold, "--cv", "2", "--shared", shared, "--parts", "wikigold", "--epochs", "2", "--buckets", "12")
	if code != 0 || !strings.Contains(out, "2-fold cross-validation") || !strings.Contains(errs, "fold 2/2") {
		t.Errorf("cv: exit %d\n%s\n%s", code, out, errs)
	}
}

// TestEvalNERSharedFloors guards the shipped model's scores on re3d-test,
// which it was never trained on (see docs/MEASURE.md for the numbers).
func TestEvalNERSharedFloors(t *testing.T) {
	d := sharedDir(t)
	out, errs, code := runCLI(t, "eval", "ner", filepath.Join(d, "data", "ner", "re3d-test.conll"), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r nerReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if f := r.Metrics["overall"].F1; f < 0.55 {
		t.Errorf("re3d-test entity F1 %.3f, want >= 0.55", f)
	}
}

func TestLayoutTextReadsAsWritten(t *testing.T) {
	d := ner.Document{Sentences: []ner.Labeled{
		{Words: strings.Fields("Bernoulli 's book ( Hydrodynamica ) , he said n't .")},
		{Words: strings.Fields(`" Yes , " said Anna .`)},
	}}
	l := layoutText(d)
	want := "Bernoulli's book (Hydrodynamica), he saidn't.\n\" Yes, \" said Anna."
	if l.text != want {
		t.Errorf("text %q\nwant %q", l.text, want)
	}
	for si, s := range d.Sentences {
		for i, w := range s.Words {
			sp := l.words[si][i]
			if l.text[sp[0]:sp[1]] != w {
				t.Errorf("word %d.%d at %v is %q, want %q", si, i, sp, l.text[sp[0]:sp[1]], w)
			}
		}
	}
}

// TestShippedNERModelIsTheDocumentedCommand guards the promise of
// ner/model/README.md: the documented command writes the embedded model
// byte for byte. A change to the features, the name rule or the lexicon
// (whose gazetteers are features) needs the model retrained with it.
func TestShippedNERModelIsTheDocumentedCommand(t *testing.T) {
	d := sharedDir(t)
	if testing.Short() {
		t.Skip("trains the model (about 10 s)")
	}
	out := filepath.Join(t.TempDir(), "en.bin")
	if _, errs, code := runCLI(t, "train", "ner", "--shared", d, "--seed", "2", "--out", out); code != 0 {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join("..", "..", "ner", "model", "en.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Fatal("parley train ner --shared ../shared --seed 2 does not write ner/model/en.bin: retrain and ship the model")
	}
}

// TestTagPOS: --pos gives every word of the training and test documents
// the syntax model's universal tag, as the pipeline would tag it.
func TestTagPOS(t *testing.T) {
	docs := []ner.Document{{ID: "d", Sentences: []ner.Labeled{
		{Words: strings.Fields("Anna Berg moved to Oslo .")},
		{Words: strings.Fields("She left .")},
	}}}
	if err := tagPOS(docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sent int
		want string
	}{
		{0, "PROPN PROPN VERB ADP PROPN PUNCT"},
		{1, "PRON VERB PUNCT"},
	}
	for _, tc := range tests {
		if got := strings.Join(docs[0].Sentences[tc.sent].POS, " "); got != tc.want {
			t.Errorf("sentence %d: tags %q, want %q", tc.sent, got, tc.want)
		}
	}
}
