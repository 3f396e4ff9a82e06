// Package slug makes the ASCII URL segments of titles and names: lower
// case letters and digits joined by single hyphens. Accented Latin letters
// lose their accents; letters of other scripts (Cyrillic, Greek, Arabic,
// Chinese...) are transliterated with github.com/gosimple/slug, whose
// tables come from Unidecode, with its modern Greek rules for Greek.
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	gslug "github.com/gosimple/slug"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Max is the longest slug Make makes. It is generous so that a headline
// stays whole in its URL; longer ones are cut between words.
const Max = 100

// letterASCII spells letters that lose nothing to a stripped accent but
// have no decomposition either.
var letterASCII = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'ł': "l", 'đ': "dj", 'ð': "d", 'œ': "oe",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng", 'ſ': "s", 'ĸ': "k",
	'&': " and ",
}

// stripMarks makes the transformer that drops accents. A chain keeps
// state, so each call needs its own: imports slugify in parallel.
func stripMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// Make makes a URL path segment from a title or a name: lower-case ASCII
// letters and digits joined by single hyphens, at most Max long. It
// returns "" for a text with no letters or digits that have an ASCII
// spelling. A Latin title's slug is its letters with the accents dropped:
// transliteration touches only the letters of other scripts.
func Make(title string) string {
	s := strings.ToLower(title)
	if !isASCII(s) { // ASCII has no accents to strip
		if t, _, err := transform.String(stripMarks(), s); err == nil {
			s = t
		}
	}
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if t, ok := letterASCII[r]; ok {
			write(&b, t, &hyphen)
			continue
		}
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			write(&b, transliterate(r), &hyphen)
			if unicode.Is(unicode.Han, r) {
				hyphen = true // each character is a word of its own
			}
			continue
		}
		write(&b, string(r), &hyphen)
	}
	return cut(strings.Trim(b.String(), "-"))
}

// transliterate spells one letter of a non-Latin script in ASCII.
func transliterate(r rune) string {
	if unicode.Is(unicode.Greek, r) {
		return gslug.MakeLang(string(r), "el")
	}
	return gslug.Make(string(r))
}

func write(b *strings.Builder, s string, hyphen *bool) {
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if *hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			*hyphen = false
		} else if r != '\'' && r != '’' {
			*hyphen = true
		}
	}
}

// cut shortens a slug to Max at a hyphen, or mid-word when a single word
// is longer than that.
func cut(s string) string {
	if len(s) <= Max {
		return s
	}
	c := s[:Max+1]
	if i := strings.LastIndexByte(c, '-'); i > 0 {
		return c[:i]
	}
	return s[:Max]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
