package pipeline

import (
	"bytes"
	"io/fs"
	"newsgen/generator/workers"
	"sync"
	"time"

	"newsgen/generator/feed"
	"newsgen/generator/progress"
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
	pages *sink[pageRecord]

	// meta is this build's archive fingerprint; metaSame says the last
	// build's was the same, so that its article keys and list pages still
	// hold. oldArticles and articleKeys are the last build's and this
	// one's article keys, by entry; oldArticles only when metaSame.
	meta        string
	metaSame    bool
	oldArticles []articleRecord
	articleKeys []articleRecord
	oldLists    []string
	lists       []string
	// trustOutput skips checking that kept files are still in the output
	// folder: a live builder wrote them itself.
	trustOutput bool
	bodies      *bodyCache
	// theme is the layouts as this build read them.
	theme fs.FS
}

func newRenderer(b *Builder, s *site.Site, tmpl *render.Templates, pub *publish.Publisher, rep *Report, keys *keyer) *renderer {
	meta := keys.meta(s)
	r := &renderer{opts: b.opts, site: s, tmpl: tmpl, pub: pub, rep: rep, keys: keys,
		old: b.cache.pageMap(), pages: newSink[pageRecord](cacheDir(b.opts.Root, s.Config), !b.opts.Live),
		meta: meta, metaSame: meta == b.cache.Meta,
		articleKeys: make([]articleRecord, len(s.Entries)), oldLists: b.cache.Lists,
		trustOutput: b.changed != nil, bodies: b.bodies}
	if r.metaSame {
		r.oldArticles = b.cache.oldArticleKeys(s.Entries)
	} else {
		b.cache.dropArticleKeys()
	}
	return r
}

// remember stores in the cache what the next build needs of this one.
func (r *renderer) remember(c *cache) {
	r.pages.store(&c.Pages, &c.pageSpill)
	c.Meta, c.Lists = r.meta, r.lists
	r.oldArticles = nil
	c.Articles, c.articleList = nil, &articleList{entries: r.site.Entries, keys: r.articleKeys}
}

// all renders the site's pages. Progress counts, under render, the
// article and list pages rendered or kept, and under write those placed
// in the output folder.
func (r *renderer) all() {
	defer r.opts.Progress.Done(progress.Write)
	defer r.opts.Progress.Done(progress.Render)
	r.articles()
	if r.metaSame && r.keepAll(r.oldLists) {
		r.lists = r.oldLists
	} else {
		lists := render.ListPages(r.site)
		r.listPages(lists)
		r.sitemaps(lists)
	}
	r.feeds()
	r.static()
}

// articles renders every changed article page in parallel. Each worker
// reads, renders and writes one article at a time, so memory holds a
// handful of pages, not the archive.
func (r *renderer) articles() {
	entries := r.site.Entries
	r.expect(len(entries))
	workers.Each(r.opts.Workers, len(entries), func(i int) {
		e := entries[i]
		name := render.OutputName(e.Path())
		key := r.articleKey(i, e)
		r.articleKeys[i] = articleRecord{Hash: e.Hash, Key: key}
		if r.unchanged(name, key) {
			r.placed()
			return
		}
		if err := r.article(e, key); err != nil {
			r.rep.problem(err)
		}
	})
}

// articleKey is the last build's key for an unchanged article (entry i)
// in an unchanged archive, and a new one otherwise. An unchanged archive
// has every entry's front matter, so every page path, as it was.
func (r *renderer) articleKey(i int, e *site.Entry) string {
	if r.metaSame && r.oldArticles[i].Key != "" && r.oldArticles[i].Hash == e.Hash {
		return r.oldArticles[i].Key
	}
	return r.keys.article(r.site, e)
}

// keepAll keeps every named file as the last build wrote it, if all are
// on record and still there.
func (r *renderer) keepAll(names []string) bool {
	for _, n := range names {
		rec, ok := r.old[n]
		if !ok || (!r.trustOutput && !fresh(r.opts.Out, n, rec)) {
			return false
		}
	}
	r.expect(len(names))
	for _, n := range names {
		r.pub.Keep(n)
		r.record(n, r.old[n])
		r.placed()
	}
	return true
}

func (r *renderer) article(e *site.Entry, key string) error {
	body, img, err := readArticle(r.opts.Root, e)
	if err != nil {
		return err
	}
	start := time.Now()
	art := render.NewArticle(r.site, e, body)
	if img != nil {
		art.Image = img
	}
	r.rep.stage(stageMarkdown, time.Since(start))
	p := render.ArticlePage(r.site, art)
	p.Alternates = alternates(feed.CategoryAlternates(r.site, e.Category.Slug))
	return r.page(p, key)
}

// listPages renders the changed pages that list articles.
func (r *renderer) listPages(pages []*render.Page) {
	for _, p := range pages {
		r.lists = append(r.lists, render.OutputName(p.Path))
	}
	r.expect(len(pages))
	workers.Each(r.opts.Workers, len(pages), func(i int) {
		p := pages[i]
		p.Alternates = alternates(feed.Alternates(r.site, p.Path))
		key := r.keys.page(p)
		if r.unchanged(render.OutputName(p.Path), key) {
			r.placed()
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
	if !ok || rec.Key != key || (!r.trustOutput && !fresh(r.opts.Out, name, rec)) {
		return false
	}
	r.pub.Keep(name)
	r.record(name, rec)
	return true
}

// expect tells the progress display of n more pages to render and write.
func (r *renderer) expect(n int) {
	r.opts.Progress.Expect(progress.Render, n)
	r.opts.Progress.Expect(progress.Write, n)
}

// placed counts a page kept as it was: rendered and written already.
func (r *renderer) placed() {
	r.opts.Progress.Add(progress.Render, 1)
	r.opts.Progress.Add(progress.Write, 1)
}

func (r *renderer) record(name string, rec pageRecord) {
	r.pages.add(name, rec)
}

// page executes a page's layout and publishes it as PATH/index.html, or
// as PATH itself when the path names a file.
func (r *renderer) page(p *render.Page, key string) error {
	buf := pages.Get().(*bytes.Buffer)
	defer pages.Put(buf)
	buf.Reset()
	start := time.Now()
	err := r.tmpl.Execute(buf, p)
	r.rep.stage(stageTemplates, time.Since(start))
	if err != nil {
		return &pageError{err: err, page: p.Path}
	}
	r.rep.rendered.Add(1)
	r.opts.Progress.Add(progress.Render, 1)
	name := render.OutputName(p.Path)
	size, err := r.pub.Write(name, buf.Bytes())
	if err != nil {
		return err
	}
	r.opts.Progress.Add(progress.Write, 1)
	r.record(name, pageRecord{Key: key, Size: size})
	return nil
}

// pages are reused for rendered pages before they are minified.
var pages = sync.Pool{New: func() any { return new(bytes.Buffer) }}
