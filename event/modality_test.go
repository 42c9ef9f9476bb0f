package event

import (
	"testing"
	"time"
)

// What did not happen is not an event: questions, conditionals, acts with a
// negative subject and the content of denials are dropped, while the same
// acts asserted stay.
func TestModalityUnreal(t *testing.T) {
	tests := []struct {
		name, text string
		drop       string // PLOVER type that must not be coded
		keep       string // PLOVER type that must be coded, "" for none
	}{
		{"asked whether is a question, not a request", "Asked whether Germany would impose sanctions on Iran, the minister said no decision had been taken.", "REQUEST", ""},
		{"asked someone whether", "The reporter asked the French president whether he would meet Putin.", "REQUEST", ""},
		{"the cue of a direct question", "\"How can the poorest pay more than the richest?\" the Labour MP for Birkenhead asked.", "REQUEST", ""},
		{"asking, after an aside, for something stays a request", "Ukraine asked, in a letter to the UN Security Council, for an urgent meeting.", "", "REQUEST"},
		{"asking someone to act stays a request", "The Labour MP for Birkenhead asked the prime minister to sack Mr Brown.", "", "REQUEST"},
		{"asking for something stays a request", "Ukraine asked Germany for more air defence systems.", "", "REQUEST"},
		{"a question reports no attack", "Will China attack Taiwan?", "ASSAULT", ""},
		{"negative subject", "Nobody has accused Russia of cheating.", "ACCUSE", ""},
		{"inverted conditional", "Should Russia invade Ukraine, NATO will impose sanctions.", "COERCE", ""},
		{"in case", "In case Iran attacks, the United States would retaliate.", "ASSAULT", ""},
		{"denied that-clause", "Syria denied that it had attacked Turkey.", "ASSAULT", ""},
		{"asserted attack stays", "Syria said it had attacked Turkish positions.", "", "ASSAULT"},
		{"an infinitive of need is no act", "The Thai government needs to act to restore public confidence in Bangkok.", "SUPPORT", ""},
		{"an infinitive of purpose is no act", "The Palestinian Authority would take a series of measures to oppose the Israeli plan.", "ACCUSE", ""},
		{"what someone is urged to do is not done", "Volker denied any effort to urge Ukraine to investigate Joe Biden.", "ACCUSE", ""},
		{"continuing to act is acting", "The United States continued to send arms to Pakistan last year.", "", "AID"},
		{"a headline's future", "EU to probe Alitalia state aid", "", "ACCUSE"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.CodeText(tt.text, time.Time{})
			kept := false
			for _, e := range evs {
				if e.PLOVER == tt.drop {
					t.Errorf("coded %s %s (%q), want none", e.PLOVER, e.CAMEO, e.Trigger)
				}
				kept = kept || e.PLOVER == tt.keep
			}
			if tt.keep != "" && !kept {
				t.Errorf("want a %s event, got %v", tt.keep, evs)
			}
		})
	}
}

func TestParseClassesErrors(t *testing.T) {
	for _, bad := range []string{"class\tphrase\nquestion", "class\tphrase\n\twhether", "class\tphrase\nask\t  "} {
		if _, err := parseClasses("x.tsv", bad); err == nil {
			t.Errorf("parseClasses(%q): want an error", bad)
		}
	}
}

// A temporal, causal or relative clause states what happened, so its act is
// an event beside the main one; a condition does not.
func TestFactualClausesAreEvents(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // PLOVER type of the subordinate act
		coded      bool
	}{
		{"temporal clause", "Israel closed the border after Hamas attacked an army post.", "ASSAULT", true},
		{"causal clause", "The talks collapsed because Russia rejected the proposal.", "REJECT", true},
		{"relative clause", "Police questioned the man, who had threatened the mayor.", "THREATEN", true},
		{"conditional clause", "Israel will close the border if Hamas attacks an army post.", "ASSAULT", false},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				got = got || e.PLOVER == tt.want
			}
			if got != tt.coded {
				t.Errorf("%s coded = %v, want %v", tt.want, got, tt.coded)
			}
		})
	}
}
