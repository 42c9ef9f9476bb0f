// Package conllu reads and writes CoNLL-U, the format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// A Sentence keeps every line it was read from in order, so that comments,
// multi-word token lines ("3-4") and empty nodes ("8.1") pass through a
// read-modify-write cycle unchanged while the word lines are filled in.
package conllu

import (
	"fmt"
	"strconv"
)

// Kind tells what a token line is.
type Kind uint8

const (
	Word      Kind = iota // an integer ID: a syntactic word
	Multiword             // a range ID "3-4": a surface token spanning words
	Empty                 // a decimal ID "8.1": an empty node of the enhanced graph
)

// Token is one line of the ten tab-separated fields. Fields hold "_" where
// the file had it. For a Word, N is its 1-based index; for a Multiword, N and
// Last are the range.
type Token struct {
	Kind    Kind
	N, Last int
	ID      string
	Form    string
	Lemma   string
	UPOS    string
	XPOS    string
	Feats   string
	Head    string
	Deprel  string
	Deps    string
	Misc    string
}

// Sentence is the comment lines (without the newline, "#" included) and the
// token lines of one sentence.
type Sentence struct {
	Comments []string
	Tokens   []Token
	Line     int // line number of the sentence's first line in its input
}

// Words returns the indices in Tokens of the word lines, in order.
func (s *Sentence) Words(dst []int) []int {
	dst = dst[:0]
	for i := range s.Tokens {
		if s.Tokens[i].Kind == Word {
			dst = append(dst, i)
		}
	}
	return dst
}

// HeadOf returns the integer HEAD of token t, or -1 when it is "_" or not a
// number.
func HeadOf(t *Token) int {
	h, err := strconv.Atoi(t.Head)
	if err != nil || h < 0 {
		return -1
	}
	return h
}

// Error is a malformed line: its number in the input and what is wrong.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }
