package render

import (
	"strconv"
	"strings"
)

// The escapers below append to a page what html/template writes for a
// value in each context the default layouts use, byte for byte, so that
// the layouts written in Go (see native.go) match the layouts as files.
// TestEscapersMatchHTMLTemplate holds them to html/template's own.

// htmlEscapes are the replacements html/template makes in text, in
// RCDATA (a title) and in quoted attribute values: a NUL, both quotes,
// the ampersand, the plus sign and the angle brackets. Every other byte,
// those of multi-byte and malformed UTF-8 included, is kept.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendHTML appends s as html/template escapes a string in text, in
// RCDATA and in a quoted attribute.
func appendHTML(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if r := htmlEscapes[s[i]]; r != "" {
			dst = append(dst, s[start:i]...)
			dst = append(dst, r...)
			start = i + 1
		}
	}
	return append(dst, s[start:]...)
}

// appendInt appends a number as html/template prints it.
func appendInt(dst []byte, n int) []byte {
	return strconv.AppendInt(dst, int64(n), 10)
}

// filterFailsafe is what html/template puts in place of a URL with an
// unsafe scheme.
const filterFailsafe = "#ZgotmplZ"

// appendURL appends s as html/template writes a value that begins a
// quoted URL attribute, such as href="{{.}}": a scheme other than http,
// https or mailto is refused, the URL is normalized (percent-encoding
// what a URL may not hold), and the result escaped as an attribute.
func appendURL(dst []byte, s string) []byte {
	if !isSafeURL(s) {
		s = filterFailsafe
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlKeeps(s, i) {
			if r := htmlEscapes[c]; r != "" {
				dst = append(dst, s[start:i]...)
				dst = append(dst, r...)
				start = i + 1
			}
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, '%', hexDigits[c>>4], hexDigits[c&15])
		start = i + 1
	}
	return append(dst, s[start:]...)
}

const hexDigits = "0123456789abcdef"

// urlKeeps reports whether normalizing a URL keeps the byte at i as it
// is: letters, digits, the marks URLs use, and a % that starts an escape.
func urlKeeps(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
		return true
	case '%':
		return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isSafeURL reports whether a URL has no scheme, or http, https or
// mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}
