// Package natstest gives tests a NATS server with JetStream: the local one
// (127.0.0.1:4222, or $PARLEY_TEST_NATS) when it answers, else one embedded
// in the test process (github.com/nats-io/nats-server/v2), with its store
// in a temporary directory. Embedded servers can be restarted, for fault
// tests that must not disturb a shared server.
package natstest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// DefaultURL is the local server tests try first.
const DefaultURL = "nats://127.0.0.1:4222"

// URL returns the URL of a server with JetStream for the test.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("PARLEY_TEST_NATS")
	if u == "" {
		u = DefaultURL
	}
	if err := hasJetStream(u); err == nil {
		return u
	} else {
		t.Logf("no JetStream at %s (%v): using an embedded server", u, err)
	}
	return Start(t, t.TempDir()).URL()
}

func hasJetStream(u string) error {
	nc, err := nats.Connect(u, nats.Timeout(time.Second), nats.MaxReconnects(0))
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := nc.JetStream()
	if err != nil {
		return err
	}
	_, err = js.AccountInfo(nats.MaxWait(2 * time.Second))
	return err
}

// Name returns a stream name no other test uses.
func Name(prefix string) string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	return strings.ToUpper(prefix + "_" + hex.EncodeToString(b))
}

// Server is an embedded NATS server.
type Server struct {
	t    testing.TB
	opts server.Options
	srv  *server.Server
}

// Start starts an embedded server with JetStream storing in dir, on a free
// port of the loopback interface; it is shut down when the test ends.
func Start(t testing.TB, dir string) *Server {
	t.Helper()
	s := &Server{t: t, opts: server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: dir,
		NoLog: true, NoSigs: true, MaxPayload: 1 << 20}}
	s.start()
	// Restarts keep the port, so that clients reconnect to it.
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) start() {
	s.t.Helper()
	opts := s.opts
	srv, err := server.NewServer(&opts)
	if err != nil {
		s.t.Fatalf("embedded nats-server: %v", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		s.t.Fatalf("embedded nats-server did not start")
	}
	s.srv = srv
}

// URL is the server's client URL.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.opts.Port) }

// Restart stops the server, waits, and starts it again on the same port
// with the same store: streams, consumers and messages survive.
func (s *Server) Restart(down time.Duration) {
	s.t.Helper()
	s.Stop()
	time.Sleep(down)
	s.start()
}

// Stop shuts the server down.
func (s *Server) Stop() {
	if s.srv != nil {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		s.srv = nil
	}
}
