package main

import (
	"strings"
	"testing"
)

// TestEveryCommandHasItsOwnHelp: "parley CMD -h" and "parley help CMD"
// print that command's usage, its flags and an example, and exit 0.
func TestEveryCommandHasItsOwnHelp(t *testing.T) {
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}} {
			out, stderr, code := runCLI(t, args...)
			help := out + stderr
			if code != 0 {
				t.Errorf("parley %s: exit %d, want 0", strings.Join(args, " "), code)
			}
			if !strings.Contains(help, "Usage: parley "+c.name) {
				t.Errorf("parley %s does not print %s's usage:\n%s", strings.Join(args, " "), c.name, help)
			}
			if !strings.Contains(help, "Example") {
				t.Errorf("parley %s gives no example", strings.Join(args, " "))
			}
			// eval and train list their kinds; each kind has its flags.
			if c.name != "eval" && c.name != "train" && !strings.Contains(help, "\n  -") {
				t.Errorf("parley %s lists no flags", strings.Join(args, " "))
			}
		}
	}
	for _, args := range [][]string{{"query", "quotes", "-h"}, {"eval", "quotes", "-h"}, {"eval", "ner", "-h"}, {"entity", "show", "-h"}, {"train", "ner", "-h"}} {
		if _, stderr, code := runCLI(t, args...); code != 0 || !strings.Contains(stderr, "Usage: parley "+args[0]) {
			t.Errorf("parley %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
	}
}

func TestTopLevelHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		out, stderr, code := runCLI(t, args...)
		if code != 0 {
			t.Errorf("parley %s: exit %d", args[0], code)
		}
		for _, c := range commands() {
			if !strings.Contains(out+stderr, "  "+c.name+" ") {
				t.Errorf("parley %s does not list %s", args[0], c.name)
			}
		}
	}
	if _, _, code := runCLI(t); code == 0 {
		t.Error("parley without a command exits 0")
	}
}

func TestServeHelpSaysTheTokenMinimum(t *testing.T) {
	_, stderr, _ := runCLI(t, "serve", "-h")
	if !strings.Contains(stderr, "at least 16 characters") {
		t.Errorf("serve -h does not give the --token minimum:\n%s", stderr)
	}
}
