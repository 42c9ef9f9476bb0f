package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/parley-news/parley"
)

// writeTable prints a who-said-what table for a person at a terminal.
func writeTable(w io.Writer, a *parley.Doc) error {
	title := a.Document.Title
	if title == "" {
		title = a.Document.ID
	}
	fmt.Fprintf(w, "%s — %d quotes, %d people, %d events, %d claims\n\n", title, len(a.Quotes), countType(a, parley.Person), len(a.Events), len(a.Claims))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tSPEAKER\tCUE\tTYPE\tVIA\tCONTENT")
	for i, q := range a.Quotes {
		via := q.Channel
		if q.ReportedBy != "" {
			via = strings.TrimPrefix(via+", "+q.ReportedBy+" reported", ", ")
		}
		speaker := q.SpeakerName
		if speaker == "" {
			speaker = "?"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", parley.QuoteAt(i).ID(), clip(speaker, 28), q.Cue, q.Type, clip(via, 28),
			clip(a.Document.Text[q.Content.Start:q.Content.End], 70))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(a.Attitudes) > 0 {
		fmt.Fprintln(w, "\nbeliefs, wishes and evidence (not quotes):")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for i, at := range a.Attitudes {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", parley.AttitudeID(i), clip(at.HolderName, 28), at.Cue, at.Kind,
				clip(a.Document.Text[at.Content.Start:at.Content.End], 70))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for i, c := range a.Claims {
		fmt.Fprintf(w, "\nclaim %s (%s): %s\n", parley.ClaimID(i), c.Status, c.Text)
		for _, s := range c.Stances {
			fmt.Fprintf(w, "  %-9s %s\n", s.Stance, s.SourceName)
		}
	}
	return nil
}

func countType(a *parley.Doc, t parley.EntityType) int {
	n := 0
	for _, e := range a.Entities {
		if e.Type == t {
			n++
		}
	}
	return n
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
