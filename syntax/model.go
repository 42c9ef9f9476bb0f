package syntax

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/parley-news/parley"
	"io"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Model is a trained tagger, parser and lemmatizer. It is read-only once
// loaded and safe for concurrent use; each goroutine parses with its own
// Parser (Model.NewParser).
type Model struct {
	tags    []tagClass         // the tagger's classes: (UPOS, XPOS) pairs seen in training
	classes map[tagPair]uint16 // a class by its pair: the tags a Doc holds (Annotate)
	labels  []string           // the parser's arc labels ("nsubj:pass")
	rels    []parley.DepRel    // the relation of each label
	root    uint8              // the index of "root" in labels
	tagger  *table
	parser  *table
	dict    map[uint64]uint64 // lower-case word hash → ambiguity class
	// closed marks the tag classes of closed word classes (closed.txt),
	// which a word the dictionary does not know never gets.
	closed []bool
	lemma  *lemmatizer
	// The weights as training made them, kept for Write: a table keeps only
	// part of each key.
	tagEntries, parseEntries []entry
	// Each table's keys by their use on the training text, most used
	// first (useOrder), for Write's promote.
	tagHot, parseHot []uint64
}

// tagPair is what a tag class writes into a Doc's token.
type tagPair struct {
	upos parley.POS
	xpos string
}

type tagClass struct {
	id   uint16
	upos parley.POS
	xpos string
	name string // "UPOS/XPOS", as lemmas.tsv names it
}

// Tags lists the (UPOS, XPOS) pairs the tagger predicts, as "UPOS/XPOS".
func (m *Model) Tags() []string {
	out := make([]string, len(m.tags))
	for i, t := range m.tags {
		out[i] = t.name
	}
	return out
}

// Labels lists the dependency labels the parser predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// magic starts a model file; magic2 the previous format's, whose slots
// did not record their reach (setReach).
const (
	magic  = "parley-syntax-3\n"
	magic2 = "parley-syntax-2\n"
)

// newModel makes a model from its tables; tag names are "UPOS/XPOS".
func newModel(tags, labels []string) (*Model, error) {
	m := &Model{labels: labels, dict: map[uint64]uint64{}, classes: map[tagPair]uint16{}}
	for i, name := range tags {
		u, x, _ := strings.Cut(name, "/")
		up := parley.ParsePOS(u)
		if up == parley.NoPOS || x == "" {
			return nil, fmt.Errorf("tag class %q: want UPOS/XPOS", name)
		}
		m.tags = append(m.tags, tagClass{id: uint16(i), upos: up, xpos: x, name: name})
		m.classes[tagPair{up, x}] = uint16(i)
		m.closed = append(m.closed, closedPOS[up])
	}
	root := -1
	for i, l := range labels {
		r := parley.ParseDepRel(l)
		if main, _, _ := strings.Cut(l, ":"); r.Main() == parley.RelDep && main != "dep" {
			return nil, fmt.Errorf("label %q is not a UD relation", l)
		}
		m.rels = append(m.rels, r)
		if l == "root" {
			root = i
		}
	}
	if root < 0 || len(labels) < 2 || len(labels) > 64 || len(tags) > 255 || len(tags) == 0 {
		return nil, errors.New("want a root label and another, at most 64 labels and 1–255 tag classes")
	}
	m.root = uint8(root)
	m.tagger, m.parser = newTable(nil), newTable(nil)
	m.lemma = &lemmatizer{exc: make([]map[string]string, len(tags)), rules: make([]map[string]edit, len(tags))}
	return m, nil
}

func (m *Model) classOf(name string) (uint16, bool) {
	for _, t := range m.tags {
		if t.name == name {
			return t.id, true
		}
	}
	return 0, false
}

// zstdMagic starts a zstd frame.
const zstdMagic = "\x28\xb5\x2f\xfd"

// Read decodes a model file and its lemma list. The model's tables are
// stored as they lie in memory, so that reading them is almost free: the
// model then shares model's memory, which must not change afterwards. A
// zstd-compressed file is decompressed first.
func Read(model, lemmas []byte) (*Model, error) { return read(model, lemmas, false) }

// read is Read; trusted skips the checks of every slot of the tables.
func read(model, lemmas []byte, trusted bool) (*Model, error) {
	if len(model) >= len(zstdMagic) && string(model[:len(zstdMagic)]) == zstdMagic {
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		defer dec.Close()
		if model, err = dec.DecodeAll(model, nil); err != nil {
			return nil, fmt.Errorf("syntax model: %w", err)
		}
	}
	m, err := decode(model, trusted)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	if m.lemma, err = readLemmas(lemmas, m.classOf, len(m.tags)); err != nil {
		return nil, err
	}
	return m, nil
}

// Write encodes the model (uncompressed) to w.
func (m *Model) Write(w io.Writer) error {
	raw, err := m.encode()
	if err != nil {
		return err
	}
	_, err = w.Write(raw)
	return err
}

// encode is the uncompressed model file.
func (m *Model) encode() ([]byte, error) {
	if m.tagEntries == nil || m.parseEntries == nil {
		return nil, errors.New("only a model made by Train can be written")
	}
	tagger := newTable(m.tagEntries)
	tagger.inlinePairs()
	tagger.promote(m.tagHot, keysOf(m.tagEntries))
	parser := newTable(m.parseEntries)
	parser.promote(m.parseHot, keysOf(m.parseEntries))
	return m.encodeTables(tagger, parser), nil
}

// encodeTables is the model file with the tables given.
func (m *Model) encodeTables(tagger, parser *table) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	putStrings(&b, m.Tags())
	putStrings(&b, m.labels)
	keys := sortedKeys(m.dict)
	putUvarint(&b, uint64(len(keys)))
	for _, k := range keys {
		b.Write(binary.LittleEndian.AppendUint64(nil, k))
		b.Write(binary.LittleEndian.AppendUint64(nil, m.dict[k]))
	}
	putTable(&b, tagger)
	putTable(&b, parser)
	return b.Bytes()
}

func putUvarint(b *bytes.Buffer, v uint64) { b.Write(binary.AppendUvarint(nil, v)) }

func putStrings(b *bytes.Buffer, ss []string) {
	putUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		putUvarint(b, uint64(len(s)))
		b.WriteString(s)
	}
}

// putTable writes t as (*decoder).table reads it: its slot and pair
// counts, zeros up to tableAlign, then its slots and pairs as they lie in
// memory on a little-endian machine.
func putTable(b *bytes.Buffer, t *table) {
	putUvarint(b, uint64(len(t.slots)))
	putUvarint(b, uint64(len(t.pairs)))
	b.Write(make([]byte, -b.Len()&(tableAlign-1)))
	buf := make([]byte, 0, slotBytes*len(t.slots))
	for _, s := range t.slots {
		buf = binary.LittleEndian.AppendUint32(buf, s.fp)
		buf = binary.LittleEndian.AppendUint32(buf, s.off)
		for _, d := range s.dense {
			buf = binary.LittleEndian.AppendUint16(buf, uint16(d))
		}
		buf = append(buf, s.n, s.flags)
	}
	b.Write(buf)
	buf = buf[:0]
	for _, p := range t.pairs {
		buf = binary.LittleEndian.AppendUint32(buf, p)
	}
	b.Write(buf)
}
