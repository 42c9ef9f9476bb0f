package postgres

import (
	"context"
	"fmt"

	"github.com/parley-news/parley"
)

var _ parley.Versioned = (*Store)(nil)

// Version implements parley.Versioned: the epoch and write counter of the
// store_version row. It comes from the database, not from this process, so
// that the writes of every worker that shares the database change it; it
// is one primary-key read, with no lock.
func (s *Store) Version(ctx context.Context) (string, error) {
	var epoch string
	var writes int64
	if err := s.pool.QueryRow(ctx, "SELECT epoch, writes FROM store_version").Scan(&epoch, &writes); err != nil {
		return "", s.wrap("version", err)
	}
	return fmt.Sprintf("%s.%d", epoch, writes), nil
}

// bump raises the store's version. It is the last statement of a write
// transaction, so that the row lock it takes (which orders the commits of
// concurrent writers) is held as briefly as can be; a transaction that
// holds lockResolve took that first, so every writer takes the two in the
// same order.
func (w *writer) bump() error {
	if _, err := w.tx.Exec(w.ctx, "UPDATE store_version SET writes = writes + 1"); err != nil {
		return fmt.Errorf("version: %w", err)
	}
	return nil
}
