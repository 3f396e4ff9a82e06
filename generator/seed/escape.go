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

// mayEscape marks the bytes escapeInline looks at twice: those always
// escaped and those escaped in some places. Every other byte is copied.
var mayEscape = func() (t [256]bool) {
	for _, c := range []byte(alwaysEscaped + "&:(/") {
		t[c] = true
	}
	return t
}()

// escapeInline escapes a text that follows a block marker, as the text of
// a heading does. It copies the runs of bytes between those it escapes
// as they are.
func escapeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !mayEscape[c] {
			continue
		}
		switch {
		case strings.IndexByte(alwaysEscaped, c) >= 0,
			c == '&' && entityLike.MatchString(s[i:]),
			c == ':' && schemeBefore.MatchString(s[max(0, i-6):i]),
			c == '(' && symbolLike.MatchString(s[i:]):
			b.WriteString(s[done:i])
			b.WriteByte('\\')
			done = i
		case c == '/' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]):
			// Smart punctuation would set 9/11 as a fraction; an entity
			// keeps the digits apart.
			b.WriteString(s[done:i])
			b.WriteString("&#47;")
			done = i + 1
		}
	}
	b.WriteString(s[done:])
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
	if !isDigit(e[0]) {
		return e // what orderedMarker looks for starts with a digit
	}
	if m := orderedMarker.FindStringSubmatchIndex(e); m != nil {
		return e[:m[4]] + "\\" + e[m[4]:]
	}
	return e
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
