// Package pgtest gives tests a PostgreSQL schema of their own: on the
// server named by $PARLEY_TEST_POSTGRES (default: the local server,
// postgres://root@127.0.0.1:5432/test), a new schema that is dropped when
// the test ends. Without a server, tests skip saying why — except in CI
// (CI or PARLEY_CI set), where a missing server fails them, so that nothing
// is skipped silently.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultServer is the server tests use when $PARLEY_TEST_POSTGRES is unset.
const DefaultServer = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

// Server returns the connection string of the test server.
func Server() string {
	if s := os.Getenv("PARLEY_TEST_POSTGRES"); s != "" {
		return s
	}
	return DefaultServer
}

// Required reports whether a missing server fails tests instead of
// skipping them.
func Required() bool { return os.Getenv("CI") != "" || os.Getenv("PARLEY_CI") != "" }

// Unavailable ends the test: a failure in CI, a skip elsewhere.
func Unavailable(t testing.TB, what string, err error) {
	t.Helper()
	if Required() {
		t.Fatalf("%s unavailable in CI: %v", what, err)
	}
	t.Skipf("%s unavailable (%v): start it or set PARLEY_TEST_POSTGRES", what, err)
}

// Schema creates a schema for the test and returns its name and a
// connection string whose search_path selects it. The schema is dropped
// with everything in it when the test ends.
func Schema(t testing.TB) (name, dsn string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, Server())
	if err != nil {
		Unavailable(t, "PostgreSQL at "+Server(), err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name = "parley_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	t.Cleanup(func() { Drop(t, name) })
	return name, WithParams(t, Server(), map[string]string{"search_path": name})
}

// Drop drops a schema and everything in it.
func Drop(t testing.TB, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, Server())
	if err != nil {
		t.Errorf("drop schema %s: %v", name, err)
		return
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{name}.Sanitize()+" CASCADE"); err != nil {
		t.Errorf("drop schema %s: %v", name, err)
	}
}

// WithParams adds query parameters (runtime settings) to a connection URL.
func WithParams(t testing.TB, dsn string, params map[string]string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("PARLEY_TEST_POSTGRES %q is not a URL: %v", dsn, err)
	}
	q := u.Query()
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs statements on the test server (in the default schema: qualify
// names).
func Exec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range stmts {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%.80s: %v", q, err)
		}
	}
}
