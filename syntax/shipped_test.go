package syntax

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley/conllu"
	"github.com/parley-news/parley/eval"
)

// TestShippedModelScoresAsDocumented parses EWT dev with the embedded model
// and wants the numbers of the "| dev |" row of model/README.md, to the
// fourth decimal: the model file and its documentation can not drift apart.
func TestShippedModelScoresAsDocumented(t *testing.T) {
	gold := readSplit(t, "dev")
	readme, err := os.ReadFile("model/README.md")
	if err != nil {
		t.Fatal(err)
	}
	var row []string
	for _, l := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(l, "| dev |") {
			row = strings.Fields(strings.ReplaceAll(l, "|", " "))
		}
	}
	if len(row) != 8 {
		t.Fatalf("model/README.md has no row \"| dev | words | UPOS | XPOS | lemmas | UAS | LAS | LAS-full |\"")
	}
	p := mustLoad(t).NewParser()
	pred := make([]*conllu.Sentence, len(gold))
	var out []Word
	var forms []string
	for i, s := range gold {
		c := *s
		c.Tokens = slices.Clone(s.Tokens)
		forms = forms[:0]
		idx := c.Words(nil)
		for _, j := range idx {
			forms = append(forms, c.Tokens[j].Form)
		}
		out = p.Parse(forms, out)
		for k, j := range idx {
			tk := &c.Tokens[j]
			tk.Lemma, tk.UPOS, tk.XPOS = out[k].Lemma, out[k].POS.String(), out[k].XPOS
			tk.Head, tk.Deprel = fmt.Sprint(out[k].Head), out[k].Deprel
		}
		pred[i] = &c
	}
	sc, err := eval.ScoreSyntax(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{"dev", fmt.Sprint(sc.Words), f4(sc.UPOS), f4(sc.XPOS), f4(sc.Lemmas), f4(sc.UAS), f4(sc.LAS), f4(sc.LASFull)}
	if !slices.Equal(got, row) {
		t.Errorf("dev scores %v, model/README.md says %v", got, row)
	}
}

func f4(x float64) string { return fmt.Sprintf("%.4f", x) }
