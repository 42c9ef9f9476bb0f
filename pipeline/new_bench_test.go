package pipeline

import "testing"

// BenchmarkNew is the cost of building the pipeline: what every process
// that extracts pays at start.
func BenchmarkNew(b *testing.B) {
	for _, l := range []struct {
		name  string
		level Level
	}{{"core", Core}, {"full", Full}} {
		b.Run(l.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(WithLevel(l.level)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
