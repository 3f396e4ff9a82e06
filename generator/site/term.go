package site

import (
	"strings"
	"unicode"

	"newsgen/generator/slug"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NewTerm makes a term from a category or tag name.
func NewTerm(name string) Term {
	return Term{Name: name, Slug: Slugify(name)}
}

// NewAuthor makes an author's term. An author's slug is made like a
// title's, transliterated from any script ("J. R. Okafor" is j-r-okafor,
// "Олена Коваль" olena-koval); a name with nothing to spell in ASCII has
// no slug, and no page.
func NewAuthor(name string) Term {
	return Term{Name: name, Slug: slug.Make(name)}
}

// Slugify turns a name into a URL segment: lower case ASCII letters and
// digits joined by hyphens, accents dropped. A name with nothing left
// gives "untitled".
func Slugify(name string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	plain, _, _ := transform.String(t, name)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(plain) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "untitled"
	}
	return b.String()
}
