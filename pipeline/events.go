package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/event"
	"github.com/parley-news/parley/lexicon"
)

// eventStage codes the events of a document from its tokens, entities and
// quotes.
type eventStage struct {
	coder *event.Coder
}

func newEventStage(lex *lexicon.Lexicon) (*eventStage, error) {
	c, err := event.New()
	if err != nil {
		return nil, err
	}
	return &eventStage{coder: c.WithLexicon(lex)}, nil
}

// eventStages returns the stages that follow quotes: events, then claims.
func eventStages(lex *lexicon.Lexicon) ([]stage, error) {
	e, err := newEventStage(lex)
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

// findClaims fills Analysis.Claims from the quotes and events. A stance
// whose source the entity layer does not know (an outlet named only in "as
// X reported", the possessor of "the Democrats' allegation") gets an entity,
// as unnamed quote sources do, so that every stance points at one.
func findClaims(_ context.Context, st *State) error {
	a := st.Analysis
	a.Claims = claim.Find(a, st.Text)
	for ci := range a.Claims {
		for si := range a.Claims[ci].Stances {
			s := &a.Claims[ci].Stances[si]
			if s.Source != "" || s.SourceName == "" {
				continue
			}
			s.Source = entityNamed(a, s.SourceName, s.Evidence)
		}
	}
	return nil
}

// entityNamed returns the id of the entity called name, adding a GROUP
// entity with a mention at sp when there is none.
func entityNamed(a *parley.Analysis, name string, sp parley.Span) string {
	for _, e := range a.Entities {
		if strings.EqualFold(e.Name, name) {
			return e.ID
		}
	}
	id := entityID(len(a.Entities))
	a.Entities = append(a.Entities, parley.Entity{ID: id, Type: parley.Group, Name: name,
		Mentions: []parley.Mention{{Span: sp, Kind: parley.NameMention}}})
	return id
}
