package event

import "testing"

func TestParseEmbeddedDictionaries(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.codes["043"].PLOVER; got != "CONSULT" {
		t.Errorf("043 → %q, want CONSULT", got)
	}
	for _, w := range []string{"MET", "AGREED", "REJECTED", "ACCUSED", "URGED"} {
		if len(c.verbs.forms[w])+len(c.overlay.forms[w]) == 0 {
			t.Errorf("verb form %s not in dictionary", w)
		}
	}
}
