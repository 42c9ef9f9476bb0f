package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestShippedClustersAreTheDocumentedCommand guards the promise of
// ner/data/README.md: `parley train clusters --shared ../shared` writes the
// embedded word classes byte for byte.
func TestShippedClustersAreTheDocumentedCommand(t *testing.T) {
	d := sharedDir(t)
	if testing.Short() {
		t.Skip("induces the classes (about 10 s)")
	}
	out := filepath.Join(t.TempDir(), "clusters.tsv")
	if _, errs, code := runCLI(t, "train", "clusters", "--shared", d, "--out", out); code != 0 {
		t.Fatalf("train clusters: exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join("..", "..", "ner", "data", "clusters.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Fatal("parley train clusters --shared ../shared does not write ner/data/clusters.tsv: regenerate it (and retrain the model)")
	}
}

// TestTrainClustersRefusesBadClasses: --classes takes three numbers of
// classes from 4 up.
func TestTrainClustersRefusesBadClasses(t *testing.T) {
	for _, arg := range []string{"32,128", "32,x,512", "2,128,512"} {
		if _, _, code := runCLI(t, "train", "clusters", "--shared", t.TempDir(), "--classes", arg, "--out", filepath.Join(t.TempDir(), "c.tsv")); code == 0 {
			t.Errorf("--classes %s: exit 0, want an error", arg)
		}
	}
}
