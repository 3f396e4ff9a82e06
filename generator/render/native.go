package render

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"sync"

	"newsgen/generator/config"
	"newsgen/generator/site"
	"newsgen/layouts"
)

// Article pages are most of an archive, and html/template spends most of
// their time looking up fields and calling functions through reflection.
// When a site uses the default layouts for them, their page is written by
// the Go code below instead: the same bytes, as TestNativeMatchesLayouts
// checks page by page, in a fraction of the time. A site that overrides
// any file an article page is made of (base.html, article.html or any
// partial) gets its own layouts executed, as always.

// isDefaultCommon reports whether base.html and the partials, which
// every page is made of, are the default ones, byte for byte, with no
// partial added.
func isDefaultCommon(fsys fs.FS) bool {
	if !sameFile(fsys, "base.html") {
		return false
	}
	mine, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return false
	}
	theirs, err := fs.Glob(layouts.FS, "partials/*.html")
	if err != nil || len(mine) != len(theirs) {
		return false
	}
	for i, name := range mine {
		if name != theirs[i] || !sameFile(fsys, name) {
			return false
		}
	}
	return true
}

// sameFile reports whether name holds in fsys what it holds in the
// default layouts.
func sameFile(fsys fs.FS, name string) bool {
	mine, err := fs.ReadFile(fsys, name)
	if err != nil {
		return false
	}
	theirs, err := fs.ReadFile(layouts.FS, name)
	return err == nil && bytes.Equal(mine, theirs)
}

// nativeKinds are the kinds of page the Go code writes: articles, and the
// lists of articles (sections, topics, authors, months, the front page's
// older pages).
var nativeKinds = []string{"article", "list", "home"}

// native writes pages as the default layouts do.
type native struct {
	cfg *config.Config
	// base is the site's base path, sheet the stylesheet's in-page link.
	base, sheet string
}

// partialFunc renders a partial the Go code does not write itself (the
// masthead, the footer), as the layouts would.
type partialFunc func(name string, data any) (template.HTML, error)

// errNotNative says a page is one the Go code does not write: the front
// page of the archive, with its top stories.
var errNotNative = errors.New("not written in Go")

// nativeBufs are reused for pages written by the Go code.
var nativeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// execute writes a page, with partial for the partials it does not write.
func (n *native) execute(w io.Writer, p *Page, partial partialFunc) error {
	if p.Kind == "home" && (p.Front != nil || p.List == nil || p.List.Number == 0 || len(p.List.Entries) == 0) {
		return errNotNative
	}
	bp := nativeBufs.Get().(*[]byte)
	defer nativeBufs.Put(bp)
	b, err := n.page(p, (*bp)[:0], partial)
	*bp = b
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// page writes base.html for p.
func (n *native) page(p *Page, b []byte, partial partialFunc) ([]byte, error) {
	b = append(b, "<!doctype html>\n<html lang=\""...)
	b = appendHTML(b, n.cfg.Language)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	if p.Title != "" {
		b = appendHTML(b, p.Title)
		b = append(b, " · "...)
	}
	b = appendHTML(b, n.cfg.Title)
	b = append(b, "</title>\n"...)
	b = n.meta(p, b)
	b = append(b, "\n<link rel=\"icon\" href=\""...)
	b = appendURL(b, n.base+"favicon.svg")
	b = append(b, "\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\""...)
	b = appendURL(b, n.sheet)
	b = append(b, "\">\n</head>\n<body class=\"kind-"...)
	b = appendHTML(b, p.Kind)
	b = append(b, "\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"...)
	header, err := partial("partials/header.html", p)
	if err != nil {
		return b, err
	}
	b = append(b, header...)
	b = append(b, "\n<main id=\"main\" tabindex=\"-1\">\n"...)
	switch p.Kind {
	case "article":
		b, err = n.article(p.Article, b)
	case "list":
		b, err = n.list(p, b)
	default:
		b, err = n.home(p, b)
	}
	if err != nil {
		return b, err
	}
	b = append(b, "\n</main>\n"...)
	footer, err := partial("partials/footer.html", p)
	b = append(b, footer...)
	return append(b, "\n</body>\n</html>\n"...), err
}

// rel is a site path as an in-page link.
func (n *native) rel(p string) string { return n.base + p }

// meta writes partials/meta.html.
func (n *native) meta(p *Page, b []byte) []byte {
	cfg := n.cfg
	if p.Description != "" {
		b = append(b, "<meta name=\"description\" content=\""...)
		b = appendHTML(b, p.Description)
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	if p.Canonical {
		b = append(b, "<link rel=\"canonical\" href=\""...)
		b = appendURL(b, cfg.AbsURL(p.Path))
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	for _, a := range p.Discovery() {
		b = append(b, "<link rel=\"alternate\" type=\""...)
		b = appendHTML(b, a.Type)
		b = append(b, "\" title=\""...)
		b = appendHTML(b, a.Title)
		b = append(b, "\" href=\""...)
		b = appendURL(b, n.rel(a.Path))
		b = append(b, "\">\n"...)
	}
	b = append(b, "\n<meta property=\"og:site_name\" content=\""...)
	b = appendHTML(b, cfg.Title)
	b = append(b, "\">\n<meta property=\"og:title\" content=\""...)
	if p.Title != "" {
		b = appendHTML(b, p.Title)
	} else {
		b = appendHTML(b, cfg.Title)
	}
	b = append(b, "\">\n"...)
	if p.Description != "" {
		b = append(b, "<meta property=\"og:description\" content=\""...)
		b = appendHTML(b, p.Description)
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	if p.Canonical {
		b = append(b, "<meta property=\"og:url\" content=\""...)
		b = appendHTML(b, cfg.AbsURL(p.Path))
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	if a := p.Article; a != nil {
		b = n.articleMeta(a, b)
	} else {
		b = append(b, "\n<meta property=\"og:type\" content=\"website\">\n"...)
	}
	b = append(b, "\n<meta name=\"twitter:card\" content=\""...)
	if a := p.Article; a != nil && a.Image != nil && a.Image.Src != "" {
		b = append(b, "summary_large_image"...)
	} else {
		b = append(b, "summary"...)
	}
	b = append(b, "\">\n"...)
	b = n.appendJSONLD(p, b)
	return append(b, "\n<meta name=\"generator\" content=\"newsgen\">\n"...)
}

// articleMeta writes the Open Graph tags of an article.
func (n *native) articleMeta(a *Article, b []byte) []byte {
	b = append(b, "\n<meta property=\"og:type\" content=\"article\">\n"...)
	if img := a.Image; img != nil && img.Src != "" {
		if u := imageURL(img, n.cfg.AbsURL); u != "" {
			b = append(b, "<meta property=\"og:image\" content=\""...)
			b = appendHTML(b, u)
			b = append(b, "\">"...)
		}
		if img.Alt != "" {
			b = append(b, "<meta property=\"og:image:alt\" content=\""...)
			b = appendHTML(b, img.Alt)
			b = append(b, "\">"...)
		}
		if img.Width != 0 {
			b = append(b, "<meta property=\"og:image:width\" content=\""...)
			b = appendInt(b, img.Width)
			b = append(b, "\"><meta property=\"og:image:height\" content=\""...)
			b = appendInt(b, img.Height)
			b = append(b, "\">"...)
		}
	}
	b = append(b, "\n<meta property=\"article:published_time\" content=\""...)
	b = appendHTML(b, isoDate(a.Date))
	b = append(b, "\">\n<meta property=\"article:modified_time\" content=\""...)
	b = appendHTML(b, isoDate(a.Modified()))
	b = append(b, "\">\n"...)
	for _, au := range a.Authors {
		b = append(b, "<meta property=\"article:author\" content=\""...)
		b = appendHTML(b, n.cfg.AbsURL(AuthorPath(au.Slug)))
		b = append(b, "\">\n"...)
	}
	b = append(b, '\n')
	if a.Category.Name != "" {
		b = append(b, "<meta property=\"article:section\" content=\""...)
		b = appendHTML(b, a.Category.Name)
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	for _, t := range a.Tags {
		b = append(b, "<meta property=\"article:tag\" content=\""...)
		b = appendHTML(b, t.Name)
		b = append(b, "\">\n"...)
	}
	return append(b, '\n')
}

// article writes the "main" block of article.html.
func (n *native) article(a *Article, b []byte) ([]byte, error) {
	b = append(b, '\n')
	if a == nil {
		return append(b, '\n'), nil
	}
	b = append(b, "\n<article class=\"story\">\n<header class=\"story-header\">\n<p class=\"kicker\">"...)
	if a.Category.Slug != "" {
		b = append(b, "<a href=\""...)
		b = appendURL(b, n.rel(CategoryPath(a.Category.Slug)))
		b = append(b, "\">"...)
		b = appendHTML(b, a.Category.Name)
		b = append(b, "</a>"...)
	} else {
		b = append(b, "News"...)
	}
	b = append(b, "</p>\n<h1 class=\"story-title\">"...)
	b = appendHTML(b, a.Title)
	b = append(b, "</h1>\n"...)
	if a.Summary != "" {
		b = append(b, "<p class=\"standfirst\">"...)
		b = appendHTML(b, a.Summary)
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')
	if len(a.Authors) > 0 {
		b = append(b, "<p class=\"story-authors\">"...)
		b = n.authors(a.Authors, b)
		b = append(b, "</p>"...)
	}
	b = append(b, "\n<p class=\"byline\"><time datetime=\""...)
	b = appendHTML(b, stamp(a.Date, a.DateHasTime))
	b = append(b, "\">"...)
	b = appendHTML(b, when(a.Date, a.DateHasTime))
	b = append(b, "</time>"...)
	if a.WasUpdated() {
		b = append(b, "<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"updated\">Updated <time datetime=\""...)
		b = appendHTML(b, stamp(a.Updated, a.UpdatedHasTime))
		b = append(b, "\">"...)
		b = appendHTML(b, when(a.Updated, a.UpdatedHasTime))
		b = append(b, "</time></span>"...)
	}
	b = append(b, "<span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"reading-time\">"...)
	b = appendInt(b, a.ReadingMinutes())
	b = append(b, " min read</span></p>\n</header>\n"...)
	b = n.figure(a, b)
	b = append(b, "\n<div class=\"story-body\">\n"...)
	b = append(b, a.HTML...)
	b = append(b, "\n</div>\n"...)
	if len(a.Tags) > 0 {
		b = append(b, "<p class=\"tags\">Topics: "...)
		for i, t := range a.Tags {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, "<a href=\""...)
			b = appendURL(b, n.rel(TagPath(t.Slug)))
			b = append(b, "\">"...)
			b = appendHTML(b, t.Name)
			b = append(b, "</a>"...)
		}
		b = append(b, "</p>"...)
	}
	b = append(b, "\n</article>\n"...)
	b = n.storyNav(a, b)
	b = append(b, '\n')
	b, err := n.related(a, b)
	return append(b, "\n\n"...), err
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
		b = append(b, "\">"...)
		b = appendHTML(b, au.Name)
		b = append(b, "</a>"...)
	}
	return append(b, '\n')
}

// figure writes the lead image, or the note on a picture the archive
// does not hold.
func (n *native) figure(a *Article, b []byte) []byte {
	img := a.Image
	if img == nil {
		return b
	}
	if img.Src != "" {
		b = append(b, "\n<figure class=\"lead-figure\">\n<img src=\""...)
		b = appendURL(b, imageURL(img, n.rel))
		b = append(b, "\" alt=\""...)
		if img.Alt != "" {
			b = appendHTML(b, img.Alt)
		} else {
			b = appendHTML(b, img.Caption)
		}
		b = append(b, '"')
		if img.Width != 0 {
			b = append(b, " width=\""...)
			b = appendInt(b, img.Width)
			b = append(b, "\" height=\""...)
			b = appendInt(b, img.Height)
			b = append(b, '"')
		}
		b = append(b, " fetchpriority=\"high\" decoding=\"async\">\n"...)
		if img.Caption != "" || img.Credit != "" {
			b = append(b, "<figcaption>"...)
			b = n.credits(img.Caption, img.Credit, "", b)
			b = append(b, "</figcaption>"...)
		}
		return append(b, "\n</figure>\n"...)
	}
	if img.Caption != "" || img.Credit != "" {
		b = append(b, "\n<p class=\"photo-note\"><span class=\"photo-label\">Photo not held in this archive:</span> "...)
		b = n.credits(img.Caption, img.Credit, "Credit: ", b)
		b = append(b, "</p>\n"...)
	}
	return b
}

// credits writes a picture's caption and credit, the credit after label.
func (n *native) credits(caption, credit, label string, b []byte) []byte {
	if caption != "" {
		b = append(b, "<span class=\"caption\">"...)
		b = appendHTML(b, caption)
		b = append(b, "</span>"...)
	}
	if credit != "" {
		b = append(b, " <span class=\"credit\">"...)
		b = append(b, label...)
		b = appendHTML(b, credit)
		b = append(b, "</span>"...)
	}
	return b
}

// storyNav writes the links to the previous and next articles.
func (n *native) storyNav(a *Article, b []byte) []byte {
	if a.Prev == nil && a.Next == nil {
		return b
	}
	b = append(b, "\n<nav class=\"story-nav\" aria-label=\"Previous and next articles\">\n"...)
	if e := a.Prev; e != nil {
		b = append(b, "<p class=\"story-prev\"><span class=\"story-nav-label\">Previous article</span> <a href=\""...)
		b = n.entryLink(e, b)
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')
	if e := a.Next; e != nil {
		b = append(b, "<p class=\"story-next\"><span class=\"story-nav-label\">Next article</span> <a href=\""...)
		b = n.entryLink(e, b)
		b = append(b, "</p>"...)
	}
	return append(b, "\n</nav>\n"...)
}

// entryLink writes the rest of a link to an article: its address, and
// its headline as the link's text.
func (n *native) entryLink(e *site.Entry, b []byte) []byte {
	b = appendURL(b, n.rel(e.Path()))
	b = append(b, "\">"...)
	b = appendHTML(b, e.Title)
	return append(b, "</a>"...)
}

// related writes the related articles, as briefs.
func (n *native) related(a *Article, b []byte) ([]byte, error) {
	if len(a.Related) == 0 {
		return b, nil
	}
	b = append(b, "\n<aside class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\" class=\"block-title\">Related articles</h2>\n<ul class=\"briefs\">\n"...)
	for _, e := range a.Related {
		html, err := n.brief(e, true)
		if err != nil {
			return b, err
		}
		b = append(b, html...)
	}
	return append(b, "\n</ul>\n</aside>\n"...), nil
}

// brief writes partials/brief.html: an article as one line of a list, its
// headline linked and, when dated is true, its date. Secondary lists
// (topics, authors, months, the front page's older pages) and the end of
// an article use it.
func (n *native) brief(e *site.Entry, dated ...bool) (template.HTML, error) {
	b := make([]byte, 0, 256)
	b = append(b, "<li><a href=\""...)
	b = n.entryLink(e, b)
	if len(dated) > 0 && dated[0] {
		b = append(b, " <time datetime=\""...)
		b = appendHTML(b, isoDate(e.Date))
		b = append(b, "\">"...)
		b = appendHTML(b, e.Date.Format("January 2, 2006"))
		b = append(b, "</time>"...)
	}
	b = append(b, "</li>\n"...)
	return template.HTML(b), nil
}

// teaser writes partials/teaser.html: an article's teaser, for the front
// page, its section, its topics, its month. A second argument names the
// section of the list: a teaser of that section leaves its kicker out,
// which would only repeat the page's title.
func (n *native) teaser(e *site.Entry, section ...string) (template.HTML, error) {
	kicker := len(section) == 0 || section[0] == "" || section[0] != e.Category.Slug
	b := make([]byte, 0, 1024)
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
			b = append(b, "<a class=\"kicker\" href=\""...)
			b = appendURL(b, n.rel(CategoryPath(e.Category.Slug)))
			b = append(b, "\">"...)
			b = appendHTML(b, e.Category.Name)
			b = append(b, "</a>"...)
		} else {
			b = append(b, "<span class=\"kicker\">News</span>"...)
		}
		b = append(b, "</p>"...)
	}
	b = append(b, "\n<h3 class=\"teaser-title\"><a href=\""...)
	b = n.entryLink(e, b)
	b = append(b, "</h3>\n"...)
	if e.Summary != "" {
		b = append(b, "<p class=\"teaser-summary\">"...)
		b = appendHTML(b, e.Summary)
		b = append(b, "</p>"...)
	}
	b = append(b, "\n<p class=\"teaser-meta\"><time datetime=\""...)
	b = appendHTML(b, isoDate(e.Date))
	b = append(b, "\">"...)
	b = appendHTML(b, e.Date.Format("January 2, 2006"))
	b = append(b, "</time></p>\n"...)
	if len(e.Authors) > 0 {
		b = append(b, "<p class=\"teaser-authors\">"...)
		b = n.authors(e.Authors, b)
		b = append(b, "</p>"...)
	}
	b = append(b, "\n</article>\n"...)
	return template.HTML(b), nil
}
