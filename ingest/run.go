package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/ingest/dedup"
	phtml "github.com/parley-news/parley/ingest/html"
	"github.com/parley-news/parley/ingest/input"
	"github.com/parley-news/parley/pipeline"
)

// Analyzer runs the extraction pipeline over a stream of documents and
// delivers the results in input order (*pipeline.Pipeline does).
type Analyzer interface {
	Stream(ctx context.Context, in <-chan parley.Document, workers int) <-chan pipeline.Result
}

// Options configure Run.
type Options struct {
	Reader *Reader // nil: a Reader that does not fetch
	// Analyzer analyses the documents; nil hands them to the sink
	// unanalysed (Record.Analysis nil), for a work queue whose workers
	// analyse them.
	Analyzer Analyzer
	Sink     Sink // required
	Workers  int  // HTML extraction and analysis workers; 0: all cores
	// NoDedup turns near-duplicate detection off (exact copies are still
	// processed once, by content hash).
	NoDedup bool
	// Progress, if set, is called from Run's goroutines with running totals
	// after every item; it must be cheap and safe for concurrent use.
	Progress func(Stats)
	// CommitEvery is the number of records per durable commit (0: 1024).
	// A commit also happens at least every CommitInterval, which bounds a
	// batch to that much analysis.
	CommitEvery int
	// CommitInterval is the longest time between two commits (0: one
	// second). A store whose commit costs the same however few documents
	// it holds wants it longer: on a loaded machine a second of analysis
	// is a few dozen documents.
	CommitInterval time.Duration
}

// Stats counts what a run did.
type Stats struct {
	Read        int            // documents read from the inputs
	Extracted   int            // analysed and written
	Duplicates  int            // near-duplicate copies linked to their original
	Done        int            // already processed by an earlier run (resume)
	Skipped     int            // inputs and records that hold no article
	Failed      int            // inputs, records and documents that failed
	Bytes       int64          // input bytes consumed
	SkipReasons map[string]int //
	Failures    []error        // the first MaxFailures failures, with their sources
	Repaired    int            // analysed documents whose input was repaired (encoding)
	Repairs     []string       // the first MaxFailures repairs, "source: what was done"
}

// MaxFailures bounds Stats.Failures; Stats.Failed counts them all.
const MaxFailures = 1000

// Reasons returns the skip reasons by descending count.
func (s Stats) Reasons() []string {
	rs := make([]string, 0, len(s.SkipReasons))
	for k := range s.SkipReasons {
		rs = append(rs, k)
	}
	sort.Slice(rs, func(i, j int) bool {
		if s.SkipReasons[rs[i]] != s.SkipReasons[rs[j]] {
			return s.SkipReasons[rs[i]] > s.SkipReasons[rs[j]]
		}
		return rs[i] < rs[j]
	})
	return rs
}

type stats struct {
	mu sync.Mutex
	s  Stats
	cb func(Stats)
}

func (st *stats) update(f func(*Stats)) {
	st.mu.Lock()
	f(&st.s)
	var snap Stats
	if st.cb != nil {
		snap = st.s
		snap.SkipReasons, snap.Failures, snap.Repairs = nil, nil, nil
	}
	st.mu.Unlock()
	if st.cb != nil {
		st.cb(snap)
	}
}

func (st *stats) fail(err error) {
	st.update(func(s *Stats) {
		s.Failed++
		if len(s.Failures) < MaxFailures {
			s.Failures = append(s.Failures, err)
		}
	})
}

func (st *stats) skip(reason string) {
	st.update(func(s *Stats) {
		s.Skipped++
		if s.SkipReasons == nil {
			s.SkipReasons = make(map[string]int)
		}
		s.SkipReasons[reason]++
	})
}

// Run ingests inputs (see Reader.Read) into opts.Sink: it reads them,
// extracts the main text of HTML pages in parallel, skips documents the
// sink already holds (by content hash), links near-duplicates to their
// original instead of analysing them, analyses the rest with opts.Analyzer
// and writes every record, committing durably in batches. The order of the
// output follows the order of the inputs. Per-input failures are counted
// in Stats and do not stop the run; Run returns an error only when the sink
// fails or ctx ends.
func Run(ctx context.Context, inputs []string, stdin io.Reader, opts Options) (Stats, error) {
	if opts.Sink == nil {
		return Stats{}, errors.New("ingest: Run needs a Sink")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	rd := opts.Reader
	if rd == nil {
		rd = &Reader{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st := &stats{cb: opts.Progress}

	items := make(chan Item, workers)
	go func() {
		defer close(items)
		rd.Read(ctx, inputs, stdin, items)
	}()
	// Downloads wait on the network, not the CPU: with a fetcher, more
	// pages are in flight than there are cores.
	mapWorkers := workers
	if rd.Fetcher != nil {
		mapWorkers = 4 * workers
	}
	ready := orderedMap(ctx, items, mapWorkers, func(ctx context.Context, it Item) Item {
		if it.Page != nil && it.Page.Fetch != "" && it.Err == nil {
			if it = rd.fetchPage(ctx, it); it.Page == nil {
				return it
			}
		}
		return extractPage(ctx, it)
	})

	// The gate decides, in input order, what is analysed: it is the only
	// goroutine that touches the dedup index.
	var idx dedup.Index
	seen := make(map[string]string) // content hash → id of the original, this run
	copies := make(map[string]int)  // hash and id of an exact copy → occurrences
	// What earlier runs wrote: fingerprints for the index, and for each
	// duplicate its original, so that a copy of a copy links to the same
	// original as in an uninterrupted run.
	originalOf := make(map[string]string) // content hash of a duplicate → original id
	if fs, ok := opts.Sink.(interface{ Fingerprints() []Seen }); ok {
		for _, s := range fs.Fingerprints() {
			if !opts.NoDedup {
				idx.Add(s.ID, s.Fingerprint)
			}
			if s.DuplicateOf != "" {
				originalOf[s.Hash] = s.DuplicateOf
			}
		}
	}
	var sinkErr error
	var sinkMu sync.Mutex
	setErr := func(err error) {
		sinkMu.Lock()
		if sinkErr == nil {
			sinkErr = err
		}
		sinkMu.Unlock()
		cancel()
	}
	// pending carries, in input order, what the sink receives: the hash and
	// fingerprint of each analysed document (its analysis comes from the
	// pipeline), or a duplicate's whole record. A duplicate thus reaches the
	// sink after its original, never before it: a store that found a
	// duplicate's content hash before its original's analysis was durable
	// would skip the original after a kill.
	type meta struct {
		hash string
		fp   dedup.Fingerprint
		dup  *Record
	}
	pending := make(chan meta, 4*workers+16)
	docs := make(chan parley.Document, workers)
	go func() {
		defer close(docs)
		defer close(pending)
		for it := range ready {
			if it.Bytes > 0 {
				b := it.Bytes
				st.update(func(s *Stats) { s.Bytes += b })
			}
			switch {
			case it.Err != nil:
				src := it.Doc.Source
				var pe *parley.Error
				if errors.As(it.Err, &pe) {
					st.fail(it.Err)
				} else {
					st.fail(&parley.Error{Source: src, Err: it.Err})
				}
				continue
			case it.Skip != "":
				st.skip(it.Skip)
				continue
			case it.Doc.Text == "":
				continue // end-of-input marker carrying only progress
			}
			st.update(func(s *Stats) { s.Read++ })
			doc := it.Doc
			hash := doc.ContentHash()
			if doc.ID == "" {
				doc.ID = hash[:16]
			}
			// The first text with this hash is the original; exact copies
			// after it are duplicates, whether or not the original was
			// committed by this run or an earlier one.
			orig, dup := seen[hash]
			if !dup {
				done, err := opts.Sink.Has(ctx, hash)
				if err != nil {
					setErr(err)
					return
				}
				if done {
					seen[hash] = doc.ID
					if o, ok := originalOf[hash]; ok {
						seen[hash] = o
					}
					st.update(func(s *Stats) { s.Done++ })
					continue
				}
			}
			fp := dedup.Of(doc.Text)
			if !dup && !opts.NoDedup {
				orig, dup = idx.Lookup(fp)
			}
			if dup {
				// An exact copy shares its original's hash: its record is
				// keyed by hash, id and occurrence, which are the same in
				// every run over the same input.
				var key string
				if seen[hash] != "" {
					k := hash + "\x00" + doc.ID
					copies[k]++
					key = fmt.Sprintf("copy:%s:%d:%s", hash[:32], copies[k], doc.ID)
					done, err := opts.Sink.Has(ctx, key)
					if err != nil {
						setErr(err)
						return
					}
					if done {
						st.update(func(s *Stats) { s.Done++ })
						continue
					}
				}
				rec := &Record{Doc: doc, Hash: hash, Fingerprint: fp, DuplicateOf: orig, Key: key}
				select {
				case pending <- meta{dup: rec}:
				case <-ctx.Done():
					return
				}
				if key == "" {
					// Exact copies of this near-duplicate link to its original.
					seen[hash] = orig
				}
				st.update(func(s *Stats) { s.Duplicates++ })
				continue
			}
			seen[hash] = doc.ID
			if !opts.NoDedup {
				idx.Add(doc.ID, fp)
			}
			select {
			case pending <- meta{hash: hash, fp: fp}:
			case <-ctx.Done():
				return
			}
			select {
			case docs <- doc:
			case <-ctx.Done():
				return
			}
		}
	}()

	commitEvery := opts.CommitEvery
	if commitEvery <= 0 {
		// Each commit flushes the full-text index, merges its segments and
		// checkpoints the WAL: batches of 1024 rather than 256 took 6% less
		// CPU on the news corpus, and the one-second bound keeps them small
		// on a slow machine.
		commitEvery = 1024
	}
	commitInterval := opts.CommitInterval
	if commitInterval <= 0 {
		commitInterval = time.Second
	}
	var results <-chan pipeline.Result
	if opts.Analyzer != nil {
		results = opts.Analyzer.Stream(ctx, docs, workers)
	} else {
		results = unanalysed(docs)
	}
	uncommitted := 0
	lastCommit := time.Now()
	for m := range pending {
		if m.dup != nil {
			if err := opts.Sink.Put(ctx, *m.dup); err != nil {
				setErr(err)
				break
			}
			continue
		}
		r, ok := <-results
		if !ok {
			break
		}
		if r.Err != nil {
			st.fail(&parley.Error{Source: r.Document.Source, Err: r.Err})
			continue
		}
		if err := opts.Sink.Put(ctx, Record{Analysis: r.Doc, Doc: r.Document, Hash: m.hash, Fingerprint: m.fp}); err != nil {
			setErr(err)
			break
		}
		st.update(func(s *Stats) {
			s.Extracted++
			if len(r.Document.Repairs) > 0 {
				s.Repaired++
				for _, what := range r.Document.Repairs {
					if len(s.Repairs) < MaxFailures {
						s.Repairs = append(s.Repairs, r.Document.Source+": "+what)
					}
				}
			}
		})
		uncommitted++
		if uncommitted >= commitEvery || time.Since(lastCommit) > commitInterval {
			if err := opts.Sink.Commit(); err != nil {
				setErr(err)
				break
			}
			uncommitted, lastCommit = 0, time.Now()
		}
	}
	for range pending { // drain after a sink error
	}
	for range results {
	}
	if err := opts.Sink.Commit(); err != nil {
		setErr(err)
	}
	st.mu.Lock()
	s := st.s
	st.mu.Unlock()
	sinkMu.Lock()
	defer sinkMu.Unlock()
	if sinkErr != nil {
		return s, sinkErr
	}
	if err := ctx.Err(); err != nil {
		return s, err
	}
	return s, nil
}

// unanalysed passes documents on as results without an analysis.
func unanalysed(docs <-chan parley.Document) <-chan pipeline.Result {
	out := make(chan pipeline.Result)
	go func() {
		defer close(out)
		seq := 0
		for d := range docs {
			out <- pipeline.Result{Seq: seq, Document: d}
			seq++
		}
	}()
	return out
}

// extractPage turns an HTML page into the document's text and metadata;
// what the page does not say, the item's metadata (feed, archive) keeps.
func extractPage(ctx context.Context, it Item) Item {
	if it.Page == nil || it.Err != nil {
		return it
	}
	p := it.Page
	it.Page = nil
	d, err := phtml.Options{ContentType: p.ContentType}.Extract(ctx, bytes.NewReader(p.HTML), p.URL)
	if err != nil {
		it.Err = fmt.Errorf("extracting article: %w", err)
		if errors.Is(err, phtml.ErrNoArticle) && p.Crawled {
			// A crawl holds index and error pages besides articles.
			it.Err = nil
			it.Skip = "html without article"
		}
		return it
	}
	d = input.MergePage(d, it.Doc)
	it.Doc = d
	return it
}

// orderedMap applies f to the items of in with n goroutines and delivers
// the results in input order, with at most a few items per worker in
// flight.
func orderedMap(ctx context.Context, in <-chan Item, n int, f func(context.Context, Item) Item) <-chan Item {
	type job struct {
		it  Item
		out chan Item
	}
	jobs := make(chan job, n)
	order := make(chan chan Item, 2*n)
	out := make(chan Item, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- f(ctx, j.it)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for it := range in {
			c := make(chan Item, 1)
			select {
			case order <- c:
			case <-ctx.Done():
				return
			}
			if it.Page == nil {
				c <- it // nothing to do: skip the pool
				continue
			}
			select {
			case jobs <- job{it, c}:
			case <-ctx.Done():
				c <- Item{} // the consumer may be waiting on it
				return
			}
		}
	}()
	go func() {
		defer close(out)
		defer wg.Wait()
		for c := range order {
			var it Item
			select {
			case it = <-c:
			case <-ctx.Done():
				for c := range order {
					<-c
				}
				return
			}
			select {
			case out <- it:
			case <-ctx.Done():
				for c := range order {
					<-c
				}
				return
			}
		}
	}()
	return out
}
