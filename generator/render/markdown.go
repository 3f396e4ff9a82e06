// Package render turns the archive model into pages: Markdown bodies into
// HTML with gomarkdown, and pages into documents with the site's
// html/template layouts. It writes nothing; the caller publishes.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/gomarkdown/markdown"
	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/html"
	"github.com/gomarkdown/markdown/parser"
)

// extensions are the Markdown features an article may use. MathJax is left
// out on purpose: news copy is full of dollar amounts.
const extensions = parser.NoIntraEmphasis | parser.Tables | parser.FencedCode |
	parser.Autolink | parser.Strikethrough | parser.SpaceHeadings |
	parser.HeadingIDs | parser.AutoHeadingIDs | parser.Footnotes |
	parser.BackslashLineBreak | parser.DefinitionLists | parser.OrderedListStart

// flags make the output safe for text nobody vetted: raw HTML is dropped
// and only plain URL schemes link. typography adds curly quotes, dashes,
// ellipses and fractions, for articles written in Markdown.
const (
	flags = html.SkipHTML | html.Safelink |
		html.NofollowLinks | html.NoreferrerLinks | html.FootnoteReturnLinks
	typography = html.CommonFlags
)

// Markdown renders an article body to HTML, with typographic punctuation
// when typographic is set. Text imported from a seed is shown as it was
// typed, straight quotes and double hyphens included, so its articles are
// rendered without. Parsers and renderers keep state, so each call makes
// its own: calls may run in parallel.
func Markdown(body []byte, typographic bool) []byte {
	p := parser.NewWithExtensions(extensions)
	f := flags
	if typographic {
		f |= typography
	}
	r := html.NewRenderer(html.RendererOptions{
		Flags:                      f,
		FootnoteReturnLinkContents: "↩",
		RenderNodeHook:             renderHook,
	})
	r.IsSafeURLOverride = safeURL
	return markdown.ToHTML(body, p, r)
}

// safeURL allows links without a scheme (paths, fragments such as the
// footnotes' "#fn:1") and links with a plain web or mail scheme. Anything
// else, javascript: and data: first, is not linked.
func safeURL(u []byte) bool {
	s := strings.ToLower(strings.TrimLeftFunc(string(u), func(r rune) bool { return r <= ' ' }))
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	colon := strings.IndexByte(s[:end], ':')
	if colon < 0 {
		return true
	}
	switch s[:colon] {
	case "http", "https", "mailto", "ftp":
		return true
	}
	return false
}

// tableCell writes a table cell's alignment as a class instead of the
// align attribute, which HTML5 made obsolete; the stylesheet aligns it.
func tableCell(w io.Writer, node ast.Node, entering bool) (ast.WalkStatus, bool) {
	cell, ok := node.(*ast.TableCell)
	if !ok {
		return ast.GoToNext, false
	}
	tag := "td"
	if cell.IsHeader {
		tag = "th"
	}
	if !entering {
		fmt.Fprintf(w, "</%s>\n", tag)
		return ast.GoToNext, true
	}
	attrs := ""
	if a := cell.Align.String(); a != "" {
		attrs += fmt.Sprintf(` class="align-%s"`, a)
	}
	if cell.ColSpan > 0 {
		attrs += fmt.Sprintf(` colspan="%d"`, cell.ColSpan)
	}
	fmt.Fprintf(w, "<%s%s>", tag, attrs)
	return ast.GoToNext, true
}
