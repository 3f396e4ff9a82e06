package seed

import (
	"bytes"
	"strings"
	"testing"

	gomarkdown "github.com/gomarkdown/markdown"
	mdhtml "github.com/gomarkdown/markdown/html"
	"github.com/gomarkdown/markdown/parser"
	"golang.org/x/net/html"
)

// render turns Markdown into HTML as the site does: gomarkdown with the
// common extensions, footnotes and heading IDs; raw HTML skipped; smart
// punctuation on.
func render(md string) []byte {
	p := parser.NewWithExtensions(parser.CommonExtensions | parser.Footnotes | parser.HeadingIDs | parser.AutoHeadingIDs)
	r := mdhtml.NewRenderer(mdhtml.RendererOptions{Flags: mdhtml.CommonFlags | mdhtml.SkipHTML})
	return gomarkdown.ToHTML([]byte(md), p, r)
}

// visible reads rendered HTML back: its text, block by block, and the
// names of the elements in it.
func visible(t *testing.T, page []byte) (blocks []string, elems []string) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var cur strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && !map[string]bool{"html": true, "head": true, "body": true}[n.Data] {
			elems = append(elems, n.Data)
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElem[n.Data] && strings.TrimSpace(cur.String()) != "" {
			blocks = append(blocks, strings.Join(strings.Fields(cur.String()), " "))
			cur.Reset()
		}
	}
	walk(root)
	return blocks, elems
}

var blockElem = map[string]bool{"p": true, "li": true, "h2": true}

// plainPunct undoes smart punctuation, which is the site's typography and
// not a change of the text: curly quotes, dashes and ellipses.
var plainPunct = strings.NewReplacer("''", `"`, "“", `"`, "”", `"`, "‘", "'", "’", "'", "«", `"`, "»", `"`, "–", "--", "—", "---", "…", "...", ". . .", "...", "\u00a0", " ")

func same(a, b string) bool {
	return plainPunct.Replace(a) == plainPunct.Replace(b)
}
