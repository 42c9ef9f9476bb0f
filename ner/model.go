package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"

	"github.com/parley-news/parley/lexicon"
)

//go:embed model/en.bin
var embeddedModel []byte

// Model is a trained tagger: hashed feature weights, quantised to int16, and
// label transition scores. The file stores only the rows that are not zero
// (most are), with a bitmap of which they are. It is read-only and safe for concurrent use; tag
// with a Tagger from NewTagger.
type Model struct {
	lex        *lexicon.Lexicon
	roles      *lexicon.Roles
	ev         *evidenceWords
	logBuckets uint8
	usePOS     bool
	weights    table   // bucket × numLabels, sparse
	trans      []int32 // (numLabels+1) × numLabels; row startRow: the first label
	valid      *transitions
}

// magic opens a model file; the version after it is featureVersion.
const magic = "parley-ner\n"

// Load returns the embedded English model (model/en.bin), whose features
// read the given lexicon and roles table (the ones it was trained with; see
// model/README.md).
func Load(lex *lexicon.Lexicon, roles *lexicon.Roles) (*Model, error) {
	m, err := Read(bytes.NewReader(embeddedModel), lex, roles)
	if err != nil {
		return nil, fmt.Errorf("embedded model ner/model/en.bin: %w", err)
	}
	return m, nil
}

// UsesPOS reports whether the model was trained with part-of-speech tags
// (Sentence.POS).
func (m *Model) UsesPOS() bool { return m.usePOS }

// Read reads a model written by WriteTo, or a gzip-compressed one (as
// WriteTo wrote them before: inflating the embedded model took 10 ms of
// every start).
func Read(r io.Reader, lex *lexicon.Lexicon, roles *lexicon.Roles) (*Model, error) {
	br := bufio.NewReader(r)
	var zr *gzip.Reader
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		if zr, err = gzip.NewReader(br); err != nil {
			return nil, fmt.Errorf("reading model: %w", err)
		}
		br = bufio.NewReader(zr)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("not a parley NER model")
	}
	var h struct {
		Version    uint32
		LogBuckets uint8
		Labels     uint8
		POS        uint8
		_          uint8
	}
	if err := binary.Read(br, binary.LittleEndian, &h); err != nil {
		return nil, fmt.Errorf("reading model header: %w", err)
	}
	switch {
	case h.Version != featureVersion:
		return nil, fmt.Errorf("model has feature version %d, this build reads %d: retrain it (parley train ner)", h.Version, featureVersion)
	case h.Labels != numLabels:
		return nil, fmt.Errorf("model has %d labels, want %d", h.Labels, numLabels)
	case h.LogBuckets < 10 || h.LogBuckets > 26:
		return nil, fmt.Errorf("model has 2^%d feature buckets, want 2^10 to 2^26", h.LogBuckets)
	}
	ev, err := loadEvidenceWords()
	if err != nil {
		return nil, err
	}
	m := &Model{lex: lex, roles: roles, ev: ev, logBuckets: h.LogBuckets, usePOS: h.POS != 0, valid: validTransitions()}
	m.trans = make([]int32, (numLabels+1)*numLabels)
	if err := binary.Read(br, binary.LittleEndian, m.trans); err != nil {
		return nil, fmt.Errorf("reading model transitions: %w", err)
	}
	if err := m.readRows(br, 1<<h.LogBuckets); err != nil {
		return nil, err
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("model has bytes after its weights")
	}
	if zr != nil {
		if err := zr.Close(); err != nil {
			return nil, fmt.Errorf("reading model: %w", err)
		}
	}
	return m, nil
}

// WriteTo writes the model, uncompressed (Read then needs no inflating);
// the same model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	bw.WriteString(magic)
	h := []uint8{0, 0, 0, 0, m.logBuckets, numLabels, uint8(b2u(m.usePOS)), 0}
	binary.LittleEndian.PutUint32(h, featureVersion)
	bw.Write(h)
	if err := binary.Write(bw, binary.LittleEndian, m.trans); err != nil {
		return cw.n, err
	}
	if err := m.writeRows(bw); err != nil {
		return cw.n, err
	}
	err := bw.Flush()
	return cw.n, err
}

// writeRows writes the weight table sparsely, as most rows are zero: a
// bitmap of the rows that are not, then those rows in order.
func (m *Model) writeRows(w io.Writer) error {
	if err := binary.Write(w, binary.LittleEndian, m.weights.bitmap); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, m.weights.rows)
}

func (m *Model) readRows(r io.Reader, rows int) error {
	bitmap := make([]uint64, (rows+63)/64)
	if err := binary.Read(r, binary.LittleEndian, bitmap); err != nil {
		return fmt.Errorf("reading model row bitmap: %w", err)
	}
	n := 0
	for _, b := range bitmap {
		n += bits.OnesCount64(b)
	}
	nz := make([]int16, n*numLabels)
	if err := binary.Read(r, binary.LittleEndian, nz); err != nil {
		return fmt.Errorf("reading model weights: %w", err)
	}
	m.weights = tableOf(bitmap, nz)
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// quantise turns averaged float weights into a model: weights and
// transitions share one scale, chosen so the largest weight fills int16.
func quantise(weights, trans []float32) (w []int16, t []int32) {
	var max float64
	for _, v := range weights {
		max = math.Max(max, math.Abs(float64(v)))
	}
	scale := 1.0
	if max > 0 {
		scale = 32767 / max
	}
	w = make([]int16, len(weights))
	for i, v := range weights {
		w[i] = int16(math.Round(float64(v) * scale))
	}
	t = make([]int32, len(trans))
	for i, v := range trans {
		t[i] = int32(math.Round(float64(v) * scale))
	}
	return w, t
}
