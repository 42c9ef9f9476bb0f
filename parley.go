// Package parley holds the domain types of parley, a news statement and event
// extraction engine: the Doc that every stage reads and adds to (tokens with
// their syntax, sentences, entity mentions, entities, quotes, events,
// claims), and the interfaces (Store) that the adapter packages implement.
//
// Positions inside the domain types are byte offsets into Document.Text (like
// go/token.Pos). Every JSON output converts them to Unicode code-point offsets
// in one place, package export (with package text's Offsets).
package parley

import "fmt"

// Version identifies the extractor. Stored analyses record it so that a newer
// extractor can reprocess what an older one produced.
const Version = "0.1.0"

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// IsZero reports whether the span is empty at offset 0 (unset).
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Error is an error tied to one input (a file, a line of a JSONL file, a
// record of an archive), so that a batch can report what failed and where
// and carry on.
type Error struct {
	Source string // file name, URL or other locator
	Where  string // line, record or byte position inside Source, if known
	Err    error
}

func (e *Error) Error() string {
	if e.Where != "" {
		return fmt.Sprintf("%s:%s: %v", e.Source, e.Where, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
