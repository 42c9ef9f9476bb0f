package html_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/parley-news/parley/ingest/html"
)

func ExampleExtract() {
	page := `<html lang="en"><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-02-18T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume</h1>
<p>Negotiators met in Geneva on Tuesday for a second round of talks, officials said.</p>
<p>“We are here to listen,” the head of one delegation told reporters outside the hotel.</p>
</article><footer>© 2025 Example News</footer></body></html>`
	doc, err := html.Extract(context.Background(), strings.NewReader(page), "https://news.example.com/talks")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Outlet, doc.Published.Format("2006-01-02"), doc.Language)
	fmt.Println(doc.Text)
	// Output:
	// Example News 2025-02-18 en
	// Negotiators met in Geneva on Tuesday for a second round of talks, officials said.
	//
	// “We are here to listen,” the head of one delegation told reporters outside the hotel.
}
