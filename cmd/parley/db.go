package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/postgres"
	"github.com/parley-news/parley/sqlite"
)

// defaultDBPath is where the store lives when --db is not given:
// $PARLEY_DB (a file, or a postgres:// URL), else parley/parley.db in the user's data directory
// ($XDG_DATA_HOME, ~/.local/share; the platform's equivalent elsewhere).
func defaultDBPath() (string, error) {
	if p := os.Getenv("PARLEY_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "parley", "parley.db"), nil
	}
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", errors.New("no --db given and no home directory for the default database: give --db PATH")
		}
		return filepath.Join(home, ".local", "share", "parley", "parley.db"), nil
	}
	// macOS: ~/Library/Application Support; Windows: %AppData%.
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("no --db given and no user directory for the default database: give --db PATH")
	}
	return filepath.Join(dir, "parley", "parley.db"), nil
}

// store is a parley.Store that can say where it is.
type store interface {
	parley.Store
	Name() string
}

// isPostgres reports whether a --db value names a PostgreSQL database
// (postgres://… or postgresql://…) rather than a SQLite file.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openDB opens the store --db names: a PostgreSQL database for a
// postgres:// URL, else the SQLite file at path, or at defaultDBPath when
// path is empty, creating it and its directory: for the commands that
// write.
func openDB(ctx context.Context, path string) (store, error) {
	path, err := dbPath(path)
	if err != nil {
		return nil, err
	}
	if isPostgres(path) {
		return postgres.Open(ctx, path)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

// openExistingDB opens the store like openDB but refuses a SQLite path
// where there is none: for the commands that read a store (query, serve,
// export) or change what it holds (reprocess, entity), where a mistyped
// --db must not become a new, empty store. (A PostgreSQL database must
// exist already: the server refuses a connection to one that does not.)
func openExistingDB(ctx context.Context, path string) (store, error) {
	path, err := dbPath(path)
	if err != nil {
		return nil, err
	}
	if isPostgres(path) {
		return postgres.Open(ctx, path)
	}
	s, err := sqlite.OpenExisting(ctx, path)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

func dbPath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	return defaultDBPath()
}

// sqliteStore names a SQLite store by its file.
type sqliteStore struct{ *sqlite.Store }

func (s sqliteStore) Name() string { return s.Path() }
