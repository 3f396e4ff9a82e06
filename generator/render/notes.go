package render

import (
	"io"
	"regexp"
	"strings"

	"github.com/gomarkdown/markdown/ast"
)

// noteLabel begins a correction, a clarification or an editor's note,
// which import keeps as a quotation (see SEED-FORMAT.md).
var noteLabel = regexp.MustCompile(`^(?i:corrections?|clarifications?|editor['’]?s['’]? note|editorial note|note from the editor)\s*:`)

// renderHook writes what the default renderer writes, except table
// cells (see tableCell) and notes, which it marks so that the page sets
// them apart: a note is a quotation whose text starts with its label.
func renderHook(w io.Writer, node ast.Node, entering bool) (ast.WalkStatus, bool) {
	if q, ok := node.(*ast.BlockQuote); ok && isNoteQuote(q) {
		if entering {
			io.WriteString(w, "<blockquote class=\"note\">\n")
		} else {
			io.WriteString(w, "</blockquote>\n")
		}
		return ast.GoToNext, true
	}
	return tableCell(w, node, entering)
}

// isNoteQuote reports whether a quotation's first paragraph starts with
// a note's label.
func isNoteQuote(q *ast.BlockQuote) bool {
	kids := q.GetChildren()
	if len(kids) == 0 {
		return false
	}
	p, ok := kids[0].(*ast.Paragraph)
	if !ok {
		return false
	}
	var b strings.Builder
	for _, c := range p.GetChildren() {
		t, ok := c.(*ast.Text)
		if !ok || b.Len() > 40 {
			break
		}
		b.Write(t.Literal)
	}
	return noteLabel.MatchString(b.String())
}
