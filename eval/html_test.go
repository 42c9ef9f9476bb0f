package eval

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHTMLTokensFollowPythonWordClass(t *testing.T) {
	got := htmlTokens("Ça va_bien, x²+y³ — 東京2020 हिन्दी naïve")
	// Python's \w excludes combining marks, so Devanagari splits at its vowel signs.
	want := []string{"Ça", "va_bien", "x²", "y³", "東京2020", "ह", "न", "द", "naïve"}
	if !slices.Equal(got, want) {
		t.Errorf("htmlTokens = %q, want %q", got, want)
	}
}

func TestShingleMatchCountsMultisetsAndShortTexts(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       [3]float64
	}{
		{"a b c d e", "a b c d e", [3]float64{1, 0, 0}},
		{"a b c d e", "", [3]float64{0, 0, 1}},
		{"", "a b", [3]float64{0, 1, 0}},
		{"", "", [3]float64{0, 0, 0}},
		{"a b", "a b", [3]float64{1, 0, 0}},                     // one short shingle each
		{"a b c d a b c d", "a b c d", [3]float64{0.2, 0, 0.8}}, // 5 gold shingles, "a b c d" twice
	}
	for _, tt := range tests {
		got := shingleMatch(htmlTokens(tt.gold), htmlTokens(tt.pred))
		if got != tt.want {
			t.Errorf("shingleMatch(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestPyRandomReproducesCPython(t *testing.T) {
	r := newPyRandom(0)
	for i, want := range []uint32{3626764237, 1654615998, 3255389356} {
		if got := r.uint32(); got != want {
			t.Errorf("Random(0) word %d = %d, want %d", i, got, want)
		}
	}
	r = newPyRandom(0)
	var got []int
	for range 5 {
		got = append(got, r.randbelow(91))
	}
	if want := []int{49, 53, 5, 33, 65}; !slices.Equal(got, want) {
		t.Errorf("Random(0).randint(0, 90) = %v, want %v", got, want)
	}
	r = newPyRandom(12345678901) // a seed wider than 32 bits
	got = got[:0]
	for range 5 {
		got = append(got, r.randbelow(7))
	}
	if want := []int{4, 2, 6, 3, 2}; !slices.Equal(got, want) {
		t.Errorf("Random(12345678901).randint(0, 6) = %v, want %v", got, want)
	}
}

func TestScoreHTMLPerfectAndMissing(t *testing.T) {
	gold := []HTMLDoc{{ID: "a", Body: "one two three four five"}, {ID: "b", Body: "six seven eight nine"}}
	r := ScoreHTML(gold, gold, HTMLOptions{Bootstrap: 10})
	if r.F1 != 1 || r.Accuracy != 1 || r.F1Std != 0 {
		t.Errorf("gold vs gold: %+v", r)
	}
	r = ScoreHTML(gold, []HTMLDoc{gold[0], {ID: "zzz", Body: "x"}}, HTMLOptions{})
	// the missing page has no precision (tp+fp = 0) and recall 0
	if r.Precision != 1 || r.Recall != 0.5 || r.NMissing != 1 || r.NExtra != 1 {
		t.Errorf("one missing: %+v", r)
	}
}

func readHTMLFile(t testing.TB, path string) []HTMLDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadHTMLDocs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// perturbHTML imitates extractors: dropped and added paragraphs, cut
// bodies, boilerplate, soft hyphens, missing pages.
func perturbHTML(gold []HTMLDoc, seed uint64) []map[string]any {
	rng := rand.New(rand.NewPCG(seed, 3))
	var out []map[string]any
	for _, g := range gold {
		paras := strings.Split(g.Body, "\n")
		switch rng.IntN(7) {
		case 0:
			continue // missing
		case 1:
			paras = paras[:rng.IntN(len(paras)+1)]
		case 2:
			paras = append([]string{"Subscribe to our newsletter", "Share this article on social media now"}, paras...)
		case 3:
			if len(paras) > 1 {
				k := rng.IntN(len(paras))
				paras = append(paras[:k:k], paras[k+1:]...)
			}
		case 4:
			for i := range paras {
				paras[i] = strings.ReplaceAll(paras[i], "tion", "ti\u00adon")
			}
		}
		key := []string{"body", "articleBody", "text"}[rng.IntN(3)]
		out = append(out, map[string]any{"id": g.ID, key: strings.Join(paras, "\n")})
	}
	return append(out, map[string]any{"id": "not-in-gold", "body": "extra"})
}

func TestScoreHTMLAgreesWithReference(t *testing.T) {
	shared := sharedDir(t)
	python(t)
	gold := filepath.Join(shared, "data", "html", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("html gold absent: %v", err)
	}
	golds := readHTMLFile(t, gold)
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		seed uint64
		opt  HTMLOptions
		args []string
	}{
		{"perturbed", 1, HTMLOptions{Bootstrap: 1000}, nil},
		{"perturbed-strip-seed7", 2, HTMLOptions{Bootstrap: 200, Seed: 7, StripSoftHyphen: true},
			[]string{"--strip-soft-hyphen", "--seed", "7", "--n-bootstrap", "200"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pred := filepath.Join(dir, tc.name+".jsonl")
			writeJSONL(t, pred, perturbHTML(golds, tc.seed))
			out := filepath.Join(dir, tc.name+".json")
			runPython(t, append([]string{filepath.Join(shared, "tools", "score_html.py"), gold, pred, "--json", out}, tc.args...)...)
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got := mustJSON(t, ScoreHTML(golds, readHTMLFile(t, pred), tc.opt))
			compareJSON(t, want, got)
		})
	}
}
