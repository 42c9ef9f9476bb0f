package postgres

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
)

// This file is the mapping between parley's domain types and the rows of
// the tables: what changes when the domain types change.

// articleID is the stable public id of a document: a prefix of its content
// hash, the same as the sqlite store's, so that it is the same in every
// database that stores the text.
func articleID(hash string) string { return hash[:16] }

// clean makes a string storable: PostgreSQL text holds neither NUL nor
// invalid UTF-8. NUL becomes U+FFFD, one code point for one, so that the
// code-point offsets of the analysis still hold.
func clean(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// prepared is an analysis with its rows computed before the transaction.
type prepared struct {
	a        *parley.Doc
	hash     string // of the text as given, the idempotency key
	doc      export.Document
	analysis string
	meta     string
	runes    []rune // the text, for evidence substrings
}

func prepare(a *parley.Doc) (*prepared, error) {
	d := export.FromAnalysis(a, export.Options{})
	js, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("postgres: document %q: encode analysis: %w", a.Document.ID, err)
	}
	p := &prepared{a: a, hash: a.Document.ContentHash(), doc: d, analysis: clean(string(js))}
	if len(a.Document.Meta) > 0 {
		m, err := json.Marshal(a.Document.Meta)
		if err != nil {
			return nil, fmt.Errorf("postgres: document %q: encode metadata: %w", a.Document.ID, err)
		}
		p.meta = clean(string(m))
	}
	p.runes = []rune(a.Document.Text)
	return p, nil
}

// published is the article's date for the row, or nil when unknown.
func published(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// documentRow is the documents row of p, in documentCols order.
func documentRow(p *prepared) []any {
	d := p.a.Document
	return []any{articleID(p.hash), p.hash, parley.Version, clean(d.ID), clean(d.Title), clean(d.URL), clean(d.Outlet),
		clean(d.Author), clean(d.Language), published(d.Published), clean(d.Source), p.meta, clean(d.Text), p.analysis,
		len(p.a.Quotes), len(p.a.Events), len(p.a.Claims)}
}

var documentCols = []string{"article_id", "content_hash", "version", "source_id", "title", "url", "outlet",
	"author", "language", "published", "source", "meta", "text", "analysis", "n_quotes", "n_events", "n_claims"}

// quoteRows are the quotes rows of document docID, in quoteCols order.
func quoteRows(docID int64, p *prepared) [][]any {
	pub := published(p.a.Document.Published)
	rows := make([][]any, 0, len(p.doc.Quotes))
	for _, q := range p.doc.Quotes {
		name := clean(deref(q.SpeakerName))
		rows = append(rows, []any{docID, q.ID, q.Type, clean(q.Content), q.Start, q.End, deref(q.Speaker), name,
			normKey(name), q.Cue, clean(deref(q.Channel)), clean(deref(q.ReportedBy)), deref(q.NestedIn), q.Anonymous, pub})
	}
	return rows
}

var quoteCols = []string{"document", "local_id", "type", "content", "span_start", "span_end", "speaker", "speaker_name",
	"speaker_norm", "cue", "channel", "reported_by", "nested_in", "anonymous", "published"}

// eventRows are the events rows of document docID, in eventCols order.
func eventRows(docID int64, p *prepared) [][]any {
	a, d := p.a, p.a.Document
	rows := make([][]any, 0, len(p.doc.Events))
	for i, e := range p.doc.Events {
		var date any
		if t, err := time.Parse(time.DateOnly, e.Date); err == nil {
			date = t
		} else if !d.Published.IsZero() {
			date = d.Published.UTC().Truncate(24 * time.Hour)
		}
		var loc, country string
		var lat, lon any
		if e.Location != nil {
			loc, country = e.Location.Name, e.Location.Country
			if e.Location.Lat != 0 || e.Location.Lon != 0 {
				lat, lon = e.Location.Lat, e.Location.Lon
			}
		}
		rows = append(rows, []any{docID, e.ID, e.PLOVER, e.PLOVERMode, e.CAMEO, e.QuadClass, e.Goldstein,
			deref(e.Source), deref(e.Target), clean(entityName(a, a.Events[i].Source)), clean(entityName(a, a.Events[i].Target)),
			e.SourceCode, e.TargetCode, clean(loc), country, lat, lon, date,
			clean(substr(p.runes, e.Evidence.Start, e.Evidence.End)), e.Evidence.Start, e.Evidence.End, deref(e.ReportedIn), e.Negated})
	}
	return rows
}

var eventCols = []string{"document", "local_id", "plover", "plover_mode", "cameo", "quad_class", "goldstein",
	"source", "target", "source_name", "target_name", "source_code", "target_code", "location", "country", "lat", "lon",
	"date", "evidence", "span_start", "span_end", "reported_in", "negated"}

// docEntityRow is the doc_entities row linking article entity e to entity.
func docEntityRow(docID int64, localID string, e parley.Entity, entity int64, reason string, keys []string) []any {
	roles, _ := json.Marshal(nonNil(e.Roles))
	aliases, _ := json.Marshal(nonNil(e.Aliases))
	return []any{docID, localID, entity, string(e.Type), clean(e.Name), clean(e.Affiliation), clean(string(roles)), reason,
		clean(string(aliases)), clean(strings.Join(keys, "\n"))}
}

var docEntityCols = []string{"document", "local_id", "entity", "type", "name", "affiliation", "roles", "reason", "aliases", "keys"}

// stanceRow is the stances row of one stance on claim.
func stanceRow(claim, docID int64, st export.Stance, runes []rune) []any {
	return []any{claim, docID, st.Source, clean(st.SourceName), st.Stance, st.Quote,
		clean(substr(runes, st.Evidence.Start, st.Evidence.End))}
}

var stanceCols = []string{"claim", "document", "source", "source_name", "stance", "quote", "evidence"}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func substr(runes []rune, start, end int) string {
	start, end = max(0, start), min(len(runes), end)
	if start >= end {
		return ""
	}
	return string(runes[start:end])
}

func entityName(a *parley.Doc, id parley.EntityRef) string {
	if e := a.Entity(id); e != nil {
		return e.Name
	}
	return ""
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// isNetErr reports a broken or refused connection.
func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}
