package text

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/sentence_words.tsv
var sentenceWordsTSV string

//go:embed data/joined_words.tsv
var joinedWordsTSV string

// The word lists of data/sentence_words.tsv and data/joined_words.tsv, read
// once at start and never written.
var (
	sentenceWords = mustReadClasses("sentence_words.tsv", sentenceWordsTSV)
	// abbreviations never end a sentence when followed by a period.
	abbreviations = sentenceWords["abbreviation"]
	// sentenceStarters are words that, capitalised after an acronym such as
	// "U.S.", show that the acronym ended the sentence.
	sentenceStarters = sentenceWords["sentence_starter"]
	// joinedWords are written as one word but are two in Universal
	// Dependencies: the length of the first part.
	joinedWords = mustReadJoined("joined_words.tsv", joinedWordsTSV)
)

// eachPair calls row with the two columns of every row of a TSV file under
// its header row, skipping blank lines and # comments. Package text cannot
// use lexicon's readers (lexicon imports text), so it has this one.
func eachPair(file, data string, row func(a, b string)) error {
	header := true
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok || a == "" || b == "" || strings.Contains(b, "\t") {
			return fmt.Errorf("text: %s:%d: want 2 non-empty columns, got %q", file, n+1, line)
		}
		row(a, b)
	}
	return nil
}

// readClasses reads "class TAB word" rows into a set per class.
func readClasses(file, data string) (map[string]map[string]bool, error) {
	m := map[string]map[string]bool{}
	err := eachPair(file, data, func(class, word string) {
		if m[class] == nil {
			m[class] = map[string]bool{}
		}
		m[class][word] = true
	})
	return m, err
}

func mustReadClasses(file, data string) map[string]map[string]bool {
	m, err := readClasses(file, data)
	if err != nil {
		panic(err)
	}
	return m
}

// mustReadJoined reads "word TAB first part" rows into the length of the
// first part by word.
func mustReadJoined(file, data string) map[string]int {
	m := map[string]int{}
	err := eachPair(file, data, func(word, first string) {
		if !strings.HasPrefix(word, first) || len(first) >= len(word) {
			panic(fmt.Sprintf("text: %s: %q is no first part of %q", file, first, word))
		}
		m[word] = len(first)
	})
	if err != nil {
		panic(err)
	}
	return m
}
