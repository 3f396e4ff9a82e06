package seed

import (
	"regexp"
	"strings"
)

// Seed text is text, never markup: whatever Markdown (with the extensions
// the site renders with: tables, strikethrough, footnotes, MathJax,
// heading IDs, autolinks, definition lists) or HTML would read as syntax
// is escaped with a backslash, so the page shows what the seed says.

// alwaysEscaped are the characters that mean something anywhere in a line.
const alwaysEscaped = "\\`*_[]<~^$|{#"

var (
	entityLike    = regexp.MustCompile(`^&#?[A-Za-z0-9]+;`)
	schemeBefore  = regexp.MustCompile(`(?i)(https?|ftp|file|mailto)$`)
	symbolLike    = regexp.MustCompile(`^(?i)\((c|r|tm)\)`)
	orderedMarker = regexp.MustCompile(`^(\d+)([.)])(\s|$)`)
)

// escapeInline escapes a text that follows a block marker, as the text of
// a heading does.
func escapeInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(alwaysEscaped, c) >= 0:
			b.WriteByte('\\')
		case c == '&' && entityLike.MatchString(s[i:]):
			b.WriteByte('\\')
		case c == ':' && schemeBefore.MatchString(s[max(0, i-6):i]):
			b.WriteByte('\\')
		case c == '(' && symbolLike.MatchString(s[i:]):
			b.WriteByte('\\')
		case c == '/' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]):
			// Smart punctuation would set 9/11 as a fraction; an entity
			// keeps the digits apart.
			b.WriteString("&#47;")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeBlock escapes a text that starts a block (a paragraph, a list
// item's text): its first characters must not read as a block marker such
// as a list item, a quote or a definition.
func escapeBlock(s string) string {
	e := escapeInline(s)
	if e == "" {
		return e
	}
	if strings.IndexByte("-+>:", e[0]) >= 0 {
		return "\\" + e
	}
	if m := orderedMarker.FindStringSubmatchIndex(e); m != nil {
		return e[:m[4]] + "\\" + e[m[4]:]
	}
	return e
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
