package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/parley-news/parley"
)

// TestWriteJSONWritesWhatTheEncoderWrites guards the streaming writer: its
// bytes, indented or on one line, are those of json.Encoder over the whole
// document shape.
func TestWriteJSONWritesWhatTheEncoderWrites(t *testing.T) {
	full := sample()
	full.Warnings = []string{"a <warning> & more"}
	for _, d := range []*parley.Doc{full, {Document: parley.Document{ID: "empty"}}} {
		checkStream(t, d)
	}
}

func checkStream(t *testing.T, d *parley.Doc) {
	t.Helper()
	for _, indent := range []bool{true, false} {
		for _, o := range []Options{{}, {IncludeText: true}} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if indent {
				enc.SetIndent("", " ")
			}
			if err := enc.Encode(FromAnalysis(d, o)); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteJSON(&got, d, o, indent); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("indent %v, text %v:\ngot  %s\nwant %s", indent, o.IncludeText, got.String(), want.String())
			}
		}
	}

}
