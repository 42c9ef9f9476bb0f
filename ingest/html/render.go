package html

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start and end a paragraph. Besides HTML's own block elements
// the list holds the element names trafilatura's output tree uses (head,
// list, item, quote, row), which are not HTML atoms.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "blockquote": true, "pre": true, "table": true, "tr": true,
	"section": true, "article": true, "header": true, "footer": true, "figure": true, "figcaption": true,
	"dl": true, "dt": true, "dd": true, "hr": true, "main": true, "aside": true, "nav": true, "form": true,
	"address": true, "details": true, "summary": true, "center": true, "caption": true, "tbody": true,
	"thead": true, "tfoot": true,
	"head": true, "list": true, "item": true, "quote": true, "row": true, "code": false,
}

// cellTags are separated by a space inside their row.
var cellTags = map[string]bool{"td": true, "th": true, "cell": true}

// Render returns the text of an HTML tree: block elements become
// paragraphs separated by a blank line, <br> a line break, other whitespace
// one space. Scripts, styles and hidden templates are skipped; soft hyphens
// are removed.
func Render(n *html.Node) string {
	var r renderer
	r.walk(n)
	r.endPara()
	return strings.Join(r.paras, "\n\n")
}

// renderBody renders an extractor's article node, dropping paragraphs that
// are lists of links.
func renderBody(n *html.Node) string {
	r := renderer{dropLinks: true}
	r.walk(n)
	r.endPara()
	return strings.Join(r.paras, "\n\n")
}

// Text returns the text of an HTML fragment, such as the content of a feed
// item, rendered as Render does.
func Text(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	var r renderer
	for _, n := range nodes {
		r.walk(n)
	}
	r.endPara()
	return strings.Join(r.paras, "\n\n")
}

type renderer struct {
	paras []string
	lines []string
	cur   strings.Builder
	// With dropLinks, a paragraph of at most linkParaWords words that is
	// almost all link text is dropped: in an article body such paragraphs
	// are lists of related headlines.
	dropLinks bool
	inLink    int // depth of <a> elements
	linkBytes int // bytes of the paragraph written inside links
	paraBytes int // bytes of the paragraph
}

const linkParaWords = 20

func (r *renderer) endLine() {
	s := strings.Join(strings.Fields(strings.ReplaceAll(r.cur.String(), "\u00ad", "")), " ")
	r.paraBytes += len(strings.TrimSpace(r.cur.String()))
	if s != "" {
		r.lines = append(r.lines, s)
	}
	r.cur.Reset()
}

func (r *renderer) endPara() {
	r.endLine()
	if r.dropLinks && len(r.lines) > 0 && r.paraBytes > 0 && float64(r.linkBytes) >= 0.9*float64(r.paraBytes) {
		n := 0
		for _, l := range r.lines {
			n += len(words(l))
		}
		if n <= linkParaWords {
			r.lines = r.lines[:0]
		}
	}
	r.linkBytes, r.paraBytes = 0, 0
	if len(r.lines) > 0 {
		r.paras = append(r.paras, strings.Join(r.lines, "\n"))
	}
	r.lines = r.lines[:0]
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		if r.inLink > 0 {
			r.linkBytes += len(strings.TrimSpace(n.Data))
		}
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Select, atom.Button:
			return
		case atom.Br:
			r.endLine()
			return
		case atom.Img:
			return
		}
		if isHidden(n) {
			return
		}
		name := n.Data
		if n.DataAtom == atom.A || name == "ref" {
			r.inLink++
			r.children(n)
			r.inLink--
			return
		}
		switch {
		case blockTags[name]:
			r.endPara()
			r.children(n)
			r.endPara()
			return
		case cellTags[name]:
			r.cur.WriteByte(' ')
			r.children(n)
			r.cur.WriteByte(' ')
			return
		}
	}
	r.children(n)
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "class":
			// FeedBurner's share links at the foot of feed items.
			if strings.Contains(a.Val, "feedflare") {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
