package site

import (
	"strings"
	"sync"
	"unicode"

	"newsgen/generator/slug"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NewTerm makes a term from a category or tag name.
func NewTerm(name string) Term {
	return terms.make(name, false)
}

// terms holds one copy of every term: an archive names a few thousand of
// them a million times, and its entries share the strings rather than
// each holding its own.
var terms = &termTable{made: map[termKey]Term{}, shared: map[Term]Term{}}

type termTable struct {
	mu sync.Mutex
	// made is every term by the name it was made from and its kind.
	made map[termKey]Term
	// shared is every term by its value.
	shared map[Term]Term
}

type termKey struct {
	name   string
	author bool
}

// make returns the term of a name, making it the first time.
func (tt *termTable) make(name string, author bool) Term {
	k := termKey{name, author}
	tt.mu.Lock()
	t, ok := tt.made[k]
	tt.mu.Unlock()
	if ok {
		return t
	}
	if author {
		t = Term{Name: name, Slug: slug.Make(name)}
	} else {
		t = Term{Name: name, Slug: Slugify(name)}
	}
	tt.mu.Lock()
	defer tt.mu.Unlock()
	t = tt.share(t)
	tt.made[k] = t
	return t
}

// share returns the table's copy of a term. The caller holds mu.
func (tt *termTable) share(t Term) Term {
	if s, ok := tt.shared[t]; ok {
		return s
	}
	tt.shared[t] = t
	return t
}

// shareAll replaces terms by the table's copies.
func (tt *termTable) shareAll(list []Term) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for i, t := range list {
		list[i] = tt.share(t)
	}
}

// NewAuthor makes an author's term. An author's slug is made like a
// title's, transliterated from any script ("J. R. Okafor" is j-r-okafor,
// "Олена Коваль" olena-koval); a name with nothing to spell in ASCII has
// no slug, and no page.
func NewAuthor(name string) Term {
	return terms.make(name, true)
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
