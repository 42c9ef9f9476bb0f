package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

// lexicons loads the embedded lexicon, speech verbs and roles.
func lexicons(t testing.TB) (*lexicon.Lexicon, *lexicon.Speech, *lexicon.Roles) {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	speech, err := lexicon.LoadSpeech()
	if err != nil {
		t.Fatal(err)
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		t.Fatal(err)
	}
	return lex, speech, roles
}

func newRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	lex, speech, roles := lexicons(t)
	return NewRecognizer(LexiconGazetteer{Lex: lex}, roles, speech)
}

// entityAtLast returns the name of the entity that the mention starting at
// the last occurrence of mention in text refers to, and whether there is one.
func entityAtLast(d *parley.Doc, text, mention string) (string, bool) {
	at := strings.LastIndex(text, mention)
	for _, m := range d.Mentions {
		if m.Span.Start == at {
			return d.Entities[m.Entity.Index()].Name, true
		}
	}
	return "", false
}

func find(res *parley.Doc, name string) *parley.Entity {
	for i := range res.Entities {
		if res.Entities[i].Name == name {
			return &res.Entities[i]
		}
	}
	return nil
}

func TestRecognizePeopleWithRoles(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name        string
		in          string
		person      string
		role        string // a role that must be among the person's roles (substring)
		affiliation string
	}{
		{"title and country before the name", "French Foreign Minister Jean Dupont arrived.", "Jean Dupont", "Foreign Minister", "France"},
		{"organisation and role before the name", "UN Secretary-General Ana Lima spoke.", "Ana Lima", "Secretary-General", ""},
		{"appositive after the name", "Olaf Berg, the German chancellor, left.", "Olaf Berg", "German chancellor", "Germany"},
		{"lower-case role phrase before the name", "The talks ended, senior aide to the president and member of the delegation Yuri Petrov said.", "Yuri Petrov", "senior aide to the president", ""},
		{"role set off before the name", "Another member of the delegation, Ivan Sokol, said it was early.", "Ivan Sokol", "member of the delegation", ""},
		{"media outlet gives the affiliation", "Fox News correspondent Jane Roe wrote on X that talks began.", "Jane Roe", "correspondent", "Fox News"},
		{"abbreviated title is a role", "Sen. Mark Doyle voted no.", "Mark Doyle", "Sen.", ""},
		{"an apposition that names its organisation first", "The plan did not appeal to Julie Graham, Washington State Department of Health public information officer, she said.", "Julie Graham", "public information officer", ""},
		{"a sports position is a role", "The suspension of Denver quarterback Tom Vale was lifted.", "Tom Vale", "quarterback", ""},
		{"a role before a name whose last word ends place names", "Prime Minister Lena Park denied it.", "Lena Park", "Prime Minister", ""},
		{"a possessed role set off before a name mid-sentence", "The firm bought the stake held by Acme's former chairman, Peter Rusk, for $10 million.", "Peter Rusk", "former chairman", ""},
		{"a copular relative gives the role", "He met another witness, Tom Marsh, who is the council's Ukraine expert.", "Tom Marsh", "Ukraine expert", ""},
		{"a relative clause ends the apposition", "But Ana Ruiz, a nurse at Mercy Hospital where the men were treated, disagreed.", "Ana Ruiz", "nurse at Mercy Hospital", ""},
		{"a person named after the role's preposition stays in the apposition", "Ann Lee, an adviser on trade to President Hale, said the talks would resume.", "Ann Lee", "adviser on trade to President Hale", ""},
		{"an ampersand inside the organisation's name", "Tom Hale, president of Stone & Webb, a Boston agency, said so.", "Tom Hale", "president of Stone & Webb", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := text.SegmentString(tt.in)
			r.Recognize(res)
			e := find(res, tt.person)
			if e == nil {
				var names []string
				for _, x := range res.Entities {
					names = append(names, string(x.Type)+":"+x.Name)
				}
				t.Fatalf("person %q not found in %v", tt.person, names)
			}
			if e.Type != parley.Person {
				t.Errorf("%s has type %s, want PERSON", tt.person, e.Type)
			}
			if !slices.ContainsFunc(e.Roles, func(r string) bool { return strings.Contains(r, tt.role) }) {
				t.Errorf("%s roles = %q, want one containing %q", tt.person, e.Roles, tt.role)
			}
			if tt.affiliation != "" && e.Affiliation != tt.affiliation {
				t.Errorf("%s affiliation = %q, want %q", tt.person, e.Affiliation, tt.affiliation)
			}
		})
	}
}

// TestCoordinatedPersonIsNoRole guards that in "role A Name and role B
// Name" the first person is not a role of the second.
func TestCoordinatedPersonIsNoRole(t *testing.T) {
	r := newRecognizer(t)
	res := text.SegmentString("The fight led to suspensions for Denver quarterback Tom Vale and Ohio coach Ben Kurtz.")
	r.Recognize(res)
	e := find(res, "Ben Kurtz")
	if e == nil {
		t.Fatal("Ben Kurtz not found")
	}
	for _, role := range e.Roles {
		if strings.Contains(role, "Vale") {
			t.Errorf("Ben Kurtz has role %q, which names Tom Vale", role)
		}
	}
	if !slices.Contains(e.Roles, "Ohio coach") {
		t.Errorf("Ben Kurtz roles %q, want Ohio coach", e.Roles)
	}
}

// TestRoleWordIsNoAffiliation guards that a word of a role that is also an
// outlet's short name ("Vice" of Vice News) does not affiliate the person.
func TestRoleWordIsNoAffiliation(t *testing.T) {
	r := newRecognizer(t)
	res := text.SegmentString("Former Vice President Walter Mondale spoke on Monday.")
	r.Recognize(res)
	e := find(res, "Walter Mondale")
	if e == nil {
		t.Fatal("Walter Mondale not found")
	}
	if e.Affiliation != "" {
		t.Errorf("affiliation = %q, want none", e.Affiliation)
	}
}

func TestRecognizeOrganisationsAndPlaces(t *testing.T) {
	r := newRecognizer(t)
	in := "The US State Department and Reuters said talks in Riyadh, Saudi Arabia, would go on. Russian officials agreed."
	res := text.SegmentString(in)
	r.Recognize(res)
	tests := []struct {
		name, kind string
		typ        parley.EntityType
	}{
		{"US State Department", "GOVERNMENT", parley.Organization},
		{"Reuters", "MEDIA", parley.Organization},
		{"Riyadh", "city", parley.Place},
		{"Saudi Arabia", "country", parley.Place},
		{"Russia", "country", parley.Place}, // from the demonym
	}
	for _, tt := range tests {
		e := find(res, tt.name)
		if e == nil {
			t.Errorf("%q not found", tt.name)
			continue
		}
		if e.Type != tt.typ || e.Kind != tt.kind {
			t.Errorf("%q = %s/%s, want %s/%s", tt.name, e.Type, e.Kind, tt.typ, tt.kind)
		}
	}
}

func TestCoreference(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name, in, mention string
		want              string // the entity's name; "" for no mention
	}{
		{"surname joins the full name", "Maria Lopez arrived. Lopez said little.", "Lopez", "Maria Lopez"},
		{"pronoun finds the last speaker", "Maria Lopez said the plan was ready. She added more.", "She", "Maria Lopez"},
		{"title gives the gender", "Mr. Tom Hale met Ms. Ann Ruiz. She spoke first.", "She", "Ann Ruiz"},
		{"nominal mention by role", "Defence Minister Carl Berg arrived. The minister said nothing.", "The minister", "Carl Berg"},
		{"family name written first", "Ambassador Liu Xiaming spoke. Liu said more.", "Liu", "Liu Xiaming"},
		{"a monarch's title gives the gender", "Tsar Zorvan Dravic met Jelka Oberon. She spoke first.", "She", "Jelka Oberon"},
		{"a name set off by commas is no subject", "Mirela Stanic studied law. After reading the book of a friend, Jelka Oberon, who wrote poems, Stanic decided to write. She sold a story in 1990.", "She", "Mirela Stanic"},
		{"possessive pronoun", "Peter Novak arrived late. His car had broken down.", "His", "Peter Novak"},
		{"object her skips the subject of its clause", "Ann Ruiz met Mr. Tom Hale. He thanked her.", "her", "Ann Ruiz"},
		{"it for the organisation that is the subject", "Tesco Corp cut prices. It said sales rose.", "It", "Tesco Corp"},
		{"subject they for an organisation", "The Labour Party met on Monday. They chose a leader.", "They", "Labour Party"},
		{"possessive their is left alone", "The Labour Party met on Monday. Members praised their leader.", "their", ""},
		{"it with no organisation near is left alone", "Mr. Tom Hale arrived. It rained.", "It", ""},
		{"the group for the organisation so named", "Tesco Group cut prices on Monday. The group said sales rose.", "The group", "Tesco Group"},
		{"an organisation noun alone names none", "Tesco Corp cut prices on Monday. The group said sales rose.", "The group", ""},
		{"description after a copula is its subject", "Maria Lopez was born in 1950. She was the first woman to fly.", "the first woman", "Maria Lopez"},
		{"copula with an adverb", "Maria Lopez won. She was also the youngest winner.", "the youngest winner", "Maria Lopez"},
		{"negated copula is no identity", "Maria Lopez won. She was not the youngest winner.", "the youngest winner", ""},
		{"an apposition is left to the recogniser's roles", "He met Maria Lopez, the new coach of the team.", "the new coach", ""},
		{"an age description is the person in focus", "Maria Lopez won the race on Sunday. The 29-year-old said she was tired.", "The 29-year-old", "Maria Lopez"},
		{"an age description takes either gender", "Mr. Tom Hale was arrested. The 34-year-old denied it.", "The 34-year-old", "Tom Hale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := text.SegmentString(tt.in)
			r.Recognize(res)
			got, ok := entityAtLast(res, tt.in, tt.mention)
			if ok && got != tt.want {
				t.Errorf("%q refers to %q, want %q", tt.mention, got, tt.want)
			}
			if !ok && tt.want != "" {
				t.Errorf("no mention at the last %q", tt.mention)
			}
		})
	}
}

func TestRecognizeIgnoresSentenceInitialCommonWords(t *testing.T) {
	r := newRecognizer(t)
	in := "New teams will meet. The new plan is ready. Meanwhile prices rose."
	res := text.SegmentString(in)
	r.Recognize(res)
	for _, e := range res.Entities {
		if e.Type == parley.Person {
			t.Errorf("unexpected person %q", e.Name)
		}
	}
}

// A capitalised stop word after a given name is a surname, not the modal or
// the month that would end the name.
func TestRecognizeSurnameSpelledLikeStopWord(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct{ in, person, notPerson string }{
		{"Prime Minister Theresa May said the deal was good.", "Theresa May", "Theresa"},
		{"Critics say Brian May spoke too late.", "Brian May", "Brian"},
		{"Theresa Lund may speak in May.", "Theresa Lund", "Theresa Lund May"},
	}
	for _, tt := range tests {
		res := text.SegmentString(tt.in)
		r.Recognize(res)
		if find(res, tt.person) == nil || find(res, tt.notPerson) != nil {
			var names []string
			for _, e := range res.Entities {
				names = append(names, e.Name)
			}
			t.Errorf("Recognize(%q) = %q, want %q and not %q", tt.in, names, tt.person, tt.notPerson)
		}
	}
}

// TestCourtesyTitleBeforeRoleWord guards "Mr. King", "Ms. Dean": after a
// courtesy title a lone role word is a surname; "Mr. President" addresses
// an office and names nobody.
func TestCourtesyTitleBeforeRoleWord(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		in     string
		person string // "" when no person may be found
	}{
		{"Mr. King said the plan had failed.", "King"},
		{"Ms. Dean told reporters the vote was close.", "Dean"},
		{"Mrs Bishop left the meeting early.", "Bishop"},
		{"Thank you, Mr. President, the senator said.", ""},
	}
	for _, tt := range tests {
		people := recognizedPeople(r, tt.in)
		if tt.person == "" && len(people) > 0 || tt.person != "" && !slices.ContainsFunc(people, func(n string) bool { return strings.HasSuffix(n, tt.person) }) {
			t.Errorf("Recognize(%q) people = %q, want %q", tt.in, people, tt.person)
		}
	}
}

// A bare role word between a comma and a verb is the verb's subject, not a
// role set off after the word before the comma ("Indeed, Doctor asserts").
func TestAppositiveNeedsItsEnd(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		in, person, role string // role "" means the person must not exist
	}{
		{"Surely, Professor argues that the vote was fair.", "Surely", ""},
		{"Olaf Berg, the German chancellor said the vote was fair.", "Olaf Berg", "German chancellor"},
	}
	for _, tt := range tests {
		res := text.SegmentString(tt.in)
		r.Recognize(res)
		e := find(res, tt.person)
		switch {
		case tt.role == "" && e != nil && e.Type == parley.Person:
			t.Errorf("Recognize(%q) made %q a person with roles %q", tt.in, tt.person, e.Roles)
		case tt.role != "" && (e == nil || !slices.ContainsFunc(e.Roles, func(r string) bool { return strings.Contains(r, tt.role) })):
			t.Errorf("Recognize(%q): %q lacks the role %q", tt.in, tt.person, tt.role)
		}
	}
}

// newSyntaxRecognizer is newRecognizer with the embedded syntax model, as
// the pipeline builds it.
func newSyntaxRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	lex, speech, roles := lexicons(t)
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewRecognizer(LexiconGazetteer{Lex: lex}, roles, speech, WithSyntax(m))
}

// Descriptions that need the parse: their head noun, and how they stand to
// a name of their sentence.
func TestDescriptionWithSyntax(t *testing.T) {
	r := newSyntaxRecognizer(t)
	tests := []struct {
		name, in, mention string // mention: the exact text of the nominal mention
		want              string // the entity's name; "" for no mention starting there
	}{
		{"a copula's complement runs to its head noun", "Maria Lopez won. She was the first and only woman to win twice.", "the first and only woman", "Maria Lopez"},
		{"a name inside is a modifier", "Maria Lopez sang. She was the first ever Eurovision singer to win twice.", "the first ever Eurovision singer", "Maria Lopez"},
		{"a possessive complement is not the subject", "Maria Lopez worked hard. She was the company's chief.", "", ""},
		{"as after an object is that object", "Mr. Tom Hale taught Ann Ruiz for years. Hale described her as the most gifted student he ever had.", "the most gifted student", "Ann Ruiz"},
		{"as after the verb's complement is the subject", "Maria Lopez moved to Rome. She achieved fame as the star of a long-running play.", "the star", "Maria Lopez"},
		{"an apposition after a place is the subject's", "Maria Lopez was born in Lisbon, the daughter of a teacher.", "the daughter", "Maria Lopez"},
		{"an apposition after a date is the subject's", "Mr. Tom Hale was born in Lisbon on 2 May 1950, the third child of a teacher.", "the third child", "Tom Hale"},
		{"an apposition must fit the subject's gender", "Mr. Tom Hale was born in Lisbon, the daughter of a teacher.", "", ""},
		{"a description that begins a clause is no apposition", "Maria Lopez arrived in Lisbon, the minister said.", "", ""},
		{"a description that is the subject of a clause is no apposition", "While Maria Lopez wanted to stay in Lisbon, the mayor of Porto asked her to leave.", "", ""},
		{"an apposition after a common noun is not the subject's", "Maria Lopez thanked her friend, the producer Ana Ruiz.", "", ""},
		{"an apposition after a name is left to the recogniser", "He met Maria Lopez, the new coach of the team.", "", ""},
		{"a fronted description is the subject's", "The pupil of a painter, who died in 1701, Maria Lopez was known for her portraits.", "The pupil", "Maria Lopez"},
		{"a fronted description before a clause is no apposition", "The minister left early, Maria Lopez said.", "", ""},
		{"a fronted description before a speaker is no apposition", "The minister, Maria Lopez said, was tired.", "", ""},
		{"a noun phrase runs past a number to its head", "Mr. Tom Hale taught Ann Ruiz for years. Hale described her as the number one student of the school.", "the number one student", "Ann Ruiz"},
		{"as after a word of acting is the part, not the actor", "The film opened in 1970. It starred Maria Lopez as the young widow of a sailor.", "", ""},
		{"as after an unknown name is not the subject's", "Maria Lopez spoke in Rome. She mocked Zorblax as the man who never slept.", "", ""},
		{"as of comparison is no predicate", "Mr. Tom Hale won in Rome. The press turned the same spotlight on him as the minister of sport.", "", ""},
		{"as a conjunction is no predicate", "Maria Lopez arrived in Rome. She left as the minister began to speak.", "", ""},
		{"a role a predicate gives names its holder later", "Mr. Tom Hale was named finance minister in May. The minister said the budget was tight.", "The minister", "Tom Hale"},
		{"a role denied by the predicate names nobody", "Mr. Tom Hale was not named finance minister in May. The minister said the budget was tight.", "", ""},
		{"a role a modal gives is not held yet", "Mr. Tom Hale could be named finance minister next week. The minister said the budget was tight.", "", ""},
		{"a role held before is not the present holder's", "Mr. Tom Hale was finance minister until 2019. Ann Lee replaced him. The minister said the budget was tight.", "", ""},
		{"a compound role noun heads the description", "Maria Lopez is chief executive of the bank. The chief executive said profits rose.", "The chief executive", "Maria Lopez"},
		{"as with no person noun is no predicate of the subject", "Maria Lopez moved to Rome. She used the letters as the basis of a novel.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.in)
			r.Recognize(d)
			for _, m := range d.Mentions {
				if m.Kind != parley.NominalMention {
					continue
				}
				got := tt.in[m.Span.Start:m.Span.End]
				if got != tt.mention || d.Entities[m.Entity.Index()].Name != tt.want {
					t.Errorf("nominal %q of %q, want %q of %q", got, d.Entities[m.Entity.Index()].Name, tt.mention, tt.want)
				}
				return
			}
			if tt.mention != "" {
				t.Errorf("no nominal mention, want %q of %q", tt.mention, tt.want)
			}
		})
	}
}

// Pronouns whose resolution reads the tags.
func TestPronounWithSyntax(t *testing.T) {
	r := newSyntaxRecognizer(t)
	tests := []struct {
		name, in, mention string
		want              string // the entity's name
	}{
		{"a subject pronoun after a fronted phrase is not its name", "Mirela Stanic studied law in Zagreb. After Jelka Oberon, she was the next lawyer to win.", "she", "Mirela Stanic"},
		{"a fronted clause's name can be the subject pronoun's", "Mirela Stanic spoke. While the plan did not appeal to Jelka Oberon, she said it could work.", "she", "Jelka Oberon"},
		{"a fronted clause after a preposition keeps its name", "Mirela Stanic spoke. After Jelka Oberon became mayor in 2000, she did not raise taxes.", "she", "Jelka Oberon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.in)
			r.Recognize(d)
			got, ok := entityAtLast(d, tt.in, tt.mention)
			if !ok {
				t.Errorf("no mention at the last %q", tt.mention)
			} else if got != tt.want {
				t.Errorf("%q refers to %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
}

// An organisation whose own name says no kind takes the kind of the
// lower-case noun that describes it ("the private equity firm Alden
// Capital" is a company); an "agency" does not say which kind (an
// advertising, aid or news agency), and a name that says its kind keeps it.
func TestDescribingNounGivesOrganisationKind(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name, text, org, kind string
	}{
		{"a firm", "The private equity firm Korvex Capital bought the paper.", "Korvex Capital", "COMPANY"},
		{"a broadcaster", "The broadcaster Korvex Group said the show would go on.", "Korvex Group", "MEDIA"},
		{"an agency says no kind", "The advertising agency Korvex Partners said the posters were fine.", "Korvex Partners", "OTHER"},
		{"no describing noun", "Korvex Capital bought the paper.", "Korvex Capital", "OTHER"},
		{"a name that says its kind keeps it", "The broadcaster Korvex Corp said the show would go on.", "Korvex Corp", "COMPANY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.text)
			r.Recognize(d)
			e := find(d, tt.org)
			if e == nil {
				t.Fatalf("%q not found", tt.org)
			}
			if e.Kind != tt.kind {
				t.Errorf("%q kind = %s, want %s", tt.org, e.Kind, tt.kind)
			}
		})
	}
}

// TestPlaceInAHyphenatedModifier guards "Sacramento-based", "a New
// York-based firm", "the Leeds-born singer": the place that opens the
// modifier is named (as "Russian" names Russia); a non-place ("Linux-based")
// is not.
func TestPlaceInAHyphenatedModifier(t *testing.T) {
	lex, speech, roles := lexicons(t)
	m, err := ner.Load(lex, roles)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRecognizer(LexiconGazetteer{Lex: lex}, roles, speech, WithModel(m))
	in := "The Denver-based chain bought a New York-based rival and a Linux-based start-up. The Leeds-born singer was there."
	d := text.SegmentString(in)
	r.Recognize(d)
	for _, tt := range []struct{ mention, place string }{
		{"Denver-based", "Denver"}, {"New York-based", "New York City"}, {"Leeds-born", "Leeds"},
	} {
		name, ok := entityAtLast(d, in, tt.mention)
		if !ok || name != tt.place {
			t.Errorf("%q names %q (%v), want the place %q", tt.mention, name, ok, tt.place)
			continue
		}
		if e := find(d, tt.place); e == nil || e.Type != parley.Place {
			t.Errorf("%q is no place: %+v", tt.place, e)
		}
	}
	if name, ok := entityAtLast(d, in, "Linux-based"); ok {
		t.Errorf("Linux-based names %q", name)
	}
}

// TestInvertedCueOpensNoName guards "Stated Stone:": a past-tense verb of
// saying that opens the sentence before its source is a cue, not the
// first name of a person.
func TestInvertedCueOpensNoName(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct{ in, want string }{
		{"Roger Stone spoke on the radio.\n\nStated Stone: \u201cThe stakes are high.\u201d", "Roger Stone"},
		{"Ann Cole spoke first.\n\nAdded Cole: \u201cWe will win.\u201d", "Ann Cole"},
	}
	for _, tt := range tests {
		people := recognizedPeople(r, tt.in)
		if len(people) != 1 || people[0] != tt.want {
			t.Errorf("Recognize(%q) people = %q, want [%q]", tt.in, people, tt.want)
		}
	}
}

// recognizedPeople returns the names of the persons r finds in text.
func recognizedPeople(r *Recognizer, in string) []string {
	d := text.SegmentString(in)
	r.Recognize(d)
	var people []string
	for _, e := range d.Entities {
		if e.Type == parley.Person {
			people = append(people, e.Name)
		}
	}
	return people
}
