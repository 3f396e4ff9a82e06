package seed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

var errEmpty = errors.New("empty file")

// decode turns a seed's bytes into clean text: UTF-8 in NFC, "\n" line
// ends, single spaces, no control or zero-width characters. A seed that is
// not text at all is refused. Notes say what was repaired in a way a
// reader should know about, such as a guessed encoding.
func decode(data []byte) (string, []string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, errEmpty
	}
	var notes []string
	if utf16BOM(data) {
		text, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", nil, fmt.Errorf("bad UTF-16 text: %v", err)
		}
		data, notes = text, append(notes, "decoded as UTF-16")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkBinary(data); err != nil {
		return "", nil, err
	}
	if !utf8.Valid(data) {
		text, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", nil, fmt.Errorf("neither UTF-8 nor Windows-1252 text: %v", err)
		}
		data, notes = text, append(notes, "not UTF-8: decoded as Windows-1252")
	}
	return cleanText(norm.NFC.String(string(data))), notes, nil
}

func utf16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// checkBinary refuses data with NUL bytes or with many control characters:
// a picture or an archive saved under a .txt name.
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("binary file, not text (NUL byte at offset %d)", i)
	}
	controls := 0
	for _, b := range data {
		if controlByte[b] {
			controls++
		}
	}
	if controls*20 > len(data) {
		return fmt.Errorf("binary file, not text (%d of %d bytes are control characters)", controls, len(data))
	}
	return nil
}

// controlByte marks the control characters that text does not have.
var controlByte = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = !strings.ContainsRune("\n\r\t\f\v", rune(b))
	}
	t[0x7F] = true
	return t
}()

// cleanText normalises line ends and white space. Non-breaking and other
// odd spaces become plain spaces; trailing and repeated spaces go. It is
// one pass over the text, with a shortcut for ASCII, as seeds are mostly
// ASCII and every one of them passes through here.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending: written before the next word
	for i := 0; i < len(s); {
		if n := plainRun(s[i:]); n > 0 {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\r' && strings.HasPrefix(s[i+n:], "\n") {
			r, n = '\n', n+1
		}
		i += n
		switch r = cleanRune(r); r {
		case -1:
		case '\n':
			b.WriteByte('\n')
			space = false
		case ' ':
			space = b.Len() > 0 && !lineStart(b.String())
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainRun is how many bytes at the start of s cleanText keeps as they
// are: words of printable ASCII with single spaces between them.
func plainRun(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plainByte[c] {
			n = i + 1
			continue
		}
		if c != ' ' || i == 0 || s[i-1] == ' ' {
			break
		}
	}
	return n
}

// plainByte marks the printable ASCII characters other than the space.
var plainByte = func() (t [256]bool) {
	for c := '!'; c < 0x7F; c++ {
		t[c] = true
	}
	return t
}()

// lineStart reports whether text ends at the start of a line.
func lineStart(text string) bool { return text[len(text)-1] == '\n' }

func cleanRune(r rune) rune {
	switch {
	case r == '\n':
		return r
	case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return '\n'
	case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD':
		return -1
	case r == utf8.RuneError:
		return '\uFFFD'
	case unicode.IsSpace(r):
		return ' '
	case unicode.IsControl(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r):
		return -1
	}
	return r
}
