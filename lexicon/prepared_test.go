package lexicon

import (
	"bytes"
	"testing"
)

// TestPreparedUpToDate fails when data/prepared.bin is not what the TSV
// files build: a data file changed (or a merge brought rows) without
// regenerating it.
func TestPreparedUpToDate(t *testing.T) {
	l, err := Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	want, err := l.prepared()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, []byte(preparedData)) {
		t.Fatalf("data/prepared.bin (%d bytes) is out of step with the TSV files (%d bytes built): run go generate ./lexicon", len(preparedData), len(want))
	}
}

// TestPreparedRoundTrip reads the prepared form and writes it again: the
// same bytes mean Load rebuilt every table, reference and candidate that
// Build made (the write covers all of them).
func TestPreparedRoundTrip(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	got, err := l.prepared()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(preparedData)) {
		t.Fatalf("Load then write gives %d bytes, data/prepared.bin has %d", len(got), len(preparedData))
	}
}

// TestPreparedRejectsDamage cuts and corrupts the prepared form: each is an
// error, not a panic or a half-read lexicon.
func TestPreparedRejectsDamage(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"other magic", "parley-lexicon 0\n" + preparedData[len(preparedMagic):]},
		{"truncated", preparedData[:len(preparedData)/2]},
		{"magic only", preparedMagic},
		{"trailing bytes", preparedData + "x"},
		{"huge count", preparedMagic + "\xff\xff\xff\xff\x0f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if l, err := readPrepared(tc.data); err == nil {
				t.Fatalf("no error; read %d countries", len(l.countries))
			}
		})
	}
}

// FuzzReadPrepared feeds damaged prepared forms to the reader: it must
// return an error or a lexicon, never panic or allocate without bound.
func FuzzReadPrepared(f *testing.F) {
	f.Add(preparedData[:4096])
	f.Add(preparedMagic + "\x01\x02AB\x03ABC\x00\x01X\x00\x00\x00\x00\x00\x00")
	f.Fuzz(func(t *testing.T, data string) {
		if l, err := readPrepared(data); err == nil && l == nil {
			t.Fatal("nil lexicon without an error")
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(); err != nil {
			b.Fatal(err)
		}
	}
}
