package parley

import (
	"context"
	"errors"
)

// ErrNotFound is returned by a Store when the requested record does not exist.
var ErrNotFound = errors.New("not found")

// Store keeps analyses and answers queries over them. Writes are idempotent
// on the document's content hash: putting the same text twice stores it once.
// Implementations: package sqlite (embedded default), package postgres.
type Store interface {
	// PutAnalysis stores a (new) analysis. It reports false when an analysis of
	// the same content hash and extractor version was already stored.
	PutAnalysis(ctx context.Context, a *Analysis) (bool, error)
	// HasContent reports whether a document with this content hash is stored.
	HasContent(ctx context.Context, contentHash string) (bool, error)
	Close() error
}
