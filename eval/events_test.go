package eval

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readEventFile(t testing.TB, path string) []EventDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadEventDocs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestScoreEventsRules(t *testing.T) {
	gold := readEventFile(t, "testdata/events_gold.jsonl")
	pred := readEventFile(t, "testdata/events_pred.jsonl")
	want, err := os.ReadFile("testdata/events_fixture.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	compareJSON(t, want, mustJSON(t, ScoreEvents(gold, pred, true)))
}

func TestEventFieldNormalisation(t *testing.T) {
	tests := []struct {
		in      any
		want    string
		present bool
	}{
		{nil, "", false},
		{"", "", false},
		{"  ", "", true}, // present but blank: the reference keeps it for "full"
		{" usagov ", "USAGOV", true},
		{json.Number("40"), "40", true},
		{json.Number("4.0"), "4.0", true},
		{true, "TRUE", true},
	}
	for _, tt := range tests {
		f := fieldOf(tt.in)
		if f.String() != tt.want || f.Present() != tt.present {
			t.Errorf("fieldOf(%#v) = %q/%v, want %q/%v", tt.in, f.String(), f.Present(), tt.want, tt.present)
		}
	}
}

// perturbEvents derives predictions from the gold: dropped, recoded and
// spurious events, other actors, missing sentences.
func perturbEvents(gold []EventDoc, seed uint64) []map[string]any {
	rng := rand.New(rand.NewPCG(seed, 5))
	codes := []string{"010", "036", "0311", "042", "057", "112", "120", "173", "190", "0233"}
	actors := []string{"USA", "USAGOV", "RUSGOV", "RUS", "CHNMIL", "IGOUNO", "FRA", "HUNGOV"}
	plovers := []string{"AGREE", "CONSULT", "ACCUSE", "REJECT", "ASSAULT", "COERCE"}
	opt := func(f EventField) any {
		if !f.Present() {
			return nil
		}
		return f.String()
	}
	var out []map[string]any
	for _, g := range gold {
		if rng.IntN(10) == 0 {
			continue
		}
		evs := []map[string]any{}
		for _, e := range g.Events {
			if rng.IntN(6) == 0 {
				continue
			}
			p := map[string]any{"source_actor": opt(e.SourceActor), "target_actor": opt(e.TargetActor),
				"cameo": opt(e.CAMEO), "plover": opt(e.PLOVER)}
			switch rng.IntN(6) {
			case 0:
				p["cameo"] = codes[rng.IntN(len(codes))]
			case 1:
				if c, ok := p["cameo"].(string); ok && len(c) > 2 {
					p["cameo"] = strings.ToLower(c[:2]) + "9 "
				}
			case 2:
				p["source_actor"] = actors[rng.IntN(len(actors))]
			case 3:
				p["target_actor"] = nil
			case 4:
				p["plover"] = plovers[rng.IntN(len(plovers))]
			}
			evs = append(evs, p)
		}
		for range rng.IntN(2) {
			evs = append(evs, map[string]any{"source_actor": actors[rng.IntN(len(actors))], "target_actor": nil,
				"cameo": codes[rng.IntN(len(codes))], "plover": plovers[rng.IntN(len(plovers))]})
		}
		out = append(out, map[string]any{"id": g.ID, "events": evs})
	}
	return append(out, map[string]any{"id": "not-in-gold", "events": []any{}})
}

func TestScoreEventsAgreesWithReference(t *testing.T) {
	shared := sharedDir(t)
	python(t)
	dir := t.TempDir()
	script := filepath.Join(shared, "tools", "score_events.py")
	t.Run("fixture", func(t *testing.T) {
		want := runPython(t, script, "testdata/events_gold.jsonl", "testdata/events_pred.jsonl", "--json", "--per-source")
		compareJSON(t, want, mustJSON(t, ScoreEvents(readEventFile(t, "testdata/events_gold.jsonl"),
			readEventFile(t, "testdata/events_pred.jsonl"), true)))
	})
	gold := filepath.Join(shared, "data", "events", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("event gold absent: %v", err)
	}
	golds := readEventFile(t, gold)
	for _, seed := range []uint64{1, 2, 3} {
		pred := filepath.Join(dir, "pred.jsonl")
		writeJSONL(t, pred, perturbEvents(golds, seed))
		want := runPython(t, script, gold, pred, "--json", "--per-source")
		compareJSON(t, want, mustJSON(t, ScoreEvents(golds, readEventFile(t, pred), true)))
	}
	want := runPython(t, script, gold, gold, "--json")
	compareJSON(t, want, mustJSON(t, ScoreEvents(golds, golds, false)))
}

func TestEventErrorsListSentencesWithUnmatchedRoots(t *testing.T) {
	gold := readEventFile(t, "testdata/events_gold.jsonl")
	pred := readEventFile(t, "testdata/events_pred.jsonl")
	var ids []string
	for _, m := range EventErrors(gold, pred) {
		ids = append(ids, m.ID)
		if m.ID == "s1" && (m.Matched != 2 || len(m.GoldEvs) != 2 || len(m.PredEvs) != 3 || m.GoldEvs[0] != "057 AGREE RUR→-") {
			t.Errorf("s1: %+v", m)
		}
	}
	// s1 has a third, spurious event; s5 has no prediction; s2 and s3 match;
	// s4 and s6 have no CAMEO gold
	if want := []string{"s1", "s5"}; !slices.Equal(ids, want) {
		t.Errorf("sentences listed %v, want %v", ids, want)
	}
}
