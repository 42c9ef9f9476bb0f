package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/sqlite"
)

// entryPoint runs one input through one of the three ways in — parley
// extract, parley ingest, POST /api/articles — and reports whether it was
// accepted and what was said about it.
type entryPoint struct {
	name string
	// run takes the input's file name and bytes; jsonl says it is a JSONL
	// record.
	run func(t *testing.T, path string, data []byte, jsonl bool) (ok bool, msg string)
}

func entryPoints(t *testing.T) []entryPoint {
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const token = "a-token-long-enough-for-writes"
	srv := httptest.NewServer(parleyhttp.NewServer(st, parleyhttp.Options{Token: token, Extract: p.Extract, MaxBody: 8 << 20}))
	t.Cleanup(srv.Close)
	cli := func(cmd ...string) func(t *testing.T, path string, _ []byte, _ bool) (bool, string) {
		return func(t *testing.T, path string, _ []byte, _ bool) (bool, string) {
			_, stderr, code := runCLI(t, append(cmd, path)...)
			return code == 0, stderr
		}
	}
	return []entryPoint{
		{"extract", cli("extract")},
		{"ingest", cli("ingest", "--out", "-")},
		{"POST /api/articles", func(t *testing.T, _ string, data []byte, jsonl bool) (bool, string) {
			ct := "text/plain"
			if jsonl {
				ct = "application/json"
			}
			req, _ := http.NewRequest("POST", srv.URL+"/api/articles", bytes.NewReader(data))
			req.Header.Set("Content-Type", ct)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			var e struct{ Error string }
			if json.Unmarshal(b, &e) == nil && e.Error != "" {
				return false, e.Error
			}
			return resp.StatusCode < 300, string(b)
		}},
	}
}

// TestEveryEntryPointDecidesAnInputAlike feeds the same inputs to extract,
// ingest and the API: binary files are refused by all three with an error
// that says so, a numeric id and a "body" are accepted by all three, and a
// record with a wrong field is refused by all three naming the field.
func TestEveryEntryPointDecidesAnInputAlike(t *testing.T) {
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	elf, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 8, 8)))
	noise := make([]byte, 4096)
	r := rand.New(rand.NewPCG(3, 3))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	const story = "Maria Lopez, the mayor, said the bridge would reopen on Monday."
	cases := []struct {
		file   string
		data   []byte
		ok     bool
		saying string // what every refusal must say
	}{
		{"picture.png", img.Bytes(), false, "binary data"},
		{"program.txt", elf[:64<<10], false, "binary data"},
		{"noise.bin", noise, false, "binary data"},
		{"numeric-id.jsonl", []byte(`{"id":7,"text":"` + story + `"}`), true, ""},
		{"body.jsonl", []byte(`{"id":"b","body":"` + story + `"}`), true, ""},
		{"wrong-type.jsonl", []byte(`{"id":"c","text":["` + story + `"]}`), false, `field "text" must be a string`},
		{"both.jsonl", []byte(`{"text":"` + story + `","body":"Another text."}`), false, `both "text" and "body"`},
		{"bad-date.jsonl", []byte(`{"text":"` + story + `","published":"yesterday"}`), false, `field "published"`},
	}
	eps := entryPoints(t)
	for _, c := range cases {
		path := writeFile(t, dir, c.file, c.data)
		for _, ep := range eps {
			ok, msg := ep.run(t, path, c.data, strings.HasSuffix(c.file, ".jsonl"))
			if ok != c.ok {
				t.Errorf("%s %s: accepted %v, want %v (%s)", ep.name, c.file, ok, c.ok, msg)
				continue
			}
			if !c.ok && !strings.Contains(msg, c.saying) {
				t.Errorf("%s %s: refusal %q does not say %q", ep.name, c.file, msg, c.saying)
			}
			if !c.ok && ep.name != "POST /api/articles" && !strings.Contains(msg, c.file) {
				t.Errorf("%s %s: refusal %q does not name the input", ep.name, c.file, msg)
			}
		}
	}
}

// TestNumericIDIsKeptAsItsString checks that {"id":7} is the document "7"
// in extract's and ingest's output alike.
func TestNumericIDIsKeptAsItsString(t *testing.T) {
	p := writeFile(t, t.TempDir(), "n.jsonl", []byte(`{"id":7,"text":"Maria Lopez said the bridge would reopen."}`+"\n"))
	for _, cmd := range [][]string{{"extract", p}, {"ingest", p, "--out", "-"}} {
		out, stderr, code := runCLI(t, cmd...)
		if code != 0 || !strings.Contains(out, `"id":"7"`) {
			t.Errorf("%s: exit %d, output %.80q, stderr %s", cmd[0], code, out, stderr)
		}
	}
}
