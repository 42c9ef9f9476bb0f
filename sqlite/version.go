package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-news/parley"
)

// versionPoll is how often Version asks SQLite whether another process
// wrote: so much later, at most, a running server sees an ingest made by
// another parley process. This process's own writes count at once.
const versionPoll = 50 * time.Millisecond

// versionCheck answers Version. Writes through this Store count themselves
// (writes); those of other processes show in SQLite's PRAGMA data_version,
// which changes, on a connection, whenever another connection commits. It is
// read on a connection of its own, which never writes, at most once every
// versionPoll: a query per request would be a lock that every request of a
// busy server waits for.
type versionCheck struct {
	writes atomic.Int64 // commits through this Store

	mu      sync.Mutex
	db      *sql.DB // one read-only connection
	conn    *sql.Conn
	checked time.Time
	data    int64 // data_version when checked
	// seen is the write count when data_version was last read: a write
	// through this Store also moves data_version, so it is read again at
	// once, or the change of one write would show in two steps, the second
	// up to versionPoll later, while nothing is written.
	seen int64
	// epoch counts the connections used: a new one's data_version counts
	// from its own start, so the epoch keeps versions from repeating.
	epoch int64
}

var _ parley.Versioned = (*Store)(nil)

// Version implements parley.Versioned. Another process's writes change it
// within versionPoll.
func (s *Store) Version(ctx context.Context) (string, error) {
	v := &s.ver
	// Read the count first: a write that commits while the data version is
	// read must not be hidden behind it.
	writes := v.writes.Load()
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.conn == nil || writes != v.seen || time.Since(v.checked) >= versionPoll {
		if err := v.check(ctx); err != nil {
			return "", s.wrap("version", err)
		}
		v.seen = writes
	}
	return fmt.Sprintf("%d.%d.%d", v.epoch, v.data, writes), nil
}

func (v *versionCheck) check(ctx context.Context) error {
	if v.conn == nil {
		c, err := v.db.Conn(ctx)
		if err != nil {
			return err
		}
		v.conn = c
		v.epoch++
	}
	if err := v.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v.data); err != nil {
		v.conn.Close()
		v.conn = nil
		return err
	}
	v.checked = time.Now()
	return nil
}

func (v *versionCheck) close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.conn != nil {
		v.conn.Close()
		v.conn = nil
	}
	if v.db == nil {
		return nil
	}
	return v.db.Close()
}
