package entity

import (
	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
)

// Coreference inside one article: pronouns (he, she, him, her) and nominal
// mentions ("the aide", "the former senator") are linked to the person they
// most likely refer to. Surnames are linked to full names by the recogniser.
//
// The model is deliberately simple and explainable: a pronoun refers to a
// gender-compatible person mentioned in the last few sentences, preferring
// the one who spoke or was the subject most recently; a nominal mention
// refers to the latest person whose roles contain its head noun.

const corefWindow = 4 // sentences back that a pronoun may reach

func pronounGender(l string) (lexicon.Gender, bool) {
	switch l {
	case "he", "him", "himself":
		return lexicon.Male, true
	case "she", "her", "herself":
		return lexicon.Female, true
	}
	return 0, false
}

// prepositions before a mention make it a poor antecedent for a subject pronoun.
func isPreposition(l string) bool {
	switch l {
	case "of", "to", "for", "with", "by", "from", "about", "against", "between", "on", "in", "at", "into",
		"than", "like", "after", "before", "under", "over", "among", "toward", "towards", "including":
		return true
	}
	return false
}

// resolve links pronouns and nominal mentions in d to persons of res.
func (r *Recognizer) resolve(d *parley.Doc, res *result, inQuote []bool) {
	low := d.Lower
	type cand struct {
		ref     int
		sent    int
		speaker bool
		first   bool
		prep    bool
	}
	var persons []cand
	var added []ref
	refAt := 0
	for si, s := range d.Sentences {
		firstInSentence := true
		for i := s.First; i < s.Last; i++ {
			// register person mentions as they come
			for refAt < len(res.Refs) && res.Refs[refAt].First < i {
				refAt++
			}
			if refAt < len(res.Refs) && res.Refs[refAt].First == i {
				ref := res.Refs[refAt]
				if res.Entities[ref.Entity].Type == parley.Person && !inQuote[i] {
					c := cand{ref: refAt, sent: si, first: firstInSentence}
					if i > s.First && isPreposition(low(i-1)) {
						c.prep = true
					}
					if ref.Last < s.Last {
						if v, ok := r.speech.Lookup(low(ref.Last)); ok && v.Frames != 0 {
							c.speaker = true
						}
					}
					if i >= 2 && i-1 >= s.First {
						if v, ok := r.speech.Lookup(low(i - 1)); ok && v.Frames&lexicon.FrameInverted != 0 {
							c.speaker = true
						}
					}
					persons = append(persons, c)
					firstInSentence = false
				}
				continue
			}
			t := d.Tokens[i]
			if t.Kind != parley.Word || inQuote[i] || res.At[i] >= 0 {
				continue
			}
			l := low(i)
			if l == "her" && i+1 < s.Last && d.Tokens[i+1].Kind == parley.Word && !isPreposition(low(i+1)) && low(i+1) != "that" {
				continue // possessive "her": not a mention of its own
			}
			if g, ok := pronounGender(l); ok {
				best, bestScore := -1, 1<<30
				for k := len(persons) - 1; k >= 0; k-- {
					c := persons[k]
					if si-c.sent > corefWindow {
						break
					}
					ent := res.Refs[c.ref].Entity
					if eg := res.Gender[ent]; eg != lexicon.UnknownGender && eg != g {
						continue
					}
					// object pronouns do not refer to the subject of their own clause
					if (l == "him" || l == "her") && c.sent == si && !c.prep {
						continue
					}
					score := (si - c.sent) * 10
					if c.speaker {
						score -= 6
					}
					if c.first {
						score -= 3
					}
					if c.prep {
						score += 5
					}
					if c.sent == si {
						score -= 2
					}
					if score < bestScore {
						best, bestScore = c.ref, score
					}
				}
				if best >= 0 {
					added = append(added, ref{Span: parley.Span{Start: int(t.Start), End: int(t.End)}, First: i, Last: i + 1,
						Entity: res.Refs[best].Entity, Kind: parley.PronounMention})
					// a pronoun that found its person keeps that person salient
					if l == "he" || l == "she" {
						persons = append(persons, cand{ref: best, sent: si, first: firstInSentence, speaker: true})
					}
				}
				continue
			}
			if l == "the" && i+1 < s.Last {
				// "the aide", "the former senator", "the spokesperson"
				j := i + 1
				for j < s.Last && d.Tokens[j].Kind == parley.Word && r.roles.Is(low(j), lexicon.RoleMod) && !r.roles.Is(low(j), lexicon.RoleNoun) {
					j++
				}
				if j >= s.Last || d.Tokens[j].Kind != parley.Word || !r.roles.Is(low(j), lexicon.RoleNoun) {
					continue
				}
				if j+1 < s.Last && (d.Tokens[j+1].Is(parley.Cap) && d.Tokens[j+1].Kind == parley.Word || low(j+1) == "of") {
					continue // "the minister Sergey Lavrov", "the head of …"
				}
				head := low(j)
				for k := len(persons) - 1; k >= 0; k-- {
					c := persons[k]
					if si-c.sent > corefWindow*2 {
						break
					}
					ent := res.Refs[c.ref].Entity
					if hasRoleWord(res.Entities[ent].Roles, head) {
						added = append(added, ref{Span: parley.Span{Start: int(t.Start), End: int(d.Tokens[j].End)}, First: i, Last: j + 1,
							Entity: ent, Kind: parley.NominalMention})
						break
					}
				}
			}
		}
	}
	if len(added) == 0 {
		return
	}
	res.Refs = mergeRefs(res.Refs, added)
	for i := range res.At {
		res.At[i] = -1
	}
	for ri, ref := range res.Refs {
		for k := ref.First; k < ref.Last; k++ {
			res.At[k] = int32(ri)
		}
	}
}

// spokes are the interchangeable forms of one role.
var roleSynonyms = map[string][]string{
	"spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
	"spokesman":    {"spokesman", "spokesperson"},
	"spokeswoman":  {"spokeswoman", "spokesperson"},
	"adviser":      {"adviser", "advisor"},
	"advisor":      {"adviser", "advisor"},
}

func hasRoleWord(roles []string, head string) bool {
	forms := roleSynonyms[head]
	if forms == nil {
		forms = []string{head}
	}
	for _, r := range roles {
		for _, w := range splitWords(r) {
			for _, f := range forms {
				if equalFoldASCII(w, f) {
					return true
				}
			}
		}
	}
	return false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == ',' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if ca >= 'A' && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if cb >= 'A' && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}

func mergeRefs(a, b []ref) []ref {
	out := make([]ref, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && a[i].First <= b[j].First) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}
