package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	parleyhttp "github.com/parley-news/parley/http"
	"github.com/parley-news/parley/pipeline"
)

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "serve the store: JSON API, OpenAPI, metrics, health and the web UI",
		run:     runServe,
	}
}

// minTokenLen is the shortest write token serve accepts: shorter ones are
// guessable.
const minTokenLen = 16

func runServe(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "", "the store (default: parley.db in the user's data directory, or $PARLEY_DB)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (host:port)")
	token := fs.String("token", "", "enable writes (POST /api/articles) with this bearer token, at least 16 characters (default $PARLEY_TOKEN; none: read-only)")
	cors := fs.String("cors-origin", "", "allow browser calls from this origin (\"*\" for any; default: none)")
	timeout := fs.Duration("timeout", 10*time.Second, "time limit of one request")
	maxBody := fs.Int64("max-body", 8<<20, "size limit of a request body, in bytes")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: parley serve [--db PATH] [--addr 127.0.0.1:PORT] [--token TOKEN]\n\n"+
			"Serves the API under /api/ (described at /openapi.json), /metrics, /healthz\n"+
			"and the web UI at /. Read-only unless --token or PARLEY_TOKEN is set; the\n"+
			"token must be at least %d characters.\n\n"+
			"Examples:\n"+
			"  parley serve --db news.db\n"+
			"  PARLEY_TOKEN=$(openssl rand -hex 16) parley serve --db news.db --addr 0.0.0.0:8080\n\nFlags:\n", minTokenLen)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errors.New("serve takes flags only")
	}
	if *token == "" {
		*token = os.Getenv("PARLEY_TOKEN")
	}
	if *token != "" && len(*token) < minTokenLen {
		return fmt.Errorf("--token must be at least %d characters", minTokenLen)
	}
	st, err := openExistingDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	opt := parleyhttp.Options{Token: *token, CORSOrigin: *cors, Timeout: *timeout, MaxBody: *maxBody, Logger: log}
	if *token != "" {
		p, err := pipeline.New()
		if err != nil {
			return err
		}
		opt.Extract = p.Extract
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	api := parleyhttp.NewServer(st, opt)
	defer api.Close() // stops the background analyses of large posts
	srv := &http.Server{
		Handler:           api,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       *timeout + 5*time.Second,
		WriteTimeout:      *timeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	mode := "read-only"
	if *token != "" {
		mode = "writes enabled with a token"
	}
	fmt.Fprintf(e.stderr, "parley serve: %s on http://%s/ (%s)\n", st.Name(), ln.Addr(), mode)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	return nil
}
