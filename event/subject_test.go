package event

import "testing"

// The one criticised is the subject of "drew" or "attracted", even behind
// a long relative clause that lists other organisations or a word the
// window reads as a preposition ("after the US lifted"), and the criticism
// may stand behind a word of amount ("much of the ire", "a storm of
// criticism"). A name with a preposition of its own is no subject.
func TestSubjectBeyondTheWindow(t *testing.T) {
	tests := []struct {
		name, text string
		orgs       map[string]string
		root       string // CAMEO root wanted, "" for no event
		side       string // the entity wanted as source ("src") or target ("tgt"), "" for none
		entity     string // its name
	}{
		{"criticism behind a partitive", "Korvex has attracted much of the publicly expressed ire over the cuts.",
			map[string]string{"Korvex": "COMPANY"}, "11", "tgt", "Korvex"},
		{"a storm of criticism", "Korvex drew a storm of criticism over the cuts.",
			map[string]string{"Korvex": "COMPANY"}, "11", "tgt", "Korvex"},
		{"a subject behind a relative clause with a list", "The private equity firm Korvex Capital, which owns the Daily Planet, the Metro Herald and more than 90 other publications and boasts a reputation as a pitiless parer of payroll, has attracted much of the publicly expressed ire over wholesale plundering of local news resources.",
			map[string]string{"Korvex Capital": "COMPANY", "Daily Planet": "MEDIA", "Metro Herald": "MEDIA"}, "11", "tgt", "Korvex Capital"},
		{"a subject after a subordinator", "The move came after Korvex cut off gas supplies to Ukraine.",
			map[string]string{"Korvex": "COMPANY"}, "16", "src", "Korvex"},
		{"a place with its preposition is no subject", "In the US, the patenting of computer programs and internet business methods is permitted.",
			nil, "", "", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := codedWith(t, c, tt.text, tt.orgs)
			if tt.root == "" {
				if len(d.Events) > 0 {
					t.Errorf("events %+v, want none", d.Events)
				}
				return
			}
			found := false
			for _, e := range d.Events {
				ref := e.Target
				if tt.side == "src" {
					ref = e.Source
				}
				if en := d.Entity(ref); e.CAMEORoot == tt.root && en != nil && en.Name == tt.entity {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s event with %s %q: %+v", tt.root, tt.side, tt.entity, d.Events)
			}
		})
	}
}
