package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/export"
	"github.com/parley-news/parley/ingest"
	"github.com/parley-news/parley/ingest/fetch"
	"github.com/parley-news/parley/pipeline"
	"github.com/parley-news/parley/queue"
	"github.com/parley-news/parley/sqlite"
)

func ingestCommand() command {
	return command{
		name:    "ingest",
		summary: "read pages, feeds, WARC archives, JSONL dumps, text files and folders; analyse; store",
		run:     runIngest,
	}
}

const ingestUsage = `Usage: parley ingest FILE|DIR|URL|- ... [--db PATH|postgres://…] [--out -|FILE] [--queue nats://…] [--workers N] [--follow FEEDS.txt]

Reads HTML pages (.html), RSS/Atom/JSON feeds (.xml, .rss, .atom), WARC archives
(.warc, .warc.gz), JSONL dumps ({"id","url","title","text","published",...} per
line), plain text files and folders of them (recursively; .gz undone on the fly;
the format is sniffed when the name does not tell), extracts each article's text
and metadata, links near-duplicate wire copies to their original, analyses the
rest and writes the analyses:

  --out -     parley JSON lines on standard output
  --out FILE  JSON lines to FILE, resumable: a journal FILE.journal records what
              was committed, and a run started again after an interruption
              (even kill -9) processes every document exactly once
  --db PATH   the store (a SQLite file, or a postgres:// URL), which skips what
              it already holds; without --out, --db or --queue, the default
              store (see parley query)
  --queue nats://HOST:4222
              publish the documents to a NATS JetStream work queue instead of
              analysing them here: "parley worker" processes analyse and store
              them; documents too large for the queue go to its dead letters

With --follow, the feeds listed in FEEDS.txt (one URL or path per line) are
polled until interrupted. The exit status is 1 when any input failed.

Examples:
  parley ingest --db news.db news.jsonl saved-pages/ crawl.warc.gz
  parley ingest --out analyses.jsonl https://example.org/feed.xml
  parley ingest --db news.db --follow feeds.txt --interval 10m

Flags:`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "", "store the analyses in this SQLite file or postgres:// database (default: $PARLEY_DB or the user data directory)")
	queueURL := fs.String("queue", "", "publish the documents to this NATS JetStream work queue (nats://host:4222) for parley worker")
	queueName := fs.String("queue-name", "PARLEY", "with --queue: the work stream's name")
	replicas := fs.Int("queue-replicas", 1, "with --queue: copies of the streams in a NATS cluster")
	out := fs.String("out", "", `write JSON lines to FILE, or "-" for standard output`)
	workers := fs.Int("workers", 0, "parallel workers (0: all cores)")
	follow := fs.String("follow", "", "poll the feeds listed in this file until interrupted")
	interval := fs.Duration("interval", 15*time.Minute, "with --follow: time between polls of the feed list")
	hostInterval := fs.Duration("host-interval", fetch.DefaultMinInterval, "least time between two requests to one host (robots.txt Crawl-delay can raise it)")
	noFetch := fs.Bool("no-fetch", false, "never fetch URLs (feed items without content fail)")
	noDedup := fs.Bool("no-dedup", false, "analyse near-duplicate copies too")
	includeText := fs.Bool("include-text", false, "include the article text in the output as \"text\"")
	quiet := fs.Bool("quiet", false, "no progress line")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, ingestUsage)
		fs.PrintDefaults()
	}
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			return parseErr(err)
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(inputs) == 0 && *follow == "" {
		fs.Usage()
		return errors.New("nothing to ingest: name files, folders, URLs or --follow FEEDS.txt")
	}
	if (*out != "" && *db != "") || (*queueURL != "" && (*out != "" || *db != "")) {
		return errors.New("--out, --db and --queue are exclusive")
	}

	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	opts := export.Options{IncludeText: *includeText}
	var sink ingest.Sink
	var pub *queue.Publisher
	switch {
	case *queueURL != "":
		q, err := queue.Connect(ctx, *queueURL, queue.Config{Name: *queueName, Replicas: *replicas})
		if err != nil {
			return err
		}
		defer q.Close()
		pub = queue.NewPublisher(q)
		sink = pub
	case *out == "-":
		sink = ingest.NewWriterSink(e.stdout, opts)
	case *out != "":
		fsink, err := ingest.OpenFileSink(*out, opts)
		if err != nil {
			return err
		}
		sink = fsink
	default:
		st, err := openDB(ctx, *db)
		if err != nil {
			return fmt.Errorf("opening store: %w", err)
		}
		defer st.Close()
		sink = storeSink(st)
	}
	var analyzer ingest.Analyzer
	if pub == nil {
		p, err := pipeline.New()
		if err != nil {
			sink.Close()
			return err
		}
		analyzer = p
	}
	rd := &ingest.Reader{}
	if !*noFetch {
		rd.Fetcher = &fetch.Client{MinInterval: *hostInterval}
		if *hostInterval <= 0 {
			rd.Fetcher.MinInterval = -1
		}
	}
	prog := newProgress(e.stderr, *quiet, totalSize(inputs))
	ro := ingest.Options{Reader: rd, Analyzer: analyzer, Sink: sink, Workers: *workers, NoDedup: *noDedup, Progress: prog.update}
	if _, ok := sink.(*ingest.StoreSink); ok {
		// A store's commit costs much the same for few documents as for
		// many (SQLite's indexes the batch for full-text search, rewrites
		// the index pages it touched, may checkpoint): batches of three
		// seconds rather than one took 7 % less CPU on the loaded machine
		// (docs/MEASURE.md). A kill loses at most that much analysis,
		// which the resumed run does again.
		ro.CommitInterval = 3 * time.Second
	}

	var total ingest.Stats
	var runErr error
	if len(inputs) > 0 {
		total, runErr = ingest.Run(ctx, inputs, e.stdin, ro)
	}
	if runErr == nil && *follow != "" {
		prog.total = 0
		ro.Sink = ingest.Remember(sink)
		for ctx.Err() == nil {
			feeds, err := readLines(*follow)
			if err != nil {
				runErr = err
				break
			}
			s, err := ingest.Run(ctx, feeds, e.stdin, ro)
			total = addStats(total, s)
			if err != nil && ctx.Err() == nil {
				runErr = err
				break
			}
			prog.clear()
			fmt.Fprintf(e.stderr, "parley ingest: polled %d feeds: %d new, %d duplicates, %d failed; next poll in %v\n",
				len(feeds), s.Extracted, s.Duplicates, s.Failed, *interval)
			t := time.NewTimer(*interval)
			select {
			case <-ctx.Done():
			case <-t.C:
			}
			t.Stop()
		}
		if errors.Is(runErr, context.Canceled) {
			runErr = nil
		}
	}
	prog.clear()
	if err := sink.Close(); err != nil && runErr == nil {
		runErr = err
	}
	writeSummary(e.stderr, total, prog.elapsed())
	if pub != nil {
		dead := pub.Dead()
		fmt.Fprintf(e.stderr, "parley ingest: %d documents queued on %s (stream %s) for parley worker; %d too large for the queue went to its dead letters\n",
			pub.Sent(), *queueURL, *queueName, len(dead))
		for _, d := range dead {
			fmt.Fprintf(e.stderr, "  dead letter  %s\n", d.Reason)
		}
		if len(dead) > 0 && runErr == nil {
			runErr = errSilent
		}
	}
	if runErr != nil {
		if errors.Is(runErr, context.Canceled) {
			return errors.New("interrupted (run it again to resume)")
		}
		return runErr
	}
	if total.Failed > 0 {
		return errSilent
	}
	return nil
}

// storeSink writes to st; a SQLite store takes each analysis as it comes,
// so that storing a batch overlaps its analysis (ingest.StoreSink).
func storeSink(st parley.Store) *ingest.StoreSink {
	sink := ingest.NewStoreSink(st)
	if b, ok := st.(interface {
		Begin(context.Context) (*sqlite.Batch, error)
	}); ok {
		sink.Begin = func(ctx context.Context) (ingest.StoreBatch, error) {
			tx, err := b.Begin(ctx)
			if err != nil {
				return nil, err
			}
			return tx, nil
		}
	}
	return sink
}

func addStats(a, b ingest.Stats) ingest.Stats {
	a.Read += b.Read
	a.Extracted += b.Extracted
	a.Duplicates += b.Duplicates
	a.Done += b.Done
	a.Skipped += b.Skipped
	a.Failed += b.Failed
	a.Bytes += b.Bytes
	for k, v := range b.SkipReasons {
		if a.SkipReasons == nil {
			a.SkipReasons = make(map[string]int)
		}
		a.SkipReasons[k] += v
	}
	a.Failures = append(a.Failures, b.Failures...)
	a.Repaired += b.Repaired
	a.Repairs = append(a.Repairs, b.Repairs...)
	a.Repairs = a.Repairs[:min(len(a.Repairs), ingest.MaxFailures)]
	if len(a.Failures) > ingest.MaxFailures {
		a.Failures = a.Failures[:ingest.MaxFailures]
	}
	return a
}

// readLines reads a list of inputs, one a line; blank lines and # comments
// are ignored.
func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines, sc.Err()
}

// totalSize is the size of the file inputs, for the ETA; 0 when unknown
// (standard input, URLs).
func totalSize(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return 0
		}
		st, err := os.Stat(in)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			n += st.Size()
			continue
		}
		_ = walkSize(in, &n)
	}
	return n
}

func walkSize(dir string, n *int64) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, d := range entries {
		if strings.HasPrefix(d.Name(), ".") {
			continue
		}
		p := dir + string(os.PathSeparator) + d.Name()
		if d.IsDir() {
			_ = walkSize(p, n)
			continue
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			*n += info.Size()
		}
	}
	return nil
}

func writeSummary(w io.Writer, s ingest.Stats, el time.Duration) {
	secs := max(el.Seconds(), 1e-9)
	fmt.Fprintf(w, "parley ingest: %d read, %d extracted, %d duplicates, %d already done, %d skipped, %d failed in %.1fs (%.0f docs/s, %.1f MB/s)\n",
		s.Read, s.Extracted, s.Duplicates, s.Done, s.Skipped, s.Failed, el.Seconds(),
		float64(s.Extracted+s.Duplicates)/secs, float64(s.Bytes)/1e6/secs)
	for _, r := range s.Reasons() {
		fmt.Fprintf(w, "  skipped %6d  %s\n", s.SkipReasons[r], r)
	}
	if s.Repaired > 0 {
		fmt.Fprintf(w, "  repaired %5d  analysed after repairing their input:\n", s.Repaired)
		for _, r := range s.Repairs {
			fmt.Fprintf(w, "    %s\n", r)
		}
	}
	// Failures by reason first (the error without its source), then each
	// failure with its source, so that a large batch stays readable.
	reasons := map[string]int{}
	for _, err := range s.Failures {
		reasons[failureReason(err)]++
	}
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if reasons[keys[i]] != reasons[keys[j]] {
			return reasons[keys[i]] > reasons[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 1 {
		for _, k := range keys {
			fmt.Fprintf(w, "  failed  %6d  %s\n", reasons[k], k)
		}
	}
	const listed = 50
	for i, err := range s.Failures {
		if i == listed {
			fmt.Fprintf(w, "  … and %d more failures\n", s.Failed-listed)
			return
		}
		fmt.Fprintf(w, "  failed  %v\n", err)
	}
	if s.Failed > len(s.Failures) {
		fmt.Fprintf(w, "  … and %d more failures\n", s.Failed-len(s.Failures))
	}
}

// failureReason is an error without the input it happened to: the cause
// inside the outermost parley.Error, with URLs replaced by "URL".
func failureReason(err error) string {
	var pe *parley.Error
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return urlPattern.ReplaceAllString(err.Error(), "URL")
}

var urlPattern = regexp.MustCompile(`"?https?://[^\s"]+"?`)

// progress draws one status line on a terminal, at most every 200 ms.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	total int64
	start time.Time
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer, quiet bool, total int64) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	if f, ok := w.(*os.File); ok && !quiet {
		p.on = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	return p
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }

func (p *progress) update(s ingest.Stats) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	line := fmt.Sprintf("%d docs  %.0f docs/s  %.1f MB/s  %d dup  %d failed",
		s.Extracted+s.Duplicates, float64(s.Extracted+s.Duplicates)/el, float64(s.Bytes)/1e6/el, s.Duplicates, s.Failed)
	if p.total > 0 && s.Bytes > 0 {
		frac := min(float64(s.Bytes)/float64(p.total), 1)
		eta := time.Duration(el/frac*(1-frac)) * time.Second
		line += fmt.Sprintf("  %3.0f%%  ETA %v", frac*100, eta.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
