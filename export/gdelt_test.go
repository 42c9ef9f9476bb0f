package export

import (
	"bytes"
	"strconv"
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

// The positions below are the GDELT 2.0 Event Database Codebook's, written
// out independently of data/gdelt_*.tsv (0-based).
var codebookEvents = map[int]string{0: "GlobalEventID", 1: "Day", 2: "MonthYear", 3: "Year", 4: "FractionDate",
	5: "Actor1Code", 6: "Actor1Name", 7: "Actor1CountryCode", 8: "Actor1KnownGroupCode", 12: "Actor1Type1Code",
	15: "Actor2Code", 17: "Actor2CountryCode", 25: "IsRootEvent", 26: "EventCode", 27: "EventBaseCode",
	28: "EventRootCode", 29: "QuadClass", 30: "GoldsteinScale", 31: "NumMentions", 34: "AvgTone",
	35: "Actor1Geo_Type", 39: "Actor1Geo_ADM2Code", 43: "Actor2Geo_Type", 51: "ActionGeo_Type", 52: "ActionGeo_FullName",
	53: "ActionGeo_CountryCode", 56: "ActionGeo_Lat", 57: "ActionGeo_Long", 58: "ActionGeo_FeatureID",
	59: "DATEADDED", 60: "SOURCEURL"}

var codebookMentions = map[int]string{0: "GlobalEventID", 1: "EventTimeDate", 2: "MentionTimeDate", 3: "MentionType",
	4: "MentionSourceName", 5: "MentionIdentifier", 6: "SentenceID", 7: "Actor1CharOffset", 8: "Actor2CharOffset",
	9: "ActionCharOffset", 10: "InRawText", 11: "Confidence", 12: "MentionDocLen", 13: "MentionDocTone",
	14: "MentionDocTranslationInfo", 15: "Extras"}

func TestGDELTTablesHaveTheCodebookLayout(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cols  []string
		n     int
		names map[int]string
	}{{"events", GDELTEventColumns(), 61, codebookEvents}, {"mentions", GDELTMentionColumns(), 16, codebookMentions}} {
		if len(tc.cols) != tc.n {
			t.Errorf("%s table has %d columns, want %d", tc.name, len(tc.cols), tc.n)
			continue
		}
		for i, want := range tc.names {
			if tc.cols[i] != want {
				t.Errorf("%s column %d is %q, want %q", tc.name, i+1, tc.cols[i], want)
			}
		}
	}
}

func TestGDELTRowsFillTheirPositions(t *testing.T) {
	a := sample()
	txt := a.Document.Text
	ru := strings.Index(txt, "Russia")
	a.Mentions = []parley.Mention{{Span: parley.Span{Start: ru, End: ru + len("Russia")}, Entity: 2, Kind: parley.NameMention}}
	a.Events[0].Location.Entity = a.AddEntity(parley.Entity{Type: parley.Place, Kind: "city", Name: "Geneva"})
	a.Events[0].Evidence.Start = ru // "Russia and the US agreed to reopen consulates"
	rs := GDELTTables(a, GDELTOptions{})
	if len(rs.Events) != 1 || len(rs.Mentions) != 1 || len(rs.Extras) != 1 {
		t.Fatalf("rows: %d events, %d mentions, %d extras; want 1 each", len(rs.Events), len(rs.Mentions), len(rs.Extras))
	}
	ev, men, ex := rs.Events[0], rs.Mentions[0], rs.Extras[0]
	if len(ev) != 61 || len(men) != 16 || len(ex) != len(GDELTExtraColumns()) {
		t.Fatalf("row widths %d, %d, %d", len(ev), len(men), len(ex))
	}
	wantEv := map[int]string{1: "20250218", 2: "202502", 3: "2025", 4: "2025.2137", 5: "RUSGOV", 6: "RUSSIA",
		7: "RUS", 12: "GOV", 15: "USA", 17: "USA", 22: "", 25: "1", 26: "032", 27: "032", 28: "03", 29: "1", 30: "4.5",
		31: "1", 34: "", 51: "4", 52: "Geneva", 53: "CH", 56: "46.20222", 57: "6.14569", 59: "20250219000000",
		60: "https://example.org/a"}
	for i, want := range wantEv {
		if ev[i] != want {
			t.Errorf("events column %d (%s) = %q, want %q", i+1, codebookEvents[i], ev[i], want)
		}
	}
	// "Émile said " is 11 code points (12 bytes): offsets are code points.
	wantMen := map[int]string{0: ev[0], 1: "20250219000000", 2: "20250219000000", 3: "1", 4: "example.org",
		5: "https://example.org/a", 6: "1", 7: "11", 8: "-1", 9: "29", 10: "1", 11: "", 12: strconv.Itoa(len([]rune(txt)))}
	for i, want := range wantMen {
		if men[i] != want {
			t.Errorf("mentions column %d (%s) = %q, want %q", i+1, codebookMentions[i], men[i], want)
		}
	}
	extra := map[string]string{}
	for i, c := range GDELTExtraColumns() {
		extra[c] = ex[i]
	}
	for k, v := range map[string]string{"GlobalEventID": ev[0], "QuoteID": "Q1", "SpeakerName": "Émile", "PLOVER": "AGREE",
		"EvidenceStart": "11", "EvidenceEnd": "56", "Evidence": "Russia and the US agreed to reopen consulates", "Negated": "0"} {
		if extra[k] != v {
			t.Errorf("extras %s = %q, want %q", k, extra[k], v)
		}
	}
	if again := GDELTTables(a, GDELTOptions{}); again.Events[0][0] != ev[0] {
		t.Errorf("GlobalEventID not stable: %s vs %s", ev[0], again.Events[0][0])
	}
}

func TestGDELTWriterHeaderAndCleanFields(t *testing.T) {
	a := sample()
	a.Events[0].Trigger = "agreed\tto\nreopen"
	var evb, menb, exb bytes.Buffer
	w := NewGDELTWriter(GDELTOutputs{Events: &evb, Mentions: &menb, Extras: &exb}, GDELTOptions{Header: true})
	if err := w.Write(a); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&parley.Doc{}); err != nil { // no events: no rows, no second header
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		b    *bytes.Buffer
		cols []string
	}{{"events", &evb, GDELTEventColumns()}, {"mentions", &menb, GDELTMentionColumns()}, {"extras", &exb, GDELTExtraColumns()}} {
		lines := strings.Split(strings.TrimSuffix(tc.b.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%s: %d lines, want header + 1 row:\n%s", tc.name, len(lines), tc.b.String())
		}
		if lines[0] != strings.Join(tc.cols, "\t") {
			t.Errorf("%s: bad header %q", tc.name, lines[0])
		}
		if n := len(strings.Split(lines[1], "\t")); n != len(tc.cols) {
			t.Errorf("%s row has %d fields, want %d (tabs in a field must be cleaned)", tc.name, n, len(tc.cols))
		}
	}
}

func TestGDELTWriterWritesNoHeaderByDefault(t *testing.T) {
	var b bytes.Buffer
	w := NewGDELTWriter(GDELTOutputs{Events: &b}, GDELTOptions{})
	w.Write(sample())
	w.Flush()
	if strings.HasPrefix(b.String(), "GlobalEventID") || strings.Count(b.String(), "\n") != 1 {
		t.Errorf("want one data row and no header, got %q", b.String())
	}
}
