package syntax

import (
	"testing"
)

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSentences are the dev sentences' words.
func benchSentences(b *testing.B) [][]string {
	var out [][]string
	for _, s := range readSplit(b, "dev") {
		var ws []string
		for _, i := range s.Words(nil) {
			ws = append(ws, s.Tokens[i].Form)
		}
		out = append(out, ws)
	}
	return out
}

// perWord runs f over the dev sentences, in turn, until b.N words have
// been done, so that ns/op is the time per word.
func perWord(b *testing.B, f func(words []string)) {
	sents := benchSentences(b)
	cpu := startCPU(b)
	for i, k := 0, 0; i < b.N; k++ {
		s := sents[k%len(sents)]
		f(s)
		i += len(s)
	}
	cpu.report()
}

// cpuClock reports a benchmark's CPU time per word (an op is a word),
// which other work on a shared machine inflates less than ns/op's wall time.
type cpuClock struct {
	b     *testing.B
	start int64
}

// startCPU resets the benchmark's timer and starts the CPU clock.
func startCPU(b *testing.B) cpuClock {
	b.ResetTimer()
	return cpuClock{b, cpuNanos()}
}

func (c cpuClock) report() {
	if c.start > 0 {
		c.b.ReportMetric(float64(cpuNanos()-c.start)/float64(c.b.N), "cpu-ns/word")
	}
}

// BenchmarkTag is the tagger's time per word.
func BenchmarkTag(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	p := m.NewParser()
	perWord(b, func(s []string) { p.prepare(s); p.tag(len(s)) })
}

// BenchmarkParseOnly is the parser's time per word, on tags already there.
func BenchmarkParseOnly(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	p := m.NewParser()
	sents := benchSentences(b)
	tags := make([][]uint16, len(sents))
	for i, s := range sents {
		p.prepare(s)
		p.tag(len(s))
		for j := range s {
			tags[i] = append(tags[i], p.ws[j+2].tag)
		}
	}
	cpu := startCPU(b)
	for i, k := 0, 0; i < b.N; k++ {
		s := sents[k%len(sents)]
		p.prepare(s)
		for j := range s {
			p.ws[j+2].tag = tags[k%len(sents)][j]
		}
		p.parse(len(s))
		i += len(s)
	}
	cpu.report()
}

// BenchmarkParse is Parse's time per word: tagging, parsing, lemmas.
func BenchmarkParse(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	p := m.NewParser()
	var out []Word
	perWord(b, func(s []string) { out = p.Parse(s, out) })
}
