package ner

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func gzipped(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// FuzzReadCoNLL: any input is read or refused with an error naming a line;
// what is read has a tag for every word and non-empty sentences.
func FuzzReadCoNLL(f *testing.F) {
	for _, s := range []string{
		"A B-PER\nb O\n\n-DOCSTART- O\n\nC I-LOC\n",
		"x O\n\ny I-MISC\n",
		"A\n",
		"A NNP B-NP I-PER\r\n\r\n",
		"-DOCSTART- -X- O O\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoNLL(strings.NewReader(in), "f")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Fatalf("error %q does not name the file and line", err)
			}
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
					t.Fatalf("sentence with %d words and %d tags", len(s.Words), len(s.Tags))
				}
				for _, c := range Chunks(s.Tags) {
					if c.Start < 0 || c.End > len(s.Words) || c.Start >= c.End {
						t.Fatalf("chunk %v outside %d words", c, len(s.Words))
					}
				}
			}
		}
	})
}

// FuzzReadGUM: any CoNLL-U input is read or refused with an error naming a
// line; spans lie inside their sentences and do not overlap.
func FuzzReadGUM(f *testing.F) {
	f.Add(gumSample)
	f.Add("1\tA\ta\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new)\n")
	f.Add("1\tA\ta\tPROPN\tNNP\t_\t0\troot\t_\tEntity=2)\n")
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n")
	gum := gumScheme(f)
	rule := testRule(f)
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadGUM(strings.NewReader(in), "g", gum, rule)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "g:") {
				t.Fatalf("error %q does not name the file and line", err)
			}
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				end := 0
				for _, sp := range s.Spans {
					if sp.Start < end || sp.End > len(s.Words) || sp.Start >= sp.End {
						t.Fatalf("span %v overlaps or leaves %d words", sp, len(s.Words))
					}
					end = sp.End
				}
			}
		}
	})
}

// FuzzTag: the embedded model tags any words without panicking, and its
// mentions lie inside their sentences.
func FuzzTag(f *testing.F) {
	f.Add("Anna Berg visited Oslo .\nBERG SAID IT .")
	f.Add("\x00 ’s - -- U.S. É 1,000")
	m := model(f)
	f.Fuzz(func(t *testing.T, in string) {
		var sents []Sentence
		for _, line := range strings.Split(in, "\n") {
			sents = append(sents, Sentence{Words: strings.Fields(line)})
		}
		for _, mn := range m.NewTagger().Tag(sents) {
			if mn.Sent >= len(sents) || mn.Start < 0 || mn.End > len(sents[mn.Sent].Words) || mn.Start >= mn.End {
				t.Fatalf("mention %v outside the input", mn)
			}
		}
	})
}

// gumSample is a sentence in GUM's format, written for the tests.
const gumSample = `# newdoc id = sample
# text = The painter Anna Berg moved to Oslo and the Nordic Council of Art .
1	The	the	DET	DT	_	2	det	_	Entity=(1-person-new-sssss-cf1-1,2
2	painter	painter	NOUN	NN	_	5	nsubj	_	_
3	Anna	Anna	PROPN	NNP	_	2	appos	_	Entity=(2-person-new-sssss-cf2-1,2
4	Berg	Berg	PROPN	NNP	_	3	flat	_	Entity=2)1)
5	moved	move	VERB	VBD	_	0	root	_	_
6	to	to	ADP	IN	_	7	case	_	_
7	Oslo	Oslo	PROPN	NNP	_	5	obl	_	Entity=(3-place-new-sssss-cf3-1-sgl)
8	and	and	CCONJ	CC	_	11	cc	_	_
9	the	the	DET	DT	_	11	det	_	Entity=(4-organization-new-sssss-cf4-3-sgl
10	Nordic	Nordic	ADJ	JJ	_	11	amod	_	_
11	Council	Council	PROPN	NNP	_	7	conj	_	_
12	of	of	ADP	IN	_	13	case	_	_
13	Art	Art	PROPN	NNP	_	11	nmod	_	Entity=4)
14	.	.	PUNCT	.	_	5	punct	_	_
`
