package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

var initLine = regexp.MustCompile(`(?m)^init (\S+) @[0-9.]+ ms, [0-9.]+ ms clock, ([0-9]+) bytes`)

// TestPackageInitIsCheap: what the packages linked into parley allocate
// before main runs is paid by every process, "parley --help" included.
// go-dateparser's locale tables used to compile about 4,000 regular
// expressions there (78 MB); parley's copy compiles them on first use.
// The test runs its own binary, which links what parley links, with
// GODEBUG=inittrace=1.
func TestPackageInitIsCheap(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable:", err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	total := 0
	for _, m := range initLine.FindAllSubmatch(out, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		total += n
		if n > 8<<20 {
			t.Errorf("package %s allocates %.1f MB at init", m[1], float64(n)/1e6)
		}
	}
	if total == 0 {
		t.Fatalf("no inittrace output: %s", out)
	}
	if total > 16<<20 {
		t.Errorf("package initialisers allocate %.1f MB in all, want under 16 MiB", float64(total)/1e6)
	}
	t.Logf("package initialisers allocate %.1f MB", float64(total)/1e6)
}
