package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/text"
)

// The table layouts: the GDELT 2.0 Events (61 columns) and Mentions (16)
// tables of the GDELT 2.0 Event Database Codebook, and parley's extras
// table that goes with them; each file names its columns in order and says
// what parley writes in each. docs/exports.md is their documentation.
var (
	//go:embed data/gdelt_events.tsv
	gdeltEventsTSV string
	//go:embed data/gdelt_mentions.tsv
	gdeltMentionsTSV string
	//go:embed data/gdelt_extras.tsv
	gdeltExtrasTSV string
	//go:embed data/cameo_actor_types.tsv
	actorTypesTSV string
)

// gdeltTables is the parsed layout data, read once.
var gdeltTables = sync.OnceValue(func() tables {
	return tables{
		events: firstColumn(gdeltEventsTSV), mentions: firstColumn(gdeltMentionsTSV),
		extras: firstColumn(gdeltExtrasTSV), actorTypes: set(firstColumn(actorTypesTSV)),
	}
})

type tables struct {
	events, mentions, extras []string
	actorTypes               map[string]bool
}

// firstColumn returns the first field of each data line of a TSV file
// (comments and the header line skipped).
func firstColumn(tsv string) []string {
	var out []string
	header := true
	for line := range strings.Lines(tsv) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		out = append(out, name)
	}
	return out
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// GDELTEventColumns returns the 61 columns of the GDELT 2.0 Events table.
func GDELTEventColumns() []string { return gdeltTables().events }

// GDELTMentionColumns returns the 16 columns of the GDELT 2.0 Mentions table.
func GDELTMentionColumns() []string { return gdeltTables().mentions }

// GDELTExtraColumns returns the columns of parley's extras table: the
// provenance GDELT has no column for, keyed by GlobalEventID.
func GDELTExtraColumns() []string { return gdeltTables().extras }

// GDELTOptions control the event tables.
type GDELTOptions struct {
	// Header writes the column names as the first row of each table.
	// GDELT's own files have none, and its readers load columns by
	// position, so it is off by default.
	Header bool
	// Added is the DATEADDED timestamp; zero uses the publication date, so
	// that the same input gives the same output.
	Added time.Time
}

// GDELTOutputs are where the three tables go; a nil writer skips its table.
type GDELTOutputs struct {
	Events, Mentions, Extras io.Writer
}

// GDELTWriter writes the events of analyses as rows of the GDELT 2.0
// Events and Mentions tables and of parley's extras table.
type GDELTWriter struct {
	out    [3]*bufio.Writer
	cols   [3][]string
	opts   GDELTOptions
	header bool
}

// NewGDELTWriter returns a writer of the tables to out.
func NewGDELTWriter(out GDELTOutputs, o GDELTOptions) *GDELTWriter {
	t := gdeltTables()
	g := &GDELTWriter{opts: o, cols: [3][]string{t.events, t.mentions, t.extras}}
	for i, w := range []io.Writer{out.Events, out.Mentions, out.Extras} {
		if w != nil {
			g.out[i] = bufio.NewWriter(w)
		}
	}
	return g
}

// Write writes the rows of the events of a to each table.
func (g *GDELTWriter) Write(a *parley.Doc) error {
	if g.opts.Header && !g.header {
		g.header = true
		for i, w := range g.out {
			if w != nil {
				if _, err := w.WriteString(strings.Join(g.cols[i], "\t") + "\n"); err != nil {
					return err
				}
			}
		}
	}
	t := GDELTTables(a, g.opts)
	for i, rows := range [3][][]string{t.Events, t.Mentions, t.Extras} {
		if g.out[i] == nil {
			continue
		}
		for _, row := range rows {
			if _, err := g.out[i].WriteString(strings.Join(row, "\t") + "\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

// Flush writes any buffered rows.
func (g *GDELTWriter) Flush() error {
	for _, w := range g.out {
		if w != nil {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// GDELTRowSet is the rows of the three tables for one analysis: row i of
// each is event i.
type GDELTRowSet struct {
	Events, Mentions, Extras [][]string
}

// GDELTTables returns the rows of the events of a, in the column order of
// GDELTEventColumns, GDELTMentionColumns and GDELTExtraColumns. Offsets
// are Unicode code points; fields are cleaned of tabs and newlines.
func GDELTTables(a *parley.Doc, o GDELTOptions) GDELTRowSet {
	var rs GDELTRowSet
	if len(a.Events) == 0 {
		return rs
	}
	c := newGDELTContext(a, o)
	for i := range a.Events {
		ev, men, ex := c.rows(i)
		rs.Events = append(rs.Events, ev)
		rs.Mentions = append(rs.Mentions, men)
		rs.Extras = append(rs.Extras, ex)
	}
	return rs
}

// gdeltContext is what the rows of one analysis share.
type gdeltContext struct {
	a         *parley.Doc
	t         tables
	off       *text.Offsets
	sentences *parley.Doc // a.Tokens and a.Sentences, or the text segmented again
	firstPara int         // byte offset where the lead paragraph ends
	added     time.Time
}

func newGDELTContext(a *parley.Doc, o GDELTOptions) *gdeltContext {
	src := a.Document.Text
	c := &gdeltContext{a: a, t: gdeltTables(), off: text.NewOffsets(src), sentences: a, added: o.Added}
	if len(a.Tokens) == 0 { // an analysis read back from JSON
		c.sentences = text.SegmentString(src)
	}
	// The lead is the first non-empty line.
	lead := len(src) - len(strings.TrimLeft(src, " \t\r\n"))
	if i := strings.IndexByte(src[lead:], '\n'); i >= 0 {
		c.firstPara = lead + i
	} else {
		c.firstPara = len(src)
	}
	if c.added.IsZero() {
		c.added = a.Document.Published
	}
	return c
}

// row is one table row being filled by column name.
type row struct {
	cols []string
	vals map[string]string
}

func (r row) set(col, v string) { r.vals[col] = v }

func (r row) fields() []string {
	out := make([]string, len(r.cols))
	for i, c := range r.cols {
		out[i] = clean(r.vals[c])
	}
	return out
}

func newRow(cols []string) row { return row{cols: cols, vals: make(map[string]string, len(cols))} }

func (c *gdeltContext) rows(i int) (events, mentions, extras []string) {
	e := &c.a.Events[i]
	id := strconv.FormatInt(globalID(c.a.Document.ID, parley.EventID(i)), 10)
	added := ""
	if !c.added.IsZero() {
		added = c.added.UTC().Format("20060102150405")
	}
	ev := newRow(c.t.events)
	ev.set("GlobalEventID", id)
	c.eventFields(ev, e, added)
	men := newRow(c.t.mentions)
	men.set("GlobalEventID", id)
	c.mentionFields(men, e, added)
	ex := newRow(c.t.extras)
	ex.set("GlobalEventID", id)
	ex.set("ParleyEventID", parley.EventID(i))
	c.extraFields(ex, e)
	return ev.fields(), men.fields(), ex.fields()
}

func (c *gdeltContext) eventFields(r row, e *parley.Event, added string) {
	day := e.Date
	if day.IsZero() {
		day = c.a.Document.Published
	}
	if !day.IsZero() {
		r.set("Day", day.Format("20060102"))
		r.set("MonthYear", day.Format("200601"))
		r.set("Year", day.Format("2006"))
		frac := float64(int(day.Month())*30+day.Day()) / 365
		r.set("FractionDate", strconv.FormatFloat(float64(day.Year())+frac, 'f', 4, 64))
	}
	c.actorFields(r, "Actor1", e.SourceCode, e.Source)
	c.actorFields(r, "Actor2", e.TargetCode, e.Target)
	r.set("IsRootEvent", boolField(e.Evidence.Start < c.firstPara))
	r.set("EventCode", e.CAMEO)
	r.set("EventBaseCode", e.CAMEO[:min(len(e.CAMEO), 3)])
	r.set("EventRootCode", e.CAMEORoot)
	r.set("QuadClass", strconv.Itoa(e.QuadClass))
	r.set("GoldsteinScale", strconv.FormatFloat(e.Goldstein, 'f', 1, 64))
	for _, n := range []string{"NumMentions", "NumSources", "NumArticles"} {
		r.set(n, "1")
	}
	if l := e.Location; l != nil {
		r.set("ActionGeo_Type", c.geoType(l))
		r.set("ActionGeo_FullName", l.Name)
		r.set("ActionGeo_CountryCode", l.Country)
		r.set("ActionGeo_Lat", strconv.FormatFloat(l.Lat, 'f', -1, 64))
		r.set("ActionGeo_Long", strconv.FormatFloat(l.Lon, 'f', -1, 64))
	}
	r.set("DATEADDED", added)
	r.set("SOURCEURL", c.sourceURL())
}

func (c *gdeltContext) sourceURL() string {
	if c.a.Document.URL != "" {
		return c.a.Document.URL
	}
	return c.a.Document.Source
}

// actorFields splits a CAMEO actor code into GDELT's country and type
// columns: "RUSGOVMIL" is country RUS, types GOV and MIL.
func (c *gdeltContext) actorFields(r row, prefix, code string, entity parley.EntityRef) {
	r.set(prefix+"Code", code)
	if e := c.a.Entity(entity); e != nil {
		r.set(prefix+"Name", strings.ToUpper(e.Name))
	}
	var types []string
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch {
		case c.t.actorTypes[part]:
			types = append(types, part)
		case i == 0:
			r.set(prefix+"CountryCode", part)
		}
	}
	for i, t := range types[:min(len(types), 3)] {
		r.set(fmt.Sprintf("%sType%dCode", prefix, i+1), t)
	}
}

// geoType is GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city,
// 4 world city, 5 world state; "" when the place's kind is not known.
func (c *gdeltContext) geoType(l *parley.Location) string {
	e := c.a.Entity(l.Entity)
	if e == nil {
		return ""
	}
	us := l.Country == "US"
	switch e.Kind {
	case "country":
		return "1"
	case "city":
		return map[bool]string{true: "3", false: "4"}[us]
	case "region":
		return map[bool]string{true: "2", false: "5"}[us]
	}
	return ""
}

func (c *gdeltContext) mentionFields(r row, e *parley.Event, added string) {
	d := c.a.Document
	r.set("EventTimeDate", added)
	if !d.Published.IsZero() {
		r.set("MentionTimeDate", d.Published.UTC().Format("20060102150405"))
	} else {
		r.set("MentionTimeDate", added)
	}
	r.set("MentionType", "1")
	name := d.Outlet
	if u, err := url.Parse(d.URL); name == "" && err == nil {
		name = u.Hostname()
	}
	r.set("MentionSourceName", name)
	r.set("MentionIdentifier", c.sourceURL())
	if tok := c.sentences.TokenAt(e.Evidence.Start); tok < len(c.sentences.Tokens) {
		r.set("SentenceID", strconv.Itoa(c.sentences.SentenceOf(tok)+1))
	}
	a1, raw1 := c.actorOffset(e.Source, e.Evidence)
	a2, raw2 := c.actorOffset(e.Target, e.Evidence)
	r.set("Actor1CharOffset", strconv.Itoa(a1))
	r.set("Actor2CharOffset", strconv.Itoa(a2))
	r.set("ActionCharOffset", strconv.Itoa(c.off.CodePoint(c.triggerAt(e))))
	r.set("InRawText", boolField(raw1 && raw2))
	r.set("MentionDocLen", strconv.Itoa(c.off.CodePoint(len(d.Text))))
}

// actorOffset is the code-point offset of the first mention of entity id
// inside the evidence (-1 when there is none), and whether the actor is
// named there rather than found by coreference; an event without that
// actor counts as named.
func (c *gdeltContext) actorOffset(id parley.EntityRef, ev parley.Span) (int, bool) {
	if id == 0 {
		return -1, true
	}
	for _, m := range c.a.MentionsOf(id) {
		if ev.Contains(m.Span) {
			return c.off.CodePoint(m.Span.Start), m.Kind == parley.NameMention
		}
	}
	return -1, false
}

// triggerAt is the byte offset of the event's trigger word in its
// evidence, else the evidence start.
func (c *gdeltContext) triggerAt(e *parley.Event) int {
	src := c.a.Document.Text
	if e.Trigger == "" || e.Evidence.End > len(src) || e.Evidence.Start > e.Evidence.End {
		return e.Evidence.Start
	}
	if i := strings.Index(strings.ToLower(src[e.Evidence.Start:e.Evidence.End]), strings.ToLower(e.Trigger)); i >= 0 {
		return e.Evidence.Start + i
	}
	return e.Evidence.Start
}

func (c *gdeltContext) extraFields(r row, e *parley.Event) {
	src := c.a.Document.Text
	r.set("ParleyDocID", c.a.Document.ID)
	r.set("PLOVER", e.PLOVER)
	r.set("PLOVERMode", e.PLOVERMode)
	r.set("Actor1EntityID", e.Source.ID())
	r.set("Actor2EntityID", e.Target.ID())
	r.set("QuoteID", e.ReportedIn.ID())
	if q := c.a.Quote(e.ReportedIn); q != nil {
		r.set("SpeakerID", q.Speaker.ID())
		r.set("SpeakerName", q.SpeakerName)
		r.set("ReportedBy", q.ReportedBy)
	}
	r.set("EvidenceStart", strconv.Itoa(c.off.CodePoint(e.Evidence.Start)))
	r.set("EvidenceEnd", strconv.Itoa(c.off.CodePoint(e.Evidence.End)))
	if e.Evidence.End <= len(src) && e.Evidence.Start <= e.Evidence.End {
		r.set("Evidence", src[e.Evidence.Start:e.Evidence.End])
	}
	r.set("DateText", e.DateText)
	r.set("Trigger", e.Trigger)
	r.set("Negated", boolField(e.Negated))
}

func boolField(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// globalID is a stable positive 63-bit id for an event of a document:
// GDELT ids are integers, and parley's must not depend on processing order.
func globalID(doc, ev string) int64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s", doc, ev)
	return int64(h.Sum64() >> 1)
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
