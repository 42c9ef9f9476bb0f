package event

import (
	"testing"
	"time"
)

// Aiming at something is an attack (19) only when an armed actor aims or is
// aimed at: a party targeting seats or prosecutors targeting a ranch are no
// assaults.
func TestAimingNeedsAnArmedActor(t *testing.T) {
	tests := []struct {
		name, text string
		assault    bool
	}{
		{"rebels aim", "Rebels targeted the army base with rockets.", true},
		{"the air force aims", "The air force targeted rebel positions in the north.", true},
		{"gunmen aim at the police", "Gunmen targeted a police station in Kabul.", true},
		{"a party aims at seats", "Labour will target nine marginal seats.", false},
		{"prosecutors aim at a ranch", "Prosecutors have targeted a cattle ranch owned by a British firm.", false},
		{"a premier aims at practices", "The Chinese premier targeted bank lending practices in a speech.", false},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				got = got || e.PLOVER == "ASSAULT"
			}
			if got != tt.assault {
				t.Errorf("assault %v, want %v", got, tt.assault)
			}
		})
	}
}
