package pipeline

import (
	"context"
	"fmt"

	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/event"
	"github.com/parley-news/parley/lexicon"
)

// eventStage codes the events of a document from its tokens, entities and
// quotes.
type eventStage struct {
	coder *event.Coder
}

func newEventStage() (*eventStage, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("loading lexicon: %w", err)
	}
	c, err := event.New()
	if err != nil {
		return nil, err
	}
	return &eventStage{coder: c.WithLexicon(lex)}, nil
}

// eventStages returns the stages that follow quotes: events, then claims.
func eventStages() ([]stage, error) {
	e, err := newEventStage()
	if err != nil {
		return nil, err
	}
	return []stage{e.codeEvents, findClaims}, nil
}

// codeEvents fills Analysis.Events. It reads st.Text, st.Entities and the
// quotes already in the analysis.
func (e *eventStage) codeEvents(ctx context.Context, st *State) error {
	a := st.Analysis
	evs, err := e.coder.Code(ctx, event.Input{
		Doc: st.Text, Entities: st.Entities, EntityIDs: a.Entities, Quotes: a.Quotes,
		Published: a.Document.Published, Places: e.coder.Place,
	})
	if err != nil {
		return fmt.Errorf("coding events: %w", err)
	}
	a.Events = evs
	return nil
}

// findClaims fills Analysis.Claims from the quotes and events.
func findClaims(_ context.Context, st *State) error {
	st.Analysis.Claims = claim.Find(st.Analysis, st.Text)
	return nil
}
