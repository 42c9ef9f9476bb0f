package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

// sharedDir locates the project's reference data: $PARLEY_SHARED, or
// ../shared next to the module root. It skips the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("PARLEY_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found; cannot locate ../shared")
		}
		dir = parent
	}
	d := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(filepath.Join(d, "tools")); err != nil {
		t.Skipf("reference data not found at %s (set PARLEY_SHARED): %v", d, err)
	}
	return d
}

// python returns the path of python3, skipping the test when it is absent.
func python(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run the reference scorer")
	}
	return p
}

// runPython runs a reference tool and fails the test with its output on error.
func runPython(t testing.TB, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(python(t), args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 %v: %v\n%s", args, err, out)
	}
	return out
}

// sameNumbers compares two JSON documents: the same keys, and every number
// equal to 4 decimals. It returns the differences found.
func sameNumbers(want, got any, path string) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want object, got %T", path, got)}
		}
		var diffs []string
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			diffs = append(diffs, sameNumbers(w[k], gv, path+"."+k)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: unexpected", path, k))
			}
		}
		return diffs
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(w-g) > 5e-5 {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, want, got)}
		}
		return nil
	default:
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(wj) != string(gj) {
			return []string{fmt.Sprintf("%s: want %s, got %s", path, wj, gj)}
		}
		return nil
	}
}

// compareJSON fails t unless want and got (JSON texts) agree.
func compareJSON(t testing.TB, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("reference output: %v\n%s", err, want)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("port output: %v\n%s", err, got)
	}
	for _, d := range sameNumbers(w, g, "") {
		t.Error(d)
	}
}
