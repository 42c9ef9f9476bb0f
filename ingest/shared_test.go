package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-news/parley/eval"
	"github.com/parley-news/parley/export"
)

func sharedData(t *testing.T) string {
	root := os.Getenv("PARLEY_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "shared")
	}
	dir := filepath.Join(root, "data")
	if _, err := os.Stat(filepath.Join(dir, "warc")); err != nil {
		t.Skipf("shared data not found at %s (set PARLEY_SHARED)", dir)
	}
	return dir
}

// TestSharedWARCEndToEnd ingests the 12-page WARC sample and scores the
// extracted bodies against the html benchmark's gold for the same pages.
func TestSharedWARCEndToEnd(t *testing.T) {
	data := sharedData(t)
	var buf bytes.Buffer
	sink := NewWriterSink(&buf, export.Options{IncludeText: true})
	st, err := Run(t.Context(), []string{filepath.Join(data, "warc", "aeb-dev-sample.warc.gz")}, nil,
		Options{Analyzer: echoAnalyzer{}, Sink: sink, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	if st.Extracted != 12 || st.Failed != 0 || st.SkipReasons["warc warcinfo"] != 1 {
		t.Fatalf("stats %+v", st)
	}
	idx := map[string]string{} // url → benchmark id
	f, err := os.Open(filepath.Join(data, "warc", "aeb-dev-sample.index.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ ID, URL string }
		json.Unmarshal(sc.Bytes(), &r)
		idx[r.URL] = r.ID
	}
	g, err := os.Open(filepath.Join(data, "html", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	all, err := eval.ReadHTMLDocs(g, "dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var gold, pred []eval.HTMLDoc
	byID := map[string]eval.HTMLDoc{}
	for _, d := range all {
		byID[d.ID] = d
	}
	for _, l := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		var r struct {
			ID, Text, Published string
		}
		if err := json.Unmarshal(l, &r); err != nil {
			t.Fatal(err)
		}
		id, ok := idx[r.ID]
		if !ok {
			t.Fatalf("document %q is not a page of the archive", r.ID)
		}
		if r.Published == "" {
			t.Errorf("%s: no date (the WARC-Date is the fallback)", r.ID)
		}
		gold = append(gold, byID[id])
		pred = append(pred, eval.HTMLDoc{ID: id, Body: r.Text})
	}
	rep := eval.ScoreHTML(gold, pred, eval.HTMLOptions{})
	t.Logf("WARC sample: F1 %.4f P %.4f R %.4f over %d pages", rep.F1, rep.Precision, rep.Recall, len(gold))
	if rep.F1 < 0.97 {
		t.Errorf("F1 %.4f < 0.97", rep.F1)
	}
}

// TestSharedFeedsEndToEnd ingests the three sample feeds: every item carries
// its article, so nothing is fetched.
func TestSharedFeedsEndToEnd(t *testing.T) {
	data := sharedData(t)
	var buf bytes.Buffer
	sink := NewWriterSink(&buf, export.Options{})
	st, err := Run(t.Context(), []string{filepath.Join(data, "feeds")}, nil,
		Options{Analyzer: echoAnalyzer{}, Sink: sink, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	// 20 + 5 + 10 items; the README is read as a text document.
	if st.Extracted+st.Duplicates != 36 || st.Failed != 0 {
		t.Errorf("stats %+v %v", st, st.Failures)
	}
}
