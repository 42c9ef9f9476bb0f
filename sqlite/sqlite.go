// Package sqlite is parley's embedded default Store: one SQLite file in WAL
// mode, with versioned schema migrations and FTS5 full-text search over
// article text and quote content.
//
// It uses modernc.org/sqlite, a pure-Go SQLite, so that building parley needs
// no C toolchain. (github.com/ncruces/go-sqlite3 v0.37.0, the other pure-Go
// choice, was measured too: its default build has no FTS5, which parley
// needs; modernc.org/sqlite stored 5,400 documents/s with ten FTS-indexed
// quotes each in batches of 100 on this project's 2-core machine.)
//
// Writes go through one connection (SQLite has one writer at a time) in
// batch transactions; reads use a small pool that WAL lets run beside the
// writer. Measured on the shared news corpus (2,226 articles) on 2 cores:
// PutAnalyses in batches of 100 stores 500-700 articles/s (about 1 ms of CPU
// an article, most of it SQLite; BenchmarkPutAnalyses), extraction and store
// together 500-650 articles/s (BenchmarkIngestWithExtraction, batches
// written by their own goroutine); the database takes 16-17.5 MiB per 1,000
// articles, text, analysis JSON and full-text indexes included. Transactions are committed with synchronous=NORMAL: a committed
// transaction survives the process being killed; only an operating-system
// crash or power loss may roll back the last ones.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/parley-news/parley"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// applicationID marks a parley database ("PRLY") in the SQLite header, so
// that a foreign SQLite file is refused instead of migrated.
const applicationID = 0x50524c59

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

// Store is the SQLite implementation of parley.Store. It is safe for
// concurrent use.
type Store struct {
	path string
	w    *sql.DB    // one connection: the writer
	r    *sql.DB    // readers
	mu   sync.Mutex // serialises writers; guards cache
	// cache speeds up entity resolution between batches (see resolveCache).
	cache *resolveCache
	stmts map[string]*sql.Stmt // prepared on w, guarded by mu
	// hasContent is HasContent's query, prepared on r: ingest asks it of
	// every document it reads, and a query prepared anew each time took
	// most of its cost.
	hasContent *sql.Stmt
	ver        versionCheck
}

var _ parley.Store = (*Store)(nil)

// Open opens (creating if needed) the parley database at path, migrating its
// schema to the current version. A database written by a newer parley, a
// SQLite file of another application and a file that is not a database are
// refused with an error that says so.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
	}
	dsn := func(readOnly bool) string {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_txlock", "immediate")
		if readOnly {
			q.Add("_pragma", "query_only(1)")
			// Readers map the file instead of copying pages into each
			// connection's cache with a read call per page.
			q.Add("_pragma", "mmap_size(1073741824)")
		} else {
			// The writer's page cache: 16 MiB. Closing the store frees it
			// page by page, and modernc's allocator hands each 64 KiB
			// region back to the kernel with a madvise of its own: with 64
			// MiB, which held the whole 35 MB store of the news corpus,
			// Close took 0.24-0.45 s at the end of an ingest, with 16 MiB
			// 0.18-0.20 s, and the store's own CPU did not grow (a batch of
			// 1,024 articles may spill pages to the WAL before its commit:
			// still one transaction, nothing visible before it commits).
			q.Add("_pragma", "cache_size(-16384)")
			q.Add("_pragma", "temp_store(memory)")
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn(false))
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, w: w, stmts: map[string]*sql.Stmt{}}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0)*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.r = r
	if s.hasContent, err = r.PrepareContext(ctx, hasContentQuery); err != nil {
		s.Close()
		return nil, s.wrap("prepare", err)
	}
	if s.ver.db, err = sql.Open("sqlite", dsn(true)); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	s.ver.db.SetMaxOpenConns(1)
	return s, nil
}

// ErrNoDatabase is returned by OpenExisting when there is no file at the
// path.
var ErrNoDatabase = errors.New("no parley database there")

// OpenExisting opens the parley database at path like Open, but refuses to
// create one: commands that only read (or change what is stored) must not
// turn a mistyped path into a new, empty store.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("sqlite: %s: %w (create one with parley ingest --db %s)", path, ErrNoDatabase, path)
	case err != nil:
		return nil, fmt.Errorf("sqlite: %w", err)
	case st.IsDir():
		return nil, fmt.Errorf("sqlite: %s is a directory, not a database file", path)
	}
	return Open(ctx, path)
}

// Path returns the database file name.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.mu.Unlock()
	err := errors.Join(s.ver.close(), s.w.Close())
	if s.hasContent != nil {
		err = errors.Join(err, s.hasContent.Close())
	}
	if s.r != nil {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, parley.ErrNotFound) || errors.Is(err, parley.ErrInvalid) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "malformed"):
		return fmt.Errorf("sqlite: %s: %s: the database file is damaged or not a SQLite database: %w", s.path, op, err)
	}
	return fmt.Errorf("sqlite: %s: %s: %w", s.path, op, err)
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return s.wrap("open", err)
	}
	defer conn.Close()
	// WAL persists in the file; setting it needs no transaction.
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return s.wrap("open", err)
	}
	var version, appID int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return s.wrap("read schema version", err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return s.wrap("read application id", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("sqlite: %s: database schema version %d is newer than this parley supports (%d): upgrade parley",
			s.path, version, len(migrations))
	}
	if appID != applicationID {
		var tables int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return s.wrap("open", err)
		}
		if tables > 0 || version > 0 {
			return fmt.Errorf("sqlite: %s: a SQLite database of another application (application_id %#x), not parley's", s.path, appID)
		}
	}
	for v := version; v < len(migrations); v++ {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return s.wrap("migrate", err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return s.wrap(fmt.Sprintf("migrate to schema %d", v+1), err)
		}
		// PRAGMA takes no parameters; v is an int we control.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version=%d; PRAGMA application_id=%d", v+1, applicationID)); err != nil {
			tx.Rollback()
			return s.wrap("migrate", err)
		}
		if err := tx.Commit(); err != nil {
			return s.wrap("migrate", err)
		}
	}
	return nil
}
