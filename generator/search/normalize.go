package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// maxTokenBytes is the longest token indexed; longer runs of letters are
// more likely data than words. They still take a position.
const maxTokenBytes = 64

// Normalize folds text for matching: Unicode NFKD, combining marks
// (category Mn) removed, lower case, and final sigma as sigma, so that
// "Zürich" and "ZURICH" both become "zurich".
func Normalize(s string) string {
	if isASCII(s) {
		return asciiLower(s)
	}
	b := make([]byte, 0, len(s)+16)
	sigma := false
	for i := 0; i < len(s); {
		// Runs of ASCII, most of the text, are copied whole and lowered
		// in place.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf {
			j++
		}
		if j > i {
			n := len(b)
			b = append(b, s[i:j]...)
			lowerASCII(b[n:])
			i = j
			continue
		}
		// ASCII characters are starters that NFKD leaves alone, so each
		// run of other characters decomposes on its own.
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		run := s[i:j]
		if !norm.NFKD.IsNormalString(run) {
			run = norm.NFKD.String(run)
		}
		for _, r := range run {
			if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
				continue
			}
			r = unicode.ToLower(r)
			sigma = sigma || r == 'ς'
			b = utf8.AppendRune(b, r)
		}
		i = j
	}
	// b is not touched again: the string may share its bytes.
	out := unsafe.String(unsafe.SliceData(b), len(b))
	if sigma {
		return strings.ReplaceAll(out, "ς", "σ")
	}
	return out
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// isASCII reports text that NFKD leaves alone, the bulk of an English
// archive: it needs only lower case.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiLower(s string) string {
	upper := false
	for i := 0; i < len(s) && !upper; i++ {
		upper = s[i] >= 'A' && s[i] <= 'Z'
	}
	if !upper {
		return s
	}
	b := []byte(s)
	lowerASCII(b)
	return string(b)
}

// isWord says whether r belongs to a token: a letter, digit or mark.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// eachToken calls fn with every token of normalized text, in order, and
// its position counted from zero. Tokens over maxTokenBytes are skipped
// but counted. It returns the number of positions used.
func eachToken(s string, fn func(tok string, pos int)) int {
	if isASCII(s) {
		return eachASCIIToken(s, fn)
	}
	return eachRuneToken(s, fn)
}

// eachRuneToken is eachToken for any text. An archive's text is mostly
// ASCII even where it is not all ASCII, so bytes below 0x80 are judged by
// table and only the others decoded as runes.
func eachRuneToken(s string, fn func(tok string, pos int)) int {
	pos, start := 0, -1
	hasApos, prevWord := false, false
	var joined []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		tok := s[start:end]
		if hasApos {
			joined = dropApostrophes(joined[:0], tok)
			tok = string(joined)
		}
		if len(tok) <= maxTokenBytes {
			fn(tok, pos)
		}
		pos++
		start, hasApos = -1, false
	}
	for i := 0; i < len(s); {
		c, size := s[i], 1
		word, apos := asciiWord[c], c == '\''
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word, apos = isWord(r), isApostrophe(r)
		}
		switch {
		case word:
			if start < 0 {
				start = i
			}
			prevWord = true
		case apos && prevWord && nextIsWord(s, i+size):
			hasApos, prevWord = true, false
		default:
			flush(i)
			prevWord = false
		}
		i += size
	}
	flush(len(s))
	return pos
}

// dropApostrophes appends tok to b without its apostrophes.
func dropApostrophes(b []byte, tok string) []byte {
	for i := 0; i < len(tok); {
		r, n := utf8.DecodeRuneInString(tok[i:])
		if !isApostrophe(r) {
			b = append(b, tok[i:i+n]...)
		}
		i += n
	}
	return b
}

// eachASCIIToken is eachToken for ASCII text, the bulk of an archive in
// English: the same tokens, byte by byte, without decoding runes.
func eachASCIIToken(s string, fn func(tok string, pos int)) int {
	pos, start := 0, -1
	hasApos, prevWord := false, false
	var joined []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		tok := s[start:end]
		if hasApos {
			joined = joined[:0]
			for i := 0; i < len(tok); i++ {
				if tok[i] != '\'' {
					joined = append(joined, tok[i])
				}
			}
			tok = string(joined)
		}
		if len(tok) <= maxTokenBytes {
			fn(tok, pos)
		}
		pos++
		start, hasApos = -1, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case asciiWord[c]:
			if start < 0 {
				start = i
			}
			prevWord = true
		case c == '\'' && prevWord && i+1 < len(s) && asciiWord[s[i+1]]:
			hasApos, prevWord = true, false
		default:
			flush(i)
			prevWord = false
		}
	}
	flush(len(s))
	return pos
}

// asciiWord marks the ASCII bytes isWord accepts.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWord(rune(c))
	}
	return t
}()

func nextIsWord(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWord(r)
}

// Terms returns the terms of a text, in order: normalized, split into
// tokens and stemmed.
func Terms(s string) []string {
	var out []string
	eachToken(Normalize(s), func(tok string, _ int) { out = append(out, Stem(tok)) })
	return out
}
