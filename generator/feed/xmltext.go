package feed

import (
	"strings"
	"unicode/utf8"
)

// Replacement stands in a feed for each character XML cannot hold.
const Replacement = '\uFFFD'

// xmlChar says whether XML 1.0 allows r in a document: tab, line feed,
// carriage return and the characters from U+0020 on, less the surrogates
// and U+FFFE and U+FFFF. A NUL or any other control character makes the
// whole feed unreadable, so none of them may reach one.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// XMLSafe returns s with every character XML forbids, and every byte
// that is not UTF-8, replaced by Replacement. Text that needs no change
// is returned as it is, without a copy.
func XMLSafe(s string) string {
	if _, bad := FirstForbidden(s); !bad {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // a byte that is not UTF-8 comes as RuneError
		if !xmlChar(r) {
			r = Replacement
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FirstForbidden returns the byte offset in s of the first character a
// feed cannot hold, as XMLSafe sees them, and whether there is one.
func FirstForbidden(s string) (int, bool) {
	for i, r := range s {
		if !xmlChar(r) {
			return i, true
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i, true
			}
		}
	}
	return 0, false
}
