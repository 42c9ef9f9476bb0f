package event

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parley-news/parley"
	"github.com/parley-news/parley/lexicon"
	"github.com/parley-news/parley/syntax"
	"github.com/parley-news/parley/text"
)

var (
	//go:embed data/cameo_codes.tsv
	cameoCodesTSV string
	//go:embed data/CAMEO.2.0.txt
	cameoVerbsTxt string
	//go:embed data/verbs.txt
	parleyVerbsTxt string
	//go:embed data/nouns.tsv
	parleyNounsTSV string
	//go:embed data/Phoenix.Countries.actors.txt
	phoenixCountries string
	//go:embed data/Phoenix.International.actors.txt
	phoenixInternational string
	//go:embed data/Phoenix.MilNonState.actors.txt
	phoenixMilNonState string
	//go:embed data/Phoenix.agents.txt
	phoenixAgents string
	//go:embed data/agents.txt
	parleyAgents string
	//go:embed data/Phoenix.discards.txt
	phoenixDiscards string
	//go:embed data/discards.txt
	parleyDiscards string
	//go:embed data/modality.tsv
	modalityTSV string
	//go:embed data/senses.tsv
	sensesTSV string
	//go:embed data/speechacts.tsv
	speechActsTSV string
	//go:embed data/realis.tsv
	realisTSV string
	//go:embed data/entity_kinds.tsv
	entityKindsTSV string
)

// Options change what a Coder emits.
type Options struct {
	// Statements also emits CAMEO 01 events (plain statements), but only in
	// sentences where nothing else is coded. parley's normal output never
	// contains them (PLOVER drops 01); scoring against CAMEO-manual gold
	// that has 01 rows uses it.
	Statements bool
}

// Coder codes events. It is immutable after New and safe for concurrent use.
type Coder struct {
	codes   map[string]Code
	verbs   *verbDict // PETRARCH2 CAMEO.2.0
	overlay *verbDict // parley's additions and corrections, consulted first
	nouns   *nounDict
	discard *discards
	classes wordClasses       // modality cues and word senses (modality.tsv, senses.tsv)
	speech  map[string]string // speech-act cue → CAMEO code (speechacts.tsv)
	actors  *actorDict
	kinds   kindRoles // entity type and kind → role (entity_kinds.tsv)
	opts    Options
	// keys says what a word can start (keyAgent|keyVerb|keyNoun); capKeys
	// holds the much larger set of named-actor first words, looked up only
	// for capitalised words.
	keys    map[string]uint8
	capKeys map[string]bool
	lex     *lexicon.Lexicon  // countries, seats, organisations, gazetteer; may be nil
	capital map[string]string // capital city name → CAMEO country code
	// parsers hand out syntax parsers of one model, one per document being
	// coded; nil without WithSyntax, and the coder falls back on the
	// word-window tests of verbLike.
	parsers *sync.Pool
}

// New builds a Coder from the embedded dictionaries.
func New() (*Coder, error) {
	c := &Coder{}
	var err error
	if c.codes, err = parseCodes(cameoCodesTSV); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	if c.verbs, err = parseVerbs(cameoVerbsTxt, nil); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	if c.overlay, err = parseVerbs(parleyVerbsTxt, c.verbs.syn); err != nil {
		return nil, fmt.Errorf("event: verbs.txt: %w", err)
	}
	if c.nouns, err = parseNouns(parleyNounsTSV); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	c.discard = parseDiscards(phoenixDiscards + "\n" + parleyDiscards)
	if c.speech, err = parseSpeechActs(speechActsTSV, c.codes); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	c.classes = wordClasses{}
	for _, f := range []struct{ name, data string }{{"modality.tsv", modalityTSV}, {"senses.tsv", sensesTSV}, {"realis.tsv", realisTSV}} {
		wc, err := parseClasses(f.name, f.data)
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		for k, v := range wc {
			c.classes[k] = v
		}
	}
	c.actors = newActorDict()
	for _, f := range []struct{ name, data string }{
		{"Phoenix.Countries.actors.txt", phoenixCountries},
		{"Phoenix.International.actors.txt", phoenixInternational},
		{"Phoenix.MilNonState.actors.txt", phoenixMilNonState},
	} {
		if err := c.actors.parseActors(f.name, f.data); err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
	}
	if err := c.actors.parseAgents("Phoenix.agents.txt", phoenixAgents); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	if err := c.actors.parseAgents("agents.txt", parleyAgents); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	c.actors.sortPhrases()
	if c.kinds, err = parseKindRoles("entity_kinds.tsv", entityKindsTSV); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	c.keys = make(map[string]uint8)
	c.capKeys = make(map[string]bool, len(c.actors.actorsBy))
	for k := range c.actors.actorsBy {
		c.capKeys[k] = true
	}
	for k := range c.actors.agentsBy {
		c.keys[k] |= keyAgent
	}
	for _, d := range []*verbDict{c.verbs, c.overlay} {
		for k := range d.forms {
			c.keys[k] |= keyVerb
		}
	}
	// keyEvent marks the verb forms that can yield an event at all (not
	// "said", which only ever codes a statement).
	for k, vs := range c.overlay.forms {
		only := false
		for _, v := range vs {
			if eventCapable(v) {
				c.keys[k] |= keyEvent
			}
			only = only || strings.HasSuffix(v.block.lemma, "_ONLY")
		}
		if !only {
			for _, v := range c.verbs.forms[k] {
				if len(v.block.patterns) > 0 && eventCapable(&verb{block: v.block}) {
					c.keys[k] |= keyEvent
				}
			}
		}
	}
	for k, vs := range c.verbs.forms {
		if _, ok := c.overlay.forms[k]; ok {
			continue
		}
		for _, v := range vs {
			if eventCapable(v) {
				c.keys[k] |= keyEvent
			}
		}
	}
	for k := range c.nouns.byWord {
		c.keys[k] |= keyEvent
	}
	for k := range c.nouns.byWord {
		c.keys[k] |= keyNoun
	}
	return c, nil
}

// Flags of Coder.keys: which dictionaries have entries starting with a word.
const (
	keyActor uint8 = 1 << iota
	keyAgent
	keyVerb
	keyNoun
	keyEvent
)

// eventCapable reports whether a verb's code or one of its block's patterns
// is an event code (not a statement, not "no event").
func eventCapable(v *verb) bool {
	if v.code != "" && !strings.HasPrefix(v.code, "01") {
		return true
	}
	for _, p := range v.block.patterns {
		if p.code != "" && !strings.HasPrefix(p.code, "01") {
			return true
		}
	}
	return false
}

// WithOptions returns a copy of c that uses o.
func (c *Coder) WithOptions(o Options) *Coder {
	cc := *c
	cc.opts = o
	return &cc
}

// WithLexicon returns a copy of c that also resolves actors through lex
// (country names and demonyms the Phoenix files lack, seats of government
// such as "the Kremlin", organisations with CAMEO codes) and treats a
// capital named as an actor as its government ("Moscow said").
func (c *Coder) WithLexicon(lex *lexicon.Lexicon) *Coder {
	cc := *c
	cc.lex = lex
	cc.capital = make(map[string]string)
	for _, k := range lex.Countries() {
		if k.Capital != "" && k.CAMEO != "" {
			cc.capital[strings.ToUpper(k.Capital)] = k.CAMEO
		}
	}
	return &cc
}

// WithSyntax returns a copy of c that tags each sentence holding a possible
// trigger with m, writing the tags into the Doc, and decides from them
// whether a dictionary verb is used as a verb.
func (c *Coder) WithSyntax(m *syntax.Model) *Coder {
	cc := *c
	cc.parsers = &sync.Pool{New: func() any { return m.NewParser() }}
	return &cc
}

// Place resolves a place name with the lexicon's gazetteer, or nil.
func (c *Coder) Place(name string) *parley.Location {
	if c.lex == nil {
		return nil
	}
	if k := c.lex.CountryByName(name); k != nil {
		return &parley.Location{Name: k.Name, Country: k.ISO2, Lat: k.Lat, Lon: k.Lon}
	}
	if p := c.lex.Place(name); p != nil {
		return &parley.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
	}
	return nil
}

// Lookup returns the description of a CAMEO code.
func (c *Coder) Lookup(code string) (Code, bool) {
	k, ok := c.codes[code]
	return k, ok
}

// input is what the coder reads of one document: the Doc (tokens, entity
// mentions, quotes) and the entity codes worked out so far.
type input struct {
	Doc       *parley.Doc
	Published time.Time      // for relative dates; zero if unknown
	entCodes  map[int]string // codes of entities already worked out, by index
	parser    *syntax.Parser // nil when the coder has no syntax model
	words     []syntax.Word  // the parser's output, reused
	sport     int8           // 1: the document is a sports report, -1: it is not, 0: not yet known
	si        int            // index of the sentence being coded
}

// Code codes the events of d and sets d.Events, in text order. It reads the
// tokens, the entity mentions and the quotes of d, and d.Published for
// relative dates.
func (c *Coder) Code(ctx context.Context, d *parley.Doc) error {
	d.Events = nil
	skip := c.discardedParagraphs(d)
	in := &input{Doc: d, Published: d.Published, entCodes: make(map[int]string)}
	if c.parsers != nil {
		p := c.parsers.Get().(*syntax.Parser)
		defer c.parsers.Put(p)
		in.parser = p
	}
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.Para < len(skip) && skip[s.Para] {
			continue
		}
		in.si = si
		d.Events = append(d.Events, c.codeSentence(in, s)...)
	}
	// What the sentence coder cannot see: the acts quotes are, and the
	// assaults on and penalties of people who have no actor code.
	add := append(c.speechActs(in, skip), c.bodilyHarm(in, skip)...)
	add = append(add, c.penalties(in, skip)...)
	if len(add) > 0 {
		d.Events = append(d.Events, add...)
		sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Evidence.Start < d.Events[j].Evidence.Start })
	}
	return nil
}

// CodeText segments s and codes it with no entity layer: a convenience for
// single sentences and tests.
func (c *Coder) CodeText(s string, published time.Time) []parley.Event {
	d := text.SegmentString(s)
	d.Published = published
	_ = c.Code(context.Background(), d)
	return d.Events
}

// sentence is the working view of one sentence.
type sentence struct {
	in     *input
	first  int      // index of the first token in the document
	words  []string // upper-case token texts
	orig   []string // token texts as written
	kinds  []parley.TokenKind
	caps   []bool
	actors []actorSpan
	// actorAt maps a token to the index of the actor span covering it, or -1.
	actorAt []int32
	upper   bool    // the sentence is in capitals (a headline)
	flags   []uint8 // Coder.keys of each word
	ts      parley.Sentence
	tagged  bool // the Doc holds the sentence's tags
}

// tag tags the sentence the first time a decision needs its word classes
// (most sentences never get that far; the quote stage may have tagged it
// already), and reports whether it is tagged: false when the coder has no
// syntax model.
func (s *sentence) tag() bool {
	if s.tagged {
		return true
	}
	in := s.in
	if in.Doc.Tokens[s.ts.First].POS == parley.NoPOS {
		if in.parser == nil {
			return false
		}
		in.words = in.parser.Annotate(in.Doc, s.ts, false, in.words)
	}
	s.tagged = true
	return true
}

// xpos returns the treebank tag of word i, "" when untagged.
func (s *sentence) xpos(i int) string { return s.in.Doc.XPOS(s.first + i) }

// pos returns the universal tag of word i, NoPOS when untagged.
func (s *sentence) pos(i int) parley.POS { return s.in.Doc.Tokens[s.first+i].POS }

func (s *sentence) span(i, j int) parley.Span {
	t := s.in.Doc.Tokens
	return parley.Span{Start: int(t[s.first+i].Start), End: int(t[s.first+j-1].End)}
}

func (c *Coder) codeSentence(in *input, ts parley.Sentence) []parley.Event {
	n := ts.Last - ts.First
	if n <= 0 {
		return nil
	}
	s := &sentence{in: in, first: ts.First, words: make([]string, n), orig: make([]string, n), kinds: make([]parley.TokenKind, n), caps: make([]bool, n), flags: make([]uint8, n)}
	for i := range n {
		tok := in.Doc.Tokens[ts.First+i]
		w := strings.ToUpper(in.Doc.Text[tok.Start:tok.End])
		if tok.Kind == parley.Possessive {
			w = "'S"
		}
		w = strings.ReplaceAll(w, "’", "'")
		s.words[i], s.kinds[i], s.caps[i] = w, tok.Kind, tok.Is(parley.Cap)
		s.orig[i] = in.Doc.Text[tok.Start:tok.End]
		s.flags[i] = c.keys[w]
		if s.caps[i] && c.capKeys[w] {
			s.flags[i] |= keyActor
		}
	}
	if hit(c.discard.sentence, s.words) {
		return nil
	}
	// Most sentences have no word that can start a trigger: skip them
	// before the actor search.
	possible := false
	for i, f := range s.flags {
		if f&keyEvent != 0 || s.words[i] == "MUST" {
			possible = true
			break
		}
	}
	if !possible {
		return nil
	}
	s.ts = ts
	s.actors = c.findActors(s)
	// A role without a country ("the president", "rebels") belongs to the
	// one country the sentence names, if it names only one.
	if cc := sentenceCountry(s.actors); cc != "" {
		for k := range s.actors {
			if a := &s.actors[k]; roleOnlyCode[a.code[:min(3, len(a.code))]] && len(a.code) >= 3 {
				a.code = cc + a.code
			}
		}
	}
	// Every event needs an actor that can act (hasActor, entityActs): a
	// sentence with none is done before its triggers are sought and its
	// words tagged.
	actorless := !c.anyActor(s)
	s.actorAt = make([]int32, n)
	for i := range s.actorAt {
		s.actorAt[i] = -1
	}
	// A sentence with no actor may still continue the story before it
	// ("A search of the car found …"): continued.go.
	if actorless && !passiveAfterBe(s) {
		return c.continued(s)
	}
	for k, a := range s.actors {
		for i := a.first; i < a.last && i < n; i++ {
			s.actorAt[i] = int32(k)
		}
	}
	s.upper = true
	for i := range n {
		tok := in.Doc.Tokens[ts.First+i]
		if tok.Kind == parley.Word && !tok.Is(parley.AllCaps) {
			s.upper = false
			break
		}
	}
	var cands []cand
	var stmts []parley.Event
	used := make([]bool, n)
	for i := 0; i < n; i++ {
		if used[i] || s.kinds[i] != parley.Word {
			continue
		}
		t, ok := c.trigger(s, i)
		if !ok {
			continue
		}
		for k := t.first; k < t.last; k++ {
			used[k] = true
		}
		for k := t.last; k < t.consumed && k < n; k++ {
			used[k] = true
		}
		if t, ok = c.sense(s, t); !ok {
			continue
		}
		code, ok := c.codes[t.code]
		if !ok {
			continue
		}
		es := c.build(s, t, code)
		es, inquiry := inquirySource(s, t, code, es)
		// As in PETRARCH, an event needs an actor: without one, a verb of
		// the dictionary is ordinary prose ("the poll was conducted").
		// Coercion in the passive names its agent by implication: "six
		// people were arrested", "the couple was quarantined" are acts of
		// the authorities.
		pol := hasActor(es, code.Root) || t.passive && !t.noun && authorityAct(code.Code)
		if !pol && (actorless || !c.entityActs(in.Doc, es) || proseCode(code.Code) && commerceOnly(es) && !namedParties(es)) {
			continue
		}
		// Only now, with an event to make, is the word's verb reading
		// checked (verbLike tags the sentence): most triggers never get here.
		// A passive of an authority's act is verbal whatever the tagger
		// says ("was quarantined" is often read as an adjective).
		if t.pending && !(t.passive && authorityAct(code.Code)) && !verbLike(s, t.first, t.last-t.first) {
			continue
		}
		if code.Root == "01" {
			stmts = append(stmts, es...)
			continue
		}
		if !c.states(s, t, code, es) {
			continue
		}
		fin := t.demand || !t.noun && finite(s, t) || t.noun && lightVerb(s, t.first)
		sw := c.subordinator(s, t.first)
		sub := sw != ""
		fact := sub && c.classes.at("factual", []string{sw}, 0) == 1
		// A company's or a union's act is one its clause states: its
		// participles, gerunds and infinitives ("advertising", "unable to
		// support") and its conditions are mostly business prose, not
		// events. A noun that names both its parties states one: "the
		// merger of Gannett and GateHouse", "Ford's talks with the union".
		if !pol && (!fin && !(t.noun && namedParties(es)) || sub && !fact) {
			continue
		}
		cands = append(cands, cand{t: t, events: es, finite: fin, sub: sub, factual: fact, modifier: nounModifier(s, t), inquiry: inquiry, told: toldAt(s, t)})
	}
	evs := choose(s, cands)
	if c.opts.Statements && len(evs) == 0 && len(stmts) > 0 {
		evs = stmts[:1]
	}
	return evs
}

// states reports whether the coded trigger t, with its events es, states
// an act that happened: not a meeting with no one met, a blame with no one
// blamed, a visit with no visitor, what did not happen (unreal), a
// possible harm no political actor holds out, or a thing's effect.
func (c *Coder) states(s *sentence, t trig, code Code, es []parley.Event) bool {
	// A consultation has two sides: a verb of meeting, visiting or
	// consulting with no one met ("came to power", "gathering speed",
	// "weighed down", "arrive in Riyadh") is no CONSULT. Nouns keep
	// theirs ("the talks", "peace talks"): they name a meeting known
	// to have happened.
	if code.Root == "04" && !t.noun && !hasTarget(es) {
		return false
	}
	// The same holds of a plan to meet ("the agency plans to fly in
	// 2024", "the royal family will attend"): an intention to meet no one is no
	// event (036). An agreement to meet is one ("agreed to reopen talks").
	if code.Code == "036" && !t.noun && !hasTarget(es) && !agreeWords[s.words[t.first]] {
		return false
	}
	// "the newspaper group is planning to end its Sunday edition": a planned
	// coercion is a threat only from or against a political actor; a
	// business's plan to cut or end its own services is its affair.
	if code.Root == "13" && (t.future || planWords[s.words[t.first]]) && !politicalSource(es) && !politicalTarget(es) {
		return false
	}
	// "the party will target marginal seats", "prosecutors targeted a
	// ranch": aiming is an attack only by or on an armed actor.
	if code.Root == "19" && !t.noun && c.classes.at("aim_verb", s.words, t.first) > 0 && !anyEvent(es, armedSide) {
		return false
	}
	// "his concerns had been met", "was met with hoots of laughter": a
	// passive "met" with no one who met is a condition fulfilled or a
	// reaction, not a meeting ("was met by the president" is one).
	if code.Root == "04" && t.passive && !t.noun && c.classes.at("met_participle", s.words, t.first) > 0 && !byAgent(s, t.last) {
		return false
	}
	if !t.noun && c.classes.at("target_verb", s.words, t.first) > 0 && !hasTarget(es) {
		return false // "blamed high fuel prices for the drop": no one is accused
	}
	// A visit is the visitor's act: "tourists who visit Cuba", "on a
	// visit to India, the actor said" name no one who visits.
	if (code.Code == "042" || code.Code == "043") && !hasSource(es) {
		return false
	}
	if c.unreal(s, t) {
		return false // "if it is attacked", "asked whether", "Will it attack?": not an act
	}
	// "cutting subsidies will hurt the poor", "the decision could
	// undermine Nato": a possible act is a threat only when a state, an
	// organ of one or an armed group holds it out, or a source quoted
	// holds it out against one ("said the army could be deployed").
	if t.hypothetical && !politicalSource(es) && !quotedAgainstPolitical(es) {
		return false
	}
	if c.thingSubject(s, t) {
		return false // "higher oil prices have forced the government": no one acts
	}
	// "was forced to resign", "were allowed in": the passive of a verb
	// of causing names no one who causes unless an agent follows.
	if !t.noun && c.classes.at("causal_verb", s.words, t.first) > 0 && afterBe(s, t.first) && !byAgent(s, t.last) {
		return false
	}
	return !c.notAnAct(s, t, code, es) // realis.go: a game's act, a hope, a thing's effect
}

// byAgent reports whether "by" follows token k closely: the agent of a
// passive.
func byAgent(s *sentence, k int) bool {
	for j := k; j < len(s.words) && j < k+3; j++ {
		if s.words[j] == "BY" {
			return true
		}
	}
	return false
}

// authorityAct reports whether a CAMEO code is an act only authorities do:
// sanctions and bans (172), arrest, detention and charges (173),
// expulsion (174), repression (175). Generic coercion ("forced to cut
// prices") is not.
func authorityAct(code string) bool {
	return len(code) >= 3 && code[:2] == "17" && code[2] >= '2' && code[2] <= '5'
}

// passiveAfterBe reports whether some word that can start a trigger
// follows a form of "be" (with at most one word between, "were later
// arrested"): the shape of a passive, the one act a sentence without
// actors can state.
func passiveAfterBe(s *sentence) bool {
	for i, f := range s.flags {
		if f&keyEvent == 0 {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if beForms[s.words[k]] {
				return true
			}
		}
	}
	return false
}

// thingSubject reports whether the verb trigger t, a verb of causing
// (senses.tsv causal_verb: "forced", "allowed"), has a thing for its
// subject: the word before it (past auxiliaries and adverbs) is a
// lower-case common noun outside every actor ("prices have forced", "the
// money will allow", "the boom has allowed"). Causes are not actors; a
// possessor ("Argentina's energy crisis forced") is not the subject.
func (c *Coder) thingSubject(s *sentence, t trig) bool {
	if t.noun || t.passive || c.classes.at("causal_verb", s.words, t.first) == 0 {
		return false
	}
	k := t.first - 1
	for k >= 0 && auxWords[s.words[k]] && s.words[k] != "TO" {
		k--
	}
	// "changed the law to allow": an infinitive's subject is not the noun
	// before it.
	if k < 0 || s.words[k] == "TO" || s.kinds[k] != parley.Word || s.caps[k] || s.inActor(k) || timeWords[s.words[k]] || !s.tag() {
		return false
	}
	return s.pos(k) == parley.NOUN
}

// afterBe reports whether word i is a past participle after a form of
// "be", past adverbs ("was eventually forced"): a passive, not "are
// forcing".
func afterBe(s *sentence, i int) bool {
	if w := s.words[i]; !strings.HasSuffix(w, "ED") && !irregularParticiple(w) {
		return false
	}
	k := i - 1
	for k > 0 && strings.HasSuffix(s.words[k], "LY") {
		k--
	}
	return k >= 0 && beForms[s.words[k]]
}

// cand is a coded trigger before the choice of the sentence's events.
type cand struct {
	t      trig
	events []parley.Event
	finite bool // a finite verb: "agreed", "has met", "will visit"
	sub    bool // inside a subordinate or relative clause
	// factual: the clause states what happened ("after X attacked",
	// "because X sued", "X, who signed"), not a condition or concession.
	factual bool
	// modifier: a participle that describes the noun before it ("tweets
	// supporting X", "rules governing ads"), not an act of its own.
	modifier bool
	// inquiry: an investigation noun given its sentence's investigator
	// (inquiry.go), kept beside the main act.
	inquiry bool
	// told: a gerund of a temporal clause ("after stopping his car"),
	// kept beside the main act.
	told bool
}

// toldAt reports whether the verb trigger t is a gerund right after a
// temporal subordinator (told_gerund: "arrested him after stopping his
// car"): an act of the main clause's subject
// that happened.
func toldAt(s *sentence, t trig) bool {
	if t.noun || t.first == 0 || !toldGerund[s.words[t.first-1]] || !strings.HasSuffix(s.words[t.first], "ING") {
		return false
	}
	// "police will arrest them after stopping the van": a main clause not
	// yet done tells nothing done
	for k := t.first - 2; k >= 0; k-- {
		if modalWords[s.words[k]] || futureAux[s.words[k]] {
			return false
		}
	}
	return true
}

// nounModifier reports whether the verb trigger t is a participle right
// after a common noun, as the tagger reads it: the noun's description
// ("tweets supporting X", "a festival organised by fans"). After an actor
// the participle is mostly the actor's own act ("wrote to Bush urging
// him"); a past participle followed by its object is a past tense the
// tagger misread.
func nounModifier(s *sentence, t trig) bool {
	if !s.tagged || t.noun || t.first == 0 || s.inActor(t.first-1) || s.pos(t.first-1) != parley.NOUN {
		return false
	}
	switch s.xpos(t.first) {
	case "VBG":
		return true
	case "VBN":
		return t.last < len(s.words) && s.pos(t.last) == parley.ADP
	}
	return false
}

// choose keeps the events a sentence states: the acts of its main clauses
// and the verbs coordinated with them ("agreed to restore … and create …").
// Participles, gerunds, nouns and subordinate clauses mostly give
// background or circumstance ("…, killing 20 people", "talks aimed at
// ending the war"); they are kept only when the sentence has no main act.
func choose(s *sentence, cs []cand) []parley.Event {
	if len(cs) == 0 {
		return nil
	}
	main := -1
	for i, c := range cs {
		if c.finite && !c.sub {
			main = i
			break
		}
	}
	if main < 0 {
		for i, c := range cs {
			if c.finite {
				main = i
				break
			}
		}
	}
	if main < 0 {
		// No finite act: the first candidate, and every other event noun
		// ("Sanctions on Iran and protests in Tehran dominated the week":
		// two acts).
		var out []parley.Event
		first := true
		for _, c := range cs {
			if c.modifier || !first && !c.t.noun {
				continue
			}
			out = append(out, c.events...)
			first = false
		}
		return out
	}
	// "launched a mediation effort", "held talks": a light verb with an
	// event noun for object is the noun's act.
	if m := cs[main]; !m.t.noun && main+1 < len(cs) && cs[main+1].t.noun && cs[main+1].finite && cs[main+1].t.first-m.t.last <= 4 {
		main++
	}
	out := append([]parley.Event(nil), cs[main].events...)
	for i, c := range cs {
		if i == main {
			continue
		}
		if c.finite && (!c.sub || c.factual) || c.told || coordinatedVerb(s, c.t.first) || c.finite && perfect(s, c.t.first) || c.t.noun && (twoParties(c.events) || possessedAct(s, c) || c.inquiry || protestGoesOn(s, c.t)) {
			out = append(out, c.events...)
		}
	}
	return out
}

// coordinatedVerb reports whether the trigger at i follows "and" (and
// possibly "to"), as in "agreed to restore X and create Y".
func coordinatedVerb(s *sentence, i int) bool {
	return i > 0 && (s.words[i-1] == "AND" || s.words[i-1] == "INCLUDING") || i > 1 && s.words[i-1] == "TO" && s.words[i-2] == "AND"
}

// subordinator returns the word that opens the subordinate or relative
// clause of token i ("because", "who", a relative "that"), or "" when i
// is in a main clause: a subordinator between the previous clause
// boundary and i.
func (c *Coder) subordinator(s *sentence, i int) string {
	for k := i - 1; k >= 0 && k >= i-40; k-- {
		w := s.words[k]
		if w == "," || w == ";" || w == ":" || s.kinds[k] == parley.Dash {
			return ""
		}
		if c.classes.at("subordinator", s.words, k) == 1 {
			return w
		}
		// A relative "that" follows a noun ("the faction that controls");
		// after a verb it introduces what was said or decided.
		if w == "THAT" && k > 0 && s.flags[k-1]&keyVerb == 0 && !declareVerbs[s.words[k-1]] {
			return w
		}
	}
	return ""
}

// finite reports whether a verb trigger is a finite verb of its clause
// rather than a participle, gerund or bare infinitive.
func finite(s *sentence, t trig) bool {
	w := s.words[t.first]
	k := t.first - 1
	for k >= 0 && (timeWords[s.words[k]] || strings.HasSuffix(s.words[k], "LY") && len(s.words[k]) > 3) {
		k--
	}
	// "have long refused", "have so far refused": adverbs the suffix test
	// misses, between an auxiliary and its verb.
	if k >= 1 && t.first-k <= 2 && auxAdverb(s, k) {
		k--
		if k >= 1 && auxAdverb(s, k) {
			k--
		}
		if !auxWords[s.words[k]] {
			k = t.first - 1
		}
	}
	if k < 0 {
		return true
	}
	p := s.words[k]
	if p == "TO" {
		return false
	}
	if auxWords[p] || modalWords[p] || futureWords[p] || negWords[p] {
		return !strings.HasSuffix(w, "ING") || p == "IS" || p == "ARE" || p == "WAS" || p == "WERE" || p == "BEEN" || p == "BE"
	}
	if strings.HasSuffix(w, "ING") {
		return false
	}
	// "The Authority, which has rejected…, called for": a past tense right
	// after a relative clause closes is the main verb.
	if isDelim(p) && (strings.HasSuffix(w, "ED") || pastIrregular[w]) && relativeOpen(s, k) {
		return true
	}
	return pronouns[p] || s.inActor(k) || s.caps[k] && s.kinds[k] == parley.Word
}

// auxAdverb reports whether word k is an adverb, as the tagger reads
// it, right after an auxiliary or another adverb.
func auxAdverb(s *sentence, k int) bool {
	return s.kinds[k] == parley.Word && !s.inActor(k) && s.tag() && s.pos(k) == parley.ADV
}

// isDelim reports whether w sets off a clause: a comma or a dash.
func isDelim(w string) bool {
	return w == "," || w == "-" || w == "—" || w == "–" || w == "--"
}

// build turns a trigger into events, one per source × target pair.
func (c *Coder) build(s *sentence, t trig, code Code) []parley.Event {
	srcs, tgts := c.roles(s, t)
	srcs = c.notTheAttacker(s, t, code, srcs) // evidence.go
	if len(srcs) == 0 {
		srcs = []*actorSpan{nil}
	}
	if len(tgts) == 0 {
		tgts = []*actorSpan{nil}
	}
	ev := s.evidence(t, srcs, tgts)
	loc := c.location(s, t)
	date, dateText := resolveDate(s, t, s.in.Published)
	reported := reportedIn(s.in.Doc.Quotes, ev)
	var out []parley.Event
	seen := map[[2]string]bool{}
	for _, p := range pairs(srcs, tgts, code.Root) {
		a, b := p[0], p[1]
		if a != nil && b != nil && a.code != "" && a.code == b.code && len(srcs) > 1 {
			continue
		}
		e := parley.Event{
			PLOVER: code.PLOVER, PLOVERMode: code.PLOVERMode, CAMEO: code.Code, CAMEORoot: code.Root,
			QuadClass: code.QuadClass, Goldstein: code.Goldstein,
			Location: loc, Date: date, DateText: dateText,
			Evidence: ev, ReportedIn: reported, Negated: t.negated,
			Trigger:      strings.ToLower(strings.Join(s.words[t.first:t.last], " ")),
			TriggerToken: int32(s.first + t.first + 1),
		}
		if a != nil {
			e.Source, e.SourceCode = a.entity, a.actorCode()
		}
		if b != nil {
			e.Target, e.TargetCode = b.entity, b.actorCode()
		}
		// "Ushakov and Lavrov arrive": two Russian officials are one
		// RUSGOV event.
		if k := [2]string{e.SourceCode, e.TargetCode}; !seen[k] || e.SourceCode == "" && e.TargetCode == "" {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// evidence is the clause that states the event: from the source (when it is
// close) through the trigger to its object.
func (s *sentence) evidence(t trig, srcs, tgts []*actorSpan) parley.Span {
	start, end := t.first, t.last
	if t.consumed > end {
		end = t.consumed
	}
	for _, a := range srcs {
		if a != nil && a.first < start && t.first-a.last <= 6 {
			start = a.first
		}
	}
	for _, b := range tgts {
		if b != nil && b.last > end && b.first >= t.first {
			end = b.last
		}
	}
	// Extend over the object up to the clause end, at most a few words.
	for k := end; k < len(s.words) && k < end+8; k++ {
		switch s.kinds[k] {
		case parley.Word, parley.Number, parley.OpenQuote, parley.CloseQuote, parley.StraightQuote:
		default:
			if s.words[k] != "-" {
				k = len(s.words)
				continue
			}
		}
		if k > t.last && isVerbBoundary(s.words[k]) {
			break
		}
		end = k + 1
	}
	return s.span(start, s.clipToQuote(t.first, end))
}

func isVerbBoundary(w string) bool { return verbBoundary[w] }

// reportedIn returns the id of the innermost quote whose content holds the
// evidence: the event is known only through that quote.
func reportedIn(qs []parley.Quote, ev parley.Span) parley.QuoteRef {
	var best parley.QuoteRef
	bestLen := 0
	// quotes come in order of their content's start: only those that start
	// before the evidence can hold it, and nesting keeps them close
	i := sort.Search(len(qs), func(i int) bool { return qs[i].Content.Start > ev.Start })
	for j := i - 1; j >= 0 && j >= i-64; j-- {
		q := qs[j]
		if q.Content.Overlaps(ev) && q.Content.Contains(parley.Span{Start: ev.Start, End: ev.Start + 1}) {
			if best == 0 || q.Content.Len() < bestLen {
				best, bestLen = parley.QuoteAt(j), q.Content.Len()
			}
		}
	}
	return best
}

// lightVerb reports whether a noun trigger is the object of a finite verb
// that carries little meaning of its own ("imposed sanctions", "renewed
// negotiations", "undertook a mediation mission"): the noun is the act.
func lightVerb(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := s.words[k]
		if determiners[w] || s.kinds[k] == parley.Number {
			continue
		}
		if strings.HasSuffix(w, "ED") || pastIrregular[w] || w == "UNDERTOOK" || w == "HOLDS" || w == "HOLD" {
			return k == 0 || !determiners[s.words[k-1]]
		}
		if s.caps[k] || strings.HasSuffix(w, "AL") || strings.HasSuffix(w, "IC") || strings.HasSuffix(w, "-LEVEL") {
			continue // modifiers: "warm", "direct", "high-level"
		}
		return false
	}
	return false
}

// entityActs reports whether an event's source or target is an
// organisation of the entity layer whose kind acts (entity_kinds.tsv): a
// company that buys another, a media group that merges, with no state
// beside it.
func (c *Coder) entityActs(d *parley.Doc, es []parley.Event) bool {
	for _, e := range es {
		if c.kinds.acts(d, e.Source) || c.kinds.acts(d, e.Target) {
			return true
		}
	}
	return false
}

func hasActor(es []parley.Event, root string) bool {
	for _, e := range es {
		if political(e.SourceCode) || political(e.TargetCode) {
			return true
		}
		// Protest is how citizens act politically: "Algerian landowners
		// began a hunger strike" needs no state actor.
		if root == "14" && (hasCountry(e.SourceCode) || hasCountry(e.TargetCode)) {
			return true
		}
	}
	return false
}

func hasCountry(code string) bool { return len(code) >= 3 && !roleOnlyCode[code[:3]] }

// political reports whether an actor code names a state, a state organ, an
// international organisation or an armed or opposition group: the actors
// of political events. A business, a medium or civilians alone, without a
// country, are not.
func political(code string) bool {
	if len(code) < 3 {
		return false
	}
	if nonPolitical[code[:3]] {
		return false
	}
	// "Japanese industry" (JPNBUS), "US record shops": a country's
	// businesses, media or schools alone do not make a political event.
	if len(code) >= 6 && !roleOnlyCode[code[:3]] && nonPolitical[code[3:6]] {
		return false
	}
	return true
}

// perfect reports whether the verb at i is in the perfect ("which has
// rejected"): a completed act, even inside a relative clause.
func perfect(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if perfectAux[s.words[k]] {
			return true
		}
		if !perfectAdverbs[s.words[k]] {
			return false
		}
	}
	return false
}

// possessedAct reports whether a nominal event's doer is a political
// actor that possesses it ("the ministry's curfew order", "Russia's
// invasion"): the noun names an act of its own beside the sentence's main
// act. The possessor stands within two words before the noun ("the
// ministry's new curfew order") and is the event's source.
func possessedAct(s *sentence, c cand) bool {
	if c.modifier || !politicalSource(c.events) {
		return false
	}
	for k := c.t.first - 1; k >= 1 && k >= c.t.first-3; k-- {
		if s.words[k] == "'S" {
			a := s.actorAt[k-1]
			return a >= 0 && political(s.actors[a].actorCode())
		}
		if s.kinds[k] != parley.Word {
			return false
		}
	}
	return false
}

// twoParties reports whether a nominal event names both its parties ("Trump's
// phone call with Zelensky", "talks between Moscow and Washington"): it is
// then an event of its own beside the sentence's main act.
func twoParties(es []parley.Event) bool {
	for _, e := range es {
		if hasCountry(e.SourceCode) && hasCountry(e.TargetCode) && e.SourceCode[:3] != e.TargetCode[:3] {
			return true
		}
	}
	return false
}

// anyActor reports whether some actor of s could make an event pass
// hasActor or entityActs: a political or national actor, or an
// organisation whose kind acts.
func (c *Coder) anyActor(s *sentence) bool {
	for k := range s.actors {
		a := &s.actors[k]
		if political(a.actorCode()) || hasCountry(a.code) || c.kinds.acts(s.in.Doc, a.entity) {
			return true
		}
	}
	return false
}

// anyEvent reports whether some event of es satisfies p.
func anyEvent(es []parley.Event, p func(e *parley.Event) bool) bool {
	for i := range es {
		if p(&es[i]) {
			return true
		}
	}
	return false
}

// politicalSource reports whether some event of es has a political
// source actor.
func politicalSource(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return political(e.SourceCode) })
}

// armedSide reports whether e's source or target is an armed actor.
func armedSide(e *parley.Event) bool {
	return hasRole(e.SourceCode, armedRoles) || hasRole(e.TargetCode, armedRoles)
}

// politicalTarget reports whether some event of es has a political
// target actor.
func politicalTarget(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return political(e.TargetCode) })
}

// quotedAgainstPolitical reports whether some event of es is reported in
// a quote and has a political target.
func quotedAgainstPolitical(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return e.ReportedIn != 0 && political(e.TargetCode) })
}

// proseCode reports whether a CAMEO code is in the prose_code class of
// codes.tsv: its root or its three-digit code is listed.
func proseCode(code string) bool {
	return len(code) >= 2 && proseCodes[code[:2]] || len(code) >= 3 && proseCodes[code[:3]]
}

// commerceOnly reports whether every actor code of es is a business's, a
// medium's, a school's or the public's (commerce_role, in any three-letter
// slot), and one is set.
func commerceOnly(es []parley.Event) bool {
	set := false
	for _, e := range es {
		for _, c := range []string{e.SourceCode, e.TargetCode} {
			if c == "" {
				continue
			}
			set = true
			if !hasRole(c, commerceRoles) {
				return false
			}
		}
	}
	return set
}

// hasRole reports whether one of the three-letter slots of an actor code
// is in roles.
func hasRole(code string, roles map[string]bool) bool {
	for i := 0; i+3 <= len(code); i += 3 {
		if roles[code[i:i+3]] {
			return true
		}
	}
	return false
}

// namedParties reports whether some event of es has entities of the
// document for both its source and its target.
func namedParties(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return e.Source != 0 && e.Target != 0 && e.Source != e.Target })
}

// hasSource reports whether some event of es has a source actor.
func hasSource(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return e.SourceCode != "" || e.Source != 0 })
}

// hasTarget reports whether some event of es has a target actor.
func hasTarget(es []parley.Event) bool {
	return anyEvent(es, func(e *parley.Event) bool { return e.TargetCode != "" || e.Target != 0 })
}
