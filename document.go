package parley

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Document is one article: its text and what is known about where it came from.
type Document struct {
	ID        string    // caller's id, or derived from the content hash
	Text      string    // UTF-8 article body, paragraphs separated by newlines
	Title     string    // headline, if known
	URL       string    // canonical URL, if known
	Published time.Time // publication time; zero if unknown
	Outlet    string    // the publishing outlet or site name
	Author    string    // byline
	Language  string    // BCP 47 code, if known
	Source    string    // where parley read it: file path, WARC record, feed URL
	// Meta carries other fields of the input (for JSONL input: the unknown keys).
	Meta map[string]any
	// Repairs say what was done to the input to make Text of it (a legacy
	// encoding decoded, a byte-order mark dropped); the analysis reports
	// them among its warnings.
	Repairs []string
}

// ContentHash is the hex SHA-256 of the document text. Stores and ingest use
// it as the idempotency key: the same text is processed once.
func (d *Document) ContentHash() string {
	h := sha256.Sum256([]byte(d.Text))
	return hex.EncodeToString(h[:])
}
