package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func ptr[T any](v T) *T { return &v }

func TestCutKeepsHeadOfMention(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jonathan Barnett, an RNC committeeman from Arkansas", "Jonathan Barnett"},
		{"Senator Jane Okafor, who chairs the committee", "Senator Jane Okafor"},
		{"the aide who spoke on condition of anonymity", "the aide"},
		{"Ms. Lee (D-Calif.)", "Ms. Lee "},
		{"a spokesman — speaking late", "a spokesman"},
		{"the firm - its lawyers", "the firm"},
		{"who", "who"},                            // a match at the very start keeps the whole string
		{"who said it", "who said it"},            // likewise
		{"Whoever", "Whoever"},                    // "who" only as a word
		{"officials\u00a0that know", "officials"}, // Python's \s includes NBSP
		{", leading comma", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cut(tt.in); got != tt.want {
			t.Errorf("cut(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakerTokensDropTitlesAndPossessives(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Ødegaard’s spokesman", []string{"degaard", "spokesman"}},
		{"President Donald J. Trump", []string{"donald", "j", "trump"}},
		{"the campaign's chairman", []string{"campaign", "chairman"}},
		{"Sen. Marco Rubio, R-Fla.", []string{"marco", "rubio"}},
		{"Jones'sy", []string{"jones", "sy"}}, // 's followed by a letter is kept
		{"İsmail", []string{"i", "smail"}},    // Python lowers İ to i + U+0307
		{"he", []string{"he"}},
		{"The", nil},
	}
	for _, tt := range tests {
		if got := speakerTokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("speakerTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakerOKRules(t *testing.T) {
	span := func(speaker *string, s, e float64) QuoteSpan {
		return QuoteSpan{Speaker: speaker, SpeakerStart: &s, SpeakerEnd: &e}
	}
	name := func(s string) QuoteSpan { return QuoteSpan{Speaker: &s} }
	tests := []struct {
		name string
		g, p QuoteSpan
		want bool
	}{
		{"null gold, null pred", QuoteSpan{}, QuoteSpan{}, true},
		{"null gold, blank pred", QuoteSpan{}, name("  "), true},
		{"null gold, named pred", QuoteSpan{}, name("Smith"), false},
		{"named gold, null pred", name("Smith"), QuoteSpan{}, false},
		{"pronoun gold, resolved name on its span", span(ptr("he"), 10, 12), span(ptr("Pat Smith"), 10, 12), true},
		{"pronoun gold, resolved name elsewhere", span(ptr("he"), 10, 12), span(ptr("Pat Smith"), 40, 49), false},
		{"span overlap only in the apposition", span(ptr("Jonathan Barnett, an RNC committeeman from Arkansas"), 0, 51),
			span(ptr("Arkansas"), 43, 51), false},
		{"span overlap in the head", span(ptr("Jonathan Barnett, an RNC committeeman"), 0, 37), span(ptr("Barnett"), 9, 16), true},
		{"last-name rule", name("Mr. Rubio"), name("Marco Rubio"), true},
		{"subset rule", name("sources familiar with the matter"), name("sources"), true},
		{"different people", name("Marco Rubio"), name("Ted Cruz"), false},
		{"only stop words compare as strings", name("The"), name(" the "), true},
		{"only stop words differ", name("The"), name("a"), false},
	}
	for _, tt := range tests {
		if got := speakerOK(tt.g, tt.p); got != tt.want {
			t.Errorf("%s: speakerOK = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSpanTypeFromQuotationMarks(t *testing.T) {
	tests := []struct {
		text, span, want string
	}{
		{`He said “we will win” today.`, "we will win", "direct"},
		{`He said “we will win” today.`, "He said “we will win” today", "mixed"},
		{`He said we will win today.`, "we will win", "indirect"},
		{`She said "no deal" again.`, "no deal", "direct"},
		{"''Tick tock,'' she said.", "Tick tock", "direct"},
		{"``Tick tock,'' she said.", "Tick tock", "direct"},
		{"« Bonjour » dit-il.", "Bonjour", "direct"},
		{"“Unclosed runs to the end of the paragraph\nNext paragraph", "Next paragraph", "indirect"},
		{"“Unclosed runs to the end", "the end", "direct"},
		{`Odd "one runs on`, "runs on", "direct"},
	}
	for _, tt := range tests {
		runes := []rune(tt.text)
		k := strings.Index(tt.text, tt.span)
		s := utf8.RuneCountInString(tt.text[:k])
		e := s + utf8.RuneCountInString(tt.span)
		cs := contentChars(tt.text, runes, QuoteSpan{ContentStart: ptr(float64(s)), ContentEnd: ptr(float64(e))})
		if got := spanType(quotedMask(runes), cs); got != tt.want {
			t.Errorf("spanType(%q in %q) = %q, want %q", tt.span, tt.text, got, tt.want)
		}
	}
}

func TestContentCharsSkipSpacePunctuationAndUseCodePoints(t *testing.T) {
	text := "🙂 “Ça va,” dit-il."
	runes := []rune(text)
	got := contentChars(text, runes, QuoteSpan{ContentStart: ptr(0.0), ContentEnd: ptr(float64(len(runes)))})
	var want charSet
	for i, r := range runes {
		if !strings.ContainsRune(" “”,.-", r) {
			want = append(want, int32(i))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("contentChars = %v, want %v", got, want)
	}
	byContent := contentChars(text, runes, QuoteSpan{Content: ptr("Ça va")})
	if !slices.Equal(byContent, charSet{3, 4, 6, 7}) {
		t.Errorf("located by content = %v, want [3 4 6 7]", byContent)
	}
	frags := contentChars(text, runes, QuoteSpan{ContentStart: ptr(0.0), ContentEnd: ptr(20.0),
		Fragments: [][]float64{{6, 8}, {3, 7}}})
	if !slices.Equal(frags, charSet{3, 4, 6, 7}) {
		t.Errorf("overlapping fragments = %v, want [3 4 6 7]", frags)
	}
}

func TestAlignPrefersHighestJaccardOneToOne(t *testing.T) {
	g := []charSet{{1, 2, 3, 4}, {10, 11, 12, 13}}
	p := []charSet{{1, 2, 3}, {1, 2, 3, 4}, {10, 11}, {20}}
	got := align(g, p, 0.5)
	want := map[int]int{0: 1, 1: 2}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("align = %v, want %v", got, want)
	}
}

func readQuoteFile(t testing.TB, path string) []QuoteDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadQuoteDocs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// The golden file was written by the reference scorer on the hand-written
// fixture (see testdata/make_quotes_fixture.py); this test needs no Python.
func TestScoreQuotesMatchesReferenceOnFixture(t *testing.T) {
	gold := readQuoteFile(t, "testdata/quotes_gold.jsonl")
	pred := readQuoteFile(t, "testdata/quotes_pred.jsonl")
	want, err := os.ReadFile("testdata/quotes_fixture.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(ScoreQuotes(gold, pred, 0.5))
	if err != nil {
		t.Fatal(err)
	}
	compareJSON(t, want, got)
}

// agreeQuotes scores pred against gold with the reference and the port.
func agreeQuotes(t *testing.T, shared, goldPath, predPath string, extra ...string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "metrics.json")
	args := append([]string{filepath.Join(shared, "tools", "score_quotes.py"), goldPath, predPath, "--out", out}, extra...)
	runPython(t, args...)
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	thr := 0.5
	if len(extra) == 2 && extra[0] == "--threshold" {
		if err := json.Unmarshal([]byte(extra[1]), &thr); err != nil {
			t.Fatal(err)
		}
	}
	got, err := json.Marshal(ScoreQuotes(readQuoteFile(t, goldPath), readQuoteFile(t, predPath), thr))
	if err != nil {
		t.Fatal(err)
	}
	compareJSON(t, want, got)
}

// perturbQuotes derives predictions from the gold the way real systems
// err: shifted boundaries, split fragments, content without offsets, other
// or missing speakers, spurious spans, missing documents.
func perturbQuotes(gold []QuoteDoc, seed uint64) []QuoteDoc {
	rng := rand.New(rand.NewPCG(seed, 7))
	var speakers []string
	for _, d := range gold {
		for _, q := range d.Quotes {
			if q.Speaker != nil {
				speakers = append(speakers, *q.Speaker)
			}
		}
	}
	var out []QuoteDoc
	for _, d := range gold {
		if rng.IntN(20) == 0 {
			continue // no prediction for this document
		}
		n := float64(utf8.RuneCountInString(d.Text))
		pd := QuoteDoc{RawID: d.RawID}
		for _, q := range d.Quotes {
			if rng.IntN(8) == 0 || q.ContentStart == nil {
				continue
			}
			p := QuoteSpan{ContentStart: ptr(*q.ContentStart), ContentEnd: ptr(*q.ContentEnd)}
			switch rng.IntN(6) {
			case 0: // boundaries moved
				*p.ContentStart += float64(rng.IntN(41) - 20)
				*p.ContentEnd += float64(rng.IntN(41) - 20)
			case 1: // content string only
				p.ContentStart, p.ContentEnd = nil, nil
				if q.Content != nil {
					p.Content = ptr(*q.Content)
				}
			case 2: // fragments as separate quotes
				if len(q.Fragments) > 1 {
					for _, f := range q.Fragments[1:] {
						pd.Quotes = append(pd.Quotes, QuoteSpan{ContentStart: ptr(f[0]), ContentEnd: ptr(f[1]), Speaker: q.Speaker})
					}
					p.ContentStart, p.ContentEnd = ptr(q.Fragments[0][0]), ptr(q.Fragments[0][1])
				}
			}
			switch rng.IntN(7) {
			case 0:
				p.Speaker = q.Speaker
				p.SpeakerStart, p.SpeakerEnd = q.SpeakerStart, q.SpeakerEnd
			case 1: // last word only
				if q.Speaker != nil {
					f := strings.Fields(*q.Speaker)
					if len(f) > 0 {
						p.Speaker = ptr(f[len(f)-1])
					}
				}
			case 2: // someone else, at the gold's position
				p.Speaker = ptr(speakers[rng.IntN(len(speakers))])
				p.SpeakerStart, p.SpeakerEnd = q.SpeakerStart, q.SpeakerEnd
			case 3: // someone else
				p.Speaker = ptr(speakers[rng.IntN(len(speakers))])
			case 4: // none
			case 5: // with a title and shifted offsets
				if q.Speaker != nil && q.SpeakerStart != nil {
					p.Speaker = ptr("Mr. " + *q.Speaker)
					p.SpeakerStart = ptr(*q.SpeakerStart + float64(rng.IntN(5)-2))
					p.SpeakerEnd = ptr(*q.SpeakerStart + 3)
				}
			default:
				p.Speaker = q.Speaker
			}
			pd.Quotes = append(pd.Quotes, p)
		}
		for range rng.IntN(4) { // spurious spans
			s := float64(rng.IntN(int(n) + 1))
			pd.Quotes = append(pd.Quotes, QuoteSpan{ContentStart: ptr(s), ContentEnd: ptr(s + float64(rng.IntN(200))),
				Speaker: ptr(speakers[rng.IntN(len(speakers))])})
		}
		rng.Shuffle(len(pd.Quotes), func(i, j int) { pd.Quotes[i], pd.Quotes[j] = pd.Quotes[j], pd.Quotes[i] })
		out = append(out, pd)
	}
	out = append(out, QuoteDoc{RawID: json.RawMessage(`"not-in-gold"`), Quotes: []QuoteSpan{{ContentStart: ptr(0.0), ContentEnd: ptr(9.0)}}})
	return out
}

func writeJSONL[T any](t testing.TB, path string, recs []T) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScoreQuotesAgreesWithReference(t *testing.T) {
	shared := sharedDir(t)
	python(t)
	dir := t.TempDir()
	t.Run("fixture", func(t *testing.T) {
		agreeQuotes(t, shared, "testdata/quotes_gold.jsonl", "testdata/quotes_pred.jsonl")
		agreeQuotes(t, shared, "testdata/quotes_gold.jsonl", "testdata/quotes_pred.jsonl", "--threshold", "0.3")
	})
	gold := filepath.Join(shared, "data", "quotes", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("quote gold absent: %v", err)
	}
	for _, b := range []string{"--baseline", "--baseline-cue"} {
		t.Run("dev"+b, func(t *testing.T) {
			t.Parallel()
			pred := filepath.Join(dir, b[2:]+".jsonl")
			runPython(t, filepath.Join(shared, "tools", "score_quotes.py"), b, gold, pred)
			agreeQuotes(t, shared, gold, pred)
		})
	}
	golds := readQuoteFile(t, gold)
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("dev-perturbed-%d", seed), func(t *testing.T) {
			t.Parallel()
			pred := filepath.Join(dir, fmt.Sprintf("perturbed-%d.jsonl", seed))
			writeJSONL(t, pred, perturbQuotes(golds, seed))
			agreeQuotes(t, shared, gold, pred)
		})
	}
	t.Run("dev-gold-vs-gold", func(t *testing.T) {
		t.Parallel()
		agreeQuotes(t, shared, gold, gold)
	})
}

func TestQuoteErrorsListMissedSpuriousAndWrongSpeakers(t *testing.T) {
	gold := readQuoteFile(t, "testdata/quotes_gold.jsonl")
	pred := readQuoteFile(t, "testdata/quotes_pred.jsonl")
	got := map[string]QuoteMistakes{}
	for _, m := range QuoteErrors(gold, pred, 0.5) {
		got[m.ID] = m
	}
	texts := func(ms []QuoteMistake) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Text)
		}
		return out
	}
	d1 := got["doc-1"]
	if want := []string{"the talks in Zürich — the third round — had stalled"}; !slices.Equal(texts(d1.Missed), want) {
		t.Errorf("doc-1 missed %q, want %q", texts(d1.Missed), want)
	}
	if want := []string{"Officials said the talks"}; !slices.Equal(texts(d1.Spurious), want) {
		t.Errorf("doc-1 spurious %q, want %q (the split second half is not a mistake)", texts(d1.Spurious), want)
	}
	if want := []string{"The plan is dead,” she said, “and everyone knows it"}; !slices.Equal(texts(d1.WrongSpeaker), want) {
		t.Errorf("doc-1 wrong speaker %q, want %q", texts(d1.WrongSpeaker), want)
	}
	if _, ok := got["doc-3"]; !ok || len(got["doc-3"].Spurious) != 1 {
		t.Errorf("doc-3: want its one spurious prediction, got %+v", got["doc-3"])
	}
	// the totals agree with the score
	r := ScoreQuotes(gold, pred, 0.5)
	missed, spurious, wrong := 0, 0, 0
	for _, m := range got {
		missed += len(m.Missed)
		spurious += len(m.Spurious)
		wrong += len(m.WrongSpeaker)
	}
	if missed != r.All.Span.NGold-r.All.Span.TP || spurious != r.All.Span.NPred-r.All.Span.TP || wrong != r.All.Span.TP-r.All.EndToEnd.TP {
		t.Errorf("mistakes %d missed, %d spurious, %d wrong speaker; score says %d, %d, %d", missed, spurious, wrong,
			r.All.Span.NGold-r.All.Span.TP, r.All.Span.NPred-r.All.Span.TP, r.All.Span.TP-r.All.EndToEnd.TP)
	}
}
