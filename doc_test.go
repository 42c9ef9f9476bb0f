package parley

import "testing"

// doc returns a Doc of n one-letter tokens separated by spaces, in one
// sentence.
func tokensDoc(n int) *Doc {
	d := &Doc{}
	for i := range n {
		d.Text += "x "
		d.Tokens = append(d.Tokens, Token{Start: int32(2 * i), End: int32(2*i + 1)})
	}
	d.Sentences = []Sentence{{Start: 0, End: 2*n - 1, First: 0, Last: n}}
	d.Entities = []Entity{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	return d
}

func mention(first, last int32, e EntityRef) Mention {
	return Mention{Span: Span{int(2 * first), int(2*last - 1)}, First: first, Last: last, Entity: e}
}

func TestAddMentionsNestsAndRefusesCrossing(t *testing.T) {
	d := tokensDoc(10)
	if n := d.AddMentions(mention(4, 5, 1), mention(6, 8, 2)); n != 2 {
		t.Fatalf("added %d of two disjoint mentions", n)
	}
	tests := []struct {
		name string
		m    Mention
		want int
	}{
		{"a mention containing another", mention(2, 5, 3), 1},
		{"a mention crossing another", mention(7, 9, 3), 0},
		{"the same span again", mention(6, 8, 3), 0},
		{"an empty mention", mention(3, 3, 3), 0},
		{"a mention inside another", mention(7, 8, 3), 1},
	}
	for _, tt := range tests {
		if got := d.AddMentions(tt.m); got != tt.want {
			t.Errorf("%s: added %d, want %d", tt.name, got, tt.want)
		}
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	at := map[int]EntityRef{2: 3, 4: 1, 6: 2, 7: 3, 9: 0}
	for tok, want := range at {
		var got EntityRef
		if m := d.MentionAt(tok); m != nil {
			got = m.Entity
		}
		if got != want {
			t.Errorf("MentionAt(%d) = entity %d, want %d (the innermost)", tok, got, want)
		}
	}
}

func TestValidateFindsBrokenReferences(t *testing.T) {
	for name, breakIt := range map[string]func(d *Doc){
		"speaker past the entities":  func(d *Doc) { d.Quotes = []Quote{{Speaker: 9}} },
		"quote nested in itself":     func(d *Doc) { d.Quotes = []Quote{{NestedIn: 1}} },
		"evidence past the text":     func(d *Doc) { d.Events = []Event{{Evidence: Span{0, 99}}} },
		"crossing mentions":          func(d *Doc) { d.Mentions = []Mention{mention(1, 3, 1), mention(2, 4, 1)} },
		"head outside its sentence":  func(d *Doc) { d.Tokens[0].Rel, d.Tokens[0].Head = RelNsubj, 20 },
		"stance quote that is not":   func(d *Doc) { d.Claims = []Claim{{Stances: []ClaimStance{{Quote: 3}}}} },
		"mention of a missing thing": func(d *Doc) { d.Mentions = []Mention{mention(1, 3, 7)} },
		"holder past the entities":   func(d *Doc) { d.Attitudes = []Attitude{{Holder: 4}} },
		"attitude past the text":     func(d *Doc) { d.Attitudes = []Attitude{{Content: Span{2, 99}}} },
	} {
		d := tokensDoc(5)
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: the unbroken Doc fails: %v", name, err)
		}
		breakIt(d)
		if d.Validate() == nil {
			t.Errorf("%s: Validate finds nothing", name)
		}
	}
}

func TestRefIDs(t *testing.T) {
	if EntityAt(2).ID() != "E3" || QuoteAt(0).ID() != "Q1" || EventID(4) != "V5" || ClaimID(0) != "C1" || AttitudeID(1) != "B2" || EntityRef(0).ID() != "" {
		t.Error("ids are not the 1-based positions with their prefix")
	}
}

func TestLemmasSurviveAppendTokens(t *testing.T) {
	sec := &Doc{Document: Document{Text: "Talks were held"}}
	sec.Tokens = []Token{{Start: 0, End: 5}, {Start: 6, End: 10, Rel: RelAux, Head: 2}, {Start: 11, End: 15, Rel: RelRoot, Head: -1}}
	sec.SetLemma(0, "talk")
	sec.SetLemma(1, "be")
	sec.SetLemma(2, "hold")
	if sec.Lemma(0) != "talk" || sec.Lemma(2) != "hold" {
		t.Fatalf("lemmas %q %q", sec.Lemma(0), sec.Lemma(2))
	}
	whole := &Doc{Document: Document{Text: "Yes. Talks were held"}}
	whole.Tokens = []Token{{Start: 0, End: 3}, {Start: 3, End: 4}}
	whole.SetLemma(0, "yes") // the lower-case text: nothing to store
	whole.AppendTokens(sec, 5)
	for i, want := range []string{"yes", ".", "talk", "be", "hold"} {
		if got := whole.Lemma(i); got != want {
			t.Errorf("token %d %q: lemma %q, want %q", i, whole.Tok(i), got, want)
		}
	}
	if whole.Head(3) != 4 || whole.Head(4) != -1 {
		t.Errorf("heads %d %d after appending, want 4 and -1", whole.Head(3), whole.Head(4))
	}
}

// TestTreebankTagsSurviveAppendTokens guards that XPOS is per token, ""
// where untagged, and kept when a section's tokens join the whole.
func TestTreebankTagsSurviveAppendTokens(t *testing.T) {
	sec := &Doc{Document: Document{Text: "Talks were held"}}
	sec.Tokens = []Token{{Start: 0, End: 5}, {Start: 6, End: 10}, {Start: 11, End: 15}}
	sec.SetXPOS(0, "NNS")
	sec.SetXPOS(2, "VBN")
	whole := &Doc{Document: Document{Text: "Yes. Talks were held"}}
	whole.Tokens = []Token{{Start: 0, End: 3}, {Start: 3, End: 4}}
	whole.SetXPOS(0, "UH")
	whole.AppendTokens(sec, 5)
	for i, want := range []string{"UH", "", "NNS", "", "VBN"} {
		if got := whole.XPOS(i); got != want {
			t.Errorf("token %d %q: XPOS %q, want %q", i, whole.Tok(i), got, want)
		}
	}
	if got := whole.XPOS(99); got != "" {
		t.Errorf("XPOS outside the tokens = %q", got)
	}
}

// TestParsedReadsTheFirstTokensRelation guards the one test of whether a
// sentence holds a tree, which the stages share.
func TestParsedReadsTheFirstTokensRelation(t *testing.T) {
	d := &Doc{Tokens: make([]Token, 3)}
	s := Sentence{First: 0, Last: 3}
	if d.Parsed(s) || d.Parsed(Sentence{First: 1, Last: 1}) {
		t.Fatal("an unparsed or empty sentence reads as parsed")
	}
	d.Tokens[0].Rel = DepRel(1)
	if !d.Parsed(s) {
		t.Error("a sentence whose first token has a relation reads as unparsed")
	}
}
