package entity

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/text"
)

// newModelRecognizer is the recogniser as the pipeline builds it: with the
// embedded model and document structure.
func newModelRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	lex, speech, roles := lexicons(t)
	m, err := ner.Load(lex, roles)
	if err != nil {
		t.Fatal(err)
	}
	st, err := text.LoadStructure()
	if err != nil {
		t.Fatal(err)
	}
	return NewRecognizer(LexiconGazetteer{Lex: lex}, roles, speech, WithModel(m), WithStructure(st))
}

// checkTyped fails t unless d's entities hold every "TYPE:name" of want
// and none of dont.
func checkTyped(t *testing.T, d *parley.Doc, want, dont []string) {
	t.Helper()
	got := typed(d)
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("entities %q lack %q", got, w)
		}
	}
	for _, w := range dont {
		if contains(got, w) {
			t.Errorf("entities %q hold %q", got, w)
		}
	}
}

// typed returns "TYPE:name" for each entity of d.
func typed(d *parley.Doc) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

func TestModelDecidesWhatANameIs(t *testing.T) {
	r := newModelRecognizer(t)
	tests := []struct {
		name       string
		in         string
		want, dont []string // "TYPE:name" that must (must not) be among the entities
		mentions   map[string]int
	}{
		{"a name only in a heading is no person", "Kaspar Lindqvist Wins Again\n\nThe race ended in rain. Officials said the course was closed.",
			nil, []string{"PERSON:Kaspar Lindqvist"}, nil},
		{"the body confirms a name of the heading", "Kaspar Lindqvist Wins Again\n\nKaspar Lindqvist said he was tired after the race.",
			[]string{"PERSON:Kaspar Lindqvist"}, nil, map[string]int{"Kaspar Lindqvist": 2}}, // the name and "he"
		{"an organisation noun before a lone name decides for all its mentions", "The steel giant Korvex cut jobs. Korvex said the cuts were needed, and Korvex said more would follow.",
			[]string{"ORG:Korvex"}, []string{"PERSON:Korvex"}, nil},
		{"a surname read before the full name is the same person", "Mr Dravenko spoke first. Later, Anton Dravenko said the plan would fail.",
			[]string{"PERSON:Anton Dravenko"}, []string{"PERSON:Dravenko"}, map[string]int{"Anton Dravenko": 2}},
		{"a surname spelled otherwise is the same person", "Dmytro Zabolotny arrived on Monday. Zabolotnyy said talks would go on.",
			[]string{"PERSON:Dmytro Zabolotny"}, []string{"PERSON:Zabolotnyy"}, map[string]int{"Dmytro Zabolotny": 2}},
		{"a word for sources is no person", "Analysts said the market would fall.", nil, []string{"PERSON:Analysts"}, nil},
		{"a compound of known names is no place", "The US-Russian talks ended on Tuesday in Geneva.", nil, []string{"PLACE:US-Russian", "ORG:US-Russian"}, nil},
		{"a lone word the model reads as a place may still be a surname", "Anton Dravenko arrived. Reporters met Dravenko in the lobby.",
			[]string{"PERSON:Anton Dravenko"}, []string{"PLACE:Dravenko"}, map[string]int{"Anton Dravenko": 2}},
		{"a surname the article repeats alone is a person", "Early years\n\nKovac studied law in Zagreb. In 1990 Kovac moved to Vienna, where he taught until Kovac retired. In 2003 Kovac returned to Zagreb, and in 2005 Kovac wrote a memoir.",
			[]string{"PERSON:Kovac"}, nil, map[string]int{"Kovac": 6}}, // five names and "he"
		{"a word repeated alone three times is not yet a person", "Early years\n\nKovac studied law in Zagreb. In 1990 Kovac moved to Vienna, where he taught until Kovac retired.",
			nil, []string{"PERSON:Kovac"}, nil},
		{"the first word of an organisation's name is its short form", "Korvex Nano-Satellite Systems builds small probes. Its chief, Dana Voss, said Korvex would scale up.",
			[]string{"ORG:Korvex Nano-Satellite Systems"}, []string{"PERSON:Korvex"}, map[string]int{"Korvex Nano-Satellite Systems": 3}}, // the name, "Its", "Korvex"
		{"what a role is of is an organisation", "Dana Voss, the CEO of KVX, said the plant would close.",
			[]string{"ORG:KVX", "PERSON:Dana Voss"}, []string{"PERSON:KVX"}, nil},
		{"a role of a named person stays a person", "The Head of Research Anna Kovac said the trial had ended.",
			[]string{"PERSON:Anna Kovac"}, []string{"ORG:Anna Kovac"}, nil},
		{"a company word ends an organisation", "Korvex Robotics will build the lander, the agency said.",
			[]string{"ORG:Korvex Robotics"}, []string{"PERSON:Korvex Robotics"}, nil},
		{"a known one-word name that is a given name may start a person's name", "The match ended when Rafael Tomasz won the last set.",
			[]string{"PERSON:Rafael Tomasz"}, []string{"ORG:Rafael"}, nil},
		{"an organisation's name keeps its abbreviation period", "Korvex Co., the maker of the probe, said it would appeal.",
			[]string{"ORG:Korvex Co."}, []string{"ORG:Korvex Co"}, nil},
		{"an institution's name may join words with and", "Officials at the Institute for Peace and Conflict Studies said the talks had failed.",
			[]string{"ORG:Institute for Peace and Conflict Studies"}, nil, nil},
		{"and between two known names joins no name", "The Bank of England and Barclays said rates would rise.",
			[]string{"ORG:Bank of England"}, []string{"ORG:Bank of England and Barclays"}, nil},
		{"the role before an organisation's name is not its name", "Dana Voss, the CEO of Korvex Media Group, said the deal was done.",
			[]string{"ORG:Korvex Media Group"}, []string{"ORG:CEO of Korvex Media Group"}, nil},
		{"a noun that names a kind refers to the organisation of that kind", "Officials at the Blue Party met Korvex Industries on Monday.\n\nThe company said the talks had gone well.",
			[]string{"ORG:Korvex Industries"}, nil, map[string]int{"Korvex Industries": 2}},
		{"a company noun falls back to the most-mentioned organisation of unknown kind", "Shares in Zentrix Group rose on Monday.\n\nZentrix Group beat forecasts, while its partner Quorvan Partners lagged.\n\nThe company said demand would stay strong.",
			[]string{"ORG:Zentrix Group"}, nil, map[string]int{"Zentrix Group": 4, "Quorvan Partners": 1}}, // two names, "its", "The company"
		{"a compound organisation noun takes its modifier's kind and the sentence's subject", "Korvex Media agreed to merge with Talbot Media.\n\nThe newspaper chain said the deal would save money.",
			[]string{"ORG:Korvex Media"}, nil, map[string]int{"Korvex Media": 2, "Talbot Media": 1}},
		{"a compound description before a name is its apposition", "Korvex Media agreed to merge with Talbot Media.\n\nThe newspaper chain Orvel Press said the deal would save money.",
			[]string{"ORG:Korvex Media"}, nil, map[string]int{"Korvex Media": 1}},
		{"a name ending in an organisation word is an organisation", "On Sunday, fans of Sheffield Rovers and workers at Qandor Holdings marched in Mexico City.",
			[]string{"ORG:Sheffield Rovers", "ORG:Qandor Holdings", "PLACE:Mexico City"}, nil, nil},
		{"a byline is no person", "By Marta Quell\n\nThe council voted on Tuesday to close the bridge.", nil, []string{"PERSON:Marta Quell"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.SegmentString(tt.in)
			r.Recognize(d)
			checkTyped(t, d, tt.want, tt.dont)
			for name, n := range tt.mentions {
				ref := d.EntityNamed(name)
				if got := len(d.MentionsOf(ref)); ref == 0 || got != n {
					t.Errorf("%s has %d mentions, want %d", name, got, n)
				}
			}
		})
	}
}

func TestSurnameVariant(t *testing.T) {
	tests := []struct {
		name, full string
		want       bool
	}{
		{"Dravenko", "Anton Dravenko", true},
		{"dravenko", "Anton Dravenko", true},
		{"Zabolotnyy", "Dmytro Zabolotny", true},
		{"Zabolotsky", "Dmytro Zabolotny", false}, // two letters apart
		{"Smyth", "Anna Smith", false},            // short names must match exactly
		{"Anton", "Anton Dravenko", false},
		{"Dravenko", "Dravenko", false}, // not a full name
	}
	for _, tt := range tests {
		if got := surnameVariant(tt.name, tt.full); got != tt.want {
			t.Errorf("surnameVariant(%q, %q) = %v, want %v", tt.name, tt.full, got, tt.want)
		}
	}
}

func TestWithoutModelTheRulesDecide(t *testing.T) {
	d := text.SegmentString("The steel giant Korvex cut jobs. Korvex said the cuts were needed.")
	newRecognizer(t).Recognize(d)
	if got := typed(d); !strings.Contains(strings.Join(got, ","), "PERSON:Korvex") {
		t.Errorf("rules alone: %q; want the old reading (a person before a speech verb), so callers without a model see no change", got)
	}
}
