package main

import (
	"context"
	"errors"
)

// evalHTMLExtract is "parley eval html" without --pred: extracting the
// pages is the ingest side's work (runEvalHTML in evalhtml.go, when it exists).
func evalHTMLExtract(ctx context.Context, e *env, args []string) error {
	return errors.New("give --pred PRED.jsonl: extraction of the gold pages is not built into eval html yet")
}
