// Command jsclean deletes the JetStream streams named on its command line
// (the work and dead-letter streams a benchmark run made), on the server
// $NATS_URL (default nats://127.0.0.1:4222). Used by scripts/scale/bench.sh.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func main() {
	url := os.Getenv("NATS_URL")
	if url == "" {
		url = nats.DefaultURL
	}
	nc, err := nats.Connect(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsclean:", err)
		os.Exit(1)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsclean:", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	status := 0
	for _, name := range os.Args[1:] {
		if err := js.DeleteStream(ctx, name); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
			fmt.Fprintf(os.Stderr, "jsclean: %s: %v\n", name, err)
			status = 1
		}
	}
	os.Exit(status)
}
