package lexicon

import "testing"

// TestAttitudeForms guards the forms the attitude table derives: regular
// and irregular inflections map to their lemma, kind and complements.
func TestAttitudeForms(t *testing.T) {
	a, err := LoadAttitudes()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		form, lemma, kind string
		form2             VerbForm
		comps             Complement
	}{
		{"believes", "believe", "belief", ThirdSingular, ClausalComplement},
		{"worries", "worry", "belief", ThirdSingular, ClausalComplement},
		{"thought", "think", "belief", Past, ClausalComplement},
		{"known", "know", "belief", PastParticiple, ClausalComplement},
		{"planning", "plan", "wish", Gerund, OpenComplement},
		{"wants", "want", "wish", ThirdSingular, OpenComplement | ObjectComplement},
		{"shown", "show", "evidence", PastParticiple, ClausalComplement | ObjectComplement},
		{"sought", "seek", "wish", Past, OpenComplement | ObjectComplement},
	} {
		v, ok := a.Lookup(tc.form)
		if !ok || v.Lemma != tc.lemma || v.Kind != tc.kind || v.Form != tc.form2 || v.Complements != tc.comps {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %s form %v complements %v", tc.form, v, ok, tc.lemma, tc.kind, tc.form2, tc.comps)
		}
	}
	if _, ok := a.Lookup("said"); ok {
		t.Error("a speech verb is no attitude verb")
	}
}
