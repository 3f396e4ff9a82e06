package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"newsgen/generator/feed"
	"newsgen/generator/publish"
	"newsgen/generator/render"
	"newsgen/generator/site"
)

// renderer renders the pages of one build and hands them to the
// publisher, skipping those whose key matches the last build's.
type renderer struct {
	opts Options
	site *site.Site
	tmpl *render.Templates
	pub  *publish.Publisher
	rep  *Report
	keys *keyer

	// old are the last build's pages; pages collects this build's.
	old   map[string]pageRecord
	mu    sync.Mutex
	pages map[string]pageRecord
}

func (r *renderer) all() {
	r.articles()
	lists := render.ListPages(r.site)
	r.lists(lists)
	r.feeds()
	r.sitemaps(lists)
	r.static()
}

// articles renders every changed article page in parallel. Each worker
// reads, renders and writes one article at a time, so memory holds a
// handful of pages, not the archive.
func (r *renderer) articles() {
	entries := r.site.Entries
	parallel(r.opts.Workers, len(entries), func(i int) {
		e := entries[i]
		key := r.keys.article(r.site, e)
		if r.unchanged(render.OutputName(e.Path()), key) {
			return
		}
		if err := r.article(e, key); err != nil {
			r.rep.problem(err)
		}
	})
}

func (r *renderer) article(e *site.Entry, key string) error {
	a, err := readArticle(r.opts.Root, e.Source, true)
	if err != nil {
		return err
	}
	start := time.Now()
	art := render.NewArticle(r.site, e, a)
	r.rep.stage(stageMarkdown, time.Since(start))
	p := render.ArticlePage(r.site, art)
	p.Alternates = alternates(feed.CategoryAlternates(r.site, e.Category.Slug))
	return r.page(p, key)
}

// lists renders the changed pages that list articles.
func (r *renderer) lists(pages []*render.Page) {
	parallel(r.opts.Workers, len(pages), func(i int) {
		p := pages[i]
		p.Alternates = alternates(feed.Alternates(r.site, p.Path))
		key := r.keys.page(p)
		if r.unchanged(render.OutputName(p.Path), key) {
			return
		}
		if err := r.page(p, key); err != nil {
			r.rep.problem(err)
		}
	})
}

// unchanged reports whether the last build wrote this very page and its
// file is still there; if so the page is kept as it is.
func (r *renderer) unchanged(name, key string) bool {
	rec, ok := r.old[name]
	if !ok || rec.Key != key || !fresh(r.opts.Out, name, rec) {
		return false
	}
	r.pub.Keep(name)
	r.record(name, rec)
	return true
}

func (r *renderer) record(name string, rec pageRecord) {
	r.mu.Lock()
	r.pages[name] = rec
	r.mu.Unlock()
}

// page executes a page's layout and publishes it as PATH/index.html, or
// as PATH itself when the path names a file.
func (r *renderer) page(p *render.Page, key string) error {
	var buf bytes.Buffer
	start := time.Now()
	err := r.tmpl.Execute(&buf, p)
	r.rep.stage(stageTemplates, time.Since(start))
	if err != nil {
		return fmt.Errorf("%s (page /%s)", err, p.Path)
	}
	r.rep.rendered.Add(1)
	name := render.OutputName(p.Path)
	size, err := r.pub.Write(name, buf.Bytes())
	if err != nil {
		return err
	}
	r.record(name, pageRecord{Key: key, Size: size})
	return nil
}

// static publishes the theme's stylesheet and the files a host expects.
func (r *renderer) static() {
	css, err := fs.ReadFile(Theme(r.opts.Root), "style.css")
	if err == nil {
		_, err = r.pub.Write("style.css", css)
	}
	if err != nil {
		r.rep.problem(fmt.Errorf("%s/style.css: %w", render.LayoutDir, err))
	}
	// GitHub Pages would otherwise run Jekyll over the output.
	if err := r.pub.WriteRaw(".nojekyll", nil); err != nil {
		r.rep.problem(err)
	}
}
