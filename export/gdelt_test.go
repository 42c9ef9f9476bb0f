package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/parley-news/parley"
)

// sample is a small analysis: one reported event and one disputed claim.
func sample() *parley.Doc {
	txt := "Émile said Russia and the US agreed to reopen consulates in Geneva on Tuesday.\nThe Kremlin denied it."
	i := strings.Index(txt, "agreed")
	return &parley.Doc{
		Document: parley.Document{ID: "doc1", Text: txt, URL: "https://example.org/a", Published: time.Date(2025, 2, 19, 0, 0, 0, 0, time.UTC)},
		Entities: []parley.Entity{{Type: parley.Person, Name: "Émile"}, {Type: parley.Place, Name: "Russia"}, {Type: parley.Organization, Name: "Kremlin"}},
		Quotes: []parley.Quote{{Content: parley.Span{Start: strings.Index(txt, "Russia"), End: strings.Index(txt, "\n") - 1}, Speaker: 1, SpeakerName: "Émile"},
			{Content: parley.Span{Start: strings.Index(txt, "it."), End: strings.Index(txt, "it.") + 2}, Speaker: 3, SpeakerName: "Kremlin", Cue: "denied"}},
		Events: []parley.Event{{PLOVER: "AGREE", CAMEO: "032", CAMEORoot: "03", QuadClass: 1, Goldstein: 4.5,
			Source: 2, SourceCode: "RUSGOV", TargetCode: "USA", Evidence: parley.Span{Start: i, End: i + len("agreed to reopen consulates")},
			Date: time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC), DateText: "on Tuesday", ReportedIn: 1, Trigger: "agreed",
			Location: &parley.Location{Name: "Geneva", Country: "CH", Lat: 46.20222, Lon: 6.14569}}},
		Claims: []parley.Claim{{Text: "Russia and the US agreed to reopen consulates", Status: parley.Disputed,
			Stances: []parley.ClaimStance{{Source: 1, SourceName: "Émile", Stance: parley.Asserts, Quote: 1},
				{Source: 3, SourceName: "Kremlin", Stance: parley.Denies, Quote: 2}}}},
	}
}

func TestGDELTRowsFillKnownColumns(t *testing.T) {
	rows := GDELTRows(sample(), GDELTOptions{})
	if len(rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(rows))
	}
	r := rows[0]
	if len(r) != len(GDELTColumns) {
		t.Fatalf("row has %d fields, want %d", len(r), len(GDELTColumns))
	}
	col := map[string]string{}
	for i, c := range GDELTColumns {
		col[c] = r[i]
	}
	want := map[string]string{
		"Day": "20250218", "MonthYear": "202502", "Year": "2025", "Actor1Code": "RUSGOV", "Actor1Name": "Russia",
		"Actor1CountryCode": "RUS", "Actor2Code": "USA", "Actor2CountryCode": "USA", "IsRootEvent": "1",
		"EventCode": "032", "EventBaseCode": "032", "EventRootCode": "03", "QuadClass": "1", "GoldsteinScale": "4.5",
		"ActionGeo_FullName": "Geneva", "ActionGeo_CountryCode": "CH", "ActionGeo_Lat": "46.20222",
		"DATEADDED": "20250219000000", "SOURCEURL": "https://example.org/a", "QuoteID": "Q1", "SpeakerName": "Émile",
		"EvidenceStart": "29", "EvidenceEnd": "56", "Evidence": "agreed to reopen consulates", "PLOVER": "AGREE",
	}
	for k, v := range want {
		if col[k] != v {
			t.Errorf("%s = %q, want %q", k, col[k], v)
		}
	}
	if again := GDELTRows(sample(), GDELTOptions{}); again[0][0] != r[0] {
		t.Errorf("GlobalEventID not stable: %s vs %s", r[0], again[0][0])
	}
}

func TestGDELTWriterHeaderAndCleanFields(t *testing.T) {
	a := sample()
	a.Events[0].Trigger = "agreed\tto\nreopen"
	var b bytes.Buffer
	w := NewGDELTWriter(&b, GDELTOptions{Header: true})
	if err := w.Write(a); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&parley.Doc{}); err != nil { // no events: no rows, no second header
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want header + 1 row:\n%s", len(lines), b.String())
	}
	if lines[0] != strings.Join(GDELTColumns, "\t") {
		t.Errorf("bad header: %q", lines[0])
	}
	if n := len(strings.Split(lines[1], "\t")); n != len(GDELTColumns) {
		t.Errorf("row has %d fields, want %d (tabs in a field must be cleaned)", n, len(GDELTColumns))
	}
}

func TestCountryCodeSkipsRolesAndIGOs(t *testing.T) {
	for code, want := range map[string]string{"RUSGOV": "RUS", "USA": "USA", "GOV": "", "IGOUNO": "", "": "", "MILREB": ""} {
		if got := countryCode(code); got != want {
			t.Errorf("countryCode(%q) = %q, want %q", code, got, want)
		}
	}
}
