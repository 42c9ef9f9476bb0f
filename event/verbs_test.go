package event

import (
	"strings"
	"testing"
)

// TestOverlayPatternsUseSynonymSets guards that parley's verb overlay can
// name PETRARCH's synonym sets ("&FIGHT") and that a set nobody defines is
// an error, not a pattern silently dropped.
func TestOverlayPatternsUseSynonymSets(t *testing.T) {
	base, err := parseVerbs("&FIGHT\n+FIGHTING_\n+BATTLE\n\n---  X   [---]  ---\nFOO\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := base.syn["FIGHT"]; len(got) != 2 || got[0] != "FIGHTING" {
		t.Fatalf("synonym set FIGHT = %q, want [FIGHTING BATTLE]", got)
	}
	overlay, err := parseVerbs("---  ENGAGE_P   [---]  ---\nENGAGE\n- * (IN &FIGHT)  [190]\n", base.syn)
	if err != nil {
		t.Fatal(err)
	}
	vs := overlay.forms["ENGAGE"]
	if len(vs) == 0 || len(vs[0].block.patterns) != 1 {
		t.Fatalf("ENGAGE has no pattern over &FIGHT")
	}
	_, err = parseVerbs("---  ENGAGE_P   [---]  ---\nENGAGE\n- * (IN &NOSUCHSET)  [190]\n", base.syn)
	if err == nil || !strings.Contains(err.Error(), "NOSUCHSET") {
		t.Errorf("unknown synonym set: err = %v, want an error naming it", err)
	}
}
