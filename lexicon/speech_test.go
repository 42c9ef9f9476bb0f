package lexicon

import "testing"

func TestSpeechVerbForms(t *testing.T) {
	s, err := LoadSpeech()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word  string
		lemma string
		form  VerbForm
		frame Frame
	}{
		{"said", "say", Past, FrameThat},
		{"says", "say", ThirdSingular, FrameInverted},
		{"told", "tell", Past, FrameObject},
		{"denied", "deny", Past, FrameDispute},
		{"denies", "deny", ThirdSingular, FrameNoun},
		{"adding", "add", Gerund, FrameThat},
		{"admitting", "admit", Gerund, FrameConfirm},
		{"written", "write", PastParticiple, FrameThat},
		{"accused", "accuse", Past, FrameOf},
		{"urging", "urge", Gerund, FrameInf},
		{"quipped", "quip", Past, FrameThat},
		{"quipping", "quip", Gerund, FrameThat},
	}
	for _, tt := range tests {
		v, ok := s.Lookup(tt.word)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.word)
			continue
		}
		if v.Lemma != tt.lemma || v.Form != tt.form || v.Frames&tt.frame == 0 {
			t.Errorf("Lookup(%q) = %+v, want lemma %q form %d with frame %b", tt.word, v, tt.lemma, tt.form, tt.frame)
		}
	}
	for _, w := range []string{"believed", "thinks", "the", "wanted"} {
		if _, ok := s.Lookup(w); ok {
			t.Errorf("Lookup(%q) found a speech verb; beliefs and other words are not cues", w)
		}
	}
}

func TestRolesLookup(t *testing.T) {
	r, err := LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	if !r.Is("spokesperson", RoleNoun) || !r.Is("officials", SourceNoun) || !r.Is("mr", Title) || !r.Is("foreign", RoleMod) {
		t.Error("basic role words missing")
	}
	if r.Lookup("spokeswoman").Gender != Female || r.Lookup("mr").Gender != Male {
		t.Error("gender of gendered role words lost")
	}
	if !r.Is("prime minister", RoleNoun) || r.MaxWords() < 3 {
		t.Error("multiword roles not loaded")
	}
}

func TestGivenNameGender(t *testing.T) {
	r, err := LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Gender{"Maria": Female, "Marco": Male, "Qwzx": UnknownGender} {
		if got := r.GivenNameGender(name); got != want {
			t.Errorf("GivenNameGender(%q) = %d, want %d", name, got, want)
		}
	}
}

// TestAgentPlural guards the agent endings of roles.tsv: they are endings,
// not words, and a word no longer than its ending is not one.
func TestAgentPlural(t *testing.T) {
	r, err := LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"strategists": true, "regulators": true, "campaigners": true, "participants": true,
		"executives": true, "employees": true, "ists": false, "policy": false, "reports": false,
	} {
		if got := r.AgentPlural(w); got != want {
			t.Errorf("AgentPlural(%q) = %v, want %v", w, got, want)
		}
	}
	if r.Is("-ists", SourceNoun|RoleNoun) || r.Lookup("-ists").Kind != 0 {
		t.Error(`the ending "-ists" is in the word table`)
	}
}
