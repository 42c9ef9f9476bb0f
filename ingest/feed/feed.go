// Package feed reads RSS 2.0, Atom and JSON Feed documents (with gofeed)
// into articles: an item that carries its article (content:encoded, Atom
// content, a long description) becomes a parley.Document directly; an item
// that only links to its article is returned with the link to fetch.
package feed

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/parley-news/parley"
	phtml "github.com/parley-news/parley/ingest/html"
)

// The shortest item text taken as the article itself; shorter text is a
// teaser, and the linked page is fetched instead. Full content
// (content:encoded, Atom content, content_html) is trusted from a shorter
// length than a description, which is usually a summary.
const (
	MinContentChars     = 200
	MinDescriptionChars = 500
)

// Item is one entry of a feed.
type Item struct {
	// Doc holds the item's metadata, and its text when the feed embeds it.
	Doc parley.Document
	// Link is the article's URL: feedburner:origLink when present (the
	// <link> of FeedBurner feeds is a redirector), else the item's link.
	Link string
	// NeedsFetch is true when the feed carries no article text: the caller
	// fetches Link and extracts the page, keeping Doc's metadata where the
	// page has none.
	NeedsFetch bool
}

// Feed is a parsed feed.
type Feed struct {
	Title    string
	Language string
	Type     string // "rss", "atom" or "json"
	Version  string
	Items    []Item
}

// Parse reads a feed from r. source names the feed (its path or URL) in
// the items' Document.Source and in errors.
func Parse(r io.Reader, source string) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("%s: not an RSS, Atom or JSON feed", source)
		}
		return nil, fmt.Errorf("%s: parsing feed: %w", source, err)
	}
	out := &Feed{Title: clean(f.Title), Language: f.Language, Type: f.FeedType, Version: f.FeedVersion}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		out.Items = append(out.Items, item(f, it, fmt.Sprintf("%s#item%d", source, i+1)))
	}
	return out, nil
}

func item(f *gofeed.Feed, it *gofeed.Item, source string) Item {
	link := origLink(it)
	if link == "" {
		link = strings.TrimSpace(it.Link)
	}
	doc := parley.Document{
		Title:    clean(phtml.Text(it.Title)),
		URL:      link,
		Outlet:   clean(f.Title),
		Language: f.Language,
		Source:   source,
		Author:   author(it, f),
	}
	if it.PublishedParsed != nil {
		doc.Published = it.PublishedParsed.UTC()
	} else if it.UpdatedParsed != nil {
		doc.Published = it.UpdatedParsed.UTC()
	}
	if id := strings.TrimSpace(it.GUID); id != "" {
		doc.ID = id
	}
	// The longer of content and description is the candidate body.
	body, minChars := phtml.Text(it.Content), MinContentChars
	if d := phtml.Text(it.Description); len(d) > len(body) {
		body, minChars = d, MinDescriptionChars
	}
	if len([]rune(body)) >= minChars {
		doc.Text = phtml.Clean(body, doc.Title)
		return Item{Doc: doc, Link: link}
	}
	return Item{Doc: doc, Link: link, NeedsFetch: link != ""}
}

// origLink returns feedburner:origLink (RSS) or feedburner:origLink on an
// Atom entry, if the item has one.
func origLink(it *gofeed.Item) string {
	for _, name := range []string{"feedburner", "fb"} {
		for _, e := range it.Extensions[name]["origLink"] {
			if v := strings.TrimSpace(e.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

func author(it *gofeed.Item, f *gofeed.Feed) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, clean(p.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if c = clean(c); c != "" {
				names = append(names, c)
			}
		}
	}
	if len(names) == 0 {
		for _, p := range f.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, clean(p.Name))
			}
		}
	}
	return strings.Join(names, "; ")
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
