package main

import (
	"context"
	"fmt"
)

func trainCommand() command {
	return command{
		name:    "train",
		summary: "train a model from the shared data: train ner, train syntax",
		run:     runTrain,
	}
}

const trainUsage = `Usage: parley train KIND [flags]

  ner     the named-entity recogniser (ner/model/en.bin)
  syntax  the tagger, lemmatizer and dependency parser (syntax/model/en.bin, lemmas.tsv)

Examples:
  parley train ner --shared ../shared --seed 2
  parley train syntax --data /work/shared/data/syntax --seed 1 --out syntax/model

Run 'parley train KIND -h' for the flags of each.`

// runTrain dispatches to the trainer of each model; each lives in its own
// file (trainner.go, trainsyntax.go).
func runTrain(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stderr, trainUsage)
		if len(args) == 0 {
			return errSilent
		}
		return nil
	}
	switch args[0] {
	case "ner":
		return runTrainNER(ctx, e, args[1:])
	case "syntax":
		return runTrainSyntax(ctx, e, args[1:])
	}
	fmt.Fprintln(e.stderr, trainUsage)
	return fmt.Errorf("unknown kind %q (ner, syntax)", args[0])
}
