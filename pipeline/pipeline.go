// Package pipeline composes parley's stages (segmentation, entities,
// coreference, quotes, events, claims) into one extraction, and runs it over
// streams of documents with a bounded worker pool.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/event"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

// Pipeline extracts analyses from documents. It is safe for concurrent use.
type Pipeline struct {
	stages []stage
	// section is the size above which a document is analysed in
	// paragraph-aligned sections (see sections.go); 0 means the default.
	section int
}

// stage adds its layer to a Doc, reading the layers before it.
type stage func(ctx context.Context, d *parley.Doc) error

// Level says how far the pipeline goes.
type Level int

const (
	// Core runs segmentation, entities with coreference, and quotes.
	Core Level = iota + 1
	// Full also codes events and groups claims.
	Full
)

// Option configures New.
type Option func(*config)

type config struct {
	level Level
}

// WithLevel sets how far the pipeline goes (default Full).
func WithLevel(l Level) Option { return func(c *config) { c.level = l } }

// New builds the pipeline with the embedded lexicons, loaded once and shared
// by every stage.
func New(opts ...Option) (*Pipeline, error) {
	cfg := config{level: Full}
	for _, o := range opts {
		o(&cfg)
	}
	// The syntax model and the event dictionaries do not depend on the
	// lexicon: they load on other cores meanwhile, which halves the
	// start-up time of a process that extracts one short text.
	type parsed struct {
		m   *syntax.Model
		err error
	}
	models := make(chan parsed, 1)
	go func() {
		m, err := syntax.Load()
		if err != nil {
			err = fmt.Errorf("loading the syntax model: %w", err)
		}
		models <- parsed{m, err}
	}()
	type coded struct {
		c   *event.Coder
		err error
	}
	events := make(chan coded, 1)
	if cfg.level >= Full {
		go func() {
			c, err := event.New()
			events <- coded{c, err}
		}()
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("loading lexicon: %w", err)
	}
	syn := <-models
	if syn.err != nil {
		return nil, syn.err
	}
	c, err := newCore(lex, syn.m)
	if err != nil {
		return nil, err
	}
	p := &Pipeline{}
	p.stages = append(p.stages, segment, c.entities, c.quotes)
	if cfg.level >= Full {
		ev := <-events
		if ev.err != nil {
			return nil, ev.err
		}
		p.stages = append(p.stages, eventStages(ev.c.WithSyntax(syn.m), lex, (&claim.Grouper{}).WithSyntax(syn.m))...)
	}
	return p, nil
}

// Extract analyses one document. Invalid UTF-8 is repaired (and reported in
// Doc.Warnings); the offsets then refer to the repaired text.
func (p *Pipeline) Extract(ctx context.Context, doc parley.Document) (*parley.Doc, error) {
	d := parley.NewDoc(doc)
	run := p.run
	if len(d.Text) > p.sectionBytes() {
		run = p.extractSections
	}
	if err := run(ctx, d); err != nil {
		return nil, fmt.Errorf("document %q: %w", doc.ID, err)
	}
	return d, nil
}

// run passes d through every stage. A stage that panics on some input is a
// bug, but one document must not take down a batch: the panic becomes this
// document's error, with the stack, and the stream goes on.
func (p *Pipeline) run(ctx context.Context, d *parley.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it with this input): %v\n%s", r, debug.Stack())
		}
	}()
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// segment is the first stage: tokens, sentences, paragraphs, quotation marks.
func segment(_ context.Context, d *parley.Doc) error {
	text.Segment(d)
	return nil
}

// Result is the outcome for one document of a stream.
type Result struct {
	Seq      int // position in the input stream
	Document parley.Document
	Doc      *parley.Doc // the analysis; nil when Err is set
	Err      error
}

// Stream analyses the documents of in with workers goroutines (all cores if
// workers <= 0) and delivers the results in input order. At most a bounded
// number of documents are in flight, so memory does not grow with the input.
// The output channel is closed when in is closed and drained, or ctx ends.
func (p *Pipeline) Stream(ctx context.Context, in <-chan parley.Document, workers int) <-chan Result {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		doc parley.Document
		out chan Result
	}
	jobs := make(chan job, workers)
	order := make(chan chan Result, workers*4)
	out := make(chan Result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d, err := p.Extract(ctx, j.doc)
				j.out <- Result{Seq: j.seq, Document: j.doc, Doc: d, Err: err}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		seq := 0
		for {
			select {
			case <-ctx.Done():
				return
			case d, ok := <-in:
				if !ok {
					return
				}
				c := make(chan Result, 1)
				select {
				case order <- c:
				case <-ctx.Done():
					return
				}
				jobs <- job{seq: seq, doc: d, out: c}
				seq++
			}
		}
	}()
	go func() {
		defer close(out)
		for c := range order {
			r := <-c
			select {
			case out <- r:
			case <-ctx.Done():
				// drain so workers are not stuck
				for c := range order {
					<-c
				}
				wg.Wait()
				return
			}
		}
		wg.Wait()
	}()
	return out
}
