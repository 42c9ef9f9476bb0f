package http

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/parley-news/parley"
)

// Jobs analyse large posted articles in the background, one at a time (an
// analysis takes what CPU there is), each within a time budget that grows
// with its size. At most MaxJobs wait or run: a post that would have to wait
// longer is refused with 503, so what is accepted can finish. Jobs live in
// the server's memory: a restart forgets them (a finished job's article is
// in the store).

// jobKeep is how long a finished job's status stays readable.
const jobKeep = time.Hour

// maxJobsKept bounds the finished jobs kept.
const maxJobsKept = 1000

// job is the status of one background analysis, as GET /api/jobs/{id}
// shows it.
type job struct {
	ID        string      `json:"id"`
	Status    string      `json:"status"` // queued, running, done, failed
	Bytes     int         `json:"bytes"`
	Budget    float64     `json:"budget_seconds"` // the time it may take once running
	Submitted time.Time   `json:"submitted"`
	Started   *time.Time  `json:"started,omitempty"`
	Finished  *time.Time  `json:"finished,omitempty"`
	Result    *postResult `json:"result,omitempty"`
	Error     string      `json:"error,omitempty"`

	doc parley.Document // until it runs
}

type jobQueue struct {
	ctx    context.Context
	cancel context.CancelFunc
	queue  chan *job
	start  sync.Once
	done   sync.WaitGroup

	mu      sync.Mutex
	pending int // jobs queued or running
	byID    map[string]*job
	ids     []string // in the order submitted
}

func newJobQueue(max int) *jobQueue {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobQueue{ctx: ctx, cancel: cancel, queue: make(chan *job, max), byID: map[string]*job{}}
}

// budget is the time a job of n bytes may take.
func (s *Server) budget(n int) time.Duration {
	return max(s.opt.JobTimeout, time.Duration(float64(s.opt.JobTimeout)*float64(n)/(1<<20)))
}

// submit queues a posted document for analysis and answers 202 with the
// job's status URL, or 503 when the queue is full.
func (s *Server) submit(w http.ResponseWriter, r *http.Request, doc parley.Document, size int) {
	q := s.jobs
	id := make([]byte, 12)
	rand.Read(id)
	j := &job{ID: "j" + hex.EncodeToString(id), Status: "queued", Bytes: size, Budget: s.budget(size).Seconds(),
		Submitted: time.Now().UTC(), doc: doc}
	q.start.Do(func() {
		q.done.Add(1)
		go s.work()
	})
	q.mu.Lock()
	if q.pending >= cap(q.queue) {
		q.mu.Unlock()
		w.Header().Set("Retry-After", strconv.Itoa(int(s.opt.JobTimeout.Seconds())))
		writeJSON(w, http.StatusServiceUnavailable, apiError{fmt.Sprintf("%d large articles are being analysed or waiting: try again later", cap(q.queue))})
		return
	}
	q.pending++
	q.queue <- j // never blocks: the queue holds as many as may be pending
	q.byID[j.ID] = j
	q.ids = append(q.ids, j.ID)
	q.forget(time.Now())
	view := *j
	q.mu.Unlock()
	w.Header().Set("Location", "/api/jobs/"+j.ID)
	writeJSON(w, http.StatusAccepted, view)
}

// forget drops finished jobs older than jobKeep, and the oldest finished ones
// beyond maxJobsKept. The caller holds q.mu.
func (q *jobQueue) forget(now time.Time) {
	excess := len(q.ids) - maxJobsKept
	kept := q.ids[:0]
	for _, id := range q.ids {
		j := q.byID[id]
		if j.Finished != nil && (excess > 0 || now.Sub(*j.Finished) > jobKeep) {
			delete(q.byID, id)
			excess--
			continue
		}
		kept = append(kept, id)
	}
	q.ids = kept
}

// work runs the queued jobs until the server closes.
func (s *Server) work() {
	q := s.jobs
	defer q.done.Done()
	for {
		select {
		case <-q.ctx.Done():
			return
		case j := <-q.queue:
			s.run(j)
		}
	}
}

func (s *Server) run(j *job) {
	q := s.jobs
	now := time.Now().UTC()
	q.mu.Lock()
	j.Status, j.Started = "running", &now
	doc := j.doc
	j.doc = parley.Document{}
	q.mu.Unlock()
	ctx, cancel := context.WithTimeout(q.ctx, s.budget(j.Bytes))
	defer cancel()
	res, err := s.analyse(ctx, doc)
	end := time.Now().UTC()
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending--
	j.Finished = &end
	switch {
	case err == nil:
		j.Status, j.Result = "done", &res
	case errors.Is(err, context.DeadlineExceeded):
		j.Status, j.Error = "failed", fmt.Sprintf("the analysis took longer than its budget of %.0f s", j.Budget)
	default:
		j.Status, j.Error = "failed", "the analysis failed"
		var pe *parley.Error
		if errors.As(err, &pe) || errors.Is(err, parley.ErrInvalid) {
			j.Error = err.Error()
		}
		s.opt.Logger.Error("background analysis failed", "job", j.ID, "err", err)
	}
}

// getJob answers with a job's status; a finished job's answer is 303 See
// Other, to the article.
func (s *Server) getJob(w http.ResponseWriter, r *http.Request) {
	q := s.jobs
	q.mu.Lock()
	j, ok := q.byID[r.PathValue("id")]
	var view job
	if ok {
		view = *j
	}
	q.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError{fmt.Sprintf("no job %q: jobs are kept in the server's memory for %s after they finish", r.PathValue("id"), jobKeep)})
		return
	}
	if view.Status == "done" {
		w.Header().Set("Location", "/api/articles/"+view.Result.ArticleID)
		writeJSON(w, http.StatusSeeOther, view)
		return
	}
	writeJSON(w, http.StatusOK, view)
}

// Close stops the background analyses (a running one is cancelled) and
// waits for them to stop.
func (s *Server) Close() error {
	s.jobs.cancel()
	s.jobs.done.Wait()
	return nil
}
