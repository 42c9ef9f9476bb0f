package queue

import (
	"context"
	"sync"
	"time"
)

// leases keeps the messages a worker holds from being given to another
// worker while they wait for extraction or for their batch's commit: under
// load that wait can pass the consumer's ack wait, and the redelivery
// would be extracted a second time for nothing. A message held longer than
// maxHold is no longer kept, so that one a stuck extraction holds goes to
// another worker and, past MaxDeliver, to the dead letters.
type leases struct {
	mu      sync.Mutex
	held    map[*job]time.Time
	maxHold time.Duration
}

func newLeases(maxHold time.Duration) *leases {
	return &leases{held: make(map[*job]time.Time), maxHold: maxHold}
}

func (l *leases) add(j *job) {
	l.mu.Lock()
	l.held[j] = time.Now()
	l.mu.Unlock()
}

func (l *leases) drop(j *job) {
	l.mu.Lock()
	delete(l.held, j)
	l.mu.Unlock()
}

// touch tells the server that each message held for less than maxHold is
// still being worked on, and forgets the others.
func (l *leases) touch() {
	l.mu.Lock()
	var live []*job
	for j, since := range l.held {
		if time.Since(since) < l.maxHold {
			live = append(live, j)
		} else {
			delete(l.held, j)
		}
	}
	l.mu.Unlock()
	for _, j := range live {
		_ = j.msg.InProgress()
	}
}

// keep touches the held messages every interval until ctx ends.
func (l *leases) keep(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.touch()
		}
	}
}
