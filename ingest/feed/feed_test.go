package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var rss = `
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
<channel><title>Example Wire</title><language>en</language>
<item><title>Ministers meet in Riyadh</title>
<link>http://feeds.example.com/~r/wire/~3/abc/</link>
<feedburner:origLink>https://wire.example.com/2025/02/ministers-meet</feedburner:origLink>
<guid isPermaLink="false">wire-1</guid>
<pubDate>Tue, 18 Feb 2025 10:00:00 +0000</pubDate>
<dc:creator>A. Writer</dc:creator>
<description>Teaser only.</description>
<content:encoded><![CDATA[<p>` + strings.Repeat("The foreign ministers met for four hours and agreed to keep talking, officials said. ", 8) + `</p><p>“It was a good start,” one of them said.</p><div class="feedflare"><a href="x"><img src="y"></a></div>]]></content:encoded>
</item>
<item><title>Short item</title><link>https://wire.example.com/2025/02/short</link><description>Only a teaser &amp; a link.</description></item>
</channel></rss>`

func TestParseUsesEmbeddedContentAndOrigLink(t *testing.T) {
	f, err := Parse(strings.NewReader(rss), "wire.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items, want 2", len(f.Items))
	}
	it := f.Items[0]
	if it.NeedsFetch {
		t.Error("item with content:encoded needs no fetch")
	}
	if it.Link != "https://wire.example.com/2025/02/ministers-meet" || it.Doc.URL != it.Link {
		t.Errorf("link %q, want the feedburner:origLink", it.Link)
	}
	if !strings.HasSuffix(it.Doc.Text, "“It was a good start,” one of them said.") || strings.Contains(it.Doc.Text, "\n\n\n") {
		t.Errorf("text %q", it.Doc.Text)
	}
	if it.Doc.Title != "Ministers meet in Riyadh" || it.Doc.Author != "A. Writer" || it.Doc.Outlet != "Example Wire" || it.Doc.ID != "wire-1" {
		t.Errorf("metadata %+v", it.Doc)
	}
	if !it.Doc.Published.Equal(time.Date(2025, 2, 18, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", it.Doc.Published)
	}
	if s := f.Items[1]; !s.NeedsFetch || s.Link != "https://wire.example.com/2025/02/short" {
		t.Errorf("teaser item: %+v", s)
	}
}

func TestParseReportsMalformedFeeds(t *testing.T) {
	for _, in := range []string{"", "<rss><channel><item><title>unclosed", "not a feed at all", "<html><body>page</body></html>"} {
		if _, err := Parse(strings.NewReader(in), "bad.xml"); err == nil || !strings.Contains(err.Error(), "bad.xml") {
			t.Errorf("Parse(%q) err = %v, want an error naming the source", in, err)
		}
	}
}

// TestSharedSampleFeeds reads the three captured feeds of ../shared/data/feeds.
func TestSharedSampleFeeds(t *testing.T) {
	root := os.Getenv("PARLEY_SHARED")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared")
	}
	dir := filepath.Join(root, "data", "feeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("sample feeds not found at %s (set PARLEY_SHARED)", dir)
	}
	for name, want := range map[string]int{"techcrunch-rss2.xml": 20, "pauldix-atom-html.xml": 5, "typepad-atom-xhtml.xml": 10} {
		r, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(r, name)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Items) != want {
			t.Errorf("%s: %d items, want %d", name, len(f.Items), want)
		}
		for _, it := range f.Items {
			if it.NeedsFetch || len(it.Doc.Text) < 200 || strings.Contains(it.Link, "feedproxy") || strings.Contains(it.Link, "feeds.feedburner") {
				t.Errorf("%s: item %q: fetch=%v link=%q text=%d bytes", name, it.Doc.Title, it.NeedsFetch, it.Link, len(it.Doc.Text))
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(rss)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div><p>x</p></div></content></entry></feed>`)
	f.Add(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":"<p>x</p>"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		Parse(strings.NewReader(in), "fuzz")
	})
}

func TestParseJSONFeedWithShortFullContent(t *testing.T) {
	in := `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire","items":[{"id":"1","url":"https://x.example/1","title":"Brief",
"content_html":"<p>` + strings.Repeat("Ministers met on Tuesday and agreed to meet again. ", 5) + `</p>","date_published":"2025-02-18T10:00:00Z"}]}`
	f, err := Parse(strings.NewReader(in), "wire.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].NeedsFetch || f.Items[0].Doc.Outlet != "JSON Wire" || f.Items[0].Doc.Published.IsZero() {
		t.Errorf("items %+v", f.Items)
	}
}
