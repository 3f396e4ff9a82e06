// Package site is the archive model: every article's place in the archive
// (its URL, its neighbours, its section, its tags, its month) and the list
// pages built from them. It keeps only what whole-site pages need, never an
// article's text, so that a million articles fit in a small machine.
package site

import (
	"strconv"
	"strings"
	"time"

	"newsgen/generator/content"
)

// Entry is what the archive keeps of one article.
type Entry struct {
	Title    string
	Slug     string
	Summary  string
	Category Term
	Tags     []Term
	// Authors are the byline's names, in order, each with the slug of
	// its page.
	Authors []Term
	// Date is the publication date in the site's time zone.
	Date    time.Time
	Updated time.Time
	// DateHasTime and UpdatedHasTime say the dates carry a time of day.
	DateHasTime, UpdatedHasTime bool
	Draft                       bool
	// Featured pins the article to the top of the front page.
	Featured bool
	// Source is the content file, relative to the site root.
	Source string
	// Hash identifies the content file's bytes, and MetaHash its front
	// matter: an article's page changes with its Hash, a page that lists
	// or links it with its MetaHash.
	Hash, MetaHash string
	// Index is the entry's position in the archive, newest first.
	Index int
	// Image is the lead image: its caption and credit, and the picture
	// when an editor gave one.
	Image *content.Image
	// Captioned says the article has a lead image without a picture,
	// whose words only its own page shows: a build may then leave Image
	// out of the archive and read it from the file with the body.
	Captioned bool
	// Imported says the article came from a seed, whose characters its
	// page keeps exactly as typed.
	Imported bool
}

// hasTerm reports whether terms hold one with the slug.
func hasTerm(terms []Term, slug string) bool {
	for _, t := range terms {
		if t.Slug == slug {
			return true
		}
	}
	return false
}

// Term is a category, a tag or an author: its name as written and its
// URL slug.
type Term struct {
	Name string
	Slug string
}

// NewEntry takes from an article what the archive needs, with its date in
// the site's time zone.
func NewEntry(a *content.Article, loc *time.Location) *Entry {
	e := &Entry{
		Title:          a.Title,
		Slug:           a.Slug,
		Summary:        a.Summary,
		Date:           inZone(a.Date, loc),
		Updated:        inZone(a.Updated, loc),
		DateHasTime:    a.DateHasTime,
		UpdatedHasTime: a.UpdatedHasTime,
		Draft:          a.Draft,
		Featured:       a.Featured,
		Source:         a.Path,
		Image:          a.Image,
		Imported:       a.Seed != "",
	}
	e.shareSlug()
	if a.Category != "" {
		e.Category = NewTerm(a.Category)
	}
	for _, t := range a.Tags {
		if t != "" {
			e.Tags = append(e.Tags, NewTerm(t))
		}
	}
	for _, name := range a.Authors {
		if au := NewAuthor(name); au.Slug != "" && !hasTerm(e.Authors, au.Slug) {
			e.Authors = append(e.Authors, au)
		}
	}
	return e
}

// inZone reads a date written without a zone as a date in the site's zone,
// so that 2026-06-29 is the 29th wherever the build runs.
func inZone(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	if t.Location() == time.UTC {
		y, m, d := t.Date()
		h, mi, s := t.Clock()
		return time.Date(y, m, d, h, mi, s, t.Nanosecond(), loc)
	}
	return t.In(loc)
}

// Path is the entry's page path, such as "2026/06/slug/": its year and
// month, then its slug. It is made when asked for rather than kept with
// the entry: an archive of a million articles would keep a million.
func (e *Entry) Path() string {
	b := make([]byte, 0, len("2006/01/")+len(e.Slug)+1)
	b = appendPadded(b, e.Date.Year(), 4)
	b = append(b, '/')
	b = appendPadded(b, int(e.Date.Month()), 2)
	b = append(b, '/')
	b = append(b, e.Slug...)
	b = append(b, '/')
	return string(b)
}

// appendPadded appends n in decimal with at least width digits, as
// fmt's %0*d does.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
		width--
	}
	digits := strconv.AppendInt(nil, int64(n), 10)
	for range width - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// shareSlug makes the slug a part of the source file's name when the
// file is named after it, as import names it: the two then take the
// memory of one.
func (e *Entry) shareSlug() {
	name := strings.TrimSuffix(e.Source, ".md")
	if len(name) < len(e.Source) && strings.HasSuffix(name, "/"+e.Slug) {
		e.Slug = name[len(name)-len(e.Slug):]
	}
}

// Compact makes an entry read back from a store share what it can, as a
// new entry does: its terms with every other entry's, its slug with its
// source's name, and its source with the given name when they are equal.
func (e *Entry) Compact(source string) {
	if e.Source == source {
		e.Source = source
	}
	e.shareSlug()
	if e.Category != (Term{}) {
		c := []Term{e.Category}
		terms.shareAll(c)
		e.Category = c[0]
	}
	terms.shareAll(e.Tags)
	terms.shareAll(e.Authors)
}

// WasUpdated reports whether the article has an update later than its
// publication.
func (e *Entry) WasUpdated() bool { return e.Updated.After(e.Date) }

// Modified is when the article last changed: its update date, or else its
// publication date.
func (e *Entry) Modified() time.Time {
	if e.Updated.After(e.Date) {
		return e.Updated
	}
	return e.Date
}
