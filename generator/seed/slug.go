package seed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxSlug is the longest slug Slugify makes. It is generous so that a
// headline stays whole in its URL; longer ones are cut between words.
const MaxSlug = 100

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

// Slugify makes a URL path segment from a title: lower-case ASCII letters
// and digits joined by single hyphens, accents transliterated, at most
// MaxSlug long. It may return "" for a title with no Latin letters or
// digits; Parse then falls back to the seed's file name.
func Slugify(title string) string {
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
			writeSlug(&b, t, &hyphen)
			continue
		}
		writeSlug(&b, string(r), &hyphen)
	}
	return cutSlug(strings.Trim(b.String(), "-"))
}

func writeSlug(b *strings.Builder, s string, hyphen *bool) {
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

// cutSlug shortens a slug to MaxSlug at a hyphen, or mid-word when a
// single word is longer than that.
func cutSlug(s string) string {
	if len(s) <= MaxSlug {
		return s
	}
	cut := s[:MaxSlug+1]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		return cut[:i]
	}
	return s[:MaxSlug]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
