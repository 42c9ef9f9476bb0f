package pipeline

import (
	"context"
	"fmt"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/entity"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/ner"
	"github.com/parley-news/parley/quote"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

// core holds the stages of the core extraction: entities with coreference,
// then quotes.
type core struct {
	recognizer *entity.Recognizer
	finder     *quote.Finder
}

func newCore(lex *lexicon.Lexicon, syn *syntax.Model) (*core, error) {
	speech, err := lexicon.LoadSpeech()
	if err != nil {
		return nil, fmt.Errorf("loading speech verbs: %w", err)
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		return nil, fmt.Errorf("loading roles: %w", err)
	}
	model, err := ner.Load(lex, roles)
	if err != nil {
		return nil, fmt.Errorf("loading the entity recogniser: %w", err)
	}
	attitudes, err := lexicon.LoadAttitudes()
	if err != nil {
		return nil, fmt.Errorf("loading attitude verbs: %w", err)
	}
	structure, err := text.LoadStructure()
	if err != nil {
		return nil, fmt.Errorf("loading document structure markers: %w", err)
	}
	return &core{
		recognizer: entity.NewRecognizer(entity.LexiconGazetteer{Lex: lex}, roles, speech,
			entity.WithModel(model), entity.WithStructure(structure), entity.WithSyntax(syn)),
		finder: quote.NewFinder(speech, roles).WithSyntax(syn).WithAttitudes(attitudes),
	}, nil
}

// entities runs recognition and coreference.
func (c *core) entities(_ context.Context, d *parley.Doc) error {
	c.recognizer.Recognize(d)
	return nil
}

// quotes finds the attributions.
func (c *core) quotes(_ context.Context, d *parley.Doc) error {
	c.finder.Find(d)
	return nil
}
