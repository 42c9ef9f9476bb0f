package ner

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// The word classes the features read (data/clusters.tsv), induced from the
// unlabelled text of data/cluster_text.tsv by `parley train clusters`
// (Induce; data/README.md says how and under which licence).

//go:embed data/clusters.tsv
var clustersTSV string

//go:embed data/cluster_text.tsv
var clusterTextTSV string

// numClusterings is how many clusterings (coarse to fine) a word has.
const numClusterings = 3

// clusterTable maps the hash of a word's lower-case form (digits as 0, as
// the extractor hashes it) to 1 + its class in each clustering, packed 16
// bits each; a word not in the table has none.
type clusterTable map[uint64]uint64

var (
	clustersOnce sync.Once
	clusters     clusterTable
	clustersErr  error
)

func loadClusters() (clusterTable, error) {
	clustersOnce.Do(func() { clusters, clustersErr = parseClusters(clustersTSV) })
	return clusters, clustersErr
}

func parseClusters(data string) (clusterTable, error) {
	t := clusterTable{}
	err := eachTSV("clusters.tsv", data, 2+numClusterings, func(f []string) error {
		var packed uint64
		for k := range numClusterings {
			c, err := strconv.ParseUint(f[2+k], 10, 15)
			if err != nil {
				return err
			}
			packed |= (c + 1) << (16 * k)
		}

		t[hashString(f[0])] = packed
		return nil
	})
	return t, err
}

// ClusterKey is the form a word is clustered under: lower case, digits as 0.
func ClusterKey(w string) string {
	b, _ := appendLower(nil, w)
	return string(b)
}

// TextPart is a corpus of unlabelled text the word classes are induced from.
type TextPart struct {
	Name, Path, Format, Licence string
}

// TextParts returns the corpora of data/cluster_text.tsv.
func TextParts() ([]TextPart, error) {
	var out []TextPart
	err := eachTSV("cluster_text.tsv", clusterTextTSV, 4, func(f []string) error {
		if f[2] != "conll" && f[2] != "conllu" {
			return fmt.Errorf("format %q, want conll or conllu", f[2])
		}
		out = append(out, TextPart{Name: f[0], Path: f[1], Format: f[2], Licence: f[3]})
		return nil
	})
	return out, err
}

// ReadText reads the words of a text part from the shared folder, one
// slice a sentence, as written.
func ReadText(shared string, p TextPart) ([][]string, error) {
	f, err := os.Open(filepath.Join(shared, p.Path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readWords(f, p.Format == "conllu")
}

// readWords reads the first column of a CoNLL file (a blank line between
// sentences, -DOCSTART- lines skipped) or the FORM of a CoNLL-U file's words
// (comments, multi-word token and empty node lines skipped).
func readWords(r io.Reader, conllu bool) ([][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out [][]string
	var cur []string
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		var w string
		if conllu {
			if line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 2 || strings.ContainsAny(f[0], "-.") {
				continue
			}
			w = f[1]
		} else {
			f := strings.Fields(line)
			if f[0] == docStart {
				continue
			}
			w = f[0]
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}
