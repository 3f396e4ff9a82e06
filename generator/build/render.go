package build

import (
	"bytes"
	"fmt"
	"io/fs"

	"newsgen/generator/publish"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// renderer renders every page of one build and hands it to the publisher.
type renderer struct {
	opts Options
	site *site.Site
	tmpl *render.Templates
	pub  *publish.Publisher
	rep  *Report
}

func (r *renderer) all() {
	r.articles()
	r.lists()
	r.static()
}

// articles renders every article page in parallel. Each worker reads,
// renders and writes one article at a time, so memory holds a handful of
// pages, not the archive.
func (r *renderer) articles() {
	entries := r.site.Entries
	parallel(r.opts.Workers, len(entries), func(i int) {
		if err := r.article(entries[i]); err != nil {
			r.rep.problem(err)
		}
	})
}

func (r *renderer) article(e *site.Entry) error {
	a, err := readArticle(r.opts.Root, e.Source, true)
	if err != nil {
		return err
	}
	return r.page(render.ArticlePage(render.NewArticle(r.site, e, a)))
}

// lists renders the pages that list articles.
func (r *renderer) lists() {
	for _, p := range render.ListPages(r.site) {
		if err := r.page(p); err != nil {
			r.rep.problem(err)
		}
	}
}

// page executes a page's layout and publishes it as PATH/index.html, or
// as PATH itself when the path names a file.
func (r *renderer) page(p *render.Page) error {
	var buf bytes.Buffer
	if err := r.tmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("%s (page /%s)", err, p.Path)
	}
	return r.pub.Write(render.OutputName(p.Path), buf.Bytes())
}

// static publishes the theme's stylesheet and the files a host expects.
func (r *renderer) static() {
	css, err := fs.ReadFile(Theme(r.opts.Root), "style.css")
	if err == nil {
		err = r.pub.Write("style.css", css)
	}
	if err != nil {
		r.rep.problem(fmt.Errorf("%s/style.css: %w", render.LayoutDir, err))
	}
	// GitHub Pages would otherwise run Jekyll over the output.
	if err := r.pub.WriteRaw(".nojekyll", nil); err != nil {
		r.rep.problem(err)
	}
}
