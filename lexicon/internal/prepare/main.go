// Command prepare writes the prepared form of the lexicon (what
// lexicon.Load reads) from the TSV files of lexicon/data. Run it with
// `go generate ./lexicon` after changing a data file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/parley-news/parley/lexicon"
)

func main() {
	out := flag.String("o", "data/prepared.bin", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "prepare:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var b bytes.Buffer
	if err := lexicon.Prepare(&b); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}
