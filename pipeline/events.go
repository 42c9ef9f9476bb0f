package pipeline

import (
	"context"
	"fmt"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/claim"
	"github.com/parley-news/parley/event"
	"github.com/parley-news/parley/lexicon"
)

// eventStages returns the stages that follow quotes: events (coded with
// c, which learns the places of lex), then claims (grouped with g).
func eventStages(c *event.Coder, lex *lexicon.Lexicon, g *claim.Grouper) []stage {
	coder := c.WithLexicon(lex)
	codeEvents := func(ctx context.Context, d *parley.Doc) error {
		if err := coder.Code(ctx, d); err != nil {
			return fmt.Errorf("coding events: %w", err)
		}
		return nil
	}
	findClaims := func(_ context.Context, d *parley.Doc) error {
		g.Find(d)
		return nil
	}
	return []stage{codeEvents, findClaims}
}
