package event

import (
	"testing"
	"time"
)

// TestGiftAfterWith: what a verb of giving gives may follow "with" after
// the receiver; information given or withheld is no aid and no rejection,
// and a partner after "with" is no gift.
func TestGiftAfterWith(t *testing.T) {
	c := testCoder(t)
	pub := time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, cameo string // "" cameo: no event
	}{
		{"The Kenyan ministry did not provide the newspaper with further information.", ""},
		{"The Kenyan ministry provided the newspaper with further information.", ""},
		{"The United States provided Kenya with military equipment.", "070"},
		{"Kenyan firms agreed the compensation package with the Financial Services Authority.", "030"},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range c.CodeText(tt.text, pub) {
			got = append(got, e.CAMEO)
		}
		if tt.cameo == "" && len(got) > 0 || tt.cameo != "" && (len(got) != 1 || got[0] != tt.cameo) {
			t.Errorf("%q: codes %v, want %q", tt.text, got, tt.cameo)
		}
	}
}
