package entity

import "testing"

// Diacritics go, letters of their own stay, and the case folds.
func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hadid", "hadid"},
		{"Ḥadīd", "hadid"},
		{"Núñez", "nunez"},
		{"Øster", "øster"}, // a letter of its own, not a letter with a mark
		{"İnönü", "inonu"},
	}
	for _, tt := range tests {
		if got := foldName(tt.in); got != tt.want {
			t.Errorf("foldName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
