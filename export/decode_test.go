package export

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
)

// TestToAnalysisInvertsFromAnalysis: what a store keeps (the JSON shape
// without the text) and the text give back the analysis, byte offsets
// and all, for the bundled example (multi-byte quotation marks included).
func TestToAnalysisInvertsFromAnalysis(t *testing.T) {
	src, err := os.ReadFile("../testdata/riyadh-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	// and an attitude, which the example has none of
	src = append(src, "\nMany diplomats believe that the talks will resume in March.\n"...)
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Extract(t.Context(), parley.Document{ID: "riyadh-talks", Text: string(src), Title: "Talks",
		URL: "https://example.org/riyadh", Outlet: "Example", Published: time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(FromAnalysis(a, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var d Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	back, err := ToAnalysis(d, string(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Events) == 0 || len(a.Claims) == 0 || len(a.Attitudes) == 0 {
		t.Fatalf("the example should have events, claims and attitudes: %d, %d, %d", len(a.Events), len(a.Claims), len(a.Attitudes))
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{{"document", back.Document, a.Document}, {"entities", back.Entities, withoutGender(a.Entities)}, {"quotes", back.Quotes, a.Quotes},
		{"attitudes", back.Attitudes, a.Attitudes}, {"events", back.Events, withoutTriggerToken(a.Events)}, {"claims", back.Claims, a.Claims},
		{"mentions of entities", entityMentions(back), entityMentions(a)}} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ after the round trip:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
}

// withoutTriggerToken drops what the JSON does not carry: the token of an
// event's trigger, kept in memory for the claims stage.
func withoutTriggerToken(es []parley.Event) []parley.Event {
	out := slices.Clone(es)
	for i := range out {
		out[i].TriggerToken = 0
	}
	return out
}

// withoutGender drops what the JSON does not carry: the gender the
// coreference stage found.
func withoutGender(es []parley.Entity) []parley.Entity {
	out := slices.Clone(es)
	for i := range out {
		out[i].Gender = parley.UnknownGender
	}
	return out
}

// entityMentions are the mentions the JSON keeps: those of an entity.
func entityMentions(d *parley.Doc) []parley.Mention {
	var out []parley.Mention
	for _, m := range d.Mentions {
		if m.Entity != 0 {
			out = append(out, m)
		}
	}
	return out
}

func TestToAnalysisRefusesSpansOutsideTheText(t *testing.T) {
	d := Document{ID: "x", Quotes: []Quote{{ID: "Q1", Start: 2, End: 40}}}
	if _, err := ToAnalysis(d, "short"); err == nil {
		t.Error("a quote past the end of the text was accepted")
	}
	e := "E9"
	d = Document{ID: "x", Quotes: []Quote{{ID: "Q1", Start: 0, End: 2, Speaker: &e}}}
	if _, err := ToAnalysis(d, "short"); err == nil {
		t.Error("a quote by an entity that is not there was accepted")
	}
}
