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

// Article pages and lists of articles are most of an archive, and
// html/template spends most of their time looking up fields and calling
// functions through reflection. When a site uses the default layouts for
// a kind of page, its pages are written by the Go code of native*.go
// instead: the same bytes, as TestNativeMatchesLayouts checks page by
// page, in a fraction of the time. A site that overrides any file such a
// page is made of (base.html, the kind's own layout or any partial) gets
// its own layouts executed, as always; teasers and briefs are written in
// Go whenever base.html and the partials are the default ones.

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
	b = tagged(b, "<!doctype html>\n<html lang=\"", n.cfg.Language, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
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
	b = tagged(b, "\">\n</head>\n<body class=\"kind-", p.Kind, "\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
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

// tagged appends open, text escaped as html/template escapes text, and
// close: the shape of most of what the default layouts print.
func tagged(b []byte, open, text, close string) []byte {
	b = append(b, open...)
	b = appendHTML(b, text)
	return append(b, close...)
}

// categoryLink appends a link to a section's page, attrs (such as
// ` class="kicker"`) before its href.
func (n *native) categoryLink(b []byte, attrs string, c site.Term) []byte {
	b = append(b, "<a"...)
	b = append(b, attrs...)
	b = append(b, " href=\""...)
	b = appendURL(b, n.rel(CategoryPath(c.Slug)))
	return tagged(b, "\">", c.Name, "</a>")
}

// rel is a site path as an in-page link.
func (n *native) rel(p string) string { return n.base + p }

// meta writes partials/meta.html.
func (n *native) meta(p *Page, b []byte) []byte {
	cfg := n.cfg
	if p.Description != "" {
		b = tagged(b, "<meta name=\"description\" content=\"", p.Description, "\">")
	}
	b = append(b, '\n')
	if p.Canonical {
		b = append(b, "<link rel=\"canonical\" href=\""...)
		b = appendURL(b, cfg.AbsURL(p.Path))
		b = append(b, "\">"...)
	}
	b = append(b, '\n')
	for _, a := range p.Discovery() {
		b = tagged(b, "<link rel=\"alternate\" type=\"", a.Type, "\" title=\"")
		b = appendHTML(b, a.Title)
		b = append(b, "\" href=\""...)
		b = appendURL(b, n.rel(a.Path))
		b = append(b, "\">\n"...)
	}
	b = tagged(b, "\n<meta property=\"og:site_name\" content=\"", cfg.Title, "\">\n<meta property=\"og:title\" content=\"")
	if p.Title != "" {
		b = appendHTML(b, p.Title)
	} else {
		b = appendHTML(b, cfg.Title)
	}
	b = append(b, "\">\n"...)
	if p.Description != "" {
		b = tagged(b, "<meta property=\"og:description\" content=\"", p.Description, "\">")
	}
	b = append(b, '\n')
	if p.Canonical {
		b = tagged(b, "<meta property=\"og:url\" content=\"", cfg.AbsURL(p.Path), "\">")
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
			b = tagged(b, "<meta property=\"og:image\" content=\"", u, "\">")
		}
		if img.Alt != "" {
			b = tagged(b, "<meta property=\"og:image:alt\" content=\"", img.Alt, "\">")
		}
		if img.Width != 0 {
			b = append(b, "<meta property=\"og:image:width\" content=\""...)
			b = appendInt(b, img.Width)
			b = append(b, "\"><meta property=\"og:image:height\" content=\""...)
			b = appendInt(b, img.Height)
			b = append(b, "\">"...)
		}
	}
	b = tagged(b, "\n<meta property=\"article:published_time\" content=\"", isoDate(a.Date), "\">\n<meta property=\"article:modified_time\" content=\"")
	b = appendHTML(b, isoDate(a.Modified()))
	b = append(b, "\">\n"...)
	for _, au := range a.Authors {
		b = tagged(b, "<meta property=\"article:author\" content=\"", n.cfg.AbsURL(AuthorPath(au.Slug)), "\">\n")
	}
	b = append(b, '\n')
	if a.Category.Name != "" {
		b = tagged(b, "<meta property=\"article:section\" content=\"", a.Category.Name, "\">")
	}
	b = append(b, '\n')
	for _, t := range a.Tags {
		b = tagged(b, "<meta property=\"article:tag\" content=\"", t.Name, "\">\n")
	}
	return append(b, '\n')
}
