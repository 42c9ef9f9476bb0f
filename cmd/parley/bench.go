package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/pipeline"
)

func benchCommand() command {
	return command{
		name:    "bench",
		summary: "measure throughput and memory over JSONL articles (MB/s, docs/s, peak RSS)",
		run:     runBench,
	}
}

// benchReport is what parley bench measures; --json prints it.
type benchReport struct {
	Files       []string      `json:"files"`
	Stages      string        `json:"stages"`
	Repeat      int           `json:"repeat"`
	Workers     int           `json:"workers"`
	GOMAXPROCS  int           `json:"gomaxprocs"`
	NumCPU      int           `json:"num_cpu"`
	CPU         string        `json:"cpu,omitempty"`
	GoVersion   string        `json:"go_version"`
	Docs        int           `json:"docs"`
	Failed      int           `json:"failed"`
	TextBytes   int64         `json:"text_bytes"`
	InputBytes  int64         `json:"input_bytes"`
	Seconds     float64       `json:"seconds"`
	MBPerSec    float64       `json:"text_mb_per_s"`
	MBPerCPUSec float64       `json:"text_mb_per_cpu_s"` // robust to other load on the machine
	DocsPerSec  float64       `json:"docs_per_s"`
	Entities    int           `json:"entities"`
	Quotes      int           `json:"quotes"`
	Events      int           `json:"events"`
	Claims      int           `json:"claims"`
	Sentences   int           `json:"sentences,omitempty"`             // with --sentences
	EventSents  int           `json:"sentences_with_events,omitempty"` // with --sentences
	PeakRSSMB   float64       `json:"peak_rss_mb"`
	UserSeconds float64       `json:"cpu_user_s"`
	SysSeconds  float64       `json:"cpu_sys_s"`
	Passes      []benchSample `json:"passes"`
}

// benchSample is the memory after one pass over the input.
type benchSample struct {
	Pass      int     `json:"pass"`
	Docs      int     `json:"docs"`
	Seconds   float64 `json:"seconds"`
	RSSMB     float64 `json:"rss_mb"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
	HeapMB    float64 `json:"heap_mb"`
}

func runBench(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	stages := fs.String("stages", "full", "what to run: extract (entities, coref, quotes) or full (also events, claims)")
	workers := fs.Int("workers", 0, "parallel workers (0: GOMAXPROCS)")
	repeat := fs.Int("repeat", 1, "read the input this many times (memory must stay flat as it grows)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file at the end")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	sentences := fs.Bool("sentences", false, "also count sentences and the share that yield events (segments each text again)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: parley bench [flags] FILE.jsonl…\n\n"+
			"Streams {\"id\",\"text\",…} records through the pipeline and reports text MB/s, docs/s,\n"+
			"peak RSS (VmHWM), and the resident memory after each pass (--repeat).\n\n"+
			"Examples:\n"+
			"  GOMAXPROCS=1 parley bench --workers 1 news.jsonl   one core, full pipeline\n"+
			"  parley bench --stages extract --repeat 10 news.jsonl\n\nFlags:")
		fs.PrintDefaults()
	}
	files, err := parseArgs(fs, args)
	if err != nil {
		return parseErr(err)
	}
	if len(files) == 0 {
		fs.Usage()
		return errors.New("need at least one JSONL file")
	}
	if *repeat < 1 {
		return fmt.Errorf("--repeat %d: want >= 1", *repeat)
	}
	p, err := benchPipeline(*stages)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return err
		}
	}
	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	w := *workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	r := &benchReport{Files: files, Stages: *stages, Repeat: *repeat, Workers: w, GOMAXPROCS: runtime.GOMAXPROCS(0),
		NumCPU: runtime.NumCPU(), CPU: cpuModel(), GoVersion: runtime.Version()}
	if err := benchRun(ctx, p, files, *repeat, w, *sentences, r); err != nil {
		return err
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			return err
		}
		runtime.GC()
		err = pprof.WriteHeapProfile(f)
		runtime.KeepAlive(p) // profile the pipeline's own memory (lexicons) too
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", *memprofile, err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(r)
	}
	writeBench(e.stdout, r)
	if r.Failed > 0 {
		return fmt.Errorf("%d document(s) failed", r.Failed)
	}
	return nil
}

// benchPipeline builds the pipeline for --stages: extract (entities,
// coreference, quotes) or full (also events and claims).
func benchPipeline(stages string) (*pipeline.Pipeline, error) {
	level := pipeline.Full
	switch stages {
	case "full":
	case "extract":
		level = pipeline.Core
	default:
		return nil, fmt.Errorf("--stages %q: want extract or full", stages)
	}
	return pipeline.New(pipeline.WithLevel(level))
}

// benchRun streams the files (repeat times) through the pipeline and fills
// r. Nothing is kept per document, so memory depends on the widest record
// and the worker count, not on the input's size.
func benchRun(ctx context.Context, p *pipeline.Pipeline, files []string, repeat, workers int, sentences bool, r *benchReport) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan parley.Document, workers)
	passEnds := make(chan int, repeat) // cumulative documents sent at the end of each pass
	readErr := make(chan error, 1)
	var inputBytes int64
	go func() {
		defer close(in)
		sent := 0
		for pass := 0; pass < repeat; pass++ {
			for _, name := range files {
				n, b, err := benchRead(ctx, name, pass, in)
				sent += n
				if pass == 0 {
					inputBytes += b
				}
				if err != nil {
					readErr <- err
					return
				}
			}
			passEnds <- sent
		}
	}()
	user0, sys0, _ := processUsage()
	start := time.Now()
	next, pass := -1, 0
	for res := range p.Stream(ctx, in, workers) {
		r.Docs++
		r.TextBytes += int64(len(res.Document.Text))
		if res.Err != nil {
			r.Failed++
		} else {
			a := res.Doc
			r.Entities += len(a.Entities)
			r.Quotes += len(a.Quotes)
			r.Events += len(a.Events)
			r.Claims += len(a.Claims)
			if sentences {
				n, withEvents := eventSentences(a)
				r.Sentences += n
				r.EventSents += withEvents
			}
		}
		// sample memory once the pass that ended at document next is done
		for {
			if next < 0 {
				select {
				case next = <-passEnds:
				default:
				}
			}
			if next < 0 || r.Docs < next {
				break
			}
			pass++
			r.Passes = append(r.Passes, sampleMemory(pass, next, time.Since(start)))
			next = -1
		}
	}
	elapsed := time.Since(start)
	select {
	case err := <-readErr:
		return err
	default:
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// passes whose end was learnt after their last result
	for len(r.Passes) < repeat {
		if next < 0 {
			next = <-passEnds // sent before the input was closed
		}
		pass++
		r.Passes = append(r.Passes, sampleMemory(pass, next, elapsed))
		next = -1
	}
	user, sys, maxRSS := processUsage()
	r.UserSeconds, r.SysSeconds = user-user0, sys-sys0
	r.InputBytes = inputBytes * int64(repeat)
	r.Seconds = elapsed.Seconds()
	if r.Seconds > 0 {
		r.MBPerSec = float64(r.TextBytes) / 1e6 / r.Seconds
		r.DocsPerSec = float64(r.Docs) / r.Seconds
	}
	if cpu := r.UserSeconds + r.SysSeconds; cpu > 0 {
		r.MBPerCPUSec = float64(r.TextBytes) / 1e6 / cpu
	}
	r.PeakRSSMB = procStatusMB("VmHWM")
	if r.PeakRSSMB < 0 {
		r.PeakRSSMB = maxRSS
	}
	return nil
}

// benchRead sends the records of one JSONL file; it returns how many it
// sent and the bytes it read.
func benchRead(ctx context.Context, name string, pass int, out chan<- parley.Document) (int, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	n, ln := 0, 0
	var read int64
	for sc.Scan() {
		ln++
		read += int64(len(sc.Bytes())) + 1
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		d, err := jsonlDocument(ctx, line, name, ln, time.Time{})
		if err != nil {
			return n, read, fmt.Errorf("%s:%d: %w", name, ln, err)
		}
		if pass > 0 {
			d.ID += "#" + strconv.Itoa(pass)
		}
		select {
		case out <- d:
			n++
		case <-ctx.Done():
			return n, read, ctx.Err()
		}
	}
	if err := sc.Err(); err != nil {
		return n, read, fmt.Errorf("%s: after line %d: %w", name, ln, err)
	}
	return n, read, nil
}

// eventSentences counts the sentences of a document and those in which
// the evidence of at least one event starts.
func eventSentences(a *parley.Doc) (n, withEvents int) {
	d := a
	has := make([]bool, len(d.Sentences))
	for _, ev := range a.Events {
		if len(d.Tokens) == 0 {
			break
		}
		if k := d.SentenceOf(d.TokenAt(ev.Evidence.Start)); k < len(has) {
			has[k] = true
		}
	}
	for _, h := range has {
		if h {
			withEvents++
		}
	}
	return len(d.Sentences), withEvents
}

// procStatusMB reads a "VmXXX:  1234 kB" field of /proc/self/status in MB
// (10^6 bytes), or -1 where there is no /proc.
func procStatusMB(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				if kb, err := strconv.ParseFloat(f[0], 64); err == nil {
					return kb * 1024 / 1e6
				}
			}
		}
	}
	return -1
}

func sampleMemory(pass, docs int, d time.Duration) benchSample {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return benchSample{Pass: pass, Docs: docs, Seconds: d.Seconds(), RSSMB: procStatusMB("VmRSS"),
		PeakRSSMB: procStatusMB("VmHWM"), HeapMB: float64(ms.HeapInuse) / 1e6}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func writeBench(w io.Writer, r *benchReport) {
	fmt.Fprintf(w, "parley bench: %s, stages %s, repeat %d\n", strings.Join(r.Files, " "), r.Stages, r.Repeat)
	fmt.Fprintf(w, "machine: %s, %d CPUs, GOMAXPROCS %d, workers %d, %s\n", r.CPU, r.NumCPU, r.GOMAXPROCS, r.Workers, r.GoVersion)
	fmt.Fprintf(w, "input: %d docs, %.1f MB text (%.1f MB JSONL), %d failed\n", r.Docs, float64(r.TextBytes)/1e6,
		float64(r.InputBytes)/1e6, r.Failed)
	fmt.Fprintf(w, "found: %d entities, %d quotes, %d events, %d claims\n", r.Entities, r.Quotes, r.Events, r.Claims)
	if r.Sentences > 0 {
		fmt.Fprintf(w, "sentences: %d, %d with an event (%.1f%%)\n", r.Sentences, r.EventSents,
			100*float64(r.EventSents)/float64(r.Sentences))
	}
	fmt.Fprintf(w, "time: %.2fs wall, %.2fs user, %.2fs sys\n", r.Seconds, r.UserSeconds, r.SysSeconds)
	fmt.Fprintf(w, "throughput: %.2f MB/s of text, %.0f docs/s (%.2f MB per CPU-second)\n", r.MBPerSec, r.DocsPerSec, r.MBPerCPUSec)
	fmt.Fprintf(w, "peak RSS: %.1f MB\n", r.PeakRSSMB)
	if len(r.Passes) > 1 {
		fmt.Fprintln(w, "memory after each pass:")
		for _, s := range r.Passes {
			fmt.Fprintf(w, "  pass %3d: %8d docs  %7.1fs  RSS %6.1f MB  peak %6.1f MB  heap %6.1f MB\n",
				s.Pass, s.Docs, s.Seconds, s.RSSMB, s.PeakRSSMB, s.HeapMB)
		}
	}
}
