package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/entity"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/quote"
)

// core holds the stages of the core extraction: entities with coreference,
// then quotes.
type core struct {
	recognizer *entity.Recognizer
	finder     *quote.Finder
}

func newCore(lex *lexicon.Lexicon) (*core, error) {
	speech, err := lexicon.LoadSpeech()
	if err != nil {
		return nil, fmt.Errorf("loading speech verbs: %w", err)
	}
	roles, err := lexicon.LoadRoles()
	if err != nil {
		return nil, fmt.Errorf("loading roles: %w", err)
	}
	return &core{
		recognizer: entity.NewRecognizer(entity.LexiconGazetteer{Lex: lex}, roles, speech),
		finder:     quote.NewFinder(speech, roles),
	}, nil
}

func entityID(i int) string { return fmt.Sprintf("E%d", i+1) }

// entities runs recognition and coreference and fills Analysis.Entities.
func (c *core) entities(_ context.Context, st *State) error {
	res := c.recognizer.Recognize(st.Text)
	st.Entities = res
	ents := make([]parley.Entity, len(res.Entities))
	copy(ents, res.Entities)
	for _, ref := range res.Refs {
		ents[ref.Entity].Mentions = append(ents[ref.Entity].Mentions, parley.Mention{Span: ref.Span, Kind: ref.Kind})
	}
	for i := range ents {
		ents[i].ID = entityID(i)
	}
	st.Analysis.Entities = ents
	return nil
}

// quotes finds the attributions; unnamed sources become GROUP entities so
// every quote with a source points at an entity.
func (c *core) quotes(_ context.Context, st *State) error {
	a := st.Analysis
	qs := c.finder.Find(st.Text, st.Entities, entityID)
	groups := map[string]string{}
	for i := range qs {
		q := &qs[i]
		if q.Speaker != "" || q.SpeakerName == "" || !q.Anonymous {
			continue
		}
		key := strings.ToLower(q.SpeakerName)
		id, ok := groups[key]
		if !ok {
			id = entityID(len(a.Entities))
			a.Entities = append(a.Entities, parley.Entity{ID: id, Type: parley.Group, Name: q.SpeakerName})
			groups[key] = id
		}
		e := &a.Entities[entityIndex(id)]
		e.Mentions = append(e.Mentions, parley.Mention{Span: q.SpeakerSpan, Kind: parley.NominalMention})
		q.Speaker = id
	}
	a.Quotes = qs
	return nil
}

func entityIndex(id string) int {
	n := 0
	for _, c := range id[1:] {
		n = n*10 + int(c-'0')
	}
	return n - 1
}
