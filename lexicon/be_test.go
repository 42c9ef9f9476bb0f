package lexicon

import "testing"

// TestBeForms guards the one list of the forms of "be" that event and
// claim share: every form, lower case, and a new set for each caller.
func TestBeForms(t *testing.T) {
	got := BeForms()
	for _, w := range []string{"is", "are", "was", "were", "been", "being", "be"} {
		if !got[w] {
			t.Errorf("BeForms lacks %q", w)
		}
	}
	if len(got) != 7 {
		t.Errorf("BeForms has %d forms, want 7", len(got))
	}
	delete(got, "is")
	if !BeForms()["is"] {
		t.Error("BeForms shares its set with callers")
	}
}
