package render

import (
	"html/template"
	"strings"

	"newsgen/generator/content"
	"newsgen/generator/site"
)

// Page is what a layout sees.
type Page struct {
	// Kind names the layout: "article", "home", "404"...
	Kind string
	// Path is the page's site path, such as "2026/06/slug/".
	Path        string
	Title       string
	Heading     string
	Description string
	// Canonical says the page has a URL of its own (not the 404 page).
	Canonical bool
	Article   *Article
	List      *site.Page
}

// Article is an article page's content.
type Article struct {
	*site.Entry
	Image          *content.Image
	HTML           template.HTML
	ReadingMinutes int
	Prev, Next     *site.Entry
}

// wordsPerMinute is a common adult reading speed for news copy.
const wordsPerMinute = 230

// NewArticle renders an article's body and gathers what its page shows.
func NewArticle(s *site.Site, e *site.Entry, a *content.Article) *Article {
	return &Article{
		Entry:          e,
		Image:          a.Image,
		HTML:           template.HTML(Markdown([]byte(a.Body))),
		ReadingMinutes: readingMinutes(a.Body),
		Prev:           s.Prev(e),
		Next:           s.Next(e),
	}
}

func readingMinutes(body string) int {
	words := len(strings.Fields(body))
	return max(1, (words+wordsPerMinute-1)/wordsPerMinute)
}

// ArticlePage is the page of one article.
func ArticlePage(art *Article) *Page {
	return &Page{
		Kind:        "article",
		Path:        art.Path(),
		Title:       art.Title,
		Description: art.Summary,
		Canonical:   true,
		Article:     art,
	}
}
