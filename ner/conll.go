package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// RawSentence is a sentence of a CoNLL file: its words and their tags as
// written ("O", "B-PER", "I-Organisation"), and the line it starts on.
type RawSentence struct {
	Words, Tags []string
	Line        int
}

// RawDocument is a run of sentences of a CoNLL file.
type RawDocument struct {
	ID        string
	Sentences []RawSentence
}

// docStart is the line that opens a document in CoNLL-2003-style files.
const docStart = "-DOCSTART-"

// ReadCoNLL reads a CoNLL NER file: one word a line, the word first and its
// tag last (separated by spaces or tabs; middle columns are ignored), a blank
// line between sentences, and "-DOCSTART-" lines between documents (the
// sentences before the first one make a document too). A file without
// -DOCSTART- lines (re3d's, whose sentences are shuffled) makes one document
// of each sentence, so no evidence crosses documents. Documents are named
// name#N (1-based) or name:LINE. An error names the file and line.
func ReadCoNLL(r io.Reader, name string) ([]RawDocument, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		docs     []RawDocument
		pending  []RawSentence // sentences of the current document
		sent     RawSentence
		sawStart bool
		line     int
	)
	endSentence := func() {
		if len(sent.Words) > 0 {
			pending = append(pending, sent)
		}
		sent = RawSentence{}
	}
	endDoc := func() {
		if len(pending) > 0 {
			docs = append(docs, RawDocument{ID: fmt.Sprintf("%s#%d", name, len(docs)+1), Sentences: pending})
		}
		pending = nil
	}
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		f := strings.Fields(t)
		switch {
		case len(f) == 0:
			endSentence()
			continue
		case f[0] == docStart:
			endSentence()
			endDoc()
			sawStart = true
			continue
		case len(f) < 2:
			return nil, fmt.Errorf("%s:%d: want a word and a tag, got %q", name, line, t)
		}
		tag := f[len(f)-1]
		if err := checkTag(tag); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if len(sent.Words) == 0 {
			sent.Line = line
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	endSentence()
	if sawStart {
		endDoc()
		return docs, nil
	}
	for _, s := range pending {
		docs = append(docs, RawDocument{ID: fmt.Sprintf("%s:%d", name, s.Line), Sentences: []RawSentence{s}})
	}
	return docs, nil
}

func checkTag(tag string) error {
	if tag == "O" {
		return nil
	}
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		return nil
	}
	return fmt.Errorf("tag %q is not O, B-TYPE or I-TYPE", tag)
}

// RawSpan is a chunk of a tagged sentence: words [Start, End) and the type
// its tags name ("PER", "Organisation").
type RawSpan struct {
	Start, End int
	Label      string
}

// Chunks returns the spans of the tags, read as BIO with IO tolerated: an
// I- tag continues the span before it when the label is the same, and opens a
// span otherwise; a B- tag always opens one.
func Chunks(tags []string) []RawSpan {
	var out []RawSpan
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			continue
		}
		label := t[2:]
		if t[0] == 'I' && len(out) > 0 {
			last := &out[len(out)-1]
			if last.End == i && last.Label == label {
				last.End++
				continue
			}
		}
		out = append(out, RawSpan{Start: i, End: i + 1, Label: label})
	}
	return out
}
