package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers of a dead letter.
const (
	HeaderReason     = "Parley-Reason"     // why the document failed
	HeaderDeliveries = "Parley-Deliveries" // how often the work queue delivered it
	HeaderSequence   = "Parley-Sequence"   // its sequence number in the work stream
	HeaderHash       = "Parley-Content-Hash"
	HeaderTruncated  = "Parley-Truncated" // the body is the first bytes of the message only
)

// maxDeadBody bounds the copy of the message a dead letter carries.
const maxDeadBody = 256 << 10

// DeadLetter is a document that failed, as the dead-letter stream holds it.
type DeadLetter struct {
	Reason     string
	Deliveries int
	Sequence   uint64 // in the work stream; 0 when it never got there
	Hash       string
	Data       []byte // the message, or its first bytes when Truncated
	Truncated  bool
}

// deadLetter stores d in the dead-letter stream and waits for the stream
// to confirm it, so that the original may then be dropped.
func (q *Queue) deadLetter(ctx context.Context, d DeadLetter) error {
	m := nats.NewMsg(q.DeadSubject())
	m.Header.Set(HeaderReason, d.Reason)
	m.Header.Set(HeaderDeliveries, strconv.Itoa(d.Deliveries))
	if d.Sequence > 0 {
		m.Header.Set(HeaderSequence, strconv.FormatUint(d.Sequence, 10))
		// One dead letter per work message, even when a worker dies after
		// writing it and the message comes back.
		m.Header.Set(jetstream.MsgIDHeader, "dead-"+strconv.FormatUint(d.Sequence, 10))
	}
	if d.Hash != "" {
		m.Header.Set(HeaderHash, d.Hash)
	}
	m.Data = d.Data
	if len(m.Data) > maxDeadBody {
		m.Data = m.Data[:maxDeadBody]
		m.Header.Set(HeaderTruncated, "true")
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := q.JS.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("dead letter: %w", err)
	}
	return nil
}

// DeadLetters returns the dead letters stored so far (at most max), oldest
// first, without removing them.
func (q *Queue) DeadLetters(ctx context.Context, max int) ([]DeadLetter, error) {
	st, err := q.JS.Stream(ctx, q.DeadStream())
	if err != nil {
		return nil, fmt.Errorf("dead-letter stream: %w", err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead-letter stream: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < max && info.State.Msgs > 0; seq++ {
		raw, err := st.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		d := DeadLetter{Reason: raw.Header.Get(HeaderReason), Hash: raw.Header.Get(HeaderHash), Data: raw.Data,
			Truncated: raw.Header.Get(HeaderTruncated) != ""}
		d.Deliveries, _ = strconv.Atoi(raw.Header.Get(HeaderDeliveries))
		d.Sequence, _ = strconv.ParseUint(raw.Header.Get(HeaderSequence), 10, 64)
		out = append(out, d)
	}
	return out, nil
}
