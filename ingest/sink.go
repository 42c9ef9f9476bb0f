package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/ingest/dedup"
)

// Record is one document's outcome: its analysis, or the original it
// duplicates.
type Record struct {
	Analysis    *parley.Doc // nil for a duplicate
	Doc         parley.Document
	Hash        string // content hash
	Fingerprint dedup.Fingerprint
	DuplicateOf string // id of the original, for a duplicate
	// Key identifies the record for resuming; "" means Hash. An exact copy
	// shares its original's content hash, so its record has a key of its
	// own (see Run).
	Key string
}

// key is the record's idempotency key.
func (r Record) key() string {
	if r.Key != "" {
		return r.Key
	}
	return r.Hash
}

// Sink receives the records of a run, in input order, from one goroutine;
// Commit makes everything put so far durable.
type Sink interface {
	// Has reports whether a record of this key (a content hash, or the key
	// of an exact copy) was written and committed before, by this or an
	// earlier run.
	Has(ctx context.Context, key string) (bool, error)
	Put(ctx context.Context, r Record) error
	Commit() error
	Close() error
}

// Seen is a committed document as a journal remembers it, for the dedup
// index of a resumed run.
type Seen struct {
	ID          string
	Hash        string // the record's key: a content hash, or an exact copy's key
	Fingerprint dedup.Fingerprint
	DuplicateOf string // the original's id, for a duplicate
}

// Line is the JSON line written for a record: parley's document shape
// (export.Document) with the content hash and, for a duplicate, the id of
// its original; a duplicate's entity, quote, event and claim lists are
// empty.
type Line struct {
	export.Document
	ContentHash string `json:"content_hash"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Encode renders a record as one JSON line (with the newline).
func Encode(r Record, o export.Options) ([]byte, error) {
	a := r.Analysis
	if a == nil {
		a = &parley.Doc{Document: r.Doc}
	}
	b, err := json.Marshal(Line{Document: export.FromAnalysis(a, o), ContentHash: r.Hash, DuplicateOf: r.DuplicateOf})
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// WriterSink writes JSON lines to a stream (standard output). It cannot
// resume: Has is always false.
type WriterSink struct {
	mu   sync.Mutex
	w    *bufio.Writer
	opts export.Options
}

// NewWriterSink writes records to w.
func NewWriterSink(w io.Writer, o export.Options) *WriterSink {
	return &WriterSink{w: bufio.NewWriterSize(w, 64<<10), opts: o}
}

func (s *WriterSink) Has(context.Context, string) (bool, error) { return false, nil }

func (s *WriterSink) Put(_ context.Context, r Record) error {
	b, err := Encode(r, s.opts)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err = s.w.Write(b)
	return err
}

func (s *WriterSink) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Flush()
}

func (s *WriterSink) Close() error { return s.Commit() }

// FileSink writes JSON lines to a file and keeps a journal beside it
// (PATH.journal) so that an interrupted run can resume exactly where its
// last commit ended.
//
// A commit flushes and fsyncs the output, then appends to the journal one
// line per record committed and a commit line with the output's length,
// and fsyncs the journal. Opening the sink replays the journal up to its
// last complete commit line and truncates the output to the length that
// commit recorded, so output written after it — by a run killed before its
// next commit — is dropped and will be written again, once. A killed run
// therefore loses nothing and duplicates nothing.
type FileSink struct {
	mu      sync.Mutex
	out     *os.File
	w       *bufio.Writer
	journal *os.File
	jpath   string
	opts    export.Options
	off     int64 // output bytes written (buffered included)
	done    map[string]bool
	seen    []Seen
	batch   []journalEntry
}

type journalEntry struct {
	Hash   string `json:"h,omitempty"`
	Sim    string `json:"s,omitempty"`
	Short  bool   `json:"short,omitempty"`
	ID     string `json:"id,omitempty"`
	Of     string `json:"of,omitempty"` // duplicate_of
	Commit *int64 `json:"commit,omitempty"`
}

// OpenFileSink opens (or creates) the output file path and its journal,
// recovering from an interrupted run.
func OpenFileSink(path string, o export.Options) (*FileSink, error) {
	s := &FileSink{jpath: path + ".journal", opts: o, done: make(map[string]bool)}
	committed, err := s.replay()
	if err != nil {
		return nil, err
	}
	out, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	st, err := out.Stat()
	if err != nil {
		out.Close()
		return nil, err
	}
	if st.Size() > 0 && committed < 0 {
		out.Close()
		return nil, fmt.Errorf("%s exists and has no journal (%s): not resuming into a file parley did not write", path, s.jpath)
	}
	committed = max(committed, 0)
	if st.Size() != committed {
		if st.Size() < committed {
			out.Close()
			return nil, fmt.Errorf("%s is shorter (%d bytes) than its journal says (%d): it was changed since", path, st.Size(), committed)
		}
		if err := out.Truncate(committed); err != nil {
			out.Close()
			return nil, fmt.Errorf("truncating %s to its last commit: %w", path, err)
		}
	}
	if _, err := out.Seek(committed, io.SeekStart); err != nil {
		out.Close()
		return nil, err
	}
	s.out, s.off = out, committed
	s.w = bufio.NewWriterSize(out, 256<<10)
	s.journal, err = os.OpenFile(s.jpath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		out.Close()
		return nil, err
	}
	return s, nil
}

// replay reads the journal's committed entries; it returns the committed
// output length, or -1 when there is no journal. A torn tail (an
// interrupted commit) is cut off the journal.
func (s *FileSink) replay() (int64, error) {
	f, err := os.OpenFile(s.jpath, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var committed int64
	var good int64 // journal bytes up to the last commit line
	var pending []journalEntry
	br := bufio.NewReader(f)
	var pos int64
	for {
		line, err := br.ReadBytes('\n')
		if err != nil { // EOF, or a torn last line without its newline
			break
		}
		pos += int64(len(line))
		var e journalEntry
		if json.Unmarshal(bytes.TrimSpace(line), &e) != nil {
			break
		}
		if e.Commit != nil {
			for _, p := range pending {
				s.done[p.Hash] = true
				h, _ := strconv.ParseUint(p.Sim, 16, 64)
				s.seen = append(s.seen, Seen{ID: p.ID, Hash: p.Hash, Fingerprint: dedup.Fingerprint{Hash: h, Short: p.Short}, DuplicateOf: p.Of})
			}
			pending = pending[:0]
			committed, good = *e.Commit, pos
			continue
		}
		pending = append(pending, e)
	}
	if err := f.Truncate(good); err != nil {
		return 0, fmt.Errorf("repairing journal %s: %w", s.jpath, err)
	}
	return committed, nil
}

// Fingerprints returns the committed documents of earlier runs.
func (s *FileSink) Fingerprints() []Seen { return s.seen }

func (s *FileSink) Has(_ context.Context, hash string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done[hash], nil
}

func (s *FileSink) Put(_ context.Context, r Record) error {
	b, err := Encode(r, s.opts)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.off += int64(len(b))
	s.batch = append(s.batch, journalEntry{Hash: r.key(), Sim: strconv.FormatUint(r.Fingerprint.Hash, 16), Short: r.Fingerprint.Short, ID: r.Doc.ID, Of: r.DuplicateOf})
	return nil
}

// Commit makes the records put so far durable (see FileSink).
func (s *FileSink) Commit() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.batch) == 0 {
		return nil
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	if err := s.out.Sync(); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, e := range s.batch {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	off := s.off
	if err := enc.Encode(journalEntry{Commit: &off}); err != nil {
		return err
	}
	if _, err := s.journal.Seek(0, io.SeekEnd); err != nil {
		return err
	}
	if _, err := s.journal.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := s.journal.Sync(); err != nil {
		return err
	}
	for _, e := range s.batch {
		s.done[e.Hash] = true
	}
	s.batch = s.batch[:0]
	return nil
}

// Close commits and closes the files.
func (s *FileSink) Close() error {
	err := s.Commit()
	if e := s.out.Close(); err == nil {
		err = e
	}
	if e := s.journal.Close(); err == nil {
		err = e
	}
	return err
}

// StoreSink writes analyses to a parley.Store, which is idempotent on the
// content hash: the store itself is the resume journal. Analyses are written
// one transaction per commit, by a goroutine of the sink's own, so that the
// store writes while the pipeline analyses. With Begin set (a store that
// takes a transaction's analyses one at a time, as SQLite's does), each
// analysis goes to the writer as it is put and Commit only ends the
// transaction: the store's work overlaps the analysis of the very batch it
// stores, and what is left after the last document is analysed is one
// commit. Without it, analyses are buffered and written with PutAnalyses
// when Commit hands the batch over, while the pipeline analyses the next.
// Commit returns at once; a write error is returned by the next Put or
// Commit or by Close, which waits for the last batch. A batch handed over
// but not yet committed when the process dies is not in the store, so a
// resumed run analyses it again: nothing is lost or stored twice.
// Duplicates are stored as links to their original (PutDuplicate), never as
// analyses, so reprocessing does not analyse them again; they travel with
// the commit and are written after its analyses are committed, because the
// store answers Has for a duplicate's content hash, which is its original's:
// a link written first would make a resumed run skip an original that was
// never stored.
type StoreSink struct {
	Store parley.Store
	// Begin, if set, starts a transaction of Store that analyses are put
	// into one at a time (see StoreSink).
	Begin func(context.Context) (StoreBatch, error)

	mu    sync.Mutex
	batch storeBatch
	items chan storeItem // to the writer; nil until the first Put or Commit
	done  chan struct{}  // closed when the writer has stopped
	err   error          // the writer's first error, guarded by mu
}

// StoreBatch is one write transaction of a store (sqlite.Batch).
type StoreBatch interface {
	Put(a *parley.Doc) (bool, error)
	Commit() error
	Rollback()
}

// NewStoreSink writes to st.
func NewStoreSink(st parley.Store) *StoreSink { return &StoreSink{Store: st} }

func (s *StoreSink) Has(ctx context.Context, hash string) (bool, error) {
	return s.Store.HasContent(ctx, hash)
}

// storeBatch is what one commit writes: analyses (those not handed over one
// at a time already), then the duplicates put after them.
type storeBatch struct {
	analyses []*parley.Doc
	dups     []parley.Duplicate
}

// storeItem is what the writer is handed: an analysis to add to the open
// transaction, or the end of a batch.
type storeItem struct {
	a   *parley.Doc
	end *storeBatch
}

func (s *StoreSink) Put(_ context.Context, r Record) error {
	s.mu.Lock()
	if s.err != nil {
		defer s.mu.Unlock()
		return s.err
	}
	switch {
	case r.Analysis != nil && s.Begin != nil:
		items := s.start()
		s.mu.Unlock()
		items <- storeItem{a: r.Analysis}
		return nil
	case r.Analysis != nil:
		s.batch.analyses = append(s.batch.analyses, r.Analysis)
	case r.DuplicateOf != "":
		d := r.Doc
		s.batch.dups = append(s.batch.dups, parley.Duplicate{ID: d.ID, ContentHash: r.Hash, OriginalID: r.DuplicateOf,
			URL: d.URL, Title: d.Title, Outlet: d.Outlet, Source: d.Source})
	}
	s.mu.Unlock()
	return nil
}

// start starts the writer if it is not running; s.mu is held.
func (s *StoreSink) start() chan storeItem {
	if s.items == nil {
		// Analyses handed over one at a time queue up to a few dozen;
		// without Begin, Commit waits while the writer still has the batch
		// before (so at most two batches are in memory).
		n := 0
		if s.Begin != nil {
			n = 64
		}
		s.items, s.done = make(chan storeItem, n), make(chan struct{})
		go s.write(s.items)
	}
	return s.items
}

// Commit ends the batch: the writer commits what was put so far, in one
// transaction, and then stores the duplicates.
func (s *StoreSink) Commit() error {
	s.mu.Lock()
	if s.err != nil {
		defer s.mu.Unlock()
		return s.err
	}
	if s.items == nil && len(s.batch.analyses)+len(s.batch.dups) == 0 {
		s.mu.Unlock()
		return nil
	}
	b := s.batch
	s.batch = storeBatch{}
	items := s.start()
	s.mu.Unlock()
	items <- storeItem{end: &b}
	return nil
}

// write stores what it is handed until the channel closes; after an error
// it drops the rest (Put, Commit and Close report the error).
func (s *StoreSink) write(items <-chan storeItem) {
	defer close(s.done)
	ctx := context.Background()
	var tx StoreBatch // the open transaction, with Begin
	fail := func(err error) {
		if tx != nil {
			tx.Rollback()
			tx = nil
		}
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
	}
	for it := range items {
		s.mu.Lock()
		failed := s.err != nil
		s.mu.Unlock()
		if failed {
			continue
		}
		if it.a != nil {
			if err := s.add(ctx, &tx, it.a); err != nil {
				fail(err)
			}
			continue
		}
		if tx != nil {
			err := tx.Commit()
			tx = nil
			if err != nil {
				fail(fmt.Errorf("storing a batch of analyses: %w", err))
				continue
			}
		}
		if err := s.writeBatch(ctx, *it.end); err != nil {
			fail(err)
		}
	}
	if tx != nil { // put after the last Commit: not stored, as a kill would leave it
		tx.Rollback()
	}
}

// add puts one analysis into the open transaction, beginning one if need be.
func (s *StoreSink) add(ctx context.Context, tx *StoreBatch, a *parley.Doc) error {
	if *tx == nil {
		b, err := s.Begin(ctx)
		if err != nil {
			return fmt.Errorf("beginning a batch of analyses: %w", err)
		}
		*tx = b
	}
	if _, err := (*tx).Put(a); err != nil {
		return fmt.Errorf("storing analysis %s: %w", a.Document.ID, err)
	}
	return nil
}

func (s *StoreSink) writeBatch(ctx context.Context, b storeBatch) error {
	if len(b.analyses) > 0 {
		if _, err := s.Store.PutAnalyses(ctx, b.analyses); err != nil {
			return fmt.Errorf("storing %d analyses: %w", len(b.analyses), err)
		}
	}
	for _, d := range b.dups {
		if err := s.Store.PutDuplicate(ctx, d); err != nil {
			return fmt.Errorf("storing duplicate %s of %s: %w", d.ID, d.OriginalID, err)
		}
	}
	return nil
}

// Close commits what was put and waits until it is stored; the caller
// closes the store.
func (s *StoreSink) Close() error {
	err := s.Commit()
	s.mu.Lock()
	items := s.items
	s.items = nil
	s.mu.Unlock()
	if items != nil {
		close(items)
		<-s.done
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	return err
}

// Remember wraps a sink so that it also answers Has from the records put
// through it, and offers them to the dedup index of later runs: repeated
// polls of the same feeds (parley ingest --follow) then skip what earlier
// polls wrote, whatever the sink can look up itself.
func Remember(s Sink) Sink {
	return &memorySink{Sink: s, done: make(map[string]bool)}
}

type memorySink struct {
	Sink
	mu   sync.Mutex
	done map[string]bool
	seen []Seen
}

func (m *memorySink) Has(ctx context.Context, hash string) (bool, error) {
	m.mu.Lock()
	ok := m.done[hash]
	m.mu.Unlock()
	if ok {
		return true, nil
	}
	return m.Sink.Has(ctx, hash)
}

func (m *memorySink) Put(ctx context.Context, r Record) error {
	if err := m.Sink.Put(ctx, r); err != nil {
		return err
	}
	m.mu.Lock()
	m.done[r.key()] = true
	m.seen = append(m.seen, Seen{ID: r.Doc.ID, Hash: r.key(), Fingerprint: r.Fingerprint, DuplicateOf: r.DuplicateOf})
	m.mu.Unlock()
	return nil
}

// Fingerprints returns the wrapped sink's earlier documents and those put
// through the wrapper.
func (m *memorySink) Fingerprints() []Seen {
	var out []Seen
	if f, ok := m.Sink.(interface{ Fingerprints() []Seen }); ok {
		out = append(out, f.Fingerprints()...)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.seen) == 0 {
		return out
	}
	return append(out, m.seen...)
}
