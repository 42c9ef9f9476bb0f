package ner

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

func TestSpansRoundTripThroughBIO(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		spans []Span
	}{
		{"empty", 3, nil},
		{"one word", 3, []Span{{1, 2, Person}}},
		{"adjacent same type", 4, []Span{{0, 2, Org}, {2, 4, Org}}},
		{"all types", 8, []Span{{0, 1, Person}, {1, 3, Org}, {4, 5, Place}, {6, 8, Misc}}},
	}
	for _, tc := range tests {
		ys := make([]uint8, tc.n)
		encode(tc.spans, ys)
		got := decodeSpans(nil, ys)
		if len(got) != len(tc.spans) {
			t.Fatalf("%s: got %v, want %v", tc.name, got, tc.spans)
		}
		for i := range got {
			if got[i] != tc.spans[i] {
				t.Errorf("%s: span %d is %v, want %v", tc.name, i, got[i], tc.spans[i])
			}
		}
	}
}

// TestDecodeSpansOpensOnStrayI: an I label after O or another type opens
// a span, as conlleval reads it.
func TestDecodeSpansOpensOnStrayI(t *testing.T) {
	ys := []uint8{0, labelB(Org) + 1, labelB(Place) + 1, labelB(Place) + 1}
	got := decodeSpans(nil, ys)
	want := []Span{{1, 2, Org}, {2, 4, Place}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name, in string
		docs     int
		err      string
	}{
		{"documents", "A B-PER\nb O\n\n-DOCSTART- O\n\nC I-LOC\n\nD O\n", 2, ""},
		{"no docstart: a document per sentence", "A O\n\nB O\n\nC O\n", 3, ""},
		{"middle columns ignored", "A NNP B-NP I-PER\n", 1, ""},
		{"crlf", "A I-ORG\r\nb O\r\n", 1, ""},
		{"missing tag", "A\n", 0, "t.conll:1: want a word and a tag"},
		{"bad tag", "A O\nB PER\n", 0, `t.conll:2: tag "PER" is not O`},
	}
	for _, tc := range tests {
		docs, err := ReadCoNLL(strings.NewReader(tc.in), "t.conll")
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err == "" && len(docs) != tc.docs:
			t.Errorf("%s: %d documents, want %d", tc.name, len(docs), tc.docs)
		}
	}
}

func TestChunksReadIOAndBIO(t *testing.T) {
	got := Chunks([]string{"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "B-ORG", "I-ORG"})
	want := []RawSpan{{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}, {5, 6, "ORG"}, {6, 8, "ORG"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chunk %d: %v, want %v", i, got[i], want[i])
		}
	}
}

func testRule(t testing.TB) *NameRule {
	t.Helper()
	r, err := NewNameRule(model(t).roles)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestNameRule(t *testing.T) {
	tests := []struct {
		words string
		typ   Type
		want  string // the name, "" for none
	}{
		{"Mr Colville", Person, "Colville"},
		{"Lt Gen Sergei Rudskoi", Person, "Sergei Rudskoi"},
		{"the US Defense Secretary Ash Carter", Person, "Ash Carter"},
		{"President Bashar al - Assad", Person, "Bashar al - Assad"},
		{"a spokesman", Person, ""},
		{"he", Person, ""},
		{"He", Person, ""},
		{"I", Person, ""},
		{"The Minister for Central Asia", Person, ""},
		{"the UK Special Representative for Syria", Person, ""},
		{"Foreign Office Minister for the Middle East", Person, ""},
		{"Chief of Staff", Person, ""},
		{"Secretary of State John Kerry", Person, "John Kerry"},
		{"Bernoulli and Euler", Person, "Euler"},
		{"the University of Basel", Org, "University of Basel"},
		{"The World Bank", Org, "World Bank"},
		{"the US - led coalition", Org, ""},
		{"the Syrian city of Raqqa", Place, ""},
		{"Resolution 2254", Misc, "Resolution 2254"},
	}
	r := testRule(t)
	for _, tc := range tests {
		w := strings.Fields(tc.words)
		sp, ok := r.Name(w, Span{Start: 0, End: len(w), Type: tc.typ})
		got := ""
		if ok {
			got = strings.Join(w[sp.Start:sp.End], " ")
		}
		if got != tc.want {
			t.Errorf("%s %q: name %q, want %q", tc.typ, tc.words, got, tc.want)
		}
	}
}

// TestSchemeKeepsOnlyNames: re3d spans without a name are ignored, and the
// words a name leaves of its span too.
func TestSchemeKeepsOnlyNames(t *testing.T) {
	in := "Mr B-Person\nColville I-Person\nsaid O\nthe B-Location\ntown I-Location\nwas O\nin O\nIraqi B-Nationality\nhands O\n"
	raw, err := ReadCoNLL(strings.NewReader(in), "t")
	if err != nil {
		t.Fatal(err)
	}
	s, err := DetectScheme(testSchemes(t), raw)
	if err != nil || s.Name != "re3d" {
		t.Fatalf("scheme %v, %v; want re3d", s, err)
	}
	docs, err := s.Convert(raw, testRule(t))
	if err != nil {
		t.Fatal(err)
	}
	l := docs[0].Sentences[0]
	wantSpans := []Span{{1, 2, Person}, {7, 8, Misc}}
	wantIgnore := []Span{{0, 1, Person}, {3, 5, Place}}
	if !equalSpans(l.Spans, wantSpans) || !equalSpans(l.Ignore, wantIgnore) {
		t.Errorf("spans %v ignore %v; want %v and %v", l.Spans, l.Ignore, wantSpans, wantIgnore)
	}
}

func equalSpans(a, b []Span) bool { return slices.Equal(a, b) }

// toyCorpus is a few sentences written for the tests, repeated so a model
// can learn them.
func toyCorpus() []Document {
	var docs []Document
	texts := []struct {
		words string
		spans []Span
	}{
		{"Anna Berg visited Oslo on Monday .", []Span{{0, 2, Person}, {3, 4, Place}}},
		{"The Nordic Fishing Council met in Bergen .", []Span{{1, 4, Org}, {6, 7, Place}}},
		{"Berg said the talks went well .", []Span{{0, 1, Person}}},
	}
	for i := range 6 {
		d := Document{ID: "toy" + string(rune('a'+i))}
		for _, tx := range texts {
			d.Sentences = append(d.Sentences, Labeled{Words: strings.Fields(tx.words), Spans: tx.spans})
		}
		docs = append(docs, d)
	}
	return docs
}

// TestTrainIsDeterministicAndLearns: the same data and seed give the same
// bytes, the model reads back, and it tags its training sentences right.
func TestTrainIsDeterministicAndLearns(t *testing.T) {
	m0 := model(t) // the lexicon and roles it reads
	lex, roles := m0.lex, m0.roles
	opt := TrainOptions{Epochs: 5, Seed: 7, LogBuckets: 14}
	var bufs [2]bytes.Buffer
	for i := range bufs {
		m, err := Train(context.Background(), toyCorpus(), lex, roles, opt)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&bufs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(bufs[0].Bytes(), bufs[1].Bytes()) {
		t.Fatal("two trainings with the same seed wrote different models")
	}
	m, err := Read(bytes.NewReader(bufs[0].Bytes()), lex, roles)
	if err != nil {
		t.Fatal(err)
	}
	d := toyCorpus()[0]
	var sents []Sentence
	for _, l := range d.Sentences {
		sents = append(sents, Sentence{Words: l.Words})
	}
	got := m.NewTagger().Tag(sents)
	var want []Mention
	for i, l := range d.Sentences {
		for _, sp := range l.Spans {
			want = append(want, Mention{Sent: i, Span: sp})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("tagged %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mention %d: %v, want %v", i, got[i], want[i])
		}
	}
}

func TestReadRefusesOtherFiles(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gzipped(t, "parley-ner\n\x07\x00\x00\x00")} {
		if _, err := Read(bytes.NewReader(in), nil, nil); err == nil {
			t.Errorf("Read(%q) accepted it", in)
		}
	}
}

// TestPOSHook: a model trained with part-of-speech tags says so after a
// round trip, and its features change with the tags it is given.
func TestPOSHook(t *testing.T) {
	m0 := model(t) // the lexicon and roles it reads
	lex, roles := m0.lex, m0.roles
	docs := toyCorpus()
	for i := range docs {
		for j := range docs[i].Sentences {
			l := &docs[i].Sentences[j]
			l.POS = make([]string, len(l.Words))
			for k, w := range l.Words {
				l.POS[k] = "NOUN"
				if capitalised(w) {
					l.POS[k] = "PROPN"
				}
			}
		}
	}
	m, err := Train(context.Background(), docs, lex, roles, TrainOptions{Epochs: 2, LogBuckets: 12, UsePOS: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&b, lex, roles)
	if err != nil || !m2.UsesPOS() {
		t.Fatalf("read back: %v, UsesPOS %v", err, m2 != nil && m2.UsesPOS())
	}
	ev, err := loadEvidenceWords()
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(lex, roles, ev, 12, true)
	words := strings.Fields("Anna Berg left")
	x.sentence(Sentence{Words: words, POS: []string{"PROPN", "PROPN", "VERB"}}, false)
	a := append([]uint32(nil), x.feats...)
	x.sentence(Sentence{Words: words, POS: []string{"NOUN", "NOUN", "VERB"}}, false)
	if equalFeats(a, x.feats) {
		t.Error("the tags do not change the features")
	}
	x.sentence(Sentence{Words: words}, false) // no tags: no panic, fewer features
}

func equalFeats(a, b []uint32) bool { return slices.Equal(a, b) }

func testSchemes(t testing.TB) []*Scheme {
	t.Helper()
	s, err := LoadSchemes()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func gumScheme(t testing.TB) *Scheme {
	t.Helper()
	for _, s := range testSchemes(t) {
		if s.Name == "gum" {
			return s
		}
	}
	t.Fatal("no gum scheme")
	return nil
}

// TestReadTakesRawAndGzip: the embedded model is stored as WriteTo writes
// it (uncompressed), and a gzip-compressed model, as WriteTo wrote them
// before, reads to the same model.
func TestReadTakesRawAndGzip(t *testing.T) {
	m0 := model(t)
	var raw bytes.Buffer
	if _, err := m0.WriteTo(&raw); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw.Bytes(), embeddedModel) {
		t.Fatalf("WriteTo of the embedded model gives %d bytes, model/en.bin has %d: store it as WriteTo writes it", raw.Len(), len(embeddedModel))
	}
	m, err := Read(bytes.NewReader(gzipped(t, raw.String())), m0.lex, m0.roles)
	if err != nil {
		t.Fatalf("reading the gzip-compressed model: %v", err)
	}
	var again bytes.Buffer
	if _, err := m.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), raw.Bytes()) {
		t.Error("the gzip-compressed model reads to another model")
	}
}
