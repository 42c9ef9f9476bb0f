package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/parley-news/parley"
)

func queryCommand() command {
	return command{
		name:    "query",
		summary: "ask the store: quotes, events, claims, entities, articles (table, JSON, JSONL, CSV)",
		run:     runQuery,
	}
}

const queryUsage = `Usage: parley query KIND [flags]

KIND is one of:
  quotes    --speaker NAME --outlet X --since DATE --until DATE --q TEXT --article ID
  events    --actor A [--actor B] --plover TYPE --place P --since DATE --until DATE
  claims    --status single-source|corroborated|disputed --q TEXT --entity ID
  entities  --name N --type PERSON|ORG|PLACE|GROUP   (with their quote counts)
  articles  --outlet X --speaker NAME --since DATE --until DATE --q TEXT

Dates are YYYY-MM-DD; --until includes its day. Output is a table on a
terminal and JSONL otherwise; --format table|json|jsonl|csv chooses.

Examples:
  parley query quotes --speaker Lavrov --since 2025-02-01
  parley query claims --status disputed --format csv > disputed.csv

Flags:
`

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

func runQuery(ctx context.Context, e *env, args []string) error {
	kind := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("query "+kind, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, queryUsage); fs.PrintDefaults() }
	db := fs.String("db", "", "the store (default: parley.db in the user's data directory, or $PARLEY_DB)")
	format := fs.String("format", "", "output: table, json, jsonl, csv (default: table on a terminal, else jsonl)")
	limit := fs.Int("limit", parley.DefaultLimit, fmt.Sprintf("at most this many results (capped at %d)", parley.MaxLimit))
	offset := fs.Int("offset", 0, "skip this many results")
	since := fs.String("since", "", "from this date (YYYY-MM-DD)")
	until := fs.String("until", "", "up to and including this date (YYYY-MM-DD)")
	q := fs.String("q", "", "full-text query")
	speaker := fs.String("speaker", "", "quotes, articles: the speaker's name or alias")
	outlet := fs.String("outlet", "", "quotes, articles: the publishing or relaying outlet")
	article := fs.String("article", "", "quotes: of this article id")
	var actors stringList
	fs.Var(&actors, "actor", "events: an actor (name, entity id or CAMEO code); repeat for a pair")
	plover := fs.String("plover", "", "events: PLOVER type (CONSULT, AGREE, …)")
	place := fs.String("place", "", "events: place name or country code")
	status := fs.String("status", "", "claims: single-source, corroborated or disputed")
	entity := fs.String("entity", "", "claims: with a stance by this entity id")
	name := fs.String("name", "", "entities: name or alias prefix")
	typ := fs.String("type", "", "entities: PERSON, ORG, PLACE or GROUP")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if kind == "" && fs.NArg() > 0 {
		// "parley query --db x.db quotes --speaker Lavrov": flags before the KIND
		kind = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return parseErr(err)
		}
	}
	if kind == "" {
		fs.Usage()
		return errors.New("need a KIND: quotes, events, claims, entities or articles")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (filters are flags)", fs.Args())
	}
	if *format == "" {
		*format = "jsonl"
		if isTerminal(e.stdout) {
			*format = "table"
		}
	}
	switch *format {
	case "table", "json", "jsonl", "csv":
	default:
		return fmt.Errorf("unknown --format %q (table, json, jsonl, csv)", *format)
	}
	from, to, err := parley.ParseDateRange(*since, *until)
	if err != nil {
		return err
	}
	page := parley.PageRequest{Limit: *limit, Offset: *offset}
	st, err := openExistingDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	out := &resultWriter{w: e.stdout, format: *format}
	switch kind {
	case "quotes":
		p, err := st.Quotes(ctx, parley.QuoteFilter{Speaker: *speaker, Outlet: *outlet, Article: *article, Since: from, Until: to, Text: *q, PageRequest: page})
		if err != nil {
			return err
		}
		return writeResults(out, p, []string{"date", "speaker", "cue", "type", "via", "content", "id"}, func(r parley.QuoteRecord) []string {
			via := r.Channel
			if r.ReportedBy != "" {
				via = strings.TrimPrefix(via+", "+r.ReportedBy+" reported", ", ")
			}
			return []string{r.Published, r.SpeakerName, r.Cue, r.Type, via, r.Content, r.ID}
		})
	case "events":
		p, err := st.Events(ctx, parley.EventFilter{Actors: actors, PLOVER: *plover, Place: *place, Since: from, Until: to, PageRequest: page})
		if err != nil {
			return err
		}
		return writeResults(out, p, []string{"date", "plover", "cameo", "source", "target", "place", "evidence", "id"}, func(r parley.EventRecord) []string {
			return []string{r.Date, r.PLOVER, r.CAMEO, actorLabel(r.SourceName, r.SourceCode), actorLabel(r.TargetName, r.TargetCode),
				strings.Trim(r.Location+" "+r.Country, " "), r.Evidence, r.ID}
		})
	case "claims":
		p, err := st.Claims(ctx, parley.ClaimFilter{Status: *status, Text: *q, EntityID: *entity, PageRequest: page})
		if err != nil {
			return err
		}
		return writeResults(out, p, []string{"status", "claim", "articles", "for", "against", "id"}, func(r parley.ClaimRecord) []string {
			var pro, con []string
			for _, s := range r.Stances {
				switch parley.Stance(s.Stance) {
				case parley.Denies, parley.Disputes:
					con = append(con, s.SourceName)
				default:
					pro = append(pro, s.SourceName)
				}
			}
			return []string{r.Status, r.Text, strconv.Itoa(r.Articles), strings.Join(pro, "; "), strings.Join(con, "; "), r.ID}
		})
	case "entities":
		p, err := st.Entities(ctx, parley.EntityFilter{Name: *name, Type: strings.ToUpper(*typ), PageRequest: page})
		if err != nil {
			return err
		}
		return writeResults(out, p, []string{"name", "type", "quotes", "articles", "affiliation", "aliases", "id"}, func(r parley.EntityRecord) []string {
			return []string{r.Name, r.Type, strconv.Itoa(r.Quotes), strconv.Itoa(r.Articles), r.Affiliation, strings.Join(r.Aliases, "; "), r.ID}
		})
	case "articles":
		p, err := st.Articles(ctx, parley.ArticleFilter{Outlet: *outlet, Speaker: *speaker, Since: from, Until: to, Text: *q, PageRequest: page})
		if err != nil {
			return err
		}
		return writeResults(out, p, []string{"date", "outlet", "title", "quotes", "events", "claims", "id"}, func(r parley.ArticleRecord) []string {
			return []string{r.Published, r.Outlet, r.Title, strconv.Itoa(r.Quotes), strconv.Itoa(r.Events), strconv.Itoa(r.Claims), r.ID}
		})
	}
	fmt.Fprint(e.stderr, queryUsage)
	return fmt.Errorf("unknown KIND %q: quotes, events, claims, entities or articles", kind)
}

func actorLabel(name, code string) string {
	switch {
	case name != "" && code != "":
		return name + " (" + code + ")"
	case name != "":
		return name
	}
	return code
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type resultWriter struct {
	w      io.Writer
	format string
}

// writeResults prints a page in the chosen format: JSON values as the store
// returns them, or the columns of row for tables and CSV.
func writeResults[T any](o *resultWriter, p parley.Page[T], header []string, row func(T) []string) error {
	switch o.format {
	case "json":
		enc := json.NewEncoder(o.w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	case "jsonl":
		enc := json.NewEncoder(o.w)
		enc.SetEscapeHTML(false)
		for _, it := range p.Items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(o.w)
		cw.Write(header)
		for _, it := range p.Items {
			cw.Write(row(it))
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(o.w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
	for _, it := range p.Items {
		cols := row(it)
		for i := range cols {
			cols[i] = clip(cols[i], 60)
		}
		fmt.Fprintln(tw, strings.Join(cols, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if p.Next > 0 {
		fmt.Fprintf(o.w, "\nmore: --offset %d\n", p.Next)
	} else if len(p.Items) == 0 {
		fmt.Fprintln(o.w, "(no results)")
	}
	return nil
}

func entityCommand() command {
	return command{
		name:    "entity",
		summary: "show an entity and why its names are one; merge or unmerge entities",
		run:     runEntity,
	}
}

const entityUsage = `Usage: parley entity show|merge|unmerge ID… [--db PATH]

  parley entity show ID                       aliases, roles over time, links and their reasons, merges
  parley entity merge KEEP DROP --reason WHY  fold entity DROP into KEEP (reversible)
  parley entity unmerge MERGE_ID              undo a merge

Example:
  parley entity merge e12 e40 --reason "same person, two spellings"

Flags:
`

func runEntity(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("entity", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, entityUsage); fs.PrintDefaults() }
	db := fs.String("db", "", "the store (default: parley.db in the user's data directory, or $PARLEY_DB)")
	reason := fs.String("reason", "", "merge: why the two are one (recorded with the merge)")
	if len(args) == 0 {
		fs.Usage()
		return errors.New("need show, merge or unmerge")
	}
	verb := args[0]
	if strings.HasPrefix(verb, "-") {
		if err := fs.Parse(args); err != nil {
			return parseErr(err)
		}
		fs.Usage()
		return errors.New("need show, merge or unmerge")
	}
	// Flags may come before, between or after the ids.
	var pos []string
	for rest := args[1:]; ; {
		if err := fs.Parse(rest); err != nil {
			return parseErr(err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	want := map[string]int{"show": 1, "merge": 2, "unmerge": 1}
	n, ok := want[verb]
	if !ok || len(pos) != n {
		fs.Usage()
		return fmt.Errorf("entity %s: want %d id(s), got %q", verb, n, pos)
	}
	st, err := openExistingDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	switch verb {
	case "show":
		rec, err := st.Entity(ctx, pos[0])
		if err != nil {
			return err
		}
		return enc.Encode(rec)
	case "merge":
		id, err := st.MergeEntities(ctx, pos[0], pos[1], *reason)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "merged %s into %s as %s (undo: parley entity unmerge %s)\n", pos[1], pos[0], id, id)
		return nil
	default:
		if err := st.Unmerge(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "undid %s\n", pos[0])
		return nil
	}
}
