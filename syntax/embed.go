package syntax

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-news/parley"
)

// The shipped model, trained on UD English EWT (CC BY-SA 4.0; see
// model/README.md for the attribution and how it was made).
//
//go:embed model/en.bin
var modelFile []byte

//go:embed model/lemmas.tsv
var lemmaFile []byte

//go:embed closed.txt
var closedFile string

// closedPOS holds the universal tags of closed.txt.
var closedPOS = readClosed(closedFile)

func readClosed(s string) map[parley.POS]bool {
	out := map[parley.POS]bool{}
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := parley.ParsePOS(l)
		if p == parley.NoPOS {
			panic("syntax/closed.txt: unknown universal tag " + l)
		}
		out[p] = true
	}
	return out
}

// Load decodes the embedded English model. Its tables are the embedded
// bytes themselves, not checked slot by slot (TestEmbeddedModelChecks does
// that), so that loading takes a few milliseconds and only the memory
// pages that parsing touches are read. Each call decodes the dictionary and
// lemmas anew; keep the Model and share it between goroutines.
func Load() (*Model, error) { return read(modelFile, lemmaFile, true) }

// LoadDir reads a model written by Train (en.bin and lemmas.tsv) from dir.
func LoadDir(dir string) (*Model, error) {
	b, err := os.ReadFile(filepath.Join(dir, "en.bin"))
	if err != nil {
		return nil, err
	}
	l, err := os.ReadFile(filepath.Join(dir, "lemmas.tsv"))
	if err != nil {
		return nil, err
	}
	m, err := Read(b, l)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return m, nil
}
