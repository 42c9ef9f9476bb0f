// Package postgres is a parley.Store on PostgreSQL (github.com/jackc/pgx/v5),
// for deployments where many workers on many machines write to one store.
//
// It passes the same conformance suite as package sqlite (storetest.Run) and
// shares its resolution rules (package resolve). What differs is how writes
// scale: a batch is one transaction whose rows go in with few round trips —
// documents in one INSERT … ON CONFLICT (the content hash makes a
// redelivered or concurrent copy a no-op), quotes, events, article
// entities, stances and new entities with COPY (pgx CopyFrom). Documents,
// quotes and events (the bulk of the bytes and of the text-search work) are
// written by concurrent transactions in parallel; the cross-article part —
// entity resolution, claim grouping, counters — runs under one
// transaction-scoped advisory lock, so that two workers never create the same
// entity or claim twice. Full-text search uses PostgreSQL's text search
// (tsvector columns, English stemming, GIN indexes). The schema is
// migrated in versioned steps (parley_migrations), under a lock, so that
// workers starting together migrate once.
//
// The database is named by a connection string ("postgres://user@host/db");
// a search_path parameter in it selects the schema, which lets tests (or
// tenants) share one database.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parley-news/parley"
)

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

// Advisory locks are per database; parley's are keyed by the schema (the
// hash of its name) and one of these numbers, so that stores in other
// schemas of the database do not wait for each other.
const (
	lockMigrate = 1
	// lockResolve serialises the cross-article part of writes and merges.
	lockResolve = 2
)

// lockSQL is the statement that takes a transaction-scoped lock ($1 is the
// number).
const lockSQL = "SELECT pg_advisory_xact_lock(hashtext(current_schema()), $1)"

// Store is the PostgreSQL implementation of parley.Store. It is safe for
// concurrent use, by many processes on many machines.
type Store struct {
	pool *pgxpool.Pool
	name string // the connection string without its password, for messages
}

var _ parley.Store = (*Store)(nil)

// Open connects to the database named by dsn and migrates its schema. A
// schema written by a newer parley and a schema that holds another
// application's tables are refused.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", redact(dsn), err)
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "parley"
	}
	// Plan each statement for the tables as they are: a plan cached while a
	// new database was nearly empty (and not yet analysed) would scan whole
	// tables once they have grown.
	if cfg.ConnConfig.RuntimeParams["plan_cache_mode"] == "" {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	// A connection the server dropped (a restart, pg_terminate_backend) is
	// found by the health check and replaced.
	cfg.HealthCheckPeriod = 5 * time.Second
	s := &Store{name: redact(dsn)}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", s.name, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// redact drops the password from a connection string.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return "the database"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Name returns the connection string, without its password.
func (s *Store) Name() string { return s.name }

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, parley.ErrNotFound) || errors.Is(err, parley.ErrInvalid) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("postgres: %s: %s: %w", s.name, op, err)
}

// Transient reports whether err is worth retrying: the connection was lost
// or refused, the server is shutting down or restarting, or the
// transaction lost a deadlock or serialization conflict. Workers retry such
// failures instead of giving up on the documents.
func Transient(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code[:2] {
		case "08", "40", "53", "57": // connection, rollback, resources, operator intervention
			return true
		}
		return false
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || pgconn.SafeToRetry(err) || pgconn.Timeout(err) || isNetErr(err)
}

// inTx runs fn in a transaction, again when it fails on a deadlock or
// serialization conflict (up to a few times).
func (s *Store) inTx(ctx context.Context, op string, fn func(pgx.Tx) error) error {
	var err error
	for attempt := range 5 {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * 20 * time.Millisecond):
			}
		}
		err = pgx.BeginFunc(ctx, s.pool, fn)
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			break
		}
	}
	return s.wrap(op, err)
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return s.wrap("connect", err)
	}
	defer conn.Release()
	// Workers that start together migrate one after the other; the later
	// ones find the work done.
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(hashtext(coalesce(current_schema(), '')), $1)", int32(lockMigrate)); err != nil {
		return s.wrap("lock for migration", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(hashtext(coalesce(current_schema(), '')), $1)", int32(lockMigrate))
	var schema *string
	if err := conn.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return s.wrap("read schema", err)
	}
	if schema == nil {
		return fmt.Errorf("postgres: %s: the search_path names no existing schema: create it first", s.name)
	}
	var hasTable bool
	var tables int
	if err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE tablename = 'parley_migrations') > 0, count(*)
		FROM pg_tables WHERE schemaname = current_schema()`).Scan(&hasTable, &tables); err != nil {
		return s.wrap("read schema", err)
	}
	if !hasTable && tables > 0 {
		return fmt.Errorf("postgres: %s: schema %q holds %d tables of another application, not parley's", s.name, *schema, tables)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS parley_migrations (
		version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return s.wrap("migrate", err)
	}
	var version int
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM parley_migrations").Scan(&version); err != nil {
		return s.wrap("read schema version", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("postgres: %s: database schema version %d is newer than this parley supports (%d): upgrade parley",
			s.name, version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[v]); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO parley_migrations (version) VALUES ($1)", v+1)
			return err
		})
		if err != nil {
			return s.wrap(fmt.Sprintf("migrate to schema %d", v+1), err)
		}
	}
	return nil
}
