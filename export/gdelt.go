package export

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// GDELTColumns are the columns of parley's GDELT-style event table: the
// GDELT 2.0 Events fields that parley knows, under GDELT's names and in
// GDELT's order, followed by parley's provenance columns. docs/exports.md
// documents each.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year",
	"Actor1Code", "Actor1Name", "Actor1CountryCode",
	"Actor2Code", "Actor2Name", "Actor2CountryCode",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
	"DATEADDED", "SOURCEURL",
	// parley provenance
	"ParleyDocID", "ParleyEventID", "PLOVER", "PLOVERMode", "Actor1EntityID", "Actor2EntityID",
	"QuoteID", "SpeakerID", "SpeakerName", "ReportedBy", "EvidenceStart", "EvidenceEnd", "Evidence",
	"DateText", "Trigger",
}

// GDELTOptions control the event table.
type GDELTOptions struct {
	// Header writes the column names as the first row (GDELT's own files
	// have none).
	Header bool
	// Added is the DATEADDED timestamp; zero uses the publication date, so
	// that the same input gives the same output.
	Added time.Time
}

// GDELTWriter writes events of analyses as tab-separated rows.
type GDELTWriter struct {
	w      *bufio.Writer
	opts   GDELTOptions
	header bool
}

// NewGDELTWriter returns a writer of GDELT-style rows to w.
func NewGDELTWriter(w io.Writer, o GDELTOptions) *GDELTWriter {
	return &GDELTWriter{w: bufio.NewWriter(w), opts: o}
}

// Write writes one row per event of a.
func (g *GDELTWriter) Write(a *parley.Doc) error {
	if g.opts.Header && !g.header {
		g.header = true
		if _, err := g.w.WriteString(strings.Join(GDELTColumns, "\t") + "\n"); err != nil {
			return err
		}
	}
	for _, row := range GDELTRows(a, g.opts) {
		if _, err := g.w.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes any buffered rows.
func (g *GDELTWriter) Flush() error { return g.w.Flush() }

// GDELTRows returns the rows (in GDELTColumns order) for the events of a.
// Offsets are Unicode code points. Fields are cleaned of tabs and newlines.
func GDELTRows(a *parley.Doc, o GDELTOptions) [][]string {
	if len(a.Events) == 0 {
		return nil
	}
	src := a.Text
	off := text.NewOffsets(src)
	// The lead is the first non-empty line.
	lead := len(src) - len(strings.TrimLeft(src, " \t\r\n"))
	firstPara := strings.IndexByte(src[lead:], '\n')
	if firstPara < 0 {
		firstPara = len(src)
	} else {
		firstPara += lead
	}
	added := o.Added
	if added.IsZero() {
		added = a.Published
	}
	rows := make([][]string, 0, len(a.Events))
	for i, e := range a.Events {
		id := parley.EventID(i)
		day := e.Date
		if day.IsZero() {
			day = a.Published
		}
		r := make([]string, 0, len(GDELTColumns))
		r = append(r, strconv.FormatInt(globalID(a.ID, id), 10))
		if day.IsZero() {
			r = append(r, "", "", "")
		} else {
			r = append(r, day.Format("20060102"), day.Format("200601"), day.Format("2006"))
		}
		r = append(r, e.SourceCode, entityName(a, e.Source), countryCode(e.SourceCode))
		r = append(r, e.TargetCode, entityName(a, e.Target), countryCode(e.TargetCode))
		root := "0"
		if e.Evidence.Start < firstPara {
			root = "1"
		}
		base := e.CAMEO
		if len(base) > 3 {
			base = base[:3]
		}
		r = append(r, root, e.CAMEO, base, e.CAMEORoot, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', 1, 64))
		if l := e.Location; l != nil {
			r = append(r, l.Name, l.Country, strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64))
		} else {
			r = append(r, "", "", "", "")
		}
		if added.IsZero() {
			r = append(r, "")
		} else {
			r = append(r, added.UTC().Format("20060102150405"))
		}
		url := a.URL
		if url == "" {
			url = a.Source
		}
		r = append(r, url)
		var sid, sname, rb string
		if q := a.Quote(e.ReportedIn); q != nil {
			sid, sname, rb = q.Speaker.ID(), q.SpeakerName, q.ReportedBy
		}
		ev := ""
		if e.Evidence.End <= len(src) && e.Evidence.Start <= e.Evidence.End {
			ev = src[e.Evidence.Start:e.Evidence.End]
		}
		r = append(r, a.ID, id, e.PLOVER, e.PLOVERMode, e.Source.ID(), e.Target.ID(),
			e.ReportedIn.ID(), sid, sname, rb,
			strconv.Itoa(off.CodePoint(e.Evidence.Start)), strconv.Itoa(off.CodePoint(e.Evidence.End)), ev,
			e.DateText, e.Trigger)
		for i := range r {
			r[i] = clean(r[i])
		}
		rows = append(rows, r)
	}
	return rows
}

// globalID is a stable positive 63-bit id for an event of a document:
// GDELT ids are integers, and parley's must not depend on processing order.
func globalID(doc, ev string) int64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s", doc, ev)
	return int64(h.Sum64() >> 1)
}

func entityName(a *parley.Doc, id parley.EntityRef) string {
	if e := a.Entity(id); e != nil {
		return e.Name
	}
	return ""
}

// countryCode is the country part of a CAMEO actor code, or "" when the
// code starts with a role or an international organisation.
func countryCode(code string) string {
	if len(code) < 3 {
		return ""
	}
	switch c := code[:3]; c {
	case "GOV", "MIL", "COP", "JUD", "SPY", "LEG", "REB", "OPP", "MED", "BUS", "CVL", "EDU", "ELI", "LAB",
		"REF", "UAF", "PTY", "HLH", "AGR", "CRM", "RAD", "MOD", "INS", "PPL", "IGO", "NGO", "IMG", "MNC":
		return ""
	default:
		return c
	}
}

// clean removes what would break a TSV row.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\r', '\n':
			return ' '
		}
		return r
	}, s)
}
