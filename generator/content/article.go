// Package content holds the archive's articles as editors see them: Markdown
// files with YAML front matter in a site's content/ folder. It reads and
// writes that format and nothing else; every later stage starts from an
// Article.
package content

import (
	"strings"
	"time"
)

// DateLayout is how an article's date is written in front matter; a date
// with a time of day is written as RFC 3339, with its zone's offset.
const DateLayout = "2006-01-02"

// FormatDate writes a date as front matter does: a calendar day, or RFC
// 3339 when it has a time of day.
func FormatDate(t time.Time, hasTime bool) string {
	if hasTime {
		return t.Format(time.RFC3339)
	}
	return t.Format(DateLayout)
}

// Image is an article's lead image. Import keeps only the words that stood
// under the picture on the scraped page; an editor may add the picture
// itself as Src: a path under the site's static/ folder, such as
// "images/summit.jpg", or an absolute http(s) URL.
type Image struct {
	Src     string `yaml:"src,omitempty"`
	Alt     string `yaml:"alt,omitempty"`
	Caption string `yaml:"caption,omitempty"`
	Credit  string `yaml:"credit,omitempty"`
	// Width and Height are the picture's size in pixels. A file under
	// static/ is measured when they are not given; a URL needs them to
	// reserve its space before it loads.
	Width  int `yaml:"width,omitempty"`
	Height int `yaml:"height,omitempty"`
}

// Remote says the picture is an absolute URL rather than a file of the
// site.
func (i *Image) Remote() bool {
	return strings.HasPrefix(i.Src, "https://") || strings.HasPrefix(i.Src, "http://")
}

// Meta is the front matter of an article: the keys import writes and the
// keys an editor may add by hand.
type Meta struct {
	Title      string    `yaml:"title"`
	Slug       string    `yaml:"slug"`
	Date       time.Time `yaml:"-"`
	DateSource string    `yaml:"date_source,omitempty"`
	Category   string    `yaml:"category,omitempty"`
	Summary    string    `yaml:"summary,omitempty"`
	Image      *Image    `yaml:"image,omitempty"`
	Tags       []string  `yaml:"tags"`
	// Authors are the byline's names, in order; read from "authors" (a
	// list or one name) or "author".
	Authors []string `yaml:"-"`
	Seed    string   `yaml:"seed,omitempty"`
	Draft   bool     `yaml:"draft,omitempty"`
	// Featured pins the article to the top of the front page.
	Featured bool `yaml:"featured,omitempty"`
	// Updated is when the article was last changed, if the seed or an
	// editor says so.
	Updated time.Time `yaml:"-"`
	// DateHasTime and UpdatedHasTime say that Date and Updated carry a
	// time of day; without one they are calendar days.
	DateHasTime, UpdatedHasTime bool `yaml:"-"`
	// ImportHash is the hash of the file as import wrote it. A file whose
	// bytes no longer match it was edited by hand and is left alone.
	ImportHash string `yaml:"import_hash,omitempty"`
}

// Article is one article: its front matter, its Markdown body, and where it
// came from so that errors can point at the right file and line.
type Article struct {
	Meta
	// Body is the Markdown after the front matter.
	Body string
	// Path is the file the article was read from, relative to the site root.
	Path string
	// BodyLine is the 1-based line of Path on which Body starts.
	BodyLine int
	// Warnings are what the build goes on despite, one line each naming
	// the file and line, such as a front-matter key no field reads.
	Warnings []string
}
