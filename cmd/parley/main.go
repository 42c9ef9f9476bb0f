// Command parley reads news and says who said what, to whom, about what,
// relayed by whom, and who disputes it.
//
// Usage: parley COMMAND [flags] [args]. Run "parley help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand of the CLI. Each lives in its own file.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: its streams. Tests substitute them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// errSilent marks an error that the command has already reported.
var errSilent = errors.New("failed")

// errHelp marks a request for help that the command has answered: the
// exit status is 0.
var errHelp = errors.New("help requested")

// parseErr is the error a command returns when parsing its flags failed:
// the flag package has already printed the usage, and -h is no failure.
func parseErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	return errSilent
}

func commands() []command {
	cmds := []command{
		extractCommand(),
		queryCommand(),
		reprocessCommand(),
		serveCommand(),
		entityCommand(),
		evalCommand(),
		benchCommand(),
		ingestCommand(),
		exportCommand(),
		trainCommand(),
		workerCommand(),
		parseCommand(),
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	return cmds
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 2 && args[0] == "help" {
		return run(ctx, e, []string{args[1], "-h"}) // parley help CMD
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(e.stdout, "parley", version())
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(ctx, e, args[1:]); err != nil {
				if errors.Is(err, errHelp) {
					return 0
				}
				if !errors.Is(err, errSilent) {
					fmt.Fprintf(e.stderr, "parley %s: %v\n", c.name, err)
				}
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(e.stderr, "parley: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "parley reads news and says who said what, with evidence.")
	fmt.Fprintln(w, "\nUsage: parley COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'parley COMMAND -h' (or 'parley help COMMAND') for the flags of a command and an example.")
}
