package entity

// Titles and roles: the phrases before a name ("senior aide to Vladimir Putin"),
// set off before it, or in apposition after it; and the affiliation they give.

import (
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// roleAt matches the longest role phrase ("Secretary of State") at token k.
func (w *work) roleAt(k, j int) (int, lexicon.RoleWord) {
	maxN := min(w.r.roles.MaxWords(), j-k)
	for n := maxN; n >= 1; n-- {
		var key string
		if n == 1 {
			key = w.low(k)
		} else {
			parts := make([]string, n)
			for m := 0; m < n; m++ {
				parts[m] = w.low(k + m)
			}
			key = strings.Join(parts, " ")
		}
		rw := w.r.roles.Lookup(key)
		if rw.Kind&(lexicon.RoleNoun|lexicon.Title|lexicon.RoleMod) != 0 {
			if n == 1 && rw.Kind&(lexicon.RoleNoun|lexicon.Title) == 0 && k+1 < j && !w.r.roles.Is(w.low(k+1), lexicon.RoleNoun|lexicon.RoleMod) {
				// a modifier alone ("Foreign") is a role word only before a role noun
				if _, ok := w.r.gaz.Known(w.words(k+1, j)); !ok {
					return 0, rw
				}
			}
			return n, rw
		}
	}
	return 0, lexicon.RoleWord{}
}

func (w *work) rolePhraseFromPieces(pre []piece) string {
	if len(pre) == 0 {
		return ""
	}
	a, b := pre[0].first, pre[len(pre)-1].last
	// drop a leading title abbreviation ("Mr.", "Sen.") from the role
	for a < b && w.r.roles.Is(w.low(a), lexicon.Title) && !w.r.roles.Is(w.low(a), lexicon.RoleNoun) {
		a++
		for a < b && w.d.Tokens[a].Kind != parley.Word {
			a++
		}
	}
	if a >= b {
		return ""
	}
	return w.span(a, b)
}

// affiliationOf picks the affiliation a role phrase gives: a media outlet
// first ("Fox News correspondent"), else a country, else an organisation's country.
func (w *work) affiliationOf(pre []piece) (string, string) {
	var country, cc, org string
	for _, p := range pre {
		if p.kind != pKnown || p.last-p.first == 1 && w.r.roles.Is(w.low(p.first), lexicon.RoleMod|lexicon.RoleNoun|lexicon.Title) {
			continue // "Vice President": a word of the role, not the outlet Vice
		}
		k := p.known
		switch {
		case k.Type == parley.Organization && k.Kind == string(parley.Media):
			return k.Name, ""
		case k.Type == parley.Place && k.Kind == "country" || k.Demonym:
			if country == "" {
				country, cc = k.CountryName, k.Country
				if country == "" {
					country = k.Name
				}
			}
		case k.Type == parley.Organization:
			if org == "" {
				org = k.CountryName
				if org == "" {
					org = k.Name
				}
				if cc == "" {
					cc = k.Country
				}
			}
		}
	}
	if country != "" {
		return country, cc
	}
	return org, cc
}

// roleToken reports whether token k may be part of a lower-case role phrase.
func (w *work) roleToken(k int) bool {
	t := w.d.Tokens[k]
	if t.Kind == parley.Possessive {
		return true
	}
	if t.Kind == parley.Dash {
		return false
	}
	if t.Kind != parley.Word {
		return false
	}
	l := w.low(k)
	if roleJoiners[l] {
		return true
	}
	if w.r.roles.Is(l, lexicon.RoleNoun|lexicon.RoleMod|lexicon.Body|lexicon.Title) {
		return true
	}
	return w.isCapWord(k) && !isStopCap(l)
}

// preModifier reads a lower-case role phrase that ends right before the
// name chunk at i: "senior aide to Vladimir Putin and member of the Russian
// delegation Yury Ushakov", "Putin’s aide Yury Ushakov".
//
// The chunk starts at i and its name at nameStart; known names in between
// ("China’s ambassador to Britain Liu Xiaming") belong to the phrase.
func (w *work) preModifier(i, nameStart int) (roles []string, aff, cc string, g lexicon.Gender) {
	if i == 0 {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[i]]
	prev := i - 1
	if prev < s.First || w.d.Tokens[prev].Kind != parley.Word && w.d.Tokens[prev].Kind != parley.Possessive {
		return nil, "", "", 0
	}
	if !w.r.roles.Is(w.low(prev), lexicon.RoleNoun|lexicon.Body) && (nameStart == i || !w.roleToken(prev)) {
		return nil, "", "", 0
	}
	a := prev
	for a-1 >= s.First && w.roleToken(a-1) && i-a < 16 {
		a--
	}
	// trim function words at the start
	for a < i && (w.d.Tokens[a].Kind != parley.Word || isFunctionWord(w.low(a))) {
		a++
	}
	i = nameStart
	if a >= i {
		return nil, "", "", 0
	}
	hasRole := false
	for k := a; k < i; k++ {
		rw := w.r.roles.Lookup(w.low(k))
		if rw.Kind&lexicon.RoleNoun != 0 {
			hasRole = true
			if rw.Gender != lexicon.UnknownGender {
				g = rw.Gender
			}
		}
	}
	if !hasRole {
		return nil, "", "", 0
	}
	phrase := w.span(a, i)
	for _, part := range strings.Split(phrase, " and ") {
		if part = strings.TrimSpace(part); part != "" && w.rolePart(part) {
			roles = append(roles, part)
		}
	}
	if len(roles) == 0 {
		return nil, "", "", 0
	}
	aff, cc = w.affiliationOf(w.pieces(a, i))
	return roles, aff, cc, g
}

func isDeterminerWord(l string) bool { return determinerWords[l] }

// isCourtesyTitle reports titles that say nothing of a role.
func isCourtesyTitle(l string) bool { return courtesyTitles[l] }

// isStopVerb reports words that end a descriptive phrase: auxiliaries and
// common finite verbs.
func isStopVerb(l string) bool { return stopVerbs[l] }

func isFunctionWord(l string) bool { return functionWords[l] }

// preApposition reads "Another member of the Russian delegation, NAME," where
// the role phrase opens the sentence and the name is set off by commas.
func (w *work) preApposition(i, j int) (roles []string, aff, cc string, g lexicon.Gender) {
	if i < 2 || w.tok(i-1) != "," || j >= len(w.d.Tokens) || (w.tok(j) != "," && w.kind(j) != parley.Dash) {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[i]]
	a := i - 1
	for a-1 >= s.First && w.roleToken(a-1) && i-a < 14 {
		a--
	}
	if a-1 == s.First && isDeterminerWord(w.low(s.First)) {
		a = s.First // "Another member of the delegation, NAME,"
	}
	if a != s.First && !(a-1 >= s.First && w.kind(a-1) == parley.OpenQuote) && !w.possessed(a, i-1) {
		return nil, "", "", 0
	}
	for a < i-1 && (w.d.Tokens[a].Kind != parley.Word || isFunctionWord(w.low(a)) || w.low(a) == "another") {
		a++
	}
	hasRole := false
	for k := a; k < i-1; k++ {
		if rw := w.r.roles.Lookup(w.low(k)); rw.Kind&lexicon.RoleNoun != 0 {
			hasRole = true
			if rw.Gender != lexicon.UnknownGender {
				g = rw.Gender
			}
		}
	}
	if !hasRole || a >= i-1 {
		return nil, "", "", 0
	}
	roles = []string{w.span(a, i-1)}
	aff, cc = w.affiliationOf(w.pieces(a, i-1))
	return roles, aff, cc, g
}

// possessed reports whether the phrase [a, b) opens with a possessor ("the
// stake held by Acme's former chairman, NAME"): mid-sentence, such a role
// set off before a name is its apposition.
func (w *work) possessed(a, b int) bool {
	for k := a + 1; k < b && k <= a+3; k++ {
		if w.kind(k) == parley.Possessive {
			return k+1 < b
		}
	}
	return false
}

// appositive reads ", the German chancellor," after a name ending at j.
func (w *work) appositive(j int) (roles []string, aff, cc string, g lexicon.Gender) {
	n := len(w.d.Tokens)
	if j >= n || w.tok(j) != "," {
		return nil, "", "", 0
	}
	s := w.d.Sentences[w.sentIdx[j]]
	a := j + 1
	// skip an age: "Scholz, 66, the chancellor"
	if a < s.Last && w.d.Tokens[a].Kind == parley.Number && a+1 < s.Last && w.tok(a+1) == "," {
		a += 2
	}
	// "Vindman, who is the council's Ukraine expert": a copular relative
	if a+2 < s.Last && w.low(a) == "who" && (w.low(a+1) == "is" || w.low(a+1) == "was") {
		a += 2
	}
	if a < s.Last && w.d.Tokens[a].Kind == parley.Word {
		if l := w.low(a); l == "who" {
			return nil, "", "", 0 // a relative clause, not an apposition
		} else if isDeterminerWord(l) {
			a++
		}
	}
	determined := a > j+1 && w.d.Tokens[a-1].Kind == parley.Word
	ahead := w.roleNounAhead(a, s.Last)
	b := a
	hasRole := false
	for b < s.Last && b-a < 14 {
		t := w.d.Tokens[b]
		if t.Kind == parley.Word {
			l := w.low(b)
			rw := w.r.roles.Lookup(l)
			if rw.Kind&lexicon.RoleNoun != 0 {
				hasRole = true
				if rw.Gender != lexicon.UnknownGender {
					g = rw.Gender
				}
			}
			if relativeWord(l) || l == "that" {
				break
			}
			if _, ok := w.r.speech.Lookup(l); ok && hasRole {
				break
			}
			if w.roleToken(b) || l == "from" || l == "with" || l == "under" {
				b++
				continue
			}
			// descriptive words before the role noun ("new police commissioner"), or after it
			// ("professor of international studies at the University of Miami")
			if !isStopVerb(l) && (b-a < 4 || hasRole || b < ahead) {
				b++
				continue
			}
			break
		}
		if t.Kind == parley.Possessive || (t.Kind == parley.Dash && b > a && w.d.Tokens[b-1].Kind == parley.Word && !w.d.Tokens[b-1].Is(parley.SpaceAfter)) || w.ampersandInName(b) {
			b++
			continue
		}
		break
	}
	if !hasRole || b == a {
		return nil, "", "", 0
	}
	// the phrase must end the apposition: a comma, the end of the sentence, "who", or a verb
	if b < s.Last {
		nt := w.tok(b)
		_, isVerb := w.r.speech.Lookup(w.low(b))
		if nt != "," && nt != "." && nt != ")" && !relativeWord(w.low(b)) && !isVerb && w.d.Tokens[b].Kind != parley.Dash && w.d.Tokens[b].Kind != parley.CloseQuote {
			return nil, "", "", 0
		}
		if isVerb && !determined {
			return nil, "", "", 0 // "Indeed, Doctor asserts": the subject of the verb, not a role set off
		}
	}
	for b > a && isFunctionWord(w.low(b-1)) {
		b--
	}
	if w.namesAPerson(a, b) {
		return nil, "", "", 0 // ", Ambassador Volker confirmed": another person, not an apposition
	}
	roles = []string{w.span(a, b)}
	aff, cc = w.affiliationOf(w.pieces(a, b))
	return roles, aff, cc, g
}

// roleNounAhead returns the first role noun of the words from a, before a
// comma or the end, within the 14 words an apposition may have, or -1: "Julie
// Graham, Washington State Department of Health public information officer,"
// names its organisation first.
func (w *work) roleNounAhead(a, end int) int {
	for b := a; b < end && b-a < 14; b++ {
		t := w.d.Tokens[b]
		if t.Kind != parley.Word && t.Kind != parley.Possessive {
			return -1
		}
		l := w.low(b)
		if w.r.roles.Lookup(l).Kind&lexicon.RoleNoun != 0 {
			return b
		}
		if t.Is(parley.Cap) {
			continue // a name's words: "State" in "Washington State Department" is no verb
		}
		if _, ok := w.r.speech.Lookup(l); ok || isStopVerb(l) || l == "who" || l == "which" || l == "that" {
			return -1
		}
	}
	return -1
}

// namesAPerson reports whether the phrase [a, b) ends in a name after a role
// or title: a person of its own, not a description.
func (w *work) namesAPerson(a, b int) bool {
	k := b - 1
	for k > a && w.d.Tokens[k].Kind != parley.Word {
		k--
	}
	if k <= a || !w.isCapWord(k) || w.r.roles.Is(w.low(k), lexicon.RoleNoun|lexicon.Title|lexicon.RoleMod|lexicon.Body|lexicon.OrgWord) {
		return false
	}
	if _, ok := w.r.gaz.Known(w.words(k, k+1)); ok {
		return false
	}
	if !w.r.roles.Is(w.low(k-1), lexicon.RoleNoun|lexicon.Title) || !w.isCapWord(k-1) {
		return false
	}
	// "an adviser on trade to President Hale": the named person is the
	// role's object, after a preposition, not the apposition itself
	j := k - 1
	for j > a && w.isCapWord(j-1) {
		j--
	}
	return j <= a || !isPreposition(w.low(j-1))
}

// relativeWord reports whether l opens a relative clause, which ends an
// apposition: "Li, a doctor at the hospital where the patients were
// treated".
func relativeWord(l string) bool { return relPronouns[l] || relAdverbs[l] }

// ampersandInName reports whether token b is an "&" between two
// capitalised words, inside a name ("Chapter & Verse", "Procter & Gamble").
func (w *work) ampersandInName(b int) bool {
	return w.tok(b) == "&" && b > 0 && b+1 < len(w.d.Tokens) && w.isCapWord(b-1) && w.isCapWord(b+1)
}

// rolePart reports whether one conjunct of a role phrase before a name is a
// role: it has a role noun and does not end in a person named after a role.
// In "Browns quarterback Myles Garrett and Pittsburgh center Maurkice
// Pouncey" the first conjunct is another person, not a role of Pouncey;
// "aide to Vladimir Putin" is a role.
func (w *work) rolePart(part string) bool {
	words := strings.Fields(part)
	has := false
	for _, x := range words {
		if w.r.roles.Is(strings.ToLower(x), lexicon.RoleNoun) {
			has = true
		}
	}
	if !has {
		return false
	}
	k := len(words)
	for k > 0 && words[k-1] != strings.ToLower(words[k-1]) && !w.r.roles.Is(strings.ToLower(words[k-1]), lexicon.RoleNoun|lexicon.Title|lexicon.RoleMod|lexicon.Body|lexicon.OrgWord) {
		k--
	}
	return k == len(words) || k == 0 || !w.r.roles.Is(strings.ToLower(words[k-1]), lexicon.RoleNoun|lexicon.Title)
}
