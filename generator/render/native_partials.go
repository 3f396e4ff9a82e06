package render

import (
	"html/template"

	"newsgen/generator/site"
)

// brief writes partials/brief.html: an article as one line of a list, its
// headline linked and, when dated is true, its date. Secondary lists
// (topics, authors, months, the front page's older pages) and the end of
// an article use it.
func (n *native) brief(e *site.Entry, dated ...bool) (template.HTML, error) {
	return template.HTML(n.appendBrief(nil, e, len(dated) > 0 && dated[0])), nil
}

// appendBrief appends an article's brief to b.
func (n *native) appendBrief(b []byte, e *site.Entry, dated bool) []byte {
	b = append(b, "<li><a href=\""...)
	b = n.entryLink(e, b)
	if dated {
		b = tagged(b, " <time datetime=\"", isoDate(e.Date), "\">")
		b = appendHTML(b, e.Date.Format("January 2, 2006"))
		b = append(b, "</time>"...)
	}
	return append(b, "</li>\n"...)
}

// teaser writes partials/teaser.html: an article's teaser, for the front
// page, its section, its topics, its month. A second argument names the
// section of the list: a teaser of that section leaves its kicker out,
// which would only repeat the page's title.
func (n *native) teaser(e *site.Entry, section ...string) (template.HTML, error) {
	kicker := len(section) == 0 || section[0] == "" || section[0] != e.Category.Slug
	return template.HTML(n.appendTeaser(nil, e, kicker)), nil
}

// appendTeaser appends an article's teaser to b, with its kicker or not.
func (n *native) appendTeaser(b []byte, e *site.Entry, kicker bool) []byte {
	b = append(b, "<article class=\"teaser"...)
	img := e.Image
	if img != nil && img.Src != "" {
		b = append(b, " has-picture\">\n<img class=\"teaser-picture\" src=\""...)
		b = appendURL(b, imageURL(img, n.rel))
		b = append(b, "\" alt=\"\""...)
		if img.Width != 0 {
			b = append(b, " width=\""...)
			b = appendInt(b, img.Width)
			b = append(b, "\" height=\""...)
			b = appendInt(b, img.Height)
			b = append(b, '"')
		}
		b = append(b, " loading=\"lazy\" decoding=\"async\">\n"...)
	} else {
		b = append(b, "\">\n"...)
	}
	if kicker {
		b = append(b, "<p class=\"teaser-kicker\">"...)
		if e.Category.Slug != "" {
			b = n.categoryLink(b, " class=\"kicker\"", e.Category)
		} else {
			b = append(b, "<span class=\"kicker\">News</span>"...)
		}
		b = append(b, "</p>"...)
	}
	b = append(b, "\n<h3 class=\"teaser-title\"><a href=\""...)
	b = n.entryLink(e, b)
	b = append(b, "</h3>\n"...)
	if e.Summary != "" {
		b = tagged(b, "<p class=\"teaser-summary\">", e.Summary, "</p>")
	}
	b = tagged(b, "\n<p class=\"teaser-meta\"><time datetime=\"", isoDate(e.Date), "\">")
	b = appendHTML(b, e.Date.Format("January 2, 2006"))
	b = append(b, "</time></p>\n"...)
	if len(e.Authors) > 0 {
		b = append(b, "<p class=\"teaser-authors\">"...)
		b = n.authors(e.Authors, b)
		b = append(b, "</p>"...)
	}
	return append(b, "\n</article>\n"...)
}

// authors writes partials/authors.html.
func (n *native) authors(authors []site.Term, b []byte) []byte {
	b = append(b, "By "...)
	for i, au := range authors {
		if i > 0 {
			if i+1 == len(authors) {
				b = append(b, " and "...)
			} else {
				b = append(b, ", "...)
			}
		}
		b = append(b, "<a rel=\"author\" href=\""...)
		b = appendURL(b, n.rel(AuthorPath(au.Slug)))
		b = tagged(b, "\">", au.Name, "</a>")
	}
	return append(b, '\n')
}

// entryLink writes the rest of a link to an article: its address, and
// its headline as the link's text.
func (n *native) entryLink(e *site.Entry, b []byte) []byte {
	b = appendURL(b, n.rel(e.Path()))
	b = append(b, "\">"...)
	b = appendHTML(b, e.Title)
	return append(b, "</a>"...)
}
