package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/parley-news/parley/sqlite"
)

// defaultDBPath is where the store lives when --db is not given:
// $PARLEY_DB, else parley/parley.db in the user's data directory
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

// openDB opens the SQLite store at path, or at defaultDBPath when path is
// empty, creating it and its directory: for the commands that write.
func openDB(ctx context.Context, path string) (*sqlite.Store, error) {
	path, err := dbPath(path)
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, path)
}

// openExistingDB opens the store like openDB but refuses a path where there
// is none: for the commands that read a store (query, serve, export) or
// change what it holds (reprocess, entity), where a mistyped --db must not
// become a new, empty store.
func openExistingDB(ctx context.Context, path string) (*sqlite.Store, error) {
	path, err := dbPath(path)
	if err != nil {
		return nil, err
	}
	return sqlite.OpenExisting(ctx, path)
}

func dbPath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	return defaultDBPath()
}
