package main

import (
	"context"
	"strings"
)

func exportCommand() command {
	return command{
		name:    "export",
		summary: "analyse articles and write events as GDELT-style TSV or claims as schema.org ClaimReview",
		run:     runExport,
	}
}

// runExport is parley extract with --format gdelt unless another format is
// given: the same inputs (text, HTML, JSONL), the same error handling. The
// columns are documented in docs/exports.md.
func runExport(ctx context.Context, e *env, args []string) error {
	for _, a := range args {
		if a == "--format" || a == "-format" || strings.HasPrefix(a, "--format=") || strings.HasPrefix(a, "-format=") {
			return runExtract(ctx, e, args)
		}
	}
	return runExtract(ctx, e, append([]string{"--format", "gdelt"}, args...))
}
